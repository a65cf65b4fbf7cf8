/**
 * Focus helpers shared by the screens: a link from Översikt lands on the row it names, and a dialog gives focus
 * back to what opened it.
 */
import { useEffect, useRef } from 'react';

/** Where focus may go while a popup is open; the control focused before one opens is the one to return to. */
const POPUPS = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

/** Lost, or only on the title a page focused on arrival: a more precise target may still take it. */
function focusIsNowhere(): boolean {
  return focusIsLost() || document.activeElement?.matches('h1[tabindex="-1"]') === true;
}

/** `[data-x="value"]` with the value escaped, for an id from the register. */
export function byData(attribute: string, value: string): string {
  return `[${attribute}="${CSS.escape(value)}"]`;
}

/**
 * Focuses (and scrolls to) the element `selector` finds, once it exists: the row a link points at shows only
 * after its data has loaded. Each target is focused once, so later renders leave the user's focus alone.
 */
export function useFocusOnArrival(selector: string | undefined, options: { onlyIfNowhere?: boolean } = {}): void {
  const done = useRef<string | undefined>(undefined);
  const onlyIfNowhere = options.onlyIfNowhere === true;
  useEffect(() => {
    if (selector === undefined || done.current === selector) return;
    if (onlyIfNowhere && !focusIsNowhere()) return;
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) return;
    done.current = selector;
    target.scrollIntoView({ block: 'center' });
    target.focus();
  });
}

function removedADialog(mutations: readonly MutationRecord[]): boolean {
  return mutations.some((m) =>
    [...m.removedNodes].some((node) => node instanceof Element && (node.matches('[role="dialog"], [role="alertdialog"]') || node.querySelector('[role="dialog"], [role="alertdialog"]') !== null)),
  );
}

/**
 * Gives focus back to the control that opened a dialog when the dialog goes (Esc, «Avbryt», save) and focus
 * would otherwise fall to the page body. The control is the last one focused outside any popup, so a dialog
 * opened from a row's menu returns to that row's menu button. Installed once by the shell; returns the undo.
 */
export function installFocusReturn(): () => void {
  let origin: HTMLElement | undefined;

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (target instanceof HTMLElement && target !== document.body && target.closest(POPUPS) === null) origin = target;
  };
  const restore = () => {
    if (focusIsLost() && origin?.isConnected) origin.focus();
  };
  const observer = new MutationObserver((mutations) => {
    if (removedADialog(mutations)) requestAnimationFrame(restore);
  });
  document.addEventListener('focusin', onFocusIn, true);
  observer.observe(document.body, { childList: true, subtree: true });
  return () => {
    document.removeEventListener('focusin', onFocusIn, true);
    observer.disconnect();
  };
}

let firstPage = true;

/**
 * A page that has just been navigated to takes focus on its title when focus would otherwise be nowhere (the link
 * that led here is gone), so the keyboard and a screen reader continue from the new page, not from the top.
 */
export function usePageArrivalFocus(ref: { current: HTMLElement | null }): void {
  useEffect(() => {
    const initial = firstPage;
    firstPage = false;
    if (!initial && focusIsLost()) ref.current?.focus({ preventScroll: true });
  }, [ref]);
}
