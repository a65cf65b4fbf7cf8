/**
 * Adoption and revenue on screen, from `usage/get-adoption` and `services/get-revenue`: per-service figures,
 * the services-per-member distribution, the three-quarters goal and the expected revenue. The core decides
 * every figure; this only formats and labels them.
 */
import type { AdoptionReport, ServiceAdoption, ServiceRevenueReport, ThreeQuartersGoal } from '../../../electron/contract';
import { formatKr, formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { describePricing } from './pricing.view-model';

const t = sv.tjanster.adoption;

export type AdoptionRowVm = {
  serviceId: string;
  name: string;
  users: string;
  memberUsers: string;
  memberShare: string;
  municipalities: string;
  population: string;
  populationShare: string;
};

export function adoptionRows(services: readonly ServiceAdoption[]): AdoptionRowVm[] {
  return services.map((s) => ({
    serviceId: s.serviceId,
    name: s.name,
    users: formatNumber(s.users),
    memberUsers: formatNumber(s.memberUsers),
    memberShare: s.memberShare === null ? sv.tjanster.none : formatPercent(s.memberShare),
    municipalities: formatNumber(s.municipalities),
    population: formatNumber(s.populationCovered),
    populationShare: s.populationShare === null ? sv.tjanster.none : formatPercent(s.populationShare),
  }));
}

export type BucketVm = {
  key: string;
  label: string;
  count: number;
  countText: string;
  share: string;
  /** The matrix's quick filter that lists exactly these members, if there is one. */
  quick?: 'none' | 'exactly-one';
};

export function distributionVm(distribution: AdoptionReport['distribution']): { hint: string; buckets: BucketVm[] } {
  const last = distribution.buckets.length - 1;
  return {
    hint: t.distributionHint(distribution.memberCount),
    buckets: distribution.buckets.map((b, i) => ({
      key: b.label,
      label: t.bucket(b.services, i === last && last > 0),
      count: b.count,
      countText: formatNumber(b.count),
      share: distribution.memberCount === 0 ? sv.tjanster.none : formatPercent(b.count / distribution.memberCount),
      ...(b.services === 0 && i !== last ? { quick: 'none' as const } : b.services === 1 && i !== last ? { quick: 'exactly-one' as const } : {}),
    })),
  };
}

export type GoalVm = {
  serviceId: string;
  title: string;
  progressText: string;
  requiredText: string;
  statusText: string;
  reached: boolean;
  /** Member users / required, capped at 1: how full the bar is. */
  progress: number;
};

export function goalVm(goal: ThreeQuartersGoal | null): GoalVm | undefined {
  if (!goal) return undefined;
  return {
    serviceId: goal.serviceId,
    title: t.goalService(goal.name),
    progressText: t.goalProgress(
      formatNumber(goal.memberUsers),
      goal.memberCount,
      goal.memberShare === null ? sv.tjanster.none : formatPercent(goal.memberShare),
    ),
    requiredText: t.goalRequired(goal.required),
    statusText: goal.reached ? t.goalReached : t.goalGap(goal.gap),
    reached: goal.reached,
    progress: goal.required <= 0 ? 1 : Math.min(1, goal.memberUsers / goal.required),
  };
}

export type RevenueRowVm = {
  serviceId: string;
  name: string;
  model: string;
  /** The pricing entry's year when it is older than the revenue year («sedan 2021»). */
  modelSince?: string;
  users: string;
  amount: string;
  missingPrice: boolean;
};

export type RevenueVm = { title: string; rows: RevenueRowVm[]; total: string; unpricedWarning?: string };

export function revenueVm(report: ServiceRevenueReport): RevenueVm {
  const unpriced = new Set(report.unpricedServiceIds);
  const rows = report.services.map((s) => ({
    serviceId: s.serviceId,
    name: s.name,
    model: describePricing(s.model),
    ...(s.pricingYear !== undefined && s.pricingYear !== report.year ? { modelSince: sv.tjanster.pricing.since(String(s.pricingYear)) } : {}),
    users: formatNumber(s.userCount),
    amount: formatKr(s.totalOre),
    missingPrice: s.model === undefined,
  }));
  const names = report.services.filter((s) => unpriced.has(s.serviceId)).map((s) => s.name);
  return {
    title: t.revenue(String(report.year)),
    rows,
    total: formatKr(report.totalOre),
    ...(names.length > 0 ? { unpricedWarning: t.unpriced(joinSv(names)) } : {}),
  };
}

/** «A, B och C». */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
