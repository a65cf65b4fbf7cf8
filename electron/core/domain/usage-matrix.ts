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
  UsageCell,
  UsageMatrix,
  UsageMatrixColumn,
  UsageMatrixFilter,
  UsageMatrixRow,
} from '../../contract/channels/usage.channels';
import type { Organisation, SambrukDocument, Service, Usage } from '../store/schema';
import { memberIdsAt } from './memberships';
import { municipalityPopulationMap, populationCovered, populationOf, swedenPopulationAt } from './population';
import { nameKey, periodActiveAt, sortServices } from './services';
import { compareSv } from './swedish';

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
      users.set(memberId, { ...cellOf(u, 'group'), viaOrganisationId: u.organisationId });
    }
  }
  return users;
}

function cellOf(u: Usage, source: UsageCell['source']): UsageCell {
  return {
    usageId: u.id,
    from: u.from,
    ...(u.to !== undefined ? { to: u.to } : {}),
    source,
    ...(u.viaOrganisationId !== undefined ? { viaOrganisationId: u.viaOrganisationId } : {}),
  };
}

type UsersMemo = {
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
  if (!Object.isFrozen(doc.usages) || !Object.isFrozen(doc.organisations)) {
    return usersFromRecords(usagesByService(doc.usages).get(serviceId) ?? [], groupMembersById(doc.organisations), date);
  }
  let memo = usersMemo.get(doc.usages);
  if (!memo || memo.organisations !== doc.organisations) {
    // Only one state back is kept, so the memos of old states can still go with them.
    if (latestMemo) latestMemo.previous = undefined;
    memo = {
      organisations: doc.organisations,
      byService: usagesByService(doc.usages),
      groups: groupMembersById(doc.organisations),
      byDate: new Map(),
      previous: latestMemo,
    };
    usersMemo.set(doc.usages, memo);
    latestMemo = memo;
  }
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
  if (Object.isFrozen(doc.usages) && Object.isFrozen(doc.organisations)) return (serviceId) => usersAtCached(doc, serviceId, date);
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

/** Users of one service at `date`. */
export function serviceUsersAt(doc: UsageDoc, serviceId: string, date: string): Map<string, UsageCell> {
  return usersFromRecords(
    doc.usages.filter((u) => u.serviceId === serviceId),
    groupMembersById(doc.organisations),
    date,
  );
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
  swedenPopulation: number | undefined,
  orgById: ReadonlyMap<string, Organisation>,
): Omit<UsageMatrixColumn, 'visibleUsers'> {
  let memberUsers = 0;
  const municipalities = new Set<string>();
  for (const userId of users.keys()) {
    if (members.has(userId)) memberUsers += 1;
    const code = orgById.get(userId)?.municipalityCode;
    if (code) municipalities.add(code);
  }
  const covered = populationCovered(doc, new Set(users.keys()));
  return {
    serviceId: service.id,
    name: service.name,
    archived: service.archived,
    users: users.size,
    municipalities: municipalities.size,
    memberUsers,
    memberCount: members.size,
    memberShare: members.size === 0 ? null : memberUsers / members.size,
    populationCovered: covered,
    populationShare: swedenPopulation ? covered / swedenPopulation : null,
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
  const services = servicesInScope(doc.services, filter);
  const members = memberIdsAt(doc, date);
  const sweden = swedenPopulationAt(doc, date);
  const popMap = municipalityPopulationMap(doc);
  const countyMap = new Map(doc.reference.municipalities.map((m) => [m.code, m.countyCode]));
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  // A repository state's users are remembered (and carried over from the state before where a service's records
  // did not change), so the matrix refetched after a toggle recomputes the one service toggled.
  const usersOf = usersOfServicesAt(doc, date);
  const usersPerService = services.map((s) => usersOf(s.id));

  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : undefined;
  const search = filter.search ? nameKey(filter.search) : '';
  const min = filter.quick === 'exactly-one' ? 1 : filter.quick === 'none' ? 0 : filter.minServices;
  const max = filter.quick === 'exactly-one' ? 1 : filter.quick === 'none' ? 0 : filter.maxServices;

  let rowsUsingNone = 0;
  let rowsUsingExactlyOne = 0;
  const rows: UsageMatrixRow[] = [];
  // Shown rows using each service, counted as the rows are made (not by looking each cell up again).
  const visible = new Array<number>(services.length).fill(0);
  const used: number[] = [];
  for (const org of doc.organisations) {
    if (org.archived) continue;
    const isMember = members.has(org.id);
    if (filter.scope === 'members' && !isMember) continue;
    const countyCode = countyOf(org, countyMap);
    if (filter.countyCode !== undefined && countyCode !== filter.countyCode) continue;
    if (kinds && !kinds.has(org.kind)) continue;
    if (search && !nameKey(org.name).includes(search)) continue;

    const cells: Record<string, UsageCell> = {};
    let serviceCount = 0;
    used.length = 0;
    for (let i = 0; i < services.length; i += 1) {
      const cell = usersPerService[i]?.get(org.id);
      if (cell) {
        cells[(services[i] as Service).id] = cell;
        serviceCount += 1;
        used.push(i);
      }
    }
    if (filter.scope === 'users' && serviceCount === 0) continue;
    if (serviceCount === 0) rowsUsingNone += 1;
    if (serviceCount === 1) rowsUsingExactlyOne += 1;
    if (min !== undefined && serviceCount < min) continue;
    if (max !== undefined && serviceCount > max) continue;
    for (const i of used) visible[i] = (visible[i] as number) + 1;
    rows.push({
      organisationId: org.id,
      name: org.name,
      kind: org.kind,
      ...(countyCode !== undefined ? { countyCode } : {}),
      ...(org.municipalityCode !== undefined ? { municipalityCode: org.municipalityCode } : {}),
      population: populationOf(org, popMap),
      isMember,
      serviceCount,
      cells,
    });
  }
  rows.sort((a, b) => compareSv(a.name, b.name));

  const columns: UsageMatrixColumn[] = services.map((service, i) => {
    const users = usersPerService[i] ?? new Map<string, UsageCell>();
    return { ...columnFigures(doc, service, users, members, sweden?.population, orgById), visibleUsers: visible[i] as number };
  });

  // A Map, then own properties only: an id is data and must never meet Object.prototype.
  const via = new Map<string, string>();
  for (const row of rows) {
    for (const cell of Object.values(row.cells)) {
      const viaId = cell.viaOrganisationId;
      if (viaId !== undefined && !via.has(viaId)) via.set(viaId, orgById.get(viaId)?.name ?? 'Okänd organisation');
    }
  }
  const viaNames: Record<string, string> = Object.fromEntries(via);

  return {
    date,
    columns,
    rows,
    viaNames,
    totals: {
      rows: rows.length,
      rowsUsingNone,
      rowsUsingExactlyOne,
      memberCount: members.size,
      ...(sweden ? { swedenPopulation: { date: sweden.date, population: sweden.population } } : {}),
    },
  };
}
