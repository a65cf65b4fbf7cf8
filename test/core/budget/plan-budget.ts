/**
 * The income statement at the end of Verksamhetsplan 2022, built here so the budget tests do not depend on
 * the shipped default data: 2021 outcome and 2022 budget, with the totals the plan prints as stated totals.
 */
import type { Budget, BudgetColumn, BudgetLine, SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';

/** Whole kronor -> öre. */
export const kr = (kronor: number): number => kronor * 100;

export const ids = {
  members: 'line-medlemsavgifter',
  net: 'line-nettoomsattning',
  otherIncome: 'line-ovriga-intakter',
  external: 'line-ovriga-externa',
  staff: 'line-personal',
  outcome2021: 'col-utfall-2021',
  budget2022: 'col-budget-2022',
} as const;

export function planLines(): BudgetLine[] {
  return [
    { id: ids.members, name: 'Medlemsavgifter', kind: 'income', registerSource: 'membership-fees', order: 1 },
    { id: ids.net, name: 'Nettoomsättning', kind: 'income', registerSource: 'service-revenue', order: 2 },
    { id: ids.otherIncome, name: 'Övriga intäkter', kind: 'income', order: 3 },
    { id: ids.external, name: 'Övriga externa kostnader', kind: 'cost', order: 4 },
    { id: ids.staff, name: 'Personalkostnader', kind: 'cost', order: 5 },
  ];
}

export function planColumns(): BudgetColumn[] {
  return [
    {
      id: ids.outcome2021,
      year: 2021,
      kind: 'utfall',
      amounts: {
        [ids.members]: kr(3_172_048),
        [ids.net]: kr(15_993_973),
        [ids.otherIncome]: kr(502),
        [ids.external]: kr(-15_948_991),
        [ids.staff]: kr(-3_099_061),
      },
      statedTotals: { 'sum-income': kr(19_166_523), 'sum-cost': kr(-19_048_052), result: kr(118_471) },
    },
    {
      id: ids.budget2022,
      year: 2022,
      kind: 'budget',
      amounts: {
        [ids.members]: kr(3_400_000),
        [ids.net]: kr(17_873_120),
        [ids.otherIncome]: kr(0),
        [ids.external]: kr(-17_460_714),
        [ids.staff]: kr(-3_715_589),
      },
      // As printed in the plan. The printed cost sum and result are 1 kr off the sum of the printed lines.
      statedTotals: { 'sum-income': kr(21_273_120), 'sum-cost': kr(-21_176_302), result: kr(96_818) },
    },
  ];
}

export function planBudget(): Budget {
  return { lines: planLines(), columns: planColumns() };
}

/** The shipped default document with the plan's budget in place of whatever budget it carries. */
export function planDocument(budget: Budget = planBudget()): SambrukDocument {
  return { ...loadDefaultDocument(), budget };
}

/** Normalises Intl's no-break and narrow no-break spaces to plain spaces, for readable expectations. */
export const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
