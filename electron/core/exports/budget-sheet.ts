/**
 * The budget as a sheet, built from the Budget screen's model (`budgetTable()` in `domain/budget.ts`), so the
 * workbook shows exactly the figures the app shows.
 *
 * Layout: a header row (`Post`, one column per budget column, then variance columns), the income lines with
 * their sub-lines indented below them, `Summa intäkter`, the cost lines, `Summa kostnader`, `Verksamhetsresultat`.
 * Only leaves hold typed numbers. Every line with sub-lines, every total and every variance is a live formula
 * (`SUM`, `+`, `IFERROR`), so an accountant who changes a leaf sees the totals follow; each formula also carries
 * the app's own figure as its cached result for viewers that do not recalculate.
 *
 * A year's view (`budgetYearTable`) gives the previous year's outcome as a reference column and empty columns for
 * what the year lacks; below the statement stand the source's stated totals and a sentence per difference.
 *
 * Variances are `utfall − budget` in kronor and `(utfall − budget) / |budget|` as a per cent (empty when the
 * budget is 0). Amounts are signed (costs negative), so a positive variance is favourable on every line:
 * more income, or less cost, than budgeted.
 */
import type { BudgetCell, BudgetColumnView, BudgetRow, BudgetTable, BudgetTotalRow } from '../../contract/channels/budget.channels';
import {
  cellValue,
  columnLetter,
  displayText,
  formula,
  numberFormats,
  restyle,
  safeSheetName,
  setCell,
  setColumnWidth,
  setupPrint,
  widthFor,
  type Workbook,
  type Worksheet,
} from './workbook-kit';
import { missingColumnNotes } from '../domain/budget';

export type BudgetVariance = {
  /** The outcome (or forecast) column. */
  actualColumnId: string;
  /** The budget column it is compared with. */
  budgetColumnId: string;
};

export type BudgetSheetOptions = {
  /** Sheet name; `Budget` by default. */
  name?: string;
  /** The year named in the printed header. */
  year: number;
  /** Variance columns; by default each year that has both `utfall` and `budget` gets one pair. */
  variances?: readonly BudgetVariance[];
};

export type BudgetSheetLayout = {
  sheet: Worksheet;
  /** Row number of each line, by line id, and of the totals: lets other sheets refer to these cells. */
  rowOfLine: ReadonlyMap<string, number>;
  totalRows: { 'sum-income': number; 'sum-cost': number; result: number };
  /** Column letter of each budget column, by column id. */
  columnOf: ReadonlyMap<string, string>;
};

const HEADER_ROW = 1;

/** Same-year outcome/budget pairs, in column order. */
export function defaultVariances(columns: readonly BudgetColumnView[]): BudgetVariance[] {
  const pairs: BudgetVariance[] = [];
  for (const actual of columns.filter((c) => c.kind === 'utfall')) {
    const budget = columns.find((c) => c.kind === 'budget' && c.year === actual.year);
    if (budget) pairs.push({ actualColumnId: actual.id, budgetColumnId: budget.id });
  }
  return pairs;
}

/** `B5,B6,B7,B9` -> `B5:B7,B9`: shorter formulas that still name exactly the direct sub-lines. */
function cellList(letter: string, rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const row of [...sorted.slice(1), undefined]) {
    if (row !== undefined && previous !== undefined && row === previous + 1) {
      previous = row;
      continue;
    }
    if (start !== undefined && previous !== undefined) {
      parts.push(start === previous ? `${letter}${start}` : `${letter}${start}:${letter}${previous}`);
    }
    start = row;
    previous = row;
  }
  return parts.join(',');
}

export function addBudgetSheet(workbook: Workbook, table: BudgetTable, options: BudgetSheetOptions): BudgetSheetLayout {
  const name = safeSheetName(workbook, options.name ?? 'Budget');
  const sheet = workbook.addWorksheet(name);
  const columns = table.columns;
  const variances = (options.variances ?? defaultVariances(columns)).filter(
    (v) => columns.some((c) => c.id === v.actualColumnId) && columns.some((c) => c.id === v.budgetColumnId),
  );

  const allCells: BudgetCell[] = [
    ...table.sections.flatMap((s) => [...s.rows.flatMap((r) => r.cells), ...s.total.cells]),
    ...table.result.cells,
  ];
  const wholeKronor = allCells.every((c) => c.amountOre % 100 === 0);
  const krFormat = wholeKronor ? numberFormats.kr : numberFormats.krOre;
  const kind = wholeKronor ? 'kr' : 'kr-ore';

  const columnOf = new Map<string, string>(columns.map((c, i) => [c.id, columnLetter(i + 2)]));
  const headers = ['Post', ...columns.map((c) => c.label)];
  const labelOf = (id: string) => columns.find((c) => c.id === id);
  for (const v of variances) {
    const actual = labelOf(v.actualColumnId);
    const budget = labelOf(v.budgetColumnId);
    const label = actual && budget && actual.year === budget.year ? `Avvikelse ${actual.year}` : `${actual?.label} − ${budget?.label}`;
    headers.push(`${label} (kr)`, `${label} (%)`);
  }
  const shown: string[][] = headers.map(() => []);

  const header = sheet.getRow(HEADER_ROW);
  headers.forEach((text, i) => {
    setCell(header.getCell(i + 1), cellValue(text), {
      font: { bold: true },
      alignment: { vertical: 'top', wrapText: true, horizontal: i === 0 ? 'left' : 'right' },
    });
  });

  // Rows first, so parents and totals can name the rows of what they add up.
  const rowOfLine = new Map<string, number>();
  type Planned = { row: number; bold: boolean } & (
    | { kind: 'line'; line: BudgetRow; childRows: number[] }
    | { kind: 'total'; total: BudgetTotalRow; formulaFor: (letter: string) => string }
  );
  const planned: Planned[] = [];
  let next = HEADER_ROW + 1;
  const sectionTotalRow: Partial<Record<'income' | 'cost', number>> = {};
  for (const section of table.sections) {
    const firstRow = next;
    for (const line of section.rows) rowOfLine.set(line.lineId, next++);
    const topRows: number[] = [];
    section.rows.forEach((line, i) => {
      const row = firstRow + i;
      const childRows = section.rows.filter((r) => r.parentId === line.lineId).map((r) => rowOfLine.get(r.lineId) ?? 0);
      if (line.depth === 0) topRows.push(row);
      planned.push({ kind: 'line', row, bold: false, line, childRows });
    });
    const totalRow = next++;
    sectionTotalRow[section.kind] = totalRow;
    planned.push({
      kind: 'total',
      row: totalRow,
      bold: true,
      total: section.total,
      formulaFor: (letter) => (topRows.length === 0 ? '0' : `SUM(${cellList(letter, topRows)})`),
    });
  }
  const resultRow = next++;
  planned.push({
    kind: 'total',
    row: resultRow,
    bold: true,
    total: table.result,
    formulaFor: (letter) =>
      [sectionTotalRow.income, sectionTotalRow.cost]
        .filter((r): r is number => r !== undefined)
        .map((r) => `${letter}${r}`)
        .join('+') || '0',
  });

  const kronor = (ore: number) => ore / 100;
  for (const plan of planned) {
    const row = sheet.getRow(plan.row);
    const label = plan.kind === 'line' ? plan.line.name : plan.total.label;
    const cells = plan.kind === 'line' ? plan.line.cells : plan.total.cells;
    setCell(row.getCell(1), cellValue(label), {
      ...(plan.kind === 'line' && plan.line.depth > 0 ? { alignment: { indent: plan.line.depth } } : {}),
      ...(plan.bold ? { font: { bold: true } } : {}),
    });
    shown[0]?.push(`${'  '.repeat(plan.kind === 'line' ? plan.line.depth : 0)}${label}`);

    columns.forEach((column, i) => {
      const letter = columnOf.get(column.id) ?? columnLetter(i + 2);
      const amount = cells.find((c) => c.columnId === column.id);
      const cell = row.getCell(i + 2);
      const ore = amount?.amountOre ?? 0;
      // A column the year lacks stays empty, totals too: nothing entered is not the same as 0 kr.
      const value = column.missing
        ? null
        : plan.kind === 'line'
          ? plan.childRows.length > 0
            ? cellValue(formula(`SUM(${cellList(letter, plan.childRows)})`, kronor(ore)))
            : amount?.entered
              ? cellValue(kronor(ore))
              : null
          : cellValue(formula(plan.formulaFor(letter), kronor(ore)));
      setCell(cell, value, { numFmt: krFormat });
      shown[i + 1]?.push(column.missing ? '' : displayText(kronor(ore), kind));
    });

    variances.forEach((v, i) => {
      const a = columnOf.get(v.actualColumnId) ?? 'B';
      const b = columnOf.get(v.budgetColumnId) ?? 'B';
      const actualOre = cells.find((c) => c.columnId === v.actualColumnId)?.amountOre ?? 0;
      const budgetOre = cells.find((c) => c.columnId === v.budgetColumnId)?.amountOre ?? 0;
      const diffOre = actualOre - budgetOre;
      const r = plan.row;
      setCell(row.getCell(columns.length + 2 + 2 * i), cellValue(formula(`${a}${r}-${b}${r}`, kronor(diffOre))), { numFmt: krFormat });
      const share = budgetOre === 0 ? '' : diffOre / Math.abs(budgetOre);
      setCell(row.getCell(columns.length + 3 + 2 * i), cellValue(formula(`IFERROR((${a}${r}-${b}${r})/ABS(${b}${r}),"")`, share)), {
        numFmt: numberFormats.percent,
      });
      shown[columns.length + 1 + 2 * i]?.push(displayText(kronor(diffOre), kind));
      shown[columns.length + 2 + 2 * i]?.push(displayText(typeof share === 'number' ? share : null, 'percent'));
    });

    for (let c = 2; c <= headers.length && plan.bold; c++) restyle(row.getCell(c), { font: { bold: true } });
    if (plan.kind === 'total' && plan.total.key === 'result') {
      for (let c = 1; c <= headers.length; c++) restyle(row.getCell(c), { border: { top: { style: 'thin' } } });
    }
  }

  // Below the statement: the totals as the source document states them, in the same columns as the computed
  // ones, then a sentence for each difference (and who accepted it) and for each column not yet entered.
  let below = resultRow + 2;
  const totalRowsList = [...table.sections.map((s) => s.total), table.result];
  const statedRows = totalRowsList.filter((t) => t.cells.some((c) => c.stated !== undefined));
  if (statedRows.length > 0) {
    setCell(sheet.getCell(below, 1), cellValue('Enligt underlaget'), { font: { bold: true } });
    below += 1;
    for (const total of statedRows) {
      const label = `${total.label} enligt underlaget`;
      setCell(sheet.getCell(below, 1), cellValue(label));
      shown[0]?.push(label);
      columns.forEach((column, i) => {
        const stated = total.cells.find((c) => c.columnId === column.id)?.stated;
        if (!stated) return;
        setCell(sheet.getCell(below, i + 2), cellValue(kronor(stated.statedOre)), { numFmt: krFormat });
        shown[i + 1]?.push(displayText(kronor(stated.statedOre), kind));
      });
      below += 1;
    }
  }
  const notes = [
    ...table.warnings.flatMap((w) => (w.kind === 'stated-total' ? [w.message] : [])),
    ...missingColumnNotes(columns),
  ];
  if (notes.length > 0) below += 1;
  for (const note of notes) {
    setCell(sheet.getCell(below, 1), cellValue(note), { font: { italic: true } });
    below += 1;
  }

  headers.forEach((text, i) => {
    setColumnWidth(sheet, i + 1, widthFor(text, shown[i] ?? []));
  });
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW, topLeftCell: `B${HEADER_ROW + 1}`, activeCell: 'A1' }];
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: resultRow, column: headers.length } };
  setupPrint(sheet, { title: name, year: options.year, repeatRows: `${HEADER_ROW}:${HEADER_ROW}` });

  return {
    sheet,
    rowOfLine,
    totalRows: { 'sum-income': sectionTotalRow.income ?? 0, 'sum-cost': sectionTotalRow.cost ?? 0, result: resultRow },
    columnOf,
  };
}
