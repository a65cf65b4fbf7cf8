/**
 * The web entry in Chromium over the demo register: the real core runs in the page (web bridge), as the
 * Playwright suite runs it, so these times are the UI's and the core's together on one thread. The desktop
 * splits them over two processes (renderer and main), which this does not model.
 *
 * The web entry is built once (production build, as `test/e2e/global-setup.ts` does) into the run's temp
 * folder and served on a free port; Chromium is launched with the suite's flags (`test/support/browser.ts`).
 * The register reaches the page through `window.__SAMBRUK_BOOT_DOCUMENT__`, set by `addInitScript` before the
 * app's scripts run (no network). `?clock=2022-06-30` fixes "today" to the demo register's.
 *
 * Per page load (the first screen's cost would otherwise hide in the boot, so the page starts on an unknown
 * route, which only draws the shell): every main screen is opened once by its hash, cold (its queries not yet
 * cached), in an order that rotates from load to load so that no screen always pays for warming up the core.
 * On the first loads also: opening organisations from the list, keystrokes in the list's search box, clicks on
 * cells of the usage matrix, amounts typed into the budget grid and goals' targets changed. A screen counts as
 * shown when it sets the agreed `data-ready="true"` marker (ui-page-helpers.ts). `ctx.wants` lets `--only`
 * pick single results: what is not asked for is not measured.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser, watchPage } from '../../test/support/browser';
import { serveStatic } from '../../tools/lib/static-server';
import { BOOT_DOCUMENT_GLOBAL } from '../../renderer/bridge/web-bridge';
import { DEMO_AS_OF } from '../../tools/demo/demo-document';
import { sv } from '../../renderer/lib/i18n/sv';
import type { BenchContext } from '../lib/context';
import { missing, timed, type BenchResult, type ResultName } from '../lib/results';
import { installBenchHelpers, type BenchPageApi, type NavigateResult, type SettledResult } from './ui-page-helpers';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

type Screen = 'oversikt' | 'medlemmar' | 'tjanster' | 'natverk' | 'budget' | 'styrelserapport' | 'data';

/** The screens and the hash each is opened by. Tjänster opens on its usage matrix, the screen's heaviest view. */
export const uiScreens: readonly { id: Screen; hash: string }[] = [
  { id: 'oversikt', hash: '#/oversikt' },
  { id: 'medlemmar', hash: '#/medlemmar' },
  { id: 'tjanster', hash: '#/tjanster/matris' },
  { id: 'natverk', hash: '#/natverk' },
  { id: 'budget', hash: '#/budget' },
  { id: 'styrelserapport', hash: '#/styrelserapport' },
  { id: 'data', hash: '#/data' },
];

export const uiResultNames: readonly ResultName[] = [
  ...uiScreens.map((s) => `ui-render-${s.id}` as ResultName),
  'ui-open-organisation',
  'ui-search',
  'ui-matrix-toggle',
  'ui-budget-edit',
  'ui-goal-edit',
];

/** Long enough for a 30× register on a loaded machine; a screen that never shows its data fails after it. */
let NAV_TIMEOUT_MS = 60_000;
const QUIET_MS = 300;
const SEARCH_TEXT = 'Göteborg';

type Collected = Record<string, { samples: number[]; errors: string[] }>;

async function buildWebEntry(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(projectRoot, 'vite.config.ts'), mode: 'web', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

const bench = (page: Page) => ({
  navigate: (hash: string) =>
    page.evaluate(
      ([h, t]) => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.navigate(h, t),
      [hash, NAV_TIMEOUT_MS] as const,
    ) as Promise<NavigateResult>,
  watch: (exclude: string | null) =>
    page.evaluate((e) => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.watch(e), exclude),
  /** Goes to a screen (not measured): nothing to do when the page is there already. */
  goTo: async (hash: string) => {
    if ((await page.evaluate(() => location.hash)) === hash) return;
    await bench(page).navigate(hash);
  },
  settled: () =>
    page.evaluate(
      ([q, t]) => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.settled(q, t),
      [QUIET_MS, NAV_TIMEOUT_MS] as const,
    ) as Promise<SettledResult>,
});

export async function benchUi(ctx: BenchContext): Promise<BenchResult[]> {
  NAV_TIMEOUT_MS = 30_000 * Math.max(1, Math.ceil(ctx.scale / 5));
  const verbose = process.env.BENCH_VERBOSE === '1';
  const webDir = path.join(ctx.dir, 'web');
  let t0 = performance.now();
  await buildWebEntry(webDir);
  ctx.log(`  webbingången byggd på ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const server = await serveStatic(webDir);
  const session = await launchBrowser();
  const collected: Collected = {};
  const add = (name: string, ms: number | null) => {
    const entry = (collected[name] ??= { samples: [], errors: [] });
    if (ms !== null) entry.samples.push(ms);
  };
  const fail = (name: string, error: unknown) => {
    const entry = (collected[name] ??= { samples: [], errors: [] });
    entry.errors.push(error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
  };
  const boots: number[] = [];
  const problems: string[] = [];
  try {
    const { context } = session;
    await context.addInitScript({
      content: `var __name = globalThis.__name || ((target) => target);\n(${installBenchHelpers.toString()})();\nwindow[${JSON.stringify(BOOT_DOCUMENT_GLOBAL)}] = ${JSON.stringify(ctx.documentText)};`,
    });
    const renders = uiScreens.filter((s) => ctx.wants(`ui-render-${s.id}` as ResultName));
    const interactionLoads = 2;
    const loads = renders.length > 0 ? 5 : interactionLoads;
    const orgIds = organisationsToOpen(ctx);
    for (let load = 0; load < loads; load += 1) {
      const page = await context.newPage();
      const watched = watchPage(page, server.url);
      try {
        t0 = performance.now();
        await page.goto(`${server.url}?clock=${DEMO_AS_OF}#/bank-start`, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
        await page.locator('main#innehall h1').waitFor({ timeout: NAV_TIMEOUT_MS });
        const bootMs = await page.evaluate(() => performance.now());
        boots.push(bootMs);
        const order = renders.map((_, i) => renders[(i + load) % renders.length] as (typeof uiScreens)[number]);
        for (const screen of order) {
          try {
            const r = await bench(page).navigate(screen.hash);
            add(`ui-render-${screen.id}`, r.ms);
            if (verbose) ctx.log(`    ${screen.id}: ${Math.round(r.ms)} ms`);
          } catch (error) {
            fail(`ui-render-${screen.id}`, error);
            if (verbose) ctx.log(`    ${screen.id}: ${String(error).split('\n')[0]}`);
          }
        }
        if (load < interactionLoads) {
          const interactions: readonly [ResultName, () => Promise<void>][] = [
            ['ui-open-organisation', () => openOrganisations(page, orgIds.slice(load * 3, load * 3 + 3), add, fail)],
            ['ui-search', () => search(page, add, fail)],
            ['ui-matrix-toggle', () => toggleCells(page, load, add, fail)],
            ['ui-budget-edit', () => editBudgetCells(page, load, add, fail)],
            ['ui-goal-edit', () => editGoals(page, load, add, fail)],
          ];
          for (const [name, run] of interactions) {
            if (!ctx.wants(name)) continue;
            await run();
            if (verbose) ctx.log(`    ${name}: ${JSON.stringify(collected[name])}`);
          }
        }
      } finally {
        problems.push(...watched.errors);
        await page.close();
      }
      ctx.log(`  sidladdning ${load + 1}/${loads} klar (start ${Math.round(boots[boots.length - 1] ?? 0)} ms)`);
    }
  } finally {
    await session.close();
    await server.close();
  }
  if (problems.length > 0) ctx.log(`  fel på sidan: ${[...new Set(problems)].slice(0, 5).join(' | ')}`);
  ctx.log(`  start av webbingången med registret (sidladdning till skalet): median ${Math.round(medianOf(boots))} ms`);

  const notes: Partial<Record<ResultName, string>> = {
    'ui-open-organisation': 'klar-markör data-ready',
    'ui-search': 'tangent i sökrutan till sista ändringen i listan, ritad',
    'ui-matrix-toggle':
      'klick på en cell som startar eller avslutar en användning (inte en som används genom en grupp: den vägras) till sista ändringen i matrisen, ritad',
    'ui-budget-edit': 'Enter på ett nytt belopp i en budgetcell till sista ändringen på sidan (ny summa, diagram), ritad',
    'ui-goal-edit': 'klick på Spara med ett nytt målvärde till sista ändringen på sidan (målvärde och status), ritad',
  };
  return uiResultNames.filter(ctx.wants).map((name) => {
    const entry = collected[name];
    if (!entry || entry.samples.length === 0) {
      const reason = entry?.errors[0] ?? 'inget mätvärde';
      return missing(name, reason);
    }
    const errors = entry.errors.length > 0 ? `; ${entry.errors.length} misslyckade: ${entry.errors[0]}` : '';
    const base = `${entry.samples.length} mätningar`;
    const note = `${base}; ${notes[name] ?? 'klar-markör data-ready'}${errors}`;
    return timed(name, entry.samples, { note });
  });
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[sorted.length >> 1] as number);
}

/** Municipalities with the most contact persons: the fullest organisation pages. */
function organisationsToOpen(ctx: BenchContext): { id: string; name: string }[] {
  const counts = new Map<string, number>();
  for (const c of ctx.document.contacts) counts.set(c.organisationId, (counts.get(c.organisationId) ?? 0) + 1);
  return ctx.document.organisations
    .filter((o) => !o.archived)
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, 9)
    .map((o) => ({ id: o.id, name: o.name }));
}

type Add = (name: string, ms: number | null) => void;
type Fail = (name: string, error: unknown) => void;

const listScreen = uiScreens.find((s) => s.id === 'medlemmar') as (typeof uiScreens)[number];
const matrixScreen = uiScreens.find((s) => s.id === 'tjanster') as (typeof uiScreens)[number];
const budgetScreen = uiScreens.find((s) => s.id === 'budget') as (typeof uiScreens)[number];
const goalsScreen = uiScreens.find((s) => s.id === 'styrelserapport') as (typeof uiScreens)[number];

async function openOrganisations(page: Page, orgs: readonly { id: string; name: string }[], add: Add, fail: Fail): Promise<void> {
  for (const org of orgs) {
    try {
      await bench(page).goTo(listScreen.hash);
      const r = await bench(page).navigate(`#/medlemmar/${encodeURIComponent(org.id)}`);
      const heading = (await page.locator('main h1').first().textContent()) ?? '';
      if (!heading.includes(org.name)) throw new Error(`sidan för ${org.name} visade «${heading}»`);
      add('ui-open-organisation', r.ms);
    } catch (error) {
      fail('ui-open-organisation', error);
    }
  }
}

async function search(page: Page, add: Add, fail: Fail): Promise<void> {
  try {
    await bench(page).goTo(listScreen.hash);
    const box = page.locator('[data-testid="member-search"] input, input[data-testid="member-search"]').first();
    await box.click();
    await box.fill('');
    const keys = [...SEARCH_TEXT, ...Array<string>(SEARCH_TEXT.length).fill('Backspace')];
    for (const key of keys) {
      await bench(page).watch('[role="search"]');
      // `type` sends å/ä/ö as text input (no US key for them), `press` the Backspace key.
      if (key === 'Backspace') await page.keyboard.press(key);
      else await page.keyboard.type(key);
      const r = await bench(page).settled();
      add('ui-search', r.ms);
    }
  } catch (error) {
    fail('ui-search', error);
  }
}

async function toggleCells(page: Page, load: number, add: Add, fail: Fail): Promise<void> {
  try {
    await bench(page).goTo(matrixScreen.hash);
    for (let i = 0; i < 4; i += 1) {
      // Cells that really start or end a usage: a cell in use through a group is refused (a toast, nothing
      // saved), and counting those quick refusals would flatter the figure.
      const cell = page.locator('[data-testid^="cell-"]:not([data-source="group"])').nth(3 + load * 4 + i);
      await cell.scrollIntoViewIfNeeded();
      await bench(page).watch(null);
      await cell.click();
      const r = await bench(page).settled();
      add('ui-matrix-toggle', r.ms);
    }
  } catch (error) {
    fail('ui-matrix-toggle', error);
  }
}


/**
 * Types a new amount into a budget cell the way the accountant does (select, Enter, type) and measures from the
 * Enter that saves it; the result line of the cell's column must show a new total, or the sample is refused.
 */
async function editBudgetCells(page: Page, load: number, add: Add, fail: Fail): Promise<void> {
  try {
    await bench(page).goTo(budgetScreen.hash);
    for (let i = 0; i < 4; i += 1) {
      const cell = page.locator('main [role="grid"] [role="gridcell"][data-cell][aria-readonly="false"]').nth(load * 4 + i);
      await cell.scrollIntoViewIfNeeded();
      const key = (await cell.getAttribute('data-cell')) ?? '';
      const columnId = key.slice(key.lastIndexOf('|') + 1);
      const total = page.locator(`main [data-cell="total-result|${columnId}"] [data-amount]`);
      const before = await total.textContent();
      await cell.click();
      await page.keyboard.press('Enter');
      const input = cell.getByRole('textbox');
      await input.fill(String(123_457 + load * 1_000 + i * 10));
      await bench(page).watch(null);
      await page.keyboard.press('Enter');
      const r = await bench(page).settled();
      const after = await total.textContent();
      if (after === before) throw new Error(`summan för ${columnId} ändrades inte (${before ?? ''})`);
      add('ui-budget-edit', r.ms);
    }
  } catch (error) {
    fail('ui-budget-edit', error);
  }
}

/**
 * Changes a goal's target in its dialog and measures from the click on Spara to the paint of the goal's new
 * target and status. Goals with a range (two target fields) are passed by, to keep the typed values valid.
 */
async function editGoals(page: Page, load: number, add: Add, fail: Fail): Promise<void> {
  const g = sv.styrelserapport;
  try {
    await bench(page).goTo(goalsScreen.hash);
    const rows = page.locator('main tr[data-goal]');
    const count = await rows.count();
    let measured = 0;
    for (let i = load; i < count && measured < 4; i += 1) {
      const row = rows.nth(i);
      const targetCell = row.locator('td').nth(2);
      await row.scrollIntoViewIfNeeded();
      await row.locator('button').last().click();
      await page.getByRole('menuitem', { name: g.goals.edit, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: g.form.editTitle });
      const fields = dialog.locator('input[inputmode="decimal"]');
      await fields.first().waitFor();
      if ((await fields.count()) !== 1) {
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        continue;
      }
      const before = await targetCell.textContent();
      // Small whole numbers are valid targets for counts and for shares in per cent alike.
      await fields.first().fill((await fields.first().inputValue()) === '1' ? '2' : '1');
      await bench(page).watch(null);
      await dialog.getByRole('button', { name: g.form.save, exact: true }).click();
      const r = await bench(page).settled();
      await dialog.waitFor({ state: 'detached', timeout: 5_000 });
      if ((await targetCell.textContent()) === before) throw new Error(`målvärdet ändrades inte (${before ?? ''})`);
      add('ui-goal-edit', r.ms);
      measured += 1;
    }
    if (measured === 0) throw new Error('inget mål med ett enda målvärde att ändra');
  } catch (error) {
    fail('ui-goal-edit', error);
  }
}
