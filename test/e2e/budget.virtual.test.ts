/**
 * The budget grid of a large register (a line per service, as at several times the association's size) draws
 * only the rows in view, in a pane of its own, and keeps what a keyboard and a screen reader rely on: the row
 * count and each row's place (aria-rowcount, aria-rowindex), one tab stop, arrows and Ctrl+End reaching rows
 * not yet drawn, and printing every row.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatOre } from '../../electron/core/domain/amounts';
import { budgetTable } from '../../electron/core/domain/budget';
import { BOOT_DOCUMENT_GLOBAL } from '../../renderer/bridge/web-bridge';
import { sv } from '../../renderer/lib/i18n/sv';
import { budgetTableVm, cellAt, moveInGrid, type GridPos } from '../../renderer/features/budget/budget-table.view-model';
import { buildDemoDocument } from '../../scripts/demo-data';
import { openApp, screenshot, useBrowser } from './fixture';

const t = sv.budget;
const { document: demo, text } = buildDemoDocument(6, 'budget-virtual');
const table = budgetTable(demo.budget);
/** Section rows, lines and totals: the body of the grid, every line expanded (the header row is the first). */
const vm = budgetTableVm(table, new Set());
const vmRows = vm.rows;
const bodyRowCount = vmRows.length - 1;
/** The result row's place in the grid (1-based, the header row first). */
const resultRowIndex = String(vmRows.findIndex((r) => r.key === 'total-result') + 1);
const lastColumn = table.columns[table.columns.length - 1];

const browser = useBrowser();

async function openLargeBudget(): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(({ key, value }) => {
    (window as unknown as Record<string, string>)[key] = value;
  }, { key: BOOT_DOCUMENT_GLOBAL, value: text });
  await openApp(page, '#/budget', { heading: t.title });
  await page.locator('main [data-ready="true"] [role="grid"]').waitFor({ timeout: 60_000 });
  // The load report belongs to the shell; it only takes room from the screenshot.
  const dismiss = page.getByRole('button', { name: sv.loadReport.dismiss });
  if ((await dismiss.count()) > 0) await dismiss.click();
  return page;
}

const grid = (page: Page) => page.getByRole('grid', { name: t.tableHeading });
/** Drawn rows whose height the grid takes as known (not measured) but which are drawn at another height. */
const wrongHeights = (page: Page) =>
  grid(page)
    .locator('tbody tr[data-fixed-height]')
    .evaluateAll((rows) =>
      rows
        .filter((r) => Math.abs(r.getBoundingClientRect().height - Number(r.getAttribute('data-fixed-height'))) > 0.5)
        .map((r) => `${r.getAttribute('data-row') ?? ''}: ${r.getBoundingClientRect().height} px, not ${r.getAttribute('data-fixed-height') ?? ''}`),
    );
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { cell: el?.getAttribute('data-cell') ?? el?.getAttribute('data-pos') ?? null, rowIndex: el?.closest('tr')?.getAttribute('aria-rowindex') ?? null };
  });

describe('the budget grid of a large register', () => {
  it('draws only the rows in view, and says how many there are and where each one is', async () => {
    const page = await openLargeBudget();
    expect(bodyRowCount).toBeGreaterThan(60);
    await expect.poll(() => grid(page).getAttribute('aria-rowcount')).toBe(String(bodyRowCount + 1));
    const drawn = grid(page).locator('tbody tr[data-row]');
    const count = await drawn.count();
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(bodyRowCount / 2);
    // Drawn rows carry their place in the whole grid, in order, the header row being the first.
    expect(await grid(page).locator('thead tr').getAttribute('aria-rowindex')).toBe('1');
    const indexes = (await drawn.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))))) as number[];
    expect(indexes[0]).toBe(2);
    const inView = indexes.slice(0, -1);
    expect(inView).toEqual(inView.map((_, i) => i + 2));
    // The result row is drawn too, and stays in view at the foot of the pane.
    expect(indexes[indexes.length - 1]).toBe(Number(resultRowIndex));
    const foot = await page.evaluate(() => {
      const pane = document.querySelector('[data-virtual="true"]')?.getBoundingClientRect();
      const result = document.querySelector('tr[data-row="total-result"] td')?.getBoundingClientRect();
      return pane && result ? { pane: pane.bottom, result: result.bottom } : undefined;
    });
    expect(foot).toBeDefined();
    expect(Math.abs((foot?.pane ?? 0) - (foot?.result ?? 1000))).toBeLessThan(20);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('[data-virtual="true"]').evaluate((el) => el.scrollTo({ top: 400 }));
    await screenshot(page, 'budget-stor-tabell');
    // Rows of a known height (no note under an amount) are not measured: they must be drawn at exactly that height.
    expect(await grid(page).locator('tbody tr[data-fixed-height]').count()).toBeGreaterThan(5);
    expect(await wrongHeights(page)).toEqual([]);
    // Scrolling the grid's pane draws the rows further down.
    await page.locator('[data-virtual="true"]').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    // The result row (the last) is drawn all the time at the pane's foot: wait for the row before it, and for the
    // first to go, as the scroll reaches the grid.
    await expect.poll(() => grid(page).locator(`tbody tr[aria-rowindex="${bodyRowCount}"]`).count()).toBe(1);
    await expect.poll(() => grid(page).locator('tbody tr[aria-rowindex="2"]').count()).toBe(0);
    expect(await wrongHeights(page)).toEqual([]);
  });

  it('moves with the keyboard to rows not yet drawn, and back, keeping one tab stop', async () => {
    const page = await openLargeBudget();
    await page.getByRole('button', { name: /Exportera/ }).focus();
    await page.keyboard.press('Tab');
    expect((await focused(page)).rowIndex).toBe('3');
    expect(await grid(page).locator('[tabindex="0"]').count()).toBe(1);

    // Ctrl+End: the last cell, in the result row, far below what was drawn.
    await page.keyboard.press('Control+End');
    await expect.poll(async () => (await focused(page)).cell).toBe(`total-result|${lastColumn?.id ?? ''}`);
    expect((await focused(page)).rowIndex).toBe(resultRowIndex);
    expect(Number(resultRowIndex)).toBeGreaterThan(50);
    expect(await grid(page).locator('[tabindex="0"]').count()).toBe(1);

    // Arrows walk up through rows drawn as they come into view, exactly as in a grid drawn whole.
    let pos: GridPos = { row: 'total-result', col: table.columns.length };
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('ArrowUp');
      pos = moveInGrid(vm, pos, 'up');
    }
    expect((await focused(page)).cell).toBe(cellAt(vm, pos)?.key);
    expect(Number((await focused(page)).rowIndex)).toBeLessThan(Number(resultRowIndex) - 11);

    // Ctrl+Home: back to the first cell, the name column's header; two rows down is the first line again.
    await page.keyboard.press('Control+Home');
    await expect.poll(async () => (await focused(page)).cell).toBe('columns:0');
    expect((await focused(page)).rowIndex).toBe('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).rowIndex).toBe('3');

    // The focused row stays drawn when the pane scrolls away from it, so Tab still reaches the grid there.
    await page.locator('[data-virtual="true"]').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => grid(page).locator(`tbody tr[aria-rowindex="${bodyRowCount + 1}"]`).count()).toBe(1);
    expect(await grid(page).locator('tbody tr[aria-rowindex="3"] [tabindex="0"]').count()).toBe(1);
  });

  it('draws only the columns in view beside the sticky name column, each drawn cell saying which column it is', async () => {
    const page = await openLargeBudget();
    await page.setViewportSize({ width: 1366, height: 768 });
    const columnCount = table.columns.length;
    expect(columnCount).toBeGreaterThanOrEqual(12);
    expect(await grid(page).getAttribute('aria-colcount')).toBe(String(columnCount + 1));
    const headers = grid(page).locator('thead th[data-column]');
    await expect.poll(() => headers.count()).toBeLessThan(columnCount);
    // Every drawn cell carries its place among all the columns, the name column being the first.
    const places = await grid(page).locator('[data-pos]').evaluateAll((cells) =>
      cells.map((c) => ({ pos: c.getAttribute('data-pos') ?? '', index: c.getAttribute('aria-colindex') })),
    );
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) expect(p.index, p.pos).toBe(String(Number(p.pos.split(':').pop()) + 1));
    // The cells standing in for the columns not drawn are hidden from assistive technology.
    for (const gap of await grid(page).locator('tr:not([aria-hidden]) > :not([data-pos])').all()) expect(await gap.getAttribute('aria-hidden')).toBe('true');

    // Scrolled to the far right: the last columns are drawn, the first are not, and the name column stays.
    const pane = page.locator('[data-virtual="true"]');
    await pane.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => grid(page).locator(`thead th[data-column="${lastColumn?.id ?? ''}"]`).count()).toBe(1);
    // The grid's one tab stop (the first column until focus moves) stays drawn; the columns after it are gone.
    expect(await grid(page).locator(`thead th[data-column="${table.columns[1]?.id ?? ''}"]`).count()).toBe(0);
    expect(await grid(page).locator('[tabindex="0"]').count()).toBe(1);
    const edges = await page.evaluate(() => ({
      pane: document.querySelector('[data-virtual="true"]')?.getBoundingClientRect().left ?? -1,
      name: document.querySelector('thead th[data-pos="columns:0"]')?.getBoundingClientRect().left ?? -2,
    }));
    expect(Math.abs(edges.name - edges.pane)).toBeLessThan(2);
    // A section's name (its cell spans every column) stays in view at the left edge too.
    const section = await grid(page).locator('th[scope="rowgroup"] span').first().boundingBox();
    expect(section?.x ?? -1).toBeGreaterThanOrEqual(edges.pane);
    expect(section?.x ?? Infinity).toBeLessThan(edges.pane + 40);
    await screenshot(page, 'budget-stor-tabell-hoger');
  });

  it('reaches the last column with the keyboard, edits an amount there and comes back', async () => {
    const page = await openLargeBudget();
    await page.setViewportSize({ width: 1366, height: 768 });
    const row = vmRows.find((r) => r.type === 'line' && r.cells[r.cells.length - 1]?.editable);
    if (!row || row.type !== 'line') throw new Error('the demo budget has no editable line');
    const last = table.columns.length;
    const nameCell = grid(page).locator(`[data-pos="${row.key}:0"]`);
    await nameCell.click();
    // End: the row's last amount, in a column not drawn until then, focused and in view beside the name column.
    await page.keyboard.press('End');
    const target = `${row.key}|${lastColumn?.id ?? ''}`;
    await expect.poll(async () => (await focused(page)).cell).toBe(target);
    const lastCell = grid(page).locator(`[data-cell="${target}"]`);
    expect(await lastCell.getAttribute('aria-colindex')).toBe(String(last + 1));
    const boxes = await page.evaluate((key) => {
      const cell = document.querySelector(`[data-cell="${CSS.escape(key)}"]`)?.getBoundingClientRect();
      const pane = document.querySelector('[data-virtual="true"]')?.getBoundingClientRect();
      const name = document.querySelector('thead th[data-pos="columns:0"]')?.getBoundingClientRect();
      return cell && pane && name ? { left: cell.left, right: cell.right, nameRight: name.right, paneRight: pane.right } : undefined;
    }, target);
    expect(boxes).toBeDefined();
    expect(boxes!.left).toBeGreaterThanOrEqual(boxes!.nameRight - 1);
    expect(boxes!.right).toBeLessThanOrEqual(boxes!.paneRight + 1);
    expect(await grid(page).locator('[tabindex="0"]').count()).toBe(1);

    // An amount typed there is saved by the core and shown.
    await page.keyboard.press('Enter');
    const input = lastCell.getByRole('textbox');
    await input.fill('4 321');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastCell.locator('[data-amount]').textContent()).toBe(formatOre(432_100));
    expect((await focused(page)).cell).toBe(target);

    // Left walks back column by column; Home returns to the first amount's row start, the name, drawn again.
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).cell).toBe(`${row.key}|${table.columns[last - 2]?.id ?? ''}`);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused(page)).cell).toBe(`${row.key}:0`);
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).cell).toBe(`${row.key}|${table.columns[0]?.id ?? ''}`);
    expect(await grid(page).locator('[tabindex="0"]').count()).toBe(1);
  });

  it('draws every row for print', async () => {
    const page = await openLargeBudget();
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => grid(page).locator('tbody tr[data-row]').count()).toBe(bodyRowCount);
    // Every column too.
    expect(await grid(page).locator('thead th[data-column]').count()).toBe(table.columns.length);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => grid(page).locator('tbody tr[data-row]').count()).toBeLessThan(bodyRowCount);
  });
});
