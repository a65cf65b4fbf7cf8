/**
 * Budget totals are always computed from the leaf lines, never typed: a line with sub-lines is the sum of
 * its sub-lines. Amounts are signed öre (costs negative), so the result is the plain sum of all leaves.
 */
import type { Budget, BudgetColumn, BudgetLine } from '../store/schema';

export function childrenOf(lines: readonly BudgetLine[], parentId: string | undefined): BudgetLine[] {
  return lines.filter((l) => l.parentId === parentId).sort((a, b) => a.order - b.order);
}

/** Value of a line in a column: its own amount for a leaf, the sum of its children otherwise. */
export function lineAmount(lines: readonly BudgetLine[], column: BudgetColumn, lineId: string): number {
  const children = lines.filter((l) => l.parentId === lineId);
  if (children.length === 0) return column.amounts[lineId] ?? 0;
  return children.reduce((sum, child) => sum + lineAmount(lines, column, child.id), 0);
}

export function columnTotals(budget: Budget, column: BudgetColumn) {
  let incomeOre = 0;
  let costOre = 0;
  for (const line of childrenOf(budget.lines, undefined)) {
    const amount = lineAmount(budget.lines, column, line.id);
    if (line.kind === 'income') incomeOre += amount;
    else costOre += amount;
  }
  return { incomeOre, costOre, resultOre: incomeOre + costOre };
}
