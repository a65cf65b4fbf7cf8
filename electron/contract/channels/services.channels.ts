import { z } from 'zod';
import { channel } from '../define';
import type { PricingModel, Service } from '../model/records';
import { businessAreas, id, isoDate, pricingModelSchema, safeLine, safeName, safeText, year } from '../model/records';
import { pricingModelIssues } from '../rules/pricing-rules';

const trimmedName = safeName;
const shortText = safeLine(200);
const longText = safeText(2000);

/**
 * A pricing model as the UI sends it: the stored shape plus the rules the store cannot express (no negative
 * fees, bands that start at 0 inhabitants and rise strictly), each refused with a Swedish message naming the field.
 */
export const pricingModelInput = pricingModelSchema.superRefine((model, ctx) => {
  for (const issue of pricingModelIssues(model)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

const pricingListInput = z
  .array(z.strictObject({ year, model: pricingModelInput }))
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Set<number>();
    list.forEach((entry, index) => {
      if (seen.has(entry.year)) ctx.addIssue({ code: 'custom', message: `Året ${entry.year} har redan en prismodell.`, path: [index, 'year'] });
      seen.add(entry.year);
    });
  });

/** One row of the service catalogue. */
export type ServiceSummary = Service & {
  /** Organisations using the service at the date (groups and their municipalities each once; see usage-matrix). */
  userCount: number;
  councilNetworkName?: string;
  /** The pricing model in force for the date's year (the latest entry for that year or earlier). */
  currentPricing?: { year: number; model: PricingModel };
};

export type ServiceUser = {
  organisationId: string;
  name: string;
  from: string;
  to?: string;
  /** `direct`: the organisation's own record; `group`: it uses the service through its group's record. */
  source: 'direct' | 'group';
  viaOrganisationId?: string;
  viaOrganisationName?: string;
  isMember: boolean;
};

export type ServiceDetail = ServiceSummary & { date: string; users: ServiceUser[] };

export type ServiceRevenueLine = {
  organisationId: string;
  name: string;
  population: number;
  /** Months of the year with at least one day in use (1–12). */
  months: number;
  /** The full-year fee this organisation's population gives under the model. */
  yearlyFeeOre: number;
  /** `yearlyFeeOre × months / 12`, rounded to the nearest öre. */
  amountOre: number;
  /** The group whose record made the organisation a user, when it had no record of its own. */
  viaGroupId?: string;
};

export type ServiceRevenue = {
  serviceId: string;
  name: string;
  /** The year of the pricing entry applied (the latest on or before the year); absent when the service has none. */
  pricingYear?: number;
  model?: PricingModel;
  userCount: number;
  totalOre: number;
  lines: ServiceRevenueLine[];
};

export type ServiceRevenueReport = {
  year: number;
  services: ServiceRevenue[];
  totalOre: number;
  /** Services with users in the year but no pricing model: their revenue is unknown, shown as 0. */
  unpricedServiceIds: string[];
};

const serviceFields = {
  description: longText.optional(),
  businessArea: z.enum(businessAreas).optional(),
  technicalManager: shortText.optional(),
  operator: shortText.optional(),
  contentManager: shortText.optional(),
  supplier: shortText.optional(),
};

export const servicesChannels = {
  /** The catalogue, sorted by name, with the number of users at the date (today by default). */
  'services/list': channel<ServiceSummary[]>()(
    z.strictObject({ includeArchived: z.boolean().default(false), date: isoDate.optional() }),
  ),
  /** One service with its users at the date. */
  'services/get': channel<ServiceDetail>()(z.strictObject({ serviceId: id, date: isoDate.optional() })),
  /** Adds a service; names are unique (ignoring case). The council, if given, must be a förvaltningsråd. */
  'services/create': channel<Service>()(
    z.strictObject({
      name: trimmedName,
      ...serviceFields,
      councilNetworkId: id.optional(),
      pricing: pricingListInput.default([]),
    }),
  ),
  /**
   * Changes the given fields; `null` clears business area or council. `pricing`, if given, replaces the whole
   * list of yearly pricing models, so one dialog's save is one undoable change.
   */
  'services/update': channel<Service>()(
    z.strictObject({
      serviceId: id,
      name: trimmedName.optional(),
      ...serviceFields,
      businessArea: z.enum(businessAreas).nullable().optional(),
      councilNetworkId: id.nullable().optional(),
      pricing: pricingListInput.optional(),
    }),
  ),
  /** Archives (or with `archived: false` restores) a service; its usage history stays. */
  'services/archive': channel<Service>()(z.strictObject({ serviceId: id, archived: z.boolean().default(true) })),
  /** Sets the pricing model of one year; `model: null` removes that year's entry. */
  'services/set-pricing': channel<Service>()(
    z.strictObject({ serviceId: id, year, model: pricingModelInput.nullable() }),
  ),
  /** Expected service revenue of a year from the pricing models and the users in that year (see pricing.ts). */
  'services/get-revenue': channel<ServiceRevenueReport>()(z.strictObject({ year })),
};
