/**
 * "Every table screen can export what it shows, with its filters": the screen hands over its visible columns,
 * the rows it shows (already filtered and sorted) and a sentence describing the filters; the workbook then
 * holds one sheet whose first lines say what was exported, when, and under which filters, so a printout or a
 * forwarded file never passes for the whole register.
 */
import { addTableSheet, createWorkbook, toBytes, type ColumnDef, type Workbook } from './workbook-kit';
import { dateAt } from '../../contract/rules/calendar-date';
import { countOf, nouns } from '../domain/swedish';

export type TableExportInput<Row> = {
  /** What the table is, e.g. `Medlemmar`; the sheet's title, the document title and the print header. */
  title: string;
  /**
   * The filters in words, e.g. `Län: Stockholms län · Status: medlem`. Empty or absent: the whole table
   * was exported, and the sheet says so.
   */
  filterDescription?: string;
  /** The year the table is about, if any (printed header). */
  year?: number | string;
  columns: readonly ColumnDef<Row>[];
  rows: readonly Row[];
  /** From the clock port. */
  now: Date;
  /** Sheet name when it should differ from the title (at most 31 characters are kept). */
  sheetName?: string;
};

const exportTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });

const rowsWord = (n: number) => countOf(n, nouns.rad);

/** The lines above the table. */
export function tableTitleLines(input: Pick<TableExportInput<unknown>, 'title' | 'filterDescription' | 'now'> & { rowCount: number }): string[] {
  const filters = input.filterDescription?.trim();
  return [
    input.title,
    filters ? `Urval: ${filters}` : 'Urval: alla rader (inga filter)',
    `Utdrag ${dateAt(input.now)} kl. ${exportTime.format(input.now)} · ${rowsWord(input.rowCount)}`,
  ];
}

export function buildTableWorkbook<Row>(input: TableExportInput<Row>): Workbook {
  const workbook = createWorkbook({
    title: input.title,
    subject: input.filterDescription?.trim() ? `${input.title} – ${input.filterDescription.trim()}` : input.title,
    created: input.now,
  });
  addTableSheet(workbook, {
    name: input.sheetName ?? input.title,
    columns: input.columns,
    rows: input.rows,
    printTitle: input.title,
    year: input.year,
    titleLines: tableTitleLines({ ...input, rowCount: input.rows.length }),
  });
  return workbook;
}

/** The exported table as xlsx bytes. */
export async function exportTable<Row>(input: TableExportInput<Row>): Promise<Uint8Array> {
  return toBytes(buildTableWorkbook(input));
}
