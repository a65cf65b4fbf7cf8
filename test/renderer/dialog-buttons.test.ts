import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One order of dialog buttons, Fluent UI's: «Avbryt» (or another secondary button) first, the primary action
 * last, at the right edge where the eye ends. Every dialog of the app writes its DialogActions this way; this
 * test reads the sources so a dialog written the other way round fails here rather than in a user's hands.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

describe('dialog buttons', () => {
  it('put the primary action last in every DialogActions', () => {
    const wrong: string[] = [];
    let blocks = 0;
    for (const file of sources('renderer')) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/<DialogActions[^>]*>([\s\S]*?)<\/DialogActions>/gu)) {
        const buttons = [...(match[1] ?? '').matchAll(/<Button\b[\s\S]*?<\/Button>/gu)].map((b) => b[0]);
        if (buttons.length < 2) continue;
        blocks += 1;
        const primary = buttons.findIndex((b) => b.includes('appearance="primary"'));
        if (primary !== -1 && primary !== buttons.length - 1) {
          wrong.push(`${file}:${text.slice(0, match.index).split('\n').length}`);
        }
      }
    }
    // FormDialog's one block (confirmations included) and the few dialogs of their own must all be read.
    expect(blocks).toBeGreaterThan(1);
    expect(wrong).toEqual([]);
  });

  it('leave the form dialogs to FormDialog', () => {
    // A dialog with fields submits through the one shell, so busy state, error bar and Enter behave alike.
    const own = sources('renderer').filter((file) => {
      if (file.endsWith('FormDialog.tsx')) return false;
      const text = readFileSync(file, 'utf8');
      return /<form\b/u.test(text) && /<Dialog(Surface|Body)\b/u.test(text);
    });
    expect(own).toEqual([]);
  });
});
