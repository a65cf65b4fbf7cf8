/**
 * The register's records as the channels read and write them, described once: the primitives input
 * schemas are built from (ids, dates, öre, safe text), the enumerations, and each record's schema and type.
 * The core's document schema (`core/store/schema.ts`) assembles the whole register from these; the
 * contract owns them so that it imports nothing from the core.
 *
 * Conventions (see ARCHITECTURE.md):
 * - money is integer öre (1 kr = 100 öre), signed: costs are negative, as in the plan's income statement;
 * - dates are `YYYY-MM-DD` strings, timestamps ISO 8601 strings in UTC;
 * - ids are opaque strings made by the id port;
 * - anything derivable (membership status, totals, fees, population of a municipality) is never stored.
 */
import { z } from 'zod';
import { DATE_YEARS_TEXT, ISO_DATE_SHAPE, isCalendarDate, REGISTER_YEARS } from '../rules/calendar-date';
import {
  MAX_ABS_ORE,
  MAX_ABS_TOTAL_ORE,
  MAX_FEE_ORE,
  MAX_ORE_PER_INHABITANT,
  MAX_POPULATION,
  amountMessages,
  boundMessages,
} from '../rules/amounts';

// Validation messages in Swedish wherever the schema is used (main, web bridge, CLI, tests).
z.config(z.locales.sv());

const MAX_TEXT = 2000;
/** The longest name or one-line text stored. */
export const MAX_NAME = 200;

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-29) within the register's years (see rules/calendar-date.ts). */
export const isoDate = z
  .string()
  .regex(ISO_DATE_SHAPE, { message: 'Datum ska skrivas ÅÅÅÅ-MM-DD' })
  .refine(isCalendarDate, { message: `Datumet finns inte i kalendern eller ligger utanför ${DATE_YEARS_TEXT}` });

export const timestamp = z.string().min(10).max(40);
export const id = z.string().min(1).max(64);
/**
 * Integer öre within ±`bound`. The bounds live in rules/amounts.ts, which says why: with every amount at its
 * bound, the totals of a register 100 times the association's size stay exact.
 */
const boundedOre = (bound: number, message: string) => z.number().int({ message: amountMessages['not-whole-ore'] }).min(-bound, { message }).max(bound, { message });
/** An amount on a budget line (and a typed amount): ±1 000 000 000 kr. */
export const ore = boundedOre(MAX_ABS_ORE, amountMessages['too-large']);
/** A yearly fee of one organisation: a service's fixed or banded fee, a membership fee. */
export const feeOre = boundedOre(MAX_FEE_ORE, boundMessages.fee);
/** A membership entry fee (medlemsinsats). */
export const entryFeeOre = boundedOre(MAX_FEE_ORE, boundMessages.entryFee);
/** A service's price per inhabitant and year. */
export const orePerInhabitant = boundedOre(MAX_ORE_PER_INHABITANT, boundMessages.perInhabitant);
/** A total as a source stated it (never a figure; compared with the computed total). */
export const statedTotalOre = boundedOre(MAX_ABS_TOTAL_ORE, boundMessages.statedTotal);
/** Inhabitants of one organisation, a factor of per-inhabitant prices. */
export const population = z.number().int().nonnegative().max(MAX_POPULATION, { message: boundMessages.population });
export const year = z.number().int().min(REGISTER_YEARS.first).max(REGISTER_YEARS.last);
const text = z.string().max(MAX_TEXT);
const name = z.string().min(1).max(MAX_NAME);
/** A stored name: 1–200 characters (what the UI sends is checked by `safeName`). */
export const storedName = name;

// ---------------------------------------------------------------- text from the UI (input schemas)
/**
 * Characters refused in any text the user types: C0/C1 control characters other than tab, line feed and
 * carriage return, and the invisible direction controls (embeddings, overrides, isolates, marks). The latter
 * make a name display differently from what it is («Trojan Source»), in the app and in every export.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
/** In a name (one line) also tab, line breaks and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;

export const unsafeTextMessage = 'Texten innehåller osynliga styrtecken eller tecken som vänder textriktningen.';
export const unsafeNameMessage = 'Får inte innehålla radbrytningar, tabbar, styrtecken eller tecken som vänder textriktningen.';

export function isSafeText(value: string): boolean {
  return !UNSAFE_IN_TEXT.test(value);
}

export function isSafeName(value: string): boolean {
  return !UNSAFE_IN_NAME.test(value);
}

/** A name from the UI: trimmed, 1–200 characters, one line, no control or direction characters. */
export const safeName = z.string().trim().min(1).max(MAX_NAME).refine(isSafeName, { message: unsafeNameMessage });
/** A short one-line text from the UI (title, supplier, website), possibly empty. */
export const safeLine = (max: number = MAX_NAME) => z.string().trim().max(max).refine(isSafeName, { message: unsafeNameMessage });
/** A free text from the UI (note, description): line breaks and tabs allowed, other control characters not. */
export const safeText = (max: number = MAX_TEXT) => z.string().trim().max(max).refine(isSafeText, { message: unsafeTextMessage });

// ---------------------------------------------------------------- reference data
export const municipalityRefSchema = z.strictObject({
  code: z.string().regex(/^\d{4}$/),
  name,
  countyCode: z.string().regex(/^\d{2}$/),
  orgNumber: z.string().max(20).optional(),
});
export type MunicipalityRef = z.infer<typeof municipalityRefSchema>;

/** Where a population figure came from: SCB's tables (default data or an imported file), or a correction. */
export const populationSources = ['scb', 'scb-import', 'rattad'] as const;

/**
 * One municipality's population on one reference date (SCB counts on 31 December). A fee year and a share
 * look up the figure of the date they need; the register never overwrites one year with another.
 */
export const populationFigureSchema = z.strictObject({
  code: z.string().regex(/^\d{4}$/),
  date: isoDate,
  population,
  source: z.enum(populationSources),
  /** The imported file's name or table title, or why the figure was corrected. */
  sourceNote: z.string().max(MAX_NAME).optional(),
});
export type PopulationFigure = z.infer<typeof populationFigureSchema>;

export const countyRefSchema = z.strictObject({ code: z.string().regex(/^\d{2}$/), name });
export type CountyRef = z.infer<typeof countyRefSchema>;

// ---------------------------------------------------------------- organisations
export const organisationKinds = ['kommun', 'region', 'kommunalforbund', 'gemensam-namnd', 'annan'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
/** Kinds that may join as a group: each of their member municipalities then counts as a member. */
export const groupKinds: readonly OrganisationKind[] = ['kommunalforbund', 'gemensam-namnd'];

export const organisationSchema = z.strictObject({
  id,
  kind: z.enum(organisationKinds),
  name,
  /** Set for kind `kommun` (and Gotland-like regions): population, county follow from the reference data. */
  municipalityCode: z.string().regex(/^\d{4}$/).optional(),
  /** County for organisations that are not municipalities. */
  countyCode: z.string().regex(/^\d{2}$/).optional(),
  /** Canonical `NNNNNN-NNNN`. */
  orgNumber: z.string().regex(/^\d{6}-\d{4}$/).optional(),
  /** Population for non-municipal organisations where it matters (regions); municipalities use the reference. */
  population: population.optional(),
  /** For groups: the organisations (municipalities) in the group. */
  groupMemberIds: z.array(id).default([]),
  website: z.string().max(500).optional(),
  note: text.default(''),
  archived: z.boolean().default(false),
  createdAt: timestamp,
});
export type Organisation = z.infer<typeof organisationSchema>;

/** How well a membership period's start is known: the exact first day, or only a date it started before. */
export const membershipStarts = ['exact', 'before'] as const;
export type MembershipStart = (typeof membershipStarts)[number];

export const membershipSchema = z.strictObject({
  id,
  organisationId: id,
  /** First day of membership; with `startKnown: 'before'`, a day the organisation was already a member. */
  joined: isoDate,
  /**
   * `before`: the period began on an unknown day before `joined` (a member since before that date, e.g. taken
   * from a plan that lists members without their join dates). Such a period has no dated joining, so it never
   * gives an entry fee or a part-year fee. Absent means `exact`.
   */
  startKnown: z.enum(membershipStarts).optional(),
  noticeGiven: isoDate.optional(),
  /** Last day of membership (inclusive). */
  left: isoDate.optional(),
  reason: text.optional(),
  note: text.default(''),
});
export type Membership = z.infer<typeof membershipSchema>;

// ---------------------------------------------------------------- contact persons
export const businessAreas = ['skola', 'stod-och-bistand', 'kultur-och-delaktighet', 'trafik', 'fastighet'] as const;
export type BusinessArea = (typeof businessAreas)[number];
export const contactRoles = ['it', 'ekonomi', 'kommunledning', 'annan'] as const;
export type ContactRole = (typeof contactRoles)[number];
export const legalBases = ['allmant-intresse', 'berattigat-intresse', 'avtal', 'samtycke'] as const;
export type LegalBasis = (typeof legalBases)[number];

export const contactSchema = z.strictObject({
  id,
  organisationId: id,
  name,
  title: z.string().max(MAX_NAME).default(''),
  email: z.string().max(320).default(''),
  /** E.164, e.g. +46701234567. */
  phone: z.string().max(20).default(''),
  businessAreas: z.array(z.enum(businessAreas)).default([]),
  roles: z.array(z.enum(contactRoles)).default([]),
  confirmedAt: isoDate.optional(),
  legalBasis: z.enum(legalBases).default('allmant-intresse'),
  /** Last day the person is at the organisation; ended contacts stay for history. */
  endedAt: isoDate.optional(),
  note: text.default(''),
  createdAt: timestamp,
});
export type Contact = z.infer<typeof contactSchema>;

// ---------------------------------------------------------------- services and usage
export const pricingModelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), yearlyFeeOre: feeOre }),
  z.strictObject({
    kind: z.literal('banded'),
    bands: z.array(
      z.strictObject({
        /** Inclusive lower bound of population. */
        minPopulation: z.number().int().nonnegative(),
        yearlyFeeOre: feeOre,
      }),
    )
      // A cap on what the UI can send; real models have a handful of bands.
      .max(100),
  }),
  z.strictObject({ kind: z.literal('per-inhabitant'), orePerInhabitant }),
]);
export type PricingModel = z.infer<typeof pricingModelSchema>;

export const servicePricingSchema = z.strictObject({ year, model: pricingModelSchema });

export const serviceSchema = z.strictObject({
  id,
  name,
  description: text.default(''),
  businessArea: z.enum(businessAreas).optional(),
  technicalManager: z.string().max(MAX_NAME).default(''),
  operator: z.string().max(MAX_NAME).default(''),
  contentManager: z.string().max(MAX_NAME).default(''),
  supplier: z.string().max(MAX_NAME).default(''),
  /** The governance council (a network of kind `forvaltningsrad`), if any. */
  councilNetworkId: id.optional(),
  pricing: z.array(servicePricingSchema).default([]),
  archived: z.boolean().default(false),
});
export type Service = z.infer<typeof serviceSchema>;

export const usageSchema = z.strictObject({
  id,
  organisationId: id,
  serviceId: id,
  from: isoDate,
  /** Last day of use (inclusive); open-ended when absent. */
  to: isoDate.optional(),
  /** The group or host organisation the use comes through (Göteborgsregionen, a Provisum host municipality). */
  viaOrganisationId: id.optional(),
  note: text.default(''),
});
export type Usage = z.infer<typeof usageSchema>;

// ---------------------------------------------------------------- networks, councils, projects
/** `styrelse`: the association's board, a roster like the others (the plan has a goal for its composition). */
export const networkKinds = ['kompetensnatverk', 'forvaltningsrad', 'projekt', 'partnerskap', 'styrelse'] as const;
export type NetworkKind = (typeof networkKinds)[number];
export const rosterRoles = ['ordforande', 'sammankallande', 'ledamot', 'adjungerad', 'deltagare'] as const;
export type RosterRole = (typeof rosterRoles)[number];
/** How an organisation takes part in a project or partnership. */
export const participationKinds = ['deltagare', 'medfinansiar', 'partner'] as const;
export type ParticipationKind = (typeof participationKinds)[number];
export const meetingKinds = ['mote', 'seminarium', 'webinar', 'konferens'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const rosterEntrySchema = z.strictObject({
  id,
  organisationId: id.optional(),
  /** A contact person; absent for an organisation-only entry. */
  contactId: id.optional(),
  /** Free-text participant that is not an organisation in the register (a publisher, a foundation). */
  externalName: z.string().max(MAX_NAME).optional(),
  role: z.enum(rosterRoles).default('deltagare'),
  participation: z.enum(participationKinds).default('deltagare'),
  from: isoDate,
  to: isoDate.optional(),
  /**
   * Whether the person works with IT in their organisation; kept for the board, whose composition goal asks for
   * members who do not. Absent when not known.
   */
  worksWithIt: z.boolean().optional(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const meetingSchema = z.strictObject({
  id,
  date: isoDate,
  kind: z.enum(meetingKinds),
  title: name,
  /** Contact ids of the roster's persons who attended. */
  attendeeContactIds: z.array(id).default([]),
  /** Organisations on the roster without a named person that attended (an organisation entry's own id). */
  attendeeOrganisationIds: z.array(id).optional(),
  note: text.default(''),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const networkSchema = z.strictObject({
  id,
  kind: z.enum(networkKinds),
  name,
  description: text.default(''),
  /** For a governance council: the service it governs (its organisations follow from the service's users). */
  serviceId: id.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  roster: z.array(rosterEntrySchema).default([]),
  meetings: z.array(meetingSchema).default([]),
  archived: z.boolean().default(false),
});
export type Network = z.infer<typeof networkSchema>;

// ---------------------------------------------------------------- budget
export const budgetLineKinds = ['income', 'cost'] as const;
export const budgetColumnKinds = ['utfall', 'budget', 'prognos'] as const;
export type BudgetColumnKind = (typeof budgetColumnKinds)[number];

export const budgetLineSchema = z.strictObject({
  id,
  /** Sub-lines (e.g. Nettoomsättning per service) name their parent; totals always come from the leaves. */
  parentId: id.optional(),
  name,
  kind: z.enum(budgetLineKinds),
  /** What the line measures against the register, if anything. */
  registerSource: z.enum(['membership-fees', 'service-revenue']).optional(),
  order: z.number().int(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const budgetColumnSchema = z.strictObject({
  id,
  year,
  kind: z.enum(budgetColumnKinds),
  /** Amount per line id, signed öre (costs negative). Lines without an entry count as 0. */
  amounts: z.record(z.string(), ore).default({}),
  /**
   * Totals as stated by the source the data came from (e.g. the plan's "Summa föreningens intäkter"),
   * kept only so the screen can flag a difference; never used as a figure.
   */
  statedTotals: z.record(z.string(), statedTotalOre).default({}),
  /**
   * Differences between a stated and a computed figure that someone accepted, by the same keys: who and when,
   * and the two figures then, so a later change to either brings the warning back. Optional: absent means none
   * accepted, so documents written before it need no migration step.
   */
  acceptedDifferences: z
    .record(z.string(), z.strictObject({ statedOre: statedTotalOre, computedOre: statedTotalOre, by: z.string().max(MAX_NAME), at: timestamp }))
    .optional(),
});
export type BudgetColumn = z.infer<typeof budgetColumnSchema>;

export const budgetSchema = z.strictObject({
  lines: z.array(budgetLineSchema).default([]),
  columns: z.array(budgetColumnSchema).default([]),
});
export type Budget = z.infer<typeof budgetSchema>;

// ---------------------------------------------------------------- fees
export const feeBandSchema = z.strictObject({
  /** Inclusive lower bound of population. The band runs to the next band's lower bound. */
  minPopulation: z.number().int().nonnegative(),
  entryFeeOre,
  yearlyFeeOre: feeOre,
});
/**
 * How a group (kommunalförbund, gemensam nämnd) that joined as one pays: banded on its municipalities'
 * combined population, or as «andra organisationer». The fee decision does not say; the rule stays
 * «att bekräfta» until the secretariat records the decision that settles it.
 */
export const groupFeeBases = ['combined-population', 'other-organisations'] as const;
export type GroupFeeBasis = (typeof groupFeeBases)[number];
export const groupFeeRuleStatuses = ['att-bekrafta', 'bekraftad'] as const;
export const groupFeeRuleSchema = z.strictObject({
  basis: z.enum(groupFeeBases),
  status: z.enum(groupFeeRuleStatuses),
  /** The decision the rule rests on (e.g. «Styrelsen 2022-03-15 § 12»); required once confirmed. */
  decision: z.string().max(MAX_NAME).default(''),
  /** The day the rule was confirmed (the change log says by whom). */
  confirmedAt: isoDate.optional(),
});

export const feeTableSchema = z.strictObject({
  /** First year the table applies; it stays in force until a table with a later year. */
  year,
  bands: z.array(feeBandSchema).min(1),
  otherOrganisations: z.strictObject({ entryFeeOre, yearlyFeeOre: feeOre }),
  /** Share of the ordinary entry fee a re-joining member pays, in per cent. */
  rejoinEntryFeePercent: z.number().int().min(0).max(100).default(50),
  /**
   * Which population decides a fee year: the count of 31 December of the fee year plus this many years
   * (−1, the default: the year before, the last count known when the fees are invoiced).
   */
  populationYearOffset: z.number().int().min(-3).max(0).default(-1),
  groupRule: groupFeeRuleSchema.default({ basis: 'combined-population', status: 'att-bekrafta', decision: '' }),
  note: text.default(''),
});
export type FeeTable = z.infer<typeof feeTableSchema>;

// ---------------------------------------------------------------- goals
export const goalMetrics = [
  'member-count',
  'members-lost',
  'single-service-members',
  'members-without-service-or-network',
  'max-service-member-share',
  'networks-with-20-members',
  'conferences-held',
  'board-members-outside-it',
  'services-with-council',
] as const;
export type GoalMetric = (typeof goalMetrics)[number];

export const goalSchema = z.strictObject({
  id,
  year,
  title: name,
  description: text.default(''),
  metric: z.enum(goalMetrics),
  comparison: z.enum(['at-least', 'at-most', 'between', 'more-than']),
  target: z.number().finite(),
  targetMax: z.number().finite().optional(),
  order: z.number().int().default(0),
  /** For `conferences-held`: the meeting kinds the goal counts (the plan's conference goal counts `konferens`). */
  eventKinds: z.array(z.enum(meetingKinds)).max(meetingKinds.length).optional(),
  /**
   * Why the goal holds by the way the register was built, when it does (a member entered because it uses a
   * service); shown instead of a bare «Uppnått».
   */
  byConstruction: text.optional(),
});
export type Goal = z.infer<typeof goalSchema>;

// ---------------------------------------------------------------- saved selections
/** Which mail a selection is reached with: an «ärende» concerns the organisation's own membership or services; an «utskick» (newsletter, invitation) goes to many. */
export const mailKinds = ['arende', 'utskick'] as const;
export type MailKind = (typeof mailKinds)[number];

/** The filters of the contacts directory; empty lists mean «all». */
export const contactFilterSchema = z.strictObject({
  businessAreas: z.array(z.enum(businessAreas)).max(20).default([]),
  roles: z.array(z.enum(contactRoles)).max(20).default([]),
  organisationIds: z.array(id).max(5000).default([]),
  confirmed: z.enum(['alla', 'bekraftade', 'obekraftade']).default('alla'),
  query: z.string().max(MAX_NAME).default(''),
});
export type ContactFilter = z.infer<typeof contactFilterSchema>;

/** What a saved selection picks; it is worked out again each time it is used, so it follows the register. */
export const selectionCriteriaSchema = z.discriminatedUnion('kind', [
  /** The organisations that do not use a service (members; non-member municipalities too when asked). */
  z.strictObject({ kind: z.literal('anvander-inte'), serviceId: id, includeNonMembers: z.boolean().default(false) }),
  /** The organisations that use a service (directly or through a group): its contacts of the business area. */
  z.strictObject({ kind: z.literal('anvander'), serviceId: id }),
  /** The contacts directory with its filters. */
  z.strictObject({ kind: z.literal('kontakter'), filter: contactFilterSchema }),
  /** A fixed list of organisations (their active contacts). */
  z.strictObject({ kind: z.literal('organisationer'), organisationIds: z.array(id).max(5000) }),
]);
export type SelectionCriteria = z.infer<typeof selectionCriteriaSchema>;

export const selectionSchema = z.strictObject({
  id,
  name,
  criteria: selectionCriteriaSchema,
  createdAt: timestamp,
});
export type Selection = z.infer<typeof selectionSchema>;

// ---------------------------------------------------------------- figures stated by a source
/**
 * What a stated figure counts: members of the association, the municipalities using a service (`subjectId`
 * the service), or the municipalities taking part in a network (`subjectId` the network).
 */
export const planFigureSubjects = ['members', 'service-municipalities', 'network-municipalities'] as const;
export type PlanFigureSubject = (typeof planFigureSubjects)[number];

/**
 * A figure a source document (the plan) states and the register may not reproduce (the plan's 109 members where
 * the register names 96). Kept beside the register's own count, never instead of it; a goal's baseline uses it.
 */
export const planFigureSchema = z.strictObject({
  id,
  subject: z.enum(planFigureSubjects),
  subjectId: id.optional(),
  /** The date the figure describes (the plan's «vid ingången av 2022» is 2022-01-01). */
  date: isoDate,
  value: z.number().int().nonnegative().max(100_000),
  /** Where it is stated: the document and its section. */
  source: name,
  note: text.default(''),
});
export type PlanFigure = z.infer<typeof planFigureSchema>;

// ---------------------------------------------------------------- change log
/** What a change-log entry did; `undo` and `redo` are entries of their own, about the record they changed back. */
export const changeActions = ['create', 'update', 'delete', 'archive', 'erase', 'import', 'restore', 'undo', 'redo'] as const;
export type ChangeAction = (typeof changeActions)[number];

export const changeLogEntrySchema = z.strictObject({
  id,
  at: timestamp,
  /** Who made the change: the user name of the computer's account (empty for entries from before schema 2). */
  by: z.string().max(MAX_NAME),
  /** The entries of one change (one `repo.change`, undo or redo) share it. */
  changeId: id.optional(),
  /** The kind of record (the table's entity), e.g. `organisation`, `contact`, `usage`. */
  entity: z.string().max(40),
  entityId: id,
  /** The organisation the change concerns, so it can be shown on the organisation's page. */
  organisationId: id.optional(),
  /** The contact person the change concerns, so the log can be filtered by person. */
  contactId: id.optional(),
  action: z.enum(changeActions),
  summary: z.string().max(500),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type ChangeLogEntry = z.infer<typeof changeLogEntrySchema>;
