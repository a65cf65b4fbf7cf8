import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is in view of the screen's scrolling area (`main`), or within a screen's height of it:
 * from then on the chart is drawn. The figure's heading, text and data table are there from the start, so
 * screen readers and the data-ready marker lose nothing; only the picture of a chart below the fold waits
 * until the user scrolls towards it. Once near, it stays drawn. `margin` is how far beyond the view counts as
 * near (CSS margin, as IntersectionObserver's `rootMargin`).
 *
 * `firstPaint`: 'measure' (the default) draws a chart in view when the screen first draws in that same paint,
 * at the price of measuring it inside the commit, which forces the page's layout before it is finished.
 * 'observe' leaves that to the observer, whose first answer comes right after the first paint: for charts that
 * stand below other content (the board pack's charts below its goals), where that measurement almost always
 * finds nothing in view.
 */
export function useNearView(ref: RefObject<HTMLElement | null>, margin = '100% 0px', firstPaint: 'measure' | 'observe' = 'measure'): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useLayoutEffect(() => {
    const el = ref.current;
    if (near || !el || firstPaint === 'observe') return;
    const area = (el.closest('main') ?? document.documentElement).getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.bottom >= area.top && box.top <= area.bottom) setNear(true);
  }, [near, ref, firstPaint]);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      root: el.closest('main'),
      rootMargin: margin,
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near, ref, margin]);
  return near;
}
