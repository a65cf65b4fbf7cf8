/** The budget's figures once per register state (issue 21 point 3): reused until a change touches what they read. */
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/contract';
import { budgetTable } from '../../../electron/core/domain/budget';
import { createTestServices } from '../../support/memory-document';
import { ids, planDocument } from '../../fixtures/budget/plan-budget';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('budget figures per register state', () => {
  it('answers the same table until the budget changes, then the new one', async () => {
    const { call, repo } = createTestServices({ initial: planDocument() });
    const first = data(await call('budget/get', {}));
    expect(data(await call('budget/get', {}))).toBe(first);
    const goal = repo.get().goals[0];
    if (!goal) throw new Error('no goal');
    data(await call('goals/update', { goalId: goal.id, title: `${goal.title} (ändrat)` }));
    expect(data(await call('budget/get', {}))).toBe(first);
    const answer = data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount: '-3 800 000' }));
    if (answer.kind !== 'full') throw new Error('expected the whole table');
    const changed = answer.table;
    expect(changed).not.toBe(first);
    const { token: _token, ...table } = changed;
    expect(table).toEqual(budgetTable(structuredClone(repo.get().budget)));
    expect(data(await call('budget/get', {}))).toBe(changed);
  });

  it('answers the same comparison with the register until a change touches the budget or the register', async () => {
    const { call, repo } = createTestServices({ initial: planDocument() });
    const first = data(await call('budget/register-comparison', { year: 2022 }));
    const goal = repo.get().goals[0];
    if (!goal) throw new Error('no goal');
    data(await call('goals/update', { goalId: goal.id, title: `${goal.title} (ändrat)` }));
    expect(data(await call('budget/register-comparison', { year: 2022 }))).toBe(first);
    data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount: '-3 800 000' }));
    const afterBudget = data(await call('budget/register-comparison', { year: 2022 }));
    expect(afterBudget).not.toBe(first);
    const membership = repo.get().memberships.find((m) => m.left === undefined);
    if (!membership) throw new Error('no membership');
    await repo.change('Utträde', (tx) => tx.memberships.update(membership.id, { left: '2022-03-31' }));
    expect(data(await call('budget/register-comparison', { year: 2022 }))).not.toBe(afterBudget);
  });
});
