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

export type MeetingRowVm = {
  id: string;
  date: string;
  kind: MeetingKind;
  kindLabel: string;
  title: string;
  note: string;
  attendeeContactIds: string[];
  attendeesText: string;
  attendeeNames: string;
};

/** Meetings newest first (the core's order), with «3 av 5»: present of the persons on the roster that day. */
export function meetingRows(detail: Pick<NetworkDetail, 'meetings' | 'roster'>): MeetingRowVm[] {
  return detail.meetings.map((m) => {
    const eligible = new Set(attendeeOptions(detail, m.date).map((o) => o.contactId));
    for (const id of m.attendeeContactIds) eligible.add(id);
    return {
      id: m.id,
      date: formatDate(m.date),
      kind: m.kind,
      kindLabel: t.meetingKinds[m.kind],
      title: m.title,
      note: m.note,
      attendeeContactIds: [...m.attendeeContactIds],
      attendeesText: t.meetings.attendeesValue(formatNumber(m.attendeeContactIds.length), formatNumber(eligible.size)),
      attendeeNames: [...m.attendees].sort((a, b) => compareSv(a.name, b.name)).map((a) => a.name).join(', '),
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
