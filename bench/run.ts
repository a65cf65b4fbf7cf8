/**
 * `npm run bench [-- --scale <n>] [--json <file>] [--only <cases>] [--seed <s>]`
 *
 * Builds the demo register at n times the association's size (default 10), then measures the store, the
 * exports, the import, the figures, the main process's memory and the web entry in Chromium, and prints a
 * table of medians and 95th percentiles beside each baseline from the same run. `--json` also writes
 * `{ scale, machine, results: [...] }`. `--only open,save,ui` runs some cases (names: open, save, export,
 * import, figures, main-memory, ui, postgres, invoicing) or single results of a case (`--only ui-budget-edit,ui-goal-edit`). Parts of the app that do not exist yet are listed as «saknas» with the
 * reason; a case that fails prints «fel» and the run exits with code 1. See BENCHMARKS.md.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildDemoDocument, DEFAULT_SEED } from '../scripts/demo-data';
import type { BenchContext } from './lib/context';
import { describeMachine } from './lib/machine';
import { collectGarbage } from './lib/measure';
import { formatTable, resultNames, type BenchReport, type BenchResult, type ResultName } from './lib/results';
import { benchOpen, benchSave } from './cases/store';
import { benchExport } from './cases/export';
import { benchImport } from './cases/import';
import { benchFigures } from './cases/figures';
import { benchMainMemory } from './cases/memory';
import { benchUi, uiResultNames } from './cases/ui';
import { benchPostgres } from './cases/postgres';
import { benchInvoicing } from './cases/invoicing';

type CaseDef = { id: string; names: readonly ResultName[]; run: (ctx: BenchContext) => Promise<BenchResult | BenchResult[]> };

const cases: readonly CaseDef[] = [
  { id: 'open', names: ['open'], run: benchOpen },
  { id: 'save', names: ['save'], run: benchSave },
  { id: 'export', names: ['export'], run: benchExport },
  { id: 'import', names: ['import'], run: benchImport },
  { id: 'figures', names: ['figures'], run: benchFigures },
  { id: 'main-memory', names: ['main-memory'], run: benchMainMemory },
  { id: 'ui', names: uiResultNames, run: benchUi },
  { id: 'postgres', names: ['pg-open', 'pg-save'], run: benchPostgres },
  { id: 'invoicing', names: ['invoice-draft', 'invoice-files', 'invoice-pdf'], run: benchInvoicing },
];

type Args = { scale: number; json?: string; only?: Set<string>; seed: string };

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { scale: 10, seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag ?? ''} saknar värde`);
    if (flag === '--scale') args.scale = Number(value);
    else if (flag === '--json') args.json = path.resolve(value);
    else if (flag === '--seed') args.seed = value;
    else if (flag === '--only') args.only = new Set(value.split(',').map((s) => s.trim()));
    else throw new Error(`Okänt argument: ${flag ?? ''}. Använd --scale <n>, --json <fil>, --only <fall>, --seed <frö>.`);
    i += 1;
  }
  if (!Number.isFinite(args.scale) || args.scale <= 0 || args.scale > 100) throw new Error('--scale ska vara ett tal över 0 och högst 100.');
  for (const id of args.only ?? []) if (!cases.some((c) => c.id === id || (c.names as readonly string[]).includes(id))) throw new Error(`Okänt fall eller mätning: ${id}`);
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const machine = describeMachine();
  const started = performance.now();
  const log = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
  log(`Maskin: ${machine}`);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-bench-'));
  // Interrupted (Ctrl+C, a CI timeout): the temp folder goes too; the browser and children exit with us.
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const t0 = performance.now();
    const { document, text } = buildDemoDocument(args.scale, args.seed);
    const documentFile = path.join(dir, 'register.json');
    await writeFile(documentFile, text, 'utf8');
    log(
      `Demoregister i skala ${args.scale}: ${(Buffer.byteLength(text) / 1_048_576).toFixed(1)} MB, ${document.organisations.length} organisationer, ` +
        `${document.contacts.length} personer, ${document.usages.length} användningar (byggt och validerat på ${Math.round(performance.now() - t0)} ms)`,
    );
    const only = args.only;
    const wants = (name: ResultName) => !only || only.has(name) || cases.some((c) => only.has(c.id) && c.names.includes(name));
    const ctx: BenchContext = { scale: args.scale, dir, documentFile, documentText: text, document, log, wants };

    const results = new Map<ResultName, BenchResult>();
    let failed = false;
    for (const c of cases) {
      if (!c.names.some(wants)) continue;
      log(`Mäter ${c.id} …`);
      collectGarbage();
      try {
        const out = await c.run(ctx);
        for (const r of (Array.isArray(out) ? out : [out]).filter((x) => wants(x.name))) {
          results.set(r.name, r);
          log(`  ${r.name}: ${r.median_ms === null ? (r.peak_rss_mb === null ? r.note : `${r.peak_rss_mb} MB`) : `median ${r.median_ms} ms, p95 ${r.p95_ms} ms`}`);
        }
      } catch (error) {
        failed = true;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.error(message);
        for (const name of c.names.filter(wants)) {
          results.set(name, {
            name,
            median_ms: null,
            p95_ms: null,
            baseline: null,
            baseline_median_ms: null,
            ratio: null,
            peak_rss_mb: null,
            note: `fel: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
          });
        }
      }
    }

    const report: BenchReport = {
      scale: args.scale,
      machine,
      results: resultNames.filter((n) => results.has(n)).map((n) => results.get(n) as BenchResult),
    };
    console.log(`\nSkala ${args.scale} · ${machine}\n`);
    console.log(formatTable(report));
    if (args.json) {
      await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
      log(`Skrev ${args.json}`);
    }
    log('Klart');
    return failed ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
