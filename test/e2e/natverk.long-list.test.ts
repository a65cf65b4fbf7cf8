/**
 * A long network list (the demo register at five times the association: about a hundred networks) draws the
 * rows in view and a screenful around them, and still behaves as one table: screen readers are told every
 * row's place, scrolling the page brings the rest, the arrow keys walk on past the rows first drawn, and
 * «Markera alla» selects every network, drawn or not. The default register's few dozen are drawn whole
 * (natverk.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { networkContext, networkSummary, sortNetworks } from '../../electron/core/domain/networks';
import { formatNumber } from '../../renderer/lib/format';
import { sv } from '../../renderer/lib/i18n/sv';
import { BOOT_DOCUMENT_GLOBAL } from '../../renderer/bridge/web-bridge';
import { buildDemoDocument, DEFAULT_SEED } from '../../scripts/demo-data';
import { appUrl, screenshot, useBrowser } from './fixture';

const TODAY = '2022-06-30';
const t = sv.natverk;
const { document: register, text } = buildDemoDocument(5, DEFAULT_SEED);
const ctx = networkContext(register, TODAY);
const listed = sortNetworks(register.networks.filter((n) => !n.archived)).map((n) => networkSummary(ctx, n));

const browser = useBrowser();
let page: Page;

const drawnRows = () => page.locator('main tbody tr[data-network-id]');
const scrollMain = (to: 'top' | 'bottom') =>
  page.evaluate((where) => {
    const main = document.querySelector('main');
    if (main) main.scrollTop = where === 'top' ? 0 : main.scrollHeight;
  }, to);

beforeAll(async () => {
  page = await browser.newPage();
  await page.addInitScript({ content: `window[${JSON.stringify(BOOT_DOCUMENT_GLOBAL)}] = ${JSON.stringify(text)};` });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(appUrl('#/natverk', { clock: TODAY }));
  await page.locator('main [data-ready="true"]').waitFor();
});

describe('a long network list', () => {
  it('draws the rows in view, and tells screen readers how many there are and where each one sits', async () => {
    expect(listed.length).toBeGreaterThan(80);
    const table = page.getByRole('table', { name: t.list.tableLabel });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(listed.length + 1));
    const drawn = await drawnRows().count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(listed.length / 2);
    const first = drawnRows().first();
    expect(await first.getAttribute('aria-rowindex')).toBe('2');
    expect(await first.getByRole('link').textContent()).toBe(listed[0]?.name);
    await screenshot(page, 'natverk-long-list-top');
  });

  it('brings the last networks when the page is scrolled to the end, in the core\'s order', async () => {
    await scrollMain('bottom');
    const last = listed[listed.length - 1];
    const lastRow = page.locator(`main tbody tr[data-network-id="${last?.id}"]`);
    await lastRow.waitFor();
    expect(await lastRow.getAttribute('aria-rowindex')).toBe(String(listed.length + 1));
    expect(await lastRow.getByRole('link').textContent()).toBe(last?.name);
    expect(await lastRow.getByTestId('municipalities-text').or(lastRow.getByTestId('progress-text')).textContent()).toContain(
      formatNumber(last?.participatingMemberMunicipalities ?? -1),
    );
    expect(await lastRow.isVisible()).toBe(true);
    await screenshot(page, 'natverk-long-list-bottom');
    await scrollMain('top');
  });

  it('walks on with the arrow keys past the rows first drawn', async () => {
    // Scrolled back to the top by the test before: the first row must be drawn again before it is focused.
    await scrollMain('top');
    await expect.poll(() => drawnRows().first().getAttribute('aria-rowindex')).toBe('2');
    await drawnRows().first().getByRole('link').focus();
    const steps = 30;
    // One key at a time, each after the last has moved focus (and drawn its row), as a person presses them.
    const focusedIndex = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'));
    for (let i = 0; i < steps; i += 1) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(focusedIndex).toBe(String(i + 3));
    }
    const focused = await page.evaluate(() => ({
      name: document.activeElement?.textContent,
      index: document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'),
    }));
    expect(focused).toEqual({ name: listed[steps]?.name, index: String(steps + 2) });
  });

  it('selects every network with «Markera alla», not only those drawn', async () => {
    await scrollMain('top');
    await page.getByRole('checkbox', { name: t.list.selectAll }).check();
    await page.getByText(t.list.selected(formatNumber(listed.length)), { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: t.list.selectAll }).uncheck();
    await page.getByText(t.list.copySelectedHint, { exact: true }).first().waitFor();
  });
});
