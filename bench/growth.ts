/**
 * `npx tsx bench/growth.ts <run-1x.json> <run-10x.json> [<run-30x.json> …]`: how each measurement grows with
 * the register, from the files `npm run bench -- --json` wrote. Prints a Markdown table: the median (or the
 * peak RSS for main-memory) at each scale and the factor from the first scale to each of the others.
 */
import { readFileSync } from 'node:fs';
import { resultNames, type BenchReport, type BenchResult } from './lib/results';

const reports = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')) as BenchReport);
if (reports.length < 2) {
  console.error('Ange minst två JSON-filer från npm run bench -- --json <fil>.');
  process.exit(2);
}
reports.sort((a, b) => a.scale - b.scale);

const value = (r: BenchResult | undefined) => (r ? (r.name === 'main-memory' ? r.peak_rss_mb : r.median_ms) : null);
const shown = (r: BenchResult | undefined) => {
  const v = value(r);
  if (v === null) return r?.note?.startsWith('saknas') ? 'saknas' : r?.note?.startsWith('fel') ? 'fel' : '–';
  return r?.name === 'main-memory' ? `${Math.round(v)} MB` : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`;
};

const first = reports[0] as BenchReport;
const header = ['Mätning', ...reports.map((r) => `${r.scale}×`), ...reports.slice(1).map((r) => `${r.scale}× / ${first.scale}×`)];
const rows = resultNames.map((name) => {
  const results = reports.map((r) => r.results.find((x) => x.name === name));
  const base = value(results[0]);
  const factors = results.slice(1).map((r) => {
    const v = value(r);
    return base === null || v === null || base === 0 ? '–' : `${(v / base).toFixed(1)}×`;
  });
  return [name, ...results.map(shown), ...factors];
});
const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
