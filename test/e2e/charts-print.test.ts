/**
 * Every chart of the app and of the board pack reads on paper in greyscale (issue 16, point 12): read from the
 * drawn SVG in Chromium, each chart's bar fills are turned to grey and every two must differ by a clear margin
 * or by their pattern (lines by their dash), every axis carries a title, every bar its figure (0 included), and
 * the members chart its goal line. The print layout is also printed to PDF, rasterised in greyscale and looked
 * at (`test-results/screenshots/`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLabel } from '../../electron/core/domain/budget';
import { sv } from '../../renderer/lib/i18n/sv';
import { appUrl, openApp, screenshot, SCREENSHOT_DIR, useBrowser } from './fixture';

const browser = useBrowser();
const TODAY = '2022-06-30';
/** Grey levels (0–255) two plain fills must lie apart to stay apart on a greyscale printer. */
const GREY_MARGIN = 40;
const poppler = existsSync('/usr/bin/pdftoppm');
const BUDGET_2022 = columnLabel({ year: 2022, kind: 'budget' });
const OUTCOME_2021 = columnLabel({ year: 2021, kind: 'utfall' });
const OUTCOME_2022 = columnLabel({ year: 2022, kind: 'utfall' });
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'sambruk-charts-'));
});

afterAll(async () => {
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

type FillAudit = { fill: string; grey: number; pattern: string };
type ChartAudit = {
  id: string;
  axes: { kind: string; title: string }[];
  fills: FillAudit[];
  lines: { grey: number; dash: string }[];
  bars: number;
  valueLabels: number;
  referenceLabels: string[];
};

/** Reads every cartesian chart on the page, as drawn. */
function auditCharts(page: Page): Promise<ChartAudit[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d');
    // The browser parses any CSS colour; the grey is the luma a greyscale printer or copier makes of it.
    const greyOf = (color: string): number => {
      if (!canvas) return 0;
      canvas.fillStyle = '#000000';
      canvas.fillStyle = color;
      canvas.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0] = canvas.getImageData(0, 0, 1, 1).data;
      canvas.clearRect(0, 0, 1, 1);
      return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    };
    const fillAudit = (fill: string) => {
      const ref = /^url\(#(.+)\)$/.exec(fill);
      if (!ref) return { fill, grey: greyOf(fill), pattern: 'solid' };
      const pattern = document.getElementById(ref[1] ?? '');
      const base = pattern?.querySelector('rect')?.getAttribute('fill') ?? '';
      // The pattern's drawing (its lines or dots), without the base colour.
      const marks = [...(pattern?.children ?? [])].filter((c) => c.tagName !== 'rect').map((c) => `${c.tagName}:${c.getAttribute('d') ?? c.getAttribute('r') ?? ''}`);
      return { fill, grey: greyOf(base), pattern: marks.join('|') || 'solid' };
    };
    return [...document.querySelectorAll('svg.recharts-surface')]
      .filter((svg) => svg.querySelector('.recharts-cartesian-axis'))
      .map((svg) => {
        const id = svg.closest('[data-chart]')?.getAttribute('data-chart') ?? svg.closest('[data-testid]')?.getAttribute('data-testid') ?? '?';
        // Recharts draws an axis's title in a layer of its own: the titles of each kind are matched to the axes of
        // that kind in order (x axes, then left and right y axes).
        const axes = (['x', 'y'] as const).flatMap((kind) => {
          const titles = [...svg.querySelectorAll(`.axis-title-${kind}`)].map((t) => t.textContent?.trim() ?? '');
          return [...svg.querySelectorAll(`.recharts-${kind}Axis`)].map((_axis, i) => ({ kind, title: titles[i] ?? '' }));
        });
        const rects = [...svg.querySelectorAll('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')];
        // The bars as drawn, and the legend's swatches (a series of zeros draws no bar but keeps its swatch).
        const swatches = [...(svg.closest('[data-chart]')?.querySelectorAll('li svg rect') ?? [])];
        const fills = [...new Set([...rects, ...swatches].map((r) => r.getAttribute('fill') ?? ''))].map(fillAudit);
        const lines = [...svg.querySelectorAll('path.recharts-line-curve')].map((l) => ({
          grey: greyOf(l.getAttribute('stroke') ?? ''),
          dash: l.getAttribute('stroke-dasharray') ?? '',
        }));
        const labels = new Set([...svg.querySelectorAll('[data-value-label], .recharts-bar .recharts-label-list text, .recharts-label-list text')]);
        return {
          id,
          axes,
          fills,
          lines,
          bars: rects.length,
          valueLabels: labels.size,
          referenceLabels: [...svg.querySelectorAll('.recharts-label:not(.axis-title)')].map((t) => t.textContent ?? ''),
        };
      });
  });
}

/** Every rule of a readable chart, as failures named by chart (an empty list when all hold). */
function problemsOf(charts: readonly ChartAudit[]): string[] {
  const problems: string[] = [];
  for (const chart of charts) {
    for (const axis of chart.axes) if (axis.title === '') problems.push(`${chart.id}: a ${axis.kind} axis has no title`);
    for (const [i, a] of chart.fills.entries()) {
      for (const b of chart.fills.slice(i + 1)) {
        if (a.pattern === b.pattern && Math.abs(a.grey - b.grey) < GREY_MARGIN) {
          problems.push(`${chart.id}: ${a.fill} and ${b.fill} print as greys ${a.grey} and ${b.grey} with the same pattern`);
        }
      }
    }
    for (const [i, a] of chart.lines.entries()) {
      for (const b of chart.lines.slice(i + 1)) {
        if (a.dash === b.dash && Math.abs(a.grey - b.grey) < GREY_MARGIN) problems.push(`${chart.id}: two lines print alike (grey ${a.grey}, ${b.grey})`);
      }
    }
    if (chart.valueLabels < chart.bars) problems.push(`${chart.id}: ${chart.bars} bars but ${chart.valueLabels} figures`);
  }
  return problems;
}

describe('charts on paper', () => {
  it('the board pack print layout: greys apart or patterned, axis titles, figures on bars, the member goal line, no empty networks frame', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(appUrl(`#/styrelserapport/utskrift?datum=${TODAY}`, { clock: TODAY }));
    await page.locator('[data-board-pack-ready="true"]').waitFor();
    const charts = await auditCharts(page);
    // The default data has a 2022 budget but no 2022 outcome or forecast: the pack sets the budget against no other
    // year's outcome, draws no budget chart and says why in its place.
    expect(charts.map((c) => c.id).sort()).toEqual(['coverage', 'distribution', 'members', 'networks', 'shares']);
    const budgetFigure = page.locator('[data-chart="budget"]');
    expect(await budgetFigure.locator('svg.recharts-surface').count()).toBe(0);
    expect(await budgetFigure.getByText(sv.styrelserapport.charts.budgetMissing, { exact: true }).isVisible()).toBe(true);
    expect(problemsOf(charts)).toEqual([]);
    // The case: «Inträden»/«Utträden» were greys 72/71.
    const members = charts.find((c) => c.id === 'members');
    expect(members?.fills).toHaveLength(2);
    expect(members?.referenceLabels).toContain(sv.styrelserapport.charts.goalLine('125'));
    expect(members?.axes.map((a) => a.title)).toEqual([
      sv.styrelserapport.charts.month,
      sv.styrelserapport.charts.membersAxis,
      sv.styrelserapport.charts.changesAxis,
    ]);
    // Every network's bar is 0 in the default data: each still says 0, and the chart says why.
    expect(await page.locator('[data-chart="networks"] [data-value-label]').allTextContents()).toEqual(['0', '0', '0', '0']);
    await expect.poll(() => page.getByTestId('networks-none').textContent()).toBe(sv.styrelserapport.charts.networksNone(TODAY));

    if (!poppler) return;
    const file = path.join(tempDir, 'styrelserapport.pdf');
    // Print media first, and a drawn frame after it, so what draws itself for print has done so before the PDF
    // is taken (on a busy machine the PDF could otherwise catch the page half drawn).
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await writeFile(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages, 'the board pack printed fewer pages than the pages looked at').toBeGreaterThanOrEqual(7);
    for (const n of [3, 5, 7]) {
      const prefix = path.join(tempDir, `gra-${n}`);
      execFileSync('pdftoppm', ['-png', '-gray', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', file, prefix]);
      await copyFile(`${prefix}.png`, path.join(SCREENSHOT_DIR, `styrelserapport-gra-${n}.png`));
    }
  });

  it('the board pack’s budget chart, once the year has an outcome: the year’s budget against it, series apart in grey', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    // An outcome for 2022, entered the way the user does (the web build's register lives in the page).
    await openApp(page, '#/budget', { clock: TODAY, heading: sv.budget.title, dismissLoadReport: true });
    await page.getByRole('button', { name: sv.budget.addColumn }).click();
    const dialog = page.getByRole('dialog', { name: sv.budget.dialog.addColumnTitle });
    await dialog.getByRole('textbox', { name: sv.budget.dialog.year }).fill('2022');
    await dialog.getByRole('radio', { name: sv.budget.kinds.utfall }).check();
    await dialog.getByRole('combobox', { name: sv.budget.dialog.copyFrom }).click();
    await page.getByRole('option', { name: OUTCOME_2021, exact: true }).click();
    await dialog.getByRole('button', { name: sv.budget.dialog.add }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByRole('grid').locator('thead th').allTextContents()).toContain(OUTCOME_2022);

    await page.evaluate((route) => {
      window.location.hash = route;
    }, `#/styrelserapport/utskrift?datum=${TODAY}`);
    await page.locator('[data-board-pack-ready="true"]').waitFor();
    const charts = await auditCharts(page);
    expect(charts.map((c) => c.id).sort()).toEqual(['budget', 'coverage', 'distribution', 'members', 'networks', 'shares']);
    expect(problemsOf(charts)).toEqual([]);
    const budgetFigure = page.locator('[data-chart="budget"]');
    expect(await budgetFigure.getByRole('heading').textContent()).toBe(`${BUDGET_2022} mot ${OUTCOME_2022}`);
    expect(await budgetFigure.getByText(sv.styrelserapport.charts.budgetMissing, { exact: true }).count()).toBe(0);
    // The case: the budget's two series were greys 89 and 97.
    const budget = charts.find((c) => c.id === 'budget');
    expect(budget?.fills).toHaveLength(2);
    expect(budget?.valueLabels).toBeGreaterThanOrEqual(budget?.bars ?? Infinity);
    await budgetFigure.scrollIntoViewIfNeeded();
    await budgetFigure.screenshot({ path: path.join(SCREENSHOT_DIR, 'styrelserapport-budget-mot-utfall.png'), animations: 'disabled' });
  });

  it('the screens: Budget, Tjänster and a service read the same way', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    const seen: ChartAudit[] = [];
    for (const [route, name] of [
      ['#/budget', 'budget'],
      ['#/tjanster/anvandning', 'tjanster-anvandning'],
      ['#/tjanster/svc-bibblix', 'tjanst'],
    ] as const) {
      await openApp(page, route, { clock: TODAY });
      await page.locator('main#innehall [data-ready="true"]').first().waitFor();
      // Charts below the fold are drawn as they come near the view: bring each to it before reading them all.
      for (const frame of await page.locator('[data-drawn]').all()) {
        await frame.scrollIntoViewIfNeeded();
        await expect.poll(() => frame.getAttribute('data-drawn')).toBe('true');
      }
      await page.locator('svg.recharts-surface .recharts-cartesian-axis').first().waitFor({ state: 'attached' });
      // A chart drawn from data: its bars or line are in place before it is read.
      await page.locator('.recharts-bar-rectangle, .recharts-line-curve').first().waitFor({ state: 'attached' });
      const charts = await auditCharts(page);
      expect(charts.length, route).toBeGreaterThan(0);
      expect(problemsOf(charts), route).toEqual([]);
      seen.push(...charts);
      await page.locator('svg.recharts-surface').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, `diagram-${name}`);
    }
    expect(seen.find((c) => c.id === 'users-chart')?.axes.map((a) => a.title)).toEqual([sv.tjanster.service.chartTimeAxis, sv.tjanster.service.chartSeries]);
    expect(seen.find((c) => c.id === 'distribution-chart')?.valueLabels).toBeGreaterThanOrEqual(4);
    // The budget screen's grouped bars are patterned, not only coloured.
    expect(seen.find((c) => c.id === 'budget-mot-utfall')?.fills.some((f) => f.pattern !== 'solid')).toBe(true);
  });
});
