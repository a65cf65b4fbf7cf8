/**
 * `npx tsx bench/profile-budget-pack.ts [--scale 10] [--out <dir>] [--top 20] [--runs 3]`
 *
 * A CPU profile of the screens the bench finds slowest, from Chromium's own profiler (CDP `Profiler`), over the
 * same demo register and web entry as `npm run bench`: opening Budget and Styrelserapport cold, a budget cell
 * edit and a goal edit. The web entry is built without minifying and with a source map, so each function is
 * named as written and attributed to its source file (ours, or the npm package it comes from). Prints the top
 * functions by self time per case, summed over `--runs` page loads, and writes the `.cpuprofile` files to
 * `--out` (open them in Chromium's DevTools, Performance panel). Not a benchmark: the profiler slows the page.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { buildDemoDocument, DEFAULT_SEED } from '../scripts/demo-data';
import { sv } from '../renderer/lib/i18n/sv';
import { describeMachine } from './lib/machine';
import { addSelfTimes, benchPage, buildProfilingWeb, openProfilingSession, profiled, saveProfile, summarise, type Profile, type SelfTime } from './lib/cpu-profile';

type Args = { scale: number; out: string; top: number; runs: number };

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scale: 10, out: path.join(os.tmpdir(), 'sambruk-profiles'), top: 20, runs: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag ?? ''} saknar värde`);
    if (flag === '--scale') args.scale = Number(value);
    else if (flag === '--out') args.out = path.resolve(value);
    else if (flag === '--top') args.top = Number(value);
    else if (flag === '--runs') args.runs = Number(value);
    else throw new Error(`Okänt argument: ${flag ?? ''}. Använd --scale, --out, --top, --runs.`);
  }
  return args;
}

// ---------------------------------------------------------------- the cases

const api = benchPage;

async function timed(cdp: CDPSession, work: () => Promise<number>): Promise<{ profile: Profile; ms: number }> {
  const { profile, result } = await profiled(cdp, work);
  return { profile, ms: result };
}

type CaseDef = { id: string; title: string; run: (page: Page, cdp: CDPSession, run: number) => Promise<{ profile: Profile; ms: number }> };

const cases: readonly CaseDef[] = [
  {
    id: 'budget',
    title: 'Budget öppnas (#/budget, kall)',
    run: (page, cdp) => timed(cdp, async () => (await api(page).navigate('#/budget')).ms),
  },
  {
    id: 'styrelserapport',
    title: 'Styrelserapport öppnas (#/styrelserapport, kall)',
    run: (page, cdp) => timed(cdp, async () => (await api(page).navigate('#/styrelserapport')).ms),
  },
  {
    id: 'budget-edit',
    title: 'Ett belopp i budgettabellen (Enter till sista ändringen, ritad)',
    run: async (page, cdp, run) => {
      await api(page).navigate('#/budget');
      const cell = page.locator('main [role="grid"] [role="gridcell"][data-cell][aria-readonly="false"]').nth(run);
      await cell.scrollIntoViewIfNeeded();
      await cell.click();
      await page.keyboard.press('Enter');
      await cell.getByRole('textbox').fill(String(234_567 + run));
      await api(page).watch();
      return timed(cdp, async () => {
        await page.keyboard.press('Enter');
        return (await api(page).settled()).ms ?? Number.NaN;
      });
    },
  },
  {
    id: 'goal-edit',
    title: 'Ett måls målvärde ändrat (Spara till sista ändringen, ritad)',
    run: async (page, cdp, run) => {
      const g = sv.styrelserapport;
      await api(page).navigate('#/styrelserapport');
      const row = page.locator('main tr[data-goal]').nth(run);
      await row.scrollIntoViewIfNeeded();
      await row.locator('button').last().click();
      await page.getByRole('menuitem', { name: g.goals.edit, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: g.form.editTitle });
      const field = dialog.locator('input[inputmode="decimal"]').first();
      await field.fill((await field.inputValue()) === '1' ? '2' : '1');
      await api(page).watch();
      return timed(cdp, async () => {
        await dialog.getByRole('button', { name: g.form.save, exact: true }).click();
        return (await api(page).settled()).ms ?? Number.NaN;
      });
    },
  },
];

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`Maskin: ${describeMachine()}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-profile-'));
  try {
    const { text } = buildDemoDocument(args.scale, DEFAULT_SEED);
    const webDir = path.join(dir, 'web');
    await buildProfilingWeb(webDir);
    const session = await openProfilingSession(webDir, text);
    await mkdir(args.out, { recursive: true });
    const report: string[] = [`Skala ${args.scale}, ${describeMachine()}`];
    try {
      for (const c of cases) {
        const times = new Map<string, SelfTime>();
        const wall: number[] = [];
        for (let run = 0; run < args.runs; run += 1) {
          const { page, cdp } = await session.freshPage();
          try {
            const { profile, ms } = await c.run(page, cdp, run);
            wall.push(ms);
            await saveProfile(path.join(args.out, `${c.id}-${run + 1}.cpuprofile`), profile);
            addSelfTimes(profile, session.lookup, times);
          } finally {
            await page.close();
          }
        }
        const section = summarise(c.title, times.values(), wall, args.top);
        console.log(section);
        report.push(section);
      }
    } finally {
      await session.close();
    }
    await writeFile(path.join(args.out, 'summary.md'), `${report.join('\n')}\n`);
    console.log(`\nProfilerna och summary.md ligger i ${args.out}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
