import { describe, expect, it } from 'vitest';
import { budgetVsRegister } from '../../../electron/core/domain/budget';
import { ids, kr, planBudget, planDocument, plain } from '../../fixtures/budget/plan-budget';

describe('budgetVsRegister', () => {
  it('sets register figures against the year’s budget lines, with the difference and a sentence', () => {
    const comparison = budgetVsRegister(planDocument(), 2022, {
      membershipFeesOre: kr(3_450_000),
      serviceRevenueOre: kr(17_873_120),
    });
    expect(comparison).toMatchObject({ year: 2022, budgetColumnId: ids.budget2022 });
    expect(comparison.outcomeColumnId).toBeUndefined();
    const [members, services] = comparison.rows;
    expect(members).toMatchObject({
      source: 'membership-fees',
      label: 'Medlemsavgifter',
      lineId: ids.members,
      registerOre: kr(3_450_000),
      budget: { columnId: ids.budget2022, amountOre: kr(3_400_000), differenceOre: kr(50_000) },
    });
    expect(members?.outcome).toBeUndefined();
    expect(plain(members?.explanation ?? '')).toBe(
      'Registret ger 3 450 000 kr i medlemsavgifter för 2022, 50 000 kr mer än budgeten (3 400 000 kr). Utfall för 2022 saknas ännu.',
    );
    expect(services).toMatchObject({ label: 'Nettoomsättning', budget: { differenceOre: 0 } });
    expect(plain(services?.explanation ?? '')).toBe(
      'Registret ger 17 873 120 kr i avgifter för tjänsterna för 2022, lika mycket som budgeten (17 873 120 kr). Utfall för 2022 saknas ännu.',
    );
  });

  it('compares with the outcome, and with both when both exist', () => {
    const budget = planBudget();
    budget.columns.push({ id: 'b21', year: 2021, kind: 'budget', amounts: { [ids.members]: kr(3_100_000) }, statedTotals: {} });
    const comparison = budgetVsRegister(planDocument(budget), 2021, { membershipFeesOre: kr(3_160_000), serviceRevenueOre: 0 });
    const [members] = comparison.rows;
    expect(members?.outcome).toEqual({ columnId: ids.outcome2021, amountOre: kr(3_172_048), differenceOre: kr(-12_048) });
    expect(members?.budget).toEqual({ columnId: 'b21', amountOre: kr(3_100_000), differenceOre: kr(60_000) });
    expect(plain(members?.explanation ?? '')).toBe(
      'Registret ger 3 160 000 kr i medlemsavgifter för 2021, 60 000 kr mer än budgeten (3 100 000 kr) och 12 048 kr mindre än utfallet (3 172 048 kr).',
    );
  });

  it('counts a line with sub-lines as their sum', () => {
    const budget = planBudget();
    budget.lines.push(
      { id: 's1', parentId: ids.net, name: 'Bibblix', kind: 'income', order: 1 },
      { id: 's2', parentId: ids.net, name: 'EGIL', kind: 'income', order: 2 },
    );
    const b2022 = budget.columns.find((c) => c.id === ids.budget2022);
    if (!b2022) throw new Error('fixture');
    b2022.amounts.s1 = kr(10_000_000);
    b2022.amounts.s2 = kr(7_000_000);
    const [, services] = budgetVsRegister(planDocument(budget), 2022, { membershipFeesOre: 0, serviceRevenueOre: kr(17_500_000) }).rows;
    expect(services?.budget).toEqual({ columnId: ids.budget2022, amountOre: kr(17_000_000), differenceOre: kr(500_000) });
  });

  it('explains when no line is marked or no column exists for the year', () => {
    const budget = planBudget();
    budget.lines = budget.lines.map(({ registerSource: _ignored, ...line }) => line);
    const [members] = budgetVsRegister(planDocument(budget), 2022, { membershipFeesOre: kr(1), serviceRevenueOre: 0 }).rows;
    expect(members).toMatchObject({ label: 'Medlemsavgifter', registerOre: kr(1) });
    expect(members?.lineId).toBeUndefined();
    expect(plain(members?.explanation ?? '')).toBe(
      'Registret ger 1 kr i medlemsavgifter för 2022. Ingen budgetrad är kopplad till medlemsavgifter, så beloppet kan inte jämföras med budgeten.',
    );
    const [none] = budgetVsRegister(planDocument(), 2030, { membershipFeesOre: kr(2), serviceRevenueOre: 0 }).rows;
    expect(plain(none?.explanation ?? '')).toBe('Registret ger 2 kr i medlemsavgifter för 2030. Det finns varken budget eller utfall för 2030 att jämföra med.');
  });
});
