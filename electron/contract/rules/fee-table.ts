/**
 * The rules a fee table must meet beyond its stored shape. The contract's input schema for `fees/save-table`
 * runs them, and the core's fee code (`core/domain/fees.ts`) re-exports them.
 */
import type { FeeTable } from '../model/records';

const integerFormat = new Intl.NumberFormat('sv-SE');
const formatCount = (n: number) => integerFormat.format(n);

export type FeeTableIssue = { path: (string | number)[]; message: string };

/**
 * What makes a table impossible to apply unambiguously: the first band must start at 0 so every population
 * has a band, lower bounds must rise strictly, and fees cannot be negative. Paths point at the offending field.
 */
export function feeTableIssues(table: Pick<FeeTable, 'bands' | 'otherOrganisations'>): FeeTableIssue[] {
  const issues: FeeTableIssue[] = [];
  if (table.bands.length === 0) issues.push({ path: ['bands'], message: 'Avgiftstabellen behöver minst en avgiftsklass.' });
  table.bands.forEach((band, i) => {
    const prev = table.bands[i - 1];
    if (i === 0 && band.minPopulation !== 0) {
      issues.push({ path: ['bands', i, 'minPopulation'], message: 'Den första avgiftsklassen ska börja på 0 invånare, så att varje kommun hamnar i en klass.' });
    }
    if (prev && band.minPopulation <= prev.minPopulation) {
      issues.push({
        path: ['bands', i, 'minPopulation'],
        message: `Avgiftsklasserna ska stå i stigande ordning efter folkmängd (${formatCount(band.minPopulation)} kommer efter ${formatCount(prev.minPopulation)}).`,
      });
    }
    if (band.entryFeeOre < 0) issues.push({ path: ['bands', i, 'entryFeeOre'], message: 'Avgiften kan inte vara negativ.' });
    if (band.yearlyFeeOre < 0) issues.push({ path: ['bands', i, 'yearlyFeeOre'], message: 'Avgiften kan inte vara negativ.' });
  });
  if (table.otherOrganisations.entryFeeOre < 0) issues.push({ path: ['otherOrganisations', 'entryFeeOre'], message: 'Avgiften kan inte vara negativ.' });
  if (table.otherOrganisations.yearlyFeeOre < 0) issues.push({ path: ['otherOrganisations', 'yearlyFeeOre'], message: 'Avgiften kan inte vara negativ.' });
  return issues;
}
