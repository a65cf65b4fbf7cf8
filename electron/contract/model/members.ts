/**
 * What the member register's channels answer (organisations, membership periods and their status, contacts,
 * fees, register figures, coverage, the change log, erasure), owned by the contract; the core computes them.
 */
import type { BusinessArea, ChangeLogEntry, Contact, Membership, Organisation, OrganisationKind, RosterEntry } from './records';
import type { ServiceUseBreakdown } from '../channels/usage.channels';

/**
 * Status of an organisation at a date:
 * - `medlem`: an own period covers the date and no notice has been given by then;
 * - `uppsagd`: an own period covers the date and notice was given on or before it (still a member until `left`);
 * - `medlem-via-grupp`: no own period covers the date, but a group (kommunalförbund, gemensam nämnd) that
 *   lists the organisation is a member then;
 * - `uttradd`: not a member at the date, but it was before (on its own or through a group);
 * - `aldrig-medlem`: not a member at the date nor before it (a period starting later does not count yet).
 */
export type MemberStatus = 'medlem' | 'uppsagd' | 'medlem-via-grupp' | 'uttradd' | 'aldrig-medlem';

export const memberStatuses = ['medlem', 'uppsagd', 'medlem-via-grupp', 'uttradd', 'aldrig-medlem'] as const satisfies readonly MemberStatus[];

export type StatusSegment = { from: string; to?: string; status: MemberStatus; label: string };

export type StatusAt = {
  status: MemberStatus;
  label: string;
  /** The own period covering the date, if any. */
  periodId?: string;
  /** Groups through which the organisation is a member at the date. */
  viaGroupIds: string[];
};

export type TimelineEventKind = 'joined' | 'rejoined' | 'notice' | 'left' | 'group-joined' | 'group-notice' | 'group-left';

export type TimelineEvent = { date: string; kind: TimelineEventKind; label: string; periodId: string; groupId?: string };

export type TimelinePeriod = Membership & { rejoin: boolean; open: boolean };

export type TimelineGroupPeriod = {
  groupId: string;
  groupName: string;
  periodId: string;
  joined: string;
  /** `before`: the group was a member since before `joined` (start unknown). */
  startKnown?: 'before';
  noticeGiven?: string;
  left?: string;
};

export type MembershipTimeline = {
  organisationId: string;
  periods: TimelinePeriod[];
  groupPeriods: TimelineGroupPeriod[];
  /** Dated events, oldest first; events of the same day keep the order joined, notice, left. */
  events: TimelineEvent[];
  /** Status from the first event on, as consecutive bands; the last one is open. */
  segments: StatusSegment[];
};

export const organisationSortKeys = ['name', 'kind', 'county', 'population', 'status', 'servicesUsed', 'fee', 'municipalityCode', 'orgNumber'] as const;

export type OrganisationSortKey = (typeof organisationSortKeys)[number];

export type OrganisationRow = {
  id: string;
  kind: OrganisationKind;
  kindLabel: string;
  name: string;
  municipalityCode?: string;
  orgNumber?: string;
  countyCode?: string;
  countyName: string;
  population: number;
  status: MemberStatus;
  statusLabel: string;
  /** Services in use at the date, by the one users rule (own records and through groups or hosts). */
  servicesUsed: number;
  /** `servicesUsed` split into own records and through which group or host. */
  servicesUsedBreakdown: ServiceUseBreakdown;
  /** The year's membership fee in öre (entry fee included), absent when the organisation pays none or no table applies. */
  feeOre?: number;
  archived: boolean;
  groupMemberCount: number;
  /** How the row answered the query (0 best), absent without a query. */
  matchRank?: MatchRank | 5;
};

/**
 * The member list: `count` rows match, of `total` organisations; `rows` holds them all, or with a window only
 * those from the place `start`. `located`: the place of the organisation asked for with `locate` (-1: not listed).
 */
export type OrganisationList = { date: string; feeYear: number; total: number; count: number; start: number; rows: OrganisationRow[]; located?: number };

/** How well a name answers a query, best first; `undefined` when it does not match at all. */
export type MatchRank = 0 | 1 | 2 | 3 | 4;

export type PopulationSource = 'scb' | 'grupp' | 'angiven' | 'saknas';

export type OrganisationFacts = {
  kindLabel: string;
  isGroup: boolean;
  countyCode?: string;
  countyName: string;
  /**
   * A municipality's population from the reference data; a group's is the sum of its listed municipalities'
   * (each counted once); other organisations use the figure stored on them, or 0.
   */
  population: number;
  populationSource: PopulationSource;
  /** The date of the reference figure (SCB), for municipalities. */
  populationDate?: string;
  /** A municipality's figure with the date asked for and its source. */
  populationFigure?: { population: number; date: string; wantedDate: string; source: 'scb' | 'scb-import' | 'rattad'; sourceNote?: string };
};

export type DuplicateField = 'orgNumber' | 'municipalityCode' | 'name';

export type Duplicate = {
  field: DuplicateField;
  existingId: string;
  existingName: string;
  existingArchived: boolean;
  /** A Swedish sentence naming the existing record. */
  message: string;
};

export type FeeBasis = 'band' | 'grupp' | 'ovrig';

export type BandChoice = { index: number; minPopulation: number; maxPopulation?: number; entryFeeOre: number; yearlyFeeOre: number; label: string };

export type EntryFee = { periodId: string; joined: string; rejoin: boolean; ordinaryOre: number; chargedOre: number };

export type FeeRow = {
  organisationId: string;
  name: string;
  kind: Organisation['kind'];
  kindLabel: string;
  orgNumber?: string;
  year: number;
  /** The year of the table applied. */
  tableYear: number;
  basis: FeeBasis;
  /** The population banded (municipality, or a group's combined), absent for other organisations. */
  population?: number;
  /** The reference date the table's rule asks for (31 December of the fee year plus its offset). */
  populationWantedDate: string;
  /** The reference dates the banded figures come from (the wanted one unless it is missing). */
  populationDates?: string[];
  /** «folkmängd 2021-12-31», or «folkmängd 2024-12-31; 2021 saknas»; absent when no population was banded. */
  populationText?: string;
  /** For a group: its fee follows a rule still «att bekräfta»; the invoice basis flags the line. */
  groupRuleUnconfirmed?: boolean;
  band?: BandChoice;
  /** The full yearly fee of the band (or of other organisations). */
  yearlyFeeOre: number;
  /** Months of the year charged: 12, or 12 − joining month in the first year. */
  months: number;
  chargedYearlyFeeOre: number;
  entryFees: EntryFee[];
  entryFeeOre: number;
  totalOre: number;
  /** Swedish sentences explaining the figure, in order. */
  explanation: string[];
};

export type MembershipFees = { year: number; tableYear: number; rows: FeeRow[]; totalOre: number; yearlyOre: number; entryOre: number };

export type FigureMember = { organisationId: string; name: string; date: string };

export type RegisterFigures = {
  year: number;
  startDate: string;
  endDate: string;
  membersAtStart: number;
  membersAtEnd: number;
  joinedDuring: number;
  leftDuring: number;
  joined: FigureMember[];
  left: FigureMember[];
  populationAtStart: number;
  populationAtEnd: number;
  /** Sweden's total the end share divides by (same reference date as `populationAtEnd`). */
  swedenPopulation?: { date: string; population: number };
  /** Sweden's total the start share divides by (same reference date as `populationAtStart`). */
  swedenPopulationAtStart?: { date: string; population: number };
  /** Fractions (0.25 is 25 %) of Sweden's population; absent without a reference population. */
  shareAtStart?: number;
  shareAtEnd?: number;
};

export type CoverageContact = { id: string; name: string; title: string; confirmedAt?: string; stale: boolean };

export type CoverageCell = { area: BusinessArea; covered: boolean; contacts: CoverageContact[] };

export type CoverageRow = {
  organisationId: string;
  name: string;
  kindLabel: string;
  status: MemberStatus;
  statusLabel: string;
  cells: CoverageCell[];
  missingAreas: BusinessArea[];
  staleContacts: CoverageContact[];
  activeContactCount: number;
};

export type CoverageModel = {
  date: string;
  /** Contacts confirmed on or after this date are current. */
  confirmedSince: string;
  areas: { area: BusinessArea; label: string }[];
  rows: CoverageRow[];
  totals: {
    members: number;
    fullyCovered: number;
    membersMissingAny: number;
    missingByArea: Record<BusinessArea, number>;
    staleContacts: number;
    membersWithStale: number;
  };
};

export type ChangeView = ChangeLogEntry & { actionLabel: string; entityLabel: string; organisationName?: string; contactName?: string };

export type ChangeList = { total: number; entries: ChangeView[] };

export type ChangeLogOption = { value: string; label: string };
/** What the log screen can filter by: the kinds, organisations and persons its entries name. */
export type ChangeLogOptions = { entities: ChangeLogOption[]; organisations: ChangeLogOption[]; contacts: ChangeLogOption[] };
export type ChangeLogAnswer = ChangeList & { options: ChangeLogOptions };

export const erasureGrounds = ['begaran', 'behovs-inte', 'invandning', 'felaktig'] as const;

export type ErasureGround = (typeof erasureGrounds)[number];

export type PersonExport = {
  /** What this is, for whoever opens the file. */
  description: string;
  contact: Contact & { legalBasisLabel: string };
  organisation: { id: string; name: string; orgNumber?: string } | null;
  networks: { networkId: string; networkName: string; entry: RosterEntry }[];
  meetings: { networkId: string; networkName: string; meetingId: string; date: string; title: string }[];
  changeLog: ChangeLogEntry[];
};

export type ErasureReport = {
  rosterEntriesRemoved: number;
  rosterEntriesKeptForOrganisation: number;
  meetingsUpdated: number;
  changeLogEntriesScrubbed: number;
  textsReplaced: number;
};

export type ContactRow = Contact & {
  organisationName: string;
  active: boolean;
  confirmationStale: boolean;
  phoneDisplay: string;
  businessAreaLabels: string[];
  roleLabels: string[];
};

/** A stored contact that a new or edited one would repeat (shown as «finns redan» in the contact dialog). */
export type ContactDuplicate = {
  id: string;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  /** `email`: the same address (any organisation); `name`: the same name at the same organisation. */
  reasons: ('email' | 'name')[];
  ended: boolean;
};
