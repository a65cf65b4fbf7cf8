/**
 * Service pricing and the expected service revenue of a year.
 *
 * A service keeps one pricing model per year (`service.pricing`); an entry stays in force until an entry
 * for a later year, like the membership fee tables, so a price set once need not be copied every year.
 * Three models, all in integer öre:
 * - `fixed`: the same yearly fee for every using organisation;
 * - `banded`: a yearly fee by population; a band runs from its `minPopulation` (inclusive) up to the next
 *   band's `minPopulation` (exclusive); the lowest band must start at 0 so every population has a fee;
 * - `per-inhabitant`: `orePerInhabitant × population` a year.
 *
 * Revenue rule for partial years: **charged per started month in use**. A user pays
 * `yearly fee × months / 12`, where months counts the calendar months of the year with at least one day in
 * use, rounded once to the nearest öre (halves up). A user all year pays exactly the yearly fee.
 *
 * Who is charged: the users of the service (see usage-matrix.ts), except that a group listing its
 * municipalities is not charged itself: its record charges each of its municipalities, by their own
 * population, and a municipality reached both directly and through its group is charged once for each
 * month. Population is the register's figure (the reference data for municipalities, the stored
 * figure for other organisations), since the register keeps one population per municipality.
 */
import type { ServiceRevenue, ServiceRevenueLine, ServiceRevenueReport } from '../../contract/channels/services.channels';
import type { PricingModel, SambrukDocument, Service, Usage } from '../store/schema';
import { lastDayOfYear, monthMask, monthsInMask, partOfYear } from '../../contract/rules/calendar-date';
import { groupMembersById, usagesByService } from './usage-matrix';
import { municipalityPopulationMap, populationOf } from './population';
import { sortServices } from './services';
import { svRanks } from './swedish';
import { fieldError } from './field-errors';
import type { AppError } from '../../contract/result';

/**
 * The one factor of revenue the amount bounds cannot hold on their own (see contract/rules/amounts.ts) is how many
 * inhabitants a service charges in all: each organisation's population is bounded, but not their sum. A register
 * whose populations add up to many times Sweden's gets this refusal rather than totals that are silently wrong.
 */
function populationTooLarge(serviceName: string): AppError {
  return fieldError(
    'validation',
    'population',
    `Organisationerna som använder tjänsten ${serviceName} har tillsammans för många invånare för att intäkterna ska kunna räknas exakt. ` +
      'Kontrollera folkmängden för organisationer som inte är kommuner.',
  );
}

/** The count a population-based price of `year` uses: 31 December of the year before, as membership fees do by default. */
export function servicePopulationDate(year: number): string {
  return lastDayOfYear(year - 1);
}

/** The pricing entry in force in `year`: the one for that year, else the latest earlier one. */
export function pricingForYear(service: Pick<Service, 'pricing'>, year: number): { year: number; model: PricingModel } | undefined {
  let best: { year: number; model: PricingModel } | undefined;
  for (const entry of service.pricing) {
    if (entry.year <= year && (!best || entry.year > best.year)) best = entry;
  }
  return best;
}

/** The full-year fee for an organisation of `population` inhabitants, in öre. */
export function yearlyFeeOre(model: PricingModel, population: number): number {
  switch (model.kind) {
    case 'fixed':
      return model.yearlyFeeOre;
    case 'per-inhabitant':
      return model.orePerInhabitant * population;
    case 'banded': {
      let fee = 0;
      let bestMin = -1;
      for (const band of model.bands) {
        if (band.minPopulation <= population && band.minPopulation > bestMin) {
          bestMin = band.minPopulation;
          fee = band.yearlyFeeOre;
        }
      }
      return fee;
    }
  }
}

/** `yearlyFee × months / 12` rounded to the nearest öre, halves up (fees are never negative). */
export function proratedFeeOre(yearlyFee: number, months: number): number {
  return Math.round(partOfYear(yearlyFee, months));
}

export type ChargedUser = { mask: number; viaGroupId?: string; direct: boolean };

/** The organisations charged for a service in `year`, each with its month mask and, if reached only through a group, that group. */
export function chargedUsersForYear(records: readonly Usage[], groups: ReadonlyMap<string, readonly string[]>, year: number): Map<string, ChargedUser> {
  const charged = new Map<string, ChargedUser>();
  for (const u of records) {
    const mask = monthMask(u, year);
    if (mask === 0) continue;
    const members = groups.get(u.organisationId);
    const targets = members ?? [u.organisationId];
    for (const orgId of targets) {
      const existing = charged.get(orgId);
      const direct = !members;
      if (existing) {
        existing.mask |= mask;
        if (direct && !existing.direct) {
          existing.direct = true;
          delete existing.viaGroupId;
        }
      } else {
        charged.set(orgId, direct ? { mask, direct } : { mask, direct, viaGroupId: u.organisationId });
      }
    }
  }
  return charged;
}

/**
 * Expected service revenue of `year`, per service and in total (öre), under the rules in this module's
 * header. Services without a pricing model in force count 0 and are listed in `unpricedServiceIds` when
 * they have users. Archived services appear only if they had users in the year.
 */
export function serviceRevenueForYear(doc: SambrukDocument, year: number): ServiceRevenueReport {
  return serviceChargesForYear(doc, year).report;
}

/**
 * The year's service revenue together with who was charged for each service in which months (by service id),
 * for the invoice basis and the workbook, which need the months as periods: computed once, not again per use.
 */
export function serviceChargesForYear(doc: SambrukDocument, year: number): { report: ServiceRevenueReport; charged: ReadonlyMap<string, ReadonlyMap<string, ChargedUser>> } {
  const byService = usagesByService(doc.usages);
  const groups = groupMembersById(doc.organisations);
  const popMap = municipalityPopulationMap(doc, servicePopulationDate(year));
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const services: ServiceRevenue[] = [];
  const unpricedServiceIds: string[] = [];
  let totalOre = 0;
  // The sum of every line's size: while it stays exact, so does every partial and final total.
  let magnitude = 0;
  const chargedByService = new Map<string, Map<string, ChargedUser>>();

  for (const service of sortServices(doc.services)) {
    const charged = chargedUsersForYear(byService.get(service.id) ?? [], groups, year);
    chargedByService.set(service.id, charged);
    if (service.archived && charged.size === 0) continue;
    const pricing = pricingForYear(service, year);
    if (!pricing && charged.size > 0) unpricedServiceIds.push(service.id);
    const lines: ServiceRevenueLine[] = [];
    for (const [organisationId, { mask, viaGroupId }] of charged) {
      const org = orgById.get(organisationId);
      const population = org ? populationOf(org, popMap) : 0;
      const months = monthsInMask(mask);
      const yearly = pricing ? yearlyFeeOre(pricing.model, population) : 0;
      lines.push({
        organisationId,
        name: org?.name ?? 'Okänd organisation',
        population,
        months,
        yearlyFeeOre: yearly,
        amountOre: proratedFeeOre(yearly, months),
        ...(viaGroupId !== undefined ? { viaGroupId } : {}),
      });
    }
    const serviceTotal = lines.reduce((sum, line) => sum + line.amountOre, 0);
    totalOre += serviceTotal;
    magnitude += lines.reduce((sum, line) => sum + Math.abs(line.amountOre), 0);
    if (magnitude > Number.MAX_SAFE_INTEGER) throw populationTooLarge(service.name);
    services.push({
      serviceId: service.id,
      name: service.name,
      ...(pricing ? { pricingYear: pricing.year, model: pricing.model } : {}),
      userCount: lines.length,
      totalOre: serviceTotal,
      lines,
    });
  }
  // Each service's users by name: the names ranked once, rather than compared pair by pair in every service.
  const nameRank = svRanks(services.flatMap((s) => s.lines.map((l) => l.name)));
  for (const s of services) s.lines.sort((a, b) => (nameRank.get(a.name) as number) - (nameRank.get(b.name) as number));
  return { report: { year, services, totalOre, unpricedServiceIds }, charged: chargedByService };
}
