import { describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../electron/contract';
import { exportProgressView, importProgressView } from '../../../renderer/components/task-progress';
import { sv } from '../../../renderer/lib/i18n/sv';

const p = (phase: TaskProgress['phase'], done: number, total: number, extra: Partial<TaskProgress> = {}): TaskProgress => ({
  taskId: 't',
  phase,
  done,
  total,
  cancellable: true,
  ...extra,
});

describe('importProgressView', () => {
  it('says which row of how many is previewed, in Swedish with grouped digits, as a determinate bar', () => {
    expect(importProgressView('preview', p('planning', 1250, 5000))).toEqual({ value: 0.25, text: 'Förhandsvisar rad 1\u00a0250 av 5\u00a0000', cancellable: true });
    expect(importProgressView('apply', p('planning', 5000, 5000)).text).toBe('Kontrollerar rad 5\u00a0000 av 5\u00a0000 inför importen');
  });

  it('shows a moving bar before the first report and while reading, and no cancel once saving', () => {
    expect(importProgressView('read', undefined)).toEqual({ value: undefined, text: sv.excel.reading, cancellable: true });
    expect(importProgressView('read', p('reading', 0, 1))).toMatchObject({ value: undefined, text: sv.excel.progressReading });
    expect(importProgressView('apply', p('saving', 0, 1, { cancellable: false }))).toEqual({ value: undefined, text: sv.excel.progressSaving, cancellable: false });
  });

  it('keeps the bar within 0 … 1 whatever arrives', () => {
    expect(importProgressView('preview', p('planning', 7, 0)).value).toBeUndefined();
    expect(importProgressView('preview', p('planning', 9, 3)).value).toBe(1);
  });
});

describe('exportProgressView', () => {
  it('names the sheet being built, one-based, then the file', () => {
    expect(exportProgressView(p('building', 0, 5, { detail: 'Medlemmar' }))).toEqual({ value: 0, text: 'Skapar blad 1 av 5: Medlemmar', cancellable: true });
    expect(exportProgressView(p('building', 4, 5, { detail: 'Budget' })).text).toBe('Skapar blad 5 av 5: Budget');
    expect(exportProgressView(p('writing', 0, 1))).toEqual({ value: undefined, text: sv.excel.progressWriting, cancellable: true });
    expect(exportProgressView(undefined).text).toBe(sv.excel.exporting);
  });
});
