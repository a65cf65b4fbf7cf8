import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { membershipFeesForYear } from '../../../electron/core/domain/fees';
import { serviceRevenueForYear } from '../../../electron/core/domain/pricing';
import { budgetTable } from '../../../electron/core/domain/budget';
import {
  accountantSheetNames,
  buildAccountantWorkbook,
  budgetVariancesFor,
  invoiceHeaders,
  matrixSheetName,
  memberHeaders,
  rosterHeaders,
  serviceHeaders,
} from '../../../electron/core/exports/accountant-workbook';
import { toBytes } from '../../../electron/core/exports/workbook-kit';
import { UNCONFIRMED_GROUP_RULE } from '../../../electron/core/exports/accountant-model';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';
import { unzip, asText } from '../imports/zip-fixtures';
import { accountantFixture, HOSTILE_NAME, PERSON_EMAIL } from './accountant-fixture';
import { partXml, reopen } from './reopen';

const NOW = new Date('2022-06-30T10:00:00.000Z');
const YEAR = 2022;

async function workbookOf(doc: SambrukDocument, includePersonalDetails = false) {
  const built = buildAccountantWorkbook(doc, { year: YEAR, includePersonalDetails, now: NOW });
  const bytes = await toBytes(built.workbook);
  return { built, bytes, workbook: await reopen(bytes) };
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Row number of the header row (the frozen row) and the column of each header. */
function headerOf(sheet: ExcelJS.Worksheet) {
  const view = sheet.views[0] as { ySplit?: number } | undefined;
  const headerRow = view?.ySplit ?? 0;
  const columns = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, c) => columns.set(String(cell.value), c));
  return { headerRow, columns };
}

function rowWhere(sheet: ExcelJS.Worksheet, column: number, value: string, after = 0): ExcelJS.Row {
  for (let r = after + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(column).value === value) return row;
  }
  throw new Error(`no row with ${value} in column ${column} of ${sheet.name}`);
}

const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('the accountant workbook: structure', () => {
  it('has the eight sheets in order, «Om uppgifterna» first, the title as file name and the document properties set', async () => {
    const { built, workbook } = await workbookOf(accountantFixture());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...accountantSheetNames]);
    expect(built.fileName).toBe('Ekonomiunderlag 2022.xlsx');
    expect(workbook.title).toBe('Ekonomiunderlag 2022');
    expect(workbook.creator).toBe('Sambruk Kansli');
    expect(workbook.company).toBe('Föreningen Sambruk');
    expect(workbook.subject).toContain('2022');
    expect(workbook.created?.toISOString()).toBe(NOW.toISOString());
  });

  it('freezes and filters the header, prints landscape with the header repeated, and names sheet, year and day made in the page header', async () => {
    const { workbook } = await workbookOf(accountantFixture());
    for (const name of accountantSheetNames) {
      const sheet = sheetOf(workbook, name);
      const view = sheet.views[0] as { state?: string; ySplit?: number };
      expect(view.state, name).toBe('frozen');
      expect(view.ySplit, name).toBeGreaterThan(0);
      expect(sheet.pageSetup.printTitlesRow, name).toBe(`${view.ySplit}:${view.ySplit}`);
      const filter = sheet.autoFilter as { from: { row: number } } | string | undefined;
      const filterRow = typeof filter === 'string' ? Number(/\d+/.exec(filter)?.[0]) : filter?.from.row;
      // The matrix's rotated service names carry no filter buttons.
      if (name !== matrixSheetName) expect(filterRow, name).toBe(view.ySplit);
      expect(sheet.pageSetup.orientation, name).toBe('landscape');
      // One page wide, or (too wide for that at a readable scale) 75 % over pages across.
      if (sheet.pageSetup.fitToPage) expect(sheet.pageSetup.fitToWidth, name).toBe(1);
      else expect(sheet.pageSetup.scale, name).toBe(75);
      expect(sheet.headerFooter.oddHeader, name).toContain(`${name} 2022`);
      expect(sheet.headerFooter.oddHeader, name).toContain('Skapad 2022-06-30');
      for (let c = 1; c <= sheet.getRow(view.ySplit ?? 1).cellCount; c++) {
        const header = String(sheet.getRow(view.ySplit ?? 1).getCell(c).value ?? '');
        const width = sheet.getColumn(c).width ?? 0;
        const rotated = sheet.getRow(view.ySplit ?? 1).getCell(c).alignment?.textRotation === 90;
        // Headers wrap at spaces (or stand rotated): each word fits its column.
        const longestWord = Math.max(...header.split(/\s+/).map((w) => w.length));
        if (header && !rotated) expect(width, `${name} ${header}`).toBeGreaterThanOrEqual(Math.min(60, longestWord));
      }
    }
  });

  it('writes every amount as a number in kronor with a kr format, and dates as real dates', async () => {
    const doc = accountantFixture();
    const { workbook, bytes } = await workbookOf(doc);
    const sheet = sheetOf(workbook, 'Medlemmar');
    const { columns } = headerOf(sheet);
    const habo = rowWhere(sheet, columns.get(memberHeaders.organisation) ?? 0, 'Habo');
    const fee = habo.getCell(columns.get(memberHeaders.chargedFee) ?? 0);
    // Habo joined 2022-04-15: 8/12 of 10 000 kr, rounded to whole kronor.
    expect(fee.value).toBe(6_667);
    expect(fee.numFmt).toBe('#,##0 "kr"');
    expect(habo.getCell(columns.get(memberHeaders.entryFee) ?? 0).value).toBe(5_000);
    expect(habo.getCell(columns.get(memberHeaders.months) ?? 0).value).toBe(8);
    expect(String(habo.getCell(columns.get(memberHeaders.proration) ?? 0).value)).toContain('8/12');
    const joined = habo.getCell(columns.get(memberHeaders.joined) ?? 0);
    expect((joined.value as Date).toISOString()).toBe('2022-04-15T00:00:00.000Z');
    expect(joined.numFmt).toBe('yyyy-mm-dd');
    // Medlemmar is the second sheet; «Om uppgifterna» comes first.
    const xml = await partXml(bytes, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain(`<v>${serial('2022-04-15')}</v>`);
    // The municipality code keeps its leading zero as text.
    expect(habo.getCell(columns.get(memberHeaders.municipalityCode) ?? 0).value).toBe('0643');

    // A service fee with öre is shown with öre.
    const services = sheetOf(workbook, 'Tjänsteanvändning');
    const s = headerOf(services);
    const hostileLine = rowWhere(services, s.columns.get(serviceHeaders.organisation) ?? 0, `'${HOSTILE_NAME}`);
    const amount = hostileLine.getCell(s.columns.get(serviceHeaders.amount) ?? 0);
    expect(amount.value).toBe(1_028.79);
    expect(amount.numFmt).toBe('#,##0.00 "kr"');
  });

  it('lists one invoice line per amount with its period, in whole kronor, and a reference <customer>-<year>-<article>', async () => {
    const doc = accountantFixture();
    const { workbook, built } = await workbookOf(doc);
    const lines = built.model.invoiceLines;
    const habo = lines.filter((l) => l.customer === 'Habo');
    // No billing details in the fixture: the references say the customer number is missing.
    expect(habo.map((l) => [l.reference, l.item, l.from, l.to, l.amountOre, l.exactOre])).toEqual([
      ['K?-0643-2022-arsavgift', 'Årsavgift 2022', '2022-05-01', '2022-12-31', 6_667_00, undefined],
      ['K?-0643-2022-insats', 'Medlemsinsats', '2022-04-15', '2022-04-15', 5_000_00, undefined],
      // Per-inhabitant prices of 2022 use Habo's count of 31 December 2021: 12 810; 9 607,50 kr rounds up.
      ['K?-0643-2022-tjanst-inv', 'Tjänst: Per invånare', '2022-03-01', '2022-08-31', 9_608_00, 12_810 * 150 * 6 / 12],
    ]);
    expect(built.model.customersWithoutNumber).toBe(new Set(lines.map((l) => l.organisationId)).size);
    const stockholm = lines.filter((l) => l.customer === 'Stockholm');
    expect(stockholm[0]?.reference).toBe('K?-0180-2022-arsavgift');
    expect(stockholm.map((l) => l.item)).toEqual(['Årsavgift 2022', 'Tjänst: Fasta tjänsten']);
    const haabo = lines.filter((l) => l.customer === 'Håbo');
    expect(haabo.map((l) => [l.item, l.amountOre])).toEqual([
      ['Årsavgift 2022', 10_417_00],
      ['Medlemsinsats (återinträde)', 5_000_00],
    ]);
    // The service without a price is not invoiced, but it is listed at 0 kr among the service lines.
    expect(lines.some((l) => l.item === 'Tjänst: Utan pris')).toBe(false);
    expect(built.model.serviceLines.find((l) => l.serviceName === 'Utan pris')?.amountOre).toBe(0);
    // Municipalities in the group are charged the banded service by their own population.
    expect(lines.filter((l) => l.item === 'Tjänst: Bandad').map((l) => [l.customer, l.amountOre])).toEqual([
      ['Aneby', 10_000_00],
      ['Eksjö', 20_000_00],
    ]);

    const sheet = sheetOf(workbook, 'Fakturaunderlag');
    const { columns } = headerOf(sheet);
    const row = rowWhere(sheet, columns.get(invoiceHeaders.reference) ?? 0, 'K?-0643-2022-arsavgift');
    expect((row.getCell(columns.get(invoiceHeaders.from) ?? 0).value as Date).toISOString()).toBe('2022-05-01T00:00:00.000Z');
    expect(row.getCell(columns.get(invoiceHeaders.amount) ?? 0).value).toBe(6_667);
    // A line with öre: whole kronor in the amount column, the exact figure beside it; the column stays whole kronor.
    const service = rowWhere(sheet, columns.get(invoiceHeaders.reference) ?? 0, 'K?-0643-2022-tjanst-inv');
    const amount = service.getCell(columns.get(invoiceHeaders.amount) ?? 0);
    expect([amount.value, amount.numFmt]).toEqual([9_608, '#,##0 "kr"']);
    const exact = service.getCell(columns.get(invoiceHeaders.exact) ?? 0);
    expect([exact.value, exact.numFmt]).toEqual([9_607.5, '#,##0.00 "kr"']);
    expect(row.getCell(columns.get(invoiceHeaders.exact) ?? 0).value ?? null).toBeNull();
    const title = String(sheet.getCell('A2').value);
    expect(title).toContain('avrundades till närmaste krona (50 öre uppåt)');
    expect(title).toContain(`avrundning ${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2 }).format(built.model.totals.roundingOre / 100)} kr`);
    expect(String(sheet.getCell('A3').value)).toMatch(/Kundnummer saknas för \d+ kunder \(referensen börjar då med «K\?-»/);
  });

  it('takes the customer number from the billing details, and no line changes reference when another is added or removed', async () => {
    const base = accountantFixture();
    const habo = base.organisations.find((o) => o.name === 'Habo');
    if (!habo) throw new Error('no Habo');
    const doc: SambrukDocument = {
      ...base,
      invoicing: { ...base.invoicing, billing: [{ id: 'b-habo', organisationId: habo.id, customerNumber: 1042, example: false }] },
    };
    const { built, workbook } = await workbookOf(doc);
    expect(built.model.invoiceLines.filter((l) => l.organisationId === habo.id).map((l) => [l.reference, l.customerNumber])).toEqual([
      ['1042-2022-arsavgift', 1042],
      ['1042-2022-insats', 1042],
      [expect.stringMatching(/^1042-2022-tjanst-/), 1042],
    ]);
    const sheet = sheetOf(workbook, 'Fakturaunderlag');
    const { columns } = headerOf(sheet);
    expect(rowWhere(sheet, columns.get(invoiceHeaders.reference) ?? 0, '1042-2022-arsavgift').getCell(columns.get(invoiceHeaders.customerNumber) ?? 0).value).toBe('1042');
  });

  it('flags a group’s fee lines while the group rule is «att bekräfta», and names the population date of every member row', async () => {
    const doc = accountantFixture();
    const { built, workbook } = await workbookOf(doc);
    const flagged = built.model.invoiceLines.filter((l) => l.check !== undefined);
    expect(flagged.length).toBeGreaterThan(0);
    expect(new Set(flagged.map((l) => l.organisationId))).toEqual(new Set(['org-hoglandet']));
    expect(flagged.every((l) => l.check === UNCONFIRMED_GROUP_RULE)).toBe(true);
    const sheet = sheetOf(workbook, 'Fakturaunderlag');
    const { columns } = headerOf(sheet);
    const groupLine = rowWhere(sheet, columns.get(invoiceHeaders.reference) ?? 0, flagged[0]?.reference ?? '');
    expect(groupLine.getCell(columns.get(invoiceHeaders.check) ?? 0).value).toBe(UNCONFIRMED_GROUP_RULE);
    expect(String(sheet.getCell('A2').value)).toMatch(/följer en regel för gruppers avgift som inte är beslutad/);

    const members = sheetOf(workbook, 'Medlemmar');
    const m = headerOf(members);
    const habo = rowWhere(members, m.columns.get(memberHeaders.organisation) ?? 0, 'Habo');
    expect(habo.getCell(m.columns.get(memberHeaders.populationDate) ?? 0).value).toBe('folkmängd 2021-12-31');
    expect(habo.getCell(m.columns.get(memberHeaders.population) ?? 0).value).toBe(12_810);

    // Confirmed, the lines are no longer flagged.
    const confirmed: SambrukDocument = {
      ...doc,
      feeTables: doc.feeTables.map((t) => ({ ...t, groupRule: { basis: 'combined-population', status: 'bekraftad', decision: 'Styrelsen 2022-03-15 § 12' } })),
    };
    expect((await workbookOf(confirmed)).built.model.invoiceLines.some((l) => l.check !== undefined)).toBe(false);
  });

  it('totals: the model equals the domain functions, and each total is a SUM over its rows', async () => {
    for (const doc of [accountantFixture(), loadDefaultDocument()]) {
      const { built, workbook } = await workbookOf(doc);
      const fees = membershipFeesForYear(doc, YEAR);
      const revenue = serviceRevenueForYear(doc, YEAR);
      expect(built.model.totals.membershipOre).toBe(fees.totalOre);
      expect(built.model.totals.serviceOre).toBe(revenue.totalOre);
      expect(built.model.totals.invoiceExactOre).toBe(fees.totalOre + revenue.totalOre);
      expect(built.model.invoiceLines.reduce((s, l) => s + (l.exactOre ?? l.amountOre), 0)).toBe(fees.totalOre + revenue.totalOre);
      // Each line in whole kronor, rounded half a krona up from its exact amount; the total is their sum.
      for (const line of built.model.invoiceLines) {
        expect(line.amountOre % 100).toBe(0);
        expect(line.amountOre - (line.exactOre ?? line.amountOre)).toBeGreaterThan(-50);
        expect(line.amountOre - (line.exactOre ?? line.amountOre)).toBeLessThanOrEqual(50);
      }
      expect(built.model.totals.invoiceOre).toBe(built.model.invoiceLines.reduce((s, l) => s + l.amountOre, 0));
      expect(built.model.totals.roundingOre).toBe(built.model.totals.invoiceOre - built.model.totals.invoiceExactOre);

      const sheet = sheetOf(workbook, 'Fakturaunderlag');
      const { headerRow, columns } = headerOf(sheet);
      const total = rowWhere(sheet, 1, 'Summa').getCell(columns.get(invoiceHeaders.amount) ?? 0).value as ExcelJS.CellFormulaValue;
      const letter = sheet.getColumn(columns.get(invoiceHeaders.amount) ?? 0).letter;
      expect(total.formula).toBe(`SUM(${letter}${headerRow + 1}:${letter}${headerRow + built.model.invoiceLines.length})`);
      expect(total.result).toBe(built.model.totals.invoiceOre / 100);
    }
  });

  it('keeps a formula-like organisation name as text everywhere', async () => {
    const { workbook, bytes } = await workbookOf(accountantFixture());
    const parts = await unzip(bytes);
    for (const [name, part] of parts) {
      if (!name.startsWith('xl/worksheets/')) continue;
      expect(asText(part), name).not.toMatch(/<f>[^<]*HYPERLINK/);
    }
    for (const [sheetName, column] of [
      ['Medlemmar', memberHeaders.organisation],
      ['Fakturaunderlag', invoiceHeaders.customer],
    ] as const) {
      const sheet = sheetOf(workbook, sheetName);
      const row = rowWhere(sheet, headerOf(sheet).columns.get(column) ?? 0, `'${HOSTILE_NAME}`);
      expect(row.getCell(headerOf(sheet).columns.get(column) ?? 0).type).toBe(ExcelJS.ValueType.String);
    }
  });

  it('leaves persons out of the Nätverk sheet unless asked, and names them when asked', async () => {
    const doc = accountantFixture();
    const without = await workbookOf(doc, false);
    const sheet = sheetOf(without.workbook, 'Nätverk');
    expect([...headerOf(sheet).columns.keys()]).not.toContain(rosterHeaders.person);
    const parts = await unzip(without.bytes);
    for (const [name, part] of parts) expect(asText(part), name).not.toContain(PERSON_EMAIL);
    for (const [name, part] of parts) expect(asText(part), name).not.toContain('Anna Andersson');
    // The organisation the person represents is still there, and the external participant, and not an entry from 2020.
    const orgs = without.built.model.rosterRows.map((r) => r.organisation);
    expect(orgs).toEqual(['Förlaget AB (extern)', 'Habo', 'Stockholm']);

    const withDetails = await workbookOf(doc, true);
    const s = sheetOf(withDetails.workbook, 'Nätverk');
    const { columns } = headerOf(s);
    const row = rowWhere(s, columns.get(rosterHeaders.person) ?? 0, 'Anna Andersson');
    expect(row.getCell(columns.get(rosterHeaders.email) ?? 0).value).toBe(PERSON_EMAIL);
    expect(row.getCell(columns.get(rosterHeaders.organisation) ?? 0).value).toBe('Habo');
  });

  it('has the usage matrix at the year end on a sheet of its own, its service names rotated', async () => {
    const { workbook, built } = await workbookOf(accountantFixture());
    const fees = sheetOf(workbook, 'Tjänsteanvändning');
    expect(() => rowWhere(fees, 1, 'Användning av tjänsterna 2022-12-31')).toThrow();
    const sheet = sheetOf(workbook, matrixSheetName);
    const title = rowWhere(sheet, 1, 'Användning av tjänsterna 2022-12-31');
    const header = sheet.getRow(title.number + 3);
    expect(header.getCell(1).value).toBe('Organisation');
    expect(header.getCell(3).alignment?.textRotation).toBe(90);
    // Tall enough for the longest name standing up.
    expect(header.height).toBeGreaterThanOrEqual('Fasta tjänsten'.length * 6);
    const names = built.model.matrix.columns.map((c) => c.name);
    expect(names).toEqual(['Bandad', 'Fasta tjänsten', 'Per invånare', 'Utan pris']);
    // Habo stopped using the per-inhabitant service in August: not a user at the year end.
    expect(built.model.matrix.rows.map((r) => r.name)).not.toContain('Habo');
    expect(rowWhere(fees, 1, 'Aneby').getCell(3).value).toBe('Bandad');
    const aneby = rowWhere(sheet, 1, 'Aneby', title.number);
    expect(header.getCell(3).value).toBe('Bandad');
    expect(aneby.getCell(3).value).toBe('Via grupp');
    expect(rowWhere(sheet, 1, 'Stockholm', title.number).getCell(4).value).toBe('Ja');
  });

  it('includes the budget sheet with live sums and the variance of the year', async () => {
    const doc = loadDefaultDocument();
    const { workbook } = await workbookOf(doc);
    const sheet = sheetOf(workbook, 'Budget');
    const header = sheet.getRow(1).values as unknown[];
    // The 2022 plan has no outcome for 2022 yet: last year's outcome is a reference, never set against the budget.
    expect(header.slice(1)).toEqual(['Post', 'Utfall 2021 (jämförelse)', 'Budget 2022', 'Utfall 2022 (ej inlagt)', 'Prognos 2022 (ej inlagd)']);
    expect(budgetVariancesFor(budgetTable(doc.budget), 2022)).toEqual([]);
    // The plan's own totals stand below the computed ones, in the same columns, with the one-krona difference.
    const stated = rowWhere(sheet, 1, 'Verksamhetsresultat enligt underlaget');
    expect(stated.getCell(3).value).toBe(96_818);
    const computed = rowWhere(sheet, 1, 'Verksamhetsresultat');
    expect((computed.getCell(3).value as ExcelJS.CellFormulaValue).result).toBe(96_817);
    const texts: string[] = [];
    sheet.getColumn(1).eachCell((cell) => texts.push(String(cell.value)));
    const plain = texts.map((t) => t.replace(/\s/g, ' '));
    expect(plain).toContain('Verksamhetsresultat, Budget 2022: uträknat 96 817 kr, men underlaget anger 96 818 kr (skillnad −1 kr).');
    expect(texts).toContain('Utfall 2022 är inte inlagt ännu; kolumnen är tom tills den förs in.');
    expect(computed.getCell(4).value).toBeNull();
    let sums = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (v && typeof v === 'object' && 'formula' in v && v.formula.startsWith('SUM(')) sums += 1;
      }),
    );
    expect(sums).toBeGreaterThan(0);
  });

  it('shows the year asked for on the budget sheet: 2023 gets its own, empty columns, not 2021 and 2022', async () => {
    const doc = loadDefaultDocument();
    const workbook = await reopen(await toBytes(buildAccountantWorkbook(doc, { year: 2023, now: NOW }).workbook));
    const header = sheetOf(workbook, 'Budget').getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(['Post', 'Utfall 2022 (jämförelse, ej inlagt)', 'Budget 2023 (ej inlagd)', 'Utfall 2023 (ej inlagt)', 'Prognos 2023 (ej inlagd)']);
  });

  it('sets the year’s outcome and forecast against its own budget when they are entered', () => {
    const doc = loadDefaultDocument();
    const budget = doc.budget.columns.find((c) => c.kind === 'budget' && c.year === 2022)!;
    const withOutcome = {
      ...doc.budget,
      columns: [
        ...doc.budget.columns,
        { ...budget, id: 'u22', kind: 'utfall' as const, statedTotals: {} },
        { ...budget, id: 'p22', kind: 'prognos' as const, statedTotals: {} },
      ],
    };
    expect(budgetVariancesFor(budgetTable(withOutcome), 2022)).toEqual([
      { actualColumnId: 'u22', budgetColumnId: budget.id },
      { actualColumnId: 'p22', budgetColumnId: budget.id },
    ]);
    expect(budgetVariancesFor(budgetTable(withOutcome), 2023)).toEqual([]);
  });

  it('refuses a year before the first fee table, in Swedish', () => {
    expect(() => buildAccountantWorkbook(accountantFixture(), { year: 2019, now: NOW })).toThrow(/ingen avgiftstabell för 2019/);
  });
});

describe('the population behind a population-based service fee', () => {
  it('names the count and its date on each per-inhabitant and banded line, and a correction with its reason', async () => {
    const doc = accountantFixture();
    const { built, workbook } = await workbookOf(doc);
    const lines = built.model.serviceLines;
    const byPopulation = lines.filter((l) => l.serviceName === 'Per invånare' || l.serviceName === 'Bandad');
    expect(byPopulation.length).toBeGreaterThan(1);
    for (const line of byPopulation) {
      expect(line.pricing).toMatch(/; \d[\d\s]* invånare, folkmängd 2021-12-31$/);
    }
    // A fixed fee does not depend on the count, so it names none.
    expect(lines.filter((l) => l.serviceName === 'Fasta tjänsten').every((l) => !l.pricing.includes('folkmängd'))).toBe(true);
    // The sheet shows the same text in its «Prismodell» column.
    const sheet = sheetOf(workbook, 'Tjänsteanvändning');
    const { columns } = headerOf(sheet);
    const first = byPopulation[0]!;
    const row = rowWhere(sheet, columns.get(serviceHeaders.organisation) ?? 0, first.name);
    expect(String(row.getCell(columns.get(serviceHeaders.pricing) ?? 0).value)).toContain('folkmängd 2021-12-31');

    const user = doc.organisations.find((o) => o.id === byPopulation.find((l) => l.serviceName === 'Per invånare')?.organisationId);
    expect(user?.municipalityCode).toBeDefined();
    const corrected: SambrukDocument = {
      ...doc,
      reference: {
        ...doc.reference,
        populations: doc.reference.populations.map((p) =>
          p.code === user?.municipalityCode && p.date === '2021-12-31' ? { ...p, source: 'rattad' as const, sourceNote: 'fel i SCB-filen' } : p,
        ),
      },
    };
    const again = await workbookOf(corrected);
    const line = again.built.model.serviceLines.find((l) => l.organisationId === user?.id && l.serviceName === 'Per invånare');
    expect(line?.pricing).toContain('folkmängd 2021-12-31, rättad: fel i SCB-filen');
  });
});
