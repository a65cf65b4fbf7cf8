/**
 * The Budget screen over the web build: the income statement, editing as an accountant types, the charts
 * and what the register says. Every expected figure comes from the core's own functions over the shipped
 * default register, never from a number written here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatOre, parseAmount } from '../../electron/core/domain/amounts';
import { budgetTable, columnLabel, columnTotals, setLeafAmount } from '../../electron/core/domain/budget';
import {
  axisScale,
  incomeMakeUpOverColumns,
  resultOverYearsChart,
} from '../../electron/core/domain/budget-charts';
import { registerComparison } from '../../electron/core/handlers/budget.handlers';
import { fieldLabel } from '../../electron/core/i18n/validation-messages';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import type { Budget, BudgetColumn, SambrukDocument } from '../../electron/core/store/schema';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, screenshot, useBrowser } from './fixture';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2022-06-30';
const t = sv.budget;

function defaultDocument(): SambrukDocument {
  return parseDocumentText(readFileSync(path.join(projectRoot, 'assets/default-data.json'), 'utf8'));
}
const doc = defaultDocument();

function column(budget: Budget, year: number, kind: BudgetColumn['kind']): BudgetColumn {
  const found = budget.columns.find((c) => c.year === year && c.kind === kind);
  if (!found) throw new Error(`default data: no ${kind} ${year}`);
  return found;
}
const lineId = (name: string) => {
  const line = doc.budget.lines.find((l) => l.name === name);
  if (!line) throw new Error(`default data: no line ${name}`);
  return line.id;
};

const budget2022 = column(doc.budget, 2022, 'budget');
const outcome2021 = column(doc.budget, 2021, 'utfall');
const BUDGET_2022 = columnLabel(budget2022);
const MEMBERS = lineId('Medlemsavgifter');
const NET = lineId('Nettoomsättning');
const STAFF = lineId('Personalkostnader');

const browser = useBrowser();

async function openBudget(): Promise<Page> {
  const page = await openApp(await browser.newPage(), '#/budget', { clock: TODAY, heading: t.title });
  await page.getByRole('grid', { name: t.tableHeading }).waitFor();
  // The load report belongs to the shell; it only takes room from the screenshots.
  await page.getByRole('button', { name: sv.loadReport.dismiss }).click();
  return page;
}

const grid = (page: Page) => page.getByRole('grid', { name: t.tableHeading });
const cell = (page: Page, line: string, columnId: string) => page.locator(`[data-cell="${line}|${columnId}"]`);
const amountIn = (page: Page, line: string, columnId: string) => cell(page, line, columnId).locator('[data-amount]');
const chart = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`);
/** The text of a row of a chart's table alternative (visible or not: it is there for screen readers). */
const chartTableRow = (page: Page, id: string, header: string) =>
  chart(page, id).locator('[data-chart-table] tbody tr').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });

/** A chart scrolled into view, once its picture is drawn (a chart's drawing waits until it comes near the view). */
async function drawnChart(page: Page, id: string): Promise<Locator> {
  const figure = chart(page, id);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('[data-chart-drawing][data-drawn="true"] svg.recharts-surface').first().waitFor();
  return figure;
}

async function cellTexts(row: Locator): Promise<string[]> {
  return row.locator('td').allTextContents();
}

/** Types into a cell the way the user does: select it, Enter, type, then the given key. */
async function typeInCell(page: Page, line: string, columnId: string, text: string, key: 'Enter' | 'Tab' = 'Enter') {
  await cell(page, line, columnId).click();
  await page.keyboard.press('Enter');
  const input = cell(page, line, columnId).getByRole('textbox');
  await input.waitFor();
  await input.fill(text);
  await page.keyboard.press(key);
}

describe('the income statement', () => {
  it('shows every line and column with totals computed by the core, and says where the plan’s totals differ', async () => {
    const page = await openBudget();
    const expected = budgetTable(doc.budget);

    const headers = await page.getByRole('grid').locator('thead th').allTextContents();
    expect(headers).toEqual([t.lineColumn, ...expected.columns.map((c) => c.label)]);
    for (const section of expected.sections) {
      for (const row of section.rows) {
        expect(await page.locator(`tr[data-row="${row.lineId}"] th`).textContent()).toBe(row.name);
        for (const c of row.cells) expect(await amountIn(page, row.lineId, c.columnId).textContent()).toBe(formatOre(c.amountOre));
      }
    }
    for (const total of [...expected.sections.map((s) => s.total), expected.result]) {
      const row = page.locator(`tr[data-row="total-${total.key}"]`);
      expect(await row.locator('th').textContent()).toBe(total.label);
      for (const c of total.cells) expect(await amountIn(page, `total-${total.key}`, c.columnId).textContent()).toBe(formatOre(c.amountOre));
      // Computed, never typed: the cell is read-only and Enter only explains why.
      expect(await cell(page, `total-${total.key}`, total.cells[0]!.columnId).getAttribute('aria-readonly')).toBe('true');
    }

    // The plan prints 96 818 kr as the 2022 result; its lines give 96 817 kr. Both are shown, with an icon and words.
    const result2022 = expected.result.cells.find((c) => c.columnId === budget2022.id);
    expect(result2022?.stated?.differs).toBe(true);
    const stated = cell(page, 'total-result', budget2022.id).getByTestId('stated-total');
    expect(await stated.textContent()).toBe(t.statedLabel(formatOre(result2022!.stated!.statedOre)));
    expect(await stated.locator('svg').count()).toBe(1);
    const warnings = page.getByTestId('budget-warnings');
    expect(expected.warnings.length).toBeGreaterThan(0);
    for (const w of expected.warnings) expect(await warnings.getByText(w.message, { exact: true }).isVisible()).toBe(true);

    await screenshot(page, 'budget-tabell');
  });

  it('accepts the plan’s one-krona difference: the note says when, the button goes, Ctrl+Z brings it back', async () => {
    const page = await openBudget();
    const warnings = page.getByTestId('budget-warnings');
    const label = `${budgetTable(doc.budget).result.label}, ${BUDGET_2022}`;
    const accept = warnings.getByRole('button', { name: t.acceptDifferenceLabel(label) });
    await accept.click();
    await warnings.getByText(/Skillnaden godtogs 2022-06-30/).waitFor();
    expect(await accept.count()).toBe(0);
    await screenshot(page, 'budget-skillnad-godtagen');
    await page.keyboard.press('Control+z');
    await accept.waitFor();
    expect(await warnings.getByText(/Skillnaden godtogs/).count()).toBe(0);
  });

  it('saves an amount typed as «1 234 567»; totals, charts and the register comparison follow; Ctrl+Z undoes', async () => {
    const page = await openBudget();
    const typed = '1 234 567';
    const parsed = parseAmount(typed);
    if (!parsed.ok) throw new Error('fixture');
    const after = structuredClone(doc.budget);
    setLeafAmount(after, budget2022.id, MEMBERS, parsed.ore);
    const expectedTotals = columnTotals(after, column(after, 2022, 'budget'));
    const beforeTotals = columnTotals(doc.budget, budget2022);
    expect(expectedTotals.resultOre).not.toBe(beforeTotals.resultOre);

    const incomeRowBefore = await cellTexts(chartTableRow(page, 'intakternas-fordelning', BUDGET_2022));
    await typeInCell(page, MEMBERS, budget2022.id, typed);

    await expect.poll(() => amountIn(page, MEMBERS, budget2022.id).textContent()).toBe(formatOre(parsed.ore));
    expect(await amountIn(page, MEMBERS, budget2022.id).textContent()).toBe(formatOre(123_456_700));
    expect(await amountIn(page, 'total-sum-income', budget2022.id).textContent()).toBe(formatOre(expectedTotals.incomeOre));
    expect(await amountIn(page, 'total-result', budget2022.id).textContent()).toBe(formatOre(expectedTotals.resultOre));
    // Focus stays on the cell after Enter, out of the editor.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(`${MEMBERS}|${budget2022.id}`);

    // The income chart's table alternative now holds the new amount, as the core's chart model gives it.
    const income = incomeMakeUpOverColumns(budgetTable(after));
    const expectedRow = income.table.rows.find((r) => r.header === BUDGET_2022);
    const rowAfter = await cellTexts(chartTableRow(page, 'intakternas-fordelning', BUDGET_2022));
    expect(rowAfter).toEqual(expectedRow?.cells);
    expect(rowAfter).not.toEqual(incomeRowBefore);
    const resultChart = resultOverYearsChart(budgetTable(after));
    expect(await cellTexts(chartTableRow(page, 'resultat-over-aren', '2022'))).toEqual(resultChart.table.rows.find((r) => r.header === '2022')?.cells);
    // «Visa som tabell» shows that same table.
    await chart(page, 'intakternas-fordelning').getByRole('button', { name: t.charts.showTable }).click();
    expect(await chart(page, 'intakternas-fordelning').getByRole('table').getByRole('cell', { name: formatOre(parsed.ore), exact: true }).isVisible()).toBe(true);

    // What the register says compares with the new budget figure.
    const register = page.locator('[data-register="membership-fees"]');
    await expect.poll(() => register.locator('[data-figure="budget"]').textContent()).toBe(formatOre(parsed.ore));

    // Tab saves and moves to the next amount that can be typed in.
    await typeInCell(page, STAFF, outcome2021.id, '-3 100 000', 'Tab');
    await expect.poll(() => amountIn(page, STAFF, outcome2021.id).textContent()).toBe(formatOre(-310_000_000));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(`${STAFF}|${budget2022.id}`);

    await page.locator('body').press('Control+z');
    await expect.poll(() => amountIn(page, STAFF, outcome2021.id).textContent()).toBe(formatOre(column(doc.budget, 2021, 'utfall').amounts[STAFF] ?? 0));
    await page.locator('body').press('Control+z');
    await expect.poll(() => amountIn(page, 'total-result', budget2022.id).textContent()).toBe(formatOre(beforeTotals.resultOre));
    expect(await amountIn(page, MEMBERS, budget2022.id).textContent()).toBe(formatOre(budget2022.amounts[MEMBERS] ?? 0));
  });

  it('refuses «12,34,5» with the core’s Swedish message beside the cell and keeps the text for correction', async () => {
    const page = await openBudget();
    const refusal = parseAmount('12,34,5');
    if (refusal.ok) throw new Error('fixture: 12,34,5 must be refused');
    const message = `${fieldLabel(['amount'])}: ${refusal.message}`;

    await typeInCell(page, NET, budget2022.id, '12,34,5');
    const target = cell(page, NET, budget2022.id);
    const alert = target.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe(message);
    const input = target.getByRole('textbox');
    expect(await input.inputValue()).toBe('12,34,5');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    // The message is tied to the field for screen readers.
    expect(await input.getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
    await screenshot(page, 'budget-fel-belopp');

    // Corrected in place, it saves.
    await input.fill('12,34');
    await page.keyboard.press('Enter');
    await expect.poll(() => amountIn(page, NET, budget2022.id).textContent()).toBe(formatOre(1_234));
    // Esc while editing leaves the figure as it was.
    await cell(page, NET, budget2022.id).click();
    await page.keyboard.press('Enter');
    await target.getByRole('textbox').fill('999');
    await page.keyboard.press('Escape');
    expect(await target.getByRole('textbox').count()).toBe(0);
    expect(await amountIn(page, NET, budget2022.id).textContent()).toBe(formatOre(1_234));
  });
});

describe('the keyboard alone', () => {
  it('reaches the table with Tab, moves with the arrows, types straight into a cell and opens a line’s menu', async () => {
    const page = await openBudget();
    const OTHER = lineId('Övriga intäkter');
    // From the Excel export button (the last control above the table), one Tab reaches the table.
    await page.getByRole('button', { name: /Exportera/ }).focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? document.activeElement?.getAttribute('data-pos'));
    expect(await focused()).toBe(`${MEMBERS}|${outcome2021.id}`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(`${OTHER}|${budget2022.id}`);

    await page.keyboard.type('2500');
    expect(await cell(page, OTHER, budget2022.id).getByRole('textbox').inputValue()).toBe('2500');
    await page.keyboard.press('Enter');
    await expect.poll(() => amountIn(page, OTHER, budget2022.id).textContent()).toBe(formatOre(250_000));
    expect(await focused()).toBe(`${OTHER}|${budget2022.id}`);

    // Down into the sum: read-only, and Enter says why instead of opening an editor.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await cell(page, 'total-sum-income', budget2022.id).getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: t.computedTotal('Summa intäkter') }).count()).toBe(1);

    // Home goes to the line's name; Enter there opens the line's menu.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    expect(await focused()).toBe(`${OTHER}:0`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('menuitem', { name: t.addSubLine }).isVisible()).toBe(true);
    // Focus is in the menu, on its first item, and goes back to the line's name when it closes.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('data-pos'))).toBe(`${OTHER}:0`);
    // The menu opens again, and a column's menu opens from its header the same way.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('menuitem', { name: t.addSubLine }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('menuitem', { name: t.removeColumn }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
  });
});

describe('adding and changing lines and columns', () => {
  it('adds a year with a column copied from another, and the charts take it in', async () => {
    const page = await openBudget();
    await page.getByRole('button', { name: t.addColumn }).click();
    const dialog = page.getByRole('dialog', { name: t.dialog.addColumnTitle });
    await dialog.getByRole('textbox', { name: t.dialog.year }).fill('2023');
    await dialog.getByRole('radio', { name: t.kinds.budget }).check();
    await dialog.getByRole('combobox', { name: t.dialog.copyFrom }).click();
    await page.getByRole('option', { name: BUDGET_2022, exact: true }).click();
    await screenshot(page, 'budget-ny-kolumn');
    await dialog.getByRole('button', { name: t.dialog.add }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const headers = page.getByRole('grid').locator('thead th');
    await expect.poll(() => headers.allTextContents()).toEqual([t.lineColumn, columnLabel(outcome2021), BUDGET_2022, columnLabel({ year: 2023, kind: 'budget' })]);
    const copied = columnTotals(doc.budget, budget2022);
    const newColumnId = await page.getByRole('grid').locator('thead th[data-column]').last().getAttribute('data-column');
    expect(await amountIn(page, 'total-result', newColumnId ?? '').textContent()).toBe(formatOre(copied.resultOre));
    expect(await cellTexts(chartTableRow(page, 'resultat-over-aren', '2023'))).toContain(formatOre(copied.resultOre));
    await screenshot(page, 'budget-tabell-tre-kolumner');

    // A second Budget 2023 is refused by the core, in Swedish, under the year.
    await page.getByRole('button', { name: t.addColumn }).click();
    await dialog.getByRole('textbox', { name: t.dialog.year }).fill('2023');
    await dialog.getByRole('radio', { name: t.kinds.budget }).check();
    await dialog.getByRole('button', { name: t.dialog.add }).click();
    await expect.poll(() => dialog.getByText('Det finns redan en kolumn Budget 2023.').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: sv.app.cancel }).click();
  });

  it('adds a sub-line that takes over its line’s amounts, collapses it, renames and removes it', async () => {
    const page = await openBudget();
    const resultBefore = await amountIn(page, 'total-result', budget2022.id).textContent();
    await page.getByRole('button', { name: t.rowActions('Nettoomsättning') }).click();
    await page.getByRole('menuitem', { name: t.addSubLine }).click();
    const dialog = page.getByRole('dialog', { name: t.dialog.addSubLineTitle('Nettoomsättning') });
    await dialog.getByRole('textbox', { name: t.dialog.name }).fill('Bibblix');
    await dialog.getByRole('button', { name: t.dialog.add }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const sub = page.locator('tr[data-row-type="line"]').filter({ has: page.getByRole('rowheader', { name: 'Bibblix', exact: true }) });
    await expect.poll(() => sub.count()).toBe(1);
    const subId = await sub.getAttribute('data-row');
    // The sub-line carries the amount, the line shows the sum, no total moves.
    expect(await amountIn(page, subId ?? '', budget2022.id).textContent()).toBe(formatOre(budget2022.amounts[NET] ?? 0));
    expect(await cell(page, NET, budget2022.id).getAttribute('aria-readonly')).toBe('true');
    expect(await amountIn(page, 'total-result', budget2022.id).textContent()).toBe(resultBefore);
    const indent = await sub.locator('th > div').evaluate((el) => getComputedStyle(el).paddingLeft);
    expect(parseFloat(indent)).toBeGreaterThan(0);

    await page.getByRole('button', { name: t.collapse('Nettoomsättning') }).click();
    await expect.poll(() => sub.count()).toBe(0);
    await page.getByRole('button', { name: t.expand('Nettoomsättning') }).click();
    await expect.poll(() => sub.count()).toBe(1);

    await page.getByRole('button', { name: t.rowActions('Bibblix') }).click();
    await page.getByRole('menuitem', { name: t.rename }).click();
    const rename = page.getByRole('dialog', { name: t.dialog.renameTitle('Bibblix') });
    await rename.getByRole('textbox', { name: t.dialog.name }).fill('Bibblix-avgifter');
    await rename.getByRole('button', { name: t.dialog.save }).click();
    await expect.poll(() => grid(page).getByRole('rowheader', { name: 'Bibblix-avgifter' }).count()).toBe(1);

    await page.getByRole('button', { name: t.rowActions('Bibblix-avgifter') }).click();
    await page.getByRole('menuitem', { name: t.removeLine }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: t.dialog.remove }).click();
    await expect.poll(() => grid(page).getByRole('rowheader', { name: 'Bibblix-avgifter' }).count()).toBe(0);
    // The amount went back to its line, which takes typing again.
    expect(await amountIn(page, NET, budget2022.id).textContent()).toBe(formatOre(budget2022.amounts[NET] ?? 0));
    expect(await cell(page, NET, budget2022.id).getAttribute('aria-readonly')).toBe('false');
  });
});

describe('the charts', () => {
  // The plan has no outcome for 2022: Utfall 2021 stands beside Budget 2022 as a reference, with no variance chart.
  const charts = ['budget-mot-utfall', 'intakternas-fordelning', 'resultat-over-aren', 'registret'] as const;

  it('draws every chart with whole axis labels, the core’s ticks, and a screenshot of each', async () => {
    const page = await openBudget();
    const grouped = axisScale(
      budgetTable(doc.budget)
        .sections.flatMap((s) => s.rows.filter((r) => r.depth === 0))
        .flatMap((r) => r.cells.filter((c) => c.columnId === budget2022.id || c.columnId === outcome2021.id).map((c) => c.amountOre)),
    );
    // Amount ticks are end-anchored (left of the axis); category names are centred under their band.
    const groupedTicks = await (await drawnChart(page, 'budget-mot-utfall')).locator('svg.recharts-surface text[text-anchor="end"]').allTextContents();
    expect(groupedTicks).toEqual(grouped.tickLabels);
    expect(grouped.tickLabels.some((l) => l.includes('mnkr'))).toBe(true);
    expect(await page.getByTestId('budget-variance-note').textContent()).toBe(t.charts.crossYear(BUDGET_2022, columnLabel(outcome2021)));
    expect(await chart(page, 'avvikelse').count()).toBe(0);

    for (const id of charts) {
      const figure = await drawnChart(page, id);
      const problems = await figure.evaluate((el) => {
        const svg = el.querySelector('[data-chart-drawing] svg.recharts-surface');
        if (!svg) return ['no chart drawn'];
        const box = svg.getBoundingClientRect();
        const out: string[] = [];
        const ticks = [...svg.querySelectorAll('text')];
        if (svg.querySelectorAll('text[text-anchor="end"]').length < 2) out.push('no amount ticks');
        for (const tick of ticks) {
          const r = tick.getBoundingClientRect();
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
            out.push(`cut off: ${tick.textContent}`);
          }
        }
        // Category names are the centred texts that are neither a bar's figure nor the axis title (both centred too):
        // side by side on one row, none may reach into the next.
        const xTicks = [...svg.querySelectorAll('text[text-anchor="middle"]:not([data-value-label]):not(.axis-title)')]
          .map((n) => n.getBoundingClientRect())
          .sort((a, b) => a.left - b.left);
        if (xTicks.length === 0) out.push('no category labels');
        for (let i = 1; i < xTicks.length; i += 1) {
          if (xTicks[i]!.left < xTicks[i - 1]!.right) out.push(`x labels ${i - 1} and ${i} overlap`);
        }
        // No two texts of the drawing cover each other: bar figures, category names, ticks and axis titles.
        const boxes = ticks.map((n) => ({ text: n.textContent ?? '', r: n.getBoundingClientRect() })).filter((b) => b.r.width > 0 && b.r.height > 0);
        for (let i = 0; i < boxes.length; i += 1) {
          for (let j = i + 1; j < boxes.length; j += 1) {
            const a = boxes[i]!.r;
            const b = boxes[j]!.r;
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
              out.push(`texts overlap: ${boxes[i]!.text} / ${boxes[j]!.text}`);
            }
          }
        }
        return out;
      });
      expect(problems, id).toEqual([]);
      await figure.screenshot({ path: path.join(projectRoot, 'test-results', 'screenshots', `budget-diagram-${id}.png`), animations: 'disabled' });
    }
  });

  it('draws a chart below the fold once scrolled near it, with heading, legend and data table from the first paint', async () => {
    const page = await openBudget();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('main [data-ready="true"]').waitFor();
    await screenshot(page, 'budget-1366x768-overst');
    const register = chart(page, 'registret');
    // The register's figures come without scrolling, once the screen is painted.
    await register.waitFor();
    expect(await page.locator('[aria-labelledby="budget-registret"] > [aria-busy]').getAttribute('aria-busy')).toBe('false');
    const picture = register.locator('[data-chart-drawing]');
    expect(await picture.getAttribute('data-drawn')).toBe('false');
    expect(await register.locator('svg.recharts-surface').count()).toBe(0);
    // It keeps its room, so nothing moves when it is drawn; screen readers lose nothing meanwhile.
    expect(await picture.evaluate((el) => el.getBoundingClientRect().height)).toBe(300);
    expect(await picture.getAttribute('aria-label')).toBe(t.charts.chartLabel(await register.locator('h3').innerText()));
    expect(await register.locator('[data-chart-table] caption').count()).toBe(1);
    expect(await register.locator('ul li').count()).toBeGreaterThanOrEqual(2);

    // A typed amount reaches the chart's table but draws no picture that is not in view.
    const parsed = parseAmount('2 345 678');
    if (!parsed.ok) throw new Error('fixture');
    await typeInCell(page, MEMBERS, budget2022.id, '2 345 678');
    await expect.poll(() => register.locator('[data-chart-table] tbody tr').first().locator('td').last().textContent()).toBe(formatOre(parsed.ore));
    expect(await register.locator('svg.recharts-surface').count()).toBe(0);

    await register.scrollIntoViewIfNeeded();
    await expect.poll(() => register.locator('svg.recharts-surface').count()).toBe(1);
    expect(await picture.getAttribute('data-drawn')).toBe('true');
    expect(await picture.evaluate((el) => el.getBoundingClientRect().height)).toBe(300);
    // Only the screen's own pane scrolls, as with the mouse wheel (scrollIntoView would move the shell too).
    await page.getByRole('heading', { level: 2, name: t.charts.heading }).evaluate((el) => {
      const pane = el.closest('main');
      pane?.scrollBy(0, el.getBoundingClientRect().top - pane.getBoundingClientRect().top);
    });
    await drawnChart(page, 'budget-mot-utfall');
    await screenshot(page, 'budget-1366x768-diagram');
  });

  it('draws every chart at once when the page is printed', async () => {
    const page = await openBudget();
    await page.locator('main [data-ready="true"]').waitFor();
    await chart(page, 'registret').waitFor();
    expect(await page.locator('[data-chart-drawing][data-drawn="false"]').count()).toBeGreaterThan(0);
    // `beforeprint` is the browser's last word before it lays out the pages: the charts must be there when it returns.
    const drawn = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      return [...document.querySelectorAll('[data-chart-drawing]')].map((el) => el.querySelector('svg.recharts-surface') !== null);
    });
    expect(drawn).toEqual(charts.map(() => true));
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  });

  it('keeps the series apart in greyscale', async () => {
    const page = await openBudget();
    await page.evaluate(() => {
      document.documentElement.style.filter = 'grayscale(1)';
    });
    const figure = await drawnChart(page, 'intakternas-fordelning');
    const png = await figure.screenshot({ path: path.join(projectRoot, 'test-results', 'screenshots', 'budget-diagram-grayscale.png'), animations: 'disabled' });
    const box = await figure.boundingBox();
    const swatches = await figure.locator('ul svg rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
    expect(swatches.length).toBeGreaterThanOrEqual(3);
    const levels = await meanGreyLevels(page, png, swatches.map((s) => ({ x: s.x - (box?.x ?? 0), y: s.y - (box?.y ?? 0), width: s.width, height: s.height })));
    // Mean grey of each legend swatch (fill and pattern together), 0–255: neighbours at least 40 apart.
    const sorted = [...levels].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]! - sorted[i - 1]!, `grey levels ${levels.join(', ')}`).toBeGreaterThanOrEqual(40);
    await page.getByRole('heading', { level: 2, name: t.charts.heading }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'budget-diagram-grayscale-sida');
    await page.evaluate(() => {
      document.documentElement.style.filter = '';
    });
  });

  it('prints the page without the shell, charts whole and their tables visible', async () => {
    const page = await openBudget();
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: t.addColumn }).isVisible()).toBe(false);
    for (const id of charts) {
      const figure = chart(page, id);
      expect(await figure.isVisible()).toBe(true);
      expect(await figure.locator('[data-chart-table]').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(20);
      const fits = await figure.evaluate((el) => {
        const svg = el.querySelector('svg.recharts-surface');
        return svg ? svg.getBoundingClientRect().right <= el.getBoundingClientRect().right + 0.5 : false;
      });
      expect(fits, id).toBe(true);
    }
    await screenshot(page, 'budget-utskrift');
    // The real print path (no resize events): A4, charts scaled by the print stylesheet.
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: path.join(projectRoot, 'test-results', 'budget-utskrift.pdf') });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('what the register says', () => {
  it('sets the register’s membership fees and service revenue against the budget, in the core’s words', async () => {
    const page = await openBudget();
    const expected = registerComparison(doc, 2022);
    for (const row of expected.rows) {
      const card = page.locator(`[data-register="${row.source}"]`);
      await card.scrollIntoViewIfNeeded();
      await expect.poll(() => card.locator('[data-figure="register"]').textContent()).toBe(formatOre(row.registerOre));
      expect(await card.locator('[data-figure="budget"]').textContent()).toBe(formatOre(row.budget?.amountOre ?? NaN));
      expect(await card.getByTestId('register-explanation').textContent()).toBe(row.explanation);
      expect(await card.locator('li').allTextContents()).toEqual(row.reasons);
    }
    const table = chart(page, 'registret').locator('[data-chart-table] tbody tr');
    expect(await table.first().locator('td').allTextContents()).toEqual([formatOre(expected.rows[0]!.registerOre), formatOre(expected.rows[0]!.budget!.amountOre)]);
    await screenshot(page, 'budget-registret');

    // Another year: 2021 has an outcome and no budget.
    const y2021 = registerComparison(doc, 2021);
    await page.getByRole('combobox', { name: t.register.year }).click();
    await page.getByRole('option', { name: '2021', exact: true }).click();
    const members = page.locator('[data-register="membership-fees"]');
    await expect.poll(() => members.getByTestId('register-explanation').textContent()).toBe(y2021.rows[0]!.explanation);
    expect(await members.locator('[data-figure="outcome"]').textContent()).toBe(formatOre(y2021.rows[0]!.outcome!.amountOre));
  });
});

/** Mean grey level (0–255) of each rectangle of a PNG, decoded in the page (no image library needed here). */
async function meanGreyLevels(page: Page, png: Buffer, rects: { x: number; y: number; width: number; height: number }[]): Promise<number[]> {
  return page.evaluate(
    async ({ data, rects }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return [];
      ctx.drawImage(img, 0, 0);
      return rects.map((r) => {
        // Inside the outline: skip a 2 px border.
        const pixels = ctx.getImageData(Math.round(r.x) + 2, Math.round(r.y) + 2, Math.max(1, Math.round(r.width) - 4), Math.max(1, Math.round(r.height) - 4)).data;
        let sum = 0;
        for (let i = 0; i < pixels.length; i += 4) sum += (pixels[i]! + pixels[i + 1]! + pixels[i + 2]!) / 3;
        return sum / (pixels.length / 4);
      });
    },
    { data: png.toString('base64'), rects },
  );
}
