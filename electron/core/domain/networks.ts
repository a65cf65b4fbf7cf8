/**
 * Networks: competence networks, governance councils, projects and partnerships, and the figures the
 * plan's goals ask of them.
 *
 * Participating member municipalities of a network at a date (goal 6: four competence networks with at
 * least 20 each): the organisations of the roster entries in force (an organisation entry's own, a
 * person's organisation), plus, for a governance council, the users of its service; a group counts as
 * its municipalities; of these, the municipalities (organisations with a municipality code, each code
 * once) that are members at the date.
 *
 * A governance council's organisations are not kept on its roster: they follow from who uses its
 * service at the date (users rule in usage-matrix.ts). The roster holds the persons who represent them.
 */
import type { Transaction } from '../store/transaction';
import type {
  CouncilOrganisation,
  EmailList,
  EmailRecipient,
  MeetingView,
  NetworkDetail,
  NetworkFigures,
  NetworkSummary,
  RosterEntryView,
} from '../../contract/channels/networks.channels';
import type { UsageCell } from '../../contract/channels/usage.channels';
import type { Contact, Network, NetworkKind, Organisation, SambrukDocument, Service } from '../store/schema';
import { memberIdsAt } from './memberships';
import { activeEntries, entryOrganisationId, representativeRoles } from './rosters';
import { nameKey, periodActiveAt } from './services';
import { compareSv } from './swedish';
import { byNameRank, organisationNameRanks } from './name-order';
import { groupMembersById, usersOfServicesAt } from './usage-matrix';
import { eventsInYear } from './attendance';
import { fieldError } from './field-errors';

/** The plan's goal 6: at least 20 participating member municipalities … */
export const MUNICIPALITY_GOAL = 20;
/** … in each of four competence networks. */
export const NETWORK_GOAL = 4;

export const networkKindOrder: readonly NetworkKind[] = ['kompetensnatverk', 'forvaltningsrad', 'projekt', 'partnerskap', 'styrelse'];

/** A network runs at `date` when not archived and the date lies within its start and end (each optional, inclusive). */
export function networkActiveAt(network: Pick<Network, 'archived' | 'startDate' | 'endDate'>, date: string): boolean {
  if (network.archived) return false;
  if (network.startDate !== undefined && date < network.startDate) return false;
  return network.endDate === undefined || date <= network.endDate;
}

/** Refuses a second network of the same kind with the same name (ignoring case). */
export function assertUniqueNetworkName(doc: Pick<SambrukDocument, 'networks'>, kind: NetworkKind, name: string, ignoreId?: string): void {
  const key = nameKey(name);
  const existing = doc.networks.find((n) => n.id !== ignoreId && n.kind === kind && nameKey(n.name) === key);
  if (existing) {
    throw fieldError('duplicate', 'name', `Det finns redan ett nätverk av den typen som heter ${existing.name}.`, { existingId: existing.id });
  }
}

/**
 * Links a governance council and its service both ways (`network.serviceId`, `service.councilNetworkId`),
 * or unlinks with `serviceId` undefined. Refuses a service that already has another council, a network
 * that is not a förvaltningsråd, and a missing service. When the service side asks (`fromService`), a
 * council that governs another service is refused too; the council's own side may move it.
 */
export function linkCouncil(tx: Transaction, networkId: string, serviceId: string | undefined, options: { fromService?: boolean } = {}): void {
  const network = tx.networks.get(networkId);
  if (!network) throw fieldError('not-found', 'councilNetworkId', 'Nätverket finns inte.');
  if (serviceId !== undefined && options.fromService && network.serviceId !== undefined && network.serviceId !== serviceId) {
    const governed = tx.services.get(network.serviceId);
    throw fieldError('conflict', 'councilNetworkId', `${network.name} är redan förvaltningsråd för ${governed?.name ?? 'en annan tjänst'}.`);
  }
  if (serviceId !== undefined) {
    if (network.kind !== 'forvaltningsrad') {
      throw fieldError('validation', 'serviceId', 'Bara ett förvaltningsråd kan höra till en tjänst.');
    }
    const service = tx.services.get(serviceId);
    if (!service) throw fieldError('not-found', 'serviceId', 'Tjänsten finns inte.');
    const other = tx.networks.all().find((n) => n.id !== networkId && n.serviceId === serviceId);
    if (other) {
      throw fieldError('conflict', 'serviceId', `${service.name} har redan förvaltningsrådet ${other.name}.`, { existingId: other.id });
    }
  }
  const unlink = (s: Service) =>
    tx.services.update(s.id, (draft) => {
      delete draft.councilNetworkId;
    });
  const previous = network.serviceId;
  if (previous !== undefined && previous !== serviceId) {
    const old = tx.services.get(previous);
    if (old && old.councilNetworkId === networkId) unlink(old);
  }
  if (serviceId === undefined) {
    tx.networks.update(networkId, (draft) => {
      delete draft.serviceId;
    });
    for (const s of [...tx.services.all()]) if (s.councilNetworkId === networkId) unlink(s);
    return;
  }
  tx.networks.update(networkId, { serviceId });
  tx.services.update(serviceId, { councilNetworkId: networkId });
}

/** What the network figures need, computed once per call rather than once per network. */
export type NetworkContext = {
  date: string;
  members: Set<string>;
  readonly contactsById: Map<string, Contact>;
  orgById: Map<string, Organisation>;
  servicesById: Map<string, Service>;
  groups: Map<string, readonly string[]>;
  usersOfService: (serviceId: string) => ReadonlyMap<string, UsageCell>;
  /** `participatingMunicipalities` per network record (frozen per state): the list and the figures both ask. */
  participating: WeakMap<Network, readonly { organisationId: string; name: string }[]>;
  /** Each organisation name's place in Swedish order (made when first asked): sorting by it is `compareSv`'s order. */
  readonly nameRanks: ReadonlyMap<string, number>;
};

/** The parts of the register a context is made from: nothing else may be read through it. */
type ContextParts = Pick<SambrukDocument, 'organisations' | 'memberships' | 'contacts' | 'services' | 'usages'>;

type ContextMemo = { parts: ContextParts; byDate: Map<string, NetworkContext> };

/**
 * Contexts per state of the parts they are made from (the repository's frozen arrays), and date. Keyed by the
 * parts, not the document: a figure computed through figure-cache.ts reads the document through a view of its
 * own, and a change to a table the context does not read (a roster, a goal) keeps it.
 */
const contextMemo = new WeakMap<readonly Organisation[], ContextMemo>();
/** Dates remembered per document state: browsing dates must not grow memory. */
const CONTEXT_DATES = 8;

/**
 * The context of a date, remembered per state of the parts it reads: the network list and its goal figures ask
 * for the same one on every visit, the board pack for each of its goals and sections, and opening an
 * organisation again must not index 20 000 persons again. Only frozen parts are remembered (a plain document may
 * change in place); the repository makes a new array for every table a change touches.
 */
export function networkContext(doc: SambrukDocument, date: string): NetworkContext {
  // Read here, through whatever view of the document the caller holds, so that a figure computed around this
  // call depends on every part the context is made from.
  const parts: ContextParts = {
    organisations: doc.organisations,
    memberships: doc.memberships,
    contacts: doc.contacts,
    services: doc.services,
    usages: doc.usages,
  };
  if (!Object.values(parts).every((part) => Object.isFrozen(part))) return makeNetworkContext(parts, date);
  let memo = contextMemo.get(parts.organisations);
  const same = (kept: ContextParts) => (Object.keys(parts) as (keyof ContextParts)[]).every((key) => kept[key] === parts[key]);
  if (!memo || !same(memo.parts)) contextMemo.set(parts.organisations, (memo = { parts, byDate: new Map() }));
  let ctx = memo.byDate.get(date);
  if (!ctx) {
    if (memo.byDate.size >= CONTEXT_DATES) memo.byDate.delete(memo.byDate.keys().next().value as string);
    memo.byDate.set(date, (ctx = makeNetworkContext(parts, date)));
  }
  return ctx;
}

const personsMemo = new WeakMap<readonly Contact[], Map<string, Contact>>();

/** The persons by id, one index per frozen state of the persons for every date's context (read, never changed). */
function personsById(contacts: readonly Contact[]): Map<string, Contact> {
  const kept = personsMemo.get(contacts);
  if (kept) return kept;
  const made = new Map(contacts.map((c) => [c.id, c]));
  if (Object.isFrozen(contacts)) personsMemo.set(contacts, made);
  return made;
}

function makeNetworkContext(parts: ContextParts, date: string): NetworkContext {
  const { organisations, contacts } = parts;
  const groups = groupMembersById(organisations);
  let contactsById: Map<string, Contact> | undefined;
  return {
    date,
    members: memberIdsAt(parts, date),
    // Made when first asked: the list and its figures rarely need it (an entry stores its person's organisation).
    get contactsById() {
      return (contactsById ??= personsById(contacts));
    },
    orgById: new Map(organisations.map((o) => [o.id, o])),
    servicesById: new Map(parts.services.map((s) => [s.id, s])),
    groups,
    usersOfService: usersOfServicesAt(parts, date),
    participating: new WeakMap(),
    get nameRanks() {
      return organisationNameRanks(organisations);
    },
  };
}

/** Sorts rows by organisation name in Swedish order, through the names' ranks (one comparison of texts per name). */
function byOrganisationName<T extends { name: string }>(ctx: NetworkContext, rows: T[]): T[] {
  const compare = byNameRank(ctx.nameRanks);
  return rows.sort((a, b) => compare(a.name, b.name));
}

/**
 * A governance council's organisations at the date: the users of its service, each with its representative,
 * the organisation's person on the roster in force with role ordförande (preferred) or ledamot, if any.
 * Empty for other kinds and for a council without a service.
 */
export function councilOrganisationsAt(ctx: NetworkContext, network: Network): CouncilOrganisation[] {
  if (network.kind !== 'forvaltningsrad' || network.serviceId === undefined) return [];
  const representatives = new Map<string, NonNullable<CouncilOrganisation['representative']>>();
  for (const entry of activeEntries(network.roster, ctx.date)) {
    if (entry.contactId === undefined) continue;
    const rank = representativeRoles.indexOf(entry.role);
    if (rank < 0) continue;
    const orgId = entryOrganisationId(entry, ctx.contactsById);
    if (orgId === undefined) continue;
    const name = ctx.contactsById.get(entry.contactId)?.name ?? 'Okänd person';
    const current = representatives.get(orgId);
    const currentRank = current ? representativeRoles.indexOf(current.role) : Infinity;
    if (!current || rank < currentRank || (rank === currentRank && compareSv(name, current.name) < 0)) {
      representatives.set(orgId, { entryId: entry.id, contactId: entry.contactId, name, role: entry.role });
    }
  }
  const result: CouncilOrganisation[] = [];
  for (const [organisationId, cell] of ctx.usersOfService(network.serviceId)) {
    const representative = representatives.get(organisationId);
    result.push({
      organisationId,
      name: ctx.orgById.get(organisationId)?.name ?? 'Okänd organisation',
      isMember: ctx.members.has(organisationId),
      source: cell.source,
      usingFrom: cell.from,
      ...(representative ? { representative } : {}),
    });
  }
  return byOrganisationName(ctx, result);
}

/** How many organisations `councilOrganisationsAt` lists (one per user of the council's service), without listing them. */
export function councilOrganisationCount(ctx: NetworkContext, network: Network): number {
  if (network.kind !== 'forvaltningsrad' || network.serviceId === undefined) return 0;
  return ctx.usersOfService(network.serviceId).size;
}

/** The member municipalities taking part in a network at the context's date (rule in the header). */
export function participatingMunicipalities(ctx: NetworkContext, network: Network): { organisationId: string; name: string }[] {
  return byOrganisationName(ctx, [...participatingUnsorted(ctx, network)]);
}

/** How many member municipalities take part: the list and the figures need only the number, not the sorted names. */
function participatingCount(ctx: NetworkContext, network: Network): number {
  return participatingUnsorted(ctx, network).length;
}

function participatingUnsorted(ctx: NetworkContext, network: Network): readonly { organisationId: string; name: string }[] {
  const known = ctx.participating.get(network);
  if (known) return known;
  const result = computeParticipating(ctx, network);
  if (Object.isFrozen(network)) ctx.participating.set(network, result);
  return result;
}

/** `entryOrganisationId` that indexes the persons only for an entry naming a person but not the organisation. */
function entryOrgOf(ctx: NetworkContext, entry: Pick<Network['roster'][number], 'organisationId' | 'contactId'>): string | undefined {
  if (entry.organisationId !== undefined || entry.contactId === undefined) return entry.organisationId;
  return entryOrganisationId(entry, ctx.contactsById);
}

/** The participating municipalities in no particular order (callers that show them sort them). */
function computeParticipating(ctx: NetworkContext, network: Network): { organisationId: string; name: string }[] {
  const orgIds = new Set<string>();
  for (const entry of activeEntries(network.roster, ctx.date)) {
    const orgId = entryOrgOf(ctx, entry);
    if (orgId !== undefined) orgIds.add(orgId);
  }
  if (network.kind === 'forvaltningsrad' && network.serviceId !== undefined) {
    for (const userId of ctx.usersOfService(network.serviceId).keys()) orgIds.add(userId);
  }
  for (const orgId of [...orgIds]) for (const memberId of ctx.groups.get(orgId) ?? []) orgIds.add(memberId);
  const byCode = new Map<string, { organisationId: string; name: string }>();
  for (const orgId of orgIds) {
    const org = ctx.orgById.get(orgId);
    if (!org?.municipalityCode || !ctx.members.has(orgId) || byCode.has(org.municipalityCode)) continue;
    byCode.set(org.municipalityCode, { organisationId: org.id, name: org.name });
  }
  return [...byCode.values()];
}

export function networkSummary(ctx: NetworkContext, network: Network): NetworkSummary {
  const active = activeEntries(network.roster, ctx.date);
  const service = network.serviceId !== undefined ? ctx.servicesById.get(network.serviceId) : undefined;
  // Meetings after the date are planned: the last held is the latest up to it, the next the earliest after it.
  let lastMeetingDate: string | undefined;
  let nextMeetingDate: string | undefined;
  for (const m of network.meetings) {
    if (m.date <= ctx.date) {
      if (lastMeetingDate === undefined || m.date > lastMeetingDate) lastMeetingDate = m.date;
    } else if (nextMeetingDate === undefined || m.date < nextMeetingDate) nextMeetingDate = m.date;
  }
  return {
    id: network.id,
    kind: network.kind,
    name: network.name,
    description: network.description,
    ...(network.serviceId !== undefined ? { serviceId: network.serviceId } : {}),
    ...(service ? { serviceName: service.name } : {}),
    ...(network.startDate !== undefined ? { startDate: network.startDate } : {}),
    ...(network.endDate !== undefined ? { endDate: network.endDate } : {}),
    archived: network.archived,
    activeEntries: active.length,
    activePersons: new Set(active.filter((e) => e.contactId !== undefined).map((e) => e.contactId)).size,
    participatingMemberMunicipalities: participatingCount(ctx, network),
    meetingCount: network.meetings.length,
    ...(lastMeetingDate !== undefined ? { lastMeetingDate } : {}),
    ...(nextMeetingDate !== undefined ? { nextMeetingDate } : {}),
  };
}

export function rosterEntryView(ctx: NetworkContext, entry: Network['roster'][number]): RosterEntryView {
  const contact = entry.contactId !== undefined ? ctx.contactsById.get(entry.contactId) : undefined;
  const orgId = entryOrganisationId(entry, ctx.contactsById);
  const org = orgId !== undefined ? ctx.orgById.get(orgId) : undefined;
  return {
    ...entry,
    displayName: contact?.name ?? org?.name ?? entry.externalName ?? 'Okänd deltagare',
    ...(org ? { organisationName: org.name } : {}),
    ...(contact ? { contactName: contact.name, contactEmail: contact.email } : {}),
    ...(orgId !== undefined ? { representsOrganisationId: orgId } : {}),
    active: periodActiveAt(entry, ctx.date),
  };
}

export function networkDetail(ctx: NetworkContext, network: Network): NetworkDetail {
  const roster = network.roster
    .map((e) => rosterEntryView(ctx, e))
    .sort((a, b) => Number(b.active) - Number(a.active) || compareSv(a.displayName, b.displayName) || a.from.localeCompare(b.from));
  const meetings: MeetingView[] = [...network.meetings]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((m) => ({
      ...m,
      attendees: m.attendeeContactIds.map((contactId) => {
        const contact = ctx.contactsById.get(contactId);
        const org = contact ? ctx.orgById.get(contact.organisationId) : undefined;
        return { contactId, name: contact?.name ?? 'Okänd person', ...(org ? { organisationName: org.name } : {}) };
      }),
      attendeeOrganisations: (m.attendeeOrganisationIds ?? []).map((organisationId) => ({
        organisationId,
        name: ctx.orgById.get(organisationId)?.name ?? 'Okänd organisation',
      })),
      planned: m.date > ctx.date,
    }));
  const council = network.kind === 'forvaltningsrad' ? { council: councilOrganisationsAt(ctx, network) } : {};
  return {
    ...networkSummary(ctx, network),
    date: ctx.date,
    roster,
    meetings,
    participatingMunicipalities: participatingMunicipalities(ctx, network),
    ...council,
  };
}

export function sortNetworks<N extends Pick<Network, 'kind' | 'name'>>(networks: readonly N[]): N[] {
  return [...networks].sort((a, b) => networkKindOrder.indexOf(a.kind) - networkKindOrder.indexOf(b.kind) || compareSv(a.name, b.name));
}

/**
 * The plan's network goals at `date`: every network running at the date with its participating member
 * municipalities; competence networks with at least `municipalityGoal` count towards the goal of
 * `networkGoal` such networks (other kinds are listed but never count). Events: those held in `year` by `date`
 * (later ones are planned).
 */
export function networkFigures(
  doc: SambrukDocument,
  date: string,
  year: number,
  goals: { municipalityGoal?: number; networkGoal?: number } = {},
): NetworkFigures {
  const municipalityGoal = goals.municipalityGoal ?? MUNICIPALITY_GOAL;
  const networkGoal = goals.networkGoal ?? NETWORK_GOAL;
  const ctx = networkContext(doc, date);
  const networks = sortNetworks(doc.networks.filter((n) => networkActiveAt(n, date))).map((network) => {
    const count = participatingCount(ctx, network);
    return {
      networkId: network.id,
      name: network.name,
      kind: network.kind,
      participatingMemberMunicipalities: count,
      reachesMunicipalityGoal: count >= municipalityGoal,
    };
  });
  const networksReachingGoal = networks.filter((n) => n.kind === 'kompetensnatverk' && n.reachesMunicipalityGoal).length;
  return {
    date,
    year,
    municipalityGoal,
    networkGoal,
    networks,
    networksReachingGoal,
    networkGoalReached: networksReachingGoal >= networkGoal,
    events: eventsInYear(doc, year, date),
  };
}

const EMAIL_PATTERN = /^[^\s@<>;,"()[\]\\]+@[^\s@<>;,"()[\]\\.]+(\.[^\s@<>;,"()[\]\\.]+)+$/u;

/** Whether an address can go on a mail program's address line (å, ä, ö allowed in the domain). */
export function isUsableEmail(email: string): boolean {
  return EMAIL_PATTERN.test(email.trim());
}

/** `Namn <adress>`; a name with characters special in mail headers is quoted, so commas cannot split it. */
export function formatAddress(name: string, email: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (clean === '') return email.trim();
  const display = /[()<>[\]:;@\\,."]/.test(clean) ? `"${clean.replace(/["\\]/g, '\\$&')}"` : clean;
  return `${display} <${email.trim()}>`;
}

/**
 * The e-mail list of the chosen networks' persons with an entry in force at `date`: each address once
 * (compared without regard to case), sorted by name, joined with "; " as mail programs accept. Persons
 * without a usable address, or whose contact has ended before the date, are listed apart with the reason.
 */
export function emailList(doc: SambrukDocument, networkIds: readonly string[], date: string): EmailList {
  const contactsById = new Map(doc.contacts.map((c) => [c.id, c]));
  const orgNames = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const persons = new Map<string, Contact>();
  for (const networkId of networkIds) {
    const network = doc.networks.find((n) => n.id === networkId);
    if (!network) throw fieldError('not-found', 'networkIds', 'Ett av nätverken finns inte.');
    for (const entry of activeEntries(network.roster, date)) {
      const contact = entry.contactId !== undefined ? contactsById.get(entry.contactId) : undefined;
      if (contact) persons.set(contact.id, contact);
    }
  }
  const sorted = [...persons.values()].sort((a, b) => compareSv(a.name, b.name));
  const recipients: EmailRecipient[] = [];
  const withoutEmail: EmailList['withoutEmail'] = [];
  const seen = new Set<string>();
  for (const contact of sorted) {
    const organisationName = orgNames.get(contact.organisationId);
    const base = { contactId: contact.id, name: contact.name, ...(organisationName !== undefined ? { organisationName } : {}) };
    const email = contact.email.trim();
    if (contact.endedAt !== undefined && contact.endedAt < date) withoutEmail.push({ ...base, reason: 'slutat' });
    else if (email === '') withoutEmail.push({ ...base, reason: 'saknas' });
    else if (!isUsableEmail(email)) withoutEmail.push({ ...base, reason: 'ogiltig' });
    else {
      const key = email.toLocaleLowerCase('sv-SE');
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push({ ...base, email });
    }
  }
  return { text: recipients.map((r) => formatAddress(r.name, r.email)).join('; '), recipients, withoutEmail };
}
