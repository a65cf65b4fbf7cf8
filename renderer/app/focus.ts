/**
 * Focus helpers shared by the screens: a link from Översikt lands on the row it names, and a dialog gives focus
 * back to what opened it.
 */
import { useEffect, useRef } from 'react';

/** `[data-x="value"]` with the value escaped, for an id from the register. */
export function byData(attribute: string, value: string): string {
  return `[${attribute}="${CSS.escape(value)}"]`;
}

/**
 * Focuses (and scrolls to) the element `selector` finds, once it exists: the row a link points at shows only
 * after its data has loaded. Each target is focused once, so later renders leave the user's focus alone.
 */
export function useFocusOnArrival(selector: string | undefined): void {
  const done = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (selector === undefined || done.current === selector) return;
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) return;
    done.current = selector;
    target.scrollIntoView({ block: 'center' });
    target.focus();
  });
}
