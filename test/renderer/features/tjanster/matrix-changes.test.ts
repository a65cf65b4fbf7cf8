/**
 * Applying a matrix's changes on screen: what did not change stays the object held (so memoised rows skip
 * rendering), and changes that do not follow from the matrix held are refused, so the hook fetches it whole.
 */
import { describe, expect, it } from 'vitest';
import type { UsageMatrixAnswer, UsageMatrixChanges, UsageMatrixColumn, UsageMatrixRow } from '../../../../electron/contract';
import { applyMatrixChanges } from '../../../../renderer/features/tjanster/matrix-changes';

type Changes = Extract<UsageMatrixChanges, { kind: 'changes' }>;

const row = (id: string, services: string[]): UsageMatrixRow => ({
  organisationId: id,
  name: id,
  kind: 'kommun',
  population: 1000,
  isMember: true,
  serviceCount: services.length,
  serviceUse: { total: services.length, direct: services.length, via: [] },
  cells: Object.fromEntries(services.map((s) => [s, { usageId: `${id}-${s}`, from: '2022-01-01', source: 'direct' as const }])),
});

const column = (serviceId: string, users: number): UsageMatrixColumn => ({
  serviceId,
  name: serviceId,
  archived: false,
  users,
  usersBreakdown: { total: users, direct: users, via: [] },
  municipalities: users,
  memberUsers: users,
  memberCount: 3,
  memberShare: users / 3,
  populationCovered: users * 1000,
  populationShare: null,
  visibleUsers: users,
});

const held: UsageMatrixAnswer = {
  token: 't1',
  date: '2022-06-30',
  columns: [column('a', 1), column('b', 2)],
  rows: [row('x', ['a']), row('y', ['b']), row('z', ['b'])],
  totals: { rows: 3, rowsUsingNone: 0, rowsUsingExactlyOne: 3, memberCount: 3 },
  viaNames: {},
};

const changes = (over: Partial<Changes>): Changes => ({
  kind: 'changes',
  token: 't2',
  since: 't1',
  date: held.date,
  columns: held.columns.map((c) => ({ ...c })),
  totals: { ...held.totals },
  viaNames: {},
  rowIds: ['x', 'y', 'z'],
  rows: [],
  ...over,
});

describe('applyMatrixChanges', () => {
  it('replaces the changed row and keeps every other row, column and total the object held', () => {
    const toggled = row('y', ['a', 'b']);
    const next = applyMatrixChanges(held, changes({ rows: [toggled], columns: [column('a', 2), { ...(held.columns[1] as UsageMatrixColumn) }] }));
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
    const added = row('w', ['a']);
    const next = applyMatrixChanges(held, changes({ rowIds: ['w', 'x', 'z'], rows: [added], totals: { ...held.totals, rows: 3 } }));
    expect(next?.rows.map((r) => r.organisationId)).toEqual(['w', 'x', 'z']);
    expect(next?.rows[1]).toBe(held.rows[0]);
  });

  it('refuses changes made against another matrix, or naming a row it does not have', () => {
    expect(applyMatrixChanges(held, changes({ since: 't0' }))).toBeUndefined();
    expect(applyMatrixChanges(held, changes({ rowIds: ['x', 'q'] }))).toBeUndefined();
  });

  it('takes new via names and totals when they differ', () => {
    const next = applyMatrixChanges(held, changes({ viaNames: { g: 'Gruppen' }, totals: { ...held.totals, rowsUsingExactlyOne: 2 } }));
    expect(next?.viaNames).toEqual({ g: 'Gruppen' });
    expect(next?.totals.rowsUsingExactlyOne).toBe(2);
  });
});
