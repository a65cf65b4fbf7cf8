import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is in view of the screen's scrolling area (`main`), or within a screen's height of it:
 * from then on the chart is drawn. The figure's heading, text and data table are there from the start, so
 * screen readers and the data-ready marker lose nothing; only the picture of a chart below the fold waits
 * until the user scrolls towards it. A chart in view when the screen first draws is drawn in that same paint.
 * Once near, it stays drawn. `margin` is how far beyond the view counts as near (CSS margin, as
 * IntersectionObserver's `rootMargin`).
 */
export function useNearView(ref: RefObject<HTMLElement | null>, margin = '100% 0px'): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useLayoutEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const area = (el.closest('main') ?? document.documentElement).getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.bottom >= area.top && box.top <= area.bottom) setNear(true);
  }, [near, ref]);
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
