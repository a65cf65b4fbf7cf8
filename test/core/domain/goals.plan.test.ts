/**
 * Goals as the plan means them: a baseline the plan states, a goal that holds by construction, the board's
 * composition goal and the clear networks around the services, and the kinds an event goal counts.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal, goalStatusText, eventKindsText, formatPace, prepareGoalFields } from '../../../electron/core/domain/goals';
import type { Goal, GoalMetric, PlanFigure } from '../../../electron/core/store/schema';
import { contact, entry, makeDocument, membership, municipality, network, service, usage } from '../../fixtures/services/documents';

function goal(metric: GoalMetric, comparison: Goal['comparison'], target: number, extra: Partial<Goal> = {}): Goal {
  return { id: `goal-${metric}`, year: 2022, title: metric, description: '', metric, comparison, target, order: 1, ...extra };
}

const stated = (value: number, date = '2022-01-01'): PlanFigure => ({
  id: 'pf-members',
  subject: 'members',
  date,
  value,
  source: 'Verksamhetsplan 2022, Målsättning för medlemsutveckling',
  note: '',
});

describe('a baseline the plan states', () => {
  const ale = municipality('Ale');
  const boras = municipality('Borås');
  const base = makeDocument({ organisations: [ale, boras], memberships: [membership(ale.id, '2010-01-01'), membership(boras.id, '2010-01-01')] });

  it('paces a member goal from the plan’s figure, with the register’s beside it', () => {
    const doc = { ...base, planFigures: [stated(3)] };
    const result = evaluateGoal(doc, goal('member-count', 'at-least', 5), '2022-06-30');
    expect(result.baseline).toEqual({ date: '2022-01-01', value: 3, source: 'Verksamhetsplan 2022, Målsättning för medlemsutveckling', registerValue: 2 });
    // From 3 towards 5: 181/365 of 2 is 0.99 -> 4.0 asked; the register's 2 is behind that pace.
    expect(result).toMatchObject({ value: 2, expected: 4, status: 'at-risk' });
    // Without the plan’s figure the pace starts from the register’s 2: 2 + 3 × 181/365 = 3.49 -> 3.5.
    expect(evaluateGoal(base, goal('member-count', 'at-least', 5), '2022-06-30')).toMatchObject({ baseline: { value: 2 }, expected: 3.5 });
  });

  it('uses a stated figure only at the goal’s period start', () => {
    const doc = { ...base, planFigures: [stated(3, '2022-04-28')] };
    expect(evaluateGoal(doc, goal('member-count', 'at-least', 5), '2022-06-30').baseline).toEqual({ date: '2022-01-01', value: 2 });
  });
});

describe('a goal that holds by construction', () => {
  it('says so instead of a bare «Uppnått», and keeps other statuses as they are', () => {
    const doc = makeDocument();
    const why = 'Varje medlem fördes in för att den använder en tjänst.';
    const result = evaluateGoal(doc, goal('members-without-service-or-network', 'at-most', 0, { byConstruction: why }), '2022-06-30');
    expect(result).toMatchObject({ status: 'reached', byConstruction: why });
    expect(goalStatusText(result)).toBe('Uppnått per definition');
    expect(goalStatusText({ status: 'reached' })).toBe('Uppnått');
    expect(goalStatusText({ status: 'at-risk', byConstruction: why })).toBe('I riskzonen');
    expect(evaluateGoal(doc, goal('members-without-service-or-network', 'at-most', 0, { byConstruction: '  ' }), '2022-06-30').byConstruction).toBeUndefined();
  });
});

describe('board-members-outside-it', () => {
  const ale = municipality('Ale');
  const people = [
    contact('c1', ale.id, 'Anna Ek'),
    contact('c2', ale.id, 'Bo Ek'),
    contact('c3', ale.id, 'Cia Ek'),
    contact('c4', ale.id, 'Dan Ek'),
  ];
  const board = network('board', 'styrelse', 'Styrelsen', {
    roster: [
      entry('e1', { contactId: 'c1', organisationId: ale.id, from: '2021-05-01', worksWithIt: false }),
      entry('e2', { contactId: 'c2', organisationId: ale.id, from: '2021-05-01', worksWithIt: true }),
      entry('e3', { contactId: 'c3', organisationId: ale.id, from: '2021-05-01' }),
      entry('e4', { contactId: 'c4', organisationId: ale.id, from: '2022-05-01', to: '2022-12-31', worksWithIt: false }),
      entry('e5', { externalName: 'Eva Extern', from: '2021-05-01', to: '2022-03-31', worksWithIt: false }),
    ],
  });
  // A person marked outside IT in another kind of network is not a board member.
  const other = network('n', 'kompetensnatverk', 'Digidel', { roster: [entry('x', { contactId: 'c3', organisationId: ale.id, from: '2021-01-01', worksWithIt: false })] });
  const doc = makeDocument({ organisations: [ale], contacts: people, networks: [board, other] });

  it('counts the board’s persons in force who are marked as not working with IT; the others are listed beside', () => {
    const early = evaluateGoal(doc, goal('board-members-outside-it', 'at-least', 3), '2022-03-01');
    expect(early.value).toBe(2);
    expect(early.subjects.map((s) => [s.name, s.counted, s.worksWithIt])).toEqual([
      ['Anna Ek', true, false],
      ['Eva Extern', true, false],
      ['Bo Ek', false, true],
      ['Cia Ek', false, undefined],
    ]);
    const june = evaluateGoal(doc, goal('board-members-outside-it', 'at-least', 3), '2022-06-30');
    expect(june).toMatchObject({ value: 2, kind: 'state', unit: 'count' });
    expect(june.subjects.filter((s) => s.counted).map((s) => s.name)).toEqual(['Anna Ek', 'Dan Ek']);
  });

  it('counts nobody on an archived board', () => {
    const archived = makeDocument({ organisations: [ale], contacts: people, networks: [{ ...board, archived: true }] });
    expect(evaluateGoal(archived, goal('board-members-outside-it', 'at-least', 3), '2022-06-30').value).toBe(0);
  });
});

describe('services-with-council', () => {
  const ale = municipality('Ale');
  const doc = makeDocument({
    organisations: [ale],
    memberships: [membership(ale.id, '2010-01-01')],
    services: [service('s1', 'Bibblix'), service('s2', 'EGIL'), service('s3', 'UKA'), service('s4', 'Gammal', [], { archived: true })],
    usages: [usage('u1', ale.id, 's1', '2021-01-01')],
    networks: [
      network('r1', 'forvaltningsrad', 'Förvaltningsråd Bibblix', { serviceId: 's1' }),
      network('r2', 'forvaltningsrad', 'Förvaltningsråd EGIL', { serviceId: 's2' }),
    ],
  });

  it('is the share of services whose council runs with at least one participant', () => {
    const result = evaluateGoal(doc, goal('services-with-council', 'at-least', 1), '2022-06-30');
    // Bibblix: council with a user. EGIL: a council with nobody. UKA: no council. The archived service is left out.
    expect(result.value).toBeCloseTo(1 / 3, 12);
    expect(result.unit).toBe('share');
    expect(result.subjects.map((s) => [s.name, s.counted, s.networkName])).toEqual([
      ['Bibblix', true, 'Förvaltningsråd Bibblix'],
      ['EGIL', false, 'Förvaltningsråd EGIL'],
      ['UKA', false, undefined],
    ]);
  });

  it('counts a council with a person on its roster though its service has no users yet', () => {
    const withPerson = makeDocument({
      organisations: [ale],
      contacts: [contact('c1', ale.id, 'Anna Ek')],
      services: [service('s2', 'EGIL')],
      networks: [network('r2', 'forvaltningsrad', 'Förvaltningsråd EGIL', { serviceId: 's2', roster: [entry('e', { contactId: 'c1', organisationId: ale.id, from: '2022-01-01' })] })],
    });
    expect(evaluateGoal(withPerson, goal('services-with-council', 'at-least', 1), '2022-06-30')).toMatchObject({ value: 1, status: 'reached' });
  });
});

describe('event kinds and pace in words', () => {
  it('keeps the kinds of an event goal, conferences when none are named, and drops them from other metrics', () => {
    const base = { year: 2022, title: 'Konferenser', description: '', comparison: 'between' as const, target: 1, targetMax: 2 };
    expect(prepareGoalFields({ ...base, metric: 'conferences-held' }).eventKinds).toEqual(['konferens']);
    expect(prepareGoalFields({ ...base, metric: 'conferences-held', eventKinds: ['webinar', 'webinar', 'konferens'] }).eventKinds).toEqual(['webinar', 'konferens']);
    expect(prepareGoalFields({ ...base, metric: 'member-count', eventKinds: ['webinar'] }).eventKinds).toBeUndefined();
  });

  it('refuses an event goal that counts no kind, or a kind it does not know, naming the field', () => {
    const base = { year: 2022, title: 'Konferenser', description: '', metric: 'conferences-held' as const, comparison: 'at-least' as const, target: 1 };
    const refusal = { code: 'validation', field: 'eventKinds', fieldMessage: 'Välj minst ett slag av möten som målet räknar.' };
    expect(() => prepareGoalFields({ ...base, eventKinds: [] })).toThrow(expect.objectContaining(refusal));
    expect(() => prepareGoalFields({ ...base, eventKinds: ['middag' as 'mote'] })).toThrow(expect.objectContaining(refusal));
  });

  it('names the kinds and shows a pace with one decimal', () => {
    expect(eventKindsText(['konferens'])).toBe('konferenser');
    expect(eventKindsText(['konferens', 'webinar', 'seminarium'])).toBe('konferenser, webbinarier och seminarier');
    expect(formatPace(0.5, 'count')).toBe('0,5');
    expect(formatPace(116.9, 'count')).toBe('116,9');
  });
});
