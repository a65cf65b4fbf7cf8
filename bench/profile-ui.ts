/**
 * `npx tsx bench/profile-ui.ts [--scale 10] [--web <dir>] [--runs 3] [--top 25] [--save <prefix>]
 *   [--only natverk,tjanster,medlemmar,open-organisation,search,matrix-toggle]`
 *
 * CPU profiles of the list screens in Chromium (the bench's web entry and demo register, built unminified so
 * functions keep their names): each screen opened cold by its hash `runs` times on fresh pages, opening an
 * organisation, search keystrokes and matrix toggles, each under Chromium's sampling profiler (CDP
 * `Profiler`). Prints the measured times and the functions with the most self time, summed over the runs.
 * `(program)` is the browser's own work (style, layout); a function that reads a size or focuses an element
 * is billed for the layout it forces. `--web <dir>` keeps the build between runs (it is rebuilt when the folder
 * is missing); `--save <prefix>` writes each screen's first profile as `<prefix>-<screen>.cpuprofile`, which
 * Chromium's DevTools open.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { buildDemoDocument, DEFAULT_SEED } from '../scripts/demo-data';
import { launchBrowser } from '../test/support/browser';
import { serveStatic } from '../tools/lib/static-server';
import { BOOT_DOCUMENT_GLOBAL } from '../renderer/bridge/web-bridge';
import { DEMO_AS_OF } from '../tools/demo/demo-document';
import { installBenchHelpers, type BenchPageApi } from './cases/ui-page-helpers';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number };

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

/** Self time per function (name, file and line), in milliseconds, from the profile's samples. */
function selfTimes(profile: Profile, into: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const node = byId.get(samples[i] as number);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url === '' ? '' : ` ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    const key = `${functionName || '(anonymous)'}${file}`;
    // A sample's time is the delta to the next sample.
    into.set(key, (into.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
}

async function profiled<T>(cdp: CDPSession, into: Map<string, number>, run: () => Promise<T>, save?: string): Promise<T> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  selfTimes(profile, into);
  if (save) await writeFile(save, JSON.stringify(profile));
  return result;
}

const api = (page: Page) => ({
  navigate: (hash: string) =>
    page.evaluate(([h]) => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.navigate(h as string, 120_000), [hash]),
  watch: (exclude: string | null) => page.evaluate((e) => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.watch(e), exclude),
  settled: () => page.evaluate(() => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.settled(300, 120_000)),
});

function report(title: string, times: number[], self: Map<string, number>, top: number): void {
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\n## ${title}: ${times.map((t) => Math.round(t)).join(', ')} ms (self time sampled ${Math.round(total)} ms)`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}

async function main(): Promise<void> {
  const a = args();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-profile-'));
  const webDir = a.web || path.join(dir, 'web');
  if (!existsSync(path.join(webDir, 'index.html'))) {
    process.env.NODE_ENV = 'production';
    await build({ configFile: path.join(projectRoot, 'vite.config.ts'), mode: 'web', logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true, minify: false } });
  }
  const { document, text } = buildDemoDocument(a.scale, DEFAULT_SEED);
  const server = await serveStatic(webDir);
  const session = await launchBrowser();
  const wants = (id: string) => a.only.size === 0 || a.only.has(id);
  try {
    await session.context.addInitScript({
      content: `var __name = globalThis.__name || ((target) => target);\n(${installBenchHelpers.toString()})();\nwindow[${JSON.stringify(BOOT_DOCUMENT_GLOBAL)}] = ${JSON.stringify(text)};`,
    });
    const fresh = async () => {
      const page = await session.context.newPage();
      await page.goto(`${server.url}?clock=${DEMO_AS_OF}#/bank-start`, { waitUntil: 'load', timeout: 120_000 });
      await page.locator('main#innehall h1').waitFor({ timeout: 120_000 });
      return { page, cdp: await page.context().newCDPSession(page) };
    };
    for (const [id, hash] of [
      ['natverk', '#/natverk'],
      ['tjanster', '#/tjanster/matris'],
      ['medlemmar', '#/medlemmar'],
    ] as const) {
      if (!wants(id)) continue;
      const self = new Map<string, number>();
      const times: number[] = [];
      for (let run = 0; run < a.runs; run += 1) {
        const { page, cdp } = await fresh();
        const r = await profiled(cdp, self, () => api(page).navigate(hash), a.save && run === 0 ? `${a.save}-${id}.cpuprofile` : undefined);
        times.push(r.ms);
        await page.close();
      }
      report(`render ${id}`, times, self, a.top);
    }
    if (wants('open-organisation')) {
      const counts = new Map<string, number>();
      for (const c of document.contacts) counts.set(c.organisationId, (counts.get(c.organisationId) ?? 0) + 1);
      const orgs = document.organisations.filter((o) => !o.archived).sort((x, y) => (counts.get(y.id) ?? 0) - (counts.get(x.id) ?? 0)).slice(0, a.runs * 2);
      const self = new Map<string, number>();
      const times: number[] = [];
      const { page, cdp } = await fresh();
      for (const org of orgs) {
        await api(page).navigate('#/medlemmar');
        const r = await profiled(cdp, self, () => api(page).navigate(`#/medlemmar/${encodeURIComponent(org.id)}`));
        times.push(r.ms);
      }
      await page.close();
      report('open organisation', times, self, a.top);
    }
    if (wants('search')) {
      const self = new Map<string, number>();
      const times: number[] = [];
      const { page, cdp } = await fresh();
      await api(page).navigate('#/medlemmar');
      const box = page.locator('[data-testid="member-search"] input, input[data-testid="member-search"]').first();
      await box.click();
      for (const key of [...'Göteborg', ...Array<string>(8).fill('Backspace')]) {
        await api(page).watch('[role="search"]');
        const r = await profiled(cdp, self, async () => {
          if (key === 'Backspace') await page.keyboard.press(key);
          else await page.keyboard.type(key);
          return api(page).settled();
        });
        if (r.ms !== null) times.push(r.ms);
      }
      await page.close();
      report('search keystroke', times, self, a.top);
    }
    if (wants('matrix-toggle')) {
      const self = new Map<string, number>();
      const times: number[] = [];
      const { page, cdp } = await fresh();
      await api(page).navigate('#/tjanster/matris');
      for (let i = 0; i < a.runs * 2; i += 1) {
        const cell = page.locator('[data-testid^="cell-"]:not([data-source="group"])').nth(3 + i);
        await cell.scrollIntoViewIfNeeded();
        await api(page).watch(null);
        const r = await profiled(cdp, self, async () => {
          await cell.click();
          return api(page).settled();
        });
        if (r.ms !== null) times.push(r.ms);
      }
      await page.close();
      report('matrix toggle', times, self, a.top);
    }
  } finally {
    await session.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
