import { z } from 'zod';
import { channel } from '../define';
import type { Meeting, Network, NetworkKind, RosterEntry, RosterRole } from '../model/records';
import { id, isoDate, meetingKinds, networkKinds, participationKinds, rosterRoles, safeName, safeText, year } from '../model/records';

const trimmedName = safeName;
const longText = safeText(2000);

/** A roster entry with the names the screens show. */
export type RosterEntryView = RosterEntry & {
  /** The name to show: the person, else the organisation, else the external name. */
  displayName: string;
  organisationName?: string;
  contactName?: string;
  contactEmail?: string;
  /** The organisation the entry stands for: its own, else the person's. */
  representsOrganisationId?: string;
  /** In force at the date asked for. */
  active: boolean;
};

export type MeetingView = Meeting & {
  attendees: { contactId: string; name: string; organisationName?: string }[];
  /** Organisations on the roster without a named person that attended. */
  attendeeOrganisations: { organisationId: string; name: string }[];
  /** Dated after the date asked for (today by default): planned, not held, so no attendance yet. */
  planned: boolean;
};

/** An organisation of a governance council at a date: a user of the council's service. */
export type CouncilOrganisation = {
  organisationId: string;
  name: string;
  isMember: boolean;
  /** `group`: the organisation uses the service through its group's record. */
  source: 'direct' | 'group';
  usingFrom: string;
  /** The organisation's person on the council's roster with role ordförande (preferred) or ledamot, if any. */
  representative?: { entryId: string; contactId: string; name: string; role: RosterRole };
};

export type NetworkSummary = {
  id: string;
  kind: NetworkKind;
  name: string;
  description: string;
  serviceId?: string;
  serviceName?: string;
  startDate?: string;
  endDate?: string;
  archived: boolean;
  /** Roster entries in force at the date. */
  activeEntries: number;
  activePersons: number;
  /** Member municipalities taking part at the date (see networks.ts for the counting rule). */
  participatingMemberMunicipalities: number;
  meetingCount: number;
  /** The latest meeting held by the date (one dated later is planned, not the last held). */
  lastMeetingDate?: string;
  /** The next meeting planned after the date. */
  nextMeetingDate?: string;
};

export type NetworkDetail = NetworkSummary & {
  date: string;
  roster: RosterEntryView[];
  meetings: MeetingView[];
  participatingMunicipalities: { organisationId: string; name: string }[];
  /** For a förvaltningsråd with a service: its organisations at the date, derived from who uses the service. */
  council?: CouncilOrganisation[];
};

export type NetworkFigures = {
  date: string;
  year: number;
  /** Participating member municipalities a network needs (the plan: at least 20). */
  municipalityGoal: number;
  /** Competence networks that must reach it (the plan: four). */
  networkGoal: number;
  networks: {
    networkId: string;
    name: string;
    kind: NetworkKind;
    participatingMemberMunicipalities: number;
    reachesMunicipalityGoal: boolean;
  }[];
  /** Competence networks (kompetensnätverk, active at the date) with at least `municipalityGoal`. */
  networksReachingGoal: number;
  networkGoalReached: boolean;
  events: { year: number; conferences: number; webinars: number; seminars: number; meetings: number; conferencesAndWebinars: number };
};

export type AttendanceReport = {
  year: number;
  networkIds: string[];
  meetings: number;
  persons: {
    contactId: string;
    name: string;
    organisationId?: string;
    organisationName?: string;
    /** Meetings of the year the person attended. */
    attended: number;
    /** Meetings of the year held while the person was on that network's roster. */
    eligible: number;
    /** attended / eligible (0–1); null when nothing was eligible. */
    share: number | null;
  }[];
  organisations: {
    organisationId: string;
    name: string;
    /** Attendances summed over the year: each person present, and the organisation itself when marked present. */
    attendances: number;
    /** Meetings with at least one of the organisation's persons, or the organisation itself, present. */
    meetingsAttended: number;
    persons: number;
  }[];
  networks: { networkId: string; name: string; meetings: number; attendances: number; averageAttendees: number | null }[];
};

export type EmailRecipient = { contactId: string; name: string; email: string; organisationName?: string };
export type EmailList = {
  /** Ready to paste into a mail program's address field: `Namn <a@b.se>; …`. */
  text: string;
  recipients: EmailRecipient[];
  /** Active roster persons the list could not include, and why. */
  withoutEmail: { contactId: string; name: string; organisationName?: string; reason: 'saknas' | 'ogiltig' | 'slutat' }[];
};

export type EndPersonResult = { ended: number; removed: number; networkIds: string[] };

const periodRefine = (v: { from?: string | undefined; to?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (v.from !== undefined && typeof v.to === 'string' && v.to < v.from) {
    ctx.addIssue({ code: 'custom', message: 'Slutdatumet får inte ligga före startdatumet', path: ['to'] });
  }
};

const networkDatesRefine = (v: { startDate?: string | null | undefined; endDate?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (typeof v.startDate === 'string' && typeof v.endDate === 'string' && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', message: 'Slutdatumet får inte ligga före startdatumet', path: ['endDate'] });
  }
};

const attendeeIds = z.array(id).max(2000);

export const networksChannels = {
  /** Networks, sorted by kind then name, with figures at the date (today by default). */
  'networks/list': channel<NetworkSummary[]>()(
    z.strictObject({ kind: z.enum(networkKinds).optional(), includeArchived: z.boolean().default(false), date: isoDate.optional() }),
  ),
  'networks/get': channel<NetworkDetail>()(z.strictObject({ networkId: id, date: isoDate.optional() })),
  /** Adds a network; a förvaltningsråd may name its service (which then names it as its council). */
  'networks/create': channel<Network>()(
    z
      .strictObject({
        kind: z.enum(networkKinds),
        name: trimmedName,
        description: longText.default(''),
        serviceId: id.optional(),
        startDate: isoDate.optional(),
        endDate: isoDate.optional(),
      })
      .superRefine(networkDatesRefine),
  ),
  /** Changes the given fields; `null` clears service, start or end date. */
  'networks/update': channel<Network>()(
    z
      .strictObject({
        networkId: id,
        kind: z.enum(networkKinds).optional(),
        name: trimmedName.optional(),
        description: longText.optional(),
        serviceId: id.nullable().optional(),
        startDate: isoDate.nullable().optional(),
        endDate: isoDate.nullable().optional(),
      })
      .superRefine(networkDatesRefine),
  ),
  'networks/archive': channel<Network>()(z.strictObject({ networkId: id, archived: z.boolean().default(true) })),
  /**
   * Adds an organisation (member or not), a person (a contact; the organisation follows from the person)
   * or an external participant to the roster. One entry per person (or organisation-only, or external
   * name) at a time: overlapping periods are refused.
   */
  'networks/add-entry': channel<RosterEntry>()(
    z
      .strictObject({
        networkId: id,
        organisationId: id.optional(),
        contactId: id.optional(),
        externalName: trimmedName.optional(),
        role: z.enum(rosterRoles).default('deltagare'),
        participation: z.enum(participationKinds).default('deltagare'),
        from: isoDate,
        to: isoDate.optional(),
        /** For a board member: works with IT (true) or not (false); absent when not known. */
        worksWithIt: z.boolean().optional(),
      })
      .superRefine(periodRefine),
  ),
  /** Changes role, participation or dates of an entry; `to: null` opens it again; `worksWithIt: null` forgets the mark. */
  'networks/update-entry': channel<RosterEntry>()(
    z
      .strictObject({
        networkId: id,
        entryId: id,
        role: z.enum(rosterRoles).optional(),
        participation: z.enum(participationKinds).optional(),
        from: isoDate.optional(),
        to: isoDate.nullable().optional(),
        worksWithIt: z.boolean().nullable().optional(),
      })
      .superRefine(periodRefine),
  ),
  /** Ends an entry: `to` is the last day on the roster (inclusive). */
  'networks/end-entry': channel<RosterEntry>()(z.strictObject({ networkId: id, entryId: id, to: isoDate })),
  /** Removes an entry entered by mistake (ending keeps history; this does not). */
  'networks/remove-entry': channel<{ removed: string }>()(z.strictObject({ networkId: id, entryId: id })),
  /**
   * A person leaves: every roster entry of the contact in force on or after `date`, in every network, ends
   * on `date` (inclusive); entries that would start after it are removed. One change, one undo.
   */
  'networks/end-person': channel<EndPersonResult>()(z.strictObject({ contactId: id, date: isoDate })),
  /**
   * Adds a meeting or event; attendees must be persons (or organisations without a named person) on the roster at
   * the meeting's date, and a meeting after today has none yet.
   */
  'networks/add-meeting': channel<Meeting>()(
    z.strictObject({
      networkId: id,
      date: isoDate,
      kind: z.enum(meetingKinds),
      title: trimmedName,
      note: longText.default(''),
      attendeeContactIds: attendeeIds.default([]),
      attendeeOrganisationIds: attendeeIds.default([]),
    }),
  ),
  'networks/update-meeting': channel<Meeting>()(
    z.strictObject({
      networkId: id,
      meetingId: id,
      date: isoDate.optional(),
      kind: z.enum(meetingKinds).optional(),
      title: trimmedName.optional(),
      note: longText.optional(),
    }),
  ),
  'networks/delete-meeting': channel<{ deleted: string }>()(z.strictObject({ networkId: id, meetingId: id })),
  /** Replaces a meeting's attendees (duplicates are dropped); organisations are left as they were when not given. */
  'networks/set-attendees': channel<Meeting>()(
    z.strictObject({ networkId: id, meetingId: id, attendeeContactIds: attendeeIds, attendeeOrganisationIds: attendeeIds.optional() }),
  ),
  /** Attendance per person, organisation and network over a year (all networks, or the chosen ones). */
  'networks/get-attendance': channel<AttendanceReport>()(
    z.strictObject({ year, networkIds: z.array(id).max(500).optional() }),
  ),
  /** The plan's network goals at a date, and the events of a year (the date's year by default). */
  'networks/get-figures': channel<NetworkFigures>()(
    z.strictObject({ date: isoDate.optional(), year: year.optional() }),
  ),
  /** The e-mail addresses of the chosen networks' active persons at the date, for a mail program. */
  'networks/get-email-list': channel<EmailList>()(
    z.strictObject({ networkIds: z.array(id).min(1).max(500), date: isoDate.optional() }),
  ),
};
