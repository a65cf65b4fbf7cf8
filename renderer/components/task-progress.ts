/**
 * What a progress bar says about a long call (`task/progress`): the bar's value (a fraction, or undefined for
 * a step without measurable parts, which shows as a moving bar), the sentence beside it, and whether «Avbryt»
 * can still stop it.
 */
import type { TaskProgress } from '../../electron/contract';
import { formatNumber } from '../lib/format';
import { sv } from '../lib/i18n/sv';

export type ProgressView = { value: number | undefined; text: string; cancellable: boolean };

export type ImportStep = 'read' | 'preview' | 'apply';

const fraction = (p: TaskProgress) => (p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : undefined);

/** The import's reading, previewing or applying; before the first report, the step's own words and a moving bar. */
export function importProgressView(step: ImportStep, progress: TaskProgress | undefined): ProgressView {
  const before = { read: sv.excel.reading, preview: sv.excel.previewing, apply: sv.excel.applying }[step];
  if (!progress) return { value: undefined, text: before, cancellable: true };
  const rows = (words: (done: string, total: string) => string) => words(formatNumber(progress.done), formatNumber(progress.total));
  switch (progress.phase) {
    case 'planning':
      return {
        value: fraction(progress),
        text: rows(step === 'apply' ? sv.excel.progressApplyRows : sv.excel.progressPreviewRows),
        cancellable: progress.cancellable,
      };
    case 'saving':
      return { value: undefined, text: sv.excel.progressSaving, cancellable: progress.cancellable };
    case 'reading':
      return { value: undefined, text: step === 'read' ? sv.excel.progressReading : before, cancellable: progress.cancellable };
    default:
      return { value: undefined, text: before, cancellable: progress.cancellable };
  }
}

/** A workbook export: sheet by sheet, then the file (one step of unknown length). */
export function exportProgressView(progress: TaskProgress | undefined): ProgressView {
  if (!progress) return { value: undefined, text: sv.excel.exporting, cancellable: true };
  if (progress.phase === 'building') {
    return {
      value: fraction(progress),
      text: sv.excel.progressSheet(Math.min(progress.done + 1, progress.total), progress.total, progress.detail ?? ''),
      cancellable: progress.cancellable,
    };
  }
  if (progress.phase === 'writing') return { value: undefined, text: sv.excel.progressWriting, cancellable: progress.cancellable };
  return { value: undefined, text: sv.excel.exporting, cancellable: progress.cancellable };
}
