/** Network channels: networks, rosters, meetings and attendance, the goal figures and e-mail lists. */
import { AppError, type ChannelHandlers } from '../../contract';
import type { Meeting, Network, RosterEntry, SambrukDocument } from '../store/schema';
import type { HandlerContext } from './create-handlers';
import { attendanceForYear, checkAttendance, findMeeting } from '../domain/attendance';
import {
  assertUniqueNetworkName,
  emailList,
  linkCouncil,
  networkContext,
  networkDetail,
  networkFigures,
  networkSummary,
  sortNetworks,
} from '../domain/networks';
import {
  assertNoRosterOverlap,
  endPersonEverywhere,
  entryOrganisationId,
  findEntry,
  findNetwork,
  resolveEntryParties,
} from '../domain/rosters';
import { assertPeriod } from '../domain/services';
import { yearOf } from '../../contract/rules/calendar-date';
import { fieldError } from '../domain/field-errors';

type NetworksChannel =
  | 'networks/list'
  | 'networks/get'
  | 'networks/create'
  | 'networks/update'
  | 'networks/archive'
  | 'networks/add-entry'
  | 'networks/update-entry'
  | 'networks/end-entry'
  | 'networks/remove-entry'
  | 'networks/end-person'
  | 'networks/add-meeting'
  | 'networks/update-meeting'
  | 'networks/delete-meeting'
  | 'networks/set-attendees'
  | 'networks/get-attendance'
  | 'networks/get-figures'
  | 'networks/get-email-list';

function entryLabel(doc: Pick<SambrukDocument, 'contacts' | 'organisations'>, entry: Pick<RosterEntry, 'contactId' | 'organisationId' | 'externalName'>): string {
  if (entry.contactId !== undefined) return doc.contacts.find((c) => c.id === entry.contactId)?.name ?? 'okänd person';
  if (entry.organisationId !== undefined) return doc.organisations.find((o) => o.id === entry.organisationId)?.name ?? 'okänd organisation';
  return entry.externalName ?? 'okänd deltagare';
}

function entryOrgId(doc: Pick<SambrukDocument, 'contacts'>, entry: Pick<RosterEntry, 'contactId' | 'organisationId'>): { organisationId?: string } {
  const orgId = entryOrganisationId(entry, new Map(doc.contacts.map((c) => [c.id, c])));
  return orgId !== undefined ? { organisationId: orgId } : {};
}

export function createNetworksHandlers({ repo, ports, today }: HandlerContext): Pick<ChannelHandlers, NetworksChannel> {
  return {
    'networks/list': ({ kind, includeArchived, date }) => {
      const doc = repo.get();
      const ctx = networkContext(doc, date ?? today());
      return sortNetworks(doc.networks.filter((n) => (kind === undefined || n.kind === kind) && (includeArchived || !n.archived))).map((n) =>
        networkSummary(ctx, n),
      );
    },

    'networks/get': ({ networkId, date }) => {
      const doc = repo.get();
      return networkDetail(networkContext(doc, date ?? today()), findNetwork(doc.networks, networkId));
    },

    'networks/create': ({ serviceId, ...input }) =>
      repo.change(`Lade till nätverket ${input.name}`, (tx) => {
        assertUniqueNetworkName(tx.doc, input.kind, input.name);
        const network: Network = {
          id: ports.ids(),
          kind: input.kind,
          name: input.name,
          description: input.description,
          ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
          ...(input.endDate !== undefined ? { endDate: input.endDate } : {}),
          roster: [],
          meetings: [],
          archived: false,
        };
        tx.networks.insert(network, { summary: `Lade till nätverket ${network.name}` });
        if (serviceId !== undefined) linkCouncil(tx, network.id, serviceId);
        return findNetwork(tx.networks.all(), network.id);
      }),

    'networks/update': ({ networkId, ...changes }) =>
      repo.change('Ändrade ett nätverk', (tx) => {
        const network = findNetwork(tx.networks.all(), networkId);
        const kind = changes.kind ?? network.kind;
        const name = changes.name ?? network.name;
        if (changes.kind !== undefined || changes.name !== undefined) assertUniqueNetworkName(tx.doc, kind, name, networkId);
        const edited = tx.networks.update(
          networkId,
          (draft) => {
            draft.kind = kind;
            draft.name = name;
            if (changes.description !== undefined) draft.description = changes.description;
            for (const key of ['startDate', 'endDate'] as const) {
              const value = changes[key];
              if (value === null) delete draft[key];
              else if (value !== undefined) draft[key] = value;
            }
            if (draft.startDate !== undefined && draft.endDate !== undefined && draft.endDate < draft.startDate) {
              throw fieldError('validation', 'endDate', 'Slutdatumet får inte ligga före startdatumet.');
            }
          },
          { summary: `Ändrade nätverket ${name}` },
        );
        // A network that stops being a förvaltningsråd lets go of its service unless a service is named (then refused).
        const wantedService =
          changes.serviceId === null
            ? undefined
            : (changes.serviceId ?? (kind === 'forvaltningsrad' ? edited.serviceId : undefined));
        if (wantedService !== edited.serviceId) linkCouncil(tx, networkId, wantedService);
        return findNetwork(tx.networks.all(), networkId);
      }),

    'networks/archive': ({ networkId, archived }) =>
      repo.change(archived ? 'Arkiverade ett nätverk' : 'Återställde ett nätverk', (tx) => {
        const network = findNetwork(tx.networks.all(), networkId);
        if (network.archived === archived) {
          throw new AppError('conflict', archived ? 'Nätverket är redan arkiverat.' : 'Nätverket är inte arkiverat.');
        }
        return tx.networks.update(
          networkId,
          { archived },
          { action: archived ? 'archive' : 'restore', summary: `${archived ? 'Arkiverade' : 'Återställde'} nätverket ${network.name}` },
        );
      }),

    'networks/add-entry': ({ networkId, organisationId, contactId, externalName, role, participation, from, to, worksWithIt }) =>
      repo.change('Lade till en deltagare i ett nätverk', (tx) => {
        const doc = tx.doc;
        const network = findNetwork(doc.networks, networkId);
        const parties = resolveEntryParties(doc, {
          ...(organisationId !== undefined ? { organisationId } : {}),
          ...(contactId !== undefined ? { contactId } : {}),
          ...(externalName !== undefined ? { externalName } : {}),
        });
        assertPeriod({ from, to });
        assertNoRosterOverlap(network.roster, { ...parties, from, to });
        const entry: RosterEntry = {
          id: ports.ids(),
          ...parties,
          role,
          participation,
          from,
          ...(to !== undefined ? { to } : {}),
          ...(worksWithIt !== undefined ? { worksWithIt } : {}),
        };
        return tx.roster.insert(networkId, entry, { ...entryOrgId(doc, entry), summary: `Lade till ${entryLabel(doc, entry)} i ${network.name} från ${from}` });
      }),

    'networks/update-entry': ({ networkId, entryId, role, participation, from, to, worksWithIt }) =>
      repo.change('Ändrade en deltagare i ett nätverk', (tx) => {
        const doc = tx.doc;
        const network = findNetwork(doc.networks, networkId);
        const entry = findEntry(network, entryId);
        const nextFrom = from ?? entry.from;
        const nextTo = to === null ? undefined : (to ?? entry.to);
        assertPeriod({ from: nextFrom, to: nextTo }, to === undefined && from !== undefined ? 'from' : 'to');
        assertNoRosterOverlap(network.roster, { ...entry, from: nextFrom, to: nextTo }, entryId);
        return tx.roster.update(
          networkId,
          entryId,
          (draft) => {
            draft.from = nextFrom;
            if (nextTo === undefined) delete draft.to;
            else draft.to = nextTo;
            if (role !== undefined) draft.role = role;
            if (participation !== undefined) draft.participation = participation;
            if (worksWithIt === null) delete draft.worksWithIt;
            else if (worksWithIt !== undefined) draft.worksWithIt = worksWithIt;
          },
          { ...entryOrgId(doc, entry), summary: `Ändrade ${entryLabel(doc, entry)} i ${network.name}` },
        );
      }),

    'networks/end-entry': ({ networkId, entryId, to }) =>
      repo.change('Avslutade en deltagare i ett nätverk', (tx) => {
        const doc = tx.doc;
        const network = findNetwork(doc.networks, networkId);
        const entry = findEntry(network, entryId);
        assertPeriod({ from: entry.from, to });
        assertNoRosterOverlap(network.roster, { ...entry, to }, entryId);
        return tx.roster.update(networkId, entryId, { to }, { ...entryOrgId(doc, entry), summary: `Avslutade ${entryLabel(doc, entry)} i ${network.name} till och med ${to}` });
      }),

    'networks/remove-entry': ({ networkId, entryId }) =>
      repo.change('Tog bort en deltagare ur ett nätverk', (tx) => {
        const doc = tx.doc;
        const network = findNetwork(doc.networks, networkId);
        const entry = findEntry(network, entryId);
        tx.roster.remove(networkId, entryId, { ...entryOrgId(doc, entry), summary: `Tog bort ${entryLabel(doc, entry)} ur ${network.name}` });
        return { removed: entryId };
      }),

    'networks/end-person': async ({ contactId, date }) => {
      const doc = repo.get();
      const contact = doc.contacts.find((c) => c.id === contactId);
      if (!contact) throw fieldError('not-found', 'contactId', 'Personen finns inte.');
      const pending = doc.networks.some((n) => n.roster.some((e) => e.contactId === contactId && (e.to === undefined || e.to > date)));
      if (!pending) return { ended: 0, removed: 0, networkIds: [] };
      return repo.change(`Avslutade ${contact.name} i alla nätverk`, (tx) => {
        const changes = endPersonEverywhere(tx, contactId, date, (change, network) =>
          change.action === 'removed' ? `Tog bort ${contact.name} ur ${network.name}` : `Avslutade ${contact.name} i ${network.name} till och med ${date}`,
        );
        return {
          ended: changes.filter((c) => c.action === 'ended').length,
          removed: changes.filter((c) => c.action === 'removed').length,
          networkIds: [...new Set(changes.map((c) => c.networkId))],
        };
      });
    },

    'networks/add-meeting': ({ networkId, attendeeContactIds, attendeeOrganisationIds, ...fields }) =>
      repo.change(`Lade till ${fields.title}`, (tx) => {
        const network = findNetwork(tx.networks.all(), networkId);
        const attendance = checkAttendance(tx.doc, network, fields.date, { contactIds: attendeeContactIds, organisationIds: attendeeOrganisationIds }, today());
        const meeting: Meeting = {
          id: ports.ids(),
          ...fields,
          attendeeContactIds: attendance.attendeeContactIds,
          ...(attendance.attendeeOrganisationIds.length > 0 ? { attendeeOrganisationIds: attendance.attendeeOrganisationIds } : {}),
        };
        return tx.meetings.insert(networkId, meeting, { summary: `Lade till ${meeting.title} (${meeting.date}) i ${network.name}` });
      }),

    'networks/update-meeting': ({ networkId, meetingId, ...changes }) =>
      repo.change('Ändrade ett möte', (tx) => {
        const network = findNetwork(tx.networks.all(), networkId);
        const meeting = findMeeting(network, meetingId);
        if (changes.date !== undefined && changes.date !== meeting.date) {
          checkAttendance(tx.doc, network, changes.date, { contactIds: meeting.attendeeContactIds, organisationIds: meeting.attendeeOrganisationIds ?? [] }, today());
        }
        const title = changes.title ?? meeting.title;
        const date = changes.date ?? meeting.date;
        return tx.meetings.update(
          networkId,
          meetingId,
          (draft) => {
            if (changes.date !== undefined) draft.date = changes.date;
            if (changes.kind !== undefined) draft.kind = changes.kind;
            if (changes.title !== undefined) draft.title = changes.title;
            if (changes.note !== undefined) draft.note = changes.note;
          },
          { summary: `Ändrade ${title} (${date}) i ${network.name}` },
        );
      }),

    'networks/delete-meeting': ({ networkId, meetingId }) =>
      repo.change('Tog bort ett möte', (tx) => {
        const network = findNetwork(tx.networks.all(), networkId);
        const meeting = findMeeting(network, meetingId);
        tx.meetings.remove(networkId, meetingId, { summary: `Tog bort ${meeting.title} (${meeting.date}) ur ${network.name}` });
        return { deleted: meetingId };
      }),

    'networks/set-attendees': ({ networkId, meetingId, attendeeContactIds, attendeeOrganisationIds }) =>
      repo.change('Ändrade närvaron vid ett möte', (tx) => {
        const network = findNetwork(tx.networks.all(), networkId);
        const meeting = findMeeting(network, meetingId);
        const attendance = checkAttendance(
          tx.doc,
          network,
          meeting.date,
          { contactIds: attendeeContactIds, organisationIds: attendeeOrganisationIds ?? meeting.attendeeOrganisationIds ?? [] },
          today(),
        );
        const present = attendance.attendeeContactIds.length + attendance.attendeeOrganisationIds.length;
        return tx.meetings.update(
          networkId,
          meetingId,
          (draft) => {
            draft.attendeeContactIds = attendance.attendeeContactIds;
            if (attendance.attendeeOrganisationIds.length > 0) draft.attendeeOrganisationIds = attendance.attendeeOrganisationIds;
            else delete draft.attendeeOrganisationIds;
          },
          { summary: `Ändrade närvaron vid ${meeting.title} (${meeting.date}): ${present} närvarande` },
        );
      }),

    'networks/get-attendance': ({ year, networkIds }) => attendanceForYear(repo.get(), year, networkIds, today()),

    'networks/get-figures': ({ date, year }) => {
      const at = date ?? today();
      return networkFigures(repo.get(), at, year ?? yearOf(at));
    },

    'networks/get-email-list': ({ networkIds, date }) => emailList(repo.get(), networkIds, date ?? today()),
  };
}
