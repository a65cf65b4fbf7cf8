/**
 * The member register's channels: organisations, membership periods, contact persons, register figures,
 * coverage, fees and the change log.
 *
 * Every change reads the document as it stands when the change runs (`tx.doc`, inside the repository's
 * queue), checks it there, and writes through the transaction's tables, which log each operation.
 */
import { AppError, type ChannelHandlers } from '../../contract';
import type { OrganisationNetwork, OrganisationPage } from '../../contract/channels/members.channels';
import { contactSchema, membershipSchema, organisationSchema, type Contact, type FeeTable, type Membership, type Organisation, type SambrukDocument } from '../store/schema';
import type { Transaction } from '../store/transaction';
import type { HandlerContext } from './create-handlers';
import { changeLog, listChanges } from '../domain/change-log';
import { applyContactPatch, assertNotDuplicateContact, contactRows, findContactDuplicates, prepareContactFields } from '../domain/contacts';
import { coverageAt } from '../domain/coverage';
import { applyErasure, exportPerson, findContact, planErasure } from '../domain/erasure';
import { bandFor, feeForOrganisation, feeTableFor, membershipFeesForYear, sortedBands } from '../domain/fees';
import {
  assertNoPeriodOverlap,
  assertPeriodValid,
  describePeriod,
  isRejoin,
  membershipIndex,
  membershipTimeline,
  periodStart,
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
import { networkContext, rosterEntryView, sortNetworks } from '../domain/networks';
import { entryOrganisationId } from '../domain/rosters';
import { parseOrgNumber } from '../../contract/rules/organisation-number';
import { registerFigures } from '../domain/register-figures';
import { listOrganisations, prepareSearch } from '../domain/search';
import { servicesInScope, usersOfServicesAt } from '../domain/usage-matrix';
import { compareSv } from '../domain/swedish';
import { firstDayOfYear, lastDayOfYear, yearOf } from '../../contract/rules/calendar-date';
import { planPopulationImport, readScbPopulationTable } from '../imports/scb-population';
import { decodeBase64 } from '../exports/base64';

const formatCount = (n: number) => new Intl.NumberFormat('sv-SE').format(n);

function bytesOf(base64: string): Uint8Array {
  const bytes = decodeBase64(base64);
  if (!bytes) throw new AppError('validation', 'Filen kunde inte tas emot (ogiltig kodning). Välj filen igen.', { field: 'bytesBase64' });
  return bytes;
}

type MembersChannel =
  | 'members/list'
  | 'members/prepare-search'
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
  | 'contacts/duplicates'
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
  | 'fees/confirm-group-rule'
  | 'populations/list'
  | 'populations/correct'
  | 'populations/import-preview'
  | 'populations/import-apply'
  | 'changes/list';

function findOrganisation(doc: Pick<SambrukDocument, 'organisations'>, organisationId: string): Organisation {
  const org = doc.organisations.find((o) => o.id === organisationId);
  if (!org) throw new AppError('not-found', 'Organisationen finns inte i registret.', { field: 'organisationId' });
  return org;
}

/** `startKnown` as stored: only `before` is written; an exact start is the field's absence. */
function startKnownField(startKnown: 'exact' | 'before' | undefined): { startKnown?: 'before' } {
  return startKnown === 'before' ? { startKnown } : {};
}

function findMembership(doc: Pick<SambrukDocument, 'memberships'>, membershipId: string): Membership {
  const m = doc.memberships.find((p) => p.id === membershipId);
  if (!m) throw new AppError('not-found', 'Medlemsperioden finns inte (den kan redan vara borttagen).', { field: 'id' });
  return m;
}

/**
 * The networks an organisation takes part in at `date`: roster entries standing for it (its own, or its
 * persons'), and governance councils of services it uses. Archived networks are listed only with entries.
 */
function organisationNetworks(doc: SambrukDocument, organisationId: string, date: string): OrganisationNetwork[] {
  const ctx = networkContext(doc, date);
  const result: OrganisationNetwork[] = [];
  for (const network of sortNetworks(doc.networks)) {
    // Only this organisation's entries are looked at, and a council's users are asked for this one organisation:
    // building every network's whole roster and council list made opening a page cost the whole register.
    const entries = network.roster
      .filter((entry) => entryOrganisationId(entry, ctx.contactsById) === organisationId)
      .map((entry) => rosterEntryView(ctx, entry))
      .sort((a, b) => Number(b.active) - Number(a.active) || compareSv(a.displayName, b.displayName))
      .map((view) => ({
        entryId: view.id,
        displayName: view.displayName,
        role: view.role,
        from: view.from,
        ...(view.to !== undefined ? { to: view.to } : {}),
        active: view.active,
      }));
    const councilUser = !network.archived && network.kind === 'forvaltningsrad' && network.serviceId !== undefined && ctx.usersOfService(network.serviceId).has(organisationId);
    if (entries.length === 0 && !councilUser) continue;
    result.push({ networkId: network.id, name: network.name, kind: network.kind, archived: network.archived, councilUser, entries });
  }
  return result;
}

/** Drops keys whose value is undefined, so stored records have no `key: undefined` (the schema is strict about shape). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function createMembersHandlers({ repo, ports, today }: HandlerContext): Pick<ChannelHandlers, MembersChannel> {
  const now = () => ports.clock().toISOString();

  function orgName(organisationId: string): string {
    return repo.get().organisations.find((o) => o.id === organisationId)?.name ?? 'okänd organisation';
  }

  /** Saves a period after checking its dates and that it overlaps no other period of the organisation. */
  function savePeriod(tx: Transaction, period: Membership, summary: string): Membership {
    const org = findOrganisation(tx.doc, period.organisationId);
    assertPeriodValid(period);
    assertNoPeriodOverlap(tx.memberships.all(), org.id, period, period.id);
    const stored = membershipSchema.parse(compact(period));
    const entry = { summary: `${org.name}: ${summary}` };
    return tx.memberships.has(stored.id) ? tx.memberships.update(stored.id, () => stored, entry) : tx.memberships.insert(stored, entry);
  }

  return {
    // ------------------------------------------------------------ organisations
    'members/list': (input) => listOrganisations(repo.get(), { ...input, date: input.date ?? today() }),
    'members/prepare-search': () => ({ organisations: prepareSearch(repo.get().organisations).entries.size }),

    'members/get': ({ id, date: at, year: feeYear }) => {
      const doc = repo.get();
      const date = at ?? today();
      const year = feeYear ?? yearOf(date);
      const org = findOrganisation(doc, id);
      const refs = referenceMaps(doc);
      const orgsById = new Map(doc.organisations.map((o) => [o.id, o]));
      const index = membershipIndex(doc);
      const status = index.statusAt(org.id, date);
      const fee = feeForOrganisation(doc, org.id, year) ?? null;
      let feeMessage: string | undefined;
      if (!fee) {
        const viaGroup = index.groupsOf(org.id).find((g) => index.periodsOf(g.id).some((p) => periodStart(p) <= lastDayOfYear(year) && (p.left === undefined || p.left >= firstDayOfYear(year))));
        if (!feeTableFor(doc.feeTables, year)) feeMessage = `Det finns ingen avgiftstabell för ${year}.`;
        else if (viaGroup) feeMessage = `Medlem via ${viaGroup.name} under ${year}: gruppen betalar avgiften.`;
        else feeMessage = `Inte medlem under ${year}: ingen medlemsavgift.`;
      }
      const usersOf = usersOfServicesAt(doc, date);
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
        // The users rule of the matrix and the member list: services reached through a group count too.
        servicesUsed: servicesInScope(doc.services, {})
          .flatMap((service) => {
            const cell = usersOf(service.id).get(org.id);
            if (!cell) return [];
            const viaName = cell.viaOrganisationId !== undefined ? orgsById.get(cell.viaOrganisationId)?.name : undefined;
            return [
              {
                usageId: cell.usageId,
                serviceId: service.id,
                serviceName: service.name,
                from: cell.from,
                ...(cell.to !== undefined ? { to: cell.to } : {}),
                ...(cell.viaOrganisationId !== undefined ? { viaOrganisationId: cell.viaOrganisationId } : {}),
                ...(viaName !== undefined ? { viaOrganisationName: viaName } : {}),
              },
            ];
          })
          .sort((a, b) => compareSv(a.serviceName, b.serviceName)),
        networks: organisationNetworks(doc, org.id, date),
        changes: listChanges(doc, { organisationId: org.id, limit: 50 }),
      };
      return page;
    },

    // With `membership`, the organisation and its first period are one change: both are saved or neither.
    'members/create': ({ membership, ...input }) => {
      const refName = input.municipalityCode ? referenceMaps(repo.get()).municipalities.get(input.municipalityCode)?.name : undefined;
      const what = input.name ?? refName ?? 'en organisation';
      return repo.change(membership ? `Lade till ${what} som medlem` : `Lade till ${what}`, (tx) => {
        const prepared = prepareOrganisation(tx.doc, compact(input) as OrganisationFields);
        assertNotDuplicate(tx.organisations.all(), prepared);
        const org = organisationSchema.parse({ id: ports.ids(), ...prepared, archived: false, createdAt: now() });
        const saved = tx.organisations.insert(org, { summary: `Lade till ${org.name} (${organisationKindLabels[org.kind].toLocaleLowerCase('sv-SE')})` });
        if (membership) {
          const period: Membership = { id: ports.ids(), organisationId: org.id, joined: membership.joined, ...startKnownField(membership.startKnown), note: '' };
          try {
            savePeriod(tx, period, `inträde ${describePeriod(period)}`);
          } catch (error) {
            // The form shows the period's fields under `membership.`, as the channel input names them.
            throw error instanceof AppError && error.field !== undefined ? new AppError(error.code, error.message, { ...error.details, field: `membership.${error.field}` }, error.fieldMessage) : error;
          }
        }
        return saved;
      });
    },

    'members/update': ({ id, ...patch }) =>
      repo.change(`Ändrade ${orgName(id)}`, (tx) => {
        const base = tx.doc;
        const before = findOrganisation(base, id);
        const fields = applyOrganisationPatch(referenceMaps(base), before, patch);
        const prepared = prepareOrganisation(base, fields, id);
        assertNotDuplicate(base.organisations, prepared, id);
        const after = organisationSchema.parse({ ...prepared, id, archived: before.archived, createdAt: before.createdAt });
        const changed = changedOrganisationFields(before, after);
        if (changed.length === 0) return before;
        return tx.organisations.update(id, () => after, { summary: `Ändrade ${changed.join(', ')} för ${after.name}` });
      }),

    'members/archive': ({ id }) =>
      repo.change(`Arkiverade ${orgName(id)}`, (tx) => {
        const base = tx.doc;
        const before = findOrganisation(base, id);
        if (before.archived) return before;
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
        return tx.organisations.update(id, { archived: true }, { action: 'archive', summary: `Arkiverade ${before.name}` });
      }),

    'members/unarchive': ({ id }) =>
      repo.change(`Tog fram ${orgName(id)} ur arkivet`, (tx) => {
        const before = findOrganisation(tx.doc, id);
        if (!before.archived) return before;
        return tx.organisations.update(id, { archived: false }, { action: 'archive', summary: `Tog fram ${before.name} ur arkivet` });
      }),

    'members/check-duplicate': ({ excludeId, ...candidate }) => {
      const duplicate = findDuplicate(repo.get().organisations, candidate, excludeId) ?? null;
      if (candidate.orgNumber === undefined || candidate.orgNumber.trim() === '') return { duplicate };
      const parsed = parseOrgNumber(candidate.orgNumber);
      return { duplicate, orgNumber: parsed.ok ? { ok: true, canonical: parsed.canonical } : { ok: false, message: parsed.message } };
    },

    // ------------------------------------------------------------ membership periods
    'memberships/add': ({ startKnown, ...input }) =>
      repo.change(`Lade till en medlemsperiod för ${orgName(input.organisationId)}`, (tx) => {
        const period: Membership = { id: ports.ids(), ...compact(input), ...startKnownField(startKnown), note: input.note ?? '' };
        const rejoin = isRejoin(tx.memberships.all().filter((m) => m.organisationId === input.organisationId), period);
        return savePeriod(tx, period, `${rejoin ? 'återinträde' : 'inträde'} ${describePeriod(period)}`);
      }),

    'memberships/update': ({ id, ...patch }) =>
      repo.change('Ändrade en medlemsperiod', (tx) => {
        const before = findMembership(tx.doc, id);
        const fields: Record<string, unknown> = { ...before };
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) continue;
          if (value === null) delete fields[key];
          else fields[key] = value;
        }
        // `exact` is stored as the field's absence, the way every older period reads.
        if (fields.startKnown === 'exact') delete fields.startKnown;
        const period = fields as Membership & PeriodFields;
        return savePeriod(tx, period, `ändrade medlemsperioden till ${describePeriod(period)}`);
      }),

    'memberships/end': ({ id, left, noticeGiven, reason }) =>
      repo.change('Avslutade ett medlemskap', (tx) => {
        const before = findMembership(tx.doc, id);
        const period: Membership = compact({ ...before, left, noticeGiven: noticeGiven ?? before.noticeGiven, reason: reason ?? before.reason });
        return savePeriod(tx, period, `utträde, sista dag ${left}${reason ? ` (${reason})` : ''}`);
      }),

    'memberships/delete': ({ id }) =>
      repo.change('Tog bort en medlemsperiod', (tx) => {
        const before = findMembership(tx.doc, id);
        const name = tx.organisations.get(before.organisationId)?.name ?? 'Okänd organisation';
        tx.memberships.remove(id, { summary: `${name}: tog bort medlemsperioden ${describePeriod(before)}` });
        return { id };
      }),

    // ------------------------------------------------------------ contacts
    'contacts/list': ({ organisationId, includeEnded, date }) => contactRows(repo.get(), { organisationId, includeEnded, date: date ?? today() }),

    'contacts/duplicates': ({ organisationId, name, email, ignoreId }) =>
      findContactDuplicates(repo.get(), { organisationId, ...(name !== undefined ? { name } : {}), ...(email !== undefined ? { email } : {}) }, ignoreId),

    'contacts/create': (input) =>
      repo.change(`Lade till en kontaktperson för ${orgName(input.organisationId)}`, (tx) => {
        const fields = prepareContactFields(tx.doc, input);
        assertNotDuplicateContact(tx.doc, fields);
        const contact: Contact = contactSchema.parse({ id: ports.ids(), ...fields, createdAt: now() });
        const org = findOrganisation(tx.doc, contact.organisationId);
        return tx.contacts.insert(contact, { summary: `Lade till kontaktpersonen ${contact.name} (${org.name})` });
      }),

    'contacts/update': ({ id, ...patch }) =>
      repo.change('Ändrade en kontaktperson', (tx) => {
        const before = findContact(tx.doc, id);
        const fields = prepareContactFields(tx.doc, applyContactPatch(before, patch));
        if (fields.endedAt === undefined) assertNotDuplicateContact(tx.doc, fields, id);
        const after: Contact = contactSchema.parse({ id, ...fields, createdAt: before.createdAt });
        return tx.contacts.update(id, () => after, { summary: `Ändrade kontaktpersonen ${after.name}` });
      }),

    'contacts/end': ({ id, endedAt }) =>
      repo.change('Avslutade en kontaktperson', (tx) => {
        const before = findContact(tx.doc, id);
        return tx.contacts.update(id, { endedAt }, { summary: `${before.name} slutade som kontaktperson ${endedAt}` });
      }),

    'contacts/erase': async ({ id, ground }) => {
      const report = await repo.change('Raderade en kontaktperson', (tx) => {
        const plan = planErasure(tx.doc, id, ground);
        applyErasure(tx, id, plan);
        return plan.report;
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
      repo.change(`Sparade avgiftstabellen för ${table.year}`, (tx) => {
        const key = String(table.year);
        // The group rule is confirmed through its own channel; saving the bands keeps what was decided.
        const existing = repo.get().feeTables.find((t) => t.year === table.year);
        const stored: FeeTable = { ...table, groupRule: existing?.groupRule ?? { basis: 'combined-population', status: 'att-bekrafta', decision: '' } };
        return tx.feeTables.has(key)
          ? tx.feeTables.update(key, () => stored, { summary: `Ändrade avgiftstabellen från ${table.year}` })
          : tx.feeTables.insert(stored, { summary: `Lade till avgiftstabellen från ${table.year}` });
      }),
    'fees/compute': ({ year }) => membershipFeesForYear(repo.get(), year),
    'populations/list': ({ code }) => {
      const doc = repo.get();
      const municipality = doc.reference.municipalities.find((m) => m.code === code);
      if (!municipality) throw new AppError('not-found', `Kommunkoden ${code} finns inte bland Sveriges 290 kommuner.`, { field: 'code' });
      const figures = doc.reference.populations.filter((p) => p.code === code).sort((a, b) => b.date.localeCompare(a.date));
      return { code, name: municipality.name, figures };
    },
    'populations/correct': ({ code, date, population, reason }) => {
      const doc = repo.get();
      const municipality = doc.reference.municipalities.find((m) => m.code === code);
      if (!municipality) throw new AppError('not-found', `Kommunkoden ${code} finns inte bland Sveriges 290 kommuner.`, { field: 'code' });
      const figure = { code, date, population, source: 'rattad' as const, sourceNote: reason };
      const key = `${code} ${date}`;
      const summary = `Rättade folkmängden för ${municipality.name} ${date} till ${formatCount(population)}: ${reason}`;
      repo.change(summary, (tx) =>
        tx.populations.has(key) ? tx.populations.update(key, () => figure, { summary }) : tx.populations.insert(figure, { summary }),
      );
      return figure;
    },
    'populations/import-preview': async ({ fileName, bytesBase64 }) => planPopulationImport(repo.get(), await readScbPopulationTable(bytesOf(bytesBase64), fileName), fileName),
    'populations/import-apply': async ({ fileName, bytesBase64, expectedRevision }) => {
      const found = await readScbPopulationTable(bytesOf(bytesBase64), fileName);
      const doc = repo.get();
      if (doc.meta.revision !== expectedRevision) {
        throw new AppError('conflict', 'Registret har ändrats sedan förhandsgranskningen. Granska filen igen innan du importerar.');
      }
      const plan = planPopulationImport(doc, found, fileName);
      if (!plan.canApply) throw new AppError('validation', plan.issues.find((i) => i.severity === 'error')?.message ?? 'Filen ändrar ingenting i registret.');
      const note = `SCB-fil ${fileName}`.slice(0, 200);
      repo.change(`Importerade folkmängden ${plan.date} från SCB (${fileName})`, (tx) => {
        for (const c of plan.changes) {
          const figure = { code: c.code, date: plan.date, population: c.after, source: 'scb-import' as const, sourceNote: note };
          const key = `${c.code} ${plan.date}`;
          const summary = `Folkmängd ${c.name} ${plan.date}: ${formatCount(c.after)} (SCB)`;
          if (tx.populations.has(key)) tx.populations.update(key, () => figure, { summary, action: 'import' });
          else tx.populations.insert(figure, { summary, action: 'import' });
        }
        if (plan.sweden && plan.sweden.after !== plan.sweden.before) {
          const total = { date: plan.date, population: plan.sweden.after, sourceNote: note };
          const summary = `Sveriges folkmängd ${plan.date}: ${formatCount(plan.sweden.after)} (SCB)`;
          if (tx.swedenPopulation.has(plan.date)) tx.swedenPopulation.update(plan.date, () => total, { summary, action: 'import' });
          else tx.swedenPopulation.insert(total, { summary, action: 'import' });
        }
      });
      return plan;
    },
    'fees/confirm-group-rule': ({ tableYear, basis, decision }) => {
      const existing = repo.get().feeTables.find((t) => t.year === tableYear);
      if (!existing) throw new AppError('not-found', `Det finns ingen avgiftstabell från ${tableYear}.`, { field: 'tableYear' });
      const stored: FeeTable = { ...existing, groupRule: { basis, status: 'bekraftad', decision, confirmedAt: today() } };
      return repo.change(`Bekräftade regeln för gruppers avgift i avgiftstabellen från ${tableYear}`, (tx) =>
        tx.feeTables.update(String(tableYear), () => stored, { summary: `Bekräftade regeln för gruppers avgift (${decision})` }),
      );
    },

    // ------------------------------------------------------------ change log
    'changes/list': (filter) => changeLog(repo.get(), filter),
  };
}
