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
 * The words a name in the register leaves out («kommun», «stad», «region») may be typed: «Habo kommun» finds Habo.
 *
 * `searchEverything` is the one search over organisations, contact persons (name, e-mail, phone) and networks,
 * with the municipalities of the reference list that are not in the register offered for adding.
 */
import type { Organisation, OrganisationKind, SambrukDocument } from '../store/schema';
import { feesByOrganisation } from './fees';
import { memberStatuses, membershipIndex, type MemberStatus } from './memberships';
import { organisationFacts, referenceMaps } from './organisations';
import { NO_SERVICE_USE, serviceUseAt } from './usage-matrix';
import { compareSv, rankMatch, searchText, type MatchRank, type SearchText } from './swedish';
import { yearOf } from '../../contract/rules/calendar-date';
import type { OrganisationList, OrganisationRow, OrganisationSortKey } from '../../contract/model/members';
import type { SearchAnswer, SearchHitContact, SearchHitMunicipality, SearchHitNetwork, SearchHitOrganisation } from '../../contract/model/reach';
import { networkKindLabels, organisationKindLabels } from '../../contract/labels';
import { contactActiveAt, formatPhone } from './contacts';
import { latestMunicipalityPopulation, populationIndex } from './population';

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
  /**
   * Only the rows from `start` of the sorted list, at most `count` (a list draws the rows in view, so a keystroke
   * sends those and not thousands); `start` moves back when the list is shorter, so the last rows come whole.
   * Every row without it.
   */
  window?: { start: number; count: number };
  /** An organisation whose place in the sorted list is answered as `located` (-1 when the list does not hold it). */
  locate?: string;
};

type SearchEntry = { name: SearchText; numbers: string };
type SearchIndex = { readonly entries: Map<string, SearchEntry>; nameOrder: Map<string, number> };
const searchCache = new WeakMap<readonly Organisation[], SearchIndex>();

/**
 * The folded search text of every organisation and its place in Swedish name order, computed once per
 * organisations array, so a keystroke neither folds 4 000 names again nor runs the collator over them.
 */
export function searchIndex(organisations: readonly Organisation[]): SearchIndex {
  const cached = searchCache.get(organisations);
  if (cached) return cached;
  let entries: Map<string, SearchEntry> | undefined;
  const makeEntries = () => {
    const made = new Map<string, SearchEntry>();
    for (const org of organisations) {
      const numbers = [org.orgNumber, org.orgNumber?.replace('-', ''), org.municipalityCode].filter(Boolean).join(' ');
      made.set(org.id, { name: searchText(org.name), numbers });
    }
    return made;
  };
  const sorted = [...organisations].sort((a, b) => compareSv(a.name, b.name) || a.id.localeCompare(b.id));
  const index: SearchIndex = {
    // Folded at the first search: opening the list, which sorts by name, needs only the order.
    get entries() {
      return (entries ??= makeEntries());
    },
    nameOrder: new Map(sorted.map((o, i) => [o.id, i])),
  };
  searchCache.set(organisations, index);
  return index;
}

/**
 * Folds every organisation's search text now rather than at the first keystroke: the list asks for it when
 * the browser is idle after drawing, so typing the first letter pays only for filtering. Returns the index a
 * search over these organisations uses (the same object, with the same folded entries).
 */
export function prepareSearch(organisations: readonly Organisation[]): SearchIndex {
  const index = searchIndex(organisations);
  void index.entries;
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

/** Words people add to a municipality's or region's name that the register's names leave out. */
const NAME_ADDITIONS = new Set(['kommun', 'kommuns', 'stad', 'stads', 'region', 'regionen', 'regions']);

/**
 * The query as typed, and (when it holds one of the words a register name leaves out: «Habo kommun»,
 * «Göteborgs stad», «Region Gotland») the query without them, and without a genitive s before them
 * («Göteborgs stad» -> Göteborg). The variants are tried only when the query as typed finds nothing.
 */
export function queryVariants(query: string): SearchText[] {
  const typed = searchText(query);
  const words = typed.lower.split(' ');
  const kept = words.filter((w) => !NAME_ADDITIONS.has(w));
  if (kept.length === 0 || kept.length === words.length) return [typed];
  const stripped = searchText(kept.join(' '));
  const variants = [typed, stripped];
  const last = kept.at(-1) ?? '';
  const addedAfter = words.indexOf(last) < words.length - 1;
  if (addedAfter && last.length > 2 && last.endsWith('s')) variants.push(searchText([...kept.slice(0, -1), last.slice(0, -1)].join(' ')));
  return variants;
}

/** The best rank of `target` over the query variants: the typed query first, the others only when it fails. */
export function rankVariants(target: SearchText, variants: readonly SearchText[]): MatchRank | undefined {
  for (const variant of variants) {
    const rank = rankMatch(target, variant);
    if (rank !== undefined) return rank;
  }
  return undefined;
}

/** 0–4 for a name match (see `rankMatch`), 5 for a number match, undefined for no match. */
export function matchOrganisation(entry: SearchEntry, query: SearchText | readonly SearchText[]): MatchRank | 5 | undefined {
  const variants = Array.isArray(query) ? (query as readonly SearchText[]) : [query as SearchText];
  const rank = rankVariants(entry.name, variants);
  if (rank !== undefined) return rank;
  const digits = (variants[0]?.lower ?? '').replace(/[\s]/g, '');
  if (/\d/.test(digits) && entry.numbers.includes(digits)) return 5;
  return undefined;
}

const STATUS_ORDER = new Map(memberStatuses.map((s, i) => [s, i]));

/**
 * Every organisation's row at `date` (without a match rank), in the register's order: made once per document
 * state and date, so a keystroke in the search box only filters and sorts them.
 */
function rowsAt(doc: SambrukDocument, date: string): readonly OrganisationRow[] {
  return memo(doc, `rows:${date}`, () => {
    const refs = referenceMaps(doc);
    const index = membershipIndex(doc);
    const orgsById = new Map(doc.organisations.map((o) => [o.id, o]));
    const fees = memo(doc, `fees:${yearOf(date)}`, () => feesByOrganisation(doc, yearOf(date), { explain: false }));
    // The users rule of the matrix: services reached through a group or a host count, and each is shown as such.
    const used = memo(doc, `used:${date}`, () => serviceUseAt(doc, date));
    // Frozen: every answer until the next change shares them.
    return doc.organisations.map((org): OrganisationRow => {
      const facts = organisationFacts(refs, org, orgsById);
      const servicesUsedBreakdown = used.get(org.id)?.breakdown ?? NO_SERVICE_USE;
      const status = index.statusAt(org.id, date);
      const fee = fees.get(org.id);
      return Object.freeze({
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
        servicesUsed: servicesUsedBreakdown.total,
        servicesUsedBreakdown,
        ...(fee ? { feeOre: fee.totalOre } : {}),
        archived: org.archived,
        groupMemberCount: org.groupMemberIds.length,
      });
    });
  });
}

export function listOrganisations(doc: SambrukDocument, q: OrganisationListQuery): OrganisationList {
  const feeYear = yearOf(q.date);
  const all = rowsAt(doc, q.date);
  const search = searchIndex(doc.organisations);
  const query = q.query !== undefined && q.query.trim() !== '' ? queryVariants(q.query) : undefined;
  const archived = q.archived ?? 'active';
  const kinds = q.kinds && q.kinds.length > 0 ? new Set(q.kinds) : undefined;
  const counties = q.countyCodes && q.countyCodes.length > 0 ? new Set(q.countyCodes) : undefined;
  const statuses = q.statuses && q.statuses.length > 0 ? new Set(q.statuses) : undefined;

  const hits: Hit[] = [];
  for (const row of all) {
    if (archived === 'active' && row.archived) continue;
    if (archived === 'archived' && !row.archived) continue;
    if (kinds && !kinds.has(row.kind)) continue;
    let rank: MatchRank | 5 | undefined;
    if (query) {
      const entry = search.entries.get(row.id);
      rank = entry ? matchOrganisation(entry, query) : undefined;
      if (rank === undefined) continue;
    }
    if (counties && (row.countyCode === undefined || !counties.has(row.countyCode))) continue;
    if (q.servicesUsedMin !== undefined && row.servicesUsed < q.servicesUsedMin) continue;
    if (q.servicesUsedMax !== undefined && row.servicesUsed > q.servicesUsedMax) continue;
    if (statuses && !statuses.has(row.status)) continue;
    hits.push({ row, rank });
  }
  const sort = q.sort ?? { by: 'name', direction: 'asc' };
  const byRelevance = query !== undefined && sort.by === 'name' && sort.direction === 'asc';
  const nameOrder = (row: OrganisationRow) => search.nameOrder.get(row.id) ?? 0;
  let sorted: readonly Hit[];
  if (sort.by === 'name') {
    // The list's usual order (and a keystroke's, by relevance): one number per row, looked up once, so a
    // letter that matches thousands of names sorts integers.
    const places = search.nameOrder.size + 1;
    const sign = sort.direction === 'asc' ? 1 : -1;
    const keyed = hits.map((hit) => ({ hit, key: (byRelevance ? (hit.rank ?? 9) * places : 0) + sign * nameOrder(hit.row) }));
    keyed.sort((a, b) => a.key - b.key);
    sorted = keyed.map((k) => k.hit);
  } else {
    const compare = rowComparator(
      hits.map((h) => h.row),
      sort.by,
      sort.direction,
      nameOrder,
    );
    sorted = hits.sort((a, b) => {
      if (byRelevance) {
        const r = (a.rank ?? 9) - (b.rank ?? 9);
        if (r !== 0) return r;
      }
      return compare(a.row, b.row) || nameOrder(a.row) - nameOrder(b.row);
    });
  }
  const start = q.window ? Math.max(0, Math.min(q.window.start, sorted.length - q.window.count)) : 0;
  const shown = q.window ? sorted.slice(start, start + q.window.count) : sorted;
  // The rank is copied onto a row only as it is sent: the frozen rows stay shared between answers.
  const rows = shown.map((hit) => (hit.rank !== undefined ? { ...hit.row, matchRank: hit.rank } : hit.row));
  const located = q.locate === undefined ? undefined : sorted.findIndex((hit) => hit.row.id === q.locate);
  return { date: q.date, feeYear, total: doc.organisations.length, count: sorted.length, start, rows, ...(located !== undefined ? { located } : {}) };
}

type Hit = { row: OrganisationRow; rank: MatchRank | 5 | undefined };

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

// ---------------------------------------------------------------- one search over everything

/** How many hits of each kind the search answers with; the lists and the directory show the rest. */
export const SEARCH_LIMIT = 20;

/** The digits of a phone number in the forms people type: +46 70…, 0046 70…, 070…. */
function phoneForms(e164: string): string[] {
  const digits = e164.replace(/\D/g, '');
  return digits.startsWith('46') ? [digits, `0${digits.slice(2)}`] : [digits];
}

export function searchEverything(doc: SambrukDocument, query: string, date: string, limit = SEARCH_LIMIT): SearchAnswer {
  const trimmed = query.normalize('NFC').trim();
  const empty: SearchAnswer = { query: trimmed, organisations: [], contacts: [], networks: [], missingMunicipalities: [] };
  if (trimmed === '') return empty;
  const variants = queryVariants(trimmed);
  const search = searchIndex(doc.organisations);
  const byRankThenName = <T extends { name: string }>(rank: (x: T) => number) => (a: T, b: T) => rank(a) - rank(b) || compareSv(a.name, b.name);

  const organisations: SearchHitOrganisation[] = [];
  for (const org of doc.organisations) {
    const entry = search.entries.get(org.id);
    const matchRank = entry ? matchOrganisation(entry, variants) : undefined;
    if (matchRank === undefined) continue;
    organisations.push({ id: org.id, name: org.name, kindLabel: organisationKindLabels[org.kind], archived: org.archived, matchRank });
  }
  organisations.sort(byRankThenName((o) => o.matchRank + (o.archived ? 10 : 0)));

  const orgNames = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const lower = trimmed.toLocaleLowerCase('sv-SE');
  const digits = trimmed.replace(/[\s\-()]/g, '');
  const phoneQuery = /^\+?\d{3,}$/.test(digits) ? digits.replace(/^\+/, '').replace(/^00/, '') : undefined;
  const contacts: (SearchHitContact & { rank: number })[] = [];
  for (const c of doc.contacts) {
    let rank = rankVariants(searchText(c.name), variants) as number | undefined;
    if (rank === undefined && c.email !== '' && lower.length >= 2 && c.email.toLowerCase().includes(lower)) rank = c.email.toLowerCase().startsWith(lower) ? 2 : 4;
    if (rank === undefined && phoneQuery !== undefined && c.phone !== '' && phoneForms(c.phone).some((p) => p.includes(phoneQuery))) rank = 5;
    if (rank === undefined) continue;
    const active = contactActiveAt(c, date);
    contacts.push({
      id: c.id,
      name: c.name,
      email: c.email,
      phoneDisplay: formatPhone(c.phone),
      organisationId: c.organisationId,
      organisationName: orgNames.get(c.organisationId) ?? '',
      active,
      rank: rank + (active ? 0 : 10),
    });
  }
  contacts.sort(byRankThenName((c) => c.rank));

  const networks: (SearchHitNetwork & { rank: number })[] = [];
  for (const n of doc.networks) {
    const rank = rankVariants(searchText(n.name), variants);
    if (rank === undefined) continue;
    networks.push({ id: n.id, name: n.name, kindLabel: networkKindLabels[n.kind], archived: n.archived, rank: rank + (n.archived ? 10 : 0) });
  }
  networks.sort(byRankThenName((n) => n.rank));

  return {
    query: trimmed,
    organisations: organisations.slice(0, limit),
    contacts: contacts.slice(0, limit).map(({ rank: _rank, ...hit }) => hit),
    networks: networks.slice(0, limit).map(({ rank: _rank, ...hit }) => hit),
    missingMunicipalities: missingMunicipalities(doc, variants, organisations),
  };
}

/**
 * Municipalities of the reference list that the query names (the whole name, or its beginning) and that no
 * organisation in the register is: «Håbo» when only Habo is registered. Diacritics count as in every search:
 * «habo» names Håbo too, but «Håbo» never names Habo.
 */
function missingMunicipalities(doc: SambrukDocument, variants: readonly SearchText[], found: readonly SearchHitOrganisation[]): SearchHitMunicipality[] {
  const registered = new Set(doc.organisations.flatMap((o) => (o.municipalityCode ? [o.municipalityCode] : [])));
  const populations = populationIndex(doc.reference);
  const registeredNames = new Set(doc.organisations.map((o) => o.name.toLocaleLowerCase('sv-SE')));
  const counties = new Map(doc.reference.counties.map((c) => [c.code, c.name]));
  const exactInRegister = found.some((o) => o.matchRank === 0);
  const hits: (SearchHitMunicipality & { rank: number })[] = [];
  for (const m of doc.reference.municipalities) {
    if (registered.has(m.code) || registeredNames.has(m.name.toLocaleLowerCase('sv-SE'))) continue;
    const rank = rankVariants(searchText(m.name), variants);
    // A prefix or better: «Hå» offers Håbo; a match inside a name («bo» in Håbo) would offer half the country.
    if (rank === undefined || rank > 2) continue;
    // When the register has the very name asked for, only an exact name from the list is worth offering.
    if (exactInRegister && rank > 0) continue;
    hits.push({ code: m.code, name: m.name, countyName: counties.get(m.countyCode) ?? '', population: latestMunicipalityPopulation(populations, m.code)?.population ?? 0, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || compareSv(a.name, b.name));
  return hits.slice(0, 5).map(({ rank: _rank, ...hit }) => hit);
}
