import { describe, expect, it } from 'vitest';
import { historyShortcut } from '../../../renderer/app/shortcuts';

const key = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('historyShortcut', () => {
  it('undoes on Ctrl+Z (Cmd+Z on a Mac)', () => {
    expect(historyShortcut(key('z', { ctrl: true }))).toBe('undo');
    expect(historyShortcut(key('z', { meta: true }))).toBe('undo');
  });

  it('redoes on Ctrl+Shift+Z and Ctrl+Y, whatever the letter case', () => {
    expect(historyShortcut(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(historyShortcut(key('y', { ctrl: true }))).toBe('redo');
    expect(historyShortcut(key('Y', { ctrl: true }))).toBe('redo');
  });

  it('ignores the keys without Ctrl, with Alt (AltGr on Swedish keyboards), and other letters', () => {
    expect(historyShortcut(key('z'))).toBeUndefined();
    expect(historyShortcut(key('z', { ctrl: true, alt: true }))).toBeUndefined();
    expect(historyShortcut(key('y', { ctrl: true, shift: true }))).toBeUndefined();
    expect(historyShortcut(key('s', { ctrl: true }))).toBeUndefined();
  });
});
