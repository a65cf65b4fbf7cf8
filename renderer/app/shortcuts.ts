/** Keyboard shortcuts of the shell, decided from the key event alone so they can be tested without a DOM. */

export type ShortcutKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo (Cmd instead of Ctrl on a Mac). Alt combinations are left alone. */
export function historyShortcut(e: ShortcutKey): 'undo' | 'redo' | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return undefined;
}

/** F1 alone opens the user guide, in text fields too: it types nothing there. */
export function isHelpShortcut(e: ShortcutKey): boolean {
  return e.key === 'F1' && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
}

/** Text fields keep their own undo: Ctrl+Z there undoes typing, not the last saved change. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}
