/**
 * `budget/get-changes` and `budget/set-amount` with `since`: after a typed amount the screen gets the rows that
 * differ from the table it holds, and applying them gives the table `budget/get` answers.
 */
import { describe, expect, it } from 'vitest';
import type { BudgetTableAnswer, BudgetTableChanges, Result } from '../../../electron/contract';
import { applyBudgetTableChanges } from '../../../electron/core/domain/budget-table-changes';
import { createTestServices } from '../../support/memory-document';
import { ids, kr, planDocument } from '../../fixtures/budget/plan-budget';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function changesOf(answer: BudgetTableChanges) {
  if (answer.kind !== 'changes') throw new Error('expected changes, got the whole table');
  return answer;
}

describe('budget table changes through the channels', () => {
  it('answers a typed amount with the changed rows since the table held, which bring it to the new table', async () => {
    const { call } = createTestServices({ initial: planDocument() });
    const held = data(await call('budget/get', {}));
    expect(data(await call('budget/get', {}))).toBe(held);
    const answer = changesOf(data(await call('budget/set-amount', { since: held.token, columnId: ids.budget2022, lineId: ids.staff, amount: '-3 800 000' })));
    expect(answer.since).toBe(held.token);
    expect(answer.token).not.toBe(held.token);
    expect(answer.rows.map((r) => r.lineId)).toEqual([ids.staff]);
    const now = data(await call('budget/get', {}));
    expect(now.token).toBe(answer.token);
    const { token: _now, ...table } = now;
    expect(applyBudgetTableChanges(held, answer)).toEqual(table);
    // The core computed the edited column alone and kept the rest of the table it had: the income section is untouched.
    expect(now.sections[0]).toBe(held.sections[0]);
    expect(now.sections[1]?.rows.find((r) => r.lineId === ids.external)).toBe(held.sections[1]?.rows.find((r) => r.lineId === ids.external));
    expect(answer.result.cells.find((c) => c.columnId === ids.budget2022)?.amountOre).toBe(kr(96_817 - 84_411));

    // The refetch after the change finds nothing new since the answer it got.
    const again = changesOf(data(await call('budget/get-changes', { since: answer.token })));
    expect(again).toMatchObject({ token: answer.token, since: answer.token, rows: [] });
  });

  it('answers the whole table for an unknown token, without one, and after lines or columns changed', async () => {
    const { call } = createTestServices({ initial: planDocument() });
    const held: BudgetTableAnswer = data(await call('budget/get', {}));
    expect(data(await call('budget/get-changes', { since: 'okand-1' })).kind).toBe('full');
    expect(data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount: '1' })).kind).toBe('full');
    data(await call('budget/add-line', { name: 'Ny rad', kind: 'income' }));
    const full = data(await call('budget/get-changes', { since: held.token }));
    if (full.kind !== 'full') throw new Error('expected the whole table');
    expect(full.table).toBe(data(await call('budget/get', {})));
    expect(full.table.sections[0]?.rows.map((r) => r.name)).toContain('Ny rad');
  });

  it('refuses a token that is not text, in Swedish', async () => {
    const { call } = createTestServices({ initial: planDocument() });
    expect(await call('budget/get-changes', { since: '' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await call('budget/get-changes', { since: 5 as never })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
