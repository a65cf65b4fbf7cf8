/** Meetings, attendance lists and the year's attendance report -> rows the Möten and Närvaro tabs draw. */
import type { AttendanceReport, NetworkDetail } from '../../../electron/contract';
import { compareSv } from '../../../electron/core/domain/swedish';
import type { MeetingKind } from '../../../electron/core/store/schema';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.natverk;

export const meetingKindOrder: readonly MeetingKind[] = ['mote', 'seminarium', 'webinar', 'konferens'];

export type AttendeeOptionVm = { contactId: string; name: string; organisationName: string; label: string };

/** The persons who may be marked present at a meeting on `date`: the roster's persons in force that day, by name. */
export function attendeeOptions(detail: Pick<NetworkDetail, 'roster'>, date: string): AttendeeOptionVm[] {
  const byContact = new Map<string, AttendeeOptionVm>();
  for (const e of detail.roster) {
    if (e.contactId === undefined || e.from > date || (e.to !== undefined && e.to < date)) continue;
    const organisationName = e.organisationName ?? '';
    byContact.set(e.contactId, {
      contactId: e.contactId,
      name: e.displayName,
      organisationName,
      label: organisationName === '' ? e.displayName : `${e.displayName}, ${organisationName}`,
    });
  }
  return [...byContact.values()].sort((a, b) => compareSv(a.name, b.name) || compareSv(a.organisationName, b.organisationName));
}

export type OrganisationOptionVm = { organisationId: string; name: string };

/** The organisations that may be marked present on `date`: those on the roster that day without a named person. */
export function organisationOptions(detail: Pick<NetworkDetail, 'roster'>, date: string): OrganisationOptionVm[] {
  const byId = new Map<string, OrganisationOptionVm>();
  for (const e of detail.roster) {
    if (e.contactId !== undefined || e.organisationId === undefined || e.from > date || (e.to !== undefined && e.to < date)) continue;
    byId.set(e.organisationId, { organisationId: e.organisationId, name: e.displayName });
  }
  return [...byId.values()].sort((a, b) => compareSv(a.name, b.name));
}

export type MeetingRowVm = {
  id: string;
  date: string;
  kind: MeetingKind;
  kindLabel: string;
  title: string;
  note: string;
  attendeeContactIds: string[];
  attendeeOrganisationIds: string[];
  attendeesText: string;
  attendeeNames: string;
  /** After the date shown: planned, not held, so no attendance. */
  planned: boolean;
};

/**
 * Meetings newest first (the core's order), with «3 av 5»: present of the persons and organisations on the roster
 * that day; a planned meeting says «Planerat» instead.
 */
export function meetingRows(detail: Pick<NetworkDetail, 'meetings' | 'roster'>): MeetingRowVm[] {
  return detail.meetings.map((m) => {
    const eligible = new Set(attendeeOptions(detail, m.date).map((o) => `c:${o.contactId}`));
    for (const o of organisationOptions(detail, m.date)) eligible.add(`o:${o.organisationId}`);
    for (const id of m.attendeeContactIds) eligible.add(`c:${id}`);
    const organisationIds = m.attendeeOrganisationIds ?? [];
    for (const id of organisationIds) eligible.add(`o:${id}`);
    const present = m.attendeeContactIds.length + organisationIds.length;
    const names = [...m.attendees.map((a) => a.name), ...m.attendeeOrganisations.map((o) => o.name)].sort(compareSv);
    return {
      id: m.id,
      date: formatDate(m.date),
      kind: m.kind,
      kindLabel: t.meetingKinds[m.kind],
      title: m.title,
      note: m.note,
      attendeeContactIds: [...m.attendeeContactIds],
      attendeeOrganisationIds: [...organisationIds],
      attendeesText: m.planned ? t.meetings.planned : t.meetings.attendeesValue(formatNumber(present), formatNumber(eligible.size)),
      attendeeNames: names.join(', '),
      planned: m.planned,
    };
  });
}

/** Years to choose for the attendance report: those with meetings, and the current one, newest first. */
export function attendanceYears(detail: Pick<NetworkDetail, 'meetings'>, currentYear: number): number[] {
  const years = new Set<number>([currentYear]);
  for (const m of detail.meetings) years.add(yearOf(m.date));
  return [...years].sort((a, b) => b - a);
}

export type AttendancePersonRowVm = {
  contactId: string;
  name: string;
  organisationName: string;
  attended: string;
  eligible: string;
  share: string;
};
export type AttendanceOrganisationRowVm = { organisationId: string; name: string; attendances: string; meetings: string; persons: string };
export type AttendanceVm = {
  heading: string;
  summary: string;
  hasMeetings: boolean;
  persons: AttendancePersonRowVm[];
  organisations: AttendanceOrganisationRowVm[];
};

export function attendanceVm(report: AttendanceReport): AttendanceVm {
  return {
    heading: t.attendance.heading(String(report.year)),
    summary: t.attendance.meetings(report.meetings),
    hasMeetings: report.meetings > 0,
    persons: report.persons.map((p) => ({
      contactId: p.contactId,
      name: p.name,
      organisationName: p.organisationName ?? '',
      attended: formatNumber(p.attended),
      eligible: formatNumber(p.eligible),
      share: p.share === null ? t.attendance.noShare : formatPercent(p.share, 0),
    })),
    organisations: report.organisations.map((o) => ({
      organisationId: o.organisationId,
      name: o.name,
      attendances: formatNumber(o.attendances),
      meetings: formatNumber(o.meetingsAttended),
      persons: formatNumber(o.persons),
    })),
  };
}
