import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  assertNoPeriodOverlap,
  assertPeriodValid,
  memberIdsAt,
  memberIntervals,
  membershipIndex,
  membershipTimeline,
  periodCovers,
  statusAt,
} from '../../../electron/core/domain/memberships';
import { municipality, organisation, period, referenceDocument } from '../../fixtures/register/documents';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const base = referenceDocument();
const habo = municipality(base, '0643');
const savsjo = municipality(base, '0684');
const eksjo = municipality(base, '0686');
const group = organisation('hogland', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [savsjo.id, eksjo.id] });

describe('status at a date', () => {
  const doc = referenceDocument({
    organisations: [habo, savsjo, eksjo, group],
    memberships: [
      period(habo.id, '2015-03-01', { noticeGiven: '2019-06-15', left: '2019-12-31' }),
      period(habo.id, '2022-02-01'), // re-join
      period(group.id, '2020-01-01', { left: '2021-12-31' }),
      period(savsjo.id, '2021-06-01'),
    ],
  });

  it.each([
    ['2015-02-28', 'aldrig-medlem'],
    ['2015-03-01', 'medlem'],
    ['2019-06-14', 'medlem'],
    ['2019-06-15', 'uppsagd'],
    ['2019-12-31', 'uppsagd'],
    ['2020-01-01', 'uttradd'],
    ['2022-01-31', 'uttradd'],
    ['2022-02-01', 'medlem'],
  ])('Habo on %s is %s', (date, status) => {
    expect(statusAt(doc, habo.id, date).status).toBe(status);
  });

  it('counts the last day (left) as a member day', () => {
    expect(periodCovers({ joined: '2015-03-01', left: '2019-12-31' }, '2019-12-31')).toBe(true);
    expect(memberIdsAt(doc, '2019-12-31').has(habo.id)).toBe(true);
    expect(memberIdsAt(doc, '2020-01-01').has(habo.id)).toBe(false);
  });

  it('makes a group member of its municipalities, with their own period taking precedence', () => {
    expect(statusAt(doc, eksjo.id, '2020-06-30')).toMatchObject({ status: 'medlem-via-grupp', viaGroupIds: [group.id], label: 'Medlem via grupp' });
    expect(statusAt(doc, eksjo.id, '2019-06-30').status).toBe('aldrig-medlem');
    expect(statusAt(doc, eksjo.id, '2022-01-01').status).toBe('uttradd');
    expect(statusAt(doc, savsjo.id, '2021-07-01')).toMatchObject({ status: 'medlem', viaGroupIds: [group.id] });
    expect(statusAt(doc, savsjo.id, '2022-01-01').status).toBe('medlem');
  });

  it('memberIdsAt counts the group and each of its municipalities', () => {
    const members = memberIdsAt(doc, '2020-06-30');
    expect([...members].sort()).toEqual([eksjo.id, group.id, savsjo.id].sort());
    expect(memberIdsAt(doc, '2022-06-30')).toEqual(new Set([habo.id, savsjo.id]));
  });

  it('joins touching own and group periods into one membership interval', () => {
    const index = membershipIndex(doc);
    expect(memberIntervals(index, savsjo.id)).toEqual([{ from: '2020-01-01' }]);
    expect(memberIntervals(index, habo.id)).toEqual([{ from: '2015-03-01', to: '2019-12-31' }, { from: '2022-02-01' }]);
  });
});

describe('editing periods', () => {
  const periods = [period('a', '2015-01-01', { left: '2018-12-31' }), period('a', '2020-01-01'), period('b', '2010-01-01')];

  it('refuses an overlapping period with a Swedish message naming the other period', () => {
    const error = refusal(() => assertNoPeriodOverlap(periods, 'a', { joined: '2018-06-01', left: '2019-06-30' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'Inträdesdatum: Perioden överlappar en annan medlemsperiod för organisationen (2015-01-01 – 2018-12-31). Ett återinträde börjar efter att den förra perioden har slutat.',
    );
    expect(error).toMatchObject({ field: 'joined', details: { existingId: periods[0]?.id } });
    expect(refusal(() => assertNoPeriodOverlap(periods, 'a', { joined: '2023-01-01' })).message).toMatch(/Avsluta den pågående perioden först/);
  });

  it('accepts a re-join starting the day after the last one ended, and other organisations freely', () => {
    expect(() => assertNoPeriodOverlap(periods, 'a', { joined: '2019-01-01', left: '2019-12-31' })).not.toThrow();
    expect(() => assertNoPeriodOverlap(periods, 'a', { joined: '2018-12-31' })).toThrow(AppError);
    expect(() => assertNoPeriodOverlap(periods, 'c', { joined: '2018-12-31' })).not.toThrow();
    expect(() => assertNoPeriodOverlap(periods, 'a', { joined: '2014-01-01', left: '2018-12-31' }, periods[0]?.id)).not.toThrow();
  });

  it('refuses dates out of order', () => {
    expect(refusal(() => assertPeriodValid({ joined: '2020-01-01', left: '2019-12-31' })).message).toMatch(/^Utträdesdatum: /);
    expect(refusal(() => assertPeriodValid({ joined: '2020-01-01', noticeGiven: '2019-12-31' })).message).toMatch(/^Uppsägningsdatum: /);
    expect(refusal(() => assertPeriodValid({ joined: '2020-01-01', noticeGiven: '2021-01-01', left: '2020-12-31' })).message).toMatch(/efter utträdesdatumet/);
    expect(() => assertPeriodValid({ joined: '2020-01-01', noticeGiven: '2020-01-01', left: '2020-01-01' })).not.toThrow();
  });
});

describe('timeline', () => {
  const doc = referenceDocument({
    organisations: [habo, savsjo, eksjo, group],
    memberships: [
      period(habo.id, '2015-03-01', { noticeGiven: '2019-06-15', left: '2019-12-31', reason: 'Besparingar' }),
      period(habo.id, '2022-02-01'),
      period(group.id, '2020-01-01', { left: '2021-12-31' }),
      period(eksjo.id, '2023-01-01'),
    ],
  });

  it('lists own periods with re-joins marked, events in order and status bands', () => {
    const t = membershipTimeline(doc, habo.id);
    expect(t.periods.map((p) => [p.joined, p.rejoin, p.open])).toEqual([
      ['2015-03-01', false, false],
      ['2022-02-01', true, true],
    ]);
    expect(t.events.map((e) => [e.date, e.kind])).toEqual([
      ['2015-03-01', 'joined'],
      ['2019-06-15', 'notice'],
      ['2019-12-31', 'left'],
      ['2022-02-01', 'rejoined'],
    ]);
    expect(t.events[2]?.label).toBe('Utträde (sista dag): Besparingar');
    expect(t.segments).toEqual([
      { from: '2015-03-01', to: '2019-06-14', status: 'medlem', label: 'Medlem' },
      { from: '2019-06-15', to: '2019-12-31', status: 'uppsagd', label: 'Uppsagd (medlem till utträdet)' },
      { from: '2020-01-01', to: '2022-01-31', status: 'uttradd', label: 'Utträdd' },
      { from: '2022-02-01', status: 'medlem', label: 'Medlem' },
    ]);
  });

  it('shows a municipality its group periods and the gap before its own', () => {
    const t = membershipTimeline(doc, eksjo.id);
    expect(t.groupPeriods).toEqual([{ groupId: group.id, groupName: 'Höglandsförbundet', periodId: expect.any(String), joined: '2020-01-01', left: '2021-12-31' }]);
    expect(t.segments.map((s) => [s.from, s.to, s.status])).toEqual([
      ['2020-01-01', '2021-12-31', 'medlem-via-grupp'],
      ['2022-01-01', '2022-12-31', 'uttradd'],
      ['2023-01-01', undefined, 'medlem'],
    ]);
    expect(t.events.map((e) => e.kind)).toEqual(['group-joined', 'group-left', 'joined']);
  });
});
