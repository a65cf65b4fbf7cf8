/** The import flow on the Data screen: what the steps show, computed from the core's answers. */
import type {
  ImportFieldKey,
  ImportFileView,
  ImportMapping,
  ImportOutcome,
  ImportPreview,
  ImportRowPlan,
  ImportSheetView,
  ImportSummary,
  RowDecision,
} from '../../../electron/contract';
import { sv } from '../../lib/i18n/sv';

const t = sv.excel;

export const fieldGroups: readonly { key: keyof typeof t.fieldGroups; fields: readonly ImportFieldKey[] }[] = [
  { key: 'organisation', fields: ['organisation', 'municipalityCode', 'orgNumber', 'kind', 'county', 'population'] },
  { key: 'membership', fields: ['joined', 'left'] },
  { key: 'contact', fields: ['name', 'title', 'email', 'phone', 'businessArea'] },
  { key: 'billing', fields: ['invoiceStreet', 'invoicePostalCode', 'invoiceCity', 'buyerReference', 'peppolId', 'invoiceEmail', 'payer'] },
];

const IDENTITY: readonly ImportFieldKey[] = ['organisation', 'municipalityCode', 'orgNumber'];

/** A1 column letters: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export type ColumnOption = { value: string; label: string };

/** `NOT_USED` is the value of «– Används inte –». */
export const NOT_USED = '';

export function columnOptions(header: readonly string[]): ColumnOption[] {
  return [
    { value: NOT_USED, label: t.notUsed },
    ...header.map((h, i) => ({ value: String(i), label: h.trim() ? `${columnLetter(i)} – ${h.trim()}` : `${columnLetter(i)}` })),
  ];
}

export function fileFactsText(file: ImportFileView, sheet: ImportSheetView | undefined): string {
  const format =
    file.format === 'csv' && file.encoding && file.delimiter
      ? `${t.formats.csv} (${t.csvDetails(file.encoding, file.delimiter)})`
      : (t.formats[file.format] ?? file.format);
  return t.fileFacts(file.fileName, format, sheet?.rowCount ?? 0);
}

/** The sheet to start with: the first visible sheet with rows, else the first sheet. */
export function defaultSheet(file: ImportFileView): ImportSheetView | undefined {
  return file.sheets.find((s) => !s.hidden && s.rowCount > 0) ?? file.sheets[0];
}

/** Chooses `column` for `field`; a column can fill one field only, so another field holding it lets go. */
export function mappingAfter(mapping: ImportMapping, field: ImportFieldKey, column: number | undefined): ImportMapping {
  const next: ImportMapping = {};
  for (const [key, value] of Object.entries(mapping) as [ImportFieldKey, number | undefined][]) {
    if (key === field || value === undefined || value === column) continue;
    next[key] = value;
  }
  if (column !== undefined) next[field] = column;
  return next;
}

export function canPreview(mapping: ImportMapping): boolean {
  return IDENTITY.some((f) => mapping[f] !== undefined);
}

/** The first non-blank value of the column among the sample rows, to show beside the choice. */
export function exampleFor(sheet: ImportSheetView, column: number | undefined): string {
  if (column === undefined) return '';
  const value = sheet.sample.map((row) => row[column] ?? '').find((v) => v.trim() !== '');
  return value === undefined ? t.noExample : t.example(value.length > 60 ? `${value.slice(0, 59)}…` : value);
}

export type Intent = 'success' | 'brand' | 'informative' | 'warning' | 'danger' | 'subtle';

export const outcomeIntent: Record<ImportOutcome, Intent> = {
  new: 'success',
  update: 'brand',
  unchanged: 'informative',
  review: 'warning',
  error: 'danger',
  skipped: 'subtle',
};

export const outcomeOrder: readonly ImportOutcome[] = ['new', 'update', 'review', 'error', 'unchanged', 'skipped'];

export type SummaryItem = { outcome: ImportOutcome; label: string; count: number; intent: Intent };

export function summaryItems(summary: ImportSummary): SummaryItem[] {
  return outcomeOrder
    .filter((o) => summary[o] > 0)
    .map((o) => ({ outcome: o, label: t.outcomeCount(o, summary[o]), count: summary[o], intent: outcomeIntent[o] }));
}

export type RowFilter = 'all' | ImportOutcome;

export function filterOptions(summary: ImportSummary): { value: RowFilter; label: string }[] {
  return [
    { value: 'all', label: t.filterAll(summary.rows) },
    ...outcomeOrder.filter((o) => summary[o] > 0).map((o) => ({ value: o as RowFilter, label: t.filterOutcome(t.outcomes[o], summary[o]) })),
  ];
}

export type DecisionVm =
  | { kind: 'municipality'; options: { code: string; label: string }[]; selected?: string; label: string; clearsAccept?: true }
  | { kind: 'accept-conflict'; checked: boolean; label: string }
  | { kind: 'accept-new'; checked: boolean; label: string }
  | { kind: 'include'; checked: boolean; label: string }
  | { kind: 'note'; text: string };

export type PreviewRowVm = {
  key: string;
  rowNumber: number;
  outcome: ImportOutcome;
  outcomeLabel: string;
  intent: Intent;
  organisation: string;
  /** What the row does, one sentence each. */
  changes: string[];
  /** Problems and notes, each naming its column. */
  notes: { severity: 'error' | 'review' | 'info'; text: string }[];
  /** The controls (or the note) in the Beslut column. */
  decisions: DecisionVm[];
  included: boolean;
};

/**
 * What the user can decide on a row: pick the municipality (also after picking, to change it, or «Välj kommun»
 * to leave the row out again), accept a disagreement with the register, or leave a new or changed row out.
 */
function decisionsOf(row: ImportRowPlan): DecisionVm[] {
  const out: DecisionVm[] = [];
  const choice = row.municipalityChoice;
  const review = row.review;
  const accepted = row.decision?.accept === true;
  // A name that matched nothing: pick one of the closest municipalities, or accept it as a new organisation.
  const unknownName = (row.outcome === 'review' && review?.kind === 'unknown-name') || (accepted && row.outcome === 'new' && choice !== undefined && !choice.chosenCode);
  if (choice && row.outcome !== 'error') {
    out.push({
      kind: 'municipality',
      options: choice.candidates.map((c) => ({ code: c.code, label: t.municipalityOption(c.name, c.code, c.countyName) })),
      ...(choice.chosenCode ? { selected: choice.chosenCode } : {}),
      label: t.chooseMunicipalityFor(row.rowNumber),
      ...(unknownName ? { clearsAccept: true as const } : {}),
    });
  }
  if (unknownName) {
    out.push({ kind: 'accept-new', checked: accepted, label: t.acceptNewFor(row.rowNumber) });
  } else if ((row.outcome === 'review' && review?.kind === 'conflict') || (accepted && row.outcome === 'update')) {
    out.push({ kind: 'accept-conflict', checked: accepted, label: t.acceptConflictFor(row.rowNumber) });
  } else if (row.outcome === 'review' && review?.kind === 'duplicate') {
    out.push({ kind: 'note', text: t.duplicateOf(review.ofRow) });
  } else if ((row.outcome === 'new' || row.outcome === 'update') && !choice) {
    out.push({ kind: 'include', checked: row.included, label: t.includeFor(row.rowNumber) });
  } else if (row.outcome === 'error') {
    out.push({ kind: 'note', text: t.notImported });
  }
  return out;
}

export function previewRowVm(row: ImportRowPlan): PreviewRowVm {
  return {
    key: String(row.rowNumber),
    rowNumber: row.rowNumber,
    outcome: row.outcome,
    outcomeLabel: t.outcomes[row.outcome],
    intent: outcomeIntent[row.outcome],
    organisation: row.organisation,
    changes: row.changes.length > 0 ? row.changes : row.outcome === 'unchanged' ? [t.noChanges] : [],
    notes: row.issues.map((i) => ({ severity: i.severity, text: i.columnLabel ? `${i.columnLabel}: ${i.message}` : i.message })),
    decisions: decisionsOf(row),
    included: row.included,
  };
}

export function previewRows(preview: ImportPreview, filter: RowFilter): PreviewRowVm[] {
  return preview.rows.filter((r) => filter === 'all' || r.outcome === filter).map(previewRowVm);
}

export type Decisions = Record<string, RowDecision>;

/** The decisions after the user acted on one row; a row back at its default leaves no decision behind. */
export function decisionsAfter(decisions: Decisions, rowNumber: number, change: RowDecision): Decisions {
  const key = String(rowNumber);
  const merged: RowDecision = { ...decisions[key], ...change };
  const clean: RowDecision = {};
  if (merged.municipalityCode !== undefined) clean.municipalityCode = merged.municipalityCode;
  if (merged.accept !== undefined) clean.accept = merged.accept;
  const next = { ...decisions };
  if (Object.keys(clean).length === 0) delete next[key];
  else next[key] = clean;
  return next;
}

/** The include checkbox: unticking leaves the row out (`accept: false`), ticking returns it to the default. */
export function includeChange(checked: boolean): RowDecision {
  return checked ? { accept: undefined } : { accept: false };
}

/** The «Ersätt registrets värde» checkbox. */
export function acceptChange(checked: boolean): RowDecision {
  return checked ? { accept: true } : { accept: undefined };
}

/** The «Lägg in som ny organisation» checkbox: ticked, the row's name becomes a new organisation and no municipality is chosen. */
export function acceptNewChange(checked: boolean): RowDecision {
  return checked ? { accept: true, municipalityCode: undefined } : { accept: undefined };
}

/** The municipality choice; the empty choice («Välj kommun») undoes it, and the row is under review again. */
export function municipalityChange(code: string): RowDecision {
  return code === '' ? { municipalityCode: undefined } : { municipalityCode: code };
}
