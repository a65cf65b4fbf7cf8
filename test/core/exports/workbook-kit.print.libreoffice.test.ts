/**
 * The workbooks on paper (issue 16, point 12): the accountant's workbook and the board pack's, printed to PDF by
 * LibreOffice and read back with poppler. On every page: the page header names the sheet, the year and the day
 * the workbook was made; the sheet's header row is repeated; no word is cut; the print scale is at least 70 %,
 * measured against a calibration sheet printed at 100 %. The usage matrix never prints under the fee lines'
 * header. In the `slow` project, since it starts LibreOffice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardPack } from '../../../electron/core/domain/board-pack';
import { buildAccountantWorkbook, matrixSheetName, serviceHeaders } from '../../../electron/core/exports/accountant-workbook';
import { buildBoardPackWorkbook } from '../../../electron/core/exports/board-pack-workbook';
import { MIN_PRINT_SCALE, toBytes, type Workbook, type Worksheet } from '../../../electron/core/exports/workbook-kit';
import { printWithLibreOffice, skipReason, sofficePath } from '../../support/libreoffice';
import { loadDefaultDocument } from '../../support/memory-document';
import { pdfPageCount, pdfPageText, pdfWords, popplerPresent } from '../../support/pdf-text';

const NOW = new Date('2022-06-30T10:00:00.000Z');
const MADE = 'Skapad 2022-06-30';
/** Words in the page header and footer (made by the page setup, not by a cell). */
const FRAME_WORDS = ['Skapad', 'Sida', 'av', 'Sambruk', 'Kansli', 'Föreningen', 'kr'];

type Page = { number: number; sheet: Worksheet; text: string; scale: number };

/** Words as a reader sees them, without the punctuation around them. */
const wordsOf = (text: string) =>
  text
    .split(/\s+/)
    .map((w) => w.replace(/^[«(“"'.,;:–-]+|[»)”"'.,;:–-]+$/g, ''))
    .filter((w) => /\p{L}/u.test(w));

/** Every word a sheet can show: its text cells, its header/footer, its name. */
function knownWords(sheet: Worksheet): Set<string> {
  const known = new Set<string>([...FRAME_WORDS, ...wordsOf(sheet.name)]);
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') for (const w of wordsOf(cell.value)) known.add(w);
    }),
  );
  return known;
}

/** The words of the row that `printTitlesRow` repeats. */
function headerWords(sheet: Worksheet): string[] {
  const row = Number(/^\$?(\d+)/.exec(sheet.pageSetup.printTitlesRow ?? '')?.[1]);
  const words: string[] = [];
  sheet.getRow(row).eachCell((cell) => {
    if (typeof cell.value === 'string') words.push(...wordsOf(cell.value));
  });
  return words;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** The height of body text on a page, leaving out the page header and footer (which are never scaled). */
function bodyTextHeight(pdf: string, page: number): number {
  const { height, words } = pdfWords(pdf, page);
  return median(words.filter((w) => w.yMin > 45 && w.yMax < height - 45 && w.yMax - w.yMin < 30).map((w) => w.yMax - w.yMin));
}

function pagesOf(pdf: string, workbook: Workbook, fullScaleHeight: number): Page[] {
  const sheets = workbook.worksheets;
  return Array.from({ length: pdfPageCount(pdf) }, (_v, i) => {
    const text = pdfPageText(pdf, i + 1);
    const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
    // The page header begins with the sheet's title; the longest name that fits wins (`Tjänster` / `Tjänsteanvändning`).
    const sheet = [...sheets].sort((a, b) => b.name.length - a.name.length).find((s) => first.trim().startsWith(`${s.name} `));
    if (!sheet) throw new Error(`page ${i + 1} names no sheet: ${first}`);
    return { number: i + 1, sheet, text, scale: bodyTextHeight(pdf, i + 1) / fullScaleHeight };
  });
}

describe.skipIf(!sofficePath() || !popplerPresent())('the workbooks printed by LibreOffice', () => {
  if (!sofficePath()) console.warn(skipReason);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sambruk-print-'));
  let accountant: Workbook;
  let pack: Workbook;
  let pages: { accountant: Page[]; pack: Page[] };

  beforeAll(async () => {
    const doc = loadDefaultDocument();
    accountant = buildAccountantWorkbook(doc, { year: 2022, includePersonalDetails: false, now: NOW }).workbook;
    pack = buildBoardPackWorkbook(buildBoardPack(doc, '2022-06-30', { generatedAt: NOW.toISOString() }), { created: NOW });
    // Body text at exactly 100 %, to measure the scale of the others against.
    const calibration = new ExcelJS.Workbook();
    const sheet = calibration.addWorksheet('Kalibrering');
    for (let r = 1; r <= 20; r++) sheet.getCell(r, 1).value = 'Kalibrering av textens höjd';
    sheet.pageSetup.scale = 100;
    const pdfs = await printWithLibreOffice(
      {
        ekonomiunderlag: await toBytes(accountant),
        styrelserapport: await toBytes(pack),
        kalibrering: new Uint8Array((await calibration.xlsx.writeBuffer()) as ArrayBuffer),
      },
      dir,
      170_000,
    );
    const fullScale = bodyTextHeight(pdfs.kalibrering!, 1);
    pages = { accountant: pagesOf(pdfs.ekonomiunderlag!, accountant, fullScale), pack: pagesOf(pdfs.styrelserapport!, pack, fullScale) };
  }, 180_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(['accountant', 'pack'] as const)('%s: every sheet prints, each page with the sheet, year and day made in its header', (which) => {
    const workbook = which === 'accountant' ? accountant : pack;
    const printed = pages[which];
    expect(new Set(printed.map((p) => p.sheet.name))).toEqual(new Set(workbook.worksheets.map((s) => s.name)));
    for (const page of printed) {
      const header = page.text.split('\n').find((l) => l.trim() !== '') ?? '';
      expect(header, `page ${page.number}`).toContain(`${page.sheet.name} 2022`);
      expect(header, `page ${page.number}`).toContain(MADE);
    }
  });

  it.each(['accountant', 'pack'] as const)('%s: every page repeats its sheet\'s header row', (which) => {
    for (const page of pages[which]) {
      const words = headerWords(page.sheet);
      expect(words.length, page.sheet.name).toBeGreaterThan(0);
      expect(words.some((w) => wordsOf(page.text).includes(w)), `page ${page.number} (${page.sheet.name})`).toBe(true);
    }
  });

  it.each(['accountant', 'pack'] as const)('%s: no word is cut, at any page edge or in any cell', (which) => {
    const cut: string[] = [];
    for (const page of pages[which]) {
      const known = knownWords(page.sheet);
      for (const word of wordsOf(page.text)) if (!known.has(word)) cut.push(`${page.sheet.name} p. ${page.number}: ${word}`);
    }
    expect(cut).toEqual([]);
  });

  it.each(['accountant', 'pack'] as const)('%s: every page prints at 70 % or more', (which) => {
    const small = pages[which].filter((p) => p.scale < MIN_PRINT_SCALE).map((p) => `${p.sheet.name} p. ${p.number}: ${Math.round(p.scale * 100)} %`);
    expect(small).toEqual([]);
    // Medlemmar was printed at about 40 % on one page wide; now it prints two pages wide, across before down.
    const members = pages.accountant.filter((p) => p.sheet.name === 'Medlemmar');
    expect(Math.min(...members.map((p) => p.scale))).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
  });

  it('prints the usage matrix on pages of its own, under its own header, with every service name whole', () => {
    const matrix = pages.accountant.filter((p) => p.sheet.name === matrixSheetName);
    const fees = pages.accountant.filter((p) => p.sheet.name === 'Tjänsteanvändning');
    expect(matrix.length).toBeGreaterThan(0);
    for (const page of matrix) expect(page.text).not.toContain(serviceHeaders.pricing);
    for (const page of fees) expect(page.text).not.toContain('Användning av tjänsterna');
    // The cut header: «Tillarbetslivet» whole, as every other service name.
    const all = matrix.map((p) => p.text).join('\n');
    expect(all).toContain('Tillarbetslivet');
    expect(all).toContain('UKA–BEDA integration'.split(' ')[0]);
  });
});
