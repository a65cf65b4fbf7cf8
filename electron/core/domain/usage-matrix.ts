/**
 * Who uses which service at a date, and the matrix of organisations × services built from it.
 *
 * The users rule (used by the matrix, adoption, councils and network figures alike):
 * - an organisation with a record in force at the date uses the service (`source: 'direct'`);
 * - a record on a group organisation (a kommunalförbund or gemensam nämnd listing its municipalities in
 *   `groupMemberIds`) makes each of those municipalities a user through the group (`source: 'group'`),
 *   and the group itself counts as a user too, exactly as `memberIdsAt` counts a group and its municipalities
 *   as members, so "members using / members" compares like with like;
 * - every organisation counts once per service, however many records reach it: a municipality that uses a
 *   service directly and through its group is one user, shown with its own record;
 * - population follows `populationCovered`: only municipalities carry inhabitants, each counted once, so a
 *   group adds no inhabitants of its own.
 *
 * Cost: usages are indexed by service once per call, and each record in force is expanded through its
 * group once, so a matrix of n organisations × s services costs O(records + n × s), never a scan per cell.
 */
import type {
  ServiceUseBreakdown,
  UsageCell,
  UsageMatrix,
  UsageMatrixColumn,
  UsageMatrixFilter,
  UsageMatrixRow,
} from '../../contract/channels/usage.channels';
import type { Organisation, SambrukDocument, Service, Usage } from '../store/schema';
import { memberIdsAt } from './memberships';
import { coverageDate, municipalityPopulationMap, populationCovered, populationOf, swedenPopulationAt } from './population';
import { nameKey, periodActiveAt, sortServices } from './services';
import { compareSv, countOf, nouns, type PluralForms } from './swedish';

type UsageDoc = Pick<SambrukDocument, 'organisations' | 'usages'>;

/** Usage records grouped by service id. */
export function usagesByService(usages: readonly Usage[]): Map<string, Usage[]> {
  const byService = new Map<string, Usage[]>();
  for (const u of usages) {
    const list = byService.get(u.serviceId);
    if (list) list.push(u);
    else byService.set(u.serviceId, [u]);
  }
  return byService;
}

/** The organisations of each group that lists its municipalities, by group id. */
export function groupMembersById(organisations: readonly Organisation[]): Map<string, readonly string[]> {
  const groups = new Map<string, readonly string[]>();
  for (const org of organisations) if (org.groupMemberIds.length > 0) groups.set(org.id, org.groupMemberIds);
  return groups;
}

/**
 * The one breakdown of a count of cells (an organisation's services, or a service's users): a cell without
 * `viaOrganisationId` is direct; the others are counted under the group or host they come through. Every
 * screen and file that shows such a count shows this split, so a count reads the same everywhere.
 */
function breakdownOf(
  cells: Iterable<Pick<UsageCell, 'viaOrganisationId'>>,
  nameOf: (organisationId: string) => string | undefined,
): ServiceUseBreakdown {
  let total = 0;
  const via = new Map<string, number>();
  for (const cell of cells) {
    total += 1;
    if (cell.viaOrganisationId !== undefined) via.set(cell.viaOrganisationId, (via.get(cell.viaOrganisationId) ?? 0) + 1);
  }
  const list = [...via].map(([organisationId, count]) => ({ organisationId, name: nameOf(organisationId) ?? 'Okänd organisation', count }));
  list.sort((a, b) => b.count - a.count || compareSv(a.name, b.name));
  return { total, direct: total - list.reduce((sum, v) => sum + v.count, 0), via: list };
}

/**
 * A breakdown in words: «2 tjänster, varav 1 via Sydarkivera», «28 användare, varav 13 via Göteborgsregionen och
 * 5 via Höglandsförbundet», plain «3 tjänster» when all are direct. `short` drops the noun after the total («2,
 * varav 1 via Sydarkivera») for a column already headed by it.
 */
export function describeServiceUse(b: ServiceUseBreakdown, options: { noun?: PluralForms; short?: boolean } = {}): string {
  const total = options.short ? bareCount(b.total) : countOf(b.total, options.noun ?? nouns.tjanst);
  return b.via.length === 0 ? total : `${total}, varav ${describeVia(b.via)}`;
}

/** The part through groups or hosts: «1 via Sydarkivera», «13 via Göteborgsregionen och 5 via Höglandsförbundet». */
export function describeVia(via: ServiceUseBreakdown['via']): string {
  const parts = via.map((v) => `${bareCount(v.count)} via ${v.name}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
}

const bareCount = (n: number) => countOf(n, { one: '', other: '' }).trim();

/** What an organisation uses at a date: the services (ids, in the order asked) and how they are reached. */
type OrganisationServiceUse = { serviceIds: string[]; breakdown: ServiceUseBreakdown };

/**
 * The one answer to «which services does each organisation use at `date`», by the users rule above, over the
 * services not archived (or the chosen ones). The member list, the organisation page, the matrix, the catalogue,
 * the accountant's workbook and the board pack all count with it. Organisations using none are absent.
 */
export function serviceUseAt(
  doc: UsageDoc & Pick<SambrukDocument, 'services'>,
  date: string,
  scope: { serviceIds?: readonly string[] | undefined; includeArchivedServices?: boolean | undefined } = {},
): Map<string, OrganisationServiceUse> {
  const usersOf = usersOfServicesAt(doc, date);
  const cells = new Map<string, { serviceIds: string[]; cells: UsageCell[] }>();
  for (const service of servicesInScope(doc.services, scope)) {
    for (const [organisationId, cell] of usersOf(service.id)) {
      let entry = cells.get(organisationId);
      if (!entry) cells.set(organisationId, (entry = { serviceIds: [], cells: [] }));
      entry.serviceIds.push(service.id);
      entry.cells.push(cell);
    }
  }
  const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const nameOf = (id: string) => names.get(id);
  return new Map([...cells].map(([id, e]) => [id, { serviceIds: e.serviceIds, breakdown: breakdownOf(e.cells, nameOf) }]));
}

/** The breakdown of an organisation that uses no service. */
export const NO_SERVICE_USE: ServiceUseBreakdown = Object.freeze({ total: 0, direct: 0, via: [] as ServiceUseBreakdown['via'] });

/**
 * The users of one service at `date` (see the users rule above), each with the cell the matrix shows:
 * the organisation's own record if it has one in force, otherwise the earliest-starting group record.
 */
export function usersFromRecords(
  records: readonly Usage[],
  groups: ReadonlyMap<string, readonly string[]>,
  date: string,
): Map<string, UsageCell> {
  const users = new Map<string, UsageCell>();
  const viaGroup: Usage[] = [];
  for (const u of records) {
    if (!periodActiveAt(u, date)) continue;
    users.set(u.organisationId, cellOf(u, 'direct'));
    if (groups.has(u.organisationId)) viaGroup.push(u);
  }
  for (const u of viaGroup) {
    for (const memberId of groups.get(u.organisationId) ?? []) {
      const existing = users.get(memberId);
      if (existing && (existing.source === 'direct' || existing.from <= u.from)) continue;
      users.set(memberId, cellOf(u, 'group', u.organisationId));
    }
  }
  return users;
}

/** Written out without spreads (a cell is made for every record in force, tens of thousands per screen); keys in one order. */
function cellOf(u: Usage, source: UsageCell['source'], via = u.viaOrganisationId): UsageCell {
  const cell: UsageCell = u.to !== undefined ? { usageId: u.id, from: u.from, to: u.to, source } : { usageId: u.id, from: u.from, source };
  if (via !== undefined) cell.viaOrganisationId = via;
  return cell;
}

type UsersMemo = {
  usages: readonly Usage[];
  organisations: readonly Organisation[];
  byService: Map<string, Usage[]>;
  groups: Map<string, readonly string[]>;
  byDate: Map<string, Map<string, ReadonlyMap<string, UsageCell>>>;
  /** The state remembered before this one, while this is the latest: see `carriedOver`. */
  previous: UsersMemo | undefined;
};
const usersMemo = new WeakMap<readonly Usage[], UsersMemo>();
/** The memo of the latest document state: the next state starts from it. */
let latestMemo: UsersMemo | undefined;

/** Past this many services with changed records, grouping every record afresh is as quick as following the changes. */
const MAX_REGROUPED = 8;

/**
 * The services whose records differ between two usages arrays, or undefined past `max` of them. The arrays are
 * walked side by side by identity (the repository keeps every record it did not change as the same frozen object):
 * a record met on one side only, or two different records at the same step, marks its service. A service never
 * marked has all its records matched one to one in the same order, so its list of records is unchanged.
 */
export function servicesWithChangedRecords(before: readonly Usage[], after: readonly Usage[], max: number): Set<string> | undefined {
  const changed = new Set<string>();
  const mark = (u: Usage) => {
    changed.add(u.serviceId);
    return changed.size <= max;
  };
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    const b = before[i] as Usage;
    const a = after[j] as Usage;
    if (b === a) {
      i += 1;
      j += 1;
    } else if (before[i + 1] === a) {
      // `b` was taken out.
      if (!mark(b)) return undefined;
      i += 1;
    } else if (after[j + 1] === b) {
      // `a` was put in.
      if (!mark(a)) return undefined;
      j += 1;
    } else {
      // Replaced (an update), or more than one step apart: both sides count as changed.
      if (!mark(b) || !mark(a)) return undefined;
      i += 1;
      j += 1;
    }
  }
  for (; i < before.length; i += 1) if (!mark(before[i] as Usage)) return undefined;
  for (; j < after.length; j += 1) if (!mark(after[j] as Usage)) return undefined;
  return changed;
}

/**
 * The usages grouped by service for `after`, from the grouping of `before`: the lists of services whose records did
 * not change are the very lists of before (so `carriedOver` knows them at a glance), the others are grouped again.
 */
function regroupedFrom(before: readonly Usage[], byBefore: Map<string, Usage[]>, after: readonly Usage[]): Map<string, Usage[]> {
  const changed = servicesWithChangedRecords(before, after, MAX_REGROUPED);
  if (!changed) return usagesByService(after);
  if (changed.size === 0) return byBefore;
  const next = new Map(byBefore);
  for (const serviceId of changed) next.delete(serviceId);
  for (const u of after) {
    if (!changed.has(u.serviceId)) continue;
    const list = next.get(u.serviceId);
    if (list) list.push(u);
    else next.set(u.serviceId, [u]);
  }
  return next;
}

/**
 * The memo of a frozen document state, made from the latest state's where it can be: a toggle changes one record,
 * and grouping a hundred thousand records by service again for it was most of the next matrix's cost.
 */
function usersMemoOf(doc: UsageDoc): UsersMemo {
  let memo = usersMemo.get(doc.usages);
  if (memo && memo.organisations === doc.organisations) return memo;
  const from = latestMemo;
  // Only one state back is kept, so the memos of old states can still go with them.
  if (from) from.previous = undefined;
  memo = {
    usages: doc.usages,
    organisations: doc.organisations,
    byService: from ? regroupedFrom(from.usages, from.byService, doc.usages) : usagesByService(doc.usages),
    groups: from?.organisations === doc.organisations ? from.groups : groupMembersById(doc.organisations),
    byDate: new Map(),
    previous: from,
  };
  usersMemo.set(doc.usages, memo);
  latestMemo = memo;
  return memo;
}

/** Whether the document's parts are the repository's frozen states, which may be remembered. */
function rememberable(doc: UsageDoc): boolean {
  return Object.isFrozen(doc.usages) && Object.isFrozen(doc.organisations);
}

/**
 * The records of one service, in the register's order: remembered per document state for the repository's frozen
 * states, a scan of every record otherwise. Read it, never change it.
 */
export function usagesOfService(doc: UsageDoc, serviceId: string): readonly Usage[] {
  if (!rememberable(doc)) return doc.usages.filter((u) => u.serviceId === serviceId);
  return usersMemoOf(doc).byService.get(serviceId) ?? [];
}

/** The groups that list their municipalities (`groupMembersById`), remembered per frozen organisations array. */
export function groupsOf(doc: UsageDoc): ReadonlyMap<string, readonly string[]> {
  return rememberable(doc) ? usersMemoOf(doc).groups : groupMembersById(doc.organisations);
}

/**
 * The users of a service at a date from the previous state, when they are sure to be the same: the same
 * organisations (hence groups) and, one by one, the very same frozen records of the service. A change to one
 * usage (a toggle in the matrix) then recomputes one service, not all of them.
 */
function carriedOver(memo: UsersMemo, serviceId: string, date: string): ReadonlyMap<string, UsageCell> | undefined {
  const previous = memo.previous;
  if (!previous || previous.organisations !== memo.organisations) return undefined;
  const users = previous.byDate.get(date)?.get(serviceId);
  if (!users) return undefined;
  const before = previous.byService.get(serviceId) ?? [];
  const now = memo.byService.get(serviceId) ?? [];
  if (before === now) return users;
  if (before.length !== now.length) return undefined;
  for (let i = 0; i < now.length; i += 1) if (before[i] !== now[i]) return undefined;
  return users;
}
/** Dates remembered per document state: a screen asks for a handful; browsing dates must not grow memory. */
const MEMO_DATES = 16;

/**
 * `usersFromRecords` for one service at `date`, remembered per document state (the usages and organisations
 * arrays, which the repository replaces on every change to them), like `membershipIndex`. The board pack
 * measures several goals at the same dates, each asking every service for its users: without this it built
 * the same maps over and over (a second at ten times the association's size). The answer is shared between
 * callers: read it, never change it (its cells are frozen). A document that is not frozen is not remembered.
 */
export function usersAtCached(doc: UsageDoc, serviceId: string, date: string): ReadonlyMap<string, UsageCell> {
  // Only frozen arrays (the repository's states) can be remembered: a plain one may change in place.
  if (!rememberable(doc)) {
    return usersFromRecords(usagesByService(doc.usages).get(serviceId) ?? [], groupMembersById(doc.organisations), date);
  }
  const memo = usersMemoOf(doc);
  let perService = memo.byDate.get(date);
  if (!perService) {
    if (memo.byDate.size >= MEMO_DATES) memo.byDate.delete(memo.byDate.keys().next().value as string);
    perService = new Map();
    memo.byDate.set(date, perService);
  }
  let users = perService.get(serviceId) ?? carriedOver(memo, serviceId, date);
  if (users) perService.set(serviceId, users);
  else {
    const made = usersFromRecords(memo.byService.get(serviceId) ?? [], memo.groups, date);
    for (const cell of made.values()) Object.freeze(cell);
    users = made;
    perService.set(serviceId, users);
  }
  return users;
}

/**
 * The users of any service at `date`, service by service as asked: remembered per document state for the
 * repository's frozen states (`usersAtCached`), and for a plain document (tests, scripts) made from one grouping
 * of its records, so asking for every service never walks every usage once per service.
 */
export function usersOfServicesAt(doc: UsageDoc, date: string): (serviceId: string) => ReadonlyMap<string, UsageCell> {
  if (rememberable(doc)) return (serviceId) => usersAtCached(doc, serviceId, date);
  const byService = usagesByService(doc.usages);
  const groups = groupMembersById(doc.organisations);
  const made = new Map<string, ReadonlyMap<string, UsageCell>>();
  return (serviceId) => {
    let users = made.get(serviceId);
    if (!users) made.set(serviceId, (users = usersFromRecords(byService.get(serviceId) ?? [], groups, date)));
    return users;
  };
}

/** Users of every service at `date`, keyed by service id (services without users have an empty map). */
export function usersByServiceAt(doc: UsageDoc & Pick<SambrukDocument, 'services'>, date: string): Map<string, Map<string, UsageCell>> {
  const byService = usagesByService(doc.usages);
  const groups = groupMembersById(doc.organisations);
  const result = new Map<string, Map<string, UsageCell>>();
  for (const service of doc.services) result.set(service.id, usersFromRecords(byService.get(service.id) ?? [], groups, date));
  return result;
}

/** County of an organisation: its own, or its municipality's from the reference data. */
export function countyOf(org: Organisation, municipalityCounty: ReadonlyMap<string, string>): string | undefined {
  return org.countyCode ?? (org.municipalityCode ? municipalityCounty.get(org.municipalityCode) : undefined);
}

/**
 * The column figures of one service from its users at a date. `memberShare` and `populationShare` are
 * fractions (0–1) left unrounded for the screen to format.
 */
export function columnFigures(
  doc: Pick<SambrukDocument, 'organisations' | 'reference'>,
  service: Pick<Service, 'id' | 'name' | 'archived'>,
  users: ReadonlyMap<string, UsageCell>,
  members: ReadonlySet<string>,
  sweden: { date: string; population: number } | undefined,
  orgById: ReadonlyMap<string, Organisation>,
  populationDate: string,
): Omit<UsageMatrixColumn, 'visibleUsers'> {
  let memberUsers = 0;
  const municipalities = new Set<string>();
  for (const userId of users.keys()) {
    if (members.has(userId)) memberUsers += 1;
    const code = orgById.get(userId)?.municipalityCode;
    if (code) municipalities.add(code);
  }
  // Counted at the date of Sweden's total, so the share never mixes years.
  const covered = populationCovered(doc, new Set(users.keys()), sweden?.date ?? populationDate);
  return {
    serviceId: service.id,
    name: service.name,
    archived: service.archived,
    users: users.size,
    usersBreakdown: breakdownOf(users.values(), (id) => orgById.get(id)?.name),
    municipalities: municipalities.size,
    memberUsers,
    memberCount: members.size,
    memberShare: members.size === 0 ? null : memberUsers / members.size,
    populationCovered: covered,
    populationShare: sweden ? covered / sweden.population : null,
  };
}

/** The services a matrix or report shows: the chosen ids, else every service not archived (archived too if asked). */
export function servicesInScope(
  services: readonly Service[],
  options: { serviceIds?: readonly string[] | undefined; includeArchivedServices?: boolean | undefined },
): Service[] {
  const chosen = options.serviceIds ? new Set(options.serviceIds) : undefined;
  return sortServices(
    services.filter((s) => (chosen ? chosen.has(s.id) : options.includeArchivedServices || !s.archived)),
  );
}

/**
 * The usage matrix at `date`. Rows: organisations not archived that pass the filter, sorted by name.
 * Column figures describe the whole register (every user, whether its row is shown or not); `visibleUsers`
 * counts the shown rows only.
 */
export function buildUsageMatrix(doc: SambrukDocument, date: string, filter: UsageMatrixFilter): UsageMatrix {
  return buildMatrix(doc, date, filter).matrix;
}

/**
 * A matrix with what it was made from, so that the matrix of a later state can start from it
 * (`buildMatrix(doc, date, filter, previous)`). Hold it, never change it.
 */
export type MatrixBuild = {
  readonly doc: SambrukDocument;
  readonly date: string;
  readonly filterKey: string;
  readonly matrix: UsageMatrix;
  readonly services: readonly Service[];
  /** The users of each column's service, as `usersOfServicesAt` gave them. */
  readonly usersPerService: readonly ReadonlyMap<string, UsageCell>[];
  readonly members: ReadonlySet<string>;
  /** What rows and columns look up; a build that continues this one has the same organisations and reference. */
  readonly lookups: MatrixLookups;
  /**
   * Services in use by each organisation that passes the filter's scope (members or all), county, kind and
   * search: the rows the number-of-services filters then choose from.
   */
  readonly counted: ReadonlyMap<string, number>;
  readonly rowById: ReadonlyMap<string, UsageMatrixRow>;
  /** Shown rows using each column's service. */
  readonly visible: readonly number[];
  /** Cells of the shown rows that name each «via» organisation, so a toggle keeps `viaNames` without a scan. */
  readonly viaCounts: ReadonlyMap<string, number>;
};

/** The filter as a key: two builds answer the same question when their dates and keys are equal. */
export function matrixFilterKey(filter: UsageMatrixFilter): string {
  return JSON.stringify([
    filter.scope,
    filter.countyCode ?? null,
    filter.kinds ?? null,
    filter.minServices ?? null,
    filter.maxServices ?? null,
    filter.quick ?? null,
    filter.search ?? null,
    filter.serviceIds ?? null,
    filter.includeArchivedServices,
  ]);
}

/**
 * The usage matrix at `date` (see `buildUsageMatrix`), starting from `previous` when it answered the same
 * filter at the same date over the same organisations, services, memberships and reference data: then only
 * the services whose users changed are looked at, only the organisations whose cell of such a service
 * changed get a new row, and every other row, column and name is the previous answer's very object. A toggle
 * in the matrix thus costs the rows it touched, not thousands; the result equals a matrix built afresh
 * (a property test holds it to that).
 */
export function buildMatrix(doc: SambrukDocument, date: string, filter: UsageMatrixFilter, previous?: MatrixBuild): MatrixBuild {
  const filterKey = matrixFilterKey(filter);
  if (previous && continuesFrom(previous, doc, date, filterKey)) return buildFrom(previous, doc, filter);
  return buildAfresh(doc, date, filter, filterKey);
}

/**
 * Whether the matrix of `doc` can start from `previous`: the same question (date and filter) over the same
 * organisations, services, memberships and reference data, so that only usages can have changed.
 */
export function continuesFrom(previous: MatrixBuild, doc: SambrukDocument, date: string, filterKey: string): boolean {
  return (
    previous.date === date &&
    previous.filterKey === filterKey &&
    previous.doc.organisations === doc.organisations &&
    previous.doc.services === doc.services &&
    previous.doc.memberships === doc.memberships &&
    previous.doc.reference === doc.reference
  );
}

type RowFilter = {
  scope: UsageMatrixFilter['scope'];
  min: number | undefined;
  max: number | undefined;
};

function rowFilterOf(filter: UsageMatrixFilter): RowFilter {
  return {
    scope: filter.scope,
    min: filter.quick === 'exactly-one' ? 1 : filter.quick === 'none' ? 0 : filter.minServices,
    max: filter.quick === 'exactly-one' ? 1 : filter.quick === 'none' ? 0 : filter.maxServices,
  };
}

/** Whether a row using `count` services is shown, once it passed scope, county, kind and search. */
function shownWith(count: number, f: RowFilter): boolean {
  if (f.scope === 'users' && count === 0) return false;
  if (f.min !== undefined && count < f.min) return false;
  if (f.max !== undefined && count > f.max) return false;
  return true;
}

/** The quick filters' counts: rows using no service and exactly one, before the number-of-services filters. */
function quickCounts(counted: ReadonlyMap<string, number>, f: RowFilter): { none: number; one: number } {
  let none = 0;
  let one = 0;
  for (const count of counted.values()) {
    if (f.scope === 'users' && count === 0) continue;
    if (count === 0) none += 1;
    else if (count === 1) one += 1;
  }
  return { none, one };
}

export type MatrixLookups = {
  countyMap: ReadonlyMap<string, string>;
  popMap: ReadonlyMap<string, number>;
  orgById: ReadonlyMap<string, Organisation>;
  sweden: ReturnType<typeof swedenPopulationAt>;
  populationDate: string;
};

/** What rows and columns look up in the register: made once per build. */
function lookupsOf(doc: SambrukDocument, date: string): MatrixLookups {
  return {
    countyMap: new Map(doc.reference.municipalities.map((m) => [m.code, m.countyCode])),
    popMap: municipalityPopulationMap(doc, coverageDate(doc, date)),
    orgById: new Map(doc.organisations.map((o) => [o.id, o])),
    sweden: swedenPopulationAt(doc, date),
    populationDate: coverageDate(doc, date),
  };
}

type RowContext = MatrixLookups & {
  services: readonly Service[];
  usersPerService: readonly ReadonlyMap<string, UsageCell>[];
  members: ReadonlySet<string>;
};

/** A column: the service's figures over every user, and its users among the shown rows. */
function columnOf(doc: SambrukDocument, ctx: RowContext, i: number, visibleUsers: number): UsageMatrixColumn {
  const users = ctx.usersPerService[i] as ReadonlyMap<string, UsageCell>;
  const figures = columnFigures(doc, ctx.services[i] as Service, users, ctx.members, ctx.sweden, ctx.orgById, ctx.populationDate);
  return Object.freeze({ ...figures, visibleUsers });
}

/** Each organisation's cells, as (column place, cell) in column order, from the columns' users. */
function cellsByOrganisation(usersPerService: readonly ReadonlyMap<string, UsageCell>[]): Map<string, [number, UsageCell][]> {
  const byOrg = new Map<string, [number, UsageCell][]>();
  for (let i = 0; i < usersPerService.length; i += 1) {
    for (const [orgId, cell] of usersPerService[i] as ReadonlyMap<string, UsageCell>) {
      const list = byOrg.get(orgId);
      if (list) list.push([i, cell]);
      else byOrg.set(orgId, [[i, cell]]);
    }
  }
  return byOrg;
}

/**
 * An organisation's row: its cell of every column's service in use (frozen: rows are shared between answers).
 * `found` is the organisation's cells when already gathered (a whole matrix gathers them service by service, in
 * one pass over the users, rather than asking every service about every organisation).
 */
function rowOf(org: Organisation, ctx: RowContext, reuse?: UsageMatrixRow, found?: readonly (readonly [number, UsageCell])[]): UsageMatrixRow {
  const cells: Record<string, UsageCell> = {};
  let serviceCount = 0;
  const used: UsageCell[] = [];
  const inUse =
    found ??
    ctx.services.flatMap((_, i) => {
      const cell = ctx.usersPerService[i]?.get(org.id);
      return cell ? [[i, cell] as const] : [];
    });
  for (const [i, cell] of inUse) {
    const serviceId = (ctx.services[i] as Service).id;
    // A cell equal to the one the row had stays that object, so an unchanged cell compares equal by identity.
    const before = reuse?.cells[serviceId];
    cells[serviceId] = before && sameCell(before, cell) ? before : cell;
    used.push(cell);
    serviceCount += 1;
  }
  const countyCode = countyOf(org, ctx.countyMap);
  return Object.freeze({
    organisationId: org.id,
    name: org.name,
    kind: org.kind,
    ...(countyCode !== undefined ? { countyCode } : {}),
    ...(org.municipalityCode !== undefined ? { municipalityCode: org.municipalityCode } : {}),
    population: populationOf(org, ctx.popMap),
    isMember: ctx.members.has(org.id),
    serviceCount,
    serviceUse: used.length === 0 ? NO_SERVICE_USE : breakdownOf(used, (id) => ctx.orgById.get(id)?.name),
    cells: Object.freeze(cells),
  });
}

/** Adds `by` to the shown-users count of every service the row uses. */
function count(visible: number[], index: ReadonlyMap<string, number>, row: UsageMatrixRow, by: number): void {
  for (const serviceId of Object.keys(row.cells)) {
    const i = index.get(serviceId);
    if (i !== undefined) visible[i] = (visible[i] ?? 0) + by;
  }
}

function sameCell(a: UsageCell | undefined, b: UsageCell | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.usageId === b.usageId && a.from === b.from && a.to === b.to && a.source === b.source && a.viaOrganisationId === b.viaOrganisationId;
}

/** Names of the organisations the shown cells name as `viaOrganisationId`, in the order the rows meet them. */
/** Adds (`sign` 1) or takes away (-1) the «via» organisations a row's cells name. */
function countVia(counts: Map<string, number>, row: UsageMatrixRow, sign: 1 | -1): void {
  for (const cell of Object.values(row.cells)) {
    const viaId = cell.viaOrganisationId;
    if (viaId === undefined) continue;
    const next = (counts.get(viaId) ?? 0) + sign;
    if (next === 0) counts.delete(viaId);
    else counts.set(viaId, next);
  }
}

function viaNamesOf(counts: ReadonlyMap<string, number>, orgById: ReadonlyMap<string, Organisation>): Record<string, string> {
  // A Map, then own properties only: an id is data and must never meet Object.prototype.
  const via = new Map<string, string>();
  for (const viaId of counts.keys()) via.set(viaId, orgById.get(viaId)?.name ?? 'Okänd organisation');
  return Object.freeze(Object.fromEntries(via));
}

function namesVia(row: UsageMatrixRow | undefined): boolean {
  if (!row) return false;
  for (const cell of Object.values(row.cells)) if (cell.viaOrganisationId !== undefined) return true;
  return false;
}

function sameKeys(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}

function totalsOf(
  rows: number,
  quick: { none: number; one: number },
  members: ReadonlySet<string>,
  sweden: ReturnType<typeof swedenPopulationAt>,
): UsageMatrix['totals'] {
  return Object.freeze({
    rows,
    rowsUsingNone: quick.none,
    rowsUsingExactlyOne: quick.one,
    memberCount: members.size,
    ...(sweden ? { swedenPopulation: { date: sweden.date, population: sweden.population } } : {}),
  });
}

function buildAfresh(doc: SambrukDocument, date: string, filter: UsageMatrixFilter, filterKey: string): MatrixBuild {
  const services = servicesInScope(doc.services, filter);
  const members = memberIdsAt(doc, date);
  // A repository state's users are remembered (and carried over from the state before where a service's records
  // did not change), so the matrix refetched after a toggle recomputes the one service toggled.
  const usersOf = usersOfServicesAt(doc, date);
  const usersPerService = services.map((s) => usersOf(s.id));
  const lookups = lookupsOf(doc, date);
  const ctx: RowContext = { ...lookups, services, usersPerService, members };

  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : undefined;
  const search = filter.search ? nameKey(filter.search) : '';
  const rowFilter = rowFilterOf(filter);

  const counted = new Map<string, number>();
  const rows: UsageMatrixRow[] = [];
  const found = cellsByOrganisation(usersPerService);
  for (const org of doc.organisations) {
    if (org.archived) continue;
    if (filter.scope === 'members' && !members.has(org.id)) continue;
    if (filter.countyCode !== undefined && countyOf(org, ctx.countyMap) !== filter.countyCode) continue;
    if (kinds && !kinds.has(org.kind)) continue;
    if (search && !nameKey(org.name).includes(search)) continue;
    const row = rowOf(org, ctx, undefined, found.get(org.id) ?? []);
    counted.set(org.id, row.serviceCount);
    if (shownWith(row.serviceCount, rowFilter)) rows.push(row);
  }
  rows.sort((a, b) => compareSv(a.name, b.name));

  const index = new Map(services.map((s, i) => [s.id, i]));
  // Shown rows using each service, counted from the rows' own cells (not by looking each cell up again).
  const visible = new Array<number>(services.length).fill(0);
  const viaCounts = new Map<string, number>();
  for (const row of rows) {
    count(visible, index, row, 1);
    countVia(viaCounts, row, 1);
  }

  const columns = services.map((_, i) => columnOf(doc, ctx, i, visible[i] as number));
  const matrix: UsageMatrix = {
    date,
    columns: Object.freeze(columns) as UsageMatrixColumn[],
    rows: Object.freeze(rows) as UsageMatrixRow[],
    viaNames: viaNamesOf(viaCounts, ctx.orgById),
    totals: totalsOf(rows.length, quickCounts(counted, rowFilter), members, ctx.sweden),
  };
  return {
    doc,
    date,
    filterKey,
    matrix: Object.freeze(matrix),
    services,
    usersPerService,
    members,
    lookups,
    counted,
    rowById: new Map(rows.map((r) => [r.organisationId, r])),
    visible,
    viaCounts,
  };
}

function buildFrom(previous: MatrixBuild, doc: SambrukDocument, filter: UsageMatrixFilter): MatrixBuild {
  const { services, members, date } = previous;
  const usersOf = usersOfServicesAt(doc, date);
  const usersPerService = services.map((s) => usersOf(s.id));
  const changed: number[] = [];
  for (let i = 0; i < services.length; i += 1) if (usersPerService[i] !== previous.usersPerService[i]) changed.push(i);
  if (changed.length === 0) return { ...previous, doc };

  // The organisations (among those the filter lets through) whose cell of a changed service is not what it was.
  const touched = new Set<string>();
  for (const i of changed) {
    const before = previous.usersPerService[i] as ReadonlyMap<string, UsageCell>;
    const after = usersPerService[i] as ReadonlyMap<string, UsageCell>;
    for (const [orgId, cell] of after) if (previous.counted.has(orgId) && !sameCell(before.get(orgId), cell)) touched.add(orgId);
    for (const orgId of before.keys()) if (previous.counted.has(orgId) && !after.has(orgId)) touched.add(orgId);
  }

  const ctx: RowContext = { ...previous.lookups, services, usersPerService, members };
  const rowFilter = rowFilterOf(filter);
  const index = new Map(services.map((s, i) => [s.id, i]));
  const counted = new Map(previous.counted);
  const rowById = new Map(previous.rowById);
  const visible = [...previous.visible];
  const fresh = new Map<string, UsageMatrixRow>();
  let added = false;
  let viaCounts: Map<string, number> | undefined;
  for (const orgId of touched) {
    const old = previous.rowById.get(orgId);
    const row = rowOf(ctx.orgById.get(orgId) as Organisation, ctx, old);
    counted.set(orgId, row.serviceCount);
    const shown = shownWith(row.serviceCount, rowFilter);
    if (namesVia(old) || (shown && namesVia(row))) {
      viaCounts ??= new Map(previous.viaCounts);
      if (old) countVia(viaCounts, old, -1);
      if (shown) countVia(viaCounts, row, 1);
    }
    if (old) count(visible, index, old, -1);
    if (shown) {
      count(visible, index, row, 1);
      fresh.set(orgId, row);
      rowById.set(orgId, row);
      added ||= !old;
    } else {
      rowById.delete(orgId);
    }
  }

  // The previous order, with the new rows in their places; only a row that was not shown before needs a sort.
  const rows: UsageMatrixRow[] = [];
  for (const row of previous.matrix.rows) {
    const now = rowById.get(row.organisationId);
    if (now) rows.push(now);
  }
  if (added) {
    for (const [orgId, row] of fresh) if (!previous.rowById.has(orgId)) rows.push(row);
    // Rows with the same name keep the register's order, as the stable sort of a fresh build leaves them.
    const position = new Map(doc.organisations.map((o, i) => [o.id, i]));
    const at = (row: UsageMatrixRow) => position.get(row.organisationId) ?? 0;
    rows.sort((a, b) => compareSv(a.name, b.name) || at(a) - at(b));
  }

  const changedSet = new Set(changed);
  const columns = services.map((_, i) => {
    const before = previous.matrix.columns[i] as UsageMatrixColumn;
    if (changedSet.has(i)) return columnOf(doc, ctx, i, visible[i] as number);
    return before.visibleUsers === visible[i] ? before : Object.freeze({ ...before, visibleUsers: visible[i] as number });
  });
  const matrix: UsageMatrix = {
    date,
    columns: Object.freeze(columns) as UsageMatrixColumn[],
    rows: Object.freeze(rows) as UsageMatrixRow[],
    // The names change only when an organisation starts or stops being named: otherwise the same object.
    viaNames: viaCounts && !sameKeys(viaCounts, previous.viaCounts) ? viaNamesOf(viaCounts, ctx.orgById) : previous.matrix.viaNames,
    totals: totalsOf(rows.length, quickCounts(counted, rowFilter), members, ctx.sweden),
  };
  return { ...previous, doc, matrix: Object.freeze(matrix), usersPerService, counted, rowById, visible, viaCounts: viaCounts ?? previous.viaCounts };
}
