/**
 * Demo registers at n times the association's size, for benchmarks and for trying the app on a large
 * register. Pure and seeded: the same scale, seed and base document give the same document (and, serialised
 * with JSON.stringify, the same bytes) on every machine; nothing reads the clock or Math.random.
 *
 * At scale 1 the register holds 400 organisations, 2 000 contact persons, 4 000 usage records over 10
 * services, 20 networks with 500 meetings and one year of budget; every count grows linearly with the scale
 * (scale 10: 4 000 organisations, 20 000 persons, 40 000 usages over 100 services, 200 networks with 5 000
 * meetings, ten years of budget). The shapes follow the real register:
 * - the first organisations are Sweden's municipalities (the reference data's 290 codes, each once); beyond
 *   them come the regions, federations and joint committees grouping municipalities of one county, and
 *   municipal companies and foundations;
 * - memberships join from 2006 on, some give notice and leave at a year's end, some of those rejoin;
 * - persons have e-mail addresses and Swedish phone numbers that pass the register's own policies, business
 *   areas and roles, confirmation dates, and some have left their organisation;
 * - usage records run from/to without overlapping per organisation and service, some on groups, some via a
 *   host organisation; services carry pricing models (fixed, banded, per inhabitant);
 * - networks (governance councils for most services, competence networks, projects, partnerships) have
 *   rosters of persons, organisations and external participants, and meetings with attendance taken from
 *   the roster in force at the meeting;
 * - the budget has the statement's lines with net sales per service and cost sub-lines, outcome and budget
 *   per year; fee tables for three periods; the plan's seven goals for each budget year;
 * - invoicing has the default register's example settings, the default articles, and example billing details
 *   (address, «Er referens», invoice e-mail; public bodies' Peppol IDs follow from their organisation numbers)
 *   for every organisation, all marked as examples, so a run can be drafted and issued at any scale.
 */
import {
  SCHEMA_VERSION,
  businessAreas,
  type BudgetColumn,
  type BudgetLine,
  type BusinessArea,
  type ChangeLogEntry,
  type Contact,
  type ContactRole,
  type FeeTable,
  type Goal,
  type Meeting,
  type MeetingKind,
  type Membership,
  type MunicipalityRef,
  type Network,
  type NetworkKind,
  type Organisation,
  type OrganisationKind,
  type PricingModel,
  type RosterEntry,
  type SambrukDocument,
  type Service,
  type Usage,
} from '../../electron/core/store/schema';
import { addDays, dateFromParts, dateOfDayNumber, dayNumber, earlierDate, firstDayOfMonth, lastDayOfYear, laterDate, yearOf } from '../../electron/contract/rules/calendar-date';
import { latestMunicipalityPopulation, populationIndex } from '../../electron/core/domain/population';
import { defaultArticles } from '../../electron/core/domain/articles';
import { createRandom, type Random } from './random';
import {
  companyTemplates,
  federationTemplates,
  firstNames,
  jointCommitteeTemplates,
  meetingTitles,
  networkTopics,
  partnerNames,
  projectTopics,
  regionPrefixes,
  serviceNames,
  serviceSuffixes,
  supplierNames,
  surnames,
  titlesByArea,
} from './demo-names';

/** "Today" in the demo register: the date the web entry's tests fix with `?clock=2022-06-30`. */
export const DEMO_AS_OF = '2022-06-30';
const LAST_YEAR = 2022;
const HISTORY_START = '2006-01-01';
const USAGE_START = '2008-01-01';
const PLANNING_END = '2022-12-31';
const MAX_BUDGET_YEARS = 30;

export type DemoSizes = {
  organisations: number;
  contacts: number;
  usages: number;
  services: number;
  networks: number;
  meetings: number;
  budgetYears: number;
};

/** The counts at `scale` (1 = the default size). Budget years stop at 30 (1993–2022): the schema starts at 1990. */
export function demoSizes(scale: number): DemoSizes {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new RangeError('scale must be a number above 0 and at most 100');
  const n = (base: number, min = 1) => Math.max(min, Math.round(base * scale));
  return {
    organisations: n(400),
    contacts: n(2000, 0),
    usages: n(4000, 0),
    services: n(10),
    networks: n(20),
    meetings: n(500, 0),
    budgetYears: Math.min(MAX_BUDGET_YEARS, n(1)),
  };
}

/** What the generator takes from the real register: reference data, fee table, goals, services, budget lines. */
export type DemoBase = Pick<SambrukDocument, 'meta' | 'reference' | 'feeTables' | 'goals' | 'services' | 'budget' | 'invoicing'>;

export type DemoOptions = { scale: number; seed: string; base: DemoBase };

// ---------------------------------------------------------------- dates

const dateText = new Map<number, string>();
/** Day number -> `YYYY-MM-DD`, remembered: the generator turns the same few thousand days into text again and again. */
const dateOf = (day: number): string => {
  let text = dateText.get(day);
  if (text === undefined) {
    text = dateOfDayNumber(day);
    dateText.set(day, text);
  }
  return text;
};
const minDate = earlierDate;
const maxDate = laterDate;

function randomDate(r: Random, from: string, to: string): string {
  return dateOf(r.int(dayNumber(from), dayNumber(to)));
}

function timestampOf(date: string, r: Random): string {
  return `${date}T${String(r.int(6, 16)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`;
}

// ---------------------------------------------------------------- identifiers and text

/** Ten digits with a valid Luhn check digit, as `NNNNNN-NNNN`. `nine` must be nine digits. */
export function withCheckDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${check}`;
}

/** Organisation numbers by series: the third digit ≥ 2 keeps them apart from personal identity numbers. */
function orgNumberSeries(prefix: string) {
  let next = 0;
  return () => {
    next += 1;
    const digits = `${prefix}${String(next).padStart(9 - prefix.length, '0')}`;
    if (digits.length !== 9) throw new RangeError(`organisation number series ${prefix} is exhausted`);
    return withCheckDigit(digits);
  };
}

const ASCII: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', ü: 'u', ø: 'o', æ: 'ae' };

/** Lower-case ASCII letters and digits only: what a domain or an e-mail local part is made of here. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åäöéèüøæ]/g, (c) => ASCII[c] ?? '')
    .replace(/[^a-z0-9]/g, '');
}

const pad = (n: number, width = 6) => String(n).padStart(width, '0');

const REGION_NAMES: Record<string, string> = {
  '01': 'Region Stockholm',
  '03': 'Region Uppsala',
  '04': 'Region Sörmland',
  '05': 'Region Östergötland',
  '06': 'Region Jönköpings län',
  '07': 'Region Kronoberg',
  '08': 'Region Kalmar län',
  '10': 'Region Blekinge',
  '12': 'Region Skåne',
  '13': 'Region Halland',
  '14': 'Västra Götalandsregionen',
  '17': 'Region Värmland',
  '18': 'Region Örebro län',
  '19': 'Region Västmanland',
  '20': 'Region Dalarna',
  '21': 'Region Gävleborg',
  '22': 'Region Västernorrland',
  '23': 'Region Jämtland Härjedalen',
  '24': 'Region Västerbotten',
  '25': 'Region Norrbotten',
};

/** Keeps names unique (case- and space-insensitive, like the register's duplicate check). */
function nameBook() {
  const taken = new Set<string>();
  const key = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return {
    has: (name: string) => taken.has(key(name)),
    /** `name` itself when free, else `name (2)`, `name (3)`, … */
    claim(name: string): string {
      let candidate = name;
      for (let i = 2; taken.has(key(candidate)); i += 1) candidate = `${name} (${i})`;
      taken.add(key(candidate));
      return candidate;
    },
  };
}

// ---------------------------------------------------------------- the generator

export function generateDemoDocument(options: DemoOptions): SambrukDocument {
  const { scale, seed, base } = options;
  const sizes = demoSizes(scale);
  const root = createRandom(`sambruk-demo:${seed}`);
  // One stream per part, so a change in how one part is drawn leaves the others as they were.
  const stream = (part: string) => createRandom(`sambruk-demo:${seed}:${part}:${root.int(0, 2 ** 31)}`);

  const organisations = makeOrganisations(stream('organisations'), base, sizes.organisations);
  const memberships = makeMemberships(stream('memberships'), organisations);
  const contacts = makeContacts(stream('contacts'), organisations, sizes.contacts);
  const services = makeServices(stream('services'), base, sizes.services);
  const usages = makeUsages(stream('usages'), organisations, services, sizes.usages);
  const networks = makeNetworks(stream('networks'), { organisations, memberships, contacts, services, usages }, sizes);
  const budget = makeBudget(stream('budget'), base, services, sizes.budgetYears);
  const years = budget.columns.map((c) => c.year).filter((y, i, all) => all.indexOf(y) === i);

  const createdAt = `${DEMO_AS_OF}T06:00:00.000Z`;
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      associationName: base.meta.associationName,
      createdAt,
      updatedAt: createdAt,
      revision: 0,
      source: `Demodata i ${formatScale(scale)} gånger föreningens storlek (frö ${seed.slice(0, 60)})`,
    },
    reference: base.reference,
    organisations,
    memberships,
    contacts,
    services,
    usages,
    networks,
    budget,
    feeTables: makeFeeTables(base),
    goals: makeGoals(base, years),
    planFigures: [],
    boardPacks: [],
    selections: [],
    invoicing: makeInvoicing(base, organisations, services),
    changeLog: makeChangeLog(organisations),
    settings: {},
  };
}

// ---------------------------------------------------------------- invoicing

const FIRST_CUSTOMER_NUMBER = 1001;

function makeInvoicing(base: DemoBase, organisations: readonly Organisation[], services: readonly Service[]): SambrukDocument['invoicing'] {
  const billing = organisations.map((org, i) => ({
    id: `bill-${org.id}`,
    organisationId: org.id,
    customerNumber: FIRST_CUSTOMER_NUMBER + i,
    invoiceAddress: { street: `Exempelgatan ${i + 1}`, postalCode: '123 45', city: 'Exempelstad', countryCode: 'SE' },
    buyerReference: `EXEMPEL-${FIRST_CUSTOMER_NUMBER + i}`,
    invoiceEmail: `fakturor@${asciiSlug(org.name) || 'kund'}.exempel.se`,
    example: true,
  }));
  const settings = base.invoicing.settings[0];
  return {
    settings: settings ? [{ ...settings, address: { ...settings.address }, example: true, nextCustomerNumber: FIRST_CUSTOMER_NUMBER + billing.length }] : [],
    billing,
    // Copies: the defaults share their VAT objects, and a register is a tree (the serialiser remembers frozen trees).
    articles: defaultArticles(services).map((a) => ({ ...a, vat: { ...a.vat } })),
    runs: [],
    invoices: [],
    payments: [],
  };
}

function formatScale(scale: number): string {
  return String(scale).replace('.', ',');
}

// ---------------------------------------------------------------- organisations

type Kinded = { kind: OrganisationKind };

function makeOrganisations(r: Random, base: DemoBase, count: number): Organisation[] {
  const municipalities = base.reference.municipalities;
  const byCounty = new Map<string, MunicipalityRef[]>();
  for (const m of municipalities) {
    const list = byCounty.get(m.countyCode);
    if (list) list.push(m);
    else byCounty.set(m.countyCode, [m]);
  }
  const countyName = new Map(base.reference.counties.map((c) => [c.code, c.name]));
  const populations = populationIndex(base.reference);
  const names = nameBook();
  const result: Organisation[] = [];
  const municipalityNumber = orgNumberSeries('212000');
  const regionNumber = orgNumberSeries('2321');
  const federationNumber = orgNumberSeries('2220');
  const companyNumber = orgNumberSeries('556');
  const foundationNumber = orgNumberSeries('802');
  const created = () => timestampOf(randomDate(r, '2015-01-01', '2022-06-01'), r);

  for (const m of municipalities.slice(0, count)) {
    result.push({
      id: `org-kommun-${m.code}`,
      kind: 'kommun',
      name: names.claim(m.name),
      municipalityCode: m.code,
      orgNumber: municipalityNumber(),
      groupMemberIds: [],
      website: `https://www.${asciiSlug(m.name)}.se`,
      note: '',
      archived: false,
      createdAt: created(),
    });
  }

  const regionCodes = [...byCounty.keys()].filter((code) => REGION_NAMES[code] !== undefined);
  for (const code of regionCodes) {
    if (result.length >= count) break;
    const name = REGION_NAMES[code] as string;
    const population = (byCounty.get(code) ?? []).reduce((sum, m) => sum + (latestMunicipalityPopulation(populations, m.code)?.population ?? 0), 0);
    result.push({
      id: `org-region-${code}`,
      kind: 'region',
      name: names.claim(name),
      countyCode: code,
      orgNumber: regionNumber(),
      population,
      groupMemberIds: [],
      website: `https://www.${asciiSlug(name)}.se`,
      note: '',
      archived: false,
      createdAt: created(),
    });
  }

  const municipalityIds = new Set(result.filter((o) => o.kind === 'kommun').map((o) => o.id));
  const counties = [...byCounty.entries()].filter(([, list]) => list.length >= 2);
  const otherKinds: OrganisationKind[] = ['kommunalforbund', 'gemensam-namnd', 'annan'];
  const otherWeights = [0.2, 0.1, 0.7];
  let serial = 0;
  while (result.length < count) {
    serial += 1;
    const kind = r.weighted(otherKinds, otherWeights);
    const archived = r.chance(0.02);
    if (kind === 'annan' || counties.length === 0) {
      const m = r.pick(municipalities);
      const template = r.pick(companyTemplates);
      const name = names.claim(template.replace('{m}', m.name));
      const foundation = name.startsWith('Stiftelsen');
      result.push({
        id: `org-annan-${pad(serial)}`,
        kind: 'annan',
        name,
        countyCode: m.countyCode,
        orgNumber: foundation ? foundationNumber() : companyNumber(),
        groupMemberIds: [],
        website: `https://www.${asciiSlug(name.replace(/ AB$/, '')).slice(0, 40)}.se`,
        note: '',
        archived,
        createdAt: created(),
      });
      continue;
    }
    const [countyCode, list] = r.pick(counties);
    const size = kind === 'gemensam-namnd' ? r.int(2, Math.min(4, list.length)) : r.int(2, Math.min(8, list.length));
    const members = r.sample(list, size);
    const [first, second] = members as [MunicipalityRef, MunicipalityRef];
    const templates = kind === 'gemensam-namnd' ? jointCommitteeTemplates : federationTemplates;
    const shortCounty = (countyName.get(countyCode) ?? '').replace(/s? län$/, '');
    const name = names.claim(r.pick(templates).replace('{m}', first.name).replace('{n}', second.name).replace('{l}', shortCounty));
    result.push({
      id: `org-${kind === 'gemensam-namnd' ? 'namnd' : 'forbund'}-${pad(serial)}`,
      kind,
      name,
      countyCode,
      orgNumber: federationNumber(),
      groupMemberIds: members.map((m) => `org-kommun-${m.code}`).filter((id) => municipalityIds.has(id)),
      website: `https://www.${asciiSlug(name).slice(0, 40)}.se`,
      note: `${kind === 'gemensam-namnd' ? 'Gemensam nämnd' : 'Kommunalförbund'} för ${members.map((m) => m.name).join(', ')}.`,
      archived,
      createdAt: created(),
    });
  }
  return result;
}

// ---------------------------------------------------------------- memberships

const MEMBER_SHARE: Record<OrganisationKind, number> = {
  kommun: 0.45,
  region: 0.4,
  kommunalforbund: 0.4,
  'gemensam-namnd': 0.35,
  annan: 0.25,
};

function makeMemberships(r: Random, organisations: readonly Organisation[]): Membership[] {
  const result: Membership[] = [];
  let serial = 0;
  const id = () => `mem-${pad((serial += 1))}`;
  for (const org of organisations) {
    if (!r.chance(MEMBER_SHARE[org.kind])) continue;
    // Members join on the first of a month, mostly in recent years.
    let joined = firstDayOfMonth(Math.min(2022, 2006 + Math.floor(16 * Math.sqrt(r.next()))), r.int(1, 12));
    if (joined > '2022-06-01') joined = '2022-06-01';
    joined = maxDate(joined, HISTORY_START);
    for (let period = 0; period < 3; period += 1) {
      const joinYear = yearOf(joined);
      const leaves = r.chance(period === 0 ? 0.15 : 0.1) && joinYear < 2022;
      if (!leaves) {
        result.push({ id: id(), organisationId: org.id, joined, note: '' });
        break;
      }
      const leftYear = r.int(joinYear + 1, 2022);
      const left = lastDayOfYear(leftYear);
      const noticeGiven = maxDate(joined, dateFromParts(leftYear, r.int(1, 6), r.int(1, 28)));
      result.push({
        id: id(),
        organisationId: org.id,
        joined,
        noticeGiven,
        left,
        reason: r.pick(['Besparingar', 'Omprioritering av samverkan', 'Använder inga tjänster', 'Går med i annan samverkan']),
        note: '',
      });
      // Some come back: a re-join starts after the period has ended, as the register requires.
      if (leftYear >= 2021 || !r.chance(0.4)) break;
      joined = firstDayOfMonth(r.int(leftYear + 1, 2022), r.int(1, 6));
    }
  }
  return result;
}

// ---------------------------------------------------------------- contacts

const CONTACT_WEIGHT: Record<OrganisationKind, number> = { kommun: 7, region: 6, kommunalforbund: 2, 'gemensam-namnd': 1.5, annan: 1 };

/** Cumulative weights and a binary search: a weighted pick in O(log n) over thousands of items. */
function weightedPicker<T>(items: readonly T[], weight: (item: T) => number): (r: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    total += weight(item);
    cumulative.push(total);
  }
  return (r) => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

function domainOf(org: Organisation): string {
  const stem = asciiSlug(org.name.replace(/ AB$/, '').replace(/^Stiftelsen /, '')).slice(0, 40);
  return `${stem || 'organisation'}.se`;
}

function phoneNumber(r: Random): string {
  if (r.chance(0.7)) return `+467${r.pick([0, 2, 3, 6])}${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
  const area = r.pick(['8', '31', '40', '18', '90', '13']);
  return `+46${area}${String(r.int(area === '8' ? 10_000_000 : 1_000_000, area === '8' ? 99_999_999 : 9_999_999))}`;
}

function makeContacts(r: Random, organisations: readonly Organisation[], count: number): Contact[] {
  const pickOrg = weightedPicker(organisations, (o) => CONTACT_WEIGHT[o.kind]);
  const localParts = new Map<string, number>();
  const result: Contact[] = [];
  for (let i = 1; i <= count; i += 1) {
    const org = pickOrg(r);
    const first = r.pick(firstNames);
    const last = r.pick(surnames);
    const domain = domainOf(org);
    // One in a hundred keeps å/ä/ö in the address (the register's policy allows it before the @).
    const local = r.chance(0.01)
      ? `${first.toLowerCase()}.${last.toLowerCase()}`
      : `${asciiSlug(first)}.${asciiSlug(last)}`;
    const key = `${local}@${domain}`;
    const seen = (localParts.get(key) ?? 0) + 1;
    localParts.set(key, seen);
    const email = r.chance(0.05) ? '' : `${local}${seen > 1 ? seen : ''}@${domain}`;

    const areas: BusinessArea[] = [];
    const roles: ContactRole[] = [];
    let title: string;
    if (r.chance(org.kind === 'kommun' ? 0.7 : 0.35)) {
      for (const area of r.sample(businessAreas, r.chance(0.8) ? 1 : 2)) areas.push(area);
      title = r.pick(titlesByArea[areas[0] as BusinessArea]);
    } else {
      const role = r.weighted<ContactRole>(['it', 'ekonomi', 'kommunledning', 'annan'], [5, 2, 2, 1]);
      roles.push(role);
      title = r.pick(titlesByArea[role === 'it' ? 'it' : role === 'ekonomi' ? 'ekonomi' : 'ledning']);
    }
    if (areas.length > 0 && r.chance(0.15)) roles.push('it');
    const createdDate = randomDate(r, '2015-01-01', '2022-06-01');
    const ended = r.chance(0.1);
    const confirmed = r.chance(0.7);
    result.push({
      id: `ct-${pad(i)}`,
      organisationId: org.id,
      name: `${first} ${last}`,
      title,
      email,
      phone: r.chance(0.85) ? phoneNumber(r) : '',
      businessAreas: businessAreas.filter((a) => areas.includes(a)),
      roles,
      ...(confirmed ? { confirmedAt: randomDate(r, maxDate(createdDate, '2020-06-30'), DEMO_AS_OF) } : {}),
      legalBasis: r.chance(0.9) ? 'allmant-intresse' : 'berattigat-intresse',
      ...(ended ? { endedAt: randomDate(r, createdDate, DEMO_AS_OF) } : {}),
      note: '',
      createdAt: timestampOf(createdDate, r),
    });
  }
  return result;
}

// ---------------------------------------------------------------- services

function pricingModel(r: Random): PricingModel {
  const kind = r.weighted(['fixed', 'banded', 'per-inhabitant'] as const, [4, 3, 2]);
  if (kind === 'fixed') return { kind, yearlyFeeOre: r.int(10, 200) * 100_000 };
  if (kind === 'per-inhabitant') return { kind, orePerInhabitant: r.int(5, 40) * 10 };
  const start = r.int(5, 20) * 100_000;
  const step = r.int(2, 10) * 100_000;
  return {
    kind,
    bands: [0, 15_000, 50_000, 100_000, 200_000].map((minPopulation, i) => ({ minPopulation, yearlyFeeOre: start + i * step })),
  };
}

function makeServices(r: Random, base: DemoBase, count: number): Service[] {
  const names = nameBook();
  const result: Service[] = [];
  for (let i = 0; i < count; i += 1) {
    const real = base.services[i];
    const name = real
      ? names.claim(real.name)
      : names.claim(`${serviceNames[(i - base.services.length) % serviceNames.length]}${serviceSuffixes[Math.floor((i - base.services.length) / serviceNames.length) % serviceSuffixes.length]}`);
    const years = r.sample([2016, 2018, 2020, 2021, 2022], r.int(1, 3)).sort((a, b) => a - b);
    const businessArea = real?.businessArea ?? (r.chance(0.85) ? r.pick(businessAreas) : undefined);
    result.push({
      id: real ? real.id : `svc-${pad(i + 1, 4)}`,
      name,
      description: real?.description ?? `${name}: gemensam digital tjänst som medlemmarna förvaltar tillsammans.`,
      ...(businessArea !== undefined ? { businessArea } : {}),
      technicalManager: real?.technicalManager ?? r.pick(['Sambruks kansli', 'Västerås stad', 'Borås stad', 'Umeå kommun', '']),
      operator: real?.operator ?? r.pick(supplierNames),
      contentManager: real?.contentManager ?? '',
      supplier: real?.supplier ?? r.pick(supplierNames),
      pricing: years.map((year) => ({ year, model: pricingModel(r) })),
      archived: !real && r.chance(0.05),
    });
  }
  return result;
}

// ---------------------------------------------------------------- usages

const USER_WEIGHT: Record<OrganisationKind, number> = { kommun: 4, region: 2, kommunalforbund: 1.5, 'gemensam-namnd': 1, annan: 0.3 };

function makeUsages(r: Random, organisations: readonly Organisation[], services: readonly Service[], count: number): Usage[] {
  if (count === 0) return [];
  const orgCount = organisations.length;
  const serviceCount = services.length;
  // About two records per organisation and service used (a history of ending and starting again).
  const pairTarget = Math.max(1, Math.min(Math.round(count / 2), Math.floor(0.6 * orgCount * serviceCount), count));
  const orgIndex = weightedPicker(
    organisations.map((_, i) => i),
    (i) => USER_WEIGHT[(organisations[i] as Kinded).kind],
  );
  // Popularity falls with the catalogue position, so a few services are used by most members, as in reality.
  const serviceIndex = weightedPicker(
    services.map((_, i) => i),
    (i) => 1 / (1 + 0.08 * i),
  );
  const pairs: number[] = [];
  const taken = new Set<number>();
  for (let attempts = 0; pairs.length < pairTarget && attempts < pairTarget * 30; attempts += 1) {
    const key = orgIndex(r) * serviceCount + serviceIndex(r);
    if (taken.has(key)) continue;
    taken.add(key);
    pairs.push(key);
  }
  for (let key = 0; pairs.length < pairTarget && key < orgCount * serviceCount; key += 1) {
    if (!taken.has(key)) {
      taken.add(key);
      pairs.push(key);
    }
  }
  const recordsPerPair = pairs.map(() => 1);
  for (let extra = count - pairs.length; extra > 0; extra -= 1) {
    const i = r.int(0, pairs.length - 1);
    recordsPerPair[i] = (recordsPerPair[i] ?? 1) + 1;
  }

  const groupsOf = new Map<string, string[]>();
  for (const org of organisations) {
    for (const memberId of org.groupMemberIds) {
      const list = groupsOf.get(memberId);
      if (list) list.push(org.id);
      else groupsOf.set(memberId, [org.id]);
    }
  }
  const municipalitiesByCounty = new Map<string, string[]>();
  for (const org of organisations) {
    if (org.kind !== 'kommun' || org.countyCode !== undefined) continue;
    const county = org.municipalityCode?.slice(0, 2) ?? '';
    const list = municipalitiesByCounty.get(county);
    if (list) list.push(org.id);
    else municipalitiesByCounty.set(county, [org.id]);
  }

  const first = dayNumber(USAGE_START);
  const last = dayNumber(PLANNING_END);
  const result: Usage[] = [];
  let serial = 0;
  pairs.forEach((key, p) => {
    const org = organisations[Math.floor(key / serviceCount)] as Organisation;
    const service = services[key % serviceCount] as Service;
    const k = recordsPerPair[p] ?? 1;
    // 2k distinct sorted days give k disjoint periods [d0, d1], [d2, d3], …; the last is often still open.
    const days = new Set<number>();
    while (days.size < 2 * k) days.add(r.int(first, last));
    const sorted = [...days].sort((a, b) => a - b);
    for (let i = 0; i < k; i += 1) {
      let from = dateOf(sorted[2 * i] as number);
      const to = dateOf(sorted[2 * i + 1] as number);
      const previousTo = i > 0 ? dateOf(sorted[2 * i - 1] as number) : undefined;
      const monthStart = `${from.slice(0, 8)}01`;
      if (r.chance(0.6) && (previousTo === undefined || monthStart > previousTo)) from = monthStart;
      const open = i === k - 1 && r.chance(0.7);
      let via: string | undefined;
      if (org.kind === 'kommun' && r.chance(0.05)) {
        const groups = groupsOf.get(org.id);
        const county = org.municipalityCode?.slice(0, 2) ?? '';
        const hosts = (municipalitiesByCounty.get(county) ?? []).filter((id) => id !== org.id);
        via = groups && groups.length > 0 ? r.pick(groups) : hosts.length > 0 ? r.pick(hosts) : undefined;
      }
      serial += 1;
      result.push({
        id: `use-${pad(serial, 7)}`,
        organisationId: org.id,
        serviceId: service.id,
        from,
        ...(open ? {} : { to }),
        ...(via !== undefined ? { viaOrganisationId: via } : {}),
        note: '',
      });
    }
  });
  return result;
}

// ---------------------------------------------------------------- networks, rosters, meetings

type NetworkInputs = {
  organisations: readonly Organisation[];
  memberships: readonly Membership[];
  contacts: readonly Contact[];
  services: Service[];
  usages: readonly Usage[];
};

const MEETING_WEIGHT: Record<NetworkKind, number> = { kompetensnatverk: 1.5, forvaltningsrad: 1.2, projekt: 1, partnerskap: 0.4, styrelse: 1 };

function makeNetworks(r: Random, inputs: NetworkInputs, sizes: DemoSizes): Network[] {
  const { organisations, memberships, contacts, services, usages } = inputs;
  const councilCount = Math.min(sizes.networks, Math.round(services.length * 0.6));
  const rest = sizes.networks - councilCount;
  const competence = Math.round(rest * 0.57);
  const projects = Math.round(rest * 0.29);
  const kinds: NetworkKind[] = [
    ...Array<NetworkKind>(councilCount).fill('forvaltningsrad'),
    ...Array<NetworkKind>(competence).fill('kompetensnatverk'),
    ...Array<NetworkKind>(projects).fill('projekt'),
    ...Array<NetworkKind>(Math.max(0, rest - competence - projects)).fill('partnerskap'),
  ];

  const memberOrgIds = new Set(memberships.map((m) => m.organisationId));
  const contactsByOrg = new Map<string, Contact[]>();
  for (const c of contacts) {
    const list = contactsByOrg.get(c.organisationId);
    if (list) list.push(c);
    else contactsByOrg.set(c.organisationId, [c]);
  }
  const usersByService = new Map<string, Set<string>>();
  for (const u of usages) {
    const set = usersByService.get(u.serviceId);
    if (set) set.add(u.organisationId);
    else usersByService.set(u.serviceId, new Set([u.organisationId]));
  }
  const memberContacts = contacts.filter((c) => memberOrgIds.has(c.organisationId));
  const anyContacts = memberContacts.length > 0 ? memberContacts : contacts;
  const orgIds = organisations.filter((o) => !o.archived).map((o) => o.id);

  const namesByKind = new Map<NetworkKind, ReturnType<typeof nameBook>>();
  const networks: Network[] = [];
  let entrySerial = 0;
  kinds.forEach((kind, i) => {
    const book = namesByKind.get(kind) ?? nameBook();
    namesByKind.set(kind, book);
    const council = kind === 'forvaltningsrad' ? services[i] : undefined;
    const topicList = kind === 'projekt' ? projectTopics : kind === 'partnerskap' ? partnerNames : networkTopics;
    const ordinal = i - councilCount;
    const topic = topicList[ordinal % topicList.length] as string;
    const round = Math.floor(ordinal / topicList.length);
    const baseName = council
      ? `Förvaltningsråd ${council.name}`
      : round === 0
        ? topic
        : `${topic} ${regionPrefixes[(round - 1) % regionPrefixes.length]}${round > regionPrefixes.length ? ` ${Math.ceil(round / regionPrefixes.length)}` : ''}`;
    const name = book.claim(baseName);
    const id = council ? `net-rad-${council.id}` : `net-${pad(i + 1, 4)}`;
    if (council) council.councilNetworkId = id;

    const startDate = firstDayOfMonth(r.int(2010, 2021), r.int(1, 12));
    const ended = kind === 'projekt' ? r.chance(0.6) : r.chance(0.05);
    const endDate = ended ? randomDate(r, addDays(startDate, 180), '2023-12-31') : undefined;
    const archived = endDate !== undefined && endDate < '2021-01-01' && r.chance(0.5);

    // Persons: the council's from the service's users, others from members' contacts.
    const pool = council
      ? [...(usersByService.get(council.id) ?? [])].flatMap((orgId) => contactsByOrg.get(orgId) ?? [])
      : anyContacts;
    const size = kind === 'partnerskap' ? r.int(3, 10) : kind === 'projekt' ? r.int(8, 25) : r.int(15, 60);
    const persons = r.sample(pool, size);
    const roster: RosterEntry[] = [];
    const rosterEnd = endDate !== undefined ? minDate(endDate, DEMO_AS_OF) : DEMO_AS_OF;
    persons.forEach((contact, p) => {
      const earliest = maxDate(startDate, contact.createdAt.slice(0, 10));
      if (earliest > rosterEnd) return;
      const from = randomDate(r, earliest, rosterEnd);
      const lastDay = contact.endedAt !== undefined && contact.endedAt >= from ? contact.endedAt : undefined;
      if (contact.endedAt !== undefined && lastDay === undefined) return;
      const to = lastDay ?? (r.chance(0.12) ? randomDate(r, from, rosterEnd) : undefined);
      roster.push({
        id: `ros-${pad((entrySerial += 1), 7)}`,
        organisationId: contact.organisationId,
        contactId: contact.id,
        role: p === 0 ? (council ? 'ordforande' : 'sammankallande') : r.chance(0.3) ? 'ledamot' : 'deltagare',
        participation: kind === 'projekt' && r.chance(0.2) ? 'medfinansiar' : 'deltagare',
        from,
        ...(to !== undefined ? { to } : {}),
      });
    });
    // Organisations without a named person, and participants outside the register.
    const representedOrgs = new Set(roster.map((e) => e.organisationId));
    for (const orgId of r.sample(orgIds, kind === 'partnerskap' ? 2 : r.int(0, 4))) {
      if (representedOrgs.has(orgId)) continue;
      roster.push({
        id: `ros-${pad((entrySerial += 1), 7)}`,
        organisationId: orgId,
        role: 'deltagare',
        participation: kind === 'partnerskap' ? 'partner' : 'deltagare',
        from: randomDate(r, startDate, maxDate(startDate, rosterEnd)),
      });
    }
    if (kind === 'projekt' || kind === 'partnerskap') {
      for (const external of r.sample(partnerNames, r.int(1, 2))) {
        roster.push({
          id: `ros-${pad((entrySerial += 1), 7)}`,
          externalName: external,
          role: 'deltagare',
          participation: 'partner',
          from: startDate,
        });
      }
    }

    networks.push({
      id,
      kind,
      name,
      description: council
        ? `Användande organisationer beslutar gemensamt om utvecklingen av ${council.name}.`
        : `${kind === 'projekt' ? 'Projekt' : kind === 'partnerskap' ? 'Partnerskap' : 'Kompetensnätverk'} om ${topic.toLowerCase()}.`,
      ...(council ? { serviceId: council.id } : {}),
      startDate,
      ...(endDate !== undefined ? { endDate } : {}),
      roster,
      meetings: [],
      archived,
    });
  });

  // Meetings: spread by kind, dated within the network's life, attended by the persons on the roster then.
  const pickNetwork = weightedPicker(networks, (n) => MEETING_WEIGHT[n.kind]);
  const perNetwork = new Map<Network, number>();
  for (let i = 0; i < sizes.meetings; i += 1) {
    const n = pickNetwork(r);
    perNetwork.set(n, (perNetwork.get(n) ?? 0) + 1);
  }
  let meetingSerial = 0;
  for (const network of networks) {
    const count = perNetwork.get(network) ?? 0;
    const from = network.startDate ?? USAGE_START;
    const to = minDate(network.endDate ?? PLANNING_END, PLANNING_END);
    const dates: string[] = [];
    for (let i = 0; i < count; i += 1) dates.push(randomDate(r, from, maxDate(from, to)));
    dates.sort();
    const persons = network.roster.filter((e) => e.contactId !== undefined);
    for (const date of dates) {
      const kind = r.weighted<MeetingKind>(['mote', 'seminarium', 'webinar', 'konferens'], [60, 20, 15, 5]);
      const present = date <= DEMO_AS_OF ? persons.filter((e) => e.from <= date && (e.to === undefined || date <= e.to)) : [];
      const share = 0.4 + r.next() * 0.5;
      const attendees = present.filter(() => r.next() < share).map((e) => e.contactId as string);
      network.meetings.push({
        id: `mtg-${pad((meetingSerial += 1), 7)}`,
        date,
        kind,
        title: `${r.pick(meetingTitles[kind])} ${yearOf(date)}`,
        attendeeContactIds: attendees,
        note: '',
      } satisfies Meeting);
    }
  }
  return networks;
}

// ---------------------------------------------------------------- budget, fees, goals, log

const COST_LINES = ['Köpta tjänster', 'Licenser och drift', 'Lokaler', 'Resor och konferenser', 'Övriga kostnader'] as const;

function makeBudget(r: Random, base: DemoBase, services: readonly Service[], yearCount: number): SambrukDocument['budget'] {
  const lines: BudgetLine[] = base.budget.lines.map((l) => ({ ...l }));
  const salesParent = lines.find((l) => l.registerSource === 'service-revenue');
  const costParent = lines.find((l) => l.kind === 'cost' && l.registerSource === undefined);
  services.forEach((s, i) => {
    if (salesParent) lines.push({ id: `bl-tjanst-${s.id}`, parentId: salesParent.id, name: `Nettoomsättning ${s.name}`, kind: 'income', order: i + 1 });
  });
  COST_LINES.forEach((name, i) => {
    if (costParent) lines.push({ id: `bl-kostnad-${i + 1}`, parentId: costParent.id, name, kind: 'cost', order: i + 1 });
  });
  const parents = new Set(lines.map((l) => l.parentId).filter((id): id is string => id !== undefined));
  const leaves = lines.filter((l) => !parents.has(l.id));

  const scale = Math.max(1, services.length / 10);
  const firstYear = LAST_YEAR - yearCount + 1;
  const columns: BudgetColumn[] = [];
  for (let year = firstYear; year <= LAST_YEAR; year += 1) {
    const growth = 1 + (year - firstYear) * 0.03;
    const amounts = (noise: number): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const line of leaves) {
        const size = line.parentId === salesParent?.id ? 1_500_000 : line.registerSource === 'membership-fees' ? 3_400_000 * scale : 800_000 * scale;
        const kr = Math.round(size * growth * (0.85 + noise * r.next()));
        out[line.id] = (line.kind === 'cost' ? -kr : kr) * 100;
      }
      return out;
    };
    if (year < LAST_YEAR) columns.push({ id: `col-${year}-utfall`, year, kind: 'utfall', amounts: amounts(0.3), statedTotals: {} });
    columns.push({ id: `col-${year}-budget`, year, kind: 'budget', amounts: amounts(0.2), statedTotals: {} });
    if (year === LAST_YEAR) columns.push({ id: `col-${year}-prognos`, year, kind: 'prognos', amounts: amounts(0.25), statedTotals: {} });
  }
  return { lines, columns };
}

function makeFeeTables(base: DemoBase): FeeTable[] {
  const current = base.feeTables[base.feeTables.length - 1];
  if (!current) return [];
  // Earlier tables at 80 % and 90 % of today's fees, rounded to whole hundreds of kronor.
  // Each table a copy of its own: a register is a tree, never one object in two places.
  const earlier = (year: number, share: number): FeeTable => ({
    ...structuredClone(current),
    year,
    bands: current.bands.map((b) => ({
      minPopulation: b.minPopulation,
      entryFeeOre: Math.round((b.entryFeeOre * share) / 10_000) * 10_000,
      yearlyFeeOre: Math.round((b.yearlyFeeOre * share) / 10_000) * 10_000,
    })),
    otherOrganisations: {
      entryFeeOre: Math.round((current.otherOrganisations.entryFeeOre * share) / 10_000) * 10_000,
      yearlyFeeOre: Math.round((current.otherOrganisations.yearlyFeeOre * share) / 10_000) * 10_000,
    },
    note: `Demodata: ${Math.round(share * 100)} % av avgifterna från ${current.year}.`,
  });
  return [earlier(current.year - 8, 0.8), earlier(current.year - 4, 0.9), current];
}

/** The plan's goals, for every budget year (a goal set for the following year keeps its offset). */
function makeGoals(base: DemoBase, years: readonly number[]): Goal[] {
  const planYear = Math.min(...base.goals.map((g) => g.year));
  return years.flatMap((year) =>
    base.goals.map((g) => ({ ...g, id: `goal-${year + (g.year - planYear)}-${g.metric}`, year: year + (g.year - planYear) })),
  );
}

function makeChangeLog(organisations: readonly Organisation[]): ChangeLogEntry[] {
  return organisations.map((o, i) => ({
    id: `log-${pad(i + 1, 7)}`,
    at: o.createdAt,
    by: '',
    entity: 'organisation',
    entityId: o.id,
    organisationId: o.id,
    action: 'import',
    summary: `Demodata: ${o.name} lades in i registret.`,
  }));
}
