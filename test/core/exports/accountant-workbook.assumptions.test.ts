/**
 * Issue 16, point 14: the accountant workbook's first sheet lists the register's assumptions — the same items as
 * the «Om uppgifterna» page — with the plan's figures beside the register's, and prints readably.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assumptionsReport } from '../../../electron/core/domain/assumptions';
import { assumptionHeaders, buildAccountantWorkbook } from '../../../electron/core/exports/accountant-workbook';
import { MIN_PRINT_SCALE, toBytes } from '../../../electron/core/exports/workbook-kit';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';
import { reopen } from './reopen';

const NOW = new Date('2026-12-07T10:00:00.000Z');

async function firstSheet(doc: SambrukDocument, year: number): Promise<ExcelJS.Worksheet> {
  const built = buildAccountantWorkbook(doc, { year, now: NOW });
  const workbook = await reopen(await toBytes(built.workbook));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

function column(sheet: ExcelJS.Worksheet, header: string): string[] {
  const headerRow = (sheet.views[0] as { ySplit?: number }).ySplit ?? 0;
  let c = 0;
  sheet.getRow(headerRow).eachCell((cell, n) => {
    if (cell.value === header) c = n;
  });
  const values: string[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const v = sheet.getRow(r).getCell(c).value;
    if (v !== null && v !== undefined) values.push(String(v));
  }
  return values;
}

describe('the accountant workbook: «Om uppgifterna» first', () => {
  it('lists the same assumptions as the page, the plan’s figures beside the register’s among them', async () => {
    const doc = loadDefaultDocument();
    const sheet = await firstSheet(doc, 2026);
    expect(sheet.name).toBe('Om uppgifterna');
    const titles = column(sheet, assumptionHeaders.title);
    expect(titles).toEqual(assumptionsReport(doc, '2026-12-07', { throughYear: 2026 }).items.map((i) => i.title));
    expect(titles).toContain('Medlemmar den 2022-01-01: Planen anger 109; registret namnger 96 (13 färre).');
    expect(titles).toContain('Folkmängd 2025-12-31 saknas; 2024 används för avgiftsår 2026');
    expect(titles).toContain('Gruppregeln för kommunalförbund är att bekräfta');
    expect(column(sheet, assumptionHeaders.count)).toContain('78');
    expect(column(sheet, assumptionHeaders.place)).toContain('Medlemmar → Avgiftstabell');
    const top = [1, 2, 3, 4, 5].map((r) => String(sheet.getRow(r).getCell(1).value ?? '')).join('\n');
    expect(top).toContain('Om uppgifterna: antaganden bakom ekonomiunderlaget 2026');
    expect(top).toContain('Kommunernas folkmängd (SCB)');
  });

  it('looks at the workbook’s own fee year: a 2027 workbook made in 2026 names 2026-12-31 as missing', async () => {
    const titles = column(await firstSheet(loadDefaultDocument(), 2027), assumptionHeaders.title);
    expect(titles).toContain('Folkmängd 2026-12-31 saknas; 2024 används för avgiftsår 2027');
  });

  it('drops what the register has settled: a confirmed group rule is not on the sheet', async () => {
    const doc = structuredClone(loadDefaultDocument());
    for (const t of doc.feeTables) t.groupRule = { ...t.groupRule, status: 'bekraftad', decision: 'Stämman 2026-05-01 § 9', confirmedAt: '2026-05-01' };
    expect(column(await firstSheet(doc, 2026), assumptionHeaders.title)).not.toContain('Gruppregeln för kommunalförbund är att bekräfta');
  });

  it('prints landscape at a readable scale with wrapped text and the header row repeated', async () => {
    const sheet = await firstSheet(loadDefaultDocument(), 2026);
    const setup = sheet.pageSetup;
    expect(setup.orientation).toBe('landscape');
    const headerRow = (sheet.views[0] as { ySplit?: number }).ySplit ?? 0;
    expect(setup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    if (setup.fitToPage === false) expect((setup.scale ?? 100) / 100).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    else expect(setup.fitToWidth).toBe(1);
    expect(sheet.headerFooter.oddHeader).toContain('Om uppgifterna 2026');
    const textCell = sheet.getRow(headerRow + 1).getCell(3);
    expect(textCell.alignment?.wrapText).toBe(true);
  });
});
