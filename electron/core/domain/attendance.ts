/**
 * Meetings and events of networks, who attended, and the year's figures (goal 7: 1–2 digital conferences a
 * year, webinars presenting the services). Meetings belong to a network; attendees are the roster's persons.
 */
import { AppError } from '../../contract/result';
import type { AttendanceReport, NetworkFigures } from '../../contract/channels/networks.channels';
import type { Meeting, Network, SambrukDocument } from '../store/schema';
import { activeEntries } from './rosters';
import { compareSv } from './swedish';
import { fieldError } from './field-errors';

export function findMeeting<M extends Pick<Meeting, 'id'>>(network: { meetings: readonly M[] }, meetingId: string): M {
  const meeting = network.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new AppError('not-found', 'Mötet finns inte.', { field: 'meetingId' });
  return meeting;
}

/** A meeting dated after `today` is planned, not held: it has no attendance and counts for nothing yet. */
export function isPlanned(meeting: Pick<Meeting, 'date'>, today: string): boolean {
  return meeting.date > today;
}

/**
 * The attendance to store: duplicates dropped; each person has a roster entry of the network in force on the
 * meeting's date, and each organisation an entry of its own (without a named person) in force then. Refuses
 * anyone else, naming them, and any attendance at a meeting after `today`.
 */
export function checkAttendance(
  doc: Pick<SambrukDocument, 'contacts' | 'organisations'>,
  network: Pick<Network, 'roster'>,
  date: string,
  attendance: { contactIds: readonly string[]; organisationIds: readonly string[] },
  today: string,
): { attendeeContactIds: string[]; attendeeOrganisationIds: string[] } {
  const attendeeContactIds = checkAttendees(doc, network, date, attendance.contactIds);
  const inForce = activeEntries(network.roster, date);
  const onRoster = new Set(inForce.filter((e) => e.contactId === undefined && e.organisationId !== undefined).map((e) => e.organisationId));
  const attendeeOrganisationIds = [...new Set(attendance.organisationIds)];
  for (const organisationId of attendeeOrganisationIds) {
    if (onRoster.has(organisationId)) continue;
    const name = doc.organisations.find((o) => o.id === organisationId)?.name;
    throw fieldError(
      'validation',
      'attendeeOrganisationIds',
      name === undefined ? 'En av organisationerna finns inte i registret.' : `${name} finns inte i nätverkets deltagarlista den ${date}.`,
      { organisationId },
    );
  }
  if (date > today && (attendeeContactIds.length > 0 || attendeeOrganisationIds.length > 0)) {
    throw fieldError('validation', 'attendeeContactIds', `Mötet den ${date} har inte hållits än. Närvaro kan föras från mötesdagen.`);
  }
  return { attendeeContactIds, attendeeOrganisationIds };
}

/**
 * The attendee list to store: duplicates dropped, each a person with a roster entry of the network in
 * force on the meeting's date. Refuses anyone else, naming the person.
 */
export function checkAttendees(
  doc: Pick<SambrukDocument, 'contacts'>,
  network: Pick<Network, 'roster'>,
  date: string,
  contactIds: readonly string[],
): string[] {
  const onRoster = new Set(activeEntries(network.roster, date).map((e) => e.contactId));
  const unique = [...new Set(contactIds)];
  for (const contactId of unique) {
    if (onRoster.has(contactId)) continue;
    const name = doc.contacts.find((c) => c.id === contactId)?.name;
    throw fieldError(
      'validation',
      'attendeeContactIds',
      name === undefined ? 'En av personerna finns inte i registret.' : `${name} finns inte i nätverkets deltagarlista den ${date}.`,
      { contactId },
    );
  }
  return unique;
}

/**
 * Events held in `year` across all networks (archived ones too: they were held), counted by kind; with `today`,
 * those dated after it are planned and left out.
 */
export function eventsInYear(doc: Pick<SambrukDocument, 'networks'>, year: number, today?: string): NetworkFigures['events'] {
  const counts = { mote: 0, seminarium: 0, webinar: 0, konferens: 0 };
  const prefix = `${year}-`;
  for (const network of doc.networks) {
    for (const m of network.meetings) if (m.date.startsWith(prefix) && (today === undefined || !isPlanned(m, today))) counts[m.kind] += 1;
  }
  return {
    year,
    conferences: counts.konferens,
    webinars: counts.webinar,
    seminars: counts.seminarium,
    meetings: counts.mote,
    conferencesAndWebinars: counts.konferens + counts.webinar,
  };
}

/**
 * Attendance over `year` in the chosen networks (all by default, archived included). Only meetings held by
 * `today` count (a planned one has no attendance to share). For a person, `eligible` counts the year's meetings
 * held while the person was on that network's roster (or that the person attended anyway, so the share never
 * exceeds 1). For an organisation: the attendances of its persons and of itself (an organisation entry marked
 * present) summed, the distinct meetings at least one of them attended, and how many of its persons attended.
 */
export function attendanceForYear(doc: SambrukDocument, year: number, networkIds: readonly string[] | undefined, today: string): AttendanceReport {
  const chosen = networkIds ? new Set(networkIds) : undefined;
  const networks = doc.networks.filter((n) => !chosen || chosen.has(n.id));
  if (chosen && networks.length !== chosen.size) {
    throw fieldError('not-found', 'networkIds', 'Ett av nätverken finns inte.');
  }
  const contactsById = new Map(doc.contacts.map((c) => [c.id, c]));
  const orgNames = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const prefix = `${year}-`;
  const persons = new Map<string, { attended: number; eligible: number }>();
  const orgs = new Map<string, { attendances: number; meetings: Set<string>; persons: Set<string> }>();
  const networkRows: AttendanceReport['networks'] = [];
  let meetingCount = 0;

  for (const network of networks) {
    let meetings = 0;
    let attendances = 0;
    for (const meeting of network.meetings) {
      if (!meeting.date.startsWith(prefix) || isPlanned(meeting, today)) continue;
      meetings += 1;
      const attendees = new Set(meeting.attendeeContactIds);
      const organisationsPresent = new Set(meeting.attendeeOrganisationIds ?? []);
      attendances += attendees.size + organisationsPresent.size;
      for (const orgId of organisationsPresent) {
        const row = orgs.get(orgId) ?? { attendances: 0, meetings: new Set<string>(), persons: new Set<string>() };
        row.attendances += 1;
        row.meetings.add(`${network.id}/${meeting.id}`);
        orgs.set(orgId, row);
      }
      const eligible = new Set(attendees);
      for (const entry of activeEntries(network.roster, meeting.date)) if (entry.contactId !== undefined) eligible.add(entry.contactId);
      for (const contactId of eligible) {
        const row = persons.get(contactId) ?? { attended: 0, eligible: 0 };
        row.eligible += 1;
        if (attendees.has(contactId)) row.attended += 1;
        persons.set(contactId, row);
      }
      for (const contactId of attendees) {
        const orgId = contactsById.get(contactId)?.organisationId;
        if (orgId === undefined) continue;
        const row = orgs.get(orgId) ?? { attendances: 0, meetings: new Set<string>(), persons: new Set<string>() };
        row.attendances += 1;
        row.meetings.add(`${network.id}/${meeting.id}`);
        row.persons.add(contactId);
        orgs.set(orgId, row);
      }
    }
    meetingCount += meetings;
    networkRows.push({
      networkId: network.id,
      name: network.name,
      meetings,
      attendances,
      averageAttendees: meetings === 0 ? null : attendances / meetings,
    });
  }

  return {
    year,
    networkIds: networks.map((n) => n.id),
    meetings: meetingCount,
    persons: [...persons]
      .map(([contactId, row]) => {
        const contact = contactsById.get(contactId);
        const organisationName = contact ? orgNames.get(contact.organisationId) : undefined;
        return {
          contactId,
          name: contact?.name ?? 'Okänd person',
          ...(contact ? { organisationId: contact.organisationId } : {}),
          ...(organisationName !== undefined ? { organisationName } : {}),
          attended: row.attended,
          eligible: row.eligible,
          share: row.eligible === 0 ? null : row.attended / row.eligible,
        };
      })
      .sort((a, b) => compareSv(a.name, b.name)),
    organisations: [...orgs]
      .map(([organisationId, row]) => ({
        organisationId,
        name: orgNames.get(organisationId) ?? 'Okänd organisation',
        attendances: row.attendances,
        meetingsAttended: row.meetings.size,
        persons: row.persons.size,
      }))
      .sort((a, b) => compareSv(a.name, b.name)),
    networks: networkRows.sort((a, b) => compareSv(a.name, b.name)),
  };
}
