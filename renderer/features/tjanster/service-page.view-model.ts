/**
 * A service's page: its facts, its figures at a date, users over time for the chart, and its users.
 * Inputs are `services/get` and `usage/get-adoption` for that one service.
 */
import type { AdoptionReport, ServiceDetail } from '../../../electron/contract';
import type { PricingModel } from '../../../electron/core/store/schema';
import { formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { countAxis, countAxisWidth, monthTick } from './chart-format';
import { bandRows, describePricing } from './pricing.view-model';
import { monthSerial, yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.tjanster;

export type FactVm = { key: string; label: string; value: string; href?: { networkId: string } };

export function serviceFacts(service: ServiceDetail): FactVm[] {
  const dash = t.none;
  const facts: FactVm[] = [
    { key: 'area', label: t.form.businessArea, value: service.businessArea ? t.businessAreas[service.businessArea] : dash },
    { key: 'technicalManager', label: t.form.technicalManager, value: service.technicalManager || dash },
    { key: 'operator', label: t.form.operator, value: service.operator || dash },
    { key: 'contentManager', label: t.form.contentManager, value: service.contentManager || dash },
    { key: 'supplier', label: t.form.supplier, value: service.supplier || dash },
  ];
  const council: FactVm = { key: 'council', label: t.form.council, value: service.councilNetworkName ?? dash };
  if (service.councilNetworkId !== undefined && service.councilNetworkName !== undefined) council.href = { networkId: service.councilNetworkId };
  facts.push(council);
  return facts;
}

export type PricingVm = {
  heading: string;
  text: string;
  missing: boolean;
  bands?: { key: string; range: string; fee: string }[];
};

/** The pricing in force in the date's year. */
export function pricingVm(service: Pick<ServiceDetail, 'currentPricing' | 'date'>): PricingVm {
  const year = String(yearOf(service.date));
  const current = service.currentPricing;
  const model: PricingModel | undefined = current?.model;
  const since = current && String(current.year) !== year ? ` (${t.pricing.since(String(current.year))})` : '';
  return {
    heading: t.service.pricingYear(year),
    text: describePricing(model) + (model ? since : ''),
    missing: model === undefined,
    ...(model?.kind === 'banded' ? { bands: bandRows(model) } : {}),
  };
}

export type FigureVm = { key: string; label: string; value: string; hint?: string };

/** Users at the date, then (once the adoption figures are in) member users and population, all from the core. */
export function serviceFigures(service: ServiceDetail, adoption: AdoptionReport | undefined): FigureVm[] {
  const figures = adoption?.services.find((s) => s.serviceId === service.id);
  const result: FigureVm[] = [{ key: 'users', label: t.service.users, value: formatNumber(service.userCount) }];
  if (!figures) return result;
  result.push({
    key: 'members',
    label: t.service.memberUsers,
    value: formatNumber(figures.memberUsers),
    ...(figures.memberShare !== null ? { hint: t.service.memberShareOf(formatPercent(figures.memberShare), figures.memberCount) } : {}),
  });
  result.push({
    key: 'population',
    label: t.service.population,
    value: formatNumber(figures.populationCovered),
    ...(figures.populationShare !== null ? { hint: t.service.populationShareOf(formatPercent(figures.populationShare)) } : {}),
  });
  return result;
}

export type UsersChartVm = {
  points: { date: string; users: number }[];
  yMax: number;
  yTicks: number[];
  yWidth: number;
  label: string;
  /** Ticks on the X-axis: at most six, on month, quarter or year boundaries. */
  xTicks: string[];
};

export function usersChartVm(name: string, serviceId: string, adoption: AdoptionReport): UsersChartVm {
  const points = adoption.series.points.map((p) => ({ date: p.date, users: p.users[serviceId] ?? 0 }));
  const max = points.reduce((m, p) => Math.max(m, p.users), 0);
  const axis = countAxis(max);
  return {
    points,
    yMax: axis.top,
    yTicks: axis.ticks,
    yWidth: countAxisWidth(axis.top),
    label: t.service.chartLabel(name, monthTick(adoption.series.from), monthTick(adoption.series.to)),
    xTicks: monthTicks(points.map((p) => p.date), 6),
  };
}

/**
 * Ticks for a monthly date axis, on calendar boundaries so they are evenly spaced: every month, every
 * second, quarter, half year, year… whichever first gives at most `max` ticks. Falls back to the first date.
 */
export function monthTicks(dates: readonly string[], max: number): string[] {
  const firsts = dates.filter((d) => d.endsWith('-01'));
  for (const months of [1, 2, 3, 6, 12, 24, 60, 120]) {
    const ticks = firsts.filter((d) => {
      return monthSerial(d) % months === 0;
    });
    if (ticks.length > 0 && ticks.length <= max) return ticks;
  }
  return dates.slice(0, 1);
}

export type UserRowVm = {
  organisationId: string;
  name: string;
  member: string;
  from: string;
  to: string;
  via: string;
};

export function userRows(service: Pick<ServiceDetail, 'users'>): UserRowVm[] {
  return service.users.map((u) => ({
    organisationId: u.organisationId,
    name: u.name,
    member: u.isMember ? t.yes : t.no,
    from: u.from,
    to: u.to ?? t.none,
    via: u.viaOrganisationName ? (u.source === 'group' ? t.service.viaGroup(u.viaOrganisationName) : u.viaOrganisationName) : t.none,
  }));
}
