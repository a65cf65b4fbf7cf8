/**
 * Timing: a warm-up run, then samples until there are at least `minSamples` and either `maxSamples` or the
 * time budget is reached. Medians and 95th percentiles by nearest rank (with 5 samples the p95 is the
 * slowest one: said in BENCHMARKS.md). Wall-clock time with `performance.now()`.
 */
export type Samples = number[];

export type MeasureOptions = {
  warmup?: number;
  minSamples?: number;
  maxSamples?: number;
  budgetMs?: number;
  /** Runs after every run, untimed: puts back what a run changed, so each sample does the same work. */
  between?: () => Promise<void> | void;
};

export async function measure(run: (iteration: number) => unknown, options: MeasureOptions = {}): Promise<Samples> {
  const warmup = options.warmup ?? 1;
  const minSamples = options.minSamples ?? 5;
  const maxSamples = options.maxSamples ?? 25;
  const budgetMs = options.budgetMs ?? 10_000;
  let iteration = 0;
  let untimed = 0;
  for (let i = 0; i < warmup; i += 1) {
    await run(iteration++);
    await options.between?.();
  }
  const samples: Samples = [];
  const started = performance.now();
  // The budget counts timed work only, so a slow `between` does not cut the samples short.
  while (samples.length < minSamples || (samples.length < maxSamples && performance.now() - started - untimed < budgetMs)) {
    const t0 = performance.now();
    await run(iteration++);
    samples.push(performance.now() - t0);
    const t1 = performance.now();
    await options.between?.();
    untimed += performance.now() - t1;
  }
  return samples;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile (`p` in 0–100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Runs the garbage collector when Node was started with --expose-gc, so one case's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}
