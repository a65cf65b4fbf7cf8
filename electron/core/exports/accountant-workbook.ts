/**
 * "Ekonomiunderlag <år>": the workbook the association's accountant receives, built from `accountantModel`.
 *
 * Sheets, in order:
 * 0. **Om uppgifterna**: the register's assumptions (`domain/assumptions.ts`, the same list as the app's page),
 *    the plan's figures beside the register's among them, and the data sources; first, so that no figure is
 *    read before what it rests on.
 * 1. **Medlemmar**: each member organisation of the year with its fee band, yearly fee, months charged, entry
 *    fee, amount to pay and how the first year was pro-rated; total row.
 * 2. **Fakturaunderlag**: one row per invoice line (who, what, period, whole kronor, stable reference); total row.
 *    **Fakturor**: every issued invoice and credit note of the year (number, dates, customer, net, VAT, total,
 *    paid, remaining), a control total, and the year's invoiced net tied to the basis with the difference shown.
 * 3. **Tjänsteanvändning**: one fee line per user per service (0 kr lines too, so an unpriced service shows),
 *    total row.
 * 4. **Användningsmatris**: the usage matrix at the year's last day, service names rotated over narrow columns.
 * 5. **Nätverk**: roster entries touching the year; persons' names and e-mail addresses only on request.
 * 6. **Budget**: the budget sheet with live `SUM` and variance formulas (`budget-sheet.ts`).
 *
 * Every sheet goes through the workbook kit: real numbers with `#,##0 "kr"` formats (kronor and öre only where
 * an amount has öre), real dates that are the same day in every time zone, a frozen and filtered header,
 * widths from the content, landscape A4 at a readable scale with a printed header naming the sheet, year and day made.
 * Totals are live `SUM` formulas over the rows, carrying the app's own figure as the cached result; a
 * recalculating reader (Excel, LibreOffice) must arrive at the same krona, and the tests check that it does.
 */
import { addBudgetSheet, type BudgetVariance } from './budget-sheet';
import { dateAt, lastDayOfYear } from '../../contract/rules/calendar-date';
import { countOf, nouns } from '../domain/swedish';
import { describeVia } from '../domain/usage-matrix';
import { yearVariancePairs } from '../domain/budget';
import {
  addTableSheet,
  cellValue,
  columnLetter,
  createWorkbook,
  displayText,
  formula,
  mergeTitleRow,
  setupPrint,
  numberFormats,
  restyle,
  setCell,
  setColumnWidth,
  sharedStyle,
  TOP_WRAP,
  toBytes,
  widthFor,
  type ColumnDef,
  type TableSheet,
  type Workbook,
  type Worksheet,
} from './workbook-kit';
import {
  accountantModel,
  type AccountantModel,
  type AccountantOptions,
  type InvoiceLine,
  type IssuedInvoiceRow,
  type MemberRow,
  type RosterRow,
  type ServiceFeeLine,
} from './accountant-model';
import { exportedXlsx, safeFileName, type ExportedFile } from './export-file';
import type { BudgetTable } from '../../contract/channels/budget.channels';
import type { SambrukDocument } from '../store/schema';
import { assumptionsReport, type AssumptionsReport } from '../domain/assumptions';
import { assumptionGroupLabels, assumptionPlaceLabels, type Assumption } from '../../contract/model/assumptions';

export const accountantSheetNames = ['Om uppgifterna', 'Medlemmar', 'Fakturaunderlag', 'Fakturor', 'Tjänsteanvändning', 'Användningsmatris', 'Nätverk', 'Budget'] as const;

export function accountantWorkbookTitle(year: number): string {
  return `Ekonomiunderlag ${year}`;
}

const stockholmTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
const count = new Intl.NumberFormat('sv-SE');

function madeLine(now: Date): string {
  return `Skapad ${dateAt(now)} kl. ${stockholmTime.format(now)} i Sambruk Kansli.`;
}

/** `kr` when every amount is whole kronor, else `kr-ore`, so öre are never hidden by the format. */
function moneyKind(amounts: readonly (number | undefined)[]): 'kr' | 'kr-ore' {
  return amounts.every((a) => a === undefined || a % 100 === 0) ? 'kr' : 'kr-ore';
}

type Sum = { column: number; ore: number; kind: 'kr' | 'kr-ore' };

/**
 * A bold `Summa` row one blank row below the table (outside the filter range, so it never sorts into the data),
 * with a live `SUM` over each money column and the app's figure as cached result.
 */
function addTotalRow(sheet: Worksheet, table: TableSheet, label: string, sums: readonly Sum[], lastColumn: number): number {
  const rowNumber = Math.max(table.lastDataRow, table.headerRow) + 2;
  const row = sheet.getRow(rowNumber);
  setCell(row.getCell(1), cellValue(label), { font: BOLD });
  for (const sum of sums) {
    const letter = columnLetter(sum.column);
    const expression = table.lastDataRow >= table.firstDataRow ? `SUM(${letter}${table.firstDataRow}:${letter}${table.lastDataRow})` : '0';
    const cell = row.getCell(sum.column);
    setCell(cell, cellValue(formula(expression, sum.ore / 100)), { numFmt: sum.kind === 'kr' ? numberFormats.kr : numberFormats.krOre, font: BOLD });
    const needed = widthFor('', [displayText(sum.ore / 100, sum.kind)]);
    const current = sheet.getColumn(sum.column).width ?? 0;
    if (needed > current) setColumnWidth(sheet, sum.column, needed);
  }
  for (let c = 1; c <= lastColumn; c++) restyle(row.getCell(c), { border: TOP_RULE });
  return rowNumber;
}

const BOLD = { bold: true } as const;
const TOP_RULE = { top: { style: 'thin' } } as const;

const PROSE_WIDTH = 60;
/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

/**
 * Wraps a column's data cells and sets each row's height to the lines its text needs: readers do not all grow a
 * row for wrapped text on their own (LibreOffice does not when it opens a file it did not write).
 */
function wrapColumn(table: TableSheet, column: number, width: number): void {
  for (let r = table.firstDataRow; r <= table.lastDataRow; r++) {
    const cell = table.sheet.getCell(r, column);
    restyle(cell, { alignment: TOP_WRAP });
    const text = typeof cell.value === 'string' ? cell.value : '';
    // About one character per unit of width, less a little for the margins; a word never breaks mid-line.
    const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / (width - 4))), 0);
    if (lines > 1) table.sheet.getRow(r).height = lines * LINE_HEIGHT;
  }
}

const columnIndex = <Row>(columns: readonly ColumnDef<Row>[], header: string) => columns.findIndex((c) => c.header === header) + 1;

// ---------------------------------------------------------------- Medlemmar

export const memberHeaders = {
  organisation: 'Organisation',
  municipalityCode: 'Kommunkod',
  orgNumber: 'Organisationsnummer',
  kind: 'Typ',
  county: 'Län',
  population: 'Folkmängd',
  populationDate: 'Folkmängd per',
  band: 'Avgiftsklass',
  joined: 'Medlem sedan',
  listFee: 'Årsavgift enligt tabell',
  months: 'Månader',
  chargedFee: 'Årsavgift att betala',
  entryFee: 'Medlemsinsats',
  total: 'Att betala',
  proration: 'Avräkning första året',
} as const;

function addMembersSheet(workbook: Workbook, model: AccountantModel, now: Date): void {
  const h = memberHeaders;
  const kr = moneyKind(model.members.flatMap((m) => [m.listYearlyFeeOre, m.chargedYearlyFeeOre, m.entryFeeOre, m.totalOre]));
  const columns: ColumnDef<MemberRow>[] = [
    { header: h.organisation, key: 'name', kind: 'text' },
    { header: h.municipalityCode, key: 'municipalityCode', kind: 'text' },
    { header: h.orgNumber, key: 'orgNumber', kind: 'text' },
    { header: h.kind, key: 'kindLabel', kind: 'text' },
    { header: h.county, key: 'countyName', kind: 'text' },
    { header: h.population, key: 'population', kind: 'integer' },
    { header: h.populationDate, key: 'populationDate', kind: 'text' },
    { header: h.band, key: 'bandLabel', kind: 'text' },
    { header: h.joined, key: 'joined', kind: 'date' },
    { header: h.listFee, key: 'listYearlyFeeOre', kind: kr },
    { header: h.months, key: 'months', kind: 'integer' },
    { header: h.chargedFee, key: 'chargedYearlyFeeOre', kind: kr },
    { header: h.entryFee, key: 'entryFeeOre', kind: kr },
    { header: h.total, key: 'totalOre', kind: kr },
    { header: h.proration, key: 'proration', kind: 'text' },
  ];
  const payers = model.fees.rows.length;
  const viaGroup = model.members.length - payers;
  const table = addTableSheet(workbook, {
    name: 'Medlemmar',
    printTitle: 'Medlemmar',
    year: model.year,
    columns,
    rows: model.members,
    titleLines: [
      `Medlemmar och medlemsavgifter ${model.year}`,
      `${countOf(payers, { one: 'betalande medlem', other: 'betalande medlemmar' })} enligt avgiftstabellen från ${model.fees.tableYear}` +
        (viaGroup > 0 ? `; ${countOf(viaGroup, nouns.medlem)} genom en grupp (gruppen betalar, 0 kr här).` : '.') +
        ' Ett nytt medlemsår räknas från månaden efter inträdet.' +
        (model.fees.rows[0] ? ` Avgiftsklassen följer folkmängden ${model.fees.rows[0].populationWantedDate} (kolumnen «${h.populationDate}»).` : ''),
      madeLine(now),
    ],
  });
  // The explanation is prose: wrapped in a column of its own width, so it neither spills off the printed page
  // nor widens the fitted page until the figures are unreadable.
  const prose = columnIndex(columns, h.proration);
  setColumnWidth(table.sheet, prose, PROSE_WIDTH);
  wrapColumn(table, prose, PROSE_WIDTH);
  addTotalRow(
    table.sheet,
    table,
    'Summa',
    [
      { column: columnIndex(columns, h.chargedFee), ore: model.totals.yearlyFeesOre, kind: kr },
      { column: columnIndex(columns, h.entryFee), ore: model.totals.entryFeesOre, kind: kr },
      { column: columnIndex(columns, h.total), ore: model.totals.membershipOre, kind: kr },
    ],
    columns.length,
  );
}

// ---------------------------------------------------------------- Fakturaunderlag

export const invoiceHeaders = {
  reference: 'Referens',
  customerNumber: 'Kundnummer',
  customer: 'Kund',
  orgNumber: 'Organisationsnummer',
  municipalityCode: 'Kommunkod',
  item: 'Avser',
  from: 'Från och med',
  to: 'Till och med',
  months: 'Månader',
  amount: 'Belopp',
  exact: 'Exakt belopp',
  check: 'Att kontrollera',
} as const;

/** «1 666,67 kr» with öre, for the sentences that state a rounding. */
const oreText = (ore: number) => `${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(ore / 100)} kr`;

/** The sentence on the öre rounding of the basis, or '' when every line was whole kronor. */
export function basisRoundingText(model: Pick<AccountantModel, 'invoiceLines' | 'totals'>): string {
  const rounded = model.invoiceLines.filter((l) => l.exactOre !== undefined).length;
  if (rounded === 0) return '';
  return (
    ` Beloppen är hela kronor, som på fakturorna: ${countOf(rounded, { one: 'rad', other: 'rader' })} med ören avrundades till närmaste krona (50 öre uppåt), ` +
    `se «${invoiceHeaders.exact}». Exakt summa enligt avgiftsreglerna ${oreText(model.totals.invoiceExactOre)}, avrundning ${oreText(model.totals.roundingOre)}.`
  );
}

function addInvoiceSheet(workbook: Workbook, model: AccountantModel, now: Date): void {
  const h = invoiceHeaders;
  const withOre = model.invoiceLines.some((l) => l.exactOre !== undefined);
  const columns: ColumnDef<InvoiceLine>[] = [
    { header: h.reference, key: 'reference', kind: 'text' },
    // Text: a customer number is a name, never read with a thousands separator.
    { header: h.customerNumber, key: (l) => (l.customerNumber === undefined ? undefined : String(l.customerNumber)), kind: 'text' },
    { header: h.customer, key: 'customer', kind: 'text' },
    { header: h.orgNumber, key: 'orgNumber', kind: 'text' },
    { header: h.municipalityCode, key: 'municipalityCode', kind: 'text' },
    { header: h.item, key: 'item', kind: 'text' },
    { header: h.from, key: 'from', kind: 'date' },
    { header: h.to, key: 'to', kind: 'date' },
    { header: h.months, key: 'months', kind: 'integer' },
    // Whole kronor always: a line with öre shows its exact amount in a column of its own, so one such line no
    // longer turns the whole amount column to öre.
    { header: h.amount, key: 'amountOre', kind: 'kr' },
    ...(withOre ? ([{ header: h.exact, key: 'exactOre', kind: 'kr-ore' }] satisfies ColumnDef<InvoiceLine>[]) : []),
    { header: h.check, key: 'check', kind: 'text' },
  ];
  const flagged = model.invoiceLines.filter((l) => l.check !== undefined).length;
  const table = addTableSheet(workbook, {
    name: 'Fakturaunderlag',
    printTitle: 'Fakturaunderlag',
    year: model.year,
    columns,
    rows: model.invoiceLines,
    titleLines: [
      `Fakturaunderlag ${model.year}`,
      `${countOf(model.invoiceLines.length, { one: 'fakturarad', other: 'fakturarader' })}: årsavgifter, medlemsinsatser och avgifter för tjänster. Rader på 0 kr tas inte med.` +
        (flagged > 0 ? ` ${countOf(flagged, { one: 'rad', other: 'rader' })} följer en regel för gruppers avgift som inte är beslutad: se «${h.check}».` : '') +
        basisRoundingText(model),
      `Referensen är kundnummer, år och artikel, och ändras inte när andra rader tillkommer eller försvinner.` +
        (model.customersWithoutNumber > 0
          ? ` Kundnummer saknas för ${countOf(model.customersWithoutNumber, { one: 'kund', other: 'kunder' })} (referensen börjar då med «K?-» och kommunkoden): ` +
            'lägg in eller importera organisationernas faktureringsuppgifter.'
          : ''),
      madeLine(now),
    ],
  });
  addTotalRow(table.sheet, table, 'Summa', [{ column: columnIndex(columns, h.amount), ore: model.totals.invoiceOre, kind: 'kr' }], columns.length);
}

// ---------------------------------------------------------------- Fakturor

// Short headers: eleven columns must fit one printed page at a readable scale.
export const issuedHeaders = {
  number: 'Nr',
  kind: 'Slag',
  issueDate: 'Datum',
  dueDate: 'Förfaller',
  customerNumber: 'Kundnr',
  customer: 'Kund',
  net: 'Netto',
  vat: 'Moms',
  total: 'Att betala',
  paid: 'Betalt',
  remaining: 'Kvar',
} as const;

/** The labels of the rows under the control total that tie the invoices to the basis. */
export const tieLabels = {
  basis: 'Fakturaunderlaget (netto)',
  difference: 'Skillnad: fakturerat netto minus underlaget',
} as const;

function addIssuedSheet(workbook: Workbook, model: AccountantModel, now: Date): void {
  const h = issuedHeaders;
  const issued = model.issued;
  // Lines are whole kronor, so the net is too unless an accountant changed a quantity or price to öre.
  const netKind = moneyKind(issued.rows.map((r) => r.netOre));
  const columns: ColumnDef<IssuedInvoiceRow>[] = [
    { header: h.number, key: 'number', kind: 'text' },
    { header: h.kind, key: 'kindLabel', kind: 'text' },
    { header: h.issueDate, key: 'issueDate', kind: 'date' },
    { header: h.dueDate, key: 'dueDate', kind: 'date' },
    { header: h.customerNumber, key: (r) => String(r.customerNumber), kind: 'text' },
    { header: h.customer, key: 'customer', kind: 'text' },
    { header: h.net, key: 'netOre', kind: netKind },
    { header: h.vat, key: 'vatOre', kind: 'kr-ore' },
    { header: h.total, key: 'totalOre', kind: 'kr-ore' },
    { header: h.paid, key: 'paidOre', kind: 'kr-ore' },
    { header: h.remaining, key: 'remainingOre', kind: 'kr-ore' },
  ];
  const invoices = issued.rows.filter((r) => r.kind === 'invoice').length;
  const credits = issued.rows.length - invoices;
  const table = addTableSheet(workbook, {
    name: 'Fakturor',
    printTitle: 'Fakturor',
    year: model.year,
    columns,
    rows: issued.rows,
    titleLines: [
      `Fakturor ${model.year}`,
      (issued.rows.length === 0
        ? `Inga fakturor för ${model.year} är utfärdade ännu.`
        : `${countOf(invoices, { one: 'utfärdad faktura', other: 'utfärdade fakturor' })} och ${countOf(credits, { one: 'kreditfaktura', other: 'kreditfakturor' })} för ${model.year}, i nummerordning.`) +
        ' Kreditfakturor står med minustecken, som i bokföringen. Nettot jämförs under summan med fakturaunderlaget.',
      madeLine(now),
    ],
  });
  const money = (header: string, ore: number): Sum => ({ column: columnIndex(columns, header), ore, kind: header === h.net ? netKind : 'kr-ore' });
  const totalRow = addTotalRow(
    table.sheet,
    table,
    'Summa',
    [money(h.net, issued.netOre), money(h.vat, issued.vatOre), money(h.total, issued.totalOre), money(h.paid, issued.paidOre), money(h.remaining, issued.remainingOre)],
    columns.length,
  );
  // The control: the year's invoiced net beside the basis it was drafted from, and the difference (what is not
  // yet invoiced, or was credited) as a live formula over the two cells; what each figure is on a line below,
  // in the first column, where it has the width of the page.
  const netColumn = columnIndex(columns, h.net);
  const letter = columnLetter(netColumn);
  const basisRow = totalRow + 2;
  const basis = table.sheet.getRow(basisRow);
  setCell(basis.getCell(1), cellValue(tieLabels.basis));
  setCell(basis.getCell(netColumn), cellValue(model.totals.invoiceOre / 100), { numFmt: numberFormats.kr });
  const difference = table.sheet.getRow(basisRow + 1);
  const differenceOre = issued.netOre - model.totals.invoiceOre;
  setCell(difference.getCell(1), cellValue(tieLabels.difference), { font: BOLD });
  setCell(difference.getCell(netColumn), cellValue(formula(`${letter}${totalRow}-${letter}${basisRow}`, differenceOre / 100)), { numFmt: numberFormats.kr, font: BOLD });
  setCell(table.sheet.getCell(basisRow + 3, 1), cellValue(basisTieText(model)));
  setCell(table.sheet.getCell(basisRow + 4, 1), cellValue('Skillnaden är det som ännu inte är fakturerat för året, eller som har krediterats.'));
  const needed = widthFor(h.net, [model.totals.invoiceOre, differenceOre, issued.netOre].map((ore) => displayText(ore / 100, 'kr')));
  if (needed > (table.sheet.getColumn(netColumn).width ?? 0)) setColumnWidth(table.sheet, netColumn, needed);
}

/** What the basis figure is: whole kronor per line, with the öre rounding when there was any. */
export function basisTieText(model: Pick<AccountantModel, 'year' | 'invoiceLines' | 'totals'>): string {
  const whole = `Fakturaunderlaget ${model.year}: ${countOf(model.invoiceLines.length, { one: 'rad', other: 'rader' })} i hela kronor`;
  return model.totals.roundingOre === 0
    ? `${whole}; inga ören att avrunda.`
    : `${whole}; exakt enligt avgiftsreglerna ${oreText(model.totals.invoiceExactOre)}, öresavrundning ${oreText(model.totals.roundingOre)}.`;
}

// ---------------------------------------------------------------- Tjänsteanvändning

export const serviceHeaders = {
  organisation: 'Organisation',
  municipalityCode: 'Kommunkod',
  service: 'Tjänst',
  via: 'Genom grupp',
  from: 'Från och med',
  to: 'Till och med',
  months: 'Månader',
  yearlyFee: 'Årsavgift för helår',
  amount: 'Belopp',
  pricing: 'Prismodell',
} as const;

export const matrixTitle = (year: number) => `Användning av tjänsterna ${lastDayOfYear(year)}`;
export const matrixSheetName = 'Användningsmatris';
/** Wide enough for «Via grupp» under a rotated service name. */
const MATRIX_CELL_WIDTH = 9;
export const matrixCountLabel = 'Antal användare';
/** The matrix's marks and counts sit under the middle of their service's name. */
const CENTRED = { horizontal: 'center' } as const;

function addServiceSheet(workbook: Workbook, model: AccountantModel, now: Date): void {
  const h = serviceHeaders;
  const kr = moneyKind(model.serviceLines.flatMap((l) => [l.amountOre, l.yearlyFeeOre]));
  const columns: ColumnDef<ServiceFeeLine>[] = [
    { header: h.organisation, key: 'name', kind: 'text' },
    { header: h.municipalityCode, key: 'municipalityCode', kind: 'text' },
    { header: h.service, key: 'serviceName', kind: 'text' },
    { header: h.via, key: 'viaGroupName', kind: 'text' },
    { header: h.from, key: 'from', kind: 'date' },
    { header: h.to, key: 'to', kind: 'date' },
    { header: h.months, key: 'months', kind: 'integer' },
    { header: h.yearlyFee, key: 'yearlyFeeOre', kind: kr },
    { header: h.amount, key: 'amountOre', kind: kr },
    { header: h.pricing, key: 'pricing', kind: 'text' },
  ];
  const unpriced = model.unpricedServiceNames;
  const table = addTableSheet(workbook, {
    name: 'Tjänsteanvändning',
    printTitle: 'Tjänsteanvändning',
    year: model.year,
    columns,
    rows: model.serviceLines,
    titleLines: [
      `Tjänsteanvändning och avgifter ${model.year}`,
      'En rad per användare och tjänst; avgiften tas ut per påbörjad månad i bruk.' +
        (unpriced.length > 0 ? ` Utan prismodell för ${model.year} (räknas som 0 kr): ${unpriced.join(', ')}.` : '') +
        ` Bladet Användningsmatris visar användningen ${lastDayOfYear(model.year)}.`,
      madeLine(now),
    ],
  });
  addTotalRow(table.sheet, table, 'Summa', [{ column: columnIndex(columns, h.amount), ore: model.totals.serviceOre, kind: kr }], columns.length);
}

/**
 * The matrix at the year's end, organisations × services, on a sheet of its own: its header row is repeated on
 * each printed page instead of the fee lines' header, and the service names stand rotated over narrow columns,
 * whole, however long they are.
 */
function addMatrixSheet(workbook: Workbook, model: AccountantModel, now: Date): void {
  const h = serviceHeaders;
  const matrix = model.matrix;
  const sheet = workbook.addWorksheet(matrixSheetName);
  const titleRow = 1;
  setCell(sheet.getCell(titleRow, 1), cellValue(matrixTitle(model.year)), { font: { bold: true, size: 12 } });
  setCell(sheet.getCell(titleRow + 1, 1), cellValue(`«Ja»: organisationen använder tjänsten själv; «Via grupp»: genom en grupp den tillhör. ${madeLine(now)}`));
  const headerRow = titleRow + 3;
  // The count's breakdown beside it, in the words of the member list and the catalogue (one users rule for all).
  const viaHeader = 'Varav via grupp eller värd';
  const headers = [h.organisation, h.municipalityCode, ...matrix.columns.map((c) => c.name), 'Antal tjänster', viaHeader];
  mergeTitleRow(sheet, titleRow);
  mergeTitleRow(sheet, titleRow + 1);
  headers.forEach((text, i) => {
    setCell(sheet.getCell(headerRow, i + 1), cellValue(text), {
      font: BOLD,
      alignment: i >= 2 && i < headers.length - 1 ? { ...CENTRED, vertical: 'bottom', textRotation: 90 } : { vertical: 'bottom', wrapText: true },
    });
  });
  // Hundreds of thousands of cells: their values and styles are made once, not per cell.
  const plain = sharedStyle({});
  const textStyle = sharedStyle({ numFmt: numberFormats.text });
  const centred = sharedStyle({ alignment: CENTRED });
  const countStyle = sharedStyle({ numFmt: numberFormats.integer, alignment: CENTRED });
  const own = cellValue('Ja');
  const viaGroup = cellValue('Via grupp');
  matrix.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(headerRow + 1 + r);
    const name = excelRow.getCell(1);
    name.value = cellValue(row.name);
    name.style = plain;
    const code = excelRow.getCell(2);
    code.value = cellValue(row.municipalityCode ?? null);
    code.style = textStyle;
    matrix.columns.forEach((column, c) => {
      const cell = row.cells[column.serviceId];
      // Most of the matrix is empty: a cell that shows nothing is left out (at ten times the association's
      // size 266 000 of its 400 000 cells, and the largest part of the workbook's cost).
      if (!cell) return;
      const target = excelRow.getCell(3 + c);
      target.value = cell.source === 'group' ? viaGroup : own;
      target.style = centred;
    });
    const services = excelRow.getCell(3 + matrix.columns.length);
    services.value = cellValue(row.serviceCount);
    services.style = countStyle;
    if (row.serviceUse.via.length > 0) {
      const via = excelRow.getCell(4 + matrix.columns.length);
      via.value = cellValue(describeVia(row.serviceUse.via));
      via.style = plain;
    }
  });
  const firstMatrixRow = headerRow + 1;
  const lastMatrixRow = headerRow + matrix.rows.length;
  const countRow = sheet.getRow(lastMatrixRow + 1);
  setCell(countRow.getCell(1), cellValue(matrixCountLabel), { font: BOLD });
  matrix.columns.forEach((column, c) => {
    const letter = columnLetter(3 + c);
    const value = cellValue(matrix.rows.length === 0 ? formula('0', 0) : formula(`COUNTA(${letter}${firstMatrixRow}:${letter}${lastMatrixRow})`, column.visibleUsers));
    setCell(countRow.getCell(3 + c), value, { numFmt: numberFormats.integer, font: BOLD, alignment: CENTRED });
  });
  for (let c = 1; c <= headers.length; c++) restyle(countRow.getCell(c), { border: TOP_RULE });
  // Service names stand rotated: the columns need only the room of «Via grupp». The breakdown is text, read across.
  for (let c = 3; c < headers.length; c++) setColumnWidth(sheet, c, MATRIX_CELL_WIDTH);
  const viaTexts = matrix.rows.flatMap((r) => (r.serviceUse.via.length > 0 ? [describeVia(r.serviceUse.via)] : []));
  setColumnWidth(sheet, headers.length, widthFor(viaHeader, viaTexts));
  setColumnWidth(sheet, 1, widthFor(h.organisation, [matrixCountLabel, ...matrix.rows.map((r) => r.name)]));
  // No filter buttons on this sheet: the bold header needs only its own length.
  setColumnWidth(sheet, 2, h.municipalityCode.length + 3);
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow, topLeftCell: `B${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  setupPrint(sheet, { title: matrixSheetName, year: model.year, repeatRows: `${headerRow}:${headerRow}` });
}

// ---------------------------------------------------------------- Nätverk

export const rosterHeaders = {
  network: 'Nätverk',
  kind: 'Typ',
  organisation: 'Organisation',
  role: 'Roll',
  participation: 'Deltagandeform',
  from: 'Från och med',
  to: 'Till och med',
  person: 'Person',
  email: 'E-post',
} as const;

function addNetworkSheet(workbook: Workbook, model: AccountantModel, now: Date): void {
  const h = rosterHeaders;
  const columns: ColumnDef<RosterRow>[] = [
    { header: h.network, key: 'networkName', kind: 'text' },
    { header: h.kind, key: 'kindLabel', kind: 'text' },
    { header: h.organisation, key: 'organisation', kind: 'text' },
    { header: h.role, key: 'role', kind: 'text' },
    { header: h.participation, key: 'participation', kind: 'text' },
    { header: h.from, key: 'from', kind: 'date' },
    { header: h.to, key: 'to', kind: 'date' },
    ...(model.includePersonalDetails
      ? ([
          { header: h.person, key: 'person', kind: 'text' },
          { header: h.email, key: 'email', kind: 'text' },
        ] satisfies ColumnDef<RosterRow>[])
      : []),
  ];
  addTableSheet(workbook, {
    name: 'Nätverk',
    printTitle: 'Nätverk',
    year: model.year,
    columns,
    rows: model.rosterRows,
    titleLines: [
      `Nätverk, förvaltningsråd och projekt ${model.year}`,
      `${count.format(model.rosterRows.length)} deltagare med en period som berör ${model.year}. ` +
        (model.includePersonalDetails
          ? 'Innehåller personuppgifter (namn och e-post): hantera filen därefter.'
          : 'Utan personuppgifter: personernas namn och e-post ingår inte.'),
      madeLine(now),
    ],
  });
}

// ---------------------------------------------------------------- Om uppgifterna

export const assumptionHeaders = {
  group: 'Område',
  title: 'Antagande',
  text: 'Vad det innebär',
  count: 'Antal',
  source: 'Källa',
  place: 'Rättas i appen',
} as const;

function addAssumptionsSheet(workbook: Workbook, report: AssumptionsReport, year: number, now: Date): void {
  const h = assumptionHeaders;
  const widths = { group: 13, title: 32, text: 50, count: 7, source: 26, place: 16 };
  const columns: ColumnDef<Assumption>[] = [
    { header: h.group, key: (a) => assumptionGroupLabels[a.group], kind: 'text', width: widths.group },
    { header: h.title, key: 'title', kind: 'text', width: widths.title },
    { header: h.text, key: 'text', kind: 'text', width: widths.text },
    { header: h.count, key: 'count', kind: 'integer', width: widths.count },
    { header: h.source, key: 'source', kind: 'text', width: widths.source },
    { header: h.place, key: (a) => assumptionPlaceLabels[a.place], kind: 'text', width: widths.place },
  ];
  const table = addTableSheet(workbook, {
    name: 'Om uppgifterna',
    printTitle: 'Om uppgifterna',
    year,
    columns,
    rows: report.items,
    titleLines: [
      `Om uppgifterna: antaganden bakom ekonomiunderlaget ${year}`,
      report.items.length === 0
        ? 'Registret vilar inte på några antaganden som appen känner till.'
        : `${countOf(report.items.length, { one: 'antagande', other: 'antaganden' })}, räknade ur registret ${report.date}. ` +
          'Där planen anger ett annat antal än registret står båda («Planen anger 109; registret namnger 96»). Samma lista finns i appen under Om uppgifterna.',
      ...report.sources.map((s) => `${s.title}: ${s.detail}`),
      madeLine(now),
    ],
  });
  wrapColumn(table, 1, widths.group);
  wrapColumn(table, 2, widths.title);
  wrapColumn(table, 3, widths.text);
  wrapColumn(table, 5, widths.source);
  wrapColumn(table, 6, widths.place);
}

// ---------------------------------------------------------------- Budget

/**
 * The variance pairs for the export year: the year's outcome and its forecast, each against the same year's
 * budget. Never another year's figures: the previous year's outcome is a reference column only.
 */
export function budgetVariancesFor(table: BudgetTable, year: number): BudgetVariance[] {
  return yearVariancePairs(table.columns, year);
}

// ---------------------------------------------------------------- the workbook

export type AccountantWorkbook = { workbook: Workbook; model: AccountantModel; assumptions: AssumptionsReport; fileName: string; title: string };

/** Builds the workbook; throws `not-found` (Swedish message) when no fee table applies to the year. */
export function buildAccountantWorkbook(doc: SambrukDocument, options: AccountantOptions & { now: Date }): AccountantWorkbook {
  const built = accountantWorkbookShell(doc, options);
  for (const sheet of accountantSheets(built, options)) sheet.add(built.workbook);
  return built;
}

/** The sheets in order (`accountantSheetNames`), each added by one call, so an export can pause between them. */
export function accountantSheets(
  { model, assumptions }: Pick<AccountantWorkbook, 'model' | 'assumptions'>,
  options: AccountantOptions & { now: Date },
): { name: string; add: (workbook: Workbook) => void }[] {
  return [
    { name: 'Om uppgifterna', add: (workbook) => addAssumptionsSheet(workbook, assumptions, options.year, options.now) },
    { name: 'Medlemmar', add: (workbook) => addMembersSheet(workbook, model, options.now) },
    { name: 'Fakturaunderlag', add: (workbook) => addInvoiceSheet(workbook, model, options.now) },
    { name: 'Fakturor', add: (workbook) => addIssuedSheet(workbook, model, options.now) },
    { name: 'Tjänsteanvändning', add: (workbook) => addServiceSheet(workbook, model, options.now) },
    { name: 'Användningsmatris', add: (workbook) => addMatrixSheet(workbook, model, options.now) },
    { name: 'Nätverk', add: (workbook) => addNetworkSheet(workbook, model, options.now) },
    { name: 'Budget', add: (workbook) => addBudgetSheet(workbook, model.budget, { name: 'Budget', year: options.year, variances: budgetVariancesFor(model.budget, options.year) }) },
  ];
}

/** The model and the workbook with its properties, before any sheet. */
function accountantWorkbookShell(doc: SambrukDocument, options: AccountantOptions & { now: Date }): AccountantWorkbook {
  const model = accountantModel(doc, options);
  const title = accountantWorkbookTitle(options.year);
  const workbook = createWorkbook({
    title,
    subject: `Underlag för fakturering och bokföring ${options.year}: medlemsavgifter, avgifter för tjänster, nätverk och budget`,
    description: `${doc.meta.associationName}. ${madeLine(options.now)}${model.includePersonalDetails ? ' Innehåller personuppgifter.' : ''}`,
    created: options.now,
  });
  workbook.category = 'Ekonomiunderlag';
  workbook.keywords = `Sambruk; ekonomiunderlag; ${options.year}`;
  const assumptions = assumptionsReport(doc, dateAt(options.now), { throughYear: options.year });
  return { workbook, model, assumptions, title, fileName: safeFileName(title) };
}

/** A step of a stepped export: sheet `done + 1` of `total` is about to be built, or the file is about to be written. */
export type WorkbookStep = { phase: 'building'; done: number; total: number; sheet: string } | { phase: 'writing'; done: 0; total: 1 };

/**
 * The workbook as a file. With `beforeStep`, that is awaited before each sheet and before the file is written,
 * so the caller can report progress, yield to the event loop and stop the export by throwing.
 */
export async function accountantWorkbookFile(
  doc: SambrukDocument,
  options: AccountantOptions & { now: Date },
  beforeStep?: (step: WorkbookStep) => Promise<void>,
): Promise<ExportedFile> {
  if (!beforeStep) {
    const built = buildAccountantWorkbook(doc, options);
    return exportedXlsx(built.fileName, await toBytes(built.workbook));
  }
  const built = accountantWorkbookShell(doc, options);
  const sheets = accountantSheets(built, options);
  for (const [i, sheet] of sheets.entries()) {
    await beforeStep({ phase: 'building', done: i, total: sheets.length, sheet: sheet.name });
    sheet.add(built.workbook);
  }
  await beforeStep({ phase: 'writing', done: 0, total: 1 });
  return exportedXlsx(built.fileName, await toBytes(built.workbook));
}
