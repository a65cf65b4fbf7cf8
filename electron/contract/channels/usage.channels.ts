import { z } from 'zod';
import { channel } from '../define';
import type { OrganisationKind, Usage } from '../model/records';
import { id, isoDate, organisationKinds, safeText } from '../model/records';

const note = safeText(2000);

/** A usage record with the names the screens show. */
export type UsageRecord = Usage & { organisationName: string; serviceName: string; viaOrganisationName?: string };

/** One filled cell of the matrix: the service is in use by the row's organisation at the date. */
export type UsageCell = {
  /** The record that puts the organisation in use: its own, or its group's (see `source`). */
  usageId: string;
  from: string;
  to?: string;
  /** `direct`: the organisation's own record; `group`: a record on a group the organisation belongs to. */
  source: 'direct' | 'group';
  /** The group (source `group`), or the group/host named on the organisation's own record. */
  viaOrganisationId?: string;
};

/** Organisations reached through one group or host: `count` of them (or of an organisation's services). */
export type ViaCount = { organisationId: string; name: string; count: number };

/**
 * A count split by how it is reached: `direct` through the organisation's own record without a host, the rest
 * through the group or host in `via` (largest first, then by name). `total` = `direct` + the sum of `via`.
 */
export type ServiceUseBreakdown = { total: number; direct: number; via: ViaCount[] };

export type UsageMatrixRow = {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  countyCode?: string;
  municipalityCode?: string;
  population: number;
  isMember: boolean;
  /** Services of the matrix's columns in use by the organisation at the date. */
  serviceCount: number;
  /** How those services are reached: own records, or through which group or host. */
  serviceUse: ServiceUseBreakdown;
  /** Keyed by service id; only services in use have a cell. */
  cells: Record<string, UsageCell>;
};

export type UsageMatrixColumn = {
  serviceId: string;
  name: string;
  archived: boolean;
  /** Organisations using the service at the date: record holders and their groups' municipalities, each once. */
  users: number;
  /** `users` split into own records and those reached through each group or host. */
  usersBreakdown: ServiceUseBreakdown;
  /** Distinct municipalities among the users. */
  municipalities: number;
  /** Users that are members at the date. */
  memberUsers: number;
  memberCount: number;
  /** memberUsers / memberCount (0–1); null when there are no members. */
  memberShare: number | null;
  /** Inhabitants of the municipalities among the users, each municipality once. */
  populationCovered: number;
  /** populationCovered / Sweden's population at the date (0–1); null when the reference has no figure. */
  populationShare: number | null;
  /** Users among the rows the filter shows. */
  visibleUsers: number;
};

export type UsageMatrix = {
  date: string;
  columns: UsageMatrixColumn[];
  rows: UsageMatrixRow[];
  totals: {
    rows: number;
    /** Rows passing scope, county, kind and search, before the number-of-services filters: what the quick filters would show. */
    rowsUsingNone: number;
    rowsUsingExactlyOne: number;
    memberCount: number;
    swedenPopulation?: { date: string; population: number };
  };
  /** Names of the organisations the cells name as `viaOrganisationId` (a group or host may not be among the rows). */
  viaNames: Record<string, string>;
};

export const usageMatrixScopes = ['members', 'users', 'all'] as const;

/**
 * A row as the matrix channels send it: what the screen shows of the core's `UsageMatrixRow`, the cells packed
 * into one string (`packCells` in rules/matrix-cells.ts, by the column's place in the answer's `columns`).
 */
export type UsageMatrixAnswerRow = Pick<UsageMatrixRow, 'organisationId' | 'name' | 'isMember' | 'serviceCount' | 'serviceUse'> & { cells: string };

/** A column as the matrix channels send it: the service and the figures the matrix's header shows. */
export type UsageMatrixAnswerColumn = Pick<
  UsageMatrixColumn,
  'serviceId' | 'name' | 'archived' | 'users' | 'visibleUsers' | 'memberShare' | 'populationShare'
>;

/**
 * A matrix as the core answers it. `token` names this answer: a screen that holds it asks
 * `usage/get-matrix-changes` with it after a change and gets only what differs.
 */
export type UsageMatrixAnswer = Pick<UsageMatrix, 'date' | 'totals' | 'viaNames'> & {
  token: string;
  columns: UsageMatrixAnswerColumn[];
  rows: UsageMatrixAnswerRow[];
};

/**
 * What changed in a matrix since the answer `since`, for the same filter and date:
 * - `changes`: the rows that are new or differ (`rows`), the columns whose figures changed (by their place), the
 *   totals, and only when they changed the order of every row (`rowIds`: a row came, went or moved) and the via
 *   names; everything else is as in the answer held;
 * - `full`: the whole matrix, when the core no longer knows `since` (it remembers a few answers) or the
 *   register changed beyond what it can follow (another file opened, organisations or services edited).
 */
export type UsageMatrixChanges =
  | { kind: 'full'; matrix: UsageMatrixAnswer }
  | ({
      kind: 'changes';
      token: string;
      since: string;
      rowIds?: string[];
      rows: UsageMatrixAnswerRow[];
      columns: { index: number; column: UsageMatrixAnswerColumn }[];
      viaNames?: Record<string, string>;
    } & Pick<UsageMatrix, 'date' | 'totals'>);

export type UsageMatrixScope = (typeof usageMatrixScopes)[number];

/** The matrix's filter: what `usage/get-matrix` and `usage/get-matrix-changes` both take. */
const usageMatrixFilterShape = {
  date: isoDate.optional(),
  /** members: members at the date; users: organisations using any shown service; all: every organisation not archived. */
  scope: z.enum(usageMatrixScopes).default('members'),
  countyCode: z.string().regex(/^\d{2}$/, { message: 'Län anges med två siffror' }).optional(),
  kinds: z.array(z.enum(organisationKinds)).max(organisationKinds.length).optional(),
  minServices: z.number().int().min(0).max(1000).optional(),
  maxServices: z.number().int().min(0).max(1000).optional(),
  /** Shortcuts: `exactly-one` = uses exactly one service; `none` = uses none. */
  quick: z.enum(['exactly-one', 'none']).optional(),
  search: z.string().trim().max(200).optional(),
  /** Columns to show (all services not archived by default). */
  serviceIds: z.array(id).max(500).optional(),
  includeArchivedServices: z.boolean().default(false),
};

function refineServiceCounts(f: { minServices?: number | undefined; maxServices?: number | undefined }, ctx: z.RefinementCtx): void {
  if (f.minServices !== undefined && f.maxServices !== undefined && f.maxServices < f.minServices) {
    ctx.addIssue({ code: 'custom', message: 'Får inte vara mindre än minsta antalet tjänster', path: ['maxServices'] });
  }
}

export const usageMatrixInput = z.strictObject(usageMatrixFilterShape).superRefine(refineServiceCounts);

export const usageMatrixChangesInput = z
  .strictObject({
    ...usageMatrixFilterShape,
    /** The `token` of the matrix the screen holds. */
    since: z.string().min(1).max(100),
  })
  .superRefine(refineServiceCounts);
export type UsageMatrixFilter = Omit<z.output<typeof usageMatrixInput>, 'date'>;

export type ToggleResult = {
  /** Whether the service is in use by the organisation at the date after the toggle. */
  inUse: boolean;
  /** started: a new record from the date; ended: the record now ends the day before; removed: it began that day. */
  action: 'started' | 'ended' | 'removed';
  usageId: string;
  /** The change's entry in the undo history, naming the cell and date: while it is `undoSummary`, undo reverts this toggle. */
  historySummary: string;
};

export type ServiceAdoption = Omit<UsageMatrixColumn, 'visibleUsers'>;

export type UsersSeriesPoint = {
  date: string;
  /** Users per service id at the date. */
  users: Record<string, number>;
  /** Distinct organisations using at least one of the series' services. */
  anyService: number;
};

export type ServicesPerMemberBucket = {
  /** 0, 1, 2 … ; the last bucket holds that many or more. */
  services: number;
  label: string;
  count: number;
  organisationIds: string[];
};

export type ThreeQuartersGoal = {
  serviceId: string;
  name: string;
  memberUsers: number;
  memberCount: number;
  memberShare: number | null;
  /** Member users needed for "more than three quarters": floor(3/4 × members) + 1. */
  required: number;
  /** Member users still missing (0 once reached). */
  gap: number;
  reached: boolean;
};

export type AdoptionReport = {
  date: string;
  services: ServiceAdoption[];
  distribution: { memberCount: number; buckets: ServicesPerMemberBucket[] };
  /** The service with the most member users and its distance to "more than three quarters of the members". */
  threeQuarters: ThreeQuartersGoal | null;
  series: { step: 'changes' | 'monthly'; from: string; to: string; points: UsersSeriesPoint[] };
};

export const usageChannels = {
  /** Today in Sweden by the core's clock: the date the screens propose for a change and show figures at. */
  'usage/get-today': channel<{ date: string }>()(z.strictObject({})),
  /** Usage records, optionally of one organisation and/or one service, newest start first. */
  'usage/list': channel<UsageRecord[]>()(z.strictObject({ organisationId: id.optional(), serviceId: id.optional() })),
  /** Starts use (the UI proposes today as `from`); refused if it overlaps a record of the same organisation and service. */
  'usage/start': channel<UsageRecord>()(
    z
      .strictObject({
        organisationId: id,
        serviceId: id,
        from: isoDate,
        to: isoDate.optional(),
        viaOrganisationId: id.optional(),
        note: note.default(''),
      })
      .superRefine((v, ctx) => {
        if (v.to !== undefined && v.to < v.from) {
          ctx.addIssue({ code: 'custom', message: 'Slutdatumet får inte ligga före startdatumet', path: ['to'] });
        }
      }),
  ),
  /** Ends use: `to` is the last day in use (inclusive) and may not lie before `from`. */
  'usage/end': channel<UsageRecord>()(z.strictObject({ usageId: id, to: isoDate })),
  /** Edits a record; `null` clears `to` (open again) or the via organisation. */
  'usage/update': channel<UsageRecord>()(
    z.strictObject({
      usageId: id,
      from: isoDate.optional(),
      to: isoDate.nullable().optional(),
      viaOrganisationId: id.nullable().optional(),
      note: note.optional(),
    }),
  ),
  'usage/delete': channel<{ deleted: string }>()(z.strictObject({ usageId: id })),
  /**
   * Flips the matrix cell at `date`: starts use from the date if not in use, otherwise ends it so that the
   * date is no longer in use (`to` = the day before; a record that began on the date is removed). One undoable change.
   */
  'usage/toggle': channel<ToggleResult>()(z.strictObject({ organisationId: id, serviceId: id, date: isoDate })),
  /** The usage matrix at a date (today by default). */
  'usage/get-matrix': channel<UsageMatrixAnswer>()(usageMatrixInput),
  /**
   * The matrix again after a change, as the rows that differ from the answer `since` (see UsageMatrixChanges):
   * after a toggle a screen fetches one row, not thousands.
   */
  'usage/get-matrix-changes': channel<UsageMatrixChanges>()(usageMatrixChangesInput),
  /** Adoption figures at a date and users over time. */
  'usage/get-adoption': channel<AdoptionReport>()(
    z
      .strictObject({
        date: isoDate.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        step: z.enum(['changes', 'monthly']).default('monthly'),
        serviceIds: z.array(id).max(500).optional(),
      })
      .superRefine((v, ctx) => {
        if (v.from !== undefined && v.to !== undefined && v.to < v.from) {
          ctx.addIssue({ code: 'custom', message: 'Slutdatumet får inte ligga före startdatumet', path: ['to'] });
        }
      }),
  ),
};
