import { describe, expect, it } from 'vitest';
import { attendanceVm, attendanceYears, attendeeOptions, meetingRows, organisationOptions } from '../../../../renderer/features/natverk/meetings.view-model';
import { formatPercent } from '../../../../renderer/lib/format';
import { DATE, read } from './fixture';

describe('who may be marked present', () => {
  it('is the roster\'s persons in force on the meeting\'s day, by name, with their organisation', async () => {
    const detail = await read('networks/get', { networkId: 'n1' });
    expect(attendeeOptions(detail, DATE).map((o) => o.label)).toEqual(['Anna Ek, Borås', 'Bo Lind, Ängelholm', 'Cecilia Åberg, Sävsjö']);
    // Cecilia's entry ends today; Anna and Bo joined in January 2022.
    expect(attendeeOptions(detail, '2022-07-01').map((o) => o.contactId)).toEqual(['c-anna', 'c-bo']);
    expect(attendeeOptions(detail, '2021-06-01').map((o) => o.contactId)).toEqual(['c-cia']);
  });
});

describe('the meetings table', () => {
  it('lists meetings newest first with present against possible, organisations on the roster included', async () => {
    const rows = meetingRows(await read('networks/get', { networkId: 'n1' }));
    // Possible: the three persons, and the publisher and Håbo as organisations; in 2021 Cecilia and Habo.
    expect(rows.map((r) => [r.date, r.kindLabel, r.title, r.attendeesText])).toEqual([
      ['2022-06-15', 'Webbinarium', 'Webbinarium om e-underskrift', '2 av 5'],
      ['2022-05-10', 'Möte', 'Vårmöte', '1 av 5'],
      ['2021-11-01', 'Konferens', 'Höstkonferens', '0 av 2'],
    ]);
    expect(rows[0]?.attendeeNames).toBe('Anna Ek, Bo Lind');
  });

  it('offers the organisations on the roster that day, and shows a meeting after the date as planned', async () => {
    const detail = await read('networks/get', { networkId: 'n1' });
    expect(organisationOptions(detail, DATE).map((o) => o.organisationId).sort()).toEqual(['org-Håbo', 'pub']);
    expect(organisationOptions(detail, '2021-06-01').map((o) => o.organisationId)).toEqual(['org-Habo']);
    const earlier = meetingRows(await read('networks/get', { networkId: 'n1', date: '2022-06-01' }));
    expect(earlier.find((r) => r.title === 'Webbinarium om e-underskrift')).toMatchObject({ planned: true, attendeesText: 'Planerat' });
    expect(earlier.find((r) => r.title === 'Vårmöte')?.planned).toBe(false);
  });

  it('offers the years with meetings and the current one for the attendance report', async () => {
    const detail = await read('networks/get', { networkId: 'n1' });
    expect(attendanceYears(detail, 2023)).toEqual([2023, 2022, 2021]);
    expect(attendanceYears(detail, 2022)).toEqual([2022, 2021]);
  });
});

describe('attendance over a year', () => {
  it('shows each person\'s attended, possible and share, and each organisation\'s totals', async () => {
    const vm = attendanceVm(await read('networks/get-attendance', { year: 2022, networkIds: ['n1'] }));
    expect(vm.heading).toBe('Närvaro 2022');
    expect(vm.summary).toBe('2 möten och evenemang under året');
    expect(vm.persons.map((p) => [p.name, p.organisationName, p.attended, p.eligible, p.share])).toEqual([
      ['Anna Ek', 'Borås', '2', '2', formatPercent(1, 0)],
      ['Bo Lind', 'Ängelholm', '1', '2', formatPercent(0.5, 0)],
      ['Cecilia Åberg', 'Sävsjö', '0', '2', formatPercent(0, 0)],
    ]);
    expect(vm.organisations.map((o) => [o.name, o.attendances, o.meetings, o.persons])).toEqual([
      ['Borås', '2', '2', '1'],
      ['Ängelholm', '1', '1', '1'],
    ]);
  });

  it('says when the year had no meetings, and words a single one in the singular', async () => {
    const none = attendanceVm(await read('networks/get-attendance', { year: 2020, networkIds: ['n1'] }));
    expect(none.hasMeetings).toBe(false);
    expect(none.persons).toEqual([]);
    expect(attendanceVm(await read('networks/get-attendance', { year: 2021, networkIds: ['n1'] })).summary).toBe(
      '1 möte eller evenemang under året',
    );
  });
});
