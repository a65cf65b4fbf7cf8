/**
 * The member register: organisations, membership periods, contact persons, register figures, coverage,
 * membership fees and the change log. Inputs are strict (unknown keys refused), texts trimmed and capped;
 * organisation numbers, e-mail addresses and phone numbers are checked and normalised here, so a refusal
 * names the field in Swedish and the core receives canonical values (`NNNNNN-NNNN`, lower-case domain, E.164).
 *
 * Updates are patches: a field left out is kept, `null` (or an empty text) clears an optional field.
 */
import { z } from 'zod';
import { channel } from '../define';
import type { Contact, FeeTable, Membership, NetworkKind, Organisation, RosterRole } from '../model/records';
import {
  businessAreas,
  contactRoles,
  entryFeeOre,
  feeOre,
  groupFeeBases,
  id,
  isoDate,
  isSafeName,
  legalBases,
  membershipStarts,
  organisationKinds,
  population,
  safeLine,
  safeText,
  unsafeNameMessage,
  year,
} from '../model/records';
import { parseOrgNumber } from '../rules/organisation-number';
import { parseEmail, parsePhone } from '../rules/contact-details';
import {
  erasureGrounds,
  memberStatuses,
  organisationSortKeys,
  type ChangeList,
  type ChangeLogAnswer,
  type ContactDuplicate,
  type ContactRow,
  type CoverageModel,
  type Duplicate,
  type ErasureReport,
  type FeeRow,
  type MembershipFees,
  type MembershipTimeline,
  type OrganisationFacts,
  type OrganisationList,
  type PersonExport,
  type RegisterFigures,
  type StatusAt,
} from '../model/members';
import { feeTableIssues } from '../rules/fee-table';
import type { PopulationFigure } from '../model/records';
import { populationFileInput } from './imports.channels';


export type PopulationList = {
  code: string;
  name: string;
  /** Newest first. */
  figures: PopulationFigure[];
};

/** What an SCB population file would change (see `core/imports/scb-population.ts`). */
export type PopulationImportPlan = {
  date: string;
  title: string;
  changes: { code: string; name: string; before?: number; after: number; row: number }[];
  unchanged: number;
  sweden?: { before?: number; after: number };
  issues: { severity: 'error' | 'warning'; message: string; row?: number }[];
  canApply: boolean;
};

const empty = z.strictObject({});
const name = z.string().trim().min(1, { message: 'Fältet får inte vara tomt.' }).max(200).refine(isSafeName, { message: unsafeNameMessage });
const shortText = safeLine(200);
const longText = safeText(2000);
const municipalityCode = z.string().trim().regex(/^\d{4}$/, { message: 'Välj en kommun (fyrsiffrig kommunkod).' });
const countyCode = z.string().trim().regex(/^\d{2}$/, { message: 'Välj ett län (tvåsiffrig länskod).' });
const ids = z.array(id).max(400);

type Parsed = { ok: true; value: string } | { ok: false; message: string };

/** A text checked by a domain policy: blank gives `blank`, a refusal becomes a zod issue with the Swedish reason. */
function policyText<B>(parse: (text: string) => Parsed, max: number, blank: B) {
  return z
    .string()
    .max(max)
    .transform((text, ctx): string | B => {
      if (text.trim() === '') return blank;
      const parsed = parse(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    });
}

const orgNumberPolicy = (text: string): Parsed => {
  const parsed = parseOrgNumber(text);
  return parsed.ok ? { ok: true, value: parsed.canonical } : parsed;
};

/** `212000-0142`, `2120000142`, `16212000-0142` -> `212000-0142`; blank -> not given. */
export const orgNumberInput = policyText(orgNumberPolicy, 30, undefined);
export const emailInput = policyText(parseEmail, 320, '');
export const phoneInput = policyText(parsePhone, 40, '');

const website = safeLine(500);

// ---------------------------------------------------------------- organisations

const organisationCreate = z.strictObject({
  kind: z.enum(organisationKinds),
  /** May be left out for a municipality: the reference name is used. */
  name: name.optional(),
  municipalityCode: municipalityCode.optional(),
  countyCode: countyCode.optional(),
  orgNumber: orgNumberInput.optional(),
  population: population.optional(),
  groupMemberIds: ids.optional(),
  website: website.optional(),
  note: longText.optional(),
  /** The first membership period, saved with the organisation as one change (all or nothing). */
  membership: z.strictObject({ joined: isoDate, startKnown: z.enum(membershipStarts).optional() }).optional(),
});

const organisationUpdate = z.strictObject({
  id,
  kind: z.enum(organisationKinds).optional(),
  name: name.optional(),
  municipalityCode: municipalityCode.nullable().optional(),
  countyCode: countyCode.nullable().optional(),
  orgNumber: policyText(orgNumberPolicy, 30, null).nullable().optional(),
  population: population.nullable().optional(),
  groupMemberIds: ids.optional(),
  website: website.nullable().optional(),
  note: longText.optional(),
});

export type OrganisationPage = {
  date: string;
  year: number;
  organisation: Organisation;
  facts: OrganisationFacts;
  status: StatusAt;
  /** For a group: the organisations it lists, with their status at the date. */
  groupMembers: { id: string; name: string; kind: Organisation['kind']; municipalityCode?: string; statusLabel: string }[];
  /** Groups that list this organisation. */
  groups: { id: string; name: string; kindLabel: string; statusLabel: string }[];
  timeline: MembershipTimeline;
  contacts: ContactRow[];
  /** The membership fee for `year`, or null with `feeMessage` saying why there is none. */
  fee: FeeRow | null;
  feeMessage?: string;
  servicesUsed: {
    usageId: string;
    serviceId: string;
    serviceName: string;
    from: string;
    to?: string;
    viaOrganisationId?: string;
    viaOrganisationName?: string;
  }[];
  /** Networks, councils and projects the organisation takes part in (its own roster entries or its persons'). */
  networks: OrganisationNetwork[];
  changes: ChangeList;
};

export type OrganisationNetwork = {
  networkId: string;
  name: string;
  kind: NetworkKind;
  archived: boolean;
  /** For a governance council: the organisation uses its service at the date, so it has a seat. */
  councilUser: boolean;
  entries: { entryId: string; displayName: string; role: RosterRole; from: string; to?: string; active: boolean }[];
};

/** An organisation number as the form types it: the canonical form it would be stored as, or why it is refused. */
export type OrgNumberCheck = { ok: true; canonical: string } | { ok: false; message: string };

/** `orgNumber` is present when a non-blank organisation number was given. */
export type DuplicateCheck = { duplicate: Duplicate | null; orgNumber?: OrgNumberCheck };

// ---------------------------------------------------------------- memberships

const membershipAdd = z.strictObject({
  organisationId: id,
  joined: isoDate,
  startKnown: z.enum(membershipStarts).optional(),
  noticeGiven: isoDate.optional(),
  left: isoDate.optional(),
  reason: longText.optional(),
  note: longText.optional(),
});

const membershipUpdate = z.strictObject({
  id,
  joined: isoDate.optional(),
  startKnown: z.enum(membershipStarts).optional(),
  noticeGiven: isoDate.nullable().optional(),
  left: isoDate.nullable().optional(),
  reason: longText.nullable().optional(),
  note: longText.optional(),
});

// ---------------------------------------------------------------- contacts

const contactCreate = z.strictObject({
  organisationId: id,
  name,
  title: shortText.optional(),
  email: emailInput.optional(),
  phone: phoneInput.optional(),
  businessAreas: z.array(z.enum(businessAreas)).max(businessAreas.length * 2).optional(),
  roles: z.array(z.enum(contactRoles)).max(contactRoles.length * 2).optional(),
  confirmedAt: isoDate.optional(),
  legalBasis: z.enum(legalBases).optional(),
  endedAt: isoDate.optional(),
  note: longText.optional(),
});

const contactUpdate = z.strictObject({
  id,
  organisationId: id.optional(),
  name: name.optional(),
  title: shortText.optional(),
  email: emailInput.optional(),
  phone: phoneInput.optional(),
  businessAreas: z.array(z.enum(businessAreas)).max(businessAreas.length * 2).optional(),
  roles: z.array(z.enum(contactRoles)).max(contactRoles.length * 2).optional(),
  confirmedAt: isoDate.nullable().optional(),
  legalBasis: z.enum(legalBases).optional(),
  endedAt: isoDate.nullable().optional(),
  note: longText.optional(),
});

// ---------------------------------------------------------------- fees

// Bounded as the document is (see rules/amounts.ts); a fee the UI sends is never negative either.
const negativeFee = { message: 'Avgiften kan inte vara negativ.' };
const yearlyFee = feeOre.min(0, negativeFee);
const entryFee = entryFeeOre.min(0, negativeFee);
const populationOffsetMessage = { message: 'Välj folkmängden 31 december samma år eller upp till tre år före avgiftsåret.' };
export const feeTableInput = z
  .strictObject({
    year,
    bands: z
      .array(z.strictObject({ minPopulation: population, entryFeeOre: entryFee, yearlyFeeOre: yearlyFee }))
      .min(1)
      .max(30),
    otherOrganisations: z.strictObject({ entryFeeOre: entryFee, yearlyFeeOre: yearlyFee }),
    rejoinEntryFeePercent: z.number().int().min(0).max(100).default(50),
    /** The population of 31 December of the fee year plus this (−1: the year before). */
    populationYearOffset: z.number().int().min(-3, populationOffsetMessage).max(0, populationOffsetMessage).default(-1),
    note: longText.default(''),
  })
  .superRefine((table, ctx) => {
    for (const issue of feeTableIssues(table)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });

export type FeeTableAnswer = { year: number; table: FeeTable | null; bandLabels: string[] };

// ---------------------------------------------------------------- the channels

export const membersChannels = {
  /** The member list: search, filters, sort, with county, population, status, services used and fee. */
  'members/list': channel<OrganisationList>()(
    z.strictObject({
      query: z.string().max(200).optional(),
      /** Status and services used at this date (today by default); fees for its year. */
      date: isoDate.optional(),
      kinds: z.array(z.enum(organisationKinds)).max(10).optional(),
      countyCodes: z.array(countyCode).max(30).optional(),
      statuses: z.array(z.enum(memberStatuses)).max(10).optional(),
      servicesUsedMin: z.number().int().min(0).max(1000).optional(),
      servicesUsedMax: z.number().int().min(0).max(1000).optional(),
      archived: z.enum(['active', 'archived', 'all']).optional(),
      sort: z.strictObject({ by: z.enum(organisationSortKeys), direction: z.enum(['asc', 'desc']).default('asc') }).optional(),
      /** Only the rows from `start`, at most `count`: the list on screen asks for those around its view. */
      window: z.strictObject({ start: z.number().int().min(0).max(10_000_000), count: z.number().int().min(1).max(2000) }).optional(),
      /** Answers this organisation's place in the sorted list as `located`, so the list can scroll back to it. */
      locate: id.optional(),
    }),
  ),
  /**
   * Prepares the list's search (folds every name once) so the first keystroke does not pay for it; the list
   * asks when the browser is idle after drawing. Answers how many organisations are ready to be searched.
   */
  'members/prepare-search': channel<{ organisations: number }>()(z.strictObject({})),
  /** The organisation page: record, facts, status, periods and timeline, contacts, fee, services, change log. */
  'members/get': channel<OrganisationPage>()(z.strictObject({ id, date: isoDate.optional(), year: year.optional() })),
  'members/create': channel<Organisation>()(organisationCreate),
  'members/update': channel<Organisation>()(organisationUpdate),
  'members/archive': channel<Organisation>()(z.strictObject({ id })),
  'members/unarchive': channel<Organisation>()(z.strictObject({ id })),
  /**
   * Whether a record with this number, municipality or name (case/space-insensitive) exists, and how the
   * organisation number would be stored (or why not); for the form as one types.
   */
  'members/check-duplicate': channel<DuplicateCheck>()(
    z.strictObject({
      name: z.string().max(200).optional(),
      municipalityCode: z.string().max(10).optional(),
      orgNumber: z.string().max(30).optional(),
      excludeId: id.optional(),
    }),
  ),

  'memberships/add': channel<Membership>()(membershipAdd),
  'memberships/update': channel<Membership>()(membershipUpdate),
  /** Ends the open (or any) period: sets the last day and, optionally, the notice date and reason. */
  'memberships/end': channel<Membership>()(
    z.strictObject({ id, left: isoDate, noticeGiven: isoDate.optional(), reason: longText.optional() }),
  ),
  'memberships/delete': channel<{ id: string }>()(z.strictObject({ id })),

  'contacts/list': channel<ContactRow[]>()(
    z.strictObject({ organisationId: id.optional(), includeEnded: z.boolean().default(true), date: isoDate.optional() }),
  ),
  /** The stored contacts a contact being entered would repeat: same e-mail anywhere, or same name at the organisation. */
  'contacts/duplicates': channel<ContactDuplicate[]>()(
    z.strictObject({ organisationId: id, name: z.string().max(500).optional(), email: z.string().max(500).optional(), ignoreId: id.optional() }),
  ),
  'contacts/create': channel<Contact>()(contactCreate),
  'contacts/update': channel<Contact>()(contactUpdate),
  /** Marks that the person has left the organisation (last day, inclusive); the record stays for history. */
  'contacts/end': channel<Contact>()(z.strictObject({ id, endedAt: isoDate })),
  /** Erases the person everywhere (see `erasure.ts`) and clears undo; the erasure is logged without personal data. */
  'contacts/erase': channel<ErasureReport>()(z.strictObject({ id, ground: z.enum(erasureGrounds) })),
  /** Everything the register holds about one person, as JSON data. */
  'contacts/export': channel<PersonExport>()(z.strictObject({ id })),

  'register/figures': channel<RegisterFigures>()(z.strictObject({ year })),
  'register/coverage': channel<CoverageModel>()(z.strictObject({ date: isoDate.optional() })),

  /** The fee table in force for a year (null before the first table). */
  'fees/get-table': channel<FeeTableAnswer>()(z.strictObject({ year })),
  'fees/list-tables': channel<FeeTable[]>()(empty),
  /** Adds the table for its year, or replaces the one with the same year. */
  'fees/save-table': channel<FeeTable>()(z.strictObject({ table: feeTableInput })),
  'fees/compute': channel<MembershipFees>()(z.strictObject({ year })),
  /** A municipality's population on every reference date the register holds, newest first. */
  'populations/list': channel<PopulationList>()(z.strictObject({ code: municipalityCode })),
  /** Replaces (or adds) one municipality's figure for one 31 December, with the reason; change-logged. */
  'populations/correct': channel<PopulationFigure>()(
    z.strictObject({
      code: municipalityCode,
      date: isoDate.refine((d) => d.endsWith('-12-31'), { message: 'Folkmängden gäller den 31 december; välj ett årsskifte.' }),
      population,
      reason: safeLine().pipe(z.string().min(1, { message: 'Skriv varför siffran rättas, till exempel «SCB:s rättelse 2022-03-01».' }).max(200)),
    }),
  ),
  /** Reads SCB's table «Folkmängd i riket, län och kommuner 31 december ÅÅÅÅ» and shows what would change; writes nothing. */
  'populations/import-preview': channel<PopulationImportPlan>()(z.strictObject(populationFileInput)),
  /** Plans again and writes the changed figures (and Sweden's total) of the file's date as one change. */
  'populations/import-apply': channel<PopulationImportPlan>()(z.strictObject({ ...populationFileInput, expectedRevision: z.number().int().nonnegative() })),
  /**
   * Records the decision behind the group rule of the table from `tableYear`: the basis chosen and the
   * decision reference; the rule is then «bekräftad» and invoice lines are no longer flagged.
   */
  'fees/confirm-group-rule': channel<FeeTable>()(
    z.strictObject({
      tableYear: year,
      basis: z.enum(groupFeeBases),
      decision: safeLine().pipe(z.string().min(1, { message: 'Ange beslutet som regeln bygger på, till exempel «Styrelsen 2022-03-15 § 12».' }).max(200)),
    }),
  ),

  /**
   * The change log of the whole register, newest first, filtered by organisation, person (contact), kind of
   * record and calendar days (inclusive), with the choices the filters offer.
   */
  'changes/list': channel<ChangeLogAnswer>()(
    z
      .strictObject({
        organisationId: id.optional(),
        contactId: id.optional(),
        entity: z.string().min(1).max(40).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
        message: 'Till-datumet ligger före från-datumet.',
        path: ['to'],
      }),
  ),
};

export type * from '../model/members';
