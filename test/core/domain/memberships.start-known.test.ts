import { describe, expect, it } from 'vitest';
import {
  assertNoPeriodOverlap,
  assertPeriodValid,
  describePeriod,
  memberIdsAt,
  membershipTimeline,
  statusAt,
} from '../../../electron/core/domain/memberships';
import { registerFigures } from '../../../electron/core/domain/register-figures';
import { buildBoardPack } from '../../../electron/core/domain/board-pack';
import { municipality, period, referenceDocument } from '../../fixtures/register/documents';
import { loadDefaultDocument } from '../../support/memory-document';

function haboBefore(extra: Parameters<typeof period>[2] = {}) {
  const base = referenceDocument();
  const org = municipality(base, '0643');
  const p = period(org.id, '2022-01-01', { startKnown: 'before', ...extra });
  return { doc: referenceDocument({ organisations: [org], memberships: [p] }), org, p };
}

describe('a membership that started «före» a date', () => {
  it('is a member on the date and on every day before it, from a day nobody recorded', () => {
    const { doc, org } = haboBefore();
    for (const date of ['2022-01-01', '2021-12-31', '2021-01-01', '2005-06-01']) expect(statusAt(doc, org.id, date).status, date).toBe('medlem');
    expect(memberIdsAt(doc, '2010-01-01').has(org.id)).toBe(true);
  });

  it('has no joining event on the timeline, but its leaving is dated', () => {
    const { doc, org } = haboBefore({ left: '2022-12-31' });
    const timeline = membershipTimeline(doc, org.id);
    expect(timeline.events.map((e) => e.kind)).toEqual(['left']);
    expect(timeline.periods[0]).toMatchObject({ startKnown: 'before', rejoin: false });
  });

  it('reads «sedan före» in every sentence that describes it', () => {
    expect(describePeriod({ joined: '2022-01-01', startKnown: 'before' })).toBe('sedan före 2022-01-01');
    expect(describePeriod({ joined: '2022-01-01', startKnown: 'before', left: '2023-06-30' })).toBe('före 2022-01-01 – 2023-06-30');
    expect(describePeriod({ joined: '2022-01-01' })).toBe('från och med 2022-01-01');
  });

  it('must be the first period: an exact period before its date overlaps it', () => {
    const { doc, org } = haboBefore();
    expect(() => assertNoPeriodOverlap(doc.memberships, org.id, { joined: '2015-01-01', left: '2016-12-31' })).toThrow(/sedan före 2022-01-01/);
    expect(() => assertNoPeriodOverlap(doc.memberships, org.id, { joined: '2023-01-01' })).toThrow(/överlappar/);
    const ended = haboBefore({ left: '2022-06-30' });
    expect(() => assertNoPeriodOverlap(ended.doc.memberships, org.id, { joined: '2022-07-01' })).not.toThrow();
  });

  it('may have notice given before its date, but cannot end before it', () => {
    expect(() => assertPeriodValid({ joined: '2022-01-01', startKnown: 'before', noticeGiven: '2021-10-01', left: '2022-06-30' })).not.toThrow();
    expect(() => assertPeriodValid({ joined: '2022-01-01', noticeGiven: '2021-10-01' })).toThrow(/Uppsägningen/);
    expect(() => assertPeriodValid({ joined: '2022-01-01', startKnown: 'before', left: '2021-06-30' })).toThrow(/Utträdesdatumet/);
  });

  it('never counts as joining in the register figures; an exact join does', () => {
    const { doc, org } = haboBefore();
    for (const year of [2005, 2021, 2022]) expect(registerFigures(doc, year).joinedDuring, String(year)).toBe(0);
    const exact = referenceDocument({ ...doc, memberships: [period(org.id, '2022-01-01')] });
    expect(registerFigures(exact, 2022).joined).toEqual([{ organisationId: org.id, name: 'Habo', date: '2022-01-01' }]);
  });
});

describe('the default data: joins and leavings only where dated', () => {
  const doc = loadDefaultDocument();

  it.each([2021, 2022])('%i: nobody joined or left, and the members at the start equal those at the end', (year) => {
    const figures = registerFigures(doc, year);
    expect(figures).toMatchObject({ joinedDuring: 0, leftDuring: 0, joined: [], left: [] });
    expect(figures.membersAtStart).toBe(figures.membersAtEnd);
    expect(figures.membersAtStart).toBeGreaterThan(0);
  });

  it('the board pack of 2022-06-30 lists no «Inträden» and the monthly chart counts none', () => {
    const pack = buildBoardPack(doc, '2022-06-30', { generatedAt: '2022-06-30T10:00:00.000Z' });
    expect(pack.members.joined).toEqual([]);
    expect(pack.members.months.every((m) => m.joined === 0)).toBe(true);
    expect(pack.members.atYearStart).toBe(pack.members.atDate);
  });
});
