/**
 * `figures`: every goal figure of the register (`evaluateGoals` over all goals, every year, at the demo's
 * "today") and the full usage matrix with its totals (`usage/get-matrix`, every organisation not archived,
 * every service, through the dispatcher), each sample on a new document state so nothing remembered from the
 * previous sample helps. No baseline: there is no plainer way to get the same figures.
 */
import { produce } from 'immer';
import type { BenchContext } from '../lib/context';
import { collectGarbage, measure } from '../lib/measure';
import { missing, timed, type BenchResult } from '../lib/results';
import { benchServices, dataOf } from '../lib/services';
import { DEMO_AS_OF } from '../../tools/demo/demo-document';
import type { SambrukDocument } from '../../electron/core/store/schema';

type EvaluateGoals = (doc: SambrukDocument, date: string) => unknown[];

/** The goal evaluation, if the core has it (the board pack's figures were being built alongside the bench). */
async function findEvaluateGoals(): Promise<EvaluateGoals | string> {
  const modulePath = '../../electron/core/domain/goals';
  try {
    const mod = (await import(modulePath)) as { evaluateGoals?: unknown };
    return typeof mod.evaluateGoals === 'function' ? (mod.evaluateGoals as EvaluateGoals) : 'electron/core/domain/goals.ts saknar evaluateGoals';
  } catch {
    return 'electron/core/domain/goals.ts finns inte';
  }
}

export async function benchFigures(ctx: BenchContext): Promise<BenchResult> {
  let services = benchServices(ctx.document);
  const evaluateGoals = await findEvaluateGoals();
  if (typeof evaluateGoals === 'string') return missing('figures', `målens siffror: ${evaluateGoals}`);
  if (!services.has('usage/get-matrix')) return missing('figures', 'kanalen usage/get-matrix finns inte');
  let doc = services.repo.get();
  // The core remembers figures per document state (e.g. who uses which service at a date): every sample gets
  // a new state, as after an edit, so that each one computes from scratch (made outside the timing).
  let edits = 0;
  const newState = () => {
    edits += 1;
    doc = produce(doc, (draft) => {
      const usage = draft.usages[edits % Math.max(1, draft.usages.length)];
      if (usage) usage.note = `Bänk ${edits}`;
      const org = draft.organisations[edits % Math.max(1, draft.organisations.length)];
      if (org) org.note = `Bänk ${edits}`;
    });
    services = benchServices(doc);
  };
  let goals = 0;
  let rows = 0;
  let columns = 0;
  collectGarbage();
  const samples = await measure(async () => {
    goals = evaluateGoals(doc, DEMO_AS_OF).length;
    const matrix = dataOf<{ rows: unknown[]; columns: unknown[] }>(
      await services.call('usage/get-matrix', { date: DEMO_AS_OF, scope: 'all', includeArchivedServices: true }),
      'usage/get-matrix',
    );
    rows = matrix.rows.length;
    columns = matrix.columns.length;
  }, { budgetMs: 8_000 * Math.max(1, ctx.scale / 5), between: newState });
  return timed('figures', samples, { note: `${samples.length} mätningar; ${goals} mål, matris ${rows} × ${columns}` });
}
