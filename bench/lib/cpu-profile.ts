/**
 * Reading Chromium's CPU profiles for the profilers (`bench/profile-ui.ts`, `bench/profile-budget-pack.ts`): the web
 * entry built unminified with source maps, a browser page holding the demo register, a piece of work run under
 * the sampling profiler (CDP `Profiler`), and the self time per function with the source file it comes from (ours
 * by path, an npm package by name, the browser's own work as «webbläsaren»).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../../test/support/browser';
import { serveStatic } from '../../tools/lib/static-server';
import { BOOT_DOCUMENT_GLOBAL } from '../../renderer/bridge/web-bridge';
import { DEMO_AS_OF } from '../../tools/demo/demo-document';
import { installBenchHelpers, type BenchPageApi } from '../cases/ui-page-helpers';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
export type Profile = { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number };
export type SelfTime = { fn: string; source: string; ms: number };
export type SourceLookup = (url: string, line: number, col: number) => string;

/** Builds the web entry unminified with source maps into `outDir`, so functions keep their names and sources. */
export async function buildProfilingWeb(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(projectRoot, 'vite.config.ts'),
      mode: 'web',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, minify: false, sourcemap: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

// ---------------------------------------------------------------- source maps (line/column -> source file)

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

/** Maps a profile position to its source: an npm package by its name, our own files by their repository path. */
export async function loadSourceMaps(webDir: string): Promise<SourceLookup> {
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
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    return pkg ? (pkg[1] ?? source) : path.relative(projectRoot, path.resolve(assets, source));
  };
}

// ---------------------------------------------------------------- self times and their summary

/** Adds the profile's self time (ms) per function and source to `into`; the idle time between tasks is left out. */
export function addSelfTimes(profile: Profile, lookup: SourceLookup, into: Map<string, SelfTime>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const node = byId.get(samples[i] as number);
    // A sample's time is the delta to the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const source = lookup(url, lineNumber, columnNumber);
    const fn = functionName || '(anonym)';
    const key = `${fn}\u0000${source}`;
    const entry = into.get(key) ?? { fn, source, ms: 0 };
    entry.ms += ms;
    into.set(key, entry);
  }
}

/** Where a source belongs: our folders two levels deep (`electron/core/domain`), a package by name, else the browser. */
function sourceGroup(source: string): string {
  if (source === '') return '(webbläsaren: layout, DOM, GC, program)';
  if (!source.includes('/')) return source;
  return source.split('/').slice(0, 3).join('/');
}

/** A Markdown section: the wall times, then the top functions and the top sources by self time per run. */
export function summarise(title: string, times: Iterable<SelfTime>, wallMs: readonly number[], top: number): string {
  const list = [...times];
  const runs = Math.max(1, wallMs.length);
  const all = list.reduce((a, t) => a + t.ms, 0) || 1;
  const row = (ms: number, label: string) => `| ${(ms / runs).toFixed(1)} ms | ${((ms / all) * 100).toFixed(1)} % | ${label.replace(/\|/g, '\\|')} |`;
  const lines = [
    `\n### ${title}`,
    '',
    `${wallMs.length} körningar, väggtid ${wallMs.map((m) => Math.round(m)).join(', ')} ms; CPU i profilen ${Math.round(all / runs)} ms per körning (utan väntan).`,
    '',
    '| egen tid per körning | andel | funktion (källa) |',
    '| ---: | ---: | --- |',
  ];
  for (const t of [...list].sort((a, b) => b.ms - a.ms).slice(0, top)) lines.push(row(t.ms, t.source ? `${t.fn} (${t.source})` : t.fn));
  const groups = new Map<string, number>();
  for (const t of list) groups.set(sourceGroup(t.source), (groups.get(sourceGroup(t.source)) ?? 0) + t.ms);
  lines.push('', '| egen tid per körning | andel | källa |', '| ---: | ---: | --- |');
  for (const [group, ms] of [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(row(ms, group));
  return lines.join('\n');
}

// ---------------------------------------------------------------- pages and profiled work

/** Runs `work` under Chromium's sampling profiler and returns the profile with the work's result. */
export async function profiled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ profile: Profile; result: T }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { profile, result };
}

/** The bench's page helpers (`cases/ui-page-helpers.ts`) as seen from Node. */
export const benchPage = (page: Page) => ({
  navigate: (hash: string) =>
    page.evaluate((h) => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.navigate(h, 120_000), hash),
  watch: (exclude: string | null = null) =>
    page.evaluate((e) => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.watch(e), exclude),
  settled: () => page.evaluate(() => (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench.settled(300, 120_000)),
});

export type ProfilingSession = {
  /** A fresh page on the start screen, with the register loaded, and its CDP session. */
  freshPage: () => Promise<{ page: Page; cdp: CDPSession }>;
  /** Maps a profile position to its source file, by the build's source maps. */
  lookup: SourceLookup;
  close: () => Promise<void>;
};

/** Serves the built web entry, opens Chromium with the bench's helpers and the register `text` on every page. */
export async function openProfilingSession(webDir: string, text: string): Promise<ProfilingSession> {
  const lookup = await loadSourceMaps(webDir);
  const server = await serveStatic(webDir);
  const session = await launchBrowser();
  await session.context.addInitScript({
    content: `var __name = globalThis.__name || ((target) => target);\n(${installBenchHelpers.toString()})();\nwindow[${JSON.stringify(BOOT_DOCUMENT_GLOBAL)}] = ${JSON.stringify(text)};`,
  });
  return {
    lookup,
    freshPage: async () => {
      const page = await session.context.newPage();
      await page.goto(`${server.url}?clock=${DEMO_AS_OF}#/bank-start`, { waitUntil: 'load', timeout: 120_000 });
      await page.locator('main#innehall h1').waitFor({ timeout: 120_000 });
      return { page, cdp: await page.context().newCDPSession(page) };
    },
    close: async () => {
      await session.close();
      await server.close();
    },
  };
}

/** Writes a profile that Chromium's DevTools open (Performance panel), making the folder when needed. */
export async function saveProfile(file: string, profile: Profile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(profile));
}
