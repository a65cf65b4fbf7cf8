/** Network channels: networks, rosters, meetings and attendance, the goal figures and e-mail lists. */
import { AppError, type ServiceHandlers } from '../../contract';
import type { Meeting, Network, RosterEntry, SambrukDocument } from '../store/schema';
import type { ServiceContext } from './create-services';
import { plain } from './services.services';
import { attendanceForYear, checkAttendees, findMeeting } from '../domain/attendance';
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

export function createNetworksServices({ repo, ports, today }: ServiceContext): Pick<ServiceHandlers, NetworksChannel> {
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
      repo.change(`Lade till nätverket ${input.name}`, (draft) => {
        assertUniqueNetworkName(draft, input.kind, input.name);
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
        draft.networks.push(network);
        if (serviceId !== undefined) linkCouncil(draft, network.id, serviceId);
        const created = plain(findNetwork(draft.networks, network.id));
        return {
          value: created,
          records: [{ entity: 'network', entityId: network.id, action: 'create', summary: `Lade till nätverket ${network.name}`, after: { ...created } }],
        };
      }),

    'networks/update': ({ networkId, ...changes }) =>
      repo.change('Ändrade ett nätverk', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const before = plain(network);
        const kind = changes.kind ?? network.kind;
        const name = changes.name ?? network.name;
        if (changes.kind !== undefined || changes.name !== undefined) assertUniqueNetworkName(draft, kind, name, networkId);
        network.kind = kind;
        network.name = name;
        if (changes.description !== undefined) network.description = changes.description;
        for (const key of ['startDate', 'endDate'] as const) {
          const value = changes[key];
          if (value === null) delete network[key];
          else if (value !== undefined) network[key] = value;
        }
        if (network.startDate !== undefined && network.endDate !== undefined && network.endDate < network.startDate) {
          throw fieldError('validation', 'endDate', 'Slutdatumet får inte ligga före startdatumet.');
        }
        // A network that stops being a förvaltningsråd lets go of its service unless a service is named (then refused).
        const wantedService =
          changes.serviceId === null
            ? undefined
            : (changes.serviceId ?? (kind === 'forvaltningsrad' ? network.serviceId : undefined));
        if (wantedService !== network.serviceId) linkCouncil(draft, networkId, wantedService);
        const after = plain(network);
        return {
          value: after,
          records: [{ entity: 'network', entityId: networkId, action: 'update', summary: `Ändrade nätverket ${after.name}`, before, after }],
        };
      }),

    'networks/archive': ({ networkId, archived }) =>
      repo.change(archived ? 'Arkiverade ett nätverk' : 'Återställde ett nätverk', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        if (network.archived === archived) {
          throw new AppError('conflict', archived ? 'Nätverket är redan arkiverat.' : 'Nätverket är inte arkiverat.');
        }
        network.archived = archived;
        const after = plain(network);
        return {
          value: after,
          records: [
            {
              entity: 'network',
              entityId: networkId,
              action: archived ? 'archive' : 'restore',
              summary: `${archived ? 'Arkiverade' : 'Återställde'} nätverket ${after.name}`,
            },
          ],
        };
      }),

    'networks/add-entry': ({ networkId, organisationId, contactId, externalName, role, participation, from, to }) =>
      repo.change('Lade till en deltagare i ett nätverk', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const parties = resolveEntryParties(draft, {
          ...(organisationId !== undefined ? { organisationId } : {}),
          ...(contactId !== undefined ? { contactId } : {}),
          ...(externalName !== undefined ? { externalName } : {}),
        });
        assertPeriod({ from, to });
        assertNoRosterOverlap(network.roster, { ...parties, from, to });
        const entry: RosterEntry = { id: ports.ids(), ...parties, role, participation, from, ...(to !== undefined ? { to } : {}) };
        network.roster.push(entry);
        return {
          value: entry,
          records: [
            {
              entity: 'roster-entry',
              entityId: entry.id,
              ...entryOrgId(draft, entry),
              action: 'create',
              summary: `Lade till ${entryLabel(draft, entry)} i ${network.name} från ${from}`,
              after: { ...entry, networkId },
            },
          ],
        };
      }),

    'networks/update-entry': ({ networkId, entryId, role, participation, from, to }) =>
      repo.change('Ändrade en deltagare i ett nätverk', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const entry = findEntry(network, entryId);
        const before = plain(entry);
        const nextFrom = from ?? entry.from;
        const nextTo = to === null ? undefined : (to ?? entry.to);
        assertPeriod({ from: nextFrom, to: nextTo }, to === undefined && from !== undefined ? 'from' : 'to');
        assertNoRosterOverlap(network.roster, { ...before, from: nextFrom, to: nextTo }, entryId);
        entry.from = nextFrom;
        if (nextTo === undefined) delete entry.to;
        else entry.to = nextTo;
        if (role !== undefined) entry.role = role;
        if (participation !== undefined) entry.participation = participation;
        const after = plain(entry);
        return {
          value: after,
          records: [
            {
              entity: 'roster-entry',
              entityId: entryId,
              ...entryOrgId(draft, after),
              action: 'update',
              summary: `Ändrade ${entryLabel(draft, after)} i ${network.name}`,
              before: { ...before, networkId },
              after: { ...after, networkId },
            },
          ],
        };
      }),

    'networks/end-entry': ({ networkId, entryId, to }) =>
      repo.change('Avslutade en deltagare i ett nätverk', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const entry = findEntry(network, entryId);
        const before = plain(entry);
        assertPeriod({ from: entry.from, to });
        assertNoRosterOverlap(network.roster, { ...before, to }, entryId);
        entry.to = to;
        const after = plain(entry);
        return {
          value: after,
          records: [
            {
              entity: 'roster-entry',
              entityId: entryId,
              ...entryOrgId(draft, after),
              action: 'update',
              summary: `Avslutade ${entryLabel(draft, after)} i ${network.name} till och med ${to}`,
              before: { ...before, networkId },
              after: { ...after, networkId },
            },
          ],
        };
      }),

    'networks/remove-entry': ({ networkId, entryId }) =>
      repo.change('Tog bort en deltagare ur ett nätverk', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const entry = findEntry(network, entryId);
        const before = plain(entry);
        network.roster.splice(network.roster.indexOf(entry), 1);
        return {
          value: { removed: entryId },
          records: [
            {
              entity: 'roster-entry',
              entityId: entryId,
              ...entryOrgId(draft, before),
              action: 'delete',
              summary: `Tog bort ${entryLabel(draft, before)} ur ${network.name}`,
              before: { ...before, networkId },
            },
          ],
        };
      }),

    'networks/end-person': async ({ contactId, date }) => {
      const doc = repo.get();
      const contact = doc.contacts.find((c) => c.id === contactId);
      if (!contact) throw fieldError('not-found', 'contactId', 'Personen finns inte.');
      const pending = doc.networks.some((n) => n.roster.some((e) => e.contactId === contactId && (e.to === undefined || e.to > date)));
      if (!pending) return { ended: 0, removed: 0, networkIds: [] };
      return repo.change(`Avslutade ${contact.name} i alla nätverk`, (draft) => {
        const changes = endPersonEverywhere(draft.networks, contactId, date);
        const networkIds = [...new Set(changes.map((c) => c.networkId))];
        const names = networkIds.map((id) => draft.networks.find((n) => n.id === id)?.name ?? id);
        return {
          value: {
            ended: changes.filter((c) => c.action === 'ended').length,
            removed: changes.filter((c) => c.action === 'removed').length,
            networkIds,
          },
          records: [
            {
              entity: 'contact',
              entityId: contactId,
              organisationId: contact.organisationId,
              action: 'update',
              summary: `Avslutade ${contact.name} i ${names.join(', ')} till och med ${date}`,
              before: changes.map((c) => ({ networkId: c.networkId, action: c.action, entry: c.before })),
            },
          ],
        };
      });
    },

    'networks/add-meeting': ({ networkId, attendeeContactIds, ...fields }) =>
      repo.change(`Lade till ${fields.title}`, (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const meeting: Meeting = {
          id: ports.ids(),
          ...fields,
          attendeeContactIds: checkAttendees(draft, network, fields.date, attendeeContactIds),
        };
        network.meetings.push(meeting);
        return {
          value: meeting,
          records: [
            {
              entity: 'meeting',
              entityId: meeting.id,
              action: 'create',
              summary: `Lade till ${meeting.title} (${meeting.date}) i ${network.name}`,
              after: { ...meeting, networkId },
            },
          ],
        };
      }),

    'networks/update-meeting': ({ networkId, meetingId, ...changes }) =>
      repo.change('Ändrade ett möte', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const meeting = findMeeting(network, meetingId);
        const before = plain(meeting);
        if (changes.date !== undefined && changes.date !== meeting.date) {
          checkAttendees(draft, network, changes.date, meeting.attendeeContactIds);
          meeting.date = changes.date;
        }
        if (changes.kind !== undefined) meeting.kind = changes.kind;
        if (changes.title !== undefined) meeting.title = changes.title;
        if (changes.note !== undefined) meeting.note = changes.note;
        const after = plain(meeting);
        return {
          value: after,
          records: [
            {
              entity: 'meeting',
              entityId: meetingId,
              action: 'update',
              summary: `Ändrade ${after.title} (${after.date}) i ${network.name}`,
              before: { ...before, networkId },
              after: { ...after, networkId },
            },
          ],
        };
      }),

    'networks/delete-meeting': ({ networkId, meetingId }) =>
      repo.change('Tog bort ett möte', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const meeting = findMeeting(network, meetingId);
        const before = plain(meeting);
        network.meetings.splice(network.meetings.indexOf(meeting), 1);
        return {
          value: { deleted: meetingId },
          records: [
            {
              entity: 'meeting',
              entityId: meetingId,
              action: 'delete',
              summary: `Tog bort ${before.title} (${before.date}) ur ${network.name}`,
              before: { ...before, networkId },
            },
          ],
        };
      }),

    'networks/set-attendees': ({ networkId, meetingId, attendeeContactIds }) =>
      repo.change('Ändrade närvaron vid ett möte', (draft) => {
        const network = findNetwork(draft.networks, networkId);
        const meeting = findMeeting(network, meetingId);
        const before = [...meeting.attendeeContactIds];
        meeting.attendeeContactIds = checkAttendees(draft, network, meeting.date, attendeeContactIds);
        const after = plain(meeting);
        return {
          value: after,
          records: [
            {
              entity: 'meeting',
              entityId: meetingId,
              action: 'update',
              summary: `Ändrade närvaron vid ${after.title} (${after.date}): ${after.attendeeContactIds.length} närvarande`,
              before: { attendeeContactIds: before },
              after: { attendeeContactIds: [...after.attendeeContactIds] },
            },
          ],
        };
      }),

    'networks/get-attendance': ({ year, networkIds }) => attendanceForYear(repo.get(), year, networkIds),

    'networks/get-figures': ({ date, year }) => {
      const at = date ?? today();
      return networkFigures(repo.get(), at, year ?? Number(at.slice(0, 4)));
    },

    'networks/get-email-list': ({ networkIds, date }) => emailList(repo.get(), networkIds, date ?? today()),
  };
}
