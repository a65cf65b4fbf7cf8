/**
 * Styrelserapport end to end over the web build: the goals with their figures and statuses, clicking through a
 * goal to the members or networks behind it, editing a goal, the Excel export, and a board pack made, saved
 * as a snapshot and printed to an A4 PDF by Chromium from the print layout (checked with poppler's pdftotext,
 * and pictured with pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardPack, type BoardPackContent } from '../../electron/core/domain/board-pack';
import { formatGoalFigure, formatTarget, goalStatusText } from '../../electron/core/domain/goals';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp as openScreen, screenshot, SCREENSHOT_DIR, useBrowser } from './fixture';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2022-06-30';
const t = sv.styrelserapport;
const doc = parseDocumentText(readFileSync(path.join(projectRoot, 'assets/default-data.json'), 'utf8'));
const expected: BoardPackContent = buildBoardPack(doc, TODAY, { generatedAt: `${TODAY}T10:00:00.000Z` });
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdfinfo');

const browser = useBrowser();
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'sambruk-styrelserapport-'));
});

afterAll(async () => {
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

async function openApp(hash: string) {
  const page = await browser.newPage();
  // The web build has no print dialog to answer in a test: record the call instead.
  await page.addInitScript(() => {
    const w = window as unknown as { __printed: number; print: () => void };
    w.__printed = 0;
    w.print = () => {
      w.__printed += 1;
    };
  });
  return openScreen(page, hash, { clock: TODAY });
}

const goalRow = (page: Page, goalId: string) => page.locator(`main tr[data-goal="${goalId}"]`);
const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(
    ([c, i]) => (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; data?: unknown }> } }).api.invoke(c as string, i),
    [channel, input] as const,
  );

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
}

describe('the Styrelserapport screen', () => {
  it('shows every goal with its value, target and status in words, computed by the core for the meeting date', async () => {
    const page = await openApp('#/styrelserapport');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: t.title }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(t.subtitle('30 juni 2022')).isVisible()).toBe(true);
    expect(expected.goals.length).toBeGreaterThan(0);
    for (const goal of expected.goals) {
      const row = goalRow(page, goal.goalId);
      await expect.poll(() => row.getByTestId('goal-value').textContent()).toBe(formatGoalFigure(goal.value, goal.unit));
      expect(await row.textContent()).toContain(formatTarget(goal, goal.unit));
      // Status as words beside the icon, not colour alone.
      expect(await row.locator(`[data-status="${goal.status}"]`).textContent()).toBe(goalStatusText(goal));
    }
    for (const id of ['members', 'distribution', 'shares', 'networks', 'population', 'coverage', 'budget']) {
      expect(await page.locator(`main figure[data-chart="${id}"]`).count()).toBe(1);
    }
    expect(await page.getByTestId('population-share').textContent()).toBe(
      new Intl.NumberFormat('sv-SE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(expected.population.share ?? NaN),
    );
    await screenshot(page, 'styrelserapport');

    // Another meeting date: the figures follow.
    await page.getByLabel(t.meetingDate).fill('2022-01-01');
    await expect.poll(() => page.getByText(t.subtitle('1 januari 2022')).isVisible()).toBe(true);
    await page.getByLabel(t.meetingDate).fill('2022-13-01');
    await expect.poll(() => page.getByText(t.badDate).isVisible()).toBe(true);
  });

  it('draws a chart below the fold once scrolled near it, its heading and data table there from the start', async () => {
    const page = await openApp('#/styrelserapport');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('main [data-ready="true"]').waitFor();
    const coverage = page.locator('main figure[data-chart="coverage"]');
    const picture = coverage.locator('[role="img"]');
    expect(await picture.getAttribute('data-drawn')).toBe('false');
    expect(await coverage.locator('svg.recharts-surface').count()).toBe(0);
    // Screen readers lose nothing: the figure's name and its numbers as a table are drawn with the screen.
    expect(await picture.getAttribute('aria-label')).toBeTruthy();
    expect(await coverage.locator('table caption').count()).toBe(1);
    await coverage.scrollIntoViewIfNeeded();
    await expect.poll(() => coverage.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    expect(await picture.getAttribute('data-drawn')).toBe('true');
    await screenshot(page, 'styrelserapport-diagram-1366x768');
  });

  it('draws the charts a tall window shows without scrolling', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 2400 });
    await openScreen(page, '#/styrelserapport', { clock: TODAY });
    // The charts' observer alone decides (nothing measures them in the screen's first commit): in view, drawn.
    await page.locator('main [data-ready="true"]').waitFor();
    const members = page.locator('main figure[data-chart="members"]');
    await expect.poll(() => members.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    expect(await members.locator('[role="img"]').getAttribute('data-drawn')).toBe('true');
    expect(await page.locator('#innehall').evaluate((el) => el.scrollTop)).toBe(0);
  });

  it('clicks through a goal to the members behind its figure, and a network goal to a network', async () => {
    const members = expected.goals.find((g) => g.metric === 'member-count');
    const networks = expected.goals.find((g) => g.metric === 'networks-with-20-members');
    if (!members || !networks) throw new Error('the default data lacks the member-count or network goal');
    const page = await openApp('#/styrelserapport');
    await page.getByRole('button', { name: t.goals.showBehindLabel(members.title) }).click();
    const dialog = page.getByRole('dialog', { name: t.subjects.title(members.title) });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const counted = dialog.getByRole('list', { name: t.subjects.listLabel(t.subjects.counted) });
    expect(await counted.getByRole('link').count()).toBe(members.value);
    const first = members.subjects[0];
    if (!first) throw new Error('no members');
    await counted.getByRole('link', { name: first.name, exact: true }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/medlemmar/${encodeURIComponent(first.id)}`);
    await page.getByRole('heading', { level: 1, name: first.name }).waitFor();

    // Back on the screen, the dialog the link was followed from is closed.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    expect(await dialog.count()).toBe(0);
    await page.getByRole('button', { name: t.goals.showBehindLabel(networks.title) }).click();
    const networkDialog = page.getByRole('dialog', { name: t.subjects.title(networks.title) });
    await expect.poll(() => networkDialog.isVisible()).toBe(true);
    const network = networks.subjects[0];
    if (!network) throw new Error('no competence networks');
    await networkDialog.getByRole('link', { name: network.name, exact: true }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/natverk/${encodeURIComponent(network.id)}`);
  });

  it('adds a goal in the dialog, refusing a share above 100 %, and the goal is measured at once', async () => {
    const page = await openApp('#/styrelserapport');
    await page.getByRole('button', { name: t.goals.newGoal }).click();
    const dialog = page.getByRole('dialog', { name: t.form.newTitle });
    await dialog.getByLabel(t.form.title).fill('Hälften använder Bibblix');
    await dialog.getByRole('combobox', { name: t.form.metric }).click();
    await page.getByRole('option', { name: t.metrics['max-service-member-share'] }).click();
    await dialog.getByRole('combobox', { name: t.form.comparison }).click();
    await page.getByRole('option', { name: t.comparisons['at-least'] }).click();
    await dialog.getByLabel(t.form.targetPercent).fill('150');
    await dialog.getByRole('button', { name: t.form.save }).click();
    await expect.poll(() => dialog.getByText(t.form.errors.percent).isVisible()).toBe(true);
    await dialog.getByLabel(t.form.targetPercent).fill('40');
    await dialog.getByRole('button', { name: t.form.save }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const best = expected.services.shares[0];
    const row = page.locator('main tr[data-goal]').filter({ hasText: 'Hälften använder Bibblix' });
    await expect.poll(() => row.getByTestId('goal-value').textContent()).toBe(formatGoalFigure(best?.share ?? NaN, 'share'));
    // 40,6 % is at least 40 %.
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe((best?.share ?? 0) >= 0.4 ? 'reached' : 'at-risk');
  });

  it('adds an event goal that names the meeting kinds it counts, refusing none ticked', async () => {
    const page = await openApp('#/styrelserapport');
    await page.getByRole('button', { name: t.goals.newGoal }).click();
    const dialog = page.getByRole('dialog', { name: t.form.newTitle });
    await dialog.getByLabel(t.form.title).fill('Två webbinarier eller konferenser');
    await dialog.getByRole('combobox', { name: t.form.metric }).click();
    await page.getByRole('option', { name: t.metrics['conferences-held'] }).click();
    await dialog.getByLabel(t.form.target).fill('2');
    const kinds = dialog.getByRole('group', { name: t.form.eventKinds });
    // Conferences are ticked to begin with; with none ticked the form says so and saves nothing.
    expect(await kinds.getByRole('checkbox', { name: t.form.eventKindLabels.konferens }).isChecked()).toBe(true);
    await kinds.getByRole('checkbox', { name: t.form.eventKindLabels.konferens }).uncheck();
    await dialog.getByRole('button', { name: t.form.save }).click();
    await expect.poll(() => dialog.getByText(t.form.errors.eventKinds).isVisible()).toBe(true);
    await kinds.getByRole('checkbox', { name: t.form.eventKindLabels.webinar }).check();
    expect(await dialog.getByText(t.form.errors.eventKinds).count()).toBe(0);
    await kinds.getByRole('checkbox', { name: t.form.eventKindLabels.konferens }).check();
    await screenshot(page, 'styrelserapport-mal-evenemang');
    await dialog.getByRole('button', { name: t.form.save }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const goals = (await invoke(page, 'goals/list', { year: 2022 })) as { data?: { title: string; eventKinds?: string[] }[] };
    expect(goals.data?.find((g) => g.title === 'Två webbinarier eller konferenser')?.eventKinds).toEqual(['webinar', 'konferens']);
  });

  it('exports the figures to Excel', async () => {
    const page = await openApp('#/styrelserapport');
    await expect.poll(() => page.getByRole('button', { name: t.exportExcel }).isEnabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.exportExcel }).click()]);
    expect(download.suggestedFilename()).toBe(`Styrelserapport ${TODAY}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path()) ?? '')) as unknown as ExcelJS.Buffer);
    const goals = workbook.getWorksheet('Mål');
    expected.goals.forEach((goal, i) => {
      expect(goals?.getRow(5 + i).getCell(2).value).toBe(goal.title);
      expect(goals?.getRow(5 + i).getCell(4).value).toBe(goal.value);
    });
  });
});

describe('the board pack', () => {
  it('saves a dated snapshot, opens it in the print layout and prints an A4 PDF with a cover, contents, goals, charts and budget', async () => {
    const page = await openApp('#/styrelserapport');
    await expect.poll(() => page.getByRole('button', { name: t.makePack }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: t.makePack }).click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/styrelserapport\/utskrift\?paket=/);
    await page.locator('[data-board-pack-ready="true"]').waitFor();
    // The web build hands the layout to the browser's print dialog once, and forgets the request.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    expect(new URL(page.url()).hash).not.toContain('skriv=');

    const file = path.join(tempDir, 'styrelserapport.pdf');
    await writeFile(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    if (!poppler) return;

    const pages = pdfPages(file);
    // Cover, then each of the seven sections on pages of its own.
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(14);
    const cover = pdfText(file, 1);
    for (const text of ['Föreningen Sambruk', t.print.cover, t.print.meetingDate('30 juni 2022'), t.print.contents, ...Object.values(t.print.sections)]) {
      expect(cover).toContain(text);
    }
    expect(cover).not.toContain('Sida 1');
    const goalsPage = pdfText(file, 2);
    expect(goalsPage).toContain(`1 ${t.print.sections.goals}`);
    expect(goalsPage).toContain(`Sida 2 av ${pages}`);
    // Every goal row whole on one page: its title, figures and status together.
    const pageTexts = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1).replace(/\s+/g, ' '));
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    // A title may wrap in its column (where depends on the fonts): the row is found where the first column's
    // lines, joined, begin with the title, and the row's first line carries its target and status.
    const layoutLines = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1).split('\n'));
    const firstColumn = (line: string) => line.trim().split(/\s{3,}/)[0] ?? '';
    const rowOf = (title: string) => {
      for (const lines of layoutLines) {
        for (let i = 0; i < lines.length; i += 1) {
          const start = flat(firstColumn(lines[i]!));
          if (start === '' || !flat(title).startsWith(start)) continue;
          let joined = '';
          for (let j = i; j < lines.length && joined.length < title.length; j += 1) joined = flat(`${joined} ${firstColumn(lines[j]!)}`).trim();
          if (joined.startsWith(flat(title))) return lines[i]!;
        }
      }
      return undefined;
    };
    for (const goal of expected.goals) {
      const first = rowOf(goal.title);
      expect(first, goal.title).toBeDefined();
      expect(flat(first ?? ''), goal.title).toContain(flat(formatTarget(goal, goal.unit)));
      expect(first, goal.title).toContain(goalStatusText(goal));
    }
    const all = pageTexts.join(' ');
    for (const text of [t.charts.members, t.charts.distribution, t.charts.shares, t.charts.networks, t.charts.population, t.charts.coverage]) {
      expect(all).toContain(text);
    }
    expect(all).toContain('Verksamhetsresultat');
    expect(all).toContain(expected.budget.comparison?.title ?? 'saknas');

    for (const n of [1, 2]) {
      const prefix = path.join(tempDir, `sida-${n}`);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', file, prefix]);
      await copyFile(`${prefix}.png`, path.join(SCREENSHOT_DIR, `styrelserapport-pdf-${n}.png`));
    }
  });

  it('shows a saved pack unchanged after the register has moved on, while the live figures follow the register', async () => {
    const page = await openApp('#/styrelserapport');
    await expect.poll(() => page.getByRole('button', { name: t.makePack }).isEnabled()).toBe(true);
    const saved = (await invoke(page, 'packs/save', { date: TODAY, title: 'Styrelsemöte juni' })) as { ok: boolean; data: { id: string } };
    expect(saved.ok).toBe(true);
    const memberGoal = expected.goals.find((g) => g.metric === 'member-count');
    if (!memberGoal) throw new Error('no member-count goal');

    // A municipality outside any group leaves in March.
    const inGroups = new Set(doc.organisations.flatMap((o) => o.groupMemberIds));
    const leaving = doc.memberships.find((m) => {
      const org = doc.organisations.find((o) => o.id === m.organisationId);
      return m.left === undefined && org?.kind === 'kommun' && !inGroups.has(org.id);
    });
    if (!leaving) throw new Error('no open membership');
    expect((await invoke(page, 'memberships/end', { id: leaving.id, left: '2022-03-31' })).ok).toBe(true);

    const packRow = page.locator(`tr[data-pack="${saved.data.id}"]`);
    await expect.poll(() => packRow.textContent()).toContain(TODAY);
    expect(await packRow.textContent()).toContain('Styrelsemöte juni');
    await expect.poll(() => goalRow(page, memberGoal.goalId).getByTestId('goal-value').textContent()).toBe(formatGoalFigure(memberGoal.value - 1, 'count'));

    await packRow.getByRole('link', { name: t.packs.openLabel('Styrelsemöte juni') }).click();
    await page.locator('[data-board-pack-ready="true"]').waitFor();
    const printed = page.locator(`[data-print-root] tr[data-goal="${memberGoal.goalId}"]`);
    expect(await printed.textContent()).toContain(formatTarget(memberGoal, 'count'));
    expect((await printed.locator('td').nth(2).textContent())?.trim()).toBe(formatGoalFigure(memberGoal.value, 'count'));
    expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(0);

    // The live print layout of the same date (same page, same in-memory register) has moved on.
    await page.evaluate((date) => {
      window.location.hash = `#/styrelserapport/utskrift?datum=${date}`;
    }, TODAY);
    const live = page.locator(`[data-print-root] tr[data-goal="${memberGoal.goalId}"] td`).nth(2);
    await expect.poll(async () => (await live.textContent())?.trim()).toBe(formatGoalFigure(memberGoal.value - 1, 'count'));
  });
});
