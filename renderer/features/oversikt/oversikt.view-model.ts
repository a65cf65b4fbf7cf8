/** Översikt: figures from `overview/get` -> the strings and rows the page draws. No arithmetic in components. */
import type { OverviewFigures } from '../../../electron/contract';
import { formatDate, formatKr, formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

export type StatVm = { id: string; label: string; value: string; hints: string[] };
export type NetworkRowVm = { kind: string; label: string; count: string };
export type BudgetRowVm = {
  key: string;
  year: string;
  kind: string;
  income: string;
  cost: string;
  result: string;
  negative: boolean;
};

export type PlanFigureVm = { id: string; label: string; text: string; source: string; differs: boolean };

export type OverviewVm = {
  asOf: string;
  planFigures: PlanFigureVm[];
  stats: StatVm[];
  networks: NetworkRowVm[];
  networksTotal: string;
  budget: BudgetRowVm[];
};

function label<K extends string>(labels: Record<K, string>, key: string): string {
  return (labels as Record<string, string>)[key] ?? key;
}

export function overviewViewModel(f: OverviewFigures): OverviewVm {
  const sweden = f.swedenPopulation;
  const populationHints = sweden
    ? [
        sv.oversikt.populationShare(formatPercent(f.memberPopulation / sweden.population)),
        sv.oversikt.swedenPopulation(formatNumber(sweden.population), formatDate(sweden.date)),
      ]
    : [sv.oversikt.noSwedenPopulation];
  const planMembers = f.planFigures.find((p) => p.subject === 'members');
  return {
    asOf: sv.oversikt.asOf(formatDate(f.date, 'long')),
    planFigures: f.planFigures.map((p) => ({
      id: p.id,
      label: sv.oversikt.planFigureLine(p.label, formatDate(p.date)),
      text: p.text,
      source: p.source,
      differs: p.difference !== 0,
    })),
    stats: [
      {
        id: 'members',
        label: sv.oversikt.members,
        value: formatNumber(f.memberCount),
        // The plan's own count stands beside the register's wherever members are counted.
        hints: [sv.oversikt.membersHint, ...(planMembers ? [`${planMembers.text} (${formatDate(planMembers.date)})`] : [])],
      },
      { id: 'population', label: sv.oversikt.population, value: formatNumber(f.memberPopulation), hints: populationHints },
      { id: 'organisations', label: sv.oversikt.organisations, value: formatNumber(f.organisationCount), hints: [] },
      { id: 'services', label: sv.oversikt.services, value: formatNumber(f.serviceCount), hints: [] },
      { id: 'usages', label: sv.oversikt.usages, value: formatNumber(f.usageCount), hints: [sv.oversikt.usagesHint] },
      { id: 'contacts', label: sv.oversikt.contacts, value: formatNumber(f.contactCount), hints: [] },
    ],
    networks: f.networkCounts.map((n) => ({
      kind: n.kind,
      label: label(sv.oversikt.networkKinds, n.kind),
      count: formatNumber(n.count),
    })),
    networksTotal: sv.oversikt.networksTotal(formatNumber(f.networkCounts.reduce((sum, n) => sum + n.count, 0))),
    budget: f.budget.map((b) => ({
      key: `${b.year}-${b.kind}`,
      // A year is a name, not a quantity: «2022», never «2 022».
      year: String(b.year),
      kind: label(sv.oversikt.budgetKinds, b.kind),
      income: formatKr(b.incomeOre),
      cost: formatKr(b.costOre),
      result: formatKr(b.resultOre),
      negative: b.resultOre < 0,
    })),
  };
}
