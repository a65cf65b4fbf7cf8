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
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
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
import { sv } from '../renderer/lib/i18n/sv';
import { describeMachine } from './lib/machine';
import { installBenchHelpers, type BenchPageApi } from './cases/ui-page-helpers';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

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

// ---------------------------------------------------------------- source map (line/column -> source file)

const VLQ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line, the segments' columns and source indexes (a source map v3 `mappings` decoded). */
function decodeMappings(mappings: string): { col: number; source: number }[][] {
  const lines: { col: number; source: number }[][] = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: { col: number; source: number }[] = [];
    let col = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = VLQ.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1] ?? 0;
        segments.push({ col, source });
      }
    }
    lines.push(segments);
  }
  return lines;
}

type SourceLookup = (url: string, line: number, col: number) => string;

async function loadSourceMaps(webDir: string): Promise<SourceLookup> {
  const maps = new Map<string, { sources: string[]; lines: { col: number; source: number }[][] }>();
  const assets = path.join(webDir, 'assets');
  for (const name of await readdir(assets)) {
    if (!name.endsWith('.js.map')) continue;
    const map = JSON.parse(await readFile(path.join(assets, name), 'utf8')) as { sources: string[]; mappings: string };
    maps.set(name.replace(/\.map$/, ''), { sources: map.sources, lines: decodeMappings(map.mappings) });
  }
  return (url, line, col) => {
    const map = maps.get(url.slice(url.lastIndexOf('/') + 1));
    const segments = map?.lines[line];
    if (!map || !segments || segments.length === 0) return url === '' ? '' : path.basename(url);
    let found = segments[0];
    for (const s of segments) if (s.col <= col) found = s;
    const source = map.sources[found?.source ?? 0] ?? '';
    // An npm package by its name; our own files by their path in the repository.
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    return pkg ? (pkg[1] ?? source) : path.relative(projectRoot, path.resolve(assets, source));
  };
}

// ---------------------------------------------------------------- the profile's summary

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

type SelfTime = { fn: string; source: string; ms: number };

/** Self time (ms) per function and its source; the idle time between tasks is left out. */
function selfTimes(profile: Profile, lookup: SourceLookup): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const result = new Map<string, SelfTime>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = byId.get(profile.samples[i] as number);
    // A sample's time is the delta to the next sample.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const source = lookup(url, lineNumber, columnNumber);
    const fn = functionName || '(anonym)';
    const key = `${fn}\u0000${source}`;
    const entry = result.get(key) ?? { fn, source, ms: 0 };
    entry.ms += ms;
    result.set(key, entry);
  }
  return [...result.values()];
}

/** Where a source belongs: our folders two levels deep (`electron/core/domain`), a package by name, else the browser. */
function sourceGroup(source: string): string {
  if (source === '') return '(webbläsaren: layout, DOM, GC, program)';
  if (!source.includes('/')) return source;
  return source.split('/').slice(0, 3).join('/');
}

function printTop(title: string, times: SelfTime[], wallMs: number[], top: number): string {
  const runs = wallMs.length;
  const all = times.reduce((a, t) => a + t.ms, 0);
  const row = (ms: number, label: string) => `| ${(ms / runs).toFixed(1)} ms | ${((ms / all) * 100).toFixed(1)} % | ${label.replace(/\|/g, '\\|')} |`;
  const lines = [
    `\n### ${title}`,
    '',
    `${runs} körningar, väggtid ${wallMs.map((m) => Math.round(m)).join(', ')} ms; CPU i profilen ${Math.round(all / runs)} ms per körning (utan väntan).`,
    '',
    '| egen tid per körning | andel | funktion (källa) |',
    '| ---: | ---: | --- |',
  ];
  for (const t of [...times].sort((a, b) => b.ms - a.ms).slice(0, top)) lines.push(row(t.ms, t.source ? `${t.fn} (${t.source})` : t.fn));
  const groups = new Map<string, number>();
  for (const t of times) groups.set(sourceGroup(t.source), (groups.get(sourceGroup(t.source)) ?? 0) + t.ms);
  lines.push('', '| egen tid per körning | andel | källa |', '| ---: | ---: | --- |');
  for (const [group, ms] of [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(row(ms, group));
  return lines.join('\n');
}

// ---------------------------------------------------------------- the cases

const api = (page: Page) => ({
  navigate: (hash: string) =>
    page.evaluate((h) => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.navigate(h, 120_000), hash),
  watch: () => page.evaluate(() => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.watch(null)),
  settled: () => page.evaluate(() => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.settled(300, 120_000)),
});

async function profiled(cdp: CDPSession, work: () => Promise<number>): Promise<{ profile: Profile; ms: number }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const ms = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { profile, ms };
}

type CaseDef = { id: string; title: string; run: (page: Page, cdp: CDPSession, run: number) => Promise<{ profile: Profile; ms: number }> };

const cases: readonly CaseDef[] = [
  {
    id: 'budget',
    title: 'Budget öppnas (#/budget, kall)',
    run: (page, cdp) => profiled(cdp, async () => (await api(page).navigate('#/budget')).ms),
  },
  {
    id: 'styrelserapport',
    title: 'Styrelserapport öppnas (#/styrelserapport, kall)',
    run: (page, cdp) => profiled(cdp, async () => (await api(page).navigate('#/styrelserapport')).ms),
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
      return profiled(cdp, async () => {
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
      return profiled(cdp, async () => {
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
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: path.join(projectRoot, 'vite.config.ts'),
        mode: 'web',
        logLevel: 'warn',
        build: { outDir: webDir, emptyOutDir: true, minify: false, sourcemap: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const lookup = await loadSourceMaps(webDir);
    const server = await serveStatic(webDir);
    const session = await launchBrowser();
    await mkdir(args.out, { recursive: true });
    const report: string[] = [`Skala ${args.scale}, ${describeMachine()}`];
    try {
      await session.context.addInitScript({
        content: `var __name = globalThis.__name || ((target) => target);\n(${installBenchHelpers.toString()})();\nwindow[${JSON.stringify(BOOT_DOCUMENT_GLOBAL)}] = ${JSON.stringify(text)};`,
      });
      for (const c of cases) {
        const times = new Map<string, SelfTime>();
        const wall: number[] = [];
        for (let run = 0; run < args.runs; run += 1) {
          const page = await session.context.newPage();
          try {
            await page.goto(`${server.url}?clock=${DEMO_AS_OF}#/bank-start`, { waitUntil: 'load', timeout: 120_000 });
            await page.locator('main#innehall h1').waitFor({ timeout: 120_000 });
            const cdp = await page.context().newCDPSession(page);
            const { profile, ms } = await c.run(page, cdp, run);
            wall.push(ms);
            await writeFile(path.join(args.out, `${c.id}-${run + 1}.cpuprofile`), JSON.stringify(profile));
            for (const t of selfTimes(profile, lookup)) {
              const key = `${t.fn}\u0000${t.source}`;
              const sum = times.get(key) ?? { ...t, ms: 0 };
              sum.ms += t.ms;
              times.set(key, sum);
            }
          } finally {
            await page.close();
          }
        }
        const section = printTop(c.title, [...times.values()], wall, args.top);
        console.log(section);
        report.push(section);
      }
    } finally {
      await session.close();
      await server.close();
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
