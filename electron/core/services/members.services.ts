/**
 * The member register's channels: organisations, membership periods, contact persons, register figures,
 * coverage, fees and the change log.
 *
 * Every change reads the document as it stands when the change runs (`original(draft)`, inside the
 * repository's queue), checks it there, and returns change-log records with plain before/after copies.
 */
import { original, type Draft } from 'immer';
import { AppError, type ServiceHandlers } from '../../contract';
import type { OrganisationNetwork, OrganisationPage } from '../../contract/channels/members.channels';
import { contactSchema, membershipSchema, organisationSchema, type Contact, type FeeTable, type Membership, type Organisation, type SambrukDocument } from '../store/schema';
import type { ServiceContext } from './create-services';
import { changeRecord, listChanges } from '../domain/change-log';
import { applyContactPatch, contactRows, prepareContactFields } from '../domain/contacts';
import { coverageAt } from '../domain/coverage';
import { exportPerson, findContact, planErasure } from '../domain/erasure';
import { bandFor, feeForOrganisation, feeTableFor, membershipFeesForYear, sortedBands } from '../domain/fees';
import {
  assertNoPeriodOverlap,
  assertPeriodValid,
  describePeriod,
  isRejoin,
  membershipIndex,
  membershipTimeline,
  type PeriodFields,
} from '../domain/memberships';
import {
  applyOrganisationPatch,
  assertNotDuplicate,
  changedOrganisationFields,
  findDuplicate,
  organisationFacts,
  organisationKindLabels,
  prepareOrganisation,
  referenceMaps,
  type OrganisationFields,
} from '../domain/organisations';
import { councilOrganisationsAt, networkContext, rosterEntryView, sortNetworks } from '../domain/networks';
import { parseOrgNumber } from '../../contract/rules/organisation-number';
import { registerFigures } from '../domain/register-figures';
import { listOrganisations } from '../domain/search';
import { periodActiveAt } from '../domain/services';
import { compareSv } from '../domain/swedish';

type MembersChannel =
  | 'members/list'
  | 'members/get'
  | 'members/create'
  | 'members/update'
  | 'members/archive'
  | 'members/unarchive'
  | 'members/check-duplicate'
  | 'memberships/add'
  | 'memberships/update'
  | 'memberships/end'
  | 'memberships/delete'
  | 'contacts/list'
  | 'contacts/create'
  | 'contacts/update'
  | 'contacts/end'
  | 'contacts/erase'
  | 'contacts/export'
  | 'register/figures'
  | 'register/coverage'
  | 'fees/get-table'
  | 'fees/list-tables'
  | 'fees/save-table'
  | 'fees/compute'
  | 'changes/list';

/** The document as it stood when this change began: plain, frozen data, cheap to read in bulk. */
function baseOf(draft: Draft<SambrukDocument>): SambrukDocument {
  return original(draft) as SambrukDocument;
}

function findOrganisation(doc: Pick<SambrukDocument, 'organisations'>, organisationId: string): Organisation {
  const org = doc.organisations.find((o) => o.id === organisationId);
  if (!org) throw new AppError('not-found', 'Organisationen finns inte i registret.', { field: 'organisationId' });
  return org;
}

function findMembership(doc: Pick<SambrukDocument, 'memberships'>, membershipId: string): Membership {
  const m = doc.memberships.find((p) => p.id === membershipId);
  if (!m) throw new AppError('not-found', 'Medlemsperioden finns inte (den kan redan vara borttagen).', { field: 'id' });
  return m;
}

function indexOrThrow<T extends { id: string }>(list: readonly T[], itemId: string): number {
  const index = list.findIndex((x) => x.id === itemId);
  if (index < 0) throw new AppError('not-found', 'Posten finns inte längre.', { field: 'id' });
  return index;
}

/**
 * The networks an organisation takes part in at `date`: roster entries standing for it (its own, or its
 * persons'), and governance councils of services it uses. Archived networks are listed only with entries.
 */
function organisationNetworks(doc: SambrukDocument, organisationId: string, date: string): OrganisationNetwork[] {
  const ctx = networkContext(doc, date);
  const result: OrganisationNetwork[] = [];
  for (const network of sortNetworks(doc.networks)) {
    const entries = network.roster
      .map((entry) => rosterEntryView(ctx, entry))
      .filter((view) => view.representsOrganisationId === organisationId)
      .sort((a, b) => Number(b.active) - Number(a.active) || compareSv(a.displayName, b.displayName))
      .map((view) => ({
        entryId: view.id,
        displayName: view.displayName,
        role: view.role,
        from: view.from,
        ...(view.to !== undefined ? { to: view.to } : {}),
        active: view.active,
      }));
    const councilUser = !network.archived && councilOrganisationsAt(ctx, network).some((c) => c.organisationId === organisationId);
    if (entries.length === 0 && !councilUser) continue;
    result.push({ networkId: network.id, name: network.name, kind: network.kind, archived: network.archived, councilUser, entries });
  }
  return result;
}

/** Drops keys whose value is undefined, so stored records have no `key: undefined` (the schema is strict about shape). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function createMembersServices({ repo, ports, today }: ServiceContext): Pick<ServiceHandlers, MembersChannel> {
  const now = () => ports.clock().toISOString();

  function orgName(organisationId: string): string {
    return repo.get().organisations.find((o) => o.id === organisationId)?.name ?? 'okänd organisation';
  }

  /** Saves a period after checking its dates and that it overlaps no other period of the organisation. */
  function savePeriod(draft: Draft<SambrukDocument>, period: Membership, action: 'create' | 'update', summary: string) {
    const base = baseOf(draft);
    const org = findOrganisation(base, period.organisationId);
    assertPeriodValid(period);
    assertNoPeriodOverlap(base.memberships, org.id, period, period.id);
    const stored = membershipSchema.parse(compact(period));
    const before = base.memberships.find((m) => m.id === period.id);
    if (before) draft.memberships[indexOrThrow(base.memberships, period.id)] = stored;
    else draft.memberships.push(stored);
    return {
      records: [changeRecord('membership', stored.id, action, `${org.name}: ${summary}`, { organisationId: org.id, before, after: stored })],
      value: stored,
    };
  }

  return {
    // ------------------------------------------------------------ organisations
    'members/list': (input) => listOrganisations(repo.get(), { ...input, date: input.date ?? today() }),

    'members/get': ({ id, date: at, year: feeYear }) => {
      const doc = repo.get();
      const date = at ?? today();
      const year = feeYear ?? Number(date.slice(0, 4));
      const org = findOrganisation(doc, id);
      const refs = referenceMaps(doc);
      const orgsById = new Map(doc.organisations.map((o) => [o.id, o]));
      const index = membershipIndex(doc);
      const status = index.statusAt(org.id, date);
      const fee = feeForOrganisation(doc, org.id, year) ?? null;
      let feeMessage: string | undefined;
      if (!fee) {
        const viaGroup = index.groupsOf(org.id).find((g) => index.periodsOf(g.id).some((p) => p.joined <= `${year}-12-31` && (p.left === undefined || p.left >= `${year}-01-01`)));
        if (!feeTableFor(doc.feeTables, year)) feeMessage = `Det finns ingen avgiftstabell för ${year}.`;
        else if (viaGroup) feeMessage = `Medlem via ${viaGroup.name} under ${year}: gruppen betalar avgiften.`;
        else feeMessage = `Inte medlem under ${year}: ingen medlemsavgift.`;
      }
      const services = new Map(doc.services.map((s) => [s.id, s.name]));
      const page: OrganisationPage = {
        date,
        year,
        organisation: org,
        facts: organisationFacts(refs, org, orgsById),
        status,
        groupMembers: org.groupMemberIds.flatMap((memberId) => {
          const member = orgsById.get(memberId);
          if (!member) return [];
          return [
            {
              id: member.id,
              name: member.name,
              kind: member.kind,
              ...(member.municipalityCode !== undefined ? { municipalityCode: member.municipalityCode } : {}),
              statusLabel: index.statusAt(member.id, date).label,
            },
          ];
        }),
        groups: index.groupsOf(org.id).map((g) => ({
          id: g.id,
          name: g.name,
          kindLabel: organisationKindLabels[g.kind],
          statusLabel: index.statusAt(g.id, date).label,
        })),
        timeline: membershipTimeline(doc, org.id),
        contacts: contactRows(doc, { organisationId: org.id, includeEnded: true, date }),
        fee,
        ...(feeMessage !== undefined ? { feeMessage } : {}),
        servicesUsed: doc.usages
          .filter((u) => u.organisationId === org.id && periodActiveAt(u, date))
          .map((u) => {
            const viaName = u.viaOrganisationId !== undefined ? orgsById.get(u.viaOrganisationId)?.name : undefined;
            return {
              usageId: u.id,
              serviceId: u.serviceId,
              serviceName: services.get(u.serviceId) ?? 'Okänd tjänst',
              from: u.from,
              ...(u.to !== undefined ? { to: u.to } : {}),
              ...(u.viaOrganisationId !== undefined ? { viaOrganisationId: u.viaOrganisationId } : {}),
              ...(viaName !== undefined ? { viaOrganisationName: viaName } : {}),
            };
          })
          .sort((a, b) => compareSv(a.serviceName, b.serviceName)),
        networks: organisationNetworks(doc, org.id, date),
        changes: listChanges(doc, { organisationId: org.id, limit: 50 }),
      };
      return page;
    },

    'members/create': (input) => {
      const refName = input.municipalityCode ? referenceMaps(repo.get()).municipalities.get(input.municipalityCode)?.name : undefined;
      return repo.change(`Lade till ${input.name ?? refName ?? 'en organisation'}`, (draft) => {
        const base = baseOf(draft);
        const prepared = prepareOrganisation(base, compact(input) as OrganisationFields);
        assertNotDuplicate(base.organisations, prepared);
        const org = organisationSchema.parse({ id: ports.ids(), ...prepared, archived: false, createdAt: now() });
        draft.organisations.push(org);
        return {
          records: [changeRecord('organisation', org.id, 'create', `Lade till ${org.name} (${organisationKindLabels[org.kind].toLocaleLowerCase('sv-SE')})`, { organisationId: org.id, after: org })],
          value: org,
        };
      });
    },

    'members/update': ({ id, ...patch }) =>
      repo.change(`Ändrade ${orgName(id)}`, (draft) => {
        const base = baseOf(draft);
        const before = findOrganisation(base, id);
        const fields = applyOrganisationPatch(referenceMaps(base), before, patch);
        const prepared = prepareOrganisation(base, fields, id);
        assertNotDuplicate(base.organisations, prepared, id);
        const after = organisationSchema.parse({ ...prepared, id, archived: before.archived, createdAt: before.createdAt });
        const changed = changedOrganisationFields(before, after);
        if (changed.length === 0) return { records: [], value: before };
        draft.organisations[indexOrThrow(base.organisations, id)] = after;
        return {
          records: [changeRecord('organisation', id, 'update', `Ändrade ${changed.join(', ')} för ${after.name}`, { organisationId: id, before, after })],
          value: after,
        };
      }),

    'members/archive': ({ id }) =>
      repo.change(`Arkiverade ${orgName(id)}`, (draft) => {
        const base = baseOf(draft);
        const before = findOrganisation(base, id);
        if (before.archived) return { records: [], value: before };
        const date = today();
        const current = membershipIndex(base)
          .periodsOf(id)
          .find((p) => p.left === undefined || p.left >= date);
        if (current) {
          throw new AppError(
            'conflict',
            `${before.name} är medlem (${describePeriod(current)}). Avsluta medlemskapet innan organisationen arkiveras.`,
            { field: 'id', membershipId: current.id },
          );
        }
        const after = { ...before, archived: true };
        draft.organisations[indexOrThrow(base.organisations, id)] = after;
        return { records: [changeRecord('organisation', id, 'archive', `Arkiverade ${before.name}`, { organisationId: id, before, after })], value: after };
      }),

    'members/unarchive': ({ id }) =>
      repo.change(`Tog fram ${orgName(id)} ur arkivet`, (draft) => {
        const base = baseOf(draft);
        const before = findOrganisation(base, id);
        if (!before.archived) return { records: [], value: before };
        const after = { ...before, archived: false };
        draft.organisations[indexOrThrow(base.organisations, id)] = after;
        return { records: [changeRecord('organisation', id, 'archive', `Tog fram ${before.name} ur arkivet`, { organisationId: id, before, after })], value: after };
      }),

    'members/check-duplicate': ({ excludeId, ...candidate }) => {
      const duplicate = findDuplicate(repo.get().organisations, candidate, excludeId) ?? null;
      if (candidate.orgNumber === undefined || candidate.orgNumber.trim() === '') return { duplicate };
      const parsed = parseOrgNumber(candidate.orgNumber);
      return { duplicate, orgNumber: parsed.ok ? { ok: true, canonical: parsed.canonical } : { ok: false, message: parsed.message } };
    },

    // ------------------------------------------------------------ membership periods
    'memberships/add': (input) =>
      repo.change(`Lade till en medlemsperiod för ${orgName(input.organisationId)}`, (draft) => {
        const base = baseOf(draft);
        const period: Membership = { id: ports.ids(), ...compact(input), note: input.note ?? '' };
        const rejoin = isRejoin(base.memberships.filter((m) => m.organisationId === input.organisationId), period);
        return savePeriod(draft, period, 'create', `${rejoin ? 'återinträde' : 'inträde'} ${describePeriod(period)}`);
      }),

    'memberships/update': ({ id, ...patch }) =>
      repo.change('Ändrade en medlemsperiod', (draft) => {
        const before = findMembership(baseOf(draft), id);
        const fields: Record<string, unknown> = { ...before };
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) continue;
          if (value === null) delete fields[key];
          else fields[key] = value;
        }
        const period = fields as Membership & PeriodFields;
        return savePeriod(draft, period, 'update', `ändrade medlemsperioden till ${describePeriod(period)}`);
      }),

    'memberships/end': ({ id, left, noticeGiven, reason }) =>
      repo.change('Avslutade ett medlemskap', (draft) => {
        const before = findMembership(baseOf(draft), id);
        const period: Membership = compact({ ...before, left, noticeGiven: noticeGiven ?? before.noticeGiven, reason: reason ?? before.reason });
        return savePeriod(draft, period, 'update', `utträde, sista dag ${left}${reason ? ` (${reason})` : ''}`);
      }),

    'memberships/delete': ({ id }) =>
      repo.change('Tog bort en medlemsperiod', (draft) => {
        const base = baseOf(draft);
        const before = findMembership(base, id);
        draft.memberships.splice(indexOrThrow(base.memberships, id), 1);
        const name = base.organisations.find((o) => o.id === before.organisationId)?.name ?? 'Okänd organisation';
        return {
          records: [changeRecord('membership', id, 'delete', `${name}: tog bort medlemsperioden ${describePeriod(before)}`, { organisationId: before.organisationId, before })],
          value: { id },
        };
      }),

    // ------------------------------------------------------------ contacts
    'contacts/list': ({ organisationId, includeEnded, date }) => contactRows(repo.get(), { organisationId, includeEnded, date: date ?? today() }),

    'contacts/create': (input) =>
      repo.change(`Lade till en kontaktperson för ${orgName(input.organisationId)}`, (draft) => {
        const base = baseOf(draft);
        const fields = prepareContactFields(base, input);
        const contact: Contact = contactSchema.parse({ id: ports.ids(), ...fields, createdAt: now() });
        draft.contacts.push(contact);
        const org = findOrganisation(base, contact.organisationId);
        return {
          records: [changeRecord('contact', contact.id, 'create', `Lade till kontaktpersonen ${contact.name} (${org.name})`, { organisationId: org.id, after: contact })],
          value: contact,
        };
      }),

    'contacts/update': ({ id, ...patch }) =>
      repo.change('Ändrade en kontaktperson', (draft) => {
        const base = baseOf(draft);
        const before = findContact(base, id);
        const fields = prepareContactFields(base, applyContactPatch(before, patch));
        const after: Contact = contactSchema.parse({ id, ...fields, createdAt: before.createdAt });
        if (JSON.stringify(after) === JSON.stringify(before)) return { records: [], value: before };
        draft.contacts[indexOrThrow(base.contacts, id)] = after;
        return {
          records: [changeRecord('contact', id, 'update', `Ändrade kontaktpersonen ${after.name}`, { organisationId: after.organisationId, before, after })],
          value: after,
        };
      }),

    'contacts/end': ({ id, endedAt }) =>
      repo.change('Avslutade en kontaktperson', (draft) => {
        const base = baseOf(draft);
        const before = findContact(base, id);
        const after: Contact = { ...before, endedAt };
        draft.contacts[indexOrThrow(base.contacts, id)] = after;
        return {
          records: [changeRecord('contact', id, 'update', `${after.name} slutade som kontaktperson ${endedAt}`, { organisationId: after.organisationId, before, after })],
          value: after,
        };
      }),

    'contacts/erase': async ({ id, ground }) => {
      const report = await repo.change('Raderade en kontaktperson', (draft) => {
        const plan = planErasure(baseOf(draft), id, ground);
        Object.assign(draft, plan.sections);
        return { records: [plan.record], value: plan.report };
      });
      // Undo would otherwise keep the erased values in its inverse patches.
      repo.clearHistory();
      return report;
    },

    'contacts/export': ({ id }) => exportPerson(repo.get(), id),

    // ------------------------------------------------------------ figures
    'register/figures': ({ year }) => registerFigures(repo.get(), year),
    'register/coverage': ({ date }) => coverageAt(repo.get(), date ?? today()),

    // ------------------------------------------------------------ fees
    'fees/get-table': ({ year }) => {
      const table = feeTableFor(repo.get().feeTables, year) ?? null;
      return {
        year,
        table,
        bandLabels: table ? sortedBands(table).map((b) => bandFor(table, b.minPopulation).label) : [],
      };
    },
    'fees/list-tables': () => [...repo.get().feeTables].sort((a, b) => a.year - b.year),
    'fees/save-table': ({ table }) =>
      repo.change(`Sparade avgiftstabellen för ${table.year}`, (draft) => {
        const base = baseOf(draft);
        const stored: FeeTable = table;
        const index = base.feeTables.findIndex((t) => t.year === table.year);
        const before = index >= 0 ? base.feeTables[index] : undefined;
        if (index >= 0) draft.feeTables[index] = stored;
        else draft.feeTables.push(stored);
        return {
          records: [
            changeRecord('feeTable', String(table.year), before ? 'update' : 'create', `${before ? 'Ändrade' : 'Lade till'} avgiftstabellen från ${table.year}`, {
              before,
              after: stored,
            }),
          ],
          value: stored,
        };
      }),
    'fees/compute': ({ year }) => membershipFeesForYear(repo.get(), year),

    // ------------------------------------------------------------ change log
    'changes/list': ({ organisationId, limit, offset }) => listChanges(repo.get(), { organisationId, limit, offset }),
  };
}
