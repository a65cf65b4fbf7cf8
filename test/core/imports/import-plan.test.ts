import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../electron/core/exports/base64';
import { importMessages } from '../../../electron/core/imports/import-messages';
import { importLimits } from '../../../electron/core/imports/read-table';
import { importInputLimits } from '../../../electron/contract/channels/imports.channels';
import { planImport, planImportSync, type ImportRowPlan } from '../../../electron/core/imports/import-plan';
import { isSummaryLabel, readCounty, readDate, readKind, withoutFormulaGuard } from '../../../electron/core/imports/import-fields';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';
import { accountantFixture } from '../exports/accountant-fixture';

type Services = ReturnType<typeof createTestServices>;

/** A CSV as Excel in Sweden saves it: UTF-8 with a byte order mark, semicolons, CRLF. */
function csv(rows: string[][]): string {
  return encodeBase64(new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`));
}

async function readFirstSheet(s: Services, fileName: string, bytesBase64: string) {
  const read = await s.call('imports/read', { fileName, bytesBase64 });
  if (!read.ok) throw new Error(read.error.message);
  const sheet = read.data.sheets[0];
  if (!sheet) throw new Error('no sheet');
  return { read: read.data, sheet };
}

async function preview(s: Services, fileName: string, bytesBase64: string, decisions: Record<string, { municipalityCode?: string; accept?: boolean }> = {}, sheetName?: string) {
  const read = await s.call('imports/read', { fileName, bytesBase64 });
  if (!read.ok) throw new Error(read.error.message);
  const sheet = read.data.sheets.find((x) => sheetName === undefined || x.name === sheetName);
  if (!sheet) throw new Error('no sheet');
  const result = await s.call('imports/preview', { fileName, bytesBase64, sheet: sheet.name, mapping: sheet.proposal.mapping, decisions });
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.data, mapping: sheet.proposal.mapping, byRow: (n: number) => result.data.rows.find((r) => r.rowNumber === n) as ImportRowPlan };
}

const HEADER = ['Kommun', 'Org.nr', 'Kontaktperson', 'E-post', 'Telefon', 'Medlem sedan'];

/** The rows the end-to-end test imports too: Håbo (new), Habo (exists), a misspelling, a duplicate, a broken number. */
const mixed = () =>
  csv([
    HEADER,
    ['Håbo', '', 'Anna Andersson', 'anna@habo.se', '0701234567', '2022-03-15'],
    ['Habo', '', 'Bertil Berg', 'bertil@habo.se', '', ''],
    ['Sundbybärg', '', '', '', '', '2022-05-01'],
    ['Håbo', '', 'Anna Andersson', 'anna@habo.se', '0701234567', '2022-03-15'],
    ['Kiruna', '212000-0143', '', '', '', '2022-01-01'],
    ['Malmö', '2120001124', '', '', '', ''],
    ['Summa', '', '', '', '', ''],
  ]);

const stateOf = (doc: SambrukDocument) => ({
  organisations: doc.organisations,
  memberships: doc.memberships,
  contacts: doc.contacts,
  settings: doc.settings,
});

describe('import preview: every row gets an outcome and a reason', () => {
  it('reads a semicolon CSV with a BOM, suggests the mapping, and plans each row', async () => {
    const s = createTestServices();
    const { read, sheet } = await readFirstSheet(s, 'kontakter.csv', mixed());
    expect(read.format).toBe('csv');
    expect(read.delimiter).toBe(';');
    expect(sheet.header).toEqual(HEADER);
    expect(sheet.proposal.mapping).toEqual({ organisation: 0, orgNumber: 1, name: 2, email: 3, phone: 4, joined: 5 });

    const p = await preview(s, 'kontakter.csv', mixed());
    const habo = s.repo.get().organisations.find((o) => o.municipalityCode === '0643');
    expect(habo).toBeDefined();

    const haabo = p.byRow(2);
    expect(haabo.outcome).toBe('new');
    expect(haabo.organisation).toBe('Håbo');
    expect(haabo.changes).toEqual([
      'Ny organisation: Håbo (kommun).',
      'Ny medlemsperiod från 2022-03-15.',
      'Ny kontaktperson: Anna Andersson (anna@habo.se), 070-123 45 67.',
    ]);

    const haboRow = p.byRow(3);
    expect(haboRow.outcome).toBe('update');
    expect(haboRow.organisationId).toBe(habo?.id);
    expect(haboRow.changes).toEqual(['Ny kontaktperson: Bertil Berg (bertil@habo.se).']);

    const misspelt = p.byRow(4);
    expect(misspelt.outcome).toBe('review');
    expect(misspelt.included).toBe(false);
    expect(misspelt.review).toMatchObject({ kind: 'municipality', suggestedCode: '0183', candidates: [{ code: '0183', name: 'Sundbyberg', countyName: 'Stockholms län' }] });
    expect(misspelt.issues[0]).toMatchObject({ severity: 'review', columnLabel: 'A – Kommun' });

    const duplicate = p.byRow(5);
    expect(duplicate.outcome).toBe('review');
    expect(duplicate.review).toEqual({ kind: 'duplicate', ofRow: 2 });

    const broken = p.byRow(6);
    expect(broken.outcome).toBe('error');
    expect(broken.issues).toEqual([
      expect.objectContaining({ severity: 'error', field: 'orgNumber', column: 1, columnLabel: 'B – Org.nr', message: expect.stringMatching(/kontrollsiffran/) }),
    ]);

    // Malmö's number without the hyphen is the register's 212000-1124: nothing to do.
    expect(p.byRow(7).outcome).toBe('unchanged');
    expect(p.byRow(8).outcome).toBe('skipped');
    expect(p.summary).toEqual({ new: 1, update: 1, unchanged: 1, review: 2, error: 1, skipped: 1, rows: 7, included: 2 });
    // A preview writes nothing.
    expect(s.port.saved).toHaveLength(0);
  });

  it('confirming a suggested municipality makes the row a new organisation', async () => {
    const s = createTestServices();
    const p = await preview(s, 'kontakter.csv', mixed(), { '4': { municipalityCode: '0183' } });
    const row = p.byRow(4);
    expect(row.outcome).toBe('new');
    expect(row.included).toBe(true);
    expect(row.changes[0]).toBe('Ny organisation: Sundbyberg (kommun).');
    expect(row.issues[0]?.message).toBe('Kommunen bekräftad: Sundbyberg (0183).');
    // The choice stays open to change: the candidates come back with the chosen one marked.
    expect(row.municipalityChoice).toEqual({ candidates: [{ code: '0183', name: 'Sundbyberg', countyName: 'Stockholms län' }], chosenCode: '0183' });
  });

  it('never takes Habo for Håbo, and asks when a name could be either', async () => {
    const s = createTestServices();
    const p = await preview(
      s,
      'orter.csv',
      csv([
        ['Kommun', 'Kommunkod'],
        ['Habo', '0643'],
        ['Håbo', '0305'],
        ['Hábo', ''],
        ['Habo', '0305'],
      ]),
    );
    expect(p.byRow(2).outcome).toBe('unchanged');
    expect(p.byRow(3)).toMatchObject({ outcome: 'new', organisation: 'Håbo' });
    expect(p.byRow(4).review).toMatchObject({ kind: 'municipality', candidates: expect.arrayContaining([expect.objectContaining({ code: '0643' }), expect.objectContaining({ code: '0305' })]) });
    // A code and a name that disagree are a question, not a guess.
    expect(p.byRow(5).outcome).toBe('review');
  });

  it('keeps a phone number’s leading zero and stores it in E.164; reads dates only in date columns', async () => {
    const s = createTestServices();
    const file = csv([
      ['Kommun', 'Kontaktperson', 'Titel', 'Telefon', 'Medlem sedan'],
      ['Kiruna', 'Cecilia Ceder', '2022-03-01', '0701234567', '2022-03-01'],
      ['Uppsala', 'David Dahl', '', '', '1/3/2022'],
    ]);
    const p = await preview(s, 'datum.csv', file);
    expect(p.byRow(2).outcome).toBe('new');
    expect(p.byRow(2).changes).toContain('Ny medlemsperiod från 2022-03-01.');
    const bad = p.byRow(3);
    expect(bad.outcome).toBe('error');
    expect(bad.issues).toEqual([expect.objectContaining({ field: 'joined', columnLabel: 'E – Medlem sedan', message: expect.stringMatching(/ÅÅÅÅ-MM-DD/) })]);

    const applied = await s.call('imports/apply', { fileName: 'datum.csv', bytesBase64: file, sheet: 'datum', mapping: p.mapping, decisions: {}, expectedRevision: p.revision });
    expect(applied.ok).toBe(true);
    const kiruna = s.repo.get().organisations.find((o) => o.municipalityCode === '2584');
    const person = s.repo.get().contacts.find((c) => c.organisationId === kiruna?.id);
    expect(person).toMatchObject({ name: 'Cecilia Ceder', phone: '+46701234567', title: '2022-03-01' });
  });

  it('reads an xlsx: a date cell in the date column, a number in the organisation number column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Medlemmar');
    sheet.addRow(['Organisation', 'Organisationsnummer', 'Medlem sedan', 'Telefon', 'Kontaktperson']);
    sheet.addRow(['Malmö', 2120001124, new Date(Date.UTC(2021, 0, 1)), '0701234567', 'Eva Ek']);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const s = createTestServices();
    const malmo = s.repo.get().organisations.find((o) => o.orgNumber === '212000-1124');
    const periods = s.repo.get().memberships.filter((m) => m.organisationId === malmo?.id);
    expect(periods).toEqual([expect.objectContaining({ joined: '2022-01-01', startKnown: 'before' })]);
    const p = await preview(s, 'lista.xlsx', encodeBase64(bytes));
    expect(p.byRow(2)).toMatchObject({ outcome: 'update', organisationId: malmo?.id, changes: ['Ny kontaktperson: Eva Ek, 070-123 45 67.'] });
    // The date cell was read as 2021-01-01, which lies within the register's «sedan före 2022-01-01».
    expect(p.byRow(2).issues).toContainEqual(
      expect.objectContaining({ severity: 'info', message: 'Medlem enligt registret sedan före 2022-01-01; inträdesdatumet i filen (2021-01-01) ändrar inte registret.' }),
    );
  });

  it('asks before replacing a value the register has, and replaces it only when accepted', async () => {
    const s = createTestServices();
    const file = csv([
      ['Kommun', 'Organisationsnummer'],
      ['Malmö', '212000-1157'],
      ['Kiruna', '212000-2395'],
    ]);
    // 212000-1157 is Helsingborg's number in the register: refused outright, not a question.
    const first = await preview(s, 'nr.csv', file);
    expect(first.byRow(2).outcome).toBe('error');
    expect(first.byRow(2).issues[0]?.message).toMatch(/hör till Helsingborg/);

    const stockholm = s.repo.get().organisations.find((o) => o.orgNumber === '212000-0142');
    const file2 = csv([
      ['Kommun', 'Organisationsnummer'],
      ['Stockholm', '212000-2395'],
    ]);
    const conflict = await preview(s, 'nr.csv', file2);
    expect(conflict.byRow(2)).toMatchObject({ outcome: 'review', review: { kind: 'conflict' }, included: false });
    expect(conflict.byRow(2).issues[0]?.message).toMatch(/registret har 212000-0142, filen har 212000-2395/);
    const accepted = await preview(s, 'nr.csv', file2, { '2': { accept: true } });
    expect(accepted.byRow(2)).toMatchObject({ outcome: 'update', included: true, changes: ['Organisationsnummer: 212000-0142 → 212000-2395.'] });
    const applied = await s.call('imports/apply', { fileName: 'nr.csv', bytesBase64: file2, sheet: 'nr', mapping: accepted.mapping, decisions: { '2': { accept: true } }, expectedRevision: accepted.revision });
    expect(applied.ok).toBe(true);
    expect(s.repo.get().organisations.find((o) => o.id === stockholm?.id)?.orgNumber).toBe('212000-2395');
  });

  it('adds an organisation that is not a municipality with its county and population', async () => {
    const s = createTestServices();
    const p = await preview(
      s,
      'org.csv',
      csv([
        ['Organisation', 'Typ', 'Län', 'Folkmängd', 'E-post'],
        ['Stiftelsen Test', 'Annan organisation', 'Uppsala län', '1 234', ''],
        ['Inera AB', 'Annan organisation', 'Stockholms län', '', ''],
        ['Kalle Anka', '', '', '', 'kalle@example.se'],
      ]),
    );
    expect(p.byRow(2)).toMatchObject({ outcome: 'new', changes: ['Ny organisation: Stiftelsen Test (annan organisation).'] });
    // Inera AB is in the register without a county: the county is added.
    expect(p.byRow(3)).toMatchObject({ outcome: 'update', changes: ['Län: Stockholms län (saknades).'] });
    // An e-mail without a person's name is refused, naming the column.
    expect(p.byRow(4).outcome).toBe('error');
    expect(p.byRow(4).issues.find((i) => i.severity === 'error')?.message).toMatch(/Kontaktpersonens namn saknas/);
  });

  it('refuses a mapping that names no organisation or uses a column twice', async () => {
    const s = createTestServices();
    const file = csv([HEADER, ['Habo', '', '', '', '', '']]);
    const none = await s.call('imports/preview', { fileName: 'a.csv', bytesBase64: file, sheet: 'a', mapping: { email: 3 }, decisions: {} });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toMatch(/Välj minst en kolumn som anger organisationen/);
    const twice = await s.call('imports/preview', { fileName: 'a.csv', bytesBase64: file, sheet: 'a', mapping: { organisation: 0, name: 0 }, decisions: {} });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toMatch(/Kolumn A är vald för både Organisation och Namn/);
  });
});

describe('import apply: one change, one undo', () => {
  it('writes only the included rows, as one undo step, and remembers the mapping', async () => {
    const s = createTestServices();
    const before = stateOf(s.repo.get());
    const decisions = { '4': { municipalityCode: '0183' } };
    const p = await preview(s, 'kontakter.csv', mixed(), decisions);
    const saves = s.port.saved.length;
    const applied = await s.call('imports/apply', { fileName: 'kontakter.csv', bytesBase64: mixed(), sheet: 'kontakter', mapping: p.mapping, decisions, expectedRevision: p.revision });
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.data.message).toBe('2 nya organisationer, 2 nya medlemsperioder, 2 nya kontaktpersoner');
    expect(s.port.saved.length).toBe(saves + 1);

    const doc = s.repo.get();
    const haabo = doc.organisations.find((o) => o.municipalityCode === '0305');
    const sundbyberg = doc.organisations.find((o) => o.municipalityCode === '0183');
    expect(haabo).toMatchObject({ name: 'Håbo', kind: 'kommun' });
    expect(sundbyberg).toMatchObject({ name: 'Sundbyberg' });
    expect(doc.organisations.filter((o) => o.municipalityCode === '0305')).toHaveLength(1);
    expect(doc.contacts.find((c) => c.email === 'anna@habo.se')).toMatchObject({ organisationId: haabo?.id, phone: '+46701234567' });
    expect(doc.contacts.find((c) => c.email === 'bertil@habo.se')?.organisationId).toBe(doc.organisations.find((o) => o.municipalityCode === '0643')?.id);
    expect(doc.organisations.some((o) => o.municipalityCode === '2584')).toBe(false);
    expect(doc.changeLog.filter((e) => e.action === 'import').length).toBeGreaterThanOrEqual(6);

    // The mapping is remembered for these headers.
    const again = await readFirstSheet(s, 'kontakter.csv', mixed());
    expect(again.sheet.proposal.source).toBe('remembered');
    expect(again.sheet.proposal.mapping).toEqual(p.mapping);

    expect(s.repo.history().undoSummary).toBe('Import från kontakter.csv');
    await s.call('history/undo', {});
    expect(stateOf(s.repo.get())).toEqual(before);
    expect(s.repo.history().canUndo).toBe(false);
  });

  it('leaves out a row the user excluded', async () => {
    const s = createTestServices();
    const decisions = { '2': { accept: false } };
    const p = await preview(s, 'kontakter.csv', mixed(), decisions);
    expect(p.byRow(2)).toMatchObject({ outcome: 'new', included: false, excluded: true });
    // With Håbo left out, the repeated Håbo row is new again, not a duplicate.
    expect(p.byRow(5)).toMatchObject({ outcome: 'new', included: true });
  });

  it('refuses when the register changed after the preview, and when nothing would change', async () => {
    const s = createTestServices();
    const p = await preview(s, 'kontakter.csv', mixed());
    await s.repo.change('test', (tx) => tx.setSetting('touched', true));
    const stale = await s.call('imports/apply', { fileName: 'kontakter.csv', bytesBase64: mixed(), sheet: 'kontakter', mapping: p.mapping, decisions: {}, expectedRevision: p.revision });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('conflict');

    const noop = csv([['Kommun'], ['Malmö']]);
    const q = await preview(s, 'noop.csv', noop);
    const nothing = await s.call('imports/apply', { fileName: 'noop.csv', bytesBase64: noop, sheet: 'noop', mapping: q.mapping, decisions: {}, expectedRevision: q.revision });
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) expect(nothing.error.message).toMatch(/inget att importera/);
  });

  it('refuses a hostile file with the reader’s message in every step, leaving the register untouched', async () => {
    const s = createTestServices();
    const before = s.repo.get();
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const bytesBase64 = encodeBase64(ole);
    const read = await s.call('imports/read', { fileName: 'lösenord.xlsx', bytesBase64 });
    const prev = await s.call('imports/preview', { fileName: 'lösenord.xlsx', bytesBase64, sheet: 'x', mapping: { organisation: 0 }, decisions: {} });
    const apply = await s.call('imports/apply', { fileName: 'lösenord.xlsx', bytesBase64, sheet: 'x', mapping: { organisation: 0 }, decisions: {}, expectedRevision: 0 });
    for (const result of [read, prev, apply]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toBe(importMessages.oleCompound);
    }
    const macro = await s.call('imports/read', { fileName: 'makro.xlsm', bytesBase64: csv([['Kommun'], ['Habo']]) });
    expect(macro.ok).toBe(false);
    if (!macro.ok) expect(macro.error.message).toBe(importMessages.macro);
    const garbled = await s.call('imports/read', { fileName: 'a.csv', bytesBase64: 'inte base64!' });
    expect(garbled.ok).toBe(false);
    expect(s.repo.get()).toBe(before);
    expect(s.port.saved).toHaveLength(0);
  });

  it('keeps the contract’s size limits equal to the reader’s', () => {
    expect(importInputLimits.maxBytes).toBe(importLimits.maxBytes);
    expect(importInputLimits.maxRows).toBe(importLimits.maxRows);
    expect(importInputLimits.maxColumns).toBe(importLimits.maxColumns);
  });
});

describe('round trip: an exported Medlemmar sheet imports back with no changes', () => {
  it.each([
    ['the default data', () => loadDefaultDocument()],
    ['a register with fees, a group and a formula-like name', () => accountantFixture()],
  ])('for %s', async (_label, make) => {
    const s = createTestServices({ initial: make() });
    const exported = await s.call('exports/accountant-workbook', { year: 2022 });
    if (!exported.ok) throw new Error(exported.error.message);
    const p = await preview(s, exported.data.fileName, exported.data.bytesBase64, {}, 'Medlemmar');
    expect(p.mapping).toMatchObject({ organisation: 0, municipalityCode: 1, orgNumber: 2, kind: 3, county: 4, population: 5, joined: 8 });
    const notUnchanged = p.rows.filter((r) => r.outcome !== 'unchanged');
    // Only the sum row under the table, which is skipped.
    expect(notUnchanged.map((r) => [r.outcome, r.organisation])).toEqual([['skipped', 'Summa']]);
    expect(p.rows.every((r) => r.changes.length === 0 && r.issues.every((i) => i.severity === 'info'))).toBe(true);
    expect(p.summary.unchanged).toBe(p.rows.length - 1);
    expect(p.summary.included).toBe(0);
  });
});

describe('the planner', () => {
  it('gives the same plan in chunks as at once, and stops between chunks when cancelled', async () => {
    const doc = loadDefaultDocument();
    const names = doc.reference.municipalities.map((m) => m.name);
    const rows = Array.from({ length: 1_000 }, (_, i) => [names[i % names.length] ?? '', `Person ${i}`, `person${i}@example.se`]);
    const sheet = { name: 'Blad', hidden: false, titleLines: [], headerRowNumber: 1, header: ['Kommun', 'Namn', 'E-post'], rows, rowNumbers: rows.map((_, i) => i + 2) };
    const mapping = { organisation: 0, name: 1, email: 2 };
    const sync = planImportSync(doc, sheet, { mapping });
    const chunked = await planImport(doc, sheet, { mapping });
    expect(chunked).toEqual(sync);
    // 290 municipalities: after the first lap every municipality exists, so later laps only add contacts.
    expect(sync.summary.new).toBe(names.length - doc.organisations.filter((o) => o.municipalityCode).length);
    let checks = 0;
    await expect(planImport(doc, sheet, { mapping, isCancelled: () => ++checks >= 2 })).rejects.toMatchObject({ code: 'cancelled' });
    expect(checks).toBe(2);
  });

  it('does not take two people at one organisation for a duplicate', async () => {
    const s = createTestServices();
    const p = await preview(
      s,
      'personer.csv',
      csv([
        ['Kommun', 'Kontaktperson', 'Verksamhetsområde'],
        ['Habo', 'Anna A', 'Skola'],
        ['Habo', 'Bo B', 'Stöd och bistånd; Fastighet'],
        ['Habo', 'Anna A', 'Skola'],
        ['Habo', 'Cilla C', 'Bibliotek'],
      ]),
    );
    expect(p.rows.map((r) => r.outcome)).toEqual(['update', 'update', 'review', 'error']);
    expect(p.byRow(5).issues[0]?.message).toMatch(/Okänt verksamhetsområde ”Bibliotek”/);
  });
});

describe('reading one cell', () => {
  it('dates: ISO, with a time of day, or compact; nothing else', () => {
    expect(readDate('2022-03-01')).toEqual({ ok: true, value: '2022-03-01' });
    expect(readDate('2022-03-01 00:00')).toEqual({ ok: true, value: '2022-03-01' });
    expect(readDate('20220301')).toEqual({ ok: true, value: '2022-03-01' });
    expect(readDate('2023-02-29').ok).toBe(false);
    expect(readDate('1/3/2022').ok).toBe(false);
    expect(readDate('212000-0142').ok).toBe(false);
  });

  it('counties by code or name, kinds by their Swedish words, the formula guard removed', () => {
    const counties = loadDefaultDocument().reference.counties;
    expect(readCounty('Stockholms län', counties)).toEqual({ ok: true, value: '01' });
    expect(readCounty('stockholm', counties)).toEqual({ ok: true, value: '01' });
    expect(readCounty('1', counties)).toEqual({ ok: true, value: '01' });
    expect(readCounty('Norrlands län', counties).ok).toBe(false);
    expect(readKind('Kommunalförbund')).toEqual({ ok: true, value: 'kommunalforbund' });
    expect(readKind('gemensam nämnd')).toEqual({ ok: true, value: 'gemensam-namnd' });
    expect(readKind('Förening').ok).toBe(false);
    expect(withoutFormulaGuard(`'=1+1`)).toBe('=1+1');
    expect(withoutFormulaGuard(`'+4670`)).toBe('+4670');
    expect(withoutFormulaGuard(`'Sandvik'`)).toBe(`'Sandvik'`);
    expect(isSummaryLabel('Summa')).toBe(true);
    expect(isSummaryLabel(' Totalt: ')).toBe(true);
    expect(isSummaryLabel('Summa AB')).toBe(false);
  });
});
