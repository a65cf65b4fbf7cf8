import { describe, expect, it } from 'vitest';
import { freeze, produce } from 'immer';
import { runTransaction } from '../../../electron/core/store/transaction';
import { applyImportPlan, planImportSync, type ImportMapping } from '../../../electron/core/imports/import-plan';
import type { RawSheet } from '../../../electron/core/imports/raw-table';
import { generateDemoDocument, withCheckDigit } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import type { SambrukDocument } from '../../../electron/core/store/schema';

const doc: SambrukDocument = freeze(generateDemoDocument({ scale: 1, seed: 'import-index', base: readDemoBase() }), true);
const header = ['Organisation', 'Kommunkod', 'Organisationsnummer', 'Typ', 'Medlem sedan', 'Namn', 'E-post'];
const mapping: ImportMapping = { organisation: 0, municipalityCode: 1, orgNumber: 2, kind: 3, joined: 4, name: 5, email: 6 };

function sheet(rows: string[][]): RawSheet {
  return { name: 'blad', hidden: false, titleLines: [], headerRowNumber: 1, header, rows, rowNumbers: rows.map((_, i) => i + 2) };
}

const apply = (base: SambrukDocument, plan: ReturnType<typeof planImportSync>) => {
  let n = 0;
  const ids = () => `imp-${++n}`;
  return runTransaction(base, 'Import', { at: '2022-06-30T10:00:00.000Z', by: 'test', ids }, (tx) =>
    applyImportPlan(tx, plan, { ids, now: '2022-06-30T10:00:00.000Z', source: 'test.csv' }),
  ).next;
};

describe('applying an import to a large register (looked up by index, not by scanning)', () => {
  it('adds organisations, periods and persons, finding earlier rows and existing municipalities', () => {
    const municipality = doc.organisations.find((o) => o.kind === 'kommun')!;
    const rows = [
      ['Indexbolaget AB', '', withCheckDigit('559900001'), 'Annan organisation', '2020-01-01', 'Anna Berg', 'anna@indexbolaget.se'],
      ['Indexbolaget AB', '', withCheckDigit('559900001'), 'Annan organisation', '2020-01-01', 'Olle Ek', 'olle@indexbolaget.se'],
      [municipality.name, municipality.municipalityCode!, '', '', '', 'Karin Lund', 'karin.lund@exempel.se'],
    ];
    const plan = planImportSync(doc, sheet(rows), { mapping });
    const next = apply(doc, plan);
    const created = next.organisations.filter((o) => o.name === 'Indexbolaget AB');
    expect(created).toHaveLength(1);
    expect(next.memberships.filter((m) => m.organisationId === created[0]!.id)).toHaveLength(1);
    expect(next.contacts.filter((c) => c.organisationId === created[0]!.id).map((c) => c.name).sort()).toEqual(['Anna Berg', 'Olle Ek']);
    expect(next.contacts.some((c) => c.organisationId === municipality.id && c.name === 'Karin Lund')).toBe(true);
  });

  it('still refuses a new organisation that duplicates one the register gained after the preview', () => {
    const rows = [['Indexstiftelsen', '', withCheckDigit('802900001'), 'Annan organisation', '', 'Per Holm', 'per@indexstiftelsen.se']];
    const plan = planImportSync(doc, sheet(rows), { mapping });
    const meanwhile = produce(doc, (draft) => {
      draft.organisations.push({ ...draft.organisations[300]!, id: 'org-meanwhile', name: 'INDEXSTIFTELSEN', orgNumber: withCheckDigit('802900002') });
    });
    expect(() => apply(meanwhile, plan)).toThrow(/Indexstiftelsen|INDEXSTIFTELSEN/i);
  });

  it('still refuses a period that overlaps one the register gained after the preview', () => {
    const municipality = doc.organisations.find((o) => o.kind === 'kommun' && !doc.memberships.some((m) => m.organisationId === o.id))!;
    const rows = [[municipality.name, municipality.municipalityCode!, '', '', '2021-01-01', '', '']];
    const plan = planImportSync(doc, sheet(rows), { mapping });
    expect(plan.ops.some((o) => o.op === 'add-membership')).toBe(true);
    const meanwhile = produce(doc, (draft) => {
      draft.memberships.push({ id: 'mem-meanwhile', organisationId: municipality.id, joined: '2019-01-01', note: '' });
    });
    expect(() => apply(meanwhile, plan)).toThrow(/överlappar/);
  });
});
