import { describe, expect, it } from 'vitest';
import { registerFigures } from '../../../electron/core/domain/register-figures';
import { municipality, organisation, period, populationOn, referenceDocument } from '../../fixtures/register/documents';

describe('register figures for a year', () => {
  const base = referenceDocument();
  const pop = (code: string, date = '2022-12-31') => populationOn(base, code, date);
  const stay = municipality(base, '0180'); // member all along
  const janFirst = municipality(base, '0643'); // joins 1 January
  const midYear = municipality(base, '0684'); // joins in June
  const decLast = municipality(base, '0305'); // leaves 31 December
  const earlyLeave = municipality(base, '1880'); // leaves in March
  const switcher = municipality(base, '0686'); // group until 30 June, own period from 1 July
  const group = organisation('grp', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [switcher.id] });
  const doc = referenceDocument({
    organisations: [stay, janFirst, midYear, decLast, earlyLeave, switcher, group],
    memberships: [
      period(stay.id, '2010-01-01'),
      period(janFirst.id, '2022-01-01'),
      period(midYear.id, '2022-06-15'),
      period(decLast.id, '2015-01-01', { left: '2022-12-31' }),
      period(earlyLeave.id, '2015-01-01', { left: '2022-03-31' }),
      period(group.id, '2018-01-01', { left: '2022-06-30' }),
      period(switcher.id, '2022-07-01'),
    ],
  });
  const figures = registerFigures(doc, 2022);

  it('counts members on 1 January and 31 December, groups and their municipalities included', () => {
    // 1 Jan: stay, janFirst, decLast, earlyLeave, group, switcher (via group).
    expect(figures.membersAtStart).toBe(6);
    // 31 Dec: stay, janFirst, midYear, decLast (last day), switcher.
    expect(figures.membersAtEnd).toBe(5);
  });

  it('counts a 1 January joiner as joining that year, and a 31 December leaver as leaving it while still a member at the end', () => {
    expect(figures.joined.map((j) => [j.name, j.date])).toEqual([
      ['Habo', '2022-01-01'],
      ['Sävsjö', '2022-06-15'],
    ]);
    expect(figures.left.map((l) => [l.name, l.date])).toEqual([
      ['Örebro', '2022-03-31'],
      ['Höglandsförbundet', '2022-06-30'],
      ['Håbo', '2022-12-31'],
    ]);
    expect(figures.joinedDuring).toBe(2);
    expect(figures.leftDuring).toBe(3);
    // The balance holds once the edge days are taken out: a 1 January joiner is already in the start
    // count, a 31 December leaver still in the end count.
    const joinedOnFirstDay = figures.joined.filter((j) => j.date === '2022-01-01').length;
    const leftOnLastDay = figures.left.filter((l) => l.date === '2022-12-31').length;
    expect([joinedOnFirstDay, leftOnLastDay]).toEqual([1, 1]);
    expect(figures.membersAtEnd).toBe(figures.membersAtStart + (figures.joinedDuring - joinedOnFirstDay) - (figures.leftDuring - leftOnLastDay));
  });

  it('does not count moving from a group membership to an own one as leaving or joining', () => {
    expect(figures.joined.some((j) => j.organisationId === switcher.id)).toBe(false);
    expect(figures.left.some((l) => l.organisationId === switcher.id)).toBe(false);
  });

  it('gives the share of Sweden’s population from the latest reference dated on or before the year end', () => {
    const endPopulation = pop('0180') + pop('0643') + pop('0684') + pop('0305') + pop('0686');
    expect(figures.populationAtEnd).toBe(endPopulation);
    expect(figures.swedenPopulation).toEqual({ date: '2022-12-31', population: 10_521_556 });
    expect(figures.shareAtEnd).toBeCloseTo(endPopulation / 10_521_556, 12);
    // The start (1 January 2022) is counted at 31 December 2021, with Sweden's total of that date.
    const startPopulation = ['0180', '0643', '0305', '1880', '0686'].reduce((s, c) => s + pop(c, '2021-12-31'), 0);
    expect(figures.populationAtStart).toBe(startPopulation);
    expect(figures.swedenPopulationAtStart).toEqual({ date: '2021-12-31', population: 10_452_326 });
    expect(figures.shareAtStart).toBeCloseTo(startPopulation / 10_452_326, 12);
    expect(registerFigures(doc, 2025).swedenPopulation).toEqual({ date: '2024-12-31', population: 10_587_710 });
    expect(registerFigures(doc, 2024).swedenPopulation?.date).toBe('2024-12-31');
    expect(registerFigures(doc, 2023).swedenPopulation?.date).toBe('2023-12-31');
    // Before the first reference date: the earliest one.
    expect(registerFigures(doc, 2015).swedenPopulation?.date).toBe('2018-12-31');
    // The municipalities are counted at the same date as Sweden's total: 2024 with 2024.
    const of2024 = registerFigures(doc, 2024);
    const end2024 = ['0180', '0643', '0684', '0686'].reduce((s, c) => s + pop(c, '2024-12-31'), 0);
    expect(of2024.populationAtEnd).toBe(end2024);
    expect(of2024.shareAtEnd).toBeCloseTo(end2024 / 10_587_710, 12);
  });

  it('counts an organisation once when it joins twice in a year', () => {
    const twice = referenceDocument({
      organisations: [stay],
      memberships: [period(stay.id, '2022-02-01', { left: '2022-03-31' }), period(stay.id, '2022-09-01')],
    });
    const f = registerFigures(twice, 2022);
    expect(f.joined).toEqual([{ organisationId: stay.id, name: 'Stockholm', date: '2022-02-01' }]);
    expect(f.left).toEqual([{ organisationId: stay.id, name: 'Stockholm', date: '2022-03-31' }]);
  });
});
