import { describe, expect, it } from 'vitest';
import { attendanceForYear } from '../../../electron/core/domain/attendance';
import { createTestServices } from '../../support/memory-document';
import { contact, entry, makeDocument, meeting, municipality, network } from '../../fixtures/services/documents';

/**
 * Network A: Anna (Kil) all year, Bo (Kil) until 2022-05-31, Cia (Ale) from 2022-04-01; meetings on
 * 2022-02-01 (Anna, Bo), 2022-04-15 (Anna, Cia), 2022-09-01 (Cia) and one in 2021. Network B: Anna; one
 * meeting on 2022-03-01 (Anna).
 */
function fixture() {
  return makeDocument({
    organisations: [municipality('Kil'), municipality('Ale')],
    contacts: [contact('anna', 'org-Kil', 'Anna Andersson'), contact('bo', 'org-Kil', 'Bo Berg'), contact('cia', 'org-Ale', 'Cia Carlsson')],
    networks: [
      network('a', 'kompetensnatverk', 'A', {
        roster: [
          entry('ea', { contactId: 'anna', from: '2021-01-01' }),
          entry('eb', { contactId: 'bo', from: '2022-01-01', to: '2022-05-31' }),
          entry('ec', { contactId: 'cia', from: '2022-04-01' }),
        ],
        meetings: [
          meeting('m1', '2022-02-01', 'mote', ['anna', 'bo']),
          meeting('m2', '2022-04-15', 'seminarium', ['anna', 'cia']),
          meeting('m3', '2022-09-01', 'webinar', ['cia']),
          meeting('m0', '2021-11-01', 'mote', ['anna']),
        ],
      }),
      network('b', 'projekt', 'B', {
        roster: [entry('fa', { contactId: 'anna', from: '2022-01-01' })],
        meetings: [meeting('b1', '2022-03-01', 'mote', ['anna'])],
      }),
    ],
  });
}

describe('attendance over a year', () => {
  // Seen at the year's end: every meeting of 2022 has been held.
  const report = attendanceForYear(fixture(), 2022, undefined, '2022-12-31');

  it('gives each person the meetings attended against those held while on the roster', () => {
    expect(report.persons.map((p) => [p.name, p.attended, p.eligible, p.share])).toEqual([
      ['Anna Andersson', 3, 4, 3 / 4],
      ['Bo Berg', 1, 2, 1 / 2],
      ['Cia Carlsson', 2, 2, 1],
    ]);
    expect(report.meetings).toBe(4);
  });

  it('gives each organisation its persons\' attendances, the distinct meetings it was at and how many persons came', () => {
    expect(report.organisations.map((o) => [o.name, o.attendances, o.meetingsAttended, o.persons])).toEqual([
      ['Ale', 2, 2, 1],
      ['Kil', 4, 3, 2],
    ]);
  });

  it('gives each network its meetings, attendances and average attendees', () => {
    expect(report.networks.map((n) => [n.networkId, n.meetings, n.attendances, n.averageAttendees])).toEqual([
      ['a', 3, 5, 5 / 3],
      ['b', 1, 1, 1],
    ]);
  });

  it('limits the report to chosen networks and refuses an unknown one', () => {
    const onlyB = attendanceForYear(fixture(), 2022, ['b'], '2022-12-31');
    expect(onlyB.persons.map((p) => [p.contactId, p.attended, p.eligible])).toEqual([['anna', 1, 1]]);
    expect(() => attendanceForYear(fixture(), 2022, ['b', 'nope'], '2022-12-31')).toThrow(/Nätverk/);
  });

  it('leaves out a meeting after today: it is planned, with no share to count', () => {
    const midYear = attendanceForYear(fixture(), 2022, undefined, '2022-06-30');
    expect(midYear.meetings).toBe(3);
    expect(midYear.persons.map((p) => [p.name, p.attended, p.eligible, p.share])).toEqual([
      ['Anna Andersson', 3, 4 - 1, 1],
      ['Bo Berg', 1, 2, 1 / 2],
      ['Cia Carlsson', 1, 1, 1],
    ]);
    expect(midYear.networks.find((n) => n.networkId === 'a')).toMatchObject({ meetings: 2, attendances: 4 });
  });

  it('counts an organisation marked present beside its persons', () => {
    const doc = fixture();
    const a = doc.networks[0];
    if (!a) throw new Error('no network');
    a.roster.push(entry('eo', { organisationId: 'org-Ale', from: '2022-01-01' }));
    a.meetings[0] = { ...meeting('m1', '2022-02-01', 'mote', ['anna', 'bo']), attendeeOrganisationIds: ['org-Ale'] };
    const report = attendanceForYear(doc, 2022, undefined, '2022-12-31');
    expect(report.organisations.map((o) => [o.name, o.attendances, o.meetingsAttended, o.persons])).toEqual([
      ['Ale', 3, 3, 1],
      ['Kil', 4, 3, 2],
    ]);
    expect(report.networks.find((n) => n.networkId === 'a')).toMatchObject({ attendances: 6 });
  });
});

describe('meeting channels', () => {
  it('adds a meeting with attendees from the roster, and refuses a person not on it at the date, by name', async () => {
    const { call, repo } = createTestServices({ initial: fixture() });
    const ok = await call('networks/add-meeting', { networkId: 'a', date: '2022-05-31', kind: 'konferens', title: 'Sambrukdagen', attendeeContactIds: ['bo', 'anna', 'bo'] });
    expect(ok).toMatchObject({ ok: true, data: { title: 'Sambrukdagen', attendeeContactIds: ['bo', 'anna'] } });
    const refused = await call('networks/add-meeting', { networkId: 'a', date: '2022-06-01', kind: 'mote', title: 'Möte', attendeeContactIds: ['bo'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'attendeeContactIds' } });
    if (!refused.ok) expect(refused.error.message).toBe('Närvarande: Bo Berg finns inte i nätverkets deltagarlista den 2022-06-01.');
    expect(repo.get().networks[0]?.meetings).toHaveLength(5);
  });

  it('sets attendees, refuses moving a meeting to a date its attendees were not on the roster, and deletes it', async () => {
    const { call, repo } = createTestServices({ initial: fixture() });
    await call('networks/set-attendees', { networkId: 'a', meetingId: 'm2', attendeeContactIds: ['cia', 'bo', 'cia'] });
    const meetingM2 = () => repo.get().networks[0]?.meetings.find((m) => m.id === 'm2');
    expect(meetingM2()?.attendeeContactIds).toEqual(['cia', 'bo']);
    const moved = await call('networks/update-meeting', { networkId: 'a', meetingId: 'm2', date: '2022-03-01' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!moved.ok) expect(moved.error.message).toContain('Cia Carlsson');
    await call('networks/update-meeting', { networkId: 'a', meetingId: 'm2', title: 'Seminariedag', kind: 'webinar' });
    expect(meetingM2()).toMatchObject({ title: 'Seminariedag', kind: 'webinar', date: '2022-04-15' });
    expect(await call('networks/delete-meeting', { networkId: 'a', meetingId: 'm2' })).toEqual({ ok: true, data: { deleted: 'm2' } });
    expect(meetingM2()).toBeUndefined();
  });

  it('reports attendance through networks/get-attendance', async () => {
    const { call } = createTestServices({ initial: fixture() });
    const result = await call('networks/get-attendance', { year: 2022 });
    expect(result.ok && result.data).toEqual(attendanceForYear(fixture(), 2022, undefined, '2022-06-30'));
  });
});

describe('attendance on the meeting’s date', () => {
  /** Network A of the fixture, with Ale on the roster as an organisation from 1 March and Digidel-style dates. */
  function withOrganisation() {
    const doc = fixture();
    doc.networks[0]?.roster.push(entry('eo', { organisationId: 'org-Ale', from: '2022-03-01' }));
    return doc;
  }

  it('marks an organisation on the roster present, and refuses one not on it that day, by name', async () => {
    const { call, repo } = createTestServices({ initial: withOrganisation() });
    const ok = await call('networks/set-attendees', { networkId: 'a', meetingId: 'm2', attendeeContactIds: ['anna'], attendeeOrganisationIds: ['org-Ale', 'org-Ale'] });
    expect(ok).toMatchObject({ ok: true, data: { attendeeContactIds: ['anna'], attendeeOrganisationIds: ['org-Ale'] } });
    const early = await call('networks/set-attendees', { networkId: 'a', meetingId: 'm1', attendeeContactIds: [], attendeeOrganisationIds: ['org-Ale'] });
    expect(early).toMatchObject({ ok: false, error: { code: 'validation', field: 'attendeeOrganisationIds' } });
    if (!early.ok) expect(early.error.message).toContain('Ale finns inte i nätverkets deltagarlista den 2022-02-01');
    // Giving only the persons keeps the organisations marked before.
    await call('networks/set-attendees', { networkId: 'a', meetingId: 'm2', attendeeContactIds: ['cia'] });
    expect(repo.get().networks[0]?.meetings.find((m) => m.id === 'm2')).toMatchObject({ attendeeContactIds: ['cia'], attendeeOrganisationIds: ['org-Ale'] });
    const detail = await call('networks/get', { networkId: 'a' });
    expect(detail.ok && detail.data.meetings.find((m) => m.id === 'm2')?.attendeeOrganisations).toEqual([{ organisationId: 'org-Ale', name: 'Ale' }]);
  });

  it('refuses attendance at a meeting after today, and moving a meeting with attendance into the future', async () => {
    const { call } = createTestServices({ initial: withOrganisation() });
    const future = await call('networks/set-attendees', { networkId: 'a', meetingId: 'm3', attendeeContactIds: ['cia'] });
    expect(future).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!future.ok) expect(future.error.message).toContain('Mötet den 2022-09-01 har inte hållits än');
    const planned = await call('networks/add-meeting', { networkId: 'a', date: '2022-10-01', kind: 'konferens', title: 'Höstdagen', attendeeContactIds: [] });
    expect(planned.ok).toBe(true);
    const moved = await call('networks/update-meeting', { networkId: 'a', meetingId: 'm2', date: '2022-07-15' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('marks a person added to the roster today for a past meeting when the entry starts from that earlier day', async () => {
    const fromToday = createTestServices({ initial: withOrganisation() });
    expect((await fromToday.call('networks/add-entry', { networkId: 'b', contactId: 'cia', from: '2022-06-30' })).ok).toBe(true);
    const refused = await fromToday.call('networks/set-attendees', { networkId: 'b', meetingId: 'b1', attendeeContactIds: ['anna', 'cia'] });
    expect(refused).toMatchObject({ ok: false, error: { field: 'attendeeContactIds' } });
    const fromMarch = createTestServices({ initial: withOrganisation() });
    expect((await fromMarch.call('networks/add-entry', { networkId: 'b', contactId: 'cia', from: '2022-03-01' })).ok).toBe(true);
    const marked = await fromMarch.call('networks/set-attendees', { networkId: 'b', meetingId: 'b1', attendeeContactIds: ['anna', 'cia'] });
    expect(marked).toMatchObject({ ok: true, data: { attendeeContactIds: ['anna', 'cia'] } });
  });

  it('shows the last meeting held, not one planned, and the next planned', async () => {
    const { call } = createTestServices({ initial: withOrganisation() });
    const list = await call('networks/list', {});
    expect(list.ok && list.data.find((n) => n.id === 'a')).toMatchObject({ lastMeetingDate: '2022-04-15', nextMeetingDate: '2022-09-01' });
    const detail = await call('networks/get', { networkId: 'a' });
    expect(detail.ok && detail.data.meetings.map((m) => [m.id, m.planned])).toEqual([
      ['m3', true],
      ['m2', false],
      ['m1', false],
      ['m0', false],
    ]);
  });
});
