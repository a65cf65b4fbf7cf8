/**
 * Issue 19 in the browser: the web entry runs the same import core, with the browser's DecompressionStream and
 * TextDecoder and JSZip's browser paths. An honest workbook (ExcelJS's and LibreOffice's) is read through the zip
 * rebuilt from its checked entries; a workbook with a second directory hidden in its zip comment, and a CSV
 * whose BOM promises UTF-8 over other bytes, are refused with the reader's Swedish message, changing nothing.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WindowApi } from '../../electron/contract';
import { importMessages } from '../../electron/core/imports/import-messages';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, useBrowser } from './fixture';
import { asText, plainWorkbook, text, unzip, withHiddenDirectory } from '../core/imports/zip-fixtures';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const browser = useBrowser();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sambruk-import-xlsx-e2e-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function openData(): Promise<Page> {
  return openApp(await browser.newPage(), '#/data', { heading: sv.data.title });
}

async function organisationCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api;
    const result = await api.invoke('members/list', { archived: 'all' });
    if (!result.ok) throw new Error(result.error.message);
    return result.data.rows.length;
  });
}

describe('Reading .xlsx in the browser (issue 19)', () => {
  it('reads honest workbooks, written by ExcelJS and by LibreOffice (data descriptors)', async () => {
    const excelJs = path.join(dir, 'medlemmar.xlsx');
    writeFileSync(excelJs, await plainWorkbook());
    const libreOffice = path.join(dir, 'libreoffice.xlsx');
    copyFileSync(path.join(projectRoot, 'test/fixtures/imports/libreoffice-medlemmar.xlsx'), libreOffice);

    const page = await openData();
    const card = page.getByRole('region', { name: sv.excel.importCard });
    await card.getByLabel(sv.excel.fileInputLabel).setInputFiles(excelJs);
    await expect.poll(() => card.getByText(sv.excel.fileFacts('medlemmar.xlsx', sv.excel.formats.xlsx ?? '', 3)).isVisible()).toBe(true);
    await card.getByRole('button', { name: sv.excel.startOver }).click();
    await card.getByLabel(sv.excel.fileInputLabel).setInputFiles(libreOffice);
    await expect.poll(() => card.getByText(sv.excel.fileFacts('libreoffice.xlsx', sv.excel.formats.xlsx ?? '', 2)).isVisible()).toBe(true);
  });

  it('refuses a second directory hidden in the zip comment, and a CSV whose BOM lies, changing nothing', async () => {
    const honest = [...(await unzip(await plainWorkbook()))].map(([name, data]) => ({ name, data }));
    const strings = asText(honest.find((s) => s.name === 'xl/sharedStrings.xml')?.data);
    const crafted = path.join(dir, 'dold.xlsx');
    writeFileSync(crafted, withHiddenDirectory(honest, [{ name: 'xl/sharedStrings.xml', data: text(strings.replace('<t>Kommun</t>', '<t>Organisationsnummer</t>')) }]));
    const lyingCsv = path.join(dir, 'blandad.csv');
    writeFileSync(lyingCsv, Buffer.concat([Buffer.from('\uFEFFKommun;Telefon\r\n', 'utf8'), Buffer.from('Malmö;040-34 10 00\r\n', 'latin1')]));

    const page = await openData();
    const before = await organisationCount(page);
    const card = page.getByRole('region', { name: sv.excel.importCard });
    await card.getByLabel(sv.excel.fileInputLabel).setInputFiles(crafted);
    await expect.poll(() => card.getByText(importMessages.hiddenData).isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: sv.excel.preview }).count()).toBe(0);

    await card.getByLabel(sv.excel.fileInputLabel).setInputFiles(lyingCsv);
    await expect.poll(() => card.getByText(importMessages.badEncoding('UTF-8', 2)).isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: sv.excel.preview }).count()).toBe(0);
    expect(await organisationCount(page)).toBe(before);
  });
});
