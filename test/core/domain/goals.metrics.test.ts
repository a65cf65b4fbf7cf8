/**
 * Each goal metric against figures counted by hand on small documents, with the edge cases the plan's goals
 * turn on: a member leaving on the last day of the year, members through a group, a network with exactly 20
 * member municipalities and one with 19.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal, goalWindow, measureMetric } from '../../../electron/core/domain/goals';
import type { Goal, GoalMetric, SambrukDocument } from '../../../electron/core/store/schema';
import {
  contact,
  entry,
  makeDocument,
  meeting,
  membership,
  municipality,
  network,
  organisation,
  reference,
  service,
  usage,
} from '../../fixtures/services/documents';

const measure = (doc: SambrukDocument, metric: GoalMetric, date: string, goalYear = 2022) => measureMetric(doc, metric, goalWindow(goalYear, date));
const counted = (subjects: { name: string; counted: boolean }[]) => subjects.filter((s) => s.counted).map((s) => s.name);

function goal(metric: GoalMetric, comparison: Goal['comparison'], target: number, extra: Partial<Goal> = {}): Goal {
  return { id: `goal-${metric}`, year: 2022, title: metric, description: '', metric, comparison, target, order: 1, ...extra };
}

describe('member-count', () => {
  const ale = municipality('Ale');
  const boras = municipality('Borås');
  const habo = municipality('Habo');
  const aneby = municipality('Aneby');
  const group = organisation('grp', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [habo.id, aneby.id] });
  const doc = makeDocument({
    organisations: [ale, boras, habo, aneby, group],
    memberships: [membership(ale.id, '2010-01-01'), membership(boras.id, '2022-03-01'), membership(group.id, '2015-01-01', '2022-08-31')],
  });

  it('counts members at the date, a group and each of its municipalities included', () => {
    // 1 Jan: Ale, the group, Habo, Aneby. 30 Jun: + Borås. 1 Sep: the group and its two have left.
    expect(measure(doc, 'member-count', '2022-01-01').value).toBe(4);
    expect(measure(doc, 'member-count', '2022-06-30').value).toBe(5);
    expect(measure(doc, 'member-count', '2022-09-01').value).toBe(2);
    expect(counted(measure(doc, 'member-count', '2022-06-30').subjects)).toEqual(['Ale', 'Aneby', 'Borås', 'Habo', 'Höglandsförbundet']);
  });

  it('measures a past year’s goal at its last day, and starts the pace from 1 January', () => {
    const result = evaluateGoal(doc, goal('member-count', 'at-least', 5), '2023-03-01');
    expect(result.window.measuredAt).toBe('2022-12-31');
    expect(result.value).toBe(2);
    expect(result.baseline).toEqual({ date: '2022-01-01', value: 4 });
    expect(result.status).toBe('missed');
  });
});

describe('members-lost', () => {
  const stay = municipality('Ale');
  const decLast = municipality('Borås'); // last day 31 December 2022
  const early = municipality('Falun'); // last day 31 March 2022
  const lastYear = municipality('Gävle'); // last day 31 December 2021
  const noticed = municipality('Kiruna'); // has given notice, no last day yet
  const habo = municipality('Habo');
  const switcher = municipality('Aneby'); // in the group until 30 June, own period from 1 July
  const group = organisation('grp', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [habo.id, switcher.id] });
  const doc = makeDocument({
    organisations: [stay, decLast, early, lastYear, noticed, habo, switcher, group],
    memberships: [
      membership(stay.id, '2010-01-01'),
      membership(decLast.id, '2010-01-01', '2022-12-31'),
      membership(early.id, '2010-01-01', '2022-03-31'),
      membership(lastYear.id, '2010-01-01', '2021-12-31'),
      { ...membership(noticed.id, '2010-01-01'), noticeGiven: '2022-05-15' },
      membership(group.id, '2015-01-01', '2022-06-30'),
      membership(switcher.id, '2022-07-01'),
    ],
  });

  it('counts who stopped being a member during the year up to the date, through a group too', () => {
    const m = measure(doc, 'members-lost', '2022-09-30');
    // Falun (31 Mar), the group and Habo (30 Jun). Aneby moved without a gap to its own period; Gävle left in 2021.
    expect(m.value).toBe(3);
    expect(counted(m.subjects)).toEqual(['Falun', 'Habo', 'Höglandsförbundet']);
    expect(m.subjects.find((s) => s.name === 'Habo')?.date).toBe('2022-06-30');
  });

  it('counts a member whose last day is 31 December in that year, and lists it as pending before then', () => {
    const atYearEnd = measure(doc, 'members-lost', '2022-12-31');
    expect(atYearEnd.value).toBe(4);
    expect(counted(atYearEnd.subjects)).toContain('Borås');
    const before = measure(doc, 'members-lost', '2022-12-30');
    expect(before.value).toBe(3);
    expect(before.subjects.filter((s) => s.pending).map((s) => s.name)).toEqual(['Borås', 'Kiruna']);
    expect(before.pending).toBe(2);
    // Seen from 2023, the 2022 goal shows the whole year and nothing pending.
    const later = measure(doc, 'members-lost', '2023-02-01');
    expect([later.value, later.pending]).toEqual([4, 0]);
    // The 2021 departure belongs to 2021.
    expect(counted(measure(doc, 'members-lost', '2021-12-31', 2021).subjects)).toEqual(['Gävle']);
  });

  it('is on track with no loss and nothing pending, at risk with a departure ahead, missed after one', () => {
    const onlyStay = makeDocument({ organisations: [stay], memberships: [membership(stay.id, '2010-01-01')] });
    const target = goal('members-lost', 'at-most', 0);
    expect(evaluateGoal(onlyStay, target, '2022-06-30').status).toBe('on-track');
    expect(evaluateGoal(onlyStay, target, '2022-12-31').status).toBe('reached');
    const leaving = makeDocument({ organisations: [stay], memberships: [membership(stay.id, '2010-01-01', '2022-12-31')] });
    expect(evaluateGoal(leaving, target, '2022-06-30').status).toBe('at-risk');
    expect(evaluateGoal(leaving, target, '2022-12-31').status).toBe('missed');
    expect(evaluateGoal(doc, target, '2022-04-01').status).toBe('missed');
  });
});

describe('single-service-members and members-without-service-or-network', () => {
  const a = municipality('Ale');
  const b = municipality('Borås');
  const c = municipality('Falun');
  const d = municipality('Gävle');
  const e = municipality('Kiruna');
  const outsider = municipality('Luleå');
  const habo = municipality('Habo');
  const aneby = municipality('Aneby');
  const group = organisation('grp', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [habo.id, aneby.id] });
  const person = contact('c-e', e.id, 'Eva Ek');
  const doc = makeDocument({
    organisations: [a, b, c, d, e, outsider, habo, aneby, group],
    memberships: [a, b, c, d, e, group].map((o) => membership(o.id, '2010-01-01')),
    services: [service('s1', 'Bibblix'), service('s2', 'EGIL'), service('s3', 'Gammal', [], { archived: true })],
    usages: [
      usage('u1', a.id, 's1', '2020-01-01'),
      usage('u2', a.id, 's2', '2020-01-01'), // Ale: two services
      usage('u3', b.id, 's1', '2020-01-01'), // Borås: one
      usage('u4', c.id, 's1', '2020-01-01', '2022-03-31'), // Falun: one until March, none after
      usage('u5', c.id, 's3', '2020-01-01'), // an archived service does not count
      usage('u6', group.id, 's2', '2020-01-01'), // the group and its two municipalities: one each
      usage('u7', habo.id, 's1', '2021-01-01'), // Habo: also its own, so two
      usage('u8', outsider.id, 's1', '2020-01-01'), // not a member
    ],
    contacts: [person],
    networks: [
      network('n1', 'kompetensnatverk', 'Digidel', {
        roster: [entry('r1', { contactId: person.id, organisationId: e.id, from: '2022-01-01' }), entry('r2', { organisationId: c.id, from: '2020-01-01', to: '2022-05-31' })],
      }),
    ],
  });

  it('counts members using exactly one service, through a group too, on the date', () => {
    const m = measure(doc, 'single-service-members', '2022-06-30');
    expect(counted(m.subjects)).toEqual(['Aneby', 'Borås', 'Höglandsförbundet']);
    expect(measure(doc, 'single-service-members', '2022-02-01').value).toBe(4); // Falun still had Bibblix
  });

  it('counts members with no service and no roster entry in force; a person on a network counts for the organisation', () => {
    // No service: Falun (after March), Gävle, Kiruna. Kiruna's person is on Digidel; Falun's entry ended in May.
    expect(counted(measure(doc, 'members-without-service-or-network', '2022-06-30').subjects)).toEqual(['Falun', 'Gävle']);
    expect(counted(measure(doc, 'members-without-service-or-network', '2022-04-30').subjects)).toEqual(['Gävle']);
  });

  it('lets a group’s roster entry count for its municipalities', () => {
    const withGroupEntry = makeDocument({
      organisations: [habo, aneby, group],
      memberships: [membership(group.id, '2010-01-01')],
      networks: [network('n1', 'projekt', 'KLM', { roster: [entry('r1', { organisationId: group.id, from: '2022-01-01' })] })],
    });
    expect(measure(withGroupEntry, 'members-without-service-or-network', '2021-12-31').value).toBe(3);
    expect(measure(withGroupEntry, 'members-without-service-or-network', '2022-01-01').value).toBe(0);
  });
});

describe('max-service-member-share', () => {
  const members = ['Ale', 'Borås', 'Falun', 'Gävle', 'Kiruna'].map((n) => municipality(n));
  const build = (users: number, memberCount: number) =>
    makeDocument({
      organisations: members,
      memberships: members.slice(0, memberCount).map((o) => membership(o.id, '2010-01-01')),
      services: [service('s1', 'Bibblix'), service('s2', 'EGIL')],
      usages: [...members.slice(0, users).map((o, i) => usage(`u${i}`, o.id, 's1', '2020-01-01')), usage('x', members[0]!.id, 's2', '2020-01-01')],
    });

  it('is the largest member share of one service, and three quarters exactly is not more than three quarters', () => {
    const threeOfFour = build(3, 4);
    const m = measure(threeOfFour, 'max-service-member-share', '2022-06-30', 2023);
    expect(m.value).toBe(0.75);
    expect(m.subjects.map((s) => [s.name, s.count, s.share, s.counted])).toEqual([
      ['Bibblix', 3, 0.75, true],
      ['EGIL', 1, 0.25, false],
    ]);
    const threeQuarters = goal('max-service-member-share', 'more-than', 0.75, { year: 2023 });
    expect(evaluateGoal(threeOfFour, threeQuarters, '2023-12-31').status).toBe('missed');
    expect(evaluateGoal(build(4, 5), threeQuarters, '2023-12-31').status).toBe('reached');
  });
});

describe('networks-with-20-members', () => {
  const names = reference()
    .municipalities.slice(0, 45)
    .map((m) => m.name);
  const orgs = names.map((n) => municipality(n));
  const rosterOf = (from: number, count: number) => orgs.slice(from, from + count).map((o, i) => entry(`e${from}-${i}`, { organisationId: o.id, from: '2022-01-01' }));
  const nonMember = orgs[44]!;
  const doc = makeDocument({
    organisations: orgs,
    memberships: orgs.slice(0, 44).map((o) => membership(o.id, '2010-01-01')),
    networks: [
      network('n20', 'kompetensnatverk', 'Exakt tjugo', { roster: rosterOf(0, 20) }),
      // 19 members and one organisation that is not a member: 19.
      network('n19', 'kompetensnatverk', 'Nitton', { roster: [...rosterOf(20, 19), entry('x', { organisationId: nonMember.id, from: '2022-01-01' })] }),
      // Twenty, but a project: never counts towards the goal.
      network('p20', 'projekt', 'Projekt', { roster: rosterOf(0, 20) }),
      // Twenty, but not running at the date.
      network('old', 'kompetensnatverk', 'Avslutat', { roster: rosterOf(0, 20), endDate: '2022-05-31' }),
    ],
  });

  it('counts competence networks with at least 20 participating member municipalities: 20 counts, 19 does not', () => {
    const m = measure(doc, 'networks-with-20-members', '2022-06-30');
    expect(m.value).toBe(1);
    expect(m.subjects.map((s) => [s.name, s.count, s.counted])).toEqual([
      ['Exakt tjugo', 20, true],
      ['Nitton', 19, false],
    ]);
    expect(measure(doc, 'networks-with-20-members', '2022-05-31').value).toBe(2);
  });
});

describe('conferences-held', () => {
  const doc = makeDocument({
    networks: [
      network('n1', 'kompetensnatverk', 'Digidel', {
        meetings: [
          meeting('m1', '2022-02-10', 'webinar', [], 'Bibblix på 30 minuter'),
          meeting('m2', '2022-03-01', 'mote'),
          meeting('m3', '2022-04-20', 'seminarium'),
          meeting('m4', '2022-10-05', 'konferens', [], 'Höstkonferensen'),
          meeting('m5', '2021-11-11', 'konferens', [], 'Förra året'),
        ],
      }),
      network('n2', 'projekt', 'Gammalt projekt', { archived: true, meetings: [meeting('m6', '2022-05-05', 'konferens', [], 'Vårkonferensen')] }),
    ],
  });

  it('counts conferences only by default (archived networks too), not webinars, seminars or meetings; later ones are planned', () => {
    const m = measure(doc, 'conferences-held', '2022-06-30');
    expect(m.value).toBe(1);
    expect(m.subjects.map((s) => [s.name, s.date, s.counted, s.pending ?? false])).toEqual([
      ['Vårkonferensen', '2022-05-05', true, false],
      ['Höstkonferensen', '2022-10-05', false, true],
    ]);
    expect(m.pending).toBe(1);
    expect(measure(doc, 'conferences-held', '2022-12-31').value).toBe(2);
    expect(measure(doc, 'conferences-held', '2021-12-31', 2021).value).toBe(1);
  });

  it('counts the kinds a goal names, each a distinct kind', () => {
    const window = goalWindow(2022, '2022-12-31');
    expect(measureMetric(doc, 'conferences-held', window, { eventKinds: ['webinar'] }).subjects.map((s) => s.name)).toEqual(['Bibblix på 30 minuter']);
    expect(measureMetric(doc, 'conferences-held', window, { eventKinds: ['konferens', 'webinar'] }).value).toBe(3);
    expect(measureMetric(doc, 'conferences-held', window, { eventKinds: ['seminarium', 'mote'] }).value).toBe(2);
    const webinars = goal('conferences-held', 'at-least', 1, { eventKinds: ['webinar'] });
    expect(evaluateGoal(doc, webinars, '2022-03-01')).toMatchObject({ value: 1, status: 'reached', eventKinds: ['webinar'] });
    expect(evaluateGoal(doc, goal('conferences-held', 'at-least', 1), '2022-03-01').eventKinds).toEqual(['konferens']);
  });

  it('does not count a meeting after today, even when the board date lies beyond it', () => {
    const oneToTwo = goal('conferences-held', 'between', 1, { targetMax: 2 });
    const ahead = evaluateGoal(doc, oneToTwo, '2022-10-31', { today: '2022-06-30' });
    expect(ahead.value).toBe(1);
    expect(ahead.subjects.find((s) => s.name === 'Höstkonferensen')).toMatchObject({ counted: false, pending: true });
    expect(evaluateGoal(doc, oneToTwo, '2022-10-31', { today: '2022-10-05' }).value).toBe(2);
    const beforeAny = evaluateGoal(doc, oneToTwo, '2022-06-30', { today: '2022-05-04' });
    expect(beforeAny).toMatchObject({ value: 0, pending: 2, status: 'on-track' });
  });

  it('reaches a 1–2 goal from the first conference and keeps it reached with a third', () => {
    const oneToTwo = goal('conferences-held', 'between', 1, { targetMax: 2 });
    expect(evaluateGoal(doc, oneToTwo, '2022-06-30').status).toBe('reached');
    expect(evaluateGoal(doc, oneToTwo, '2022-10-05').status).toBe('reached');
    const three = makeDocument({
      networks: [network('n', 'kompetensnatverk', 'N', { meetings: ['03-01', '05-01', '09-01'].map((d, i) => meeting(`k${i}`, `2022-${d}`, 'konferens')) })],
    });
    expect(evaluateGoal(three, oneToTwo, '2022-12-31')).toMatchObject({ value: 3, status: 'reached' });
  });
});
