/**
 * `main-memory`: what a Node process holding the register with the core's services costs in memory, as a
 * proxy for Electron's main process (no Electron binary on these machines). The figure is the kernel's peak
 * RSS of that process, opening included; the note gives the RSS once it holds the register.
 */
import type { BenchContext } from '../lib/context';
import { runChild } from '../lib/child';
import type { BenchResult } from '../lib/results';

type MainMemory = { baseRssMb: number; heldRssMb: number; heapUsedMb: number; peakRssMb: number; openMs: number };

export async function benchMainMemory(ctx: BenchContext): Promise<BenchResult> {
  const m = await runChild<MainMemory>('main-memory.ts', [ctx.documentFile], ctx.dir);
  return {
    name: 'main-memory',
    median_ms: null,
    p95_ms: null,
    baseline: null,
    baseline_median_ms: null,
    ratio: null,
    peak_rss_mb: Math.round(m.peakRssMb * 10) / 10,
    note:
      `Node-process som ställföreträdare för Electrons huvudprocess: topp ${Math.round(m.peakRssMb)} MB under öppningen, ` +
      `${Math.round(m.heldRssMb)} MB RSS (heap ${Math.round(m.heapUsedMb)} MB) när registret hålls, processen med koden inläst ${Math.round(m.baseRssMb)} MB; öppnad på ${Math.round(m.openMs)} ms`,
  };
}
