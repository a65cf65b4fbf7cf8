/**
 * The member list: search, filters, sorting and derived columns over every organisation in one pass.
 *
 * Search follows the Swedish rule in `swedish.ts`: case never matters; a letter typed without diacritics
 * matches with or without them (`savsjo` → Sävsjö), one typed with them only matches itself (`håbo` never
 * gives Habo). Digits also match organisation numbers (with or without the hyphen) and municipality codes.
 * The folded search text of each organisation is computed once per organisations array (the repository
 * replaces the array on every change to it) and reused by every keystroke until then.
 *
 * Sorting uses Swedish collation (å, ä, ö after z); missing values (no fee, no county) sort last in both
 * directions; ties fall back to the name. Fees of a year and services used at a date are computed once per
 * document state (the repository makes a new document object on every change). With a query and the default sort by name, the best matches come
 * first (exact, exact without diacritics, prefix, word prefix, anywhere), so `habo` lists Habo before Håbo.
 */
import type { Organisation, OrganisationKind, SambrukDocument } from '../store/schema';
import { feesByOrganisation } from './fees';
import { memberStatuses, membershipIndex, type MemberStatus } from './memberships';
import { organisationFacts, referenceMaps } from './organisations';
import { NO_SERVICE_USE, serviceUseAt } from './usage-matrix';
import { compareSv, rankMatch, searchText, type MatchRank, type SearchText } from './swedish';
import { yearOf } from '../../contract/rules/calendar-date';
import type { OrganisationList, OrganisationRow, OrganisationSortKey } from '../../contract/model/members';

export type { OrganisationSortKey, OrganisationList } from '../../contract/model/members';

export type SortDirection = 'asc' | 'desc';

export type OrganisationListQuery = {
  /** Free text; blank lists everything. */
  query?: string;
  /** The date statuses and services used are taken at; the fee column is for its year. */
  date: string;
  kinds?: readonly OrganisationKind[];
  countyCodes?: readonly string[];
  statuses?: readonly MemberStatus[];
  /** Number of distinct services used at the date, inclusive bounds. */
  servicesUsedMin?: number;
  servicesUsedMax?: number;
  /** Default `active`: archived organisations are hidden unless asked for. */
  archived?: 'active' | 'archived' | 'all';
  sort?: { by: OrganisationSortKey; direction: SortDirection };
};

type SearchEntry = { name: SearchText; numbers: string };
type SearchIndex = { entries: Map<string, SearchEntry>; nameOrder: Map<string, number> };
const searchCache = new WeakMap<readonly Organisation[], SearchIndex>();

/**
 * The folded search text of every organisation and its place in Swedish name order, computed once per
 * organisations array, so a keystroke neither folds 4 000 names again nor runs the collator over them.
 */
export function searchIndex(organisations: readonly Organisation[]): SearchIndex {
  const cached = searchCache.get(organisations);
  if (cached) return cached;
  const entries = new Map<string, SearchEntry>();
  for (const org of organisations) {
    const numbers = [org.orgNumber, org.orgNumber?.replace('-', ''), org.municipalityCode].filter(Boolean).join(' ');
    entries.set(org.id, { name: searchText(org.name), numbers });
  }
  const sorted = [...organisations].sort((a, b) => compareSv(a.name, b.name) || a.id.localeCompare(b.id));
  const index = { entries, nameOrder: new Map(sorted.map((o, i) => [o.id, i])) };
  searchCache.set(organisations, index);
  return index;
}

/** Per document state: what every keystroke would otherwise recompute (fees of a year, services used at a date). */
const derivedCache = new WeakMap<SambrukDocument, Map<string, unknown>>();
function memo<T>(doc: SambrukDocument, key: string, compute: () => T): T {
  let cache = derivedCache.get(doc);
  if (!cache) {
    cache = new Map();
    derivedCache.set(doc, cache);
  }
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}

/** 0–4 for a name match (see `rankMatch`), 5 for a number match, undefined for no match. */
export function matchOrganisation(entry: SearchEntry, query: SearchText): MatchRank | 5 | undefined {
  const rank = rankMatch(entry.name, query);
  if (rank !== undefined) return rank;
  const digits = query.lower.replace(/[\s]/g, '');
  if (/\d/.test(digits) && entry.numbers.includes(digits)) return 5;
  return undefined;
}

const STATUS_ORDER = new Map(memberStatuses.map((s, i) => [s, i]));

export function listOrganisations(doc: SambrukDocument, q: OrganisationListQuery): OrganisationList {
  const refs = referenceMaps(doc);
  const index = membershipIndex(doc);
  const orgsById = new Map(doc.organisations.map((o) => [o.id, o]));
  const feeYear = yearOf(q.date);
  const fees = memo(doc, `fees:${feeYear}`, () => feesByOrganisation(doc, feeYear, { explain: false }));
  // The users rule of the matrix: services reached through a group or a host count, and each is shown as such.
  const used = memo(doc, `used:${q.date}`, () => serviceUseAt(doc, q.date));
  const search = searchIndex(doc.organisations);
  const query = q.query !== undefined && q.query.trim() !== '' ? searchText(q.query) : undefined;
  const archived = q.archived ?? 'active';
  const kinds = q.kinds && q.kinds.length > 0 ? new Set(q.kinds) : undefined;
  const counties = q.countyCodes && q.countyCodes.length > 0 ? new Set(q.countyCodes) : undefined;
  const statuses = q.statuses && q.statuses.length > 0 ? new Set(q.statuses) : undefined;

  const rows: OrganisationRow[] = [];
  for (const org of doc.organisations) {
    if (archived === 'active' && org.archived) continue;
    if (archived === 'archived' && !org.archived) continue;
    if (kinds && !kinds.has(org.kind)) continue;
    let matchRank: MatchRank | 5 | undefined;
    if (query) {
      const entry = search.entries.get(org.id);
      matchRank = entry ? matchOrganisation(entry, query) : undefined;
      if (matchRank === undefined) continue;
    }
    const facts = organisationFacts(refs, org, orgsById);
    if (counties && (facts.countyCode === undefined || !counties.has(facts.countyCode))) continue;
    const servicesUsedBreakdown = used.get(org.id)?.breakdown ?? NO_SERVICE_USE;
    const servicesUsed = servicesUsedBreakdown.total;
    if (q.servicesUsedMin !== undefined && servicesUsed < q.servicesUsedMin) continue;
    if (q.servicesUsedMax !== undefined && servicesUsed > q.servicesUsedMax) continue;
    const status = index.statusAt(org.id, q.date);
    if (statuses && !statuses.has(status.status)) continue;
    const fee = fees.get(org.id);
    rows.push({
      id: org.id,
      kind: org.kind,
      kindLabel: facts.kindLabel,
      name: org.name,
      ...(org.municipalityCode !== undefined ? { municipalityCode: org.municipalityCode } : {}),
      ...(org.orgNumber !== undefined ? { orgNumber: org.orgNumber } : {}),
      ...(facts.countyCode !== undefined ? { countyCode: facts.countyCode } : {}),
      countyName: facts.countyName,
      population: facts.population,
      status: status.status,
      statusLabel: status.label,
      servicesUsed,
      servicesUsedBreakdown,
      ...(fee ? { feeOre: fee.totalOre } : {}),
      archived: org.archived,
      groupMemberCount: org.groupMemberIds.length,
      ...(matchRank !== undefined ? { matchRank } : {}),
    });
  }
  const sort = q.sort ?? { by: 'name', direction: 'asc' };
  const byRelevance = query !== undefined && sort.by === 'name' && sort.direction === 'asc';
  const nameOrder = (row: OrganisationRow) => search.nameOrder.get(row.id) ?? 0;
  const compare = rowComparator(rows, sort.by, sort.direction, nameOrder);
  rows.sort((a, b) => {
    if (byRelevance) {
      const r = (a.matchRank ?? 9) - (b.matchRank ?? 9);
      if (r !== 0) return r;
    }
    return compare(a, b) || nameOrder(a) - nameOrder(b);
  });
  return { date: q.date, feeYear, total: doc.organisations.length, count: rows.length, rows };
}

/** Missing values go last whatever the direction; undefined when both are present (compare them). */
function missingLast(x: unknown, y: unknown): number | undefined {
  if (x === undefined && y === undefined) return 0;
  if (x === undefined) return 1;
  if (y === undefined) return -1;
  return undefined;
}

/** Ranks of the distinct texts of a column in Swedish order, so sorting compares integers. */
function textRanks(values: Iterable<string>): Map<string, number> {
  return new Map([...new Set(values)].sort(compareSv).map((v, i) => [v, i]));
}

function rowComparator(
  rows: readonly OrganisationRow[],
  by: OrganisationSortKey,
  direction: SortDirection,
  nameOrder: (row: OrganisationRow) => number,
): (a: OrganisationRow, b: OrganisationRow) => number {
  const sign = direction === 'asc' ? 1 : -1;
  const num = (get: (row: OrganisationRow) => number | undefined) => (a: OrganisationRow, b: OrganisationRow) => {
    const x = get(a);
    const y = get(b);
    return missingLast(x, y) ?? sign * ((x ?? 0) - (y ?? 0));
  };
  const text = (get: (row: OrganisationRow) => string | undefined) => {
    const ranks = textRanks(rows.flatMap((r) => get(r) ?? []));
    return num((row) => {
      const value = get(row);
      return value === undefined ? undefined : ranks.get(value);
    });
  };
  switch (by) {
    case 'name':
      return (a, b) => sign * (nameOrder(a) - nameOrder(b));
    case 'kind':
      return text((r) => r.kindLabel);
    case 'county':
      return text((r) => r.countyName || undefined);
    case 'population':
      return num((r) => r.population);
    case 'status':
      return num((r) => STATUS_ORDER.get(r.status));
    case 'servicesUsed':
      return num((r) => r.servicesUsed);
    case 'fee':
      return num((r) => r.feeOre);
    case 'municipalityCode':
      return text((r) => r.municipalityCode);
    case 'orgNumber':
      return text((r) => r.orgNumber);
  }
}
