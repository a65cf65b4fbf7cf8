/**
 * A long member list (the demo register at five times the association: about two thousand organisations). The
 * core sends the rows around the view, not every match, and the list still behaves as one table: every row's
 * place is told, scrolling anywhere brings that stretch's rows, a new search starts at its best match, coming
 * back from an organisation far down finds its row again, and the Excel export holds every row, not the window.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listOrganisations } from '../../electron/core/domain/search';
import { countText } from '../../renderer/features/medlemmar/member-list.view-model';
import { sv } from '../../renderer/lib/i18n/sv';
import { BOOT_DOCUMENT_GLOBAL } from '../../renderer/bridge/web-bridge';
import { buildDemoDocument, DEFAULT_SEED } from '../../scripts/demo-data';
import { appUrl, screenshot, useBrowser } from './fixture';

const TODAY = '2022-06-30';
const t = sv.medlemmar;
const { document: register, text } = buildDemoDocument(5, DEFAULT_SEED);
const all = listOrganisations(register, { date: TODAY });

const browser = useBrowser();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sambruk-member-long-list-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function openList(): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript({ content: `window[${JSON.stringify(BOOT_DOCUMENT_GLOBAL)}] = ${JSON.stringify(text)};` });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(appUrl('#/medlemmar', { clock: TODAY }));
  await page.locator('main [data-ready="true"]').waitFor();
  return page;
}

const scroller = (page: Page) => page.getByTestId('member-scroller');
/** The drawn rows as [place in the table, organisation id]; rows waiting for the core have no id. */
const drawn = (page: Page) =>
  scroller(page)
    .locator('tbody tr[aria-rowindex]')
    .evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('aria-rowindex')), r.getAttribute('data-row-id')] as const));
/** Every drawn row is the core's row for its place: the header is place 1, the list's first row place 2. */
const drawnMatch = async (page: Page, list: typeof all) => {
  const rows = await drawn(page);
  return rows.length > 0 && rows.every(([place, id]) => id !== null && id === list.rows[place - 2]?.id);
};
const search = (page: Page) => page.getByRole('searchbox', { name: t.list.searchLabel });

describe('a long member list', () => {
  it('draws the rows around the view, each at its place, and scrolling anywhere brings that stretch', async () => {
    expect(all.count).toBeGreaterThan(1000);
    const page = await openList();
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(all));
    expect(await page.getByRole('table', { name: t.list.tableLabel }).getAttribute('aria-rowcount')).toBe(String(all.count + 1));
    await expect.poll(() => drawnMatch(page, all)).toBe(true);
    expect((await drawn(page)).length).toBeLessThan(100);

    // The middle, far outside the rows first sent, then the very end.
    for (const where of [0.5, 1]) {
      await scroller(page).evaluate((el, f) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) * f), where);
      // The rows of that stretch, each the core's row for its place (none left waiting for the core).
      await expect
        .poll(async () => Math.min(...(await drawn(page)).map(([place]) => place)) > all.count * where * 0.9 && (await drawnMatch(page, all)))
        .toBe(true);
    }
    expect((await drawn(page)).at(-1)).toEqual([all.count + 1, all.rows.at(-1)?.id]);
    await screenshot(page, 'medlemmar-lang-lista-slutet');
  });

  it('starts a new search at its best match, wherever the list was scrolled', async () => {
    const page = await openList();
    await scroller(page).evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await expect.poll(() => drawnMatch(page, all)).toBe(true);

    await search(page).fill('g');
    const hits = listOrganisations(register, { date: TODAY, query: 'g' });
    expect(hits.count).toBeGreaterThan(300);
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(hits));
    await expect.poll(() => drawnMatch(page, hits)).toBe(true);
    expect(await scroller(page).evaluate((el) => el.scrollTop)).toBe(0);
    expect((await drawn(page))[0]).toEqual([2, hits.rows[0]?.id]);
  });

  it('finds and focuses the row of an organisation far down the list on coming back from it', async () => {
    const far = all.rows[Math.floor(all.count * 0.9)]!;
    const page = await openList();
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/medlemmar/${encodeURIComponent(far.id)}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain(far.name);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-row-id') ?? null)).toBe(far.id);
    await expect.poll(() => drawnMatch(page, all)).toBe(true);

    // A search typed after coming back starts at its best match, even when it holds that organisation.
    const query = far.name.slice(0, 2);
    const hits = listOrganisations(register, { date: TODAY, query });
    expect(hits.rows.findIndex((r) => r.id === far.id)).toBeGreaterThan(20);
    await search(page).fill(query);
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(hits));
    await expect.poll(() => drawnMatch(page, hits)).toBe(true);
    expect(await scroller(page).evaluate((el) => el.scrollTop)).toBe(0);
  });

  it('exports every row of the search, not only those drawn', async () => {
    const page = await openList();
    await search(page).fill('g');
    const hits = listOrganisations(register, { date: TODAY, query: 'g' });
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(hits));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: sv.excel.exportButton }).click()]);
    const file = path.join(dir, 'medlemmar.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    // Three title lines, a blank line, the header, then one line per organisation in the list's order.
    const names: string[] = [];
    for (let r = 6; r <= sheet.rowCount; r++) names.push(String(sheet.getCell(r, 1).value));
    expect(names).toEqual(hits.rows.map((r) => r.name));
  });
});
