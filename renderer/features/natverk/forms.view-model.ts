/**
 * The Nätverk screen's forms: values as the inputs hold them (strings), checks that answer in Swedish by the
 * field before anything is sent, the channel inputs they become, and the core's refusals mapped back to a
 * field. The core checks everything again; these checks only spare the user a round trip.
 */
import type { ChannelInput, NetworkSummary } from '../../../electron/contract';
import type { MeetingKind, NetworkKind, RosterRole } from '../../../electron/core/store/schema';
import { sv } from '../../lib/i18n/sv';
import { placeRefusal, type Refusal } from '../../lib/refusal';
import type { Participation } from './roster.view-model';
import { isCalendarDate } from '../../../electron/contract/rules/calendar-date';

const t = sv.natverk;

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function hasErrors(errors: FieldErrors<string>): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}

/**
 * A refusal from the core as `{ field, message }`: under the field it names (`error.field`) when the form
 * shows that field, else whole, for a message above the buttons.
 */
export function apiFieldError<K extends string>(error: Refusal, fields: readonly K[]): { field?: K; message: string } {
  return placeRefusal(error, (field): field is K => (fields as readonly string[]).includes(field));
}

// ---------------------------------------------------------------- network

export type NetworkFormValues = {
  kind: NetworkKind;
  name: string;
  description: string;
  /** '' for none. */
  serviceId: string;
  startDate: string;
  endDate: string;
};
export const networkFormFields = ['kind', 'name', 'description', 'serviceId', 'startDate', 'endDate'] as const;
export type NetworkFormField = (typeof networkFormFields)[number];

export function emptyNetworkForm(kind: NetworkKind = 'kompetensnatverk'): NetworkFormValues {
  return { kind, name: '', description: '', serviceId: '', startDate: '', endDate: '' };
}

export function networkFormFrom(n: Pick<NetworkSummary, 'kind' | 'name' | 'description' | 'serviceId' | 'startDate' | 'endDate'>): NetworkFormValues {
  return {
    kind: n.kind,
    name: n.name,
    description: n.description,
    serviceId: n.serviceId ?? '',
    startDate: n.startDate ?? '',
    endDate: n.endDate ?? '',
  };
}

function checkDate(value: string): string | undefined {
  return value === '' || isCalendarDate(value) ? undefined : t.form.invalidDate;
}

export function validateNetworkForm(v: NetworkFormValues): FieldErrors<NetworkFormField> {
  const errors: FieldErrors<NetworkFormField> = {};
  const name = v.name.trim();
  if (name === '') errors.name = t.form.nameRequired;
  else if (name.length > 200) errors.name = t.form.nameTooLong;
  if (v.description.trim().length > 2000) errors.description = t.form.descriptionTooLong;
  const start = checkDate(v.startDate);
  const end = checkDate(v.endDate);
  if (start) errors.startDate = start;
  if (end) errors.endDate = end;
  if (!start && !end && v.startDate !== '' && v.endDate !== '' && v.endDate < v.startDate) errors.endDate = t.form.endBeforeStart;
  return errors;
}

export function networkCreateInput(v: NetworkFormValues): ChannelInput<'networks/create'> {
  return {
    kind: v.kind,
    name: v.name.trim(),
    description: v.description.trim(),
    ...(v.kind === 'forvaltningsrad' && v.serviceId !== '' ? { serviceId: v.serviceId } : {}),
    ...(v.startDate !== '' ? { startDate: v.startDate } : {}),
    ...(v.endDate !== '' ? { endDate: v.endDate } : {}),
  };
}

/** Every field is sent: an emptied date or service becomes `null`, which the core reads as «clear it». */
export function networkUpdateInput(networkId: string, v: NetworkFormValues): ChannelInput<'networks/update'> {
  return {
    networkId,
    kind: v.kind,
    name: v.name.trim(),
    description: v.description.trim(),
    serviceId: v.kind === 'forvaltningsrad' && v.serviceId !== '' ? v.serviceId : null,
    startDate: v.startDate === '' ? null : v.startDate,
    endDate: v.endDate === '' ? null : v.endDate,
  };
}

// ---------------------------------------------------------------- roster entry

export type EntryFormValues = { role: RosterRole; participation: Participation; from: string; to: string };
export const entryFormFields = ['role', 'participation', 'from', 'to'] as const;
export type EntryFormField = (typeof entryFormFields)[number];

export function validateEntryForm(v: Pick<EntryFormValues, 'from' | 'to'>, options: { toRequired?: boolean } = {}): FieldErrors<EntryFormField> {
  const errors: FieldErrors<EntryFormField> = {};
  if (!isCalendarDate(v.from)) errors.from = t.form.invalidDate;
  if (v.to !== '' || options.toRequired) {
    if (!isCalendarDate(v.to)) errors.to = t.form.invalidDate;
    else if (!errors.from && v.to < v.from) errors.to = t.form.endBeforeStart;
  }
  return errors;
}

// ---------------------------------------------------------------- meeting

export type MeetingFormValues = { date: string; kind: MeetingKind; title: string; note: string; attendeeContactIds: string[] };
export const meetingFormFields = ['date', 'kind', 'title', 'note', 'attendeeContactIds'] as const;
export type MeetingFormField = (typeof meetingFormFields)[number];

export function emptyMeetingForm(date: string): MeetingFormValues {
  return { date, kind: 'mote', title: '', note: '', attendeeContactIds: [] };
}

export function validateMeetingForm(v: MeetingFormValues): FieldErrors<MeetingFormField> {
  const errors: FieldErrors<MeetingFormField> = {};
  if (!isCalendarDate(v.date)) errors.date = t.meetings.invalidDate;
  const title = v.title.trim();
  if (title === '') errors.title = t.meetings.titleRequired;
  else if (title.length > 200) errors.title = t.meetings.titleTooLong;
  if (v.note.trim().length > 2000) errors.note = t.meetings.noteTooLong;
  return errors;
}

/**
 * Attendees kept when the date changes: only persons who may attend on the new date (the core refuses others).
 */
export function keepAttendees(selected: readonly string[], allowed: readonly { contactId: string }[]): string[] {
  const ok = new Set(allowed.map((a) => a.contactId));
  return selected.filter((id) => ok.has(id));
}

export function toggleId(ids: readonly string[], id: string, on: boolean): string[] {
  const rest = ids.filter((x) => x !== id);
  return on ? [...rest, id] : rest;
}
