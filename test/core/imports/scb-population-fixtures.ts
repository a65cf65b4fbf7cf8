/**
 * Files laid out as SCB publishes «Folkmängd i riket, län och kommuner 31 december ÅÅÅÅ»: two title rows and a
 * blank row above the header, then riket, each county and its municipalities, with SCB's space-grouped figures
 * and a footnote under the table. Built from the shipped reference data of one year, with changes on request.
 */
import ExcelJS from 'exceljs';
import type { SambrukDocument } from '../../../electron/core/store/schema';

export type ScbOptions = {
  year: number;
  /** Figures to put in place of the reference ones, by municipality code. */
  override?: Record<string, string | number>;
  /** Codes to leave out of the file. */
  omit?: readonly string[];
  /** Extra municipality rows (an unknown code, a duplicate). */
  extra?: [code: string, name: string, population: string][];
  /** Leave out the riket row. */
  noRiket?: boolean;
  /** Title rows (default SCB's). */
  title?: string[];
};

const grouped = (n: number) => new Intl.NumberFormat('sv-SE').format(n).replace(/\u00a0/g, ' ');

/** The table's rows, header first, as SCB lays them out. */
export function scbRows(doc: SambrukDocument, options: ScbOptions): string[][] {
  const date = `${options.year}-12-31`;
  const figure = (code: string) => doc.reference.populations.find((p) => p.code === code && p.date === date)?.population ?? 0;
  const rows: string[][] = [['Kod', 'Län/kommun', `Folkmängd 31 december ${options.year}`, 'Folkökning', 'Födda']];
  const shown = (code: string) => {
    const o = options.override?.[code];
    return o === undefined ? grouped(figure(code)) : typeof o === 'number' ? grouped(o) : o;
  };
  const total = doc.reference.municipalities.reduce((s, m) => s + figure(m.code), 0);
  if (!options.noRiket) rows.push(['00', 'Riket', grouped(total), '1 234', '98 765']);
  for (const county of doc.reference.counties) {
    const inCounty = doc.reference.municipalities.filter((m) => m.countyCode === county.code);
    rows.push([county.code, county.name, grouped(inCounty.reduce((s, m) => s + figure(m.code), 0)), '', '']);
    for (const m of inCounty) if (!options.omit?.includes(m.code)) rows.push([m.code, m.name, shown(m.code), '12', '345']);
  }
  for (const [code, name, population] of options.extra ?? []) rows.push([code, name, population, '', '']);
  return rows;
}

function titleOf(options: ScbOptions): string[] {
  return options.title ?? [`Folkmängd i riket, län och kommuner 31 december ${options.year} och befolkningsförändringar ${options.year}`, 'Källa: SCB, befolkningsstatistik'];
}

export async function scbXlsx(doc: SambrukDocument, options: ScbOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Tabell ${options.year}`);
  for (const line of titleOf(options)) sheet.addRow([line]);
  sheet.addRow([]);
  for (const row of scbRows(doc, options)) sheet.addRow(row);
  sheet.addRow([]);
  sheet.addRow(['Anm. Kommunindelning per 1 januari året efter.']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** SCB's CSV download: semicolons, Windows line ends, the title in the first lines. */
export function scbCsv(doc: SambrukDocument, options: ScbOptions): Uint8Array {
  const lines = [...titleOf(options).map((l) => `"${l}"`), '', ...scbRows(doc, options).map((r) => r.join(';'))];
  return new TextEncoder().encode(lines.join('\r\n'));
}

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
