/**
 * Applying a matrix's changes on screen: what did not change stays the object held (so memoised rows skip
 * rendering), and changes that do not follow from the matrix held are refused, so the hook fetches it whole.
 */
import { describe, expect, it } from 'vitest';
import type { UsageMatrixAnswer, UsageMatrixAnswerColumn, UsageMatrixAnswerRow, UsageMatrixChanges } from '../../../../electron/contract';
import { packCells } from '../../../../electron/contract/rules/matrix-cells';
import { applyMatrixChanges } from '../../../../renderer/features/tjanster/matrix-changes';

type Changes = Extract<UsageMatrixChanges, { kind: 'changes' }>;

const row = (id: string, columns: number[]): UsageMatrixAnswerRow => ({
  organisationId: id,
  name: id,
  isMember: true,
  serviceCount: columns.length,
  serviceUse: { total: columns.length, direct: columns.length, via: [] },
  cells: packCells(columns.map((c) => [c, { from: '2022-01-01', source: 'direct' as const }])),
});

const column = (serviceId: string, users: number): UsageMatrixAnswerColumn => ({
  serviceId,
  name: serviceId,
  archived: false,
  users,
  memberShare: users / 3,
  populationShare: null,
  visibleUsers: users,
});

const held: UsageMatrixAnswer = {
  token: 't1',
  date: '2022-06-30',
  columns: [column('a', 1), column('b', 2)],
  rows: [row('x', [0]), row('y', [1]), row('z', [1])],
  totals: { rows: 3, rowsUsingNone: 0, rowsUsingExactlyOne: 3, memberCount: 3 },
  viaNames: {},
};

const changes = (over: Partial<Changes>): Changes => ({
  kind: 'changes',
  token: 't2',
  since: 't1',
  date: held.date,
  columns: [],
  totals: { ...held.totals },
  rows: [],
  ...over,
});

describe('applyMatrixChanges', () => {
  it('replaces the changed row and column and keeps every other row, column and total the object held', () => {
    const toggled = row('y', [0, 1]);
    const next = applyMatrixChanges(held, changes({ rows: [toggled], columns: [{ index: 0, column: column('a', 2) }] }));
    expect(next?.token).toBe('t2');
    expect(next?.rows).toEqual([held.rows[0], toggled, held.rows[2]]);
    expect(next?.rows[0]).toBe(held.rows[0]);
    expect(next?.rows[2]).toBe(held.rows[2]);
    expect(next?.columns[0]).toEqual(column('a', 2));
    expect(next?.columns[1]).toBe(held.columns[1]);
    expect(next?.totals).toBe(held.totals);
    expect(next?.viaNames).toBe(held.viaNames);
  });

  it('keeps the arrays held when nothing changed', () => {
    const next = applyMatrixChanges(held, changes({ token: 't1' }));
    expect(next?.rows).toBe(held.rows);
    expect(next?.columns).toBe(held.columns);
  });

  it('follows the new order, with rows added and removed', () => {
    const added = row('w', [0]);
    const next = applyMatrixChanges(held, changes({ rowIds: ['w', 'x', 'z'], rows: [added], totals: { ...held.totals, rows: 3 } }));
    expect(next?.rows.map((r) => r.organisationId)).toEqual(['w', 'x', 'z']);
    expect(next?.rows[1]).toBe(held.rows[0]);
  });

  it('refuses changes made against another matrix, naming a row or column it does not have', () => {
    expect(applyMatrixChanges(held, changes({ since: 't0' }))).toBeUndefined();
    expect(applyMatrixChanges(held, changes({ rowIds: ['x', 'q'] }))).toBeUndefined();
    // Without an order, a changed row must be one held.
    expect(applyMatrixChanges(held, changes({ rows: [row('q', [0])] }))).toBeUndefined();
    expect(applyMatrixChanges(held, changes({ columns: [{ index: 2, column: column('c', 1) }] }))).toBeUndefined();
    expect(applyMatrixChanges(held, changes({ columns: [{ index: 0, column: column('b', 1) }] }))).toBeUndefined();
  });

  it('takes new via names and totals when they differ', () => {
    const next = applyMatrixChanges(held, changes({ viaNames: { g: 'Gruppen' }, totals: { ...held.totals, rowsUsingExactlyOne: 2 } }));
    expect(next?.viaNames).toEqual({ g: 'Gruppen' });
    expect(next?.totals.rowsUsingExactlyOne).toBe(2);
  });
});
