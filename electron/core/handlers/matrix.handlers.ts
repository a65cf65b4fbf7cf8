/**
 * The usage matrix channels. The core remembers its last few matrix answers by token, so that after a change
 * (a toggle, an undo) the screen can ask for what differs from the answer it holds: at ten times the
 * association's size a whole matrix is 1 300 rows × 100 services, two megabytes to copy across the process
 * boundary and compare on arrival, while a toggle changes one row. Remembering also lets the next matrix of
 * the same filter start from the last one (`buildMatrix(…, previous)`) instead of from nothing.
 */
import type { ChannelHandlers } from '../../contract';
import type {
  UsageMatrix,
  UsageMatrixAnswer,
  UsageMatrixAnswerColumn,
  UsageMatrixAnswerRow,
  UsageMatrixChanges,
  UsageMatrixColumn,
  UsageMatrixFilter,
  UsageMatrixRow,
} from '../../contract/channels/usage.channels';
import { packCells, type PackedCell } from '../../contract/rules/matrix-cells';
import { buildMatrix, continuesFrom, matrixFilterKey, type MatrixBuild } from '../domain/usage-matrix';
import type { HandlerContext } from './create-handlers';

/**
 * Rows and columns as sent, made once per row and column object of the core's matrix: a build that follows
 * another keeps every row and column that did not change as the same object, so only those that changed are
 * packed again. Kept per columns array, since a row's cells are packed by their column's place.
 */
const sentRows = new WeakMap<readonly UsageMatrixColumn[], WeakMap<UsageMatrixRow, UsageMatrixAnswerRow>>();
const sentColumns = new WeakMap<UsageMatrixColumn, UsageMatrixAnswerColumn>();

function answerColumn(column: UsageMatrixColumn): UsageMatrixAnswerColumn {
  let sent = sentColumns.get(column);
  if (!sent) {
    const { serviceId, name, archived, users, visibleUsers, memberShare, populationShare } = column;
    sent = { serviceId, name, archived, users, visibleUsers, memberShare, populationShare };
    sentColumns.set(column, sent);
  }
  return sent;
}

function rowSender(columns: readonly UsageMatrixColumn[]): (row: UsageMatrixRow) => UsageMatrixAnswerRow {
  let sent = sentRows.get(columns);
  if (!sent) sentRows.set(columns, (sent = new WeakMap()));
  const place = new Map(columns.map((c, i) => [c.serviceId, i]));
  const known = sent;
  return (row) => {
    let answer = known.get(row);
    if (!answer) {
      const cells: [number, PackedCell][] = [];
      for (const [serviceId, cell] of Object.entries(row.cells)) {
        const at = place.get(serviceId);
        if (at !== undefined) cells.push([at, cell]);
      }
      cells.sort((a, b) => a[0] - b[0]);
      const { organisationId, name, isMember, serviceCount, serviceUse } = row;
      answer = { organisationId, name, isMember, serviceCount, serviceUse, cells: packCells(cells) };
      known.set(row, answer);
    }
    return answer;
  };
}

/**
 * The matrix as the channels send it: the rows' cells packed into one string each, and of the columns only the
 * figures the screen shows (copying an object per cell was the largest part of answering a large matrix).
 */
export function matrixAnswerOf(matrix: UsageMatrix, token: string): UsageMatrixAnswer {
  const sendRow = rowSender(matrix.columns);
  return {
    token,
    date: matrix.date,
    columns: matrix.columns.map(answerColumn),
    rows: matrix.rows.map(sendRow),
    totals: matrix.totals,
    viaNames: matrix.viaNames,
  };
}

/**
 * What differs between the matrix `held` answered and `build`, which continues it (same filter, date, services):
 * the rows that are not the very objects held, the columns likewise, and the order and via names only when they
 * changed. A toggle thus sends a row or a few and the columns of one service.
 */
function changesFrom(held: MatrixBuild, build: MatrixBuild, since: string, token: string): UsageMatrixChanges {
  const { rows, columns, totals, viaNames } = build.matrix;
  const heldRows = held.matrix.rows;
  const sendRow = rowSender(columns);
  const sameOrder = rows.length === heldRows.length && rows.every((row, i) => row.organisationId === heldRows[i]?.organisationId);
  return {
    kind: 'changes',
    token,
    since,
    date: build.date,
    ...(sameOrder ? {} : { rowIds: rows.map((r) => r.organisationId) }),
    rows: rows.filter((row) => held.rowById.get(row.organisationId) !== row).map(sendRow),
    columns: columns.flatMap((column, index) => (column === held.matrix.columns[index] ? [] : [{ index, column: answerColumn(column) }])),
    totals,
    ...(viaNames === held.matrix.viaNames ? {} : { viaNames }),
  };
}

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
    return matrixAnswerOf(build.matrix, remember(build));
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
      return changesFrom(held, build, since, token);
    },
  };
}
