/**
 * What a benchmark case reports, the JSON file (`--json`), and the printed table. Every case appears in the
 * output, also when the part it measures does not exist yet or could not run: then its figures are null and
 * `note` says «saknas» and why, rather than any made-up number.
 */
import { median, percentile, type Samples } from './measure';

export const resultNames = [
  'open',
  'save',
  'export',
  'import',
  'figures',
  'ui-render-oversikt',
  'ui-render-medlemmar',
  'ui-render-tjanster',
  'ui-render-natverk',
  'ui-render-budget',
  'ui-render-styrelserapport',
  'ui-render-data',
  'ui-open-organisation',
  'ui-search',
  'ui-matrix-toggle',
  'ui-budget-edit',
  'ui-goal-edit',
  'main-memory',
  'pg-open',
  'pg-save',
  'invoice-draft',
  'invoice-files',
  'invoice-pdf',
] as const;
export type ResultName = (typeof resultNames)[number];

export type BenchResult = {
  name: ResultName;
  median_ms: number | null;
  p95_ms: number | null;
  baseline: string | null;
  baseline_median_ms: number | null;
  /** median_ms / baseline_median_ms. */
  ratio: number | null;
  peak_rss_mb: number | null;
  /** «saknas: …» when the part is missing, else what the figure means where the name does not say it. */
  note: string | null;
};

export type BenchReport = { scale: number; machine: string; results: BenchResult[] };

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function timed(
  name: ResultName,
  samples: Samples,
  extra: { baseline?: { label: string; samples: Samples }; peakRssMb?: number | null; note?: string | null } = {},
): BenchResult {
  const m = median(samples);
  const b = extra.baseline ? median(extra.baseline.samples) : null;
  return {
    name,
    median_ms: round(m, 2),
    p95_ms: round(percentile(samples, 95), 2),
    baseline: extra.baseline?.label ?? null,
    baseline_median_ms: b === null ? null : round(b, 2),
    ratio: b === null || b === 0 ? null : round(m / b, 2),
    peak_rss_mb: extra.peakRssMb === undefined || extra.peakRssMb === null ? null : round(extra.peakRssMb, 1),
    note: extra.note ?? `${samples.length} mätningar`,
  };
}

export function missing(name: ResultName, reason: string, baseline: string | null = null): BenchResult {
  return { name, median_ms: null, p95_ms: null, baseline, baseline_median_ms: null, ratio: null, peak_rss_mb: null, note: `saknas: ${reason}` };
}

/** The targets at 10×, as the table's last column states them. */
export const targets: Partial<Record<ResultName, { text: string; met: (r: BenchResult) => boolean }>> = {
  open: { text: '< 1 s', met: (r) => (r.median_ms ?? Infinity) < 1000 },
  save: { text: '< 50 ms, ≤ 2× fs', met: (r) => (r.median_ms ?? Infinity) < 50 && (r.ratio ?? Infinity) <= 2 },
  export: { text: '< 3 s, ≤ 1,5× exceljs', met: (r) => (r.median_ms ?? Infinity) < 3000 && (r.ratio ?? Infinity) <= 1.5 },
  'ui-search': { text: '< 100 ms', met: (r) => (r.median_ms ?? Infinity) < 100 },
  'ui-matrix-toggle': { text: '< 100 ms', met: (r) => (r.median_ms ?? Infinity) < 100 },
  'ui-budget-edit': { text: '< 100 ms', met: (r) => (r.median_ms ?? Infinity) < 100 },
  'ui-goal-edit': { text: '< 100 ms', met: (r) => (r.median_ms ?? Infinity) < 100 },
  'ui-open-organisation': { text: '< 1 s', met: (r) => (r.median_ms ?? Infinity) < 1000 },
  'main-memory': { text: '< 300 MB', met: (r) => (r.peak_rss_mb ?? Infinity) < 300 },
  'pg-open': { text: '≤ 2 s', met: (r) => (r.median_ms ?? Infinity) <= 2000 },
  'pg-save': { text: '≤ 50 ms', met: (r) => (r.median_ms ?? Infinity) <= 50 },
  'invoice-draft': { text: '≤ 2 s', met: (r) => (r.median_ms ?? Infinity) <= 2000 },
  'invoice-files': { text: '≤ 3 s', met: (r) => (r.median_ms ?? Infinity) <= 3000 },
};
for (const screen of ['oversikt', 'medlemmar', 'tjanster', 'natverk', 'budget', 'styrelserapport', 'data'] as const) {
  targets[`ui-render-${screen}`] = { text: '< 1 s', met: (r) => (r.median_ms ?? Infinity) < 1000 };
}

const ms = (value: number | null) => (value === null ? '–' : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);

/** The table as printed (and copied into BENCHMARKS.md): Markdown, so it reads in a terminal and on GitHub. */
export function formatTable(report: BenchReport): string {
  const header = ['Mätning', 'Median', 'P95', 'Jämfört med', 'Dess median', 'Kvot', 'Topp-RSS', `Mål vid 10×`, 'Anmärkning'];
  const rows = report.results.map((r) => {
    const target = targets[r.name];
    // The targets are promises about 10×: a tick at another scale would say nothing.
    const measured = r.median_ms !== null || r.peak_rss_mb !== null;
    const verdict = !target || !measured || report.scale !== 10 ? '' : target.met(r) ? ' ✓' : ' ✗';
    return [
      r.name,
      ms(r.median_ms),
      ms(r.p95_ms),
      r.baseline ?? '–',
      ms(r.baseline_median_ms),
      r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
      r.peak_rss_mb === null ? '–' : `${Math.round(r.peak_rss_mb)} MB`,
      target ? `${target.text}${verdict}` : '–',
      r.note ?? '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
