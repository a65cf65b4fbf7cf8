import { describe, expect, it } from 'vitest';
import type { ImportFileView, ImportPreview, ImportRowPlan, ImportSheetView } from '../../../../electron/contract';
import {
  acceptChange,
  acceptNewChange,
  canPreview,
  columnLetter,
  columnOptions,
  decisionsAfter,
  defaultSheet,
  exampleFor,
  fileFactsText,
  filterOptions,
  includeChange,
  mappingAfter,
  municipalityChange,
  previewRowVm,
  previewRows,
  summaryItems,
} from '../../../../renderer/features/data/import.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';

const sheet = (over: Partial<ImportSheetView> = {}): ImportSheetView => ({
  name: 'Blad1',
  hidden: false,
  headerRowNumber: 1,
  header: ['Kommun', '', 'E-post'],
  rowCount: 2,
  titleLines: [],
  sample: [
    ['Habo', '', ''],
    ['Håbo', '', 'a@b.se'],
  ],
  proposal: { mapping: { organisation: 0 }, source: 'suggested', confidence: { organisation: 'exact' } },
  ...over,
});

const row = (over: Partial<ImportRowPlan>): ImportRowPlan => ({
  rowNumber: 2,
  outcome: 'new',
  included: true,
  excluded: false,
  organisation: 'Håbo',
  changes: ['Ny organisation: Håbo (kommun).'],
  issues: [],
  ...over,
});

describe('the import steps', () => {
  it('offers each column by letter and header, and «not used» first', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnOptions(['Kommun', '', 'E-post']).map((o) => o.label)).toEqual([sv.excel.notUsed, 'A – Kommun', 'B', 'C – E-post']);
  });

  it('lets a column fill one field only, and needs a column naming the organisation', () => {
    const m = mappingAfter({ organisation: 0, email: 2 }, 'name', 0);
    expect(m).toEqual({ email: 2, name: 0 });
    expect(canPreview(m)).toBe(false);
    expect(canPreview(mappingAfter(m, 'municipalityCode', 1))).toBe(true);
    expect(mappingAfter({ organisation: 0 }, 'organisation', undefined)).toEqual({});
  });

  it('describes the file, picks the first visible sheet with rows, and shows an example value', () => {
    const file: ImportFileView = {
      fileName: 'a.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      sheets: [sheet({ name: 'Dold', hidden: true }), sheet({ name: 'Tom', rowCount: 0 }), sheet({ name: 'Rätt' })],
    };
    expect(defaultSheet(file)?.name).toBe('Rätt');
    expect(fileFactsText(file, file.sheets[2])).toBe('a.csv · CSV (UTF-8, avgränsare semikolon) · 2 rader');
    expect(exampleFor(sheet(), 2)).toBe(sv.excel.example('a@b.se'));
    expect(exampleFor(sheet(), 1)).toBe(sv.excel.noExample);
  });
});

describe('the preview', () => {
  it('counts outcomes in Swedish, singular and plural, most important first', () => {
    const summary = { new: 1, update: 3, unchanged: 2, review: 1, error: 0, skipped: 1, rows: 8, included: 4 };
    expect(summaryItems(summary).map((i) => i.label)).toEqual(['1 ny', '3 uppdateras', '1 att granska', '2 oförändrade', '1 hoppas över']);
    expect(filterOptions(summary).map((o) => o.value)).toEqual(['all', 'new', 'update', 'review', 'unchanged', 'skipped']);
  });

  it('asks for a municipality, an acceptance or an inclusion as the row needs', () => {
    const candidates = [{ code: '0183', name: 'Sundbyberg', countyName: 'Stockholms län' }];
    const review = previewRowVm(row({ outcome: 'review', included: false, changes: [], review: { kind: 'municipality', candidates, written: 'Sundbybärg' }, municipalityChoice: { candidates } }));
    expect(review.decisions).toEqual([{ kind: 'municipality', options: [{ code: '0183', label: 'Sundbyberg (0183, Stockholms län)' }], label: sv.excel.chooseMunicipalityFor(2) }]);
    // After the choice, the same control shows it, so it can be changed or undone.
    const chosen = previewRowVm(row({ municipalityChoice: { candidates, chosenCode: '0183' }, decision: { municipalityCode: '0183' } }));
    expect(chosen.decisions).toEqual([expect.objectContaining({ kind: 'municipality', selected: '0183' })]);

    expect(previewRowVm(row({ outcome: 'review', included: false, review: { kind: 'conflict' } })).decisions).toEqual([
      { kind: 'accept-conflict', checked: false, label: sv.excel.acceptConflictFor(2) },
    ]);
    expect(previewRowVm(row({ outcome: 'update', decision: { accept: true } })).decisions).toEqual([
      { kind: 'accept-conflict', checked: true, label: sv.excel.acceptConflictFor(2) },
    ]);
    expect(previewRowVm(row({ outcome: 'review', included: false, review: { kind: 'duplicate', ofRow: 2 } })).decisions).toEqual([{ kind: 'note', text: 'Samma som rad 2' }]);
    expect(previewRowVm(row({ included: false, excluded: true })).decisions).toEqual([{ kind: 'include', checked: false, label: sv.excel.includeFor(2) }]);
    expect(previewRowVm(row({ outcome: 'unchanged', included: false, changes: [] })).changes).toEqual([sv.excel.noChanges]);
  });

  it('offers a name that matches nothing the closest municipalities, or to add it as a new organisation', () => {
    const candidates = [
      { code: '1480', name: 'Göteborg', countyName: 'Västra Götalands län' },
      { code: '1814', name: 'Lekeberg', countyName: 'Örebro län' },
    ];
    const review = previewRowVm(row({ outcome: 'review', included: false, changes: [], review: { kind: 'unknown-name', candidates, written: 'Ankeborgs kommun' }, municipalityChoice: { candidates } }));
    expect(review.decisions).toEqual([
      expect.objectContaining({ kind: 'municipality', options: [expect.objectContaining({ code: '1480' }), expect.objectContaining({ code: '1814' })], clearsAccept: true }),
      { kind: 'accept-new', checked: false, label: sv.excel.acceptNewFor(2) },
    ]);
    // Accepted as new: still the same two controls, the box ticked, so either can be changed back.
    const accepted = previewRowVm(row({ outcome: 'new', decision: { accept: true }, municipalityChoice: { candidates } }));
    expect(accepted.decisions).toEqual([expect.objectContaining({ kind: 'municipality', clearsAccept: true }), { kind: 'accept-new', checked: true, label: sv.excel.acceptNewFor(2) }]);
    // Ticking the box drops a municipality chosen before; unticking returns the row to review.
    expect(decisionsAfter({ '2': { municipalityCode: '1480' } }, 2, acceptNewChange(true))).toEqual({ '2': { accept: true } });
    expect(decisionsAfter({ '2': { accept: true } }, 2, acceptNewChange(false))).toEqual({});
  });

  it('names the column of each problem', () => {
    const vm = previewRowVm(row({ outcome: 'error', included: false, issues: [{ severity: 'error', message: 'Fel nummer.', field: 'orgNumber', column: 1, columnLabel: 'B – Org.nr' }] }));
    expect(vm.notes).toEqual([{ severity: 'error', text: 'B – Org.nr: Fel nummer.' }]);
    expect(vm.decisions).toEqual([{ kind: 'note', text: sv.excel.notImported }]);
  });

  it('filters rows by outcome', () => {
    const preview = { rows: [row({}), row({ rowNumber: 3, outcome: 'error', included: false })] } as ImportPreview;
    expect(previewRows(preview, 'all').map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(previewRows(preview, 'error').map((r) => r.rowNumber)).toEqual([3]);
  });

  it('keeps only decisions that differ from the default', () => {
    let d = decisionsAfter({}, 4, municipalityChange('0183'));
    expect(d).toEqual({ '4': { municipalityCode: '0183' } });
    d = decisionsAfter(d, 4, includeChange(false));
    expect(d).toEqual({ '4': { municipalityCode: '0183', accept: false } });
    d = decisionsAfter(d, 4, includeChange(true));
    d = decisionsAfter(d, 4, municipalityChange(''));
    expect(d).toEqual({});
    expect(decisionsAfter({}, 7, acceptChange(true))).toEqual({ '7': { accept: true } });
    expect(decisionsAfter({ '7': { accept: true } }, 7, acceptChange(false))).toEqual({});
  });
});
