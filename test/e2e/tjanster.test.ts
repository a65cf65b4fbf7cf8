/**
 * The Tjänster screen over the web build: the usage matrix (mouse, keyboard, undo, filters), a service's
 * page, the service dialog, adoption and revenue. Every expected figure comes from the core run on the same
 * default register with the same changes, never from a number written here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ChannelInput, UsageMatrixAnswerColumn, WindowApi } from '../../electron/contract';
import { unpackCells } from '../../electron/contract/rules/matrix-cells';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { HEADER_ROWS, matrixCell, shownText } from '../../renderer/features/tjanster/matrix.view-model';
import { catalogueRows } from '../../renderer/features/tjanster/catalogue.view-model';
import { formatKr, formatNumber, formatPercent } from '../../renderer/lib/format';
import { sv } from '../../renderer/lib/i18n/sv';
import { appUrl, openApp as openScreen, screenshot, useBrowser } from './fixture';
import { createTestServices } from '../support/memory-document';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2022-06-30';
const defaultText = readFileSync(path.join(projectRoot, 'assets/default-data.json'), 'utf8');
const t = sv.tjanster;

/** The core over the same default register the web build loads, at the same "today". */
function core() {
  return createTestServices({ initial: parseDocumentText(defaultText), now: `${TODAY}T10:00:00.000Z` });
}
type Core = ReturnType<typeof core>;

async function data<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

const matrixOf = (c: Core, input: Partial<ChannelInput<'usage/get-matrix'>> = {}) =>
  data(c.call('usage/get-matrix', { date: TODAY, scope: 'members', ...input }));

/** Polls with room for a busy machine: the UI answers in milliseconds, but CI runners are shared. */
const poll = <T>(fn: () => T | Promise<T>, message?: string) => expect.poll(fn, { timeout: 10_000, interval: 50, ...(message ? { message } : {}) });

const browser = useBrowser();

async function openApp(hash: string) {
  // The web build's "new register" notice is the shell's; out of the way, the screen shows more of itself.
  return openScreen(await browser.newPage(), hash, { clock: TODAY, dismissLoadReport: true });
}

const grid = (page: Page) => page.getByRole('grid', { name: t.matrix.gridLabel });
const cell = (page: Page, org: string, service: string) => page.getByTestId(`cell-${org}-${service}`);
const rowTotal = (page: Page, org: string) => page.getByTestId(`row-total-${org}`);
const total = (page: Page, kind: 'users' | 'visible-users' | 'member-share' | 'population-share', service: string) =>
  page.getByTestId(`total-${kind}-${service}`);
const share = (value: number | null) => (value === null ? t.matrix.noShare : formatPercent(value));

async function openMatrix(hash = '#/tjanster/matris') {
  const page = await openApp(hash);
  await grid(page).waitFor();
  return page;
}

/** The header figures of every column, as the screen shows them. */
async function expectColumns(page: Page, columns: readonly UsageMatrixAnswerColumn[]) {
  for (const c of columns) {
    await poll(() => total(page, 'users', c.serviceId).textContent(), `${c.name} users`).toBe(formatNumber(c.users));
    expect(await total(page, 'visible-users', c.serviceId).textContent()).toBe(formatNumber(c.visibleUsers));
    expect(await total(page, 'member-share', c.serviceId).textContent()).toBe(share(c.memberShare));
    expect(await total(page, 'population-share', c.serviceId).textContent()).toBe(share(c.populationShare));
  }
}

async function rowCount(page: Page): Promise<number> {
  return Number(await grid(page).getAttribute('aria-rowcount')) - HEADER_ROWS;
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('the usage matrix', () => {
  it('shows members × services with the core’s totals; header and organisation column stay in view; rows are virtualised', async () => {
    const expected = await matrixOf(core());
    const page = await openMatrix();
    await poll(() => rowCount(page)).toBe(expected.rows.length);
    expect(await page.getByTestId('matrix-status').textContent()).toBe(shownText(expected.rows.length));
    expect(await grid(page).getAttribute('aria-colcount')).toBe(String(2 + expected.columns.length));
    await expectColumns(page, expected.columns);
    for (const row of expected.rows.slice(0, 5)) {
      expect(await rowTotal(page, row.organisationId).textContent()).toBe(formatNumber(row.serviceCount));
    }

    // Only the rows in view (and a margin) are in the page.
    const rendered = await grid(page).locator('[role=row][data-org]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(expected.rows.length);
    await screenshot(page, 'tjanster-matris');

    // Scroll to the far end: the header row and the organisation column do not move out of view.
    const scroller = page.getByTestId('matrix-scroller');
    const box = (await scroller.boundingBox())!;
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight, left: el.scrollWidth }));
    const last = expected.rows.at(-1)!;
    await page.locator(`[data-org="${last.organisationId}"]`).waitFor();
    const corner = (await grid(page).getByRole('columnheader', { name: t.matrix.corner }).boundingBox())!;
    expect(Math.abs(corner.y - box.y)).toBeLessThanOrEqual(2);
    expect(Math.abs(corner.x - box.x)).toBeLessThanOrEqual(2);
    const lastName = (await page.locator(`[data-org="${last.organisationId}"] [role=rowheader]`).boundingBox())!;
    expect(Math.abs(lastName.x - box.x)).toBeLessThanOrEqual(2);
  });

  it('toggles with the mouse and with the keyboard, totals follow the core, Ctrl+Z and «Ångra» revert', async () => {
    const c = core();
    const before = await matrixOf(c);
    // The first member with two free cells side by side, so the keyboard test can step right into the second.
    const freePair = (cells: ReadonlyMap<number, unknown>, i: number) => i + 1 < before.columns.length && !cells.has(i) && !cells.has(i + 1);
    const row = before.rows.find((r) => before.columns.some((_, i) => freePair(unpackCells(r.cells), i)))!;
    const index = before.columns.findIndex((_, i) => freePair(unpackCells(row.cells), i));
    const first = before.columns[index]!;
    const second = before.columns[index + 1]!;
    const org = row.organisationId;

    const page = await openMatrix();
    const firstCell = cell(page, org, first.serviceId);
    await firstCell.scrollIntoViewIfNeeded();
    expect(await firstCell.getAttribute('data-in-use')).toBe('false');
    expect(await firstCell.getAttribute('aria-label')).toBe(t.matrix.cellNotInUse(first.name));
    expect(await rowTotal(page, org).textContent()).toBe(formatNumber(row.serviceCount));

    // Mouse. The channels the screen calls are recorded: after a toggle it asks for the matrix's changes only.
    await page.evaluate(() => {
      const api = (window as unknown as { api: { invoke: (channel: string, input: unknown) => Promise<unknown> } }).api;
      const calls: string[] = [];
      (window as unknown as { __calls: string[] }).__calls = calls;
      const invoke = api.invoke.bind(api);
      api.invoke = (channel, input) => {
        calls.push(channel);
        return invoke(channel, input);
      };
    });
    await firstCell.click();
    const started = await data(c.call('usage/toggle', { organisationId: org, serviceId: first.serviceId, date: TODAY }));
    const afterMouse = await matrixOf(c);
    await poll(() => firstCell.getAttribute('data-in-use')).toBe('true');
    await poll(() => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.includes('usage/get-matrix-changes'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.includes('usage/get-matrix'))).toBe(false);
    expect(await firstCell.getAttribute('aria-label')).toBe(t.matrix.cellInUse(first.name, TODAY));
    expect(await firstCell.textContent()).toBe(`✓${TODAY}`);
    const afterRow = afterMouse.rows.find((r) => r.organisationId === org)!;
    expect(afterRow.serviceCount).toBe(row.serviceCount + 1);
    await poll(() => rowTotal(page, org).textContent()).toBe(formatNumber(afterRow.serviceCount));
    await expectColumns(page, afterMouse.columns);
    const toast = page.getByText(t.matrix.started(row.name, first.name, TODAY));
    await poll(() => toast.isVisible()).toBe(true);
    expect(started.action).toBe('started');

    // Keyboard: the clicked cell has the focus; step right and press Space.
    expect(await focusedTestId(page)).toBe(`cell-${org}-${first.serviceId}`);
    await page.keyboard.press('ArrowRight');
    expect(await focusedTestId(page)).toBe(`cell-${org}-${second.serviceId}`);
    await page.keyboard.press('Space');
    await data(c.call('usage/toggle', { organisationId: org, serviceId: second.serviceId, date: TODAY }));
    const afterKeys = await matrixOf(c);
    await poll(() => cell(page, org, second.serviceId).getAttribute('data-in-use')).toBe('true');
    await poll(() => rowTotal(page, org).textContent()).toBe(formatNumber(row.serviceCount + 2));
    expect(afterKeys.rows.find((r) => r.organisationId === org)?.serviceCount).toBe(row.serviceCount + 2);
    await expectColumns(page, afterKeys.columns);
    expect(await focusedTestId(page)).toBe(`cell-${org}-${second.serviceId}`);

    const secondToast = page.getByText(t.matrix.started(row.name, second.name, TODAY));
    await poll(() => secondToast.isVisible()).toBe(true);

    // Ctrl+Z with the focus in the grid undoes the keyboard toggle, and its toast (whose «Ångra» it was) goes.
    await page.keyboard.press('Control+z');
    await data(c.call('history/undo', {}));
    await poll(() => cell(page, org, second.serviceId).getAttribute('data-in-use')).toBe('false');
    await poll(() => secondToast.count()).toBe(0);
    await poll(() => rowTotal(page, org).textContent()).toBe(formatNumber(row.serviceCount + 1));
    await expectColumns(page, (await matrixOf(c)).columns);

    // Toggle the first cell off (a removal: it began today) and on again; the toast's «Ångra» undoes that last toggle.
    await firstCell.click();
    await poll(() => firstCell.getAttribute('data-in-use')).toBe('false');
    await firstCell.click();
    await poll(() => firstCell.getAttribute('data-in-use')).toBe('true');
    const undoLinks = page.getByTestId('toast-undo');
    await poll(() => undoLinks.count()).toBe(1);
    await undoLinks.click();
    await poll(() => firstCell.getAttribute('data-in-use')).toBe('false');
    await poll(() => rowTotal(page, org).textContent()).toBe(formatNumber(row.serviceCount));
    await expectColumns(page, before.columns);

    // Enter on a cell opens the organisation.
    await firstCell.focus();
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => location.hash)).toBe(`#/medlemmar/${org}`);
  });

  it('moves with Home, End, Ctrl+End and PageDown, keeping the focused cell in view', async () => {
    const expected = await matrixOf(core());
    const page = await openMatrix();
    const firstRow = expected.rows[0]!;
    const lastRow = expected.rows.at(-1)!;
    const lastColumn = expected.columns.at(-1)!;
    // The grid is one tab stop; go straight to it rather than counting the page's controls.
    await grid(page).locator('[tabindex="0"]').focus();
    expect(await focusedTestId(page)).toBe(`cell-${firstRow.organisationId}-${expected.columns[0]!.serviceId}`);
    await page.keyboard.press('End');
    expect(await focusedTestId(page)).toBe(`cell-${firstRow.organisationId}-${lastColumn.serviceId}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focusedTestId(page)).toBe(`cell-${expected.rows[1]!.organisationId}-${lastColumn.serviceId}`);
    await screenshot(page, 'tjanster-matris-fokus');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('rowheader');
    await page.keyboard.press('PageDown');
    const paged = await page.evaluate(() => document.activeElement?.closest('[data-org]')?.getAttribute('data-org'));
    expect(expected.rows.findIndex((r) => r.organisationId === paged)).toBeGreaterThan(3);
    await page.keyboard.press('Control+End');
    await poll(() => focusedTestId(page)).toBe(`cell-${lastRow.organisationId}-${lastColumn.serviceId}`);
    const focused = (await page.getByTestId(`cell-${lastRow.organisationId}-${lastColumn.serviceId}`).boundingBox())!;
    const box = (await page.getByTestId('matrix-scroller').boundingBox())!;
    expect(focused.y + focused.height).toBeLessThanOrEqual(box.y + box.height + 1);
    await page.keyboard.press('Control+Home');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t.matrix.corner);
  });

  it('draws only the service columns in view; the keys reach every cell, which is then drawn, with its grid indices', async () => {
    const expected = await matrixOf(core());
    const page = await openApp('#/tjanster/matris');
    await page.setViewportSize({ width: 1366, height: 768 });
    await grid(page).waitFor();
    await screenshot(page, 'tjanster-matris-1366');
    // A narrow window: the ten services no longer fit, so some columns are not drawn until scrolled to.
    await page.setViewportSize({ width: 820, height: 700 });
    const lastColumn = expected.columns.at(-1)!;
    const firstRow = expected.rows[0]!;
    const colCount = 2 + expected.columns.length;
    expect(await grid(page).getAttribute('aria-colcount')).toBe(String(colCount));
    const headers = () => grid(page).locator('[role=row][aria-rowindex="1"] [role=columnheader]').count();
    await poll(headers).toBeLessThan(colCount);
    const drawnCells = await page.locator(`[data-org="${firstRow.organisationId}"] [role=gridcell]`).count();
    expect(drawnCells).toBeLessThan(1 + expected.columns.length);
    expect(await cell(page, firstRow.organisationId, lastColumn.serviceId).count()).toBe(0);

    // End on the first body row moves to its last service cell, which is scrolled into view and drawn.
    await grid(page).locator('[tabindex="0"]').focus();
    await page.keyboard.press('End');
    await poll(() => focusedTestId(page)).toBe(`cell-${firstRow.organisationId}-${lastColumn.serviceId}`);
    const focused = cell(page, firstRow.organisationId, lastColumn.serviceId);
    expect(await focused.getAttribute('aria-colindex')).toBe(String(colCount));
    expect(await focused.getAttribute('aria-label')).toBe(matrixCell(firstRow, expected.columns.length - 1, lastColumn.name, expected.viaNames).label);
    const box = (await focused.boundingBox())!;
    const scroller = (await page.getByTestId('matrix-scroller').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(scroller.x + scroller.width + 1);
    // Its header, scrolled into view with it, carries the column's figures.
    expect(await total(page, 'users', lastColumn.serviceId).textContent()).toBe(formatNumber(lastColumn.users));
    await screenshot(page, 'tjanster-matris-smal');

    // Home and the arrows walk back across every column, each cell drawn as the focus reaches it.
    for (let i = expected.columns.length - 2; i >= 0; i -= 1) {
      await page.keyboard.press('ArrowLeft');
      await poll(() => focusedTestId(page)).toBe(`cell-${firstRow.organisationId}-${expected.columns[i]!.serviceId}`);
    }
    await page.keyboard.press('ArrowLeft');
    await poll(() => focusedTestId(page)).toBe(`row-total-${firstRow.organisationId}`);
    expect(await cell(page, firstRow.organisationId, expected.columns[0]!.serviceId).isVisible()).toBe(true);
  });

  it('filters to members using exactly one service, and to none, as the core counts them', async () => {
    const c = core();
    const exactlyOne = await matrixOf(c, { quick: 'exactly-one' });
    const none = await matrixOf(c, { quick: 'none' });
    const page = await openMatrix();

    const chip = page.getByTestId('quick-exactly-one');
    await poll(() => chip.textContent()).toBe(t.matrix.quickCount(t.matrix.quickExactlyOne, formatNumber(exactlyOne.rows.length)));
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await poll(() => rowCount(page)).toBe(exactlyOne.rows.length);
    expect(exactlyOne.rows.length).toBeGreaterThan(0);
    expect(await page.getByTestId('matrix-status').textContent()).toBe(shownText(exactlyOne.rows.length));
    await expectColumns(page, exactlyOne.columns);
    // Each shown row uses one service, so the shown users add up to the rows.
    expect(exactlyOne.columns.reduce((sum, col) => sum + col.visibleUsers, 0)).toBe(exactlyOne.rows.length);
    const rendered = await grid(page).locator('[data-testid^="row-total-"]').allTextContents();
    expect(rendered.length).toBeGreaterThan(0);
    expect(new Set(rendered)).toEqual(new Set([formatNumber(1)]));

    await page.getByTestId('quick-none').click();
    await poll(() => rowCount(page)).toBe(none.rows.length);
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
    await expectColumns(page, none.columns);

    // The address can ask for the filter, as the adoption tab's links do.
    await page.goto(appUrl('#/tjanster/matris?snabb=exakt-en', { clock: TODAY }));
    await grid(page).waitFor();
    await poll(() => rowCount(page)).toBe(exactlyOne.rows.length);
  });

  it('shows any date: before the first use nobody uses anything', async () => {
    const c = core();
    const early = await data(c.call('usage/get-matrix', { date: '2020-12-31', scope: 'all' }));
    const page = await openMatrix();
    await page.getByTestId('view-date').fill('2020-12-31');
    await expectColumns(page, (await matrixOf(c, { date: '2020-12-31' })).columns);
    expect(early.columns.every((col) => col.users === 0)).toBe(true);
    await poll(() => page.getByTestId('dates-differ').isVisible()).toBe(true);
  });
});

describe('a service’s page', () => {
  it('shows facts, figures at the date, users over time and the users, from the core', async () => {
    const c = core();
    const detail = await data(c.call('services/get', { serviceId: 'svc-bibblix', date: TODAY }));
    const adoption = await data(c.call('usage/get-adoption', { date: TODAY, serviceIds: ['svc-bibblix'], step: 'monthly' }));
    const figures = adoption.services[0]!;
    const page = await openApp('#/tjanster/svc-bibblix');
    await poll(() => page.getByRole('heading', { level: 1, name: detail.name, exact: true }).isVisible()).toBe(true);

    const figure = (key: string) => page.locator(`[data-figure="${key}"] [data-testid="figure-value"]`);
    await poll(() => figure('users').textContent()).toBe(formatNumber(detail.userCount));
    await poll(() => figure('members').textContent()).toBe(formatNumber(figures.memberUsers));
    expect(await figure('population').textContent()).toBe(formatNumber(figures.populationCovered));
    expect(await page.getByText(t.service.memberShareOf(formatPercent(figures.memberShare!), figures.memberCount)).isVisible()).toBe(true);
    expect(await page.locator('[data-fact="operator"]').textContent()).toBe(detail.operator);
    expect(await page.locator('[data-fact="council"]').textContent()).toBe(detail.councilNetworkName);
    expect(await page.locator('[data-fact="pricing"]').textContent()).toBe(t.pricing.missing);

    // The users' table holds every user (virtualised: the row count is announced, the rows come as scrolled).
    const users = page.getByTestId('service-users');
    expect(await users.getAttribute('aria-rowcount')).toBe(String(detail.users.length + 1));
    expect(await users.locator('tbody tr[data-row-key]').first().textContent()).toContain(detail.users[0]!.name);

    // The chart: Swedish month ticks, every tick label inside the chart's box.
    const chart = page.getByTestId('users-chart');
    // A flat line has no height, which Playwright calls hidden: wait for it to be drawn, not to be "visible".
    await chart.locator('.recharts-line-curve').waitFor({ state: 'attached' });
    const ticks = await chart.locator('.recharts-cartesian-axis-tick-value').allTextContents();
    expect(ticks).toContain('jan. 2021');
    expect(ticks).toContain(formatNumber(0));
    const chartBox = (await chart.boundingBox())!;
    for (const tick of await chart.locator('.recharts-cartesian-axis-tick-value').all()) {
      const b = (await tick.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(chartBox.x);
      expect(b.x + b.width).toBeLessThanOrEqual(chartBox.x + chartBox.width);
    }
    await screenshot(page, 'tjanster-tjanst');
  });

  it('edits a service in the dialog: a core refusal shows at its field, and the saved price reaches the revenue', async () => {
    const c = core();
    const page = await openApp('#/tjanster/svc-bibblix');
    await page.getByRole('button', { name: t.service.edit }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(t.form.operator).fill('Ballou AB');
    await dialog.getByRole('button', { name: t.form.addYear }).click();
    const entry = dialog.getByTestId('pricing-entry-0');
    const fee = entry.getByLabel(t.form.fixedFee);
    await fee.fill('-5');
    await dialog.getByRole('button', { name: t.form.save }).click();
    // The core refuses a negative fee; its words appear under the fee field, and nothing is saved.
    await poll(() => entry.getByText('Avgiften får inte vara negativ.').isVisible()).toBe(true);
    expect(await dialog.getByText(t.form.failed).isVisible()).toBe(true);
    await screenshot(page, 'tjanster-dialog-fel');

    await fee.fill('12 000');
    // A second year, banded by population.
    await dialog.getByRole('button', { name: t.form.addYear }).click();
    const banded = dialog.getByTestId('pricing-entry-1');
    expect(await banded.getByLabel(t.form.year).inputValue()).toBe('2023');
    await banded.getByRole('combobox', { name: t.form.model }).click();
    await page.getByRole('option', { name: t.pricing.kinds.banded }).click();
    await banded.getByLabel(t.form.bandFee).fill('5 000');
    await banded.getByRole('button', { name: t.form.addBand }).click();
    await banded.getByRole('group', { name: t.form.bandLabel(2) }).getByLabel(t.form.bandFrom).fill('15 000');
    await banded.getByRole('group', { name: t.form.bandLabel(2) }).getByLabel(t.form.bandFee).fill('9 000,50');
    await screenshot(page, 'tjanster-dialog-prisband');
    await dialog.getByRole('button', { name: t.form.save }).click();
    await poll(() => dialog.count()).toBe(0);
    const pricing = [
      { year: 2022, model: { kind: 'fixed' as const, yearlyFeeOre: 1_200_000 } },
      {
        year: 2023,
        model: {
          kind: 'banded' as const,
          bands: [
            { minPopulation: 0, yearlyFeeOre: 500_000 },
            { minPopulation: 15_000, yearlyFeeOre: 900_050 },
          ],
        },
      },
    ];
    await data(c.call('services/update', { serviceId: 'svc-bibblix', operator: 'Ballou AB', pricing }));
    await poll(() => page.locator('[data-fact="operator"]').textContent()).toBe('Ballou AB');
    expect(await page.locator('[data-fact="pricing"]').textContent()).toBe(t.pricing.fixed(formatKr(1_200_000)));
    // What was saved is what the core holds after the same edit.
    const saved = await data(c.call('services/get', { serviceId: 'svc-bibblix', date: TODAY }));
    await page.getByTestId('view-date').fill('2023-06-30');
    await poll(() => page.locator('[data-fact="pricing"]').textContent()).toBe(
      `${t.pricing.banded('2', formatKr(500_000), formatKr(900_050))}`,
    );
    expect(saved.pricing).toEqual(pricing);
    await page.getByTestId('view-date').fill(TODAY);

    const revenue = await data(c.call('services/get-revenue', { year: 2022 }));
    const bibblix = revenue.services.find((s) => s.serviceId === 'svc-bibblix')!;
    expect(bibblix.totalOre).toBeGreaterThan(0);
    await page.getByRole('link', { name: t.service.back }).click();
    await page.getByRole('tab', { name: t.sections.anvandning }).click();
    const row = page.getByTestId('revenue-table').locator('[data-service="svc-bibblix"]');
    await poll(() => row.getByTestId('revenue-amount').textContent()).toBe(formatKr(bibblix.totalOre));
    expect(await page.getByTestId('revenue-total').textContent()).toBe(formatKr(revenue.totalOre));
    expect(await row.getByText(t.pricing.missing).count()).toBe(0);
    const unpricedNames = revenue.services.filter((s) => revenue.unpricedServiceIds.includes(s.serviceId)).map((s) => s.name);
    expect(unpricedNames).not.toContain('Bibblix');
    for (const name of unpricedNames) expect(await page.getByTestId('unpriced-warning').textContent()).toContain(name);

    // One save is one undoable change.
    await page.locator('body').press('Control+z');
    await poll(() => row.getByText(t.pricing.missing).count()).toBe(1);
  });
});

describe('the catalogue', () => {
  it('lists the core’s services and adds one in the dialog; a taken name is refused at the Namn field', async () => {
    const c = core();
    const list = await data(c.call('services/list', { date: TODAY }));
    const page = await openApp('#/tjanster');
    const catalogue = page.getByTestId('service-catalogue');
    await catalogue.waitFor();
    expect(await catalogue.locator('tbody tr').count()).toBe(list.length);
    // «Användare» and the share count the same members (the one users rule): «42 (25 medlemmar)» beside «26,0 % (25 av 96)».
    const adoption = await data(c.call('usage/get-adoption', { date: TODAY }));
    const rows = catalogueRows(list, adoption);
    for (const s of list) {
      const cells = catalogue.locator(`[data-service="${s.id}"] td`);
      const row = rows.find((r) => r.serviceId === s.id);
      expect(await cells.nth(3).textContent()).toBe(row?.users);
      expect(row?.users.startsWith(`${formatNumber(s.userCount)} (`)).toBe(true);
      expect(await cells.nth(4).textContent()).toBe(row?.memberShare);
    }
    const provisum = rows.find((r) => r.name === 'Provisum');
    expect(provisum?.users).toBe('42 (25 medlemmar)');
    expect(provisum?.memberShare.replace(/\s/g, ' ')).toBe('26,0 % (25 av 96)');
    await screenshot(page, 'tjanster-katalog-anvandare');

    await page.getByRole('button', { name: t.catalogue.newService }).click();
    const dialog = page.getByRole('dialog', { name: t.form.createTitle });
    await dialog.getByLabel(t.form.name).fill('bibblix');
    await dialog.getByRole('button', { name: t.form.save }).click();
    await poll(() => dialog.getByText('Det finns redan en tjänst som heter Bibblix.').isVisible()).toBe(true);

    await dialog.getByLabel(t.form.name).fill('Digital signering');
    await dialog.getByLabel(t.form.operator).fill('Sambruk');
    await dialog.getByRole('button', { name: t.form.save }).click();
    await poll(() => page.getByRole('heading', { level: 1, name: 'Digital signering', exact: true }).isVisible()).toBe(true);
    expect(await page.locator('[data-fact="operator"]').textContent()).toBe('Sambruk');
    expect(await page.getByText(t.service.usersEmpty).isVisible()).toBe(true);
  });
});

describe('adoption and revenue', () => {
  it('shows per-service figures, services per member and the three-quarters goal from the core', async () => {
    const c = core();
    const report = await data(c.call('usage/get-adoption', { date: TODAY }));
    const page = await openApp('#/tjanster/anvandning');
    const table = page.getByTestId('adoption-table');
    await table.waitFor();
    for (const s of report.services) {
      const row = table.locator(`[data-service="${s.serviceId}"]`);
      const cells = await row.locator('td').allTextContents();
      expect(cells).toEqual([
        s.name,
        formatNumber(s.users),
        formatNumber(s.memberUsers),
        share(s.memberShare),
        formatNumber(s.municipalities),
        formatNumber(s.populationCovered),
        share(s.populationShare),
      ]);
    }
    const buckets = page.getByTestId('distribution-table');
    for (const b of report.distribution.buckets) {
      const cells = await buckets.locator(`[data-bucket="${b.label}"] td`).allTextContents();
      expect(cells[1]).toBe(formatNumber(b.count));
    }
    const goal = report.threeQuarters!;
    const goalSection = page.getByTestId('goal');
    expect(await goalSection.getByText(t.adoption.goalService(goal.name)).isVisible()).toBe(true);
    expect(await goalSection.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(Math.min(1, goal.memberUsers / goal.required)));
    expect(await page.getByTestId('goal-status').textContent()).toBe(
      goal.reached ? t.adoption.goalReached : t.adoption.goalGap(goal.gap),
    );
    // The chart draws a bar for every bucket, a zero one with no height but with its «0» over it (kept so the
    // chart reads on paper), and each bar's figure from the core.
    const chart = page.getByTestId('distribution-chart');
    await poll(() => chart.locator('.recharts-bar-rectangle').count()).toBe(report.distribution.buckets.length);
    expect(await chart.locator('[data-value-label]').allTextContents()).toEqual(report.distribution.buckets.map((b) => formatNumber(b.count)));
    const drawn = report.distribution.buckets.filter((b) => b.count > 0).length;
    expect(drawn).toBeGreaterThan(0);
    await chart.locator('.recharts-bar-rectangle path').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle path').count()).toBe(drawn);
    await screenshot(page, 'tjanster-anvandning');
    await page.getByTestId('goal').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'tjanster-anvandning-mal');
    await page.getByTestId('revenue-table').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'tjanster-intakter');

    // «Visa i matrisen» on the one-service bucket opens the matrix with that filter.
    await buckets.locator('[data-bucket="1"]').getByRole('link', { name: t.adoption.showInMatrix }).click();
    await grid(page).waitFor();
    const exactlyOne = await matrixOf(c, { quick: 'exactly-one' });
    await poll(() => rowCount(page)).toBe(exactlyOne.rows.length);
  });

  it('shows no «Exportera» where there is no export to Excel: the catalogue, the adoption table; on a service, each one shown downloads its file', async () => {
    const exportButtons = (page: Page) => page.getByRole('button', { name: /Exportera/ }).count();
    const page = await openApp('#/tjanster');
    await page.getByTestId('service-catalogue').waitFor();
    await screenshot(page, 'tjanster-katalog');
    expect(await exportButtons(page)).toBe(0);

    await page.goto(page.url().replace(/#.*$/, '#/tjanster/anvandning'));
    await page.getByTestId('adoption-table').waitFor();
    expect(await exportButtons(page)).toBe(0);

    // A service page exports its «Använder inte» list to Excel, and each reach panel (users, non-users) its
    // addresses as CSV and vCard: every one of them downloads, none is shown for nothing.
    // A contact in Bibblix's business area at a user (Habo) and at the first member the core lists as a non-user,
    // in the app and in the core, so both reach panels have an address to export.
    const c = core();
    const nonUsers = await data(c.call('services/non-users', { serviceId: 'svc-bibblix', date: TODAY, includeNonMembers: false }));
    const nonUser = nonUsers.rows.find((r) => r.organisationId !== null && r.organisationId !== undefined);
    expect(nonUser).toBeDefined();
    const contacts: ChannelInput<'contacts/create'>[] = [
      { organisationId: 'org-kommun-0643', name: 'Anna Andersson', email: 'anna@habo.se', businessAreas: ['kultur-och-delaktighet'] },
      { organisationId: nonUser!.organisationId!, name: 'Nils Nilsson', email: 'nils@example.se', businessAreas: ['kultur-och-delaktighet'] },
    ];
    for (const contact of contacts) await data(c.call('contacts/create', contact));
    await page.evaluate(async (list) => {
      const api = (window as unknown as { api: WindowApi }).api;
      for (const contact of list) {
        const result = (await api.invoke('contacts/create', contact as never)) as { ok: boolean; error?: { message: string } };
        if (!result.ok) throw new Error(result.error?.message);
      }
    }, contacts);
    await page.goto(page.url().replace(/#.*$/, '#/tjanster/svc-bibblix'));
    await page.getByRole('button', { name: t.service.edit }).waitFor();
    const section = page.getByTestId('non-users');
    await poll(() => section.getByTestId('non-users-count').isVisible()).toBe(true);
    const k = sv.kontakter;
    for (const id of ['users-reach', 'non-users-reach']) await poll(() => page.getByTestId(id).getByTestId('reach-summary').textContent()).not.toBe(sv.app.loading);
    const names = (await page.getByRole('button', { name: /Exportera/ }).allTextContents()).map((n) => n.trim());
    expect(names.sort()).toEqual([k.nonUsers.export, k.reach.csv, k.reach.csv, k.reach.vcard, k.reach.vcard].sort());

    const downloads = async (button: ReturnType<Page['getByRole']>, name: RegExp) => {
      await poll(() => button.isEnabled()).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toMatch(name);
      const file = await download.path();
      expect(readFileSync(file).length).toBeGreaterThan(0);
    };
    await downloads(section.getByRole('button', { name: k.nonUsers.export }), /^Använder inte Bibblix.*\.xlsx$/);
    // Each reach panel shows the core's plan, and its CSV and vCard download the addresses.
    const panels = [
      { id: 'users-reach', kind: 'anvander' as const },
      { id: 'non-users-reach', kind: 'anvander-inte' as const },
    ];
    for (const p of panels) {
      const plan = await data(c.call('reach/plan', { source: { criteria: { kind: p.kind, serviceId: 'svc-bibblix', ...(p.kind === 'anvander-inte' ? { includeNonMembers: false } : {}) } }, kind: 'arende', date: TODAY }));
      const panel = page.getByTestId(p.id);
      expect(plan.addresses).toEqual([p.kind === 'anvander' ? 'anna@habo.se' : 'nils@example.se']);
      await poll(() => panel.getByTestId('reach-summary').textContent()).toBe(plan.summary);
      for (const [label, extension] of [
        [k.reach.csv, 'csv'],
        [k.reach.vcard, 'vcf'],
      ] as const) {
        await downloads(panel.getByRole('button', { name: label }), new RegExp(`\\.${extension}$`));
      }
    }
  });
});
