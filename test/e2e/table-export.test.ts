import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Channel, ChannelInput, ChannelOutput, WindowApi } from '../../electron/contract';
import { sv } from '../../renderer/lib/i18n/sv';
import { describeVia } from '../../electron/core/domain/usage-matrix';
import { unpackCells } from '../../electron/contract/rules/matrix-cells';
import { openApp as openScreen, screenshot, useBrowser } from './fixture';

const TODAY = '2022-06-30';
/** Three title lines, a blank line, then the header (`addTableSheet`). */
const HEADER_ROW = 5;

const browser = useBrowser();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sambruk-table-export-e2e-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });

async function openApp(hash: string, title: string): Promise<Page> {
  return openScreen(await browser.newPage(), hash, { clock: TODAY, heading: title });
}

/** A channel answered by the page's own core (the web bridge's `window.api`), so expectations follow the data shown. */
async function coreCall<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  return page.evaluate(
    async ([ch, inp]) => {
      const api = (window as unknown as { api: WindowApi }).api;
      const result = await api.invoke(ch as Channel, inp as never);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    [channel, input] as const,
  ) as Promise<ChannelOutput<C>>;
}

type Sheet = { title: string; filters: string; header: unknown[]; rows: unknown[][] };

/** Clicks the button, takes the download and reads the sheet back. */
async function exportVia(page: Page, button: Locator, name: string): Promise<Sheet> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = path.join(dir, name);
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) rows.push(values(r));
  return { title: String(sheet.getCell(1, 1).value), filters: String(sheet.getCell(2, 1).value), header: values(HEADER_ROW), rows };
}

describe('exporting a table screen to Excel', () => {
  it('exports the usage matrix as filtered, with the filter in words', async () => {
    const page = await openApp('#/tjanster/matris', sv.tjanster.title);
    const t = sv.tjanster.matrix;
    await page.getByTestId('quick-exactly-one').click();
    const matrix = await coreCall(page, 'usage/get-matrix', { date: TODAY, scope: 'members', quick: 'exactly-one' });
    expect(matrix.rows.length).toBeGreaterThan(0);
    await poll(() => page.getByTestId('matrix-status').textContent()).toBe(
      t.shown(matrix.rows.length),
    );
    await screenshot(page, 'table-export-matris');

    const sheet = await exportVia(page, page.getByRole('button', { name: sv.excel.exportButton }), 'matris.xlsx');
    expect(sheet.title).toBe(t.exportTitle);
    expect(sheet.filters).toContain(t.quickExactlyOne);
    expect(sheet.filters).toContain(TODAY);
    expect(sheet.header).toEqual([t.corner, t.exportMember, t.serviceCount, ...matrix.columns.map((c) => c.name)]);
    expect(sheet.rows).toHaveLength(matrix.rows.length);
    const first = matrix.rows[0]!;
    expect(sheet.rows[0]?.slice(0, 3)).toEqual([first.name, first.isMember, 1]);
    // The one service in use is a real date in its column; the others are empty.
    const [used, cell] = [...unpackCells(first.cells)][0]!;
    const date = sheet.rows[0]?.[3 + used];
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe(cell.from);
  });

  it('exports a network roster without e-mail addresses unless «Med personuppgifter» is ticked', async () => {
    const networkId = 'net-egil-projektparter';
    const page = await openApp(`#/natverk/${networkId}`, 'EGIL – projektparter och medfinansiärer');
    const detail = await coreCall(page, 'networks/get', { networkId, date: TODAY });
    const shown = await page.getByTestId('roster-row').count();
    expect(shown).toBeGreaterThan(0);
    const button = page.getByRole('button', { name: sv.natverk.detail.exportExcel });
    await screenshot(page, 'table-export-natverk');

    const plain = await exportVia(page, button, 'natverk.xlsx');
    const c = sv.natverk.roster.columns;
    expect(plain.title).toBe(sv.natverk.roster.exportTitle(detail.name));
    expect(plain.header).not.toContain(c.email);
    expect(plain.header.slice(0, 4)).toEqual([c.name, sv.natverk.roster.exportKind, c.organisation, c.role]);
    expect(plain.rows).toHaveLength(shown);
    const firstName = await page.getByTestId('roster-row').first().locator('td').first().locator('span').first().textContent();
    expect(plain.rows[0]?.[0]).toBe(firstName);

    await page.getByRole('checkbox', { name: sv.natverk.roster.exportPersonal }).check();
    const personal = await exportVia(page, button, 'natverk-personuppgifter.xlsx');
    expect(personal.header.at(-1)).toBe(c.email);
    expect(personal.rows).toHaveLength(shown);
  });

  it('exports the budget lines shown, with the totals as numbers in kronor', async () => {
    const page = await openApp('#/budget', sv.budget.title);
    const grid = page.getByRole('grid', { name: sv.budget.tableHeading });
    await grid.waitFor();
    const bodyRows = grid.locator('tbody tr');
    const table = await coreCall(page, 'budget/get', {});
    const shown = await bodyRows.count();
    await screenshot(page, 'table-export-budget');

    const sheet = await exportVia(page, page.getByRole('button', { name: sv.excel.exportButton }), 'budget.xlsx');
    expect(sheet.header).toEqual([sv.budget.lineColumn, ...table.columns.map((col) => col.label)]);
    expect(sheet.rows).toHaveLength(shown);
    // Nothing collapsed: the whole statement, and the sheet says so.
    expect(sheet.filters).toBe('Urval: alla rader (inga filter)');
    const result = sheet.rows.at(-1);
    expect(result?.[0]).toBe(table.result.label);
    expect(result?.slice(1)).toEqual(table.result.cells.map((cell) => cell.amountOre / 100));
  });

  it('exports the member list as searched, with the visible columns and the fee in kronor', async () => {
    const page = await openApp('#/medlemmar', sv.medlemmar.title);
    const t = sv.medlemmar.list;
    await page.getByTestId('member-search').fill('göteborg');
    const list = await coreCall(page, 'members/list', { query: 'göteborg', archived: 'active', sort: { by: 'name', direction: 'asc' } });
    expect(list.rows.length).toBeGreaterThan(0);
    await poll(() => page.getByTestId('member-count').textContent()).toBe(
      t.count(new Intl.NumberFormat('sv-SE').format(list.count), list.total),
    );
    const sheet = await exportVia(page, page.getByRole('button', { name: sv.excel.exportButton }), 'medlemmar.xlsx');
    expect(sheet.filters).toContain('göteborg');
    expect(sheet.header[0]).toBe(t.column.name);
    expect(sheet.header).toContain(t.column.fee(String(list.feeYear)));
    expect(sheet.rows).toHaveLength(list.rows.length);
    const first = list.rows[0]!;
    expect(sheet.rows[0]?.[0]).toBe(first.name);
    const fee = sheet.header.indexOf(t.column.fee(String(list.feeYear)));
    expect(sheet.rows[0]?.[fee] ?? null).toBe(first.feeOre === undefined ? null : first.feeOre / 100);
    // The services count with its breakdown, as the screen's cell: total, own, and through which group.
    const total = sheet.header.indexOf(t.column.servicesUsed);
    expect(sheet.header.slice(total, total + 3)).toEqual([t.column.servicesUsed, t.exportColumn.servicesDirect, t.exportColumn.servicesVia]);
    list.rows.forEach((row, i) => {
      const b = row.servicesUsedBreakdown;
      expect(Array.from(sheet.rows[i]?.slice(total, total + 3) ?? [], (v) => v ?? null)).toEqual([b.total, b.direct, b.via.length > 0 ? describeVia(b.via) : null]);
    });
  });
});
