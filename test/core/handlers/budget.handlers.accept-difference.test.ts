import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import type { BudgetTable, BudgetWarning, Result } from '../../../electron/contract';
import { ids, kr, planDocument, plain } from '../../fixtures/budget/plan-budget';

function setup() {
  return createTestServices({ initial: planDocument(), user: () => 'anna', now: '2022-05-02T09:30:00.000Z' });
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

const statedWarning = (table: BudgetTable, key: string): Extract<BudgetWarning, { kind: 'stated-total' }> | undefined =>
  table.warnings.find((w): w is Extract<BudgetWarning, { kind: 'stated-total' }> => w.kind === 'stated-total' && w.key === key && w.columnId === ids.budget2022);

describe('budget/accept-difference', () => {
  it('records who accepted the plan’s one-krona difference and when, in the column and the change log, and undoes', async () => {
    const { call, repo } = setup();
    expect(statedWarning(data(await call('budget/get', {})), 'result')?.accepted).toBeUndefined();

    const table = data(await call('budget/accept-difference', { columnId: ids.budget2022, key: 'result' }));
    const warning = statedWarning(table, 'result');
    expect(warning?.accepted).toEqual({ by: 'anna', at: '2022-05-02T09:30:00.000Z' });
    expect(plain(warning?.message ?? '')).toBe(
      'Verksamhetsresultat, Budget 2022: uträknat 96 817 kr, men underlaget anger 96 818 kr (skillnad −1 kr). Skillnaden godtogs 2022-05-02 av anna.',
    );
    const resultCell = table.result.cells[table.columns.findIndex((c) => c.id === ids.budget2022)];
    expect(resultCell?.stated).toMatchObject({ differs: true, accepted: { by: 'anna', at: '2022-05-02T09:30:00.000Z' } });
    // Only the accepted figure: the cost total's difference still waits.
    expect(statedWarning(table, 'sum-cost')?.accepted).toBeUndefined();
    const column = repo.get().budget.columns.find((c) => c.id === ids.budget2022);
    expect(column?.acceptedDifferences?.result).toEqual({ statedOre: kr(96_818), computedOre: kr(96_817), by: 'anna', at: '2022-05-02T09:30:00.000Z' });
    const entry = repo.get().changeLog.at(-1);
    expect(entry).toMatchObject({ by: 'anna', at: '2022-05-02T09:30:00.000Z', entity: 'budget-column', action: 'update' });
    expect(plain(entry?.summary ?? '')).toBe('Godtog skillnaden mot underlaget: Verksamhetsresultat, Budget 2022 (uträknat 96 817 kr, underlaget 96 818 kr)');

    data(await call('history/undo', {}));
    expect(statedWarning(data(await call('budget/get', {})), 'result')?.accepted).toBeUndefined();
  });

  it('brings the warning back when a figure changes after the acceptance', async () => {
    const { call } = setup();
    data(await call('budget/accept-difference', { columnId: ids.budget2022, key: 'result' }));
    const changed = data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount: '−3 715 590' }));
    if (changed.kind !== 'full') throw new Error('expected the whole table');
    const warning = statedWarning(changed.table, 'result');
    expect(warning?.differenceOre).toBe(kr(-2));
    expect(warning?.accepted).toBeUndefined();
  });

  it('refuses a figure without a difference or without a stated total, in Swedish, and saves nothing', async () => {
    const { call, port } = setup();
    const none = await call('budget/accept-difference', { columnId: ids.budget2022, key: 'sum-income' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toBe('Uträknat och underlaget stämmer redan; det finns ingen skillnad att godta.');
    const unknown = await call('budget/accept-difference', { columnId: ids.budget2022, key: ids.staff });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toBe('Underlaget anger ingen sådan summa i den här kolumnen.');
    const noColumn = await call('budget/accept-difference', { columnId: 'col-saknas', key: 'result' });
    expect(noColumn.ok).toBe(false);
    expect(port.saved).toHaveLength(0);
  });
});
