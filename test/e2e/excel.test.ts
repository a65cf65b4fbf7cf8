import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { membershipFeesForYear } from '../../electron/core/domain/fees';
import { accountantSheetNames } from '../../electron/core/exports/accountant-workbook';
import { serviceRevenueForYear } from '../../electron/core/domain/pricing';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import type { WindowApi } from '../../electron/contract';
import { formatBytes } from '../../renderer/lib/format';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, screenshot, useBrowser } from './fixture';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2022-06-30';
const doc = parseDocumentText(readFileSync(path.join(projectRoot, 'assets/default-data.json'), 'utf8'));
const expectedInvoiceKr = (membershipFeesForYear(doc, 2022).totalOre + serviceRevenueForYear(doc, 2022).totalOre) / 100;

const browser = useBrowser();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sambruk-excel-e2e-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function openData(): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(delayWorkerMessages);
  return openApp(page, '#/data', { clock: TODAY, heading: sv.data.title });
}

/** The organisations in the register, read through the page's own core (the web bridge's `window.api`). */
async function organisationNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api;
    const result = await api.invoke('members/list', { archived: 'all' });
    if (!result.ok) throw new Error(result.error.message);
    return result.data.rows.map((r) => r.name);
  });
}

/**
 * Installed before the page's scripts: messages from a Web Worker (the task worker's progress reports and its
 * answer) reach the page one by one, `__messageDelay` ms apart, as from a worker that needs that long per step
 * (see `stretchPauses`); `__workersTerminated` counts the workers the page ended.
 */
function delayWorkerMessages(): void {
  type Delay = { __messageDelay?: number; __workersTerminated?: number };
  const w = window as unknown as Delay;
  w.__messageDelay = 0;
  w.__workersTerminated = 0;
  const terminate = Worker.prototype.terminate;
  Worker.prototype.terminate = function (this: Worker) {
    w.__workersTerminated = (w.__workersTerminated ?? 0) + 1;
    terminate.call(this);
  };
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (this: Worker, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (type !== 'message' || typeof listener !== 'function') return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
    let last = 0;
    const delayed = (event: Event) => {
      const ms = w.__messageDelay ?? 0;
      const now = performance.now();
      if (ms === 0 && last <= now) {
        listener.call(this, event);
        return;
      }
      last = Math.max(now, last) + ms;
      setTimeout(() => listener.call(this, event), last - now);
    };
    return add.call(this, type, delayed, options);
  } as typeof Worker.prototype.addEventListener;
}

/**
 * A slow machine, without a slow test: the task worker's messages (its progress after each chunk of rows or each
 * sheet, and its answer) and the page's zero-delay timers (the bridge's event delivery) come `ms` late, with the
 * page idle meanwhile, so the progress bar is caught mid-way and «Avbryt» lands while the worker still works.
 * `0` restores them.
 */
async function stretchPauses(page: Page, ms: number): Promise<void> {
  await page.evaluate((stretch) => {
    type Timers = { setTimeout: typeof setTimeout; __realSetTimeout?: typeof setTimeout; __messageDelay?: number };
    const w = window as unknown as Timers;
    const real = (w.__realSetTimeout ??= w.setTimeout);
    w.setTimeout = (stretch === 0 ? real : (handler: TimerHandler, delay?: number, ...args: unknown[]) => real(handler, delay ? delay : stretch, ...args)) as typeof setTimeout;
    w.__messageDelay = stretch;
  }, ms);
}

const workersTerminated = (page: Page) => page.evaluate(() => (window as unknown as { __workersTerminated: number }).__workersTerminated);

const previewRow = (page: Page, rowNumber: number) => page.getByTestId('import-preview').locator(`tr[data-row-number="${rowNumber}"]`);

describe('Excel on the Data screen', () => {
  it('exports the accountant’s workbook as a download that opens with its sheets and totals', async () => {
    const page = await openData();
    const card = page.getByRole('region', { name: sv.excel.accountantCard });
    await expect.poll(() => card.getByLabel(sv.excel.year).inputValue()).toBe('2022');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: sv.excel.exportAccountant }).click()]);
    expect(download.suggestedFilename()).toBe('Ekonomiunderlag 2022.xlsx');
    const file = path.join(dir, 'export.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Om uppgifterna', 'Medlemmar', 'Fakturaunderlag', 'Fakturor', 'Tjänsteanvändning', 'Användningsmatris', 'Nätverk', 'Budget']);
    let total: unknown;
    let amountColumn = 0;
    workbook.getWorksheet('Fakturaunderlag')?.eachRow((row) => {
      if (row.getCell(1).value === 'Referens') amountColumn = row.values instanceof Array ? row.values.indexOf('Belopp') : 0;
      if (row.getCell(1).value === 'Summa') total = (row.getCell(amountColumn).value as ExcelJS.CellFormulaValue).result;
    });
    expect(total).toBe(expectedInvoiceKr);
    const size = formatBytes(statSync(file).size);
    await expect.poll(() => page.getByText(sv.excel.exported('Ekonomiunderlag 2022.xlsx', size)).isVisible()).toBe(true);
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'ekonomiunderlag');
  });

  it('imports a CSV: every row’s outcome in the preview, a confirmed municipality, one undo for the whole import', async () => {
    const csvFile = path.join(dir, 'kontakter.csv');
    const rows = [
      ['Kommun', 'Org.nr', 'Kontaktperson', 'E-post', 'Telefon', 'Medlem sedan'],
      ['Håbo', '', 'Anna Andersson', 'anna@habo.se', '0701234567', '2022-03-15'],
      ['Habo', '', 'Bertil Berg', 'bertil@habo.se', '', ''],
      ['Sundbybärg', '', '', '', '', '2022-05-01'],
      ['Håbo', '', 'Anna Andersson', 'anna@habo.se', '0701234567', '2022-03-15'],
      ['Kiruna', '212000-0143', '', '', '', '2022-01-01'],
    ];
    writeFileSync(csvFile, `\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');

    const page = await openData();
    const before = await organisationNames(page);
    expect(before).toContain('Habo');
    expect(before).not.toContain('Håbo');

    const card = page.getByRole('region', { name: sv.excel.importCard });
    await card.getByLabel(sv.excel.fileInputLabel).setInputFiles(csvFile);
    await expect.poll(() => card.getByText('kontakter.csv · CSV (UTF-8, avgränsare semikolon) · 5 rader').isVisible()).toBe(true);
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'import-koppling');
    await card.getByRole('button', { name: sv.excel.preview }).click();
    await previewRow(page, 6).waitFor();

    const outcome = async (n: number) => previewRow(page, n).getAttribute('data-outcome');
    expect(await outcome(2)).toBe('new');
    expect(await outcome(3)).toBe('update');
    expect(await outcome(4)).toBe('review');
    expect(await outcome(5)).toBe('review');
    expect(await outcome(6)).toBe('error');
    expect(await previewRow(page, 2).getByTestId('outcome').textContent()).toBe(sv.excel.outcomes.new);
    expect(await previewRow(page, 2).textContent()).toContain('070-123 45 67');
    expect(await previewRow(page, 3).textContent()).toContain('Ny kontaktperson: Bertil Berg');
    expect(await previewRow(page, 5).textContent()).toContain(sv.excel.duplicateOf(2));
    expect(await previewRow(page, 6).textContent()).toMatch(/B – Org\.nr: Organisationsnumret stämmer inte: kontrollsiffran/);
    await page.mouse.move(0, 0);
    await card.getByRole('region', { name: sv.excel.previewHeading, exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'import-forhandsvisning');

    // Confirm the misspelt municipality: the row becomes a new organisation.
    await previewRow(page, 4).getByRole('combobox', { name: sv.excel.chooseMunicipalityFor(4) }).click();
    await page.getByRole('option', { name: sv.excel.municipalityOption('Sundbyberg', '0183', 'Stockholms län') }).click();
    await expect.poll(() => outcome(4)).toBe('new');

    await card.getByRole('button', { name: sv.excel.applyCount(3) }).click();
    await expect.poll(() => card.getByText(sv.excel.applied('2 nya organisationer, 2 nya medlemsperioder, 2 nya kontaktpersoner'), { exact: false }).isVisible()).toBe(true);
    const after = await organisationNames(page);
    expect(after).toContain('Håbo');
    expect(after).toContain('Sundbyberg');
    expect(after).not.toContain('Kiruna');
    expect(after.filter((n) => n === 'Håbo')).toHaveLength(1);

    await page.getByRole('button', { name: sv.header.undo }).click();
    await expect.poll(async () => (await organisationNames(page)).length).toBe(before.length);
    const undone = await organisationNames(page);
    expect(undone).not.toContain('Håbo');
    expect(undone).not.toContain('Sundbyberg');
  });

  it('puts a name that matches nothing under «Granska», unticked, with the closest municipalities to pick from', async () => {
    const csvFile = path.join(dir, 'okand.csv');
    const rows = [
      ['Organisation', 'Kontaktperson', 'E-post'],
      ['Ankeborgs kommun', 'Kalle Anka', 'kalle@ankeborg.se'],
      ['Habo', 'Bertil Berg', 'bertil@habo.se'],
    ];
    writeFileSync(csvFile, `\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');

    const page = await openData();
    await page.setViewportSize({ width: 1366, height: 768 });
    const before = await organisationNames(page);
    const card = page.getByRole('region', { name: sv.excel.importCard });
    await card.getByLabel(sv.excel.fileInputLabel).setInputFiles(csvFile);
    await card.getByRole('button', { name: sv.excel.preview }).click();
    await previewRow(page, 3).waitFor();

    const outcome = async (n: number) => previewRow(page, n).getAttribute('data-outcome');
    expect(await outcome(2)).toBe('review');
    expect(await previewRow(page, 2).textContent()).toContain('Liknande kommuner: Göteborg, Lekeberg, Aneby');
    const asNew = previewRow(page, 2).getByRole('checkbox', { name: sv.excel.acceptNewFor(2) });
    expect(await asNew.isChecked()).toBe(false);
    // Only Habo's row is in the import until the user decides.
    expect(await card.getByRole('button', { name: sv.excel.applyCount(1) }).isVisible()).toBe(true);
    await page.mouse.move(0, 0);
    await previewRow(page, 2).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'import-granska-okant-namn');

    // Accepted as new, then changed to a municipality: the box is unticked again. With the core slow to answer, the
    // click shows at once (the row is still «Granska» until the new preview arrives) and the answer keeps it.
    await stretchPauses(page, 1_000);
    await asNew.check();
    expect(await outcome(2)).toBe('review');
    await expect.poll(() => outcome(2), { timeout: 10_000 }).toBe('new');
    expect(await asNew.isChecked()).toBe(true);
    await stretchPauses(page, 0);
    await previewRow(page, 2).getByRole('combobox', { name: sv.excel.chooseMunicipalityFor(2) }).click();
    await page.getByRole('option', { name: sv.excel.municipalityOption('Lekeberg', '1814', 'Örebro län') }).click();
    await expect.poll(() => previewRow(page, 2).getByRole('checkbox', { name: sv.excel.acceptNewFor(2) }).count()).toBe(0);
    expect(await outcome(2)).toBe('new');

    await card.getByRole('button', { name: sv.excel.applyCount(2) }).click();
    await expect.poll(async () => (await organisationNames(page)).length).toBe(before.length + 1);
    const after = await organisationNames(page);
    expect(after).toContain('Lekeberg');
    expect(after).not.toContain('Ankeborgs kommun');
  });

  it('follows a large import with a progress bar, and «Avbryt» stops previewing and applying with nothing imported', async () => {
    const rows = 5_000;
    const csvFile = path.join(dir, 'stor-lista.csv');
    // The kind is stated: a name that is no municipality would otherwise wait for review.
    const lines = ['Organisation;Kontaktperson;E-post;Medlem sedan;Typ'];
    for (let i = 1; i <= rows; i++) lines.push(`Testförening ${i};Person ${i};person${i}@exempel.se;2022-01-01;Annan organisation`);
    writeFileSync(csvFile, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

    const page = await openData();
    const before = await organisationNames(page);
    const card = page.getByRole('region', { name: sv.excel.importCard });
    const progress = card.getByTestId('import-progress');
    await card.getByLabel(sv.excel.fileInputLabel).setInputFiles(csvFile);
    await expect.poll(() => card.getByText('stor-lista.csv · CSV (UTF-8, avgränsare semikolon) · 5\u00a0000 rader').isVisible()).toBe(true);

    await stretchPauses(page, 300);
    await card.getByRole('button', { name: sv.excel.preview }).click();
    await progress.getByText(/^Förhandsvisar rad \d[\d\s]* av 5\s000$/).waitFor();
    await expect.poll(async () => Number(await progress.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(Number(await progress.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeLessThan(1);
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'import-forlopp');
    await progress.getByRole('button', { name: sv.excel.cancel }).click();
    await card.getByText(sv.excel.importCancelled).waitFor();
    // The worker previewing the file was ended, not asked to stop.
    expect(await workersTerminated(page)).toBe(1);
    expect(await progress.count()).toBe(0);
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    expect(await card.getByRole('button', { name: sv.excel.preview }).isEnabled()).toBe(true);

    // Preview at full speed, then cancel the import itself while it checks the rows again.
    await stretchPauses(page, 0);
    await card.getByRole('button', { name: sv.excel.preview }).click();
    const applyButton = card.getByRole('button', { name: sv.excel.applyCount(rows) });
    await applyButton.waitFor({ timeout: 30_000 });
    await stretchPauses(page, 300);
    await applyButton.click();
    await progress.getByText(/^Kontrollerar rad \d[\d\s]* av 5\s000 inför importen$/).waitFor();
    await progress.getByRole('button', { name: sv.excel.cancel }).click();
    await card.getByText(sv.excel.importCancelled).waitFor();
    expect(await workersTerminated(page)).toBe(2);
    expect(await progress.count()).toBe(0);
    expect(await applyButton.isEnabled()).toBe(true);
    // Nothing imported and nothing to undo, also once the core has passed its next check.
    await page.waitForTimeout(1_000);
    await stretchPauses(page, 0);
    expect(await organisationNames(page)).toEqual(before);
    expect(await page.getByRole('button', { name: sv.header.undo }).isEnabled()).toBe(false);
  }, 90_000);

  it('follows the accountant’s workbook sheet by sheet, and «Avbryt exporten» stops it with no download', async () => {
    const page = await openData();
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const card = page.getByRole('region', { name: sv.excel.accountantCard });
    await expect.poll(() => card.getByLabel(sv.excel.year).inputValue()).toBe('2022');
    await stretchPauses(page, 1_000);
    await card.getByRole('button', { name: sv.excel.exportAccountant }).click();
    const progress = card.getByTestId('export-progress');
    // Cancelled in the middle: a sheet past the first and before the last, named with its place among all of them.
    const total = accountantSheetNames.length;
    const middle = accountantSheetNames.slice(1, -1).map((name, i) => sv.excel.progressSheet(i + 2, total, name));
    await progress.getByText(new RegExp(`^(${middle.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`)).waitFor();
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'ekonomiunderlag-forlopp');
    await progress.getByRole('button', { name: sv.excel.cancelExport }).click();
    await card.getByText(sv.excel.exportCancelled).waitFor();
    expect(await workersTerminated(page)).toBe(1);
    expect(await progress.count()).toBe(0);
    // Past the core's next check and longer than the rest of the export would take: still no file.
    await page.waitForTimeout(6_000);
    expect(downloads).toEqual([]);
    // Usable again: the next export completes and downloads.
    await stretchPauses(page, 0);
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: sv.excel.exportAccountant }).click()]);
    expect(download.suggestedFilename()).toBe('Ekonomiunderlag 2022.xlsx');
    expect(await card.getByText(sv.excel.exportCancelled).count()).toBe(0);
  }, 90_000);

  it('refuses a file that is not a spreadsheet with the reader’s message, changing nothing', async () => {
    const bad = path.join(dir, 'gammal.xls');
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(bad, ole);
    const page = await openData();
    const before = await organisationNames(page);
    const card = page.getByRole('region', { name: sv.excel.importCard });
    await card.getByLabel(sv.excel.fileInputLabel).setInputFiles(bad);
    await expect.poll(() => card.getByText(/lösenordsskyddad \(krypterad\) eller sparad i det gamla Excel-formatet/).isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: sv.excel.preview }).count()).toBe(0);
    expect(await organisationNames(page)).toEqual(before);
    expect(await page.getByRole('button', { name: sv.header.undo }).isEnabled()).toBe(false);
  });
});
