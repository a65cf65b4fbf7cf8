/**
 * Services (the catalogue) and usage records (who uses which service, from when to when).
 *
 * Periods: a usage runs from `from` to `to`, both inclusive; without `to` it is open. The same rule as a
 * membership period, so "in use at a date" and "member at a date" read alike.
 *
 * Refusals are thrown as `AppError` with a Swedish message and `details.field` naming the input field.
 */
import { AppError } from '../../contract/result';
import type { SambrukDocument, Service, Usage } from '../store/schema';
import { compareSv } from './swedish';
import { fieldError } from './field-errors';

export type Period = { from: string; to?: string | undefined };

/** Whether a period (usage, roster entry) covers `date`; the end date is the last day, inclusive. */
export function periodActiveAt(period: Period, date: string): boolean {
  return period.from <= date && (period.to === undefined || date <= period.to);
}

/** Whether two inclusive periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsBeforeB = a.to !== undefined && a.to < b.from;
  const bEndsBeforeA = b.to !== undefined && b.to < a.from;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** Refuses a period whose end lies before its start. */
export function assertPeriod(period: Period, field = 'to'): void {
  if (period.to !== undefined && period.to < period.from) {
    throw new AppError('validation', `${field === 'from' ? 'Från och med' : 'Till och med'}: Slutdatumet får inte ligga före startdatumet (${period.from}).`, {
      field,
    });
  }
}

/** Case- and space-insensitive key for duplicate names (å, ä, ö are kept: Habo is not Håbo). */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');
}

export function findService(doc: Pick<SambrukDocument, 'services'>, serviceId: string): Service {
  const service = doc.services.find((s) => s.id === serviceId);
  if (!service) throw new AppError('not-found', 'Tjänsten finns inte.', { field: 'serviceId' });
  return service;
}

export function findUsage(doc: Pick<SambrukDocument, 'usages'>, usageId: string): Usage {
  const usage = doc.usages.find((u) => u.id === usageId);
  if (!usage) throw new AppError('not-found', 'Användningen finns inte (den kan redan vara borttagen).', { field: 'usageId' });
  return usage;
}

/** Refuses a second service with the same name (ignoring case and spacing), archived ones included. */
export function assertUniqueServiceName(doc: Pick<SambrukDocument, 'services'>, name: string, ignoreId?: string): void {
  const key = nameKey(name);
  const existing = doc.services.find((s) => s.id !== ignoreId && nameKey(s.name) === key);
  if (existing) {
    throw fieldError('duplicate', 'name', `Det finns redan en tjänst som heter ${existing.name}.`, { existingId: existing.id });
  }
}

/**
 * Refuses a usage period that overlaps another record of the same organisation and service: one
 * organisation uses one service through one record at a time, so the matrix and the fees stay unambiguous.
 */
export function assertNoOverlap(
  usages: readonly Usage[],
  candidate: { organisationId: string; serviceId: string } & Period,
  ignoreId?: string,
): void {
  for (const u of usages) {
    if (u.id === ignoreId || u.organisationId !== candidate.organisationId || u.serviceId !== candidate.serviceId) continue;
    if (periodsOverlap(u, candidate)) {
      const span = u.to === undefined ? `från och med ${u.from}` : `${u.from} – ${u.to}`;
      throw new AppError('conflict', `Från och med: Organisationen använder redan tjänsten under den tiden (${span}).`, {
        field: 'from',
        existingId: u.id,
      });
    }
  }
}

/**
 * Validates the organisations a usage names: the user exists, and a via organisation, if given, exists and
 * is another organisation.
 */
export function assertUsageParties(
  doc: Pick<SambrukDocument, 'organisations'>,
  organisationId: string,
  viaOrganisationId: string | undefined,
): void {
  if (!doc.organisations.some((o) => o.id === organisationId)) {
    throw fieldError('not-found', 'organisationId', 'Organisationen finns inte.');
  }
  if (viaOrganisationId === undefined) return;
  if (viaOrganisationId === organisationId) {
    throw fieldError('validation', 'viaOrganisationId', 'En organisation kan inte använda en tjänst via sig själv.');
  }
  if (!doc.organisations.some((o) => o.id === viaOrganisationId)) {
    throw fieldError('not-found', 'viaOrganisationId', 'Organisationen finns inte.');
  }
}

/** Services in the order the screens show them: Swedish collation on the name. */
export function sortServices<T extends Pick<Service, 'name'>>(services: readonly T[]): T[] {
  return [...services].sort((a, b) => compareSv(a.name, b.name));
}

/** A short Swedish description of a usage for the change log. */
export function describeUsage(doc: Pick<SambrukDocument, 'organisations' | 'services'>, usage: Pick<Usage, 'organisationId' | 'serviceId'>): string {
  const org = doc.organisations.find((o) => o.id === usage.organisationId)?.name ?? 'okänd organisation';
  const service = doc.services.find((s) => s.id === usage.serviceId)?.name ?? 'okänd tjänst';
  return `${org} – ${service}`;
}
