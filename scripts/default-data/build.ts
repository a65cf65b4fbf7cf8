/**
 * The default register, built from the association's plan for 2022 and the reference lists. Pure: the
 * texts come in, a validated document comes out, the same bytes every time (fixed ids, fixed timestamps,
 * sorted arrays). Every reading of the plan this makes is listed in assets/DATA-NOTES.md.
 */
import {
  SCHEMA_VERSION,
  type Budget,
  type FeeTable,
  type Goal,
  type PlanFigure,
  type Membership,
  type Network,
  type Organisation,
  type RosterEntry,
  type SambrukDocument,
  type Service,
  type Usage,
} from '../../electron/core/store/schema';
import { validateDocument } from '../../electron/core/store/parse-document';
import { PLAN_MEMBERS_BEFORE, PLAN_MEMBERS_NOTE } from '../../electron/core/store/migrations-v3';
import { buildReference } from './reference';
import { findHeading, labelledValue, paragraphAfter, parseList, parseTwoAmounts, readPlan, section, type ListEntry, type PlanText } from './plan-text';
import {
  GROUPS,
  OTHER_ORGANISATIONS,
  createMunicipalityMatcher,
  groupByPlanName,
  municipalityOrgId,
  type GroupDefinition,
  type MunicipalityMatcher,
} from './names';
import { MANAGER_LABELS, SERVICE_SPECS, type ServiceSpec } from './services';
import { ASSUMED_START, ASSUMED_USAGE_NOTE, NETWORK_SPECS, type RosterSpec } from './networks';
import { exampleInvoicing } from './invoicing';

/** The texts the register is built from, as read from `assets/`. */
export type DefaultDataSources = {
  /** assets/seed/verksamhetsplan-2022.txt */
  plan: string;
  /** assets/reference/municipalities.csv */
  municipalitiesCsv: string;
  /** assets/reference/counties.csv */
  countiesCsv: string;
  /** assets/reference/population-by-year.csv (each municipality on 31 December 2018–2024) */
  populationByYearCsv: string;
  /** assets/reference/sweden-population.csv (Sweden's total on the same dates) */
  swedenPopulationCsv: string;
};

export const PLAN_DATE = '2022-04-28';
export const TIMESTAMP = `${PLAN_DATE}T00:00:00.000Z`;

/** Things in the plan worth telling a reader, collected while building (printed by the script). */
export type BuildFindings = {
  emptyListItems: { service: string; count: number }[];
  duplicateListEntries: { service: string; name: string }[];
  statedMemberCount: number;
};

export function buildDefaultData(sources: DefaultDataSources): SambrukDocument {
  return buildDefaultDataWithFindings(sources).document;
}

export function buildDefaultDataWithFindings(sources: DefaultDataSources): { document: SambrukDocument; findings: BuildFindings } {
  const reference = buildReference(sources);
  const matcher = createMunicipalityMatcher(reference.municipalities);
  const plan = readPlan(sources.plan);
  const findings: BuildFindings = { emptyListItems: [], duplicateListEntries: [], statedMemberCount: statedMemberCount(plan) };
  const orgs = new OrganisationRegistry(matcher, reference.municipalities);

  // -------------------------------------------------------------- services and their users
  const userLists = SERVICE_SPECS.map((spec) => ({ spec, entries: readUserList(plan, spec, findings) }));
  // Check every name before building anything, so one run reports every name that fails to match.
  matcher.codesOf(
    userLists.flatMap(({ entries }) => entries.flatMap((e) => (groupByPlanName(e.name) ? e.partners : [e.name, ...e.partners]))),
    'Planens listor över användande kommuner',
  );

  const usages = new Map<string, Usage>();
  const addUsage = (service: ServiceSpec, organisationId: string, viaOrganisationId: string | undefined, planName: string) => {
    const key = `${service.slug}|${organisationId}`;
    const existing = usages.get(key);
    if (existing) {
      if (existing.viaOrganisationId !== viaOrganisationId) {
        throw new Error(`${service.name}: ${planName} står i planen både direkt och via en värd/grupp`);
      }
      findings.duplicateListEntries.push({ service: service.name, name: planName });
      return;
    }
    const usage: Usage = { id: `use-${service.slug}-${organisationId.replace(/^org-/, '')}`, organisationId, serviceId: `svc-${service.slug}`, from: ASSUMED_START, note: ASSUMED_USAGE_NOTE };
    if (viaOrganisationId) usage.viaOrganisationId = viaOrganisationId;
    usages.set(key, usage);
  };

  for (const { spec, entries } of userLists) {
    for (const entry of entries) {
      const group = groupByPlanName(entry.name);
      if (group) {
        // One record on the group: the app's users rule (usage-matrix.ts) makes each municipality in
        // `groupMemberIds` a user through it, and counts the group itself, as memberIdsAt does for members.
        addUsage(spec, orgs.group(group, entry), undefined, entry.name);
        continue;
      }
      const hostId = orgs.municipality(entry.name);
      addUsage(spec, hostId, undefined, entry.name);
      for (const partner of entry.partners) addUsage(spec, orgs.municipality(partner), hostId, partner);
      if (entry.partners.length > 0) {
        orgs.addNote(hostId, `Värdkommun för ${spec.name} åt ${entry.partners.map((p) => orgs.get(orgs.municipality(p)).name).join(', ')}.`);
      }
    }
  }

  const services: Service[] = SERVICE_SPECS.map((spec) => buildService(plan, spec));

  // -------------------------------------------------------------- networks
  const councils: Network[] = SERVICE_SPECS.map((spec) => ({
    id: `net-forvaltningsrad-${spec.slug}`,
    kind: 'forvaltningsrad',
    name: `Förvaltningsråd ${spec.name}`,
    description: [
      'Användande kommuner beslutar gemensamt om tjänstens utveckling; rådets organisationer följer av tjänstens användare.',
      spec.councilNote ?? '',
      spec.users.kind === 'none' ? 'Tjänsten har enligt planen ingen användarkommun.' : '',
    ]
      .filter((s) => s !== '')
      .join(' '),
    serviceId: `svc-${spec.slug}`,
    roster: [],
    meetings: [],
    archived: false,
  }));
  for (const service of services) service.councilNetworkId = `net-forvaltningsrad-${service.id.replace(/^svc-/, '')}`;

  const egilParties = readEgilParties(plan);
  const networks: Network[] = NETWORK_SPECS.map((spec) => {
    findHeading(plan, spec.planHeading);
    if (spec.evidence && !plan.flat.includes(spec.evidence)) throw new Error(`${spec.name}: "${spec.evidence}" hittades inte i planen`);
    const rosterSpecs = spec.id === 'net-egil-projektparter' ? egilParties : spec.roster;
    const network: Network = {
      id: spec.id,
      kind: spec.kind,
      name: spec.name,
      description: spec.description,
      roster: rosterSpecs.map((r) => rosterEntry(spec.id, r, orgs)),
      meetings: [],
      archived: false,
    };
    if (spec.startDate) network.startDate = spec.startDate;
    return network;
  });

  // -------------------------------------------------------------- memberships
  // A member is an organisation the plan names as a direct user of a service (Provisum hosts included), and
  // the two kommunalförbund that use EGIL as groups. Municipalities inside a member group take their status
  // from the group (memberIdsAt), so they get no period of their own: that would bill them twice.
  // Groups the plan names as users but that are not recorded as members (Norrort, Västra Gästrikland) are
  // left out, see GROUPS.
  const memberGroups = GROUPS.filter((g) => g.isMember && orgs.has(g.id));
  const nonMemberGroups = new Set(GROUPS.filter((g) => !g.isMember).map((g) => g.id));
  const coveredByGroup = new Set(memberGroups.flatMap((g) => orgs.get(g.id).groupMemberIds));
  const memberIds = new Set<string>(memberGroups.map((g) => g.id));
  for (const usage of usages.values()) {
    const id = usage.organisationId;
    if (usage.viaOrganisationId === undefined && !coveredByGroup.has(id) && !nonMemberGroups.has(id)) memberIds.add(id);
  }
  const memberships: Membership[] = [...memberIds].sort().map((organisationId) => ({
    id: `mem-${organisationId.replace(/^org-/, '')}`,
    organisationId,
    // The plan names who is a member, not since when: «medlem sedan före 2022-01-01» (DATA-NOTES.md).
    joined: PLAN_MEMBERS_BEFORE,
    startKnown: 'before' as const,
    note: PLAN_MEMBERS_NOTE,
  }));

  // -------------------------------------------------------------- the document
  const raw = {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      associationName: 'Föreningen Sambruk',
      createdAt: TIMESTAMP,
      updatedAt: TIMESTAMP,
      revision: 0,
      source: `Verksamhetsplan 2022 (${PLAN_DATE})`,
    },
    reference,
    organisations: orgs.all(),
    memberships,
    contacts: [],
    services,
    usages: [...usages.values()].sort((a, b) => compareIds(a.id, b.id)),
    networks: [...councils, ...networks],
    budget: readBudget(plan),
    feeTables: [FEE_TABLE_2020],
    goals: readGoals(plan, findings.statedMemberCount),
    planFigures: readPlanFigures(plan),
    boardPacks: [],
    selections: [],
    changeLog: [],
    settings: {},
  };
  // The example billing details follow from who is invoiced, which the fee and price rules work out on the
  // validated register.
  const document = validateDocument(raw);
  return { document: validateDocument({ ...document, invoicing: exampleInvoicing(document) }), findings };
}

// ---------------------------------------------------------------------------------------------------------

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class OrganisationRegistry {
  private readonly byId = new Map<string, Organisation>();
  private readonly orgNumbers: Map<string, string>;

  constructor(
    private readonly matcher: MunicipalityMatcher,
    municipalities: readonly { code: string; orgNumber?: string }[],
  ) {
    this.orgNumbers = new Map(municipalities.flatMap((m) => (m.orgNumber ? [[m.code, m.orgNumber] as const] : [])));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Organisation {
    const org = this.byId.get(id);
    if (!org) throw new Error(`Organisationen ${id} finns inte`);
    return org;
  }

  /** The organisation for a municipality named in the plan (created on first use). */
  municipality(planName: string): string {
    const [code = ''] = this.matcher.codesOf([planName], 'Planen');
    const id = municipalityOrgId(code);
    if (!this.byId.has(id)) {
      const org: Organisation = {
        id,
        kind: 'kommun',
        name: this.matcher.officialName(code),
        municipalityCode: code,
        groupMemberIds: [],
        note: '',
        archived: false,
        createdAt: TIMESTAMP,
      };
      const orgNumber = this.orgNumbers.get(code);
      if (orgNumber) org.orgNumber = orgNumber;
      this.byId.set(id, org);
    }
    return id;
  }

  /** A group and its member municipalities; the plan's stated count ("13 kommuner") must match. */
  group(def: GroupDefinition, entry?: ListEntry): string {
    const memberNames = def.memberNames ?? entry?.partners ?? [];
    if (def.memberNames && entry && entry.partners.length > 0) {
      throw new Error(`${def.planName}: planen listar medlemmar som redan är givna (${entry.partners.join(', ')})`);
    }
    if (memberNames.length === 0) throw new Error(`${def.planName}: inga medlemskommuner kända`);
    if (entry?.statedCount !== undefined && entry.statedCount !== memberNames.length) {
      throw new Error(`${def.planName}: planen anger ${entry.statedCount} kommuner, gruppen har ${memberNames.length}`);
    }
    const memberIds = memberNames.map((n) => this.municipality(n)).sort(compareIds);
    const existing = this.byId.get(def.id);
    if (existing) {
      if (existing.groupMemberIds.join() !== memberIds.join()) throw new Error(`${def.planName}: olika medlemmar på olika ställen i planen`);
      return def.id;
    }
    this.byId.set(def.id, {
      id: def.id,
      kind: def.kind,
      name: def.name,
      countyCode: def.countyCode,
      groupMemberIds: memberIds,
      note: def.note,
      archived: false,
      createdAt: TIMESTAMP,
    });
    return def.id;
  }

  other(id: string): string {
    if (this.byId.has(id)) return id;
    const group = GROUPS.find((g) => g.id === id);
    if (group) return this.group(group);
    const def = OTHER_ORGANISATIONS.find((o) => o.id === id);
    if (!def) throw new Error(`Okänd organisation ${id}`);
    const org: Organisation = { id, kind: def.kind, name: def.name, groupMemberIds: [], note: def.note, archived: false, createdAt: TIMESTAMP };
    if (def.countyCode) org.countyCode = def.countyCode;
    this.byId.set(id, org);
    return id;
  }

  addNote(id: string, note: string): void {
    const org = this.get(id);
    if (!org.note.includes(note)) org.note = org.note === '' ? note : `${org.note} ${note}`;
  }

  all(): Organisation[] {
    return [...this.byId.values()].sort((a, b) => compareIds(a.id, b.id));
  }
}

function readUserList(plan: PlanText, spec: ServiceSpec, findings: BuildFindings): ListEntry[] {
  const text = section(plan, ...spec.section);
  if (spec.users.kind === 'none') {
    if (!text.flat.includes(spec.users.evidence)) throw new Error(`${spec.name}: planens uppgift om att tjänsten saknar användare hittades inte`);
    return [];
  }
  const opts: { match?: 'exact' | 'prefix'; stopAt?: string } = {};
  if (spec.users.match) opts.match = spec.users.match;
  if (spec.users.stopAt) opts.stopAt = spec.users.stopAt;
  const { entries, emptyItems } = parseList(paragraphAfter(text, spec.users.heading, opts));
  if (emptyItems > 0) findings.emptyListItems.push({ service: spec.name, count: emptyItems });
  if (entries.length === 0) throw new Error(`${spec.name}: tom lista över användande kommuner`);
  return entries;
}

function buildService(plan: PlanText, spec: ServiceSpec): Service {
  const text = section(plan, ...spec.section);
  const service: Service = {
    id: `svc-${spec.slug}`,
    name: spec.name,
    description: spec.description,
    businessArea: spec.businessArea,
    technicalManager: '',
    operator: '',
    contentManager: '',
    supplier: '',
    pricing: [],
    archived: false,
  };
  if (spec.managersFromSection) {
    for (const { label, field } of MANAGER_LABELS) service[field] = labelledValue(text, label) ?? '';
  }
  return service;
}

/**
 * EGIL's "Deltagande projektparter, medfinansiärer": municipalities and Höglandsförbundet in the first
 * paragraph, Internetstiftelsen and the publishers in the second.
 */
function readEgilParties(plan: PlanText): RosterSpec[] {
  const egil = section(plan, 'Egil', 'Ekonomiskt bistånd');
  const { entries, emptyItems } = parseList(paragraphAfter(egil, 'Deltagande projektparter, medfinansiärer:'));
  if (emptyItems > 0) throw new Error('EGIL: tomma namn bland projektparterna');
  const parties: RosterSpec[] = entries.map((e) => {
    const group = groupByPlanName(e.name);
    return group ? { organisationId: group.id, participation: 'medfinansiar' } : { municipality: e.name, participation: 'medfinansiar' };
  });
  const m = /Internetstiftelsen i Sverige, samt läromedelsförlagen (.+?)\. Förvaltning/.exec(egil.flat);
  if (!m?.[1]) throw new Error('EGIL: stycket om Internetstiftelsen och läromedelsförlagen hittades inte');
  parties.push({ organisationId: 'org-internetstiftelsen', participation: 'medfinansiar' });
  for (const publisher of m[1].split(/, | och /)) parties.push({ externalName: publisher.trim(), participation: 'partner' });
  return parties;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function rosterEntry(networkId: string, spec: RosterSpec, orgs: OrganisationRegistry): RosterEntry {
  const base = { role: 'deltagare' as const, participation: spec.participation ?? 'deltagare', from: spec.from ?? ASSUMED_START };
  const withEnd = <T extends object>(entry: T): T & { to?: string } => (spec.to ? { ...entry, to: spec.to } : entry);
  const prefix = `ros-${networkId.replace(/^net-/, '')}`;
  if ('externalName' in spec) return withEnd({ id: `${prefix}-${slug(spec.externalName)}`, externalName: spec.externalName, ...base });
  const organisationId = 'municipality' in spec ? orgs.municipality(spec.municipality) : orgs.other(spec.organisationId);
  return withEnd({ id: `${prefix}-${organisationId.replace(/^org-/, '')}`, organisationId, ...base });
}

function statedMemberCount(plan: PlanText): number {
  const m = /vid ingången av 2022 - (\d+) medlemmar/.exec(plan.flat);
  if (!m?.[1]) throw new Error('Planen: antalet medlemmar vid ingången av 2022 hittades inte');
  return Number(m[1]);
}

// -------------------------------------------------------------------------------------------- budget

const BUDGET_LINES = [
  { id: 'bl-medlemsavgifter', label: 'Medlemsavgifter', kind: 'income', registerSource: 'membership-fees' },
  { id: 'bl-nettoomsattning', label: 'Nettoomsättning', kind: 'income', registerSource: 'service-revenue' },
  { id: 'bl-ovriga-intakter', label: 'Övriga intäkter', kind: 'income' },
  { id: 'bl-ovriga-externa-kostnader', label: 'Övriga externa kostnader', kind: 'cost' },
  { id: 'bl-personalkostnader', label: 'Personalkostnader', kind: 'cost' },
] as const;

/** Keys of `statedTotals`: the plan's own sums, kept so a difference can be shown, never used as figures. */
export const STATED_TOTALS = [
  { key: 'sum-income', label: 'Summa föreningens intäkter' },
  { key: 'sum-cost', label: 'Summa föreningens kostnader' },
  { key: 'result', label: 'Verksamhetsresultat (före finans)' },
] as const;

const COLUMN_KINDS: Record<string, 'utfall' | 'budget' | 'prognos'> = { Resultat: 'utfall', Utfall: 'utfall', Budget: 'budget', Prognos: 'prognos' };

function readBudget(plan: PlanText): Budget {
  const headerAt = findHeading(plan, 'Resultaträkning', 0, 'prefix');
  const years = /^Resultaträkning (\d{4}) (\d{4})$/.exec((plan.lines[headerAt] ?? '').trim());
  const kindWords = (plan.lines[headerAt - 1] ?? '').trim().split(/\s+/);
  if (!years || kindWords.length !== 2) throw new Error('Budget: kolumnrubrikerna ("Resultat Budget" / "Resultaträkning 2021 2022") hittades inte');
  const columns = [0, 1].map((i) => {
    const year = Number(years[i + 1]);
    const kind = COLUMN_KINDS[kindWords[i] ?? ''];
    if (!kind) throw new Error(`Budget: okänd kolumn "${kindWords[i] ?? ''}"`);
    return { id: `col-${year}-${kind}`, year, kind, amounts: {} as Record<string, number>, statedTotals: {} as Record<string, number> };
  });

  const amountsOf = (label: string): [number, number] => {
    for (let i = headerAt + 1; i < plan.lines.length; i++) {
      const line = (plan.lines[i] ?? '').trim();
      if (line.startsWith(`${label} `) && /^-?\d/.test(line.slice(label.length + 1))) return parseTwoAmounts(line.slice(label.length + 1));
    }
    throw new Error(`Budget: raden "${label}" hittades inte`);
  };
  const lines = BUDGET_LINES.map((def, order) => {
    const amounts = amountsOf(def.label);
    amounts.forEach((kr, i) => {
      // The plan writes costs negative and income positive; the register keeps that sign.
      if ((def.kind === 'income' && kr < 0) || (def.kind === 'cost' && kr > 0)) throw new Error(`Budget: ${def.label} har oväntat tecken`);
      const column = columns[i];
      if (column) column.amounts[def.id] = kr * 100;
    });
    return { id: def.id, name: def.label, kind: def.kind, order: order + 1, ...('registerSource' in def ? { registerSource: def.registerSource } : {}) };
  });
  for (const { key, label } of STATED_TOTALS) {
    amountsOf(label).forEach((kr, i) => {
      const column = columns[i];
      if (column) column.statedTotals[key] = kr * 100;
    });
  }
  return { lines, columns };
}

// -------------------------------------------------------------------------------------------- fees

/**
 * Membership fees decided by an extra general meeting, in force from 2020 (published on the association's
 * website; see DOMAIN.md). `minPopulation` is inclusive: a municipality of exactly 7 000 pays the
 * 7 000–14 999 band. The note names the bands as the fee table shows them.
 */
const KR = 100;
export const FEE_TABLE_2020: FeeTable = {
  year: 2020,
  bands: [
    { minPopulation: 0, entryFeeOre: 5_000 * KR, yearlyFeeOre: 5_000 * KR },
    { minPopulation: 7_000, entryFeeOre: 5_000 * KR, yearlyFeeOre: 10_000 * KR },
    { minPopulation: 15_000, entryFeeOre: 10_000 * KR, yearlyFeeOre: 25_000 * KR },
    { minPopulation: 25_000, entryFeeOre: 10_000 * KR, yearlyFeeOre: 35_000 * KR },
    { minPopulation: 50_000, entryFeeOre: 10_000 * KR, yearlyFeeOre: 50_000 * KR },
    { minPopulation: 100_000, entryFeeOre: 20_000 * KR, yearlyFeeOre: 65_000 * KR },
    { minPopulation: 150_000, entryFeeOre: 25_000 * KR, yearlyFeeOre: 80_000 * KR },
  ],
  otherOrganisations: { entryFeeOre: 5_000 * KR, yearlyFeeOre: 25_000 * KR },
  rejoinEntryFeePercent: 50,
  populationYearOffset: -1,
  // The decision defines only «andra organisationer»; banding a group on its municipalities is the register's
  // reading until the association decides (DATA-NOTES.md).
  groupRule: { basis: 'combined-population', status: 'att-bekrafta', decision: '' },
  note:
    'Beslutad av extra föreningsstämma, gäller från 2020. Nedre gränsen hör till avgiftsklassen: ' +
    'en kommun med exakt 7 000 invånare betalar som 7 000–14 999 invånare, en med exakt 150 000 som 150 000 invånare och fler. ' +
    'Första årets avgift räknas från månaden efter inträdet. Återinträde: 50 % av ordinarie medlemsinsats.',
};

// -------------------------------------------------------------------------------------------- goals

const NUMBER_WORDS: Record<string, number> = { en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6 };

function requireMatch(plan: PlanText, pattern: RegExp, what: string): RegExpExecArray {
  const m = pattern.exec(plan.flat);
  if (!m) throw new Error(`Planen: målet "${what}" hittades inte`);
  return m;
}

function readGoals(plan: PlanText, statedMemberCount: number): Goal[] {
  const goals: Goal[] = [];
  const add = (goal: Omit<Goal, 'id' | 'order'>) =>
    goals.push({ id: `goal-${goal.year}-${goal.metric}`, order: goals.length + 1, ...goal });

  const members = requireMatch(plan, /Sambruk ska ha minst (\d+) medlemmar \((\d{4})\)/, 'minst N medlemmar');
  add({
    year: Number(members[2]),
    title: `Minst ${members[1]} medlemmar`,
    description: `Sambruk ska ha minst ${members[1] ?? ''} medlemmar (${statedMemberCount} vid ingången av 2022).`,
    metric: 'member-count',
    comparison: 'at-least',
    target: Number(members[1]),
  });

  const lost = requireMatch(plan, /Sambruk skall inte tappa någon medlem under (\d{4})/, 'inte tappa någon medlem');
  add({
    year: Number(lost[1]),
    title: 'Ingen medlem lämnar',
    description: `Sambruk ska inte tappa någon medlem under ${lost[1]}.`,
    metric: 'members-lost',
    comparison: 'at-most',
    target: 0,
  });

  const more = requireMatch(plan, /Varje medlemskommun med en tjänst ska nyttja ytterligare en \(1\) tjänst \((\d{4})\)/, 'ytterligare en tjänst');
  add({
    year: Number(more[1]),
    title: 'Medlemmar med en tjänst använder ytterligare en',
    description: 'Varje medlemskommun med en tjänst ska nyttja ytterligare en tjänst. Mäts som antalet medlemmar som använder exakt en tjänst.',
    metric: 'single-service-members',
    comparison: 'at-most',
    target: 0,
  });

  const none = requireMatch(
    plan,
    /Medlemskommuner som ännu inte nyttjar någon tjänst ser värdet i att använda en tjänst, eller delta i ett nätverk\. \((\d{4})\)/,
    'medlemmar utan tjänst',
  );
  add({
    year: Number(none[1]),
    title: 'Alla medlemmar använder en tjänst eller deltar i ett nätverk',
    description: 'Medlemskommuner som ännu inte nyttjar någon tjänst ser värdet i att använda en tjänst eller delta i ett nätverk.',
    metric: 'members-without-service-or-network',
    comparison: 'at-most',
    target: 0,
    // The plan names its members only as users of services, so every member in the default data uses one.
    byConstruction:
      'Standarddata tar medlemmarna ur planens listor över tjänsternas användare, så varje medlem där använder en tjänst. ' +
      'Målet säger något först när medlemmar som inte använder någon tjänst förs in.',
  });

  const share = requireMatch(plan, /En digital tjänst som mer än tre fjärdedelar av alla medlemmar använder \((\d{4})\)/, 'tre fjärdedelar');
  add({
    year: Number(share[1]),
    title: 'En tjänst som mer än tre fjärdedelar av medlemmarna använder',
    // A share is a fraction in this code base (amounts.ts formatShare, adoption.ts memberShare): 3/4 = 0.75.
    description: 'En digital tjänst som mer än tre fjärdedelar av alla medlemmar använder. Målvärdet är en andel av medlemmarna (0,75).',
    metric: 'max-service-member-share',
    comparison: 'more-than',
    target: 0.75,
  });

  const networks = requireMatch(
    plan,
    /Det ska finnas (\S+) kompetensnätverk med ett tydligt och relevant innehåll för digitalisering i samverkan med minst (\d+) deltagande \(medlems\) kommuner \((\d{4})\)/,
    'kompetensnätverk',
  );
  const networkCount = NUMBER_WORDS[networks[1] ?? ''];
  if (networkCount === undefined) throw new Error(`Planen: talordet "${networks[1] ?? ''}" är okänt`);
  // The metric counts networks with at least 20 member municipalities; the plan's threshold must be that.
  if (networks[2] !== '20') throw new Error(`Planen: nätverksmålet gäller ${networks[2] ?? '?'} kommuner, måttet räknar 20`);
  add({
    year: Number(networks[3]),
    title: `${networks[1] ?? ''} kompetensnätverk med minst 20 medlemskommuner`.replace(/^./, (c) => c.toUpperCase()),
    description: 'Kompetensnätverk med tydligt och relevant innehåll för digitalisering, vart och ett med minst 20 deltagande medlemskommuner.',
    metric: 'networks-with-20-members',
    comparison: 'at-least',
    target: networkCount,
  });

  const conferences = requireMatch(plan, /värd för (\d+)-(\d+) digitala konferenser med olika teman\..*?\((\d{4})\)/, 'digitala konferenser');
  add({
    year: Number(conferences[3]),
    title: `${conferences[1] ?? ''}–${conferences[2] ?? ''} digitala konferenser per år`,
    description:
      'Sambruk ska årligen vara aktiv delaktig i eller värd för 1–2 digitala konferenser med olika teman; områden och tjänster presenteras med webbinarier.',
    metric: 'conferences-held',
    comparison: 'between',
    target: Number(conferences[1]),
    targetMax: Number(conferences[2]),
    // Conferences only: the webinars that present the services are the sentence after, a kind of their own.
    eventKinds: ['konferens'],
  });

  const clear = requireMatch(plan, /Etablera tydliga nätverk för utbyte av erfarenhet och kompetens kring föreningens tjänster\. \((\d{4})\)/, 'tydliga nätverk');
  add({
    year: Number(clear[1]),
    title: 'Tydliga nätverk kring föreningens tjänster',
    description:
      'Etablera tydliga nätverk för utbyte av erfarenhet och kompetens kring föreningens tjänster. Mäts som andelen tjänster vars ' +
      'förvaltningsråd (planen: förvaltningsråden skapar tydliga nätverk kring tjänsterna) har deltagare.',
    metric: 'services-with-council',
    comparison: 'at-least',
    target: 1,
  });

  const board = requireMatch(plan, /ha minst (\S+) medlemmar som inte jobbar med it/, 'styrelsens sammansättning');
  const boardCount = NUMBER_WORDS[board[1] ?? ''];
  if (boardCount === undefined) throw new Error(`Planen: talordet "${board[1] ?? ''}" är okänt`);
  add({
    // The plan states it as a standing aim; it is kept with the plan's year.
    year: PLAN_YEAR,
    title: `Minst ${board[1] ?? ''} styrelseledamöter som inte arbetar med it`,
    description: 'En målsättning för styrelsens sammansättning: alltid sikta på minst tre ledamöter som inte arbetar med it.',
    metric: 'board-members-outside-it',
    comparison: 'at-least',
    target: boardCount,
  });
  return goals;
}

// -------------------------------------------------------------------------------------------- stated figures

const PLAN_YEAR = 2022;

/**
 * Counts the plan states that the register may not reproduce, kept beside the register's own. Each is found by
 * its sentence; a changed plan text stops the build rather than losing a figure.
 */
function readPlanFigures(plan: PlanText): PlanFigure[] {
  const source = (section: string) => `Verksamhetsplan 2022, avsnittet «${section}»`;
  const count = (pattern: RegExp, what: string) => Number(requireMatch(plan, pattern, what)[1]);
  return [
    {
      id: 'plan-members-2022',
      subject: 'members',
      date: '2022-01-01',
      value: statedMemberCount(plan),
      source: source('Målsättning för medlemsutveckling'),
      note: 'Planen: «Föreningen Sambruk har vid ingången av 2022 - 109 medlemmar». Registret namnger bara de medlemmar planen räknar upp som användare av tjänster.',
    },
    {
      id: 'plan-egil-2022',
      subject: 'service-municipalities',
      subjectId: 'svc-egil',
      date: PLAN_DATE,
      value: count(/För stunden är det (\d+) kommuner som samverkar runt EGIL/, 'kommuner runt EGIL'),
      source: source('Egil'),
      note: 'Planen: «För stunden är det 25 kommuner som samverkar runt EGIL». Listan över deltagande kommuner ger fler.',
    },
    {
      id: 'plan-bibblix-2022',
      subject: 'service-municipalities',
      subjectId: 'svc-bibblix',
      date: '2022-01-01',
      value: count(/Vid årsskiftet 2021\/-22 var det (\d+) kommuner som hittills anslutit sig till Bibblix/, 'kommuner i Bibblix'),
      source: source('Bibblix för folkbibliotek i Sverige'),
      note: 'Planen: «Vid årsskiftet 2021/-22 var det 39 kommuner som hittills anslutit sig till Bibblix».',
    },
    {
      id: 'plan-hantering-av-appar-2022',
      subject: 'network-municipalities',
      subjectId: 'net-hantering-av-appar',
      date: PLAN_DATE,
      value: count(/(\d+) kommuner för närvarande deltar i projektet Hantering av appar/, 'kommuner i Hantering av appar'),
      source: source('Hantering av appar och personuppgifter'),
      note: 'Planen anger antalet men namnger inte kommunerna.',
    },
    {
      id: 'plan-iot-2022',
      subject: 'network-municipalities',
      subjectId: 'net-iot',
      date: PLAN_DATE,
      value: count(/(\d+) kommuner har hittills anmält intresse/, 'kommuner i IoT-nätverket'),
      source: source('IoT Sverige'),
      note: 'Planen: «4 kommuner har hittills anmält intresse» för nätverket om IoT i kommunal verksamhet.',
    },
  ];
}
