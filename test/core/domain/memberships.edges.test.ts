/**
 * Membership periods at their edges: the first and last day, notice on the day, several groups, touching and
 * nested intervals, the order of events on one day, and the Swedish refusals when editing periods.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  assertNoPeriodOverlap,
  assertPeriodValid,
  describePeriod,
  hasDatedStart,
  isRejoin,
  memberIdsAt,
  memberIntervals,
  membershipIndex,
  membershipPeriodsOverlap,
  membershipTimeline,
  periodCovers,
  periodStart,
  statusAt,
  UNKNOWN_START,
} from '../../../electron/core/domain/memberships';
import type { Membership, Organisation } from '../../../electron/core/store/schema';
import { organisation, period } from '../../fixtures/register/documents';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const kommun = organisation('kommun', 'Kommunen', 'kommun');
const other = organisation('annan', 'Annan kommun', 'kommun');
const forbund = organisation('forbund', 'Förbundet', 'kommunalforbund', { groupMemberIds: ['kommun', 'kommun'] });
const namnd = organisation('namnd', 'Nämnden', 'gemensam-namnd', { groupMemberIds: ['kommun'] });
const orgs: Organisation[] = [kommun, other, forbund, namnd];
const doc = (memberships: Membership[]) => ({ organisations: orgs, memberships });

describe('covering a date', () => {
  const p = { joined: '2022-03-01', left: '2022-06-30' };

  it('covers the first and last day and nothing outside', () => {
    expect(periodCovers(p, '2022-02-28')).toBe(false);
    expect(periodCovers(p, '2022-03-01')).toBe(true);
    expect(periodCovers(p, '2022-06-30')).toBe(true);
    expect(periodCovers(p, '2022-07-01')).toBe(false);
    expect(periodCovers({ joined: '2022-03-01' }, '2099-12-31')).toBe(true);
  });

  it('covers every day up to the date of a «före» period, and starts it in the unknown past', () => {
    const before = { joined: '2022-03-01', startKnown: 'before' as const, left: '2022-06-30' };
    expect(periodCovers(before, UNKNOWN_START)).toBe(true);
    expect(periodCovers(before, '1999-01-01')).toBe(true);
    expect(periodCovers(before, '2022-07-01')).toBe(false);
    expect(periodStart(before)).toBe(UNKNOWN_START);
    expect(periodStart({ joined: '2022-03-01', startKnown: 'exact' })).toBe('2022-03-01');
    expect(periodStart({ joined: '2022-03-01' })).toBe('2022-03-01');
    expect(hasDatedStart(before)).toBe(false);
    expect(hasDatedStart({ startKnown: 'exact' })).toBe(true);
    expect(hasDatedStart({})).toBe(true);
  });
});

describe('status and members at a date', () => {
  it('is «uppsagd» from the day notice is given, and a member before it', () => {
    const d = doc([period('kommun', '2020-01-01', { noticeGiven: '2022-05-10', left: '2022-12-31' })]);
    expect(statusAt(d, 'kommun', '2022-05-09')).toMatchObject({ status: 'medlem', label: 'Medlem' });
    expect(statusAt(d, 'kommun', '2022-05-10')).toMatchObject({ status: 'uppsagd' });
    expect(statusAt(d, 'kommun', '2022-12-31').status).toBe('uppsagd');
    expect(statusAt(d, 'kommun', '2023-01-01')).toMatchObject({ status: 'uttradd', viaGroupIds: [] });
    expect(statusAt(d, 'kommun', '2023-01-01')).not.toHaveProperty('periodId');
    expect(statusAt(d, 'kommun', '2019-12-31').status).toBe('aldrig-medlem');
  });

  it('names the covering period and each group the organisation is a member through', () => {
    const own = period('kommun', '2022-06-01');
    const d = doc([own, period('forbund', '2020-01-01'), period('namnd', '2021-01-01', { left: '2021-12-31' })]);
    expect(statusAt(d, 'kommun', '2022-06-01')).toEqual({ status: 'medlem', label: 'Medlem', periodId: own.id, viaGroupIds: ['forbund'] });
    expect(statusAt(d, 'kommun', '2021-06-01')).toMatchObject({ status: 'medlem-via-grupp', viaGroupIds: ['forbund', 'namnd'] });
    expect(statusAt(d, 'kommun', '2020-06-01')).toMatchObject({ status: 'medlem-via-grupp', viaGroupIds: ['forbund'] });
    expect(statusAt(d, 'kommun', '2019-06-01')).toMatchObject({ status: 'aldrig-medlem', viaGroupIds: [] });
  });

  it('is «utträdd» after a membership only through a group has ended', () => {
    const d = doc([period('namnd', '2021-01-01', { left: '2021-12-31' })]);
    expect(statusAt(d, 'kommun', '2022-01-01').status).toBe('uttradd');
    expect(statusAt(d, 'kommun', '2020-12-31').status).toBe('aldrig-medlem');
    expect(statusAt(d, 'annan', '2022-01-01').status).toBe('aldrig-medlem');
  });

  it('counts a group and its municipalities while the group is a member, and nobody after', () => {
    const d = doc([period('forbund', '2020-01-01', { left: '2021-12-31' }), period('annan', '2021-06-01')]);
    expect([...memberIdsAt(d, '2021-12-31')].sort()).toEqual(['annan', 'forbund', 'kommun']);
    expect([...memberIdsAt(d, '2022-01-01')]).toEqual(['annan']);
    expect(memberIdsAt(d, '2019-12-31').size).toBe(0);
  });

  it('lists an organisation’s periods in date order, a «före» one first, and each group once', () => {
    const late = period('kommun', '2022-01-01');
    const early = period('kommun', '2015-01-01', { left: '2016-12-31' });
    const before = period('kommun', '2010-01-01', { startKnown: 'before', left: '2012-12-31' });
    const index = membershipIndex(doc([late, before, early]));
    expect(index.periodsOf('kommun').map((p) => p.id)).toEqual([before.id, early.id, late.id]);
    expect(index.periodsOf('nobody')).toEqual([]);
    expect(index.groupsOf('kommun').map((g) => g.id)).toEqual(['forbund', 'namnd']);
    expect(index.groupsOf('annan')).toEqual([]);
  });

  it('builds a fresh index when the organisations change, and reuses it otherwise', () => {
    const memberships = [period('forbund', '2020-01-01')];
    const first = membershipIndex({ organisations: orgs, memberships });
    expect(membershipIndex({ organisations: orgs, memberships })).toBe(first);
    const without = membershipIndex({ organisations: [kommun, forbund], memberships });
    expect(without).not.toBe(first);
    expect(without.groupsOf('kommun').map((g) => g.id)).toEqual(['forbund']);
  });
});

describe('intervals of membership', () => {
  const intervals = (memberships: Membership[], id = 'kommun') => memberIntervals(membershipIndex(doc(memberships)), id);

  it('joins periods that touch, and keeps a one-day gap apart', () => {
    expect(intervals([period('kommun', '2020-01-01', { left: '2020-12-31' }), period('kommun', '2021-01-01', { left: '2021-06-30' })])).toEqual([
      { from: '2020-01-01', to: '2021-06-30' },
    ]);
    expect(intervals([period('kommun', '2020-01-01', { left: '2020-12-30' }), period('kommun', '2021-01-01')])).toEqual([
      { from: '2020-01-01', to: '2020-12-30' },
      { from: '2021-01-01' },
    ]);
  });

  it('keeps the later end when an own period lies inside a group period, and an open end wins', () => {
    expect(intervals([period('forbund', '2018-01-01', { left: '2022-12-31' }), period('kommun', '2019-01-01', { left: '2020-12-31' })])).toEqual([
      { from: '2018-01-01', to: '2022-12-31' },
    ]);
    expect(intervals([period('forbund', '2018-01-01', { left: '2022-12-31' }), period('kommun', '2019-01-01')])).toEqual([{ from: '2018-01-01' }]);
    expect(intervals([period('forbund', '2018-01-01'), period('kommun', '2019-01-01', { left: '2020-12-31' })])).toEqual([{ from: '2018-01-01' }]);
  });

  it('starts a «före» period at the unknown past, and has none for a non-member', () => {
    expect(intervals([period('kommun', '2022-01-01', { startKnown: 'before', left: '2022-03-31' })])).toEqual([{ from: UNKNOWN_START, to: '2022-03-31' }]);
    expect(intervals([], 'annan')).toEqual([]);
  });
});

describe('editing periods', () => {
  it('accepts leaving and notice on the joining day, and notice on the last day', () => {
    expect(() => assertPeriodValid({ joined: '2022-03-01', left: '2022-03-01', noticeGiven: '2022-03-01' })).not.toThrow();
    expect(() => assertPeriodValid({ joined: '2022-03-01', left: '2022-12-31', noticeGiven: '2022-12-31' })).not.toThrow();
    expect(() => assertPeriodValid({ joined: '2022-03-01' })).not.toThrow();
  });

  it('refuses each order of dates that cannot be, naming the field', () => {
    const left = refusal(() => assertPeriodValid({ joined: '2022-03-01', left: '2022-02-28' }));
    expect(left).toMatchObject({ code: 'validation', field: 'left' });
    expect(left.message).toMatch(/Utträdesdatumet kan inte ligga före inträdesdatumet \(2022-03-01\)\.$/);
    const early = refusal(() => assertPeriodValid({ joined: '2022-03-01', noticeGiven: '2022-02-28' }));
    expect(early).toMatchObject({ code: 'validation', field: 'noticeGiven' });
    expect(early.message).toMatch(/Uppsägningen kan inte ligga före inträdesdatumet \(2022-03-01\)\.$/);
    const late = refusal(() => assertPeriodValid({ joined: '2022-03-01', noticeGiven: '2023-01-01', left: '2022-12-31' }));
    expect(late).toMatchObject({ code: 'validation', field: 'noticeGiven' });
    expect(late.message).toMatch(/Uppsägningen kan inte ligga efter utträdesdatumet \(2022-12-31\)\.$/);
    expect(() => assertPeriodValid({ joined: '2022-03-01', startKnown: 'before', noticeGiven: '2021-01-01' })).not.toThrow();
  });

  it('finds overlaps on shared days only, open ends running on', () => {
    expect(membershipPeriodsOverlap({ joined: '2020-01-01', left: '2020-12-31' }, { joined: '2020-12-31' })).toBe(true);
    expect(membershipPeriodsOverlap({ joined: '2020-01-01', left: '2020-12-31' }, { joined: '2021-01-01' })).toBe(false);
    expect(membershipPeriodsOverlap({ joined: '2020-01-01' }, { joined: '2030-01-01', left: '2030-01-01' })).toBe(true);
    expect(membershipPeriodsOverlap({ joined: '2020-01-01', startKnown: 'before' }, { joined: '2001-01-01', left: '2001-01-01' })).toBe(true);
  });

  it('refuses an overlap with a hint that fits the other period, and ignores the period being edited', () => {
    const open = period('kommun', '2020-01-01');
    const closed = period('annan', '2020-01-01', { left: '2021-12-31' });
    const memberships = [open, closed];
    const a = refusal(() => assertNoPeriodOverlap(memberships, 'kommun', { joined: '2022-01-01' }));
    expect(a).toMatchObject({ code: 'conflict', field: 'joined', details: { existingId: open.id } });
    expect(a.message).toMatch(/\(från och med 2020-01-01\)\. Avsluta den pågående perioden först\.$/);
    const b = refusal(() => assertNoPeriodOverlap(memberships, 'annan', { joined: '2021-06-01' }));
    expect(b.message).toMatch(/\(2020-01-01 – 2021-12-31\)\. Ett återinträde börjar efter att den förra perioden har slutat\.$/);
    expect(() => assertNoPeriodOverlap(memberships, 'kommun', { joined: '2019-01-01' }, open.id)).not.toThrow();
    expect(() => assertNoPeriodOverlap(memberships, 'annan', { joined: '2022-01-01' })).not.toThrow();
    expect(() => assertNoPeriodOverlap(memberships, 'forbund', { joined: '2020-01-01' })).not.toThrow();
  });

  it('describes periods in Swedish', () => {
    expect(describePeriod({ joined: '2020-01-01' })).toBe('från och med 2020-01-01');
    expect(describePeriod({ joined: '2020-01-01', left: '2020-12-31' })).toBe('2020-01-01 – 2020-12-31');
    expect(describePeriod({ joined: '2022-01-01', startKnown: 'before' })).toBe('sedan före 2022-01-01');
    expect(describePeriod({ joined: '2022-01-01', startKnown: 'before', left: '2022-06-30' })).toBe('före 2022-01-01 – 2022-06-30');
  });

  it('calls a period a re-join only after an earlier one of its own', () => {
    const first = { id: 'a', joined: '2015-01-01' };
    const second = { id: 'b', joined: '2020-01-01' };
    const sameDay = { id: 'c', joined: '2015-01-01' };
    expect(isRejoin([first, second], second)).toBe(true);
    expect(isRejoin([first, second], first)).toBe(false);
    expect(isRejoin([first, sameDay], sameDay)).toBe(false);
    expect(isRejoin([{ id: 'f', joined: '2014-01-01', startKnown: 'before' as const }, second], second)).toBe(true);
    expect(isRejoin([first], { id: 'f', joined: '2030-01-01', startKnown: 'before' })).toBe(false);
  });
});

describe('the timeline', () => {
  it('orders same-day events: joining, group joining, notice, group notice, leaving, group leaving', () => {
    const d = doc([
      period('forbund', '2022-03-01', { noticeGiven: '2022-03-01', left: '2022-03-01', reason: 'Ombildning' }),
      period('kommun', '2022-03-01', { noticeGiven: '2022-03-01', left: '2022-03-01', reason: 'Sammanslagning' }),
    ]);
    const t = membershipTimeline(d, 'kommun');
    expect(t.events.map((e) => [e.kind, e.label])).toEqual([
      ['joined', 'Inträde'],
      ['group-joined', 'Förbundet blev medlem'],
      ['notice', 'Uppsägning'],
      ['group-notice', 'Förbundet sade upp medlemskapet'],
      ['left', 'Utträde (sista dag): Sammanslagning'],
      ['group-left', 'Förbundet utträdde (sista dag)'],
    ]);
    expect(t.events.find((e) => e.kind === 'group-left')).toMatchObject({ groupId: 'forbund', date: '2022-03-01' });
    expect(t.groupPeriods).toEqual([{ groupId: 'forbund', groupName: 'Förbundet', periodId: expect.any(String), joined: '2022-03-01', noticeGiven: '2022-03-01', left: '2022-03-01' }]);
  });

  it('marks open and re-joined periods, and draws status bands that start and end on the right days', () => {
    const first = period('kommun', '2018-01-01', { left: '2019-12-31' });
    const again = period('kommun', '2021-04-01', { noticeGiven: '2022-06-01' });
    const t = membershipTimeline(doc([again, first]), 'kommun');
    expect(t.periods.map((p) => [p.id, p.rejoin, p.open])).toEqual([
      [first.id, false, false],
      [again.id, true, true],
    ]);
    expect(t.events.map((e) => [e.date, e.kind])).toEqual([
      ['2018-01-01', 'joined'],
      ['2019-12-31', 'left'],
      ['2021-04-01', 'rejoined'],
      ['2022-06-01', 'notice'],
    ]);
    expect(t.events[1]?.label).toBe('Utträde (sista dag)');
    expect(t.events[2]?.label).toBe('Återinträde');
    expect(t.segments).toEqual([
      { from: '2018-01-01', to: '2019-12-31', status: 'medlem', label: 'Medlem' },
      { from: '2020-01-01', to: '2021-03-31', status: 'uttradd', label: expect.any(String) },
      { from: '2021-04-01', to: '2022-05-31', status: 'medlem', label: 'Medlem' },
      { from: '2022-06-01', status: 'uppsagd', label: expect.any(String) },
    ]);
  });

  it('draws the end of a group membership, and leaves out the joining of a «före» group period', () => {
    const d = doc([period('namnd', '2021-01-01', { startKnown: 'before', left: '2021-06-30' })]);
    const t = membershipTimeline(d, 'kommun');
    expect(t.events.map((e) => e.kind)).toEqual(['group-left']);
    expect(t.groupPeriods[0]).toMatchObject({ startKnown: 'before', left: '2021-06-30' });
    expect(t.groupPeriods[0]).not.toHaveProperty('noticeGiven');
    expect(t.segments.at(-1)).toEqual({ from: '2021-07-01', status: 'uttradd', label: expect.any(String) });
    expect(membershipTimeline(doc([]), 'annan')).toEqual({ organisationId: 'annan', periods: [], groupPeriods: [], events: [], segments: [] });
  });

  it('draws a group membership that is still open as a band without an end', () => {
    const d = doc([period('forbund', '2020-05-01')]);
    const t = membershipTimeline(d, 'kommun');
    expect(t.events.map((e) => [e.date, e.kind])).toEqual([['2020-05-01', 'group-joined']]);
    expect(t.groupPeriods[0]).not.toHaveProperty('left');
    expect(t.segments).toEqual([{ from: '2020-05-01', status: 'medlem-via-grupp', label: expect.any(String) }]);
  });
});
