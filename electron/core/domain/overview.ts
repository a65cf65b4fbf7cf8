import type { OverviewFigures } from '../../contract';
import type { SambrukDocument } from '../store/schema';
import { networkKinds } from '../store/schema';
import { memberIdsAt } from './memberships';
import { populationCovered, swedenPopulationAt } from './population';
import { columnTotals } from './budget';
import { planFigureComparisons } from './plan-figures';

/** The Översikt screen's figures at `date`: all computed from the document. */
export function overviewAt(doc: SambrukDocument, date: string): OverviewFigures {
  const members = memberIdsAt(doc, date);
  const sweden = swedenPopulationAt(doc, date);
  return {
    date,
    memberCount: members.size,
    organisationCount: doc.organisations.filter((o) => !o.archived).length,
    serviceCount: doc.services.filter((s) => !s.archived).length,
    usageCount: doc.usages.filter((u) => u.from <= date && (u.to === undefined || date <= u.to)).length,
    networkCounts: networkKinds.map((kind) => ({
      kind,
      count: doc.networks.filter((n) => n.kind === kind && !n.archived).length,
    })),
    contactCount: doc.contacts.filter((c) => c.endedAt === undefined).length,
    budget: [...doc.budget.columns]
      .sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind))
      .map((column) => ({ year: column.year, kind: column.kind, ...columnTotals(doc.budget, column) })),
    memberPopulation: populationCovered(doc, members),
    ...(sweden ? { swedenPopulation: sweden } : {}),
    planFigures: planFigureComparisons(doc),
  };
}
