/**
 * `npx tsx bench/profile-ui.ts [--scale 10] [--web <dir>] [--runs 3] [--top 25] [--save <prefix>]
 *   [--only natverk,tjanster,medlemmar,open-organisation,search,search-after-screens,matrix-toggle]`
 *
 * CPU profiles of the list screens in Chromium (the bench's web entry and demo register, built unminified with
 * source maps so functions keep their names and sources): each screen opened cold by its hash `runs` times on
 * fresh pages, opening an organisation, search keystrokes and matrix toggles, each under Chromium's sampling
 * profiler. Prints the measured times and the functions and sources with the most self time per run (see
 * `lib/cpu-profile.ts`); a function that reads a size or focuses an element is billed for the layout it forces.
 * `--web <dir>` keeps the build between runs (it is rebuilt when the folder is missing); `--save <prefix>` writes
 * each case's first profile as `<prefix>-<case>.cpuprofile`, which Chromium's DevTools open.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { buildDemoDocument, DEFAULT_SEED } from '../scripts/demo-data';
import {
  addSelfTimes,
  benchPage,
  buildProfilingWeb,
  openProfilingSession,
  profiled,
  saveProfile,
  summarise,
  type SelfTime,
} from './lib/cpu-profile';
import { uiScreens } from './cases/ui';

function args() {
  const out = { scale: 10, web: '', runs: 3, top: 25, only: new Set<string>(), save: '' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value = ''] = [argv[i], argv[i + 1]];
    if (flag === '--scale') out.scale = Number(value);
    else if (flag === '--web') out.web = path.resolve(value);
    else if (flag === '--runs') out.runs = Number(value);
    else if (flag === '--top') out.top = Number(value);
    else if (flag === '--save') out.save = path.resolve(value);
    else if (flag === '--only') out.only = new Set(value.split(','));
    else throw new Error(`Okänt argument: ${flag ?? ''}`);
  }
  return out;
}

async function main(): Promise<void> {
  const a = args();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-profile-'));
  const webDir = a.web || path.join(dir, 'web');
  if (!existsSync(path.join(webDir, 'index.html'))) await buildProfilingWeb(webDir);
  const { document, text } = buildDemoDocument(a.scale, DEFAULT_SEED);
  const session = await openProfilingSession(webDir, text);
  const wants = (id: string) => a.only.size === 0 || a.only.has(id);

  /** Sums the self times of every profiled step of one case and prints its summary. */
  const profileCase = async (id: string, title: string, steps: (measure: (cdp: CDPSession, work: () => Promise<number | null>) => Promise<void>) => Promise<void>) => {
    const self = new Map<string, SelfTime>();
    const times: number[] = [];
    await steps(async (cdp, work) => {
      const { profile, result } = await profiled(cdp, work);
      if (a.save && times.length === 0) await saveProfile(`${a.save}-${id}.cpuprofile`, profile);
      addSelfTimes(profile, session.lookup, self);
      if (result !== null) times.push(result);
    });
    console.log(summarise(title, self.values(), times, a.top));
  };
  const withPage = async (run: (page: Page, cdp: CDPSession) => Promise<void>) => {
    const { page, cdp } = await session.freshPage();
    try {
      await run(page, cdp);
    } finally {
      await page.close();
    }
  };

  try {
    for (const [id, hash] of [
      ['natverk', '#/natverk'],
      ['tjanster', '#/tjanster/matris'],
      ['medlemmar', '#/medlemmar'],
    ] as const) {
      if (!wants(id)) continue;
      await profileCase(id, `render ${id}`, async (measure) => {
        for (let run = 0; run < a.runs; run += 1) {
          await withPage((page, cdp) => measure(cdp, async () => (await benchPage(page).navigate(hash)).ms));
        }
      });
    }
    if (wants('open-organisation')) {
      const counts = new Map<string, number>();
      for (const c of document.contacts) counts.set(c.organisationId, (counts.get(c.organisationId) ?? 0) + 1);
      const orgs = document.organisations.filter((o) => !o.archived).sort((x, y) => (counts.get(y.id) ?? 0) - (counts.get(x.id) ?? 0)).slice(0, a.runs * 2);
      await profileCase('open-organisation', 'open organisation', (measure) =>
        withPage(async (page, cdp) => {
          for (const org of orgs) {
            await benchPage(page).navigate('#/medlemmar');
            await measure(cdp, async () => (await benchPage(page).navigate(`#/medlemmar/${encodeURIComponent(org.id)}`)).ms);
          }
        }),
      );
    }
    if (wants('search')) {
      await profileCase('search', 'search keystroke', (measure) =>
        withPage(async (page, cdp) => {
          await benchPage(page).navigate('#/medlemmar');
          const box = page.locator('[data-testid="member-search"] input, input[data-testid="member-search"]').first();
          await box.click();
          for (const key of [...'Göteborg', ...Array<string>(8).fill('Backspace')]) {
            await benchPage(page).watch('[role="search"]');
            await measure(cdp, async () => {
              if (key === 'Backspace') await page.keyboard.press(key);
              else await page.keyboard.type(key);
              return (await benchPage(page).settled()).ms;
            });
          }
        }),
      );
    }
    if (wants('search-after-screens')) {
      // As the bench does it: every screen drawn once on the page, three organisations opened, then the list and
      // only its first keystroke profiled (the one that set the search's p95), on a fresh page per run.
      await profileCase('search-after-screens', 'first search keystroke after the other screens', (measure) =>
        (async () => {
          for (let run = 0; run < a.runs; run += 1) {
            await withPage(async (page, cdp) => {
              for (const screen of uiScreens) await benchPage(page).navigate(screen.hash);
              for (const org of document.organisations.filter((o) => !o.archived).slice(0, 3)) {
                await benchPage(page).navigate('#/medlemmar');
                await benchPage(page).navigate(`#/medlemmar/${encodeURIComponent(org.id)}`);
              }
              await benchPage(page).navigate('#/medlemmar');
              const box = page.locator('[data-testid="member-search"] input, input[data-testid="member-search"]').first();
              await box.click();
              await box.fill('');
              await benchPage(page).watch('[role="search"]');
              await measure(cdp, async () => {
                await page.keyboard.type('G');
                return (await benchPage(page).settled()).ms;
              });
            });
          }
        })(),
      );
    }
    if (wants('matrix-toggle')) {
      await profileCase('matrix-toggle', 'matrix toggle', (measure) =>
        withPage(async (page, cdp) => {
          await benchPage(page).navigate('#/tjanster/matris');
          for (let i = 0; i < a.runs * 2; i += 1) {
            const cell = page.locator('[data-testid^="cell-"]:not([data-source="group"])').nth(3 + i);
            await cell.scrollIntoViewIfNeeded();
            await benchPage(page).watch(null);
            await measure(cdp, async () => {
              await cell.click();
              return (await benchPage(page).settled()).ms;
            });
          }
        }),
      );
    }
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
