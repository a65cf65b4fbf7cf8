/**
 * The usage matrix channels. The core remembers its last few matrix answers by token, so that after a change
 * (a toggle, an undo) the screen can ask for what differs from the answer it holds: at ten times the
 * association's size a whole matrix is 1 300 rows × 100 services, two megabytes to copy across the process
 * boundary and compare on arrival, while a toggle changes one row. Remembering also lets the next matrix of
 * the same filter start from the last one (`buildMatrix(…, previous)`) instead of from nothing.
 */
import type { ChannelHandlers } from '../../contract';
import type { UsageMatrixAnswer, UsageMatrixChanges, UsageMatrixFilter } from '../../contract/channels/usage.channels';
import { buildMatrix, continuesFrom, matrixFilterKey, type MatrixBuild } from '../domain/usage-matrix';
import type { HandlerContext } from './create-handlers';

/** Answers remembered: a screen holds one matrix, a few more cover going back and forth between filters. */
const REMEMBERED = 6;

export function createMatrixHandlers({ repo, today }: HandlerContext): Pick<ChannelHandlers, 'usage/get-matrix' | 'usage/get-matrix-changes'> {
  // A token names one answer of this core. The prefix tells this core's tokens from those of a core before it
  // (another file opened in the same window), so a token can never name an answer it did not give.
  const prefix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let sequence = 0;
  const answers = new Map<string, MatrixBuild>();

  function remember(build: MatrixBuild): string {
    sequence += 1;
    const token = `${prefix}-${sequence}`;
    answers.set(token, build);
    if (answers.size > REMEMBERED) answers.delete(answers.keys().next().value as string);
    return token;
  }

  /** The latest answer remembered for this filter and date, to start the next one from. */
  function latestFor(date: string, filterKey: string): MatrixBuild | undefined {
    let found: MatrixBuild | undefined;
    for (const build of answers.values()) if (build.date === date && build.filterKey === filterKey) found = build;
    return found;
  }

  function fullAnswer(date: string, filter: UsageMatrixFilter): UsageMatrixAnswer {
    const build = buildMatrix(repo.get(), date, filter, latestFor(date, matrixFilterKey(filter)));
    return { ...build.matrix, token: remember(build) };
  }

  return {
    'usage/get-matrix': ({ date, ...filter }) => fullAnswer(date ?? today(), filter),

    'usage/get-matrix-changes': ({ date, since, ...filter }): UsageMatrixChanges => {
      const at = date ?? today();
      const doc = repo.get();
      const held = answers.get(since);
      // An answer this core no longer remembers, or a change beyond usages (organisations, services,
      // memberships, reference data, another file): every row may differ, and the whole matrix says so simply.
      if (!held || !continuesFrom(held, doc, at, matrixFilterKey(filter))) return { kind: 'full', matrix: fullAnswer(at, filter) };
      const build = buildMatrix(doc, at, filter, held);
      let token = since;
      if (build.matrix === held.matrix) answers.set(since, build);
      else token = remember(build);
      const { rows, columns, totals, viaNames } = build.matrix;
      return {
        kind: 'changes',
        token,
        since,
        date: at,
        columns,
        totals,
        viaNames,
        rowIds: rows.map((r) => r.organisationId),
        rows: rows.filter((row) => held.rowById.get(row.organisationId) !== row),
      };
    },
  };
}
