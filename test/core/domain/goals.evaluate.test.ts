/**
 * Evaluating goals as the register holds them: the year's goals in the plan's order, each result carrying only
 * the fields its goal has, measurements shared between goals only where their windows agree (a frozen register,
 * as the repository hands out, is what the figure cache keeps), subjects in the order the screens list them, and
 * the table of metrics every screen reads its units and words from.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal, evaluateGoals, goalLabels, measureMetric, goalWindow, metricInfo } from '../../../electron/core/domain/goals';
import { goalMetrics, type Goal, type GoalMetric, type SambrukDocument } from '../../../electron/core/store/schema';
import { makeDocument, meeting, membership, municipality, network, service, usage } from '../../fixtures/services/documents';

function goal(id: string, metric: GoalMetric, fields: Partial<Goal> = {}): Goal {
  return { id, year: 2022, title: id, description: '', metric, comparison: 'at-least', target: 1, order: 1, ...fields };
}

/** The register as the repository hands it out: frozen all the way down, so the figure cache keeps its figures. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

const [ale, boras, falun, gavle] = ['Ale', 'Borås', 'Falun', 'Gävle'].map((n) => municipality(n)) as [
  ReturnType<typeof municipality>,
  ReturnType<typeof municipality>,
  ReturnType<typeof municipality>,
  ReturnType<typeof municipality>,
];

function register(goals: Goal[]): SambrukDocument {
  return frozen({
    ...makeDocument({
      organisations: [ale, boras, falun, gavle],
      memberships: [
        membership(ale.id, '2010-01-01'),
        membership(boras.id, '2010-01-01', '2022-03-31'),
        membership(falun.id, '2010-01-01', '2023-02-28'),
        membership(gavle.id, '2010-01-01', '2022-09-30'),
      ],
      networks: [
        network('n1', 'kompetensnatverk', 'Digidel', {
          meetings: [meeting('m1', '2022-02-10', 'webinar', [], 'Webbinariet'), meeting('m2', '2022-05-05', 'konferens', [], 'Vårkonferensen')],
        }),
      ],
    }),
    goals,
  });
}

describe('evaluateGoals', () => {
  const goals = [
    goal('b-2022-second', 'member-count', { order: 2, target: 3 }),
    goal('c-2023', 'member-count', { year: 2023, order: 1 }),
    goal('a-2022-first', 'members-lost', { order: 1, comparison: 'at-most', target: 0 }),
    goal('d-2022-same-order', 'conferences-held', { order: 2, title: 'Ärende' }),
  ];
  const doc = register(goals);

  it('evaluates the years asked for, by year, order and title, each as evaluateGoal does', () => {
    const chosen = evaluateGoals(doc, '2022-06-30', [2022]);
    expect(chosen.map((r) => r.goalId)).toEqual(['a-2022-first', 'b-2022-second', 'd-2022-same-order']);
    for (const result of chosen) {
      expect(result).toStrictEqual(evaluateGoal(doc, goals.find((g) => g.id === result.goalId) as Goal, '2022-06-30'));
    }
    expect(evaluateGoals(doc, '2022-06-30', [2023]).map((r) => r.goalId)).toEqual(['c-2023']);
    expect(evaluateGoals(doc, '2022-06-30', [2021])).toEqual([]);
  });

  it('evaluates every goal when no year is given', () => {
    expect(evaluateGoals(doc, '2022-06-30').map((r) => r.goalId)).toEqual(['a-2022-first', 'b-2022-second', 'd-2022-same-order', 'c-2023']);
  });
});

describe('a goal result holds only what its goal has', () => {
  const doc = register([]);

  it('gives a state goal its baseline and a cumulative one none; event kinds only on event goals', () => {
    const count = evaluateGoal(doc, goal('g1', 'member-count', { target: 4 }), '2022-06-30');
    expect(count.baseline).toEqual({ date: '2022-01-01', value: 4 });
    expect(count).not.toHaveProperty('eventKinds');
    const lost = evaluateGoal(doc, goal('g2', 'members-lost', { comparison: 'at-most', target: 0 }), '2022-06-30');
    expect(lost).not.toHaveProperty('baseline');
    expect(lost).not.toHaveProperty('eventKinds');
    expect(lost.kind).toBe('cumulative');
    expect(evaluateGoal(doc, goal('g3', 'conferences-held'), '2022-06-30').eventKinds).toEqual(['konferens']);
  });

  it('keeps a top only on a range, and a pace only where one is shown', () => {
    const range = evaluateGoal(doc, goal('g1', 'conferences-held', { comparison: 'between', target: 1, targetMax: 2 }), '2022-06-30');
    expect(range.targetMax).toBe(2);
    const stray = evaluateGoal(doc, goal('g2', 'conferences-held', { comparison: 'at-least', target: 1, targetMax: 2 }), '2022-06-30');
    expect(stray).not.toHaveProperty('targetMax');
    // A reached state goal shows no pace to keep: no `expected` at all, not an empty one.
    const reached = evaluateGoal(doc, goal('g3', 'member-count', { target: 1 }), '2022-06-30');
    expect(reached.status).toBe('reached');
    expect(Object.keys(reached)).not.toContain('expected');
    const behind = evaluateGoal(doc, goal('g4', 'member-count', { target: 10 }), '2022-06-30');
    expect(behind.expected).toBeGreaterThan(4);
  });
});

describe('measurements shared between goals', () => {
  it('keeps the measurements of two goal years apart where their windows differ', () => {
    // Seen on 30 June 2022 both goals are measured that day, but the 2022 goal counts the year's leavers
    // (Borås on 31 March) and the 2023 goal's year has not begun: none lost yet, Gävle and Falun to come.
    const doc = register([]);
    const lost2022 = evaluateGoal(doc, goal('g1', 'members-lost', { comparison: 'at-most', target: 0 }), '2022-06-30');
    const lost2023 = evaluateGoal(doc, goal('g2', 'members-lost', { year: 2023, comparison: 'at-most', target: 0 }), '2022-06-30');
    expect(lost2022.value).toBe(1);
    expect(lost2022.pending).toBe(1);
    expect(lost2023.value).toBe(0);
    expect(lost2023.pending).toBe(1);
    expect(lost2023.subjects.map((s) => [s.name, s.counted])).toEqual([['Falun', false]]);
  });

  it('keeps conference counts apart by kinds and by the day they are seen', () => {
    const doc = register([]);
    const conferences = evaluateGoal(doc, goal('g1', 'conferences-held'), '2022-06-30');
    const webinars = evaluateGoal(doc, goal('g2', 'conferences-held', { eventKinds: ['webinar'] }), '2022-06-30');
    expect(conferences.subjects.map((s) => s.name)).toEqual(['Vårkonferensen']);
    expect(webinars.subjects.map((s) => s.name)).toEqual(['Webbinariet']);
    // Seen on 1 April, the conference of 5 May is planned, not held.
    const early = evaluateGoal(doc, goal('g3', 'conferences-held'), '2022-12-31', { today: '2022-04-01' });
    expect([early.value, early.pending]).toEqual([0, 1]);
    const later = evaluateGoal(doc, goal('g4', 'conferences-held'), '2022-12-31', { today: '2022-06-01' });
    expect([later.value, later.pending]).toEqual([1, 0]);
  });
});

describe('subjects in the order the screens list them', () => {
  it('lists the services by member users, most first, then by name, and counts the first only', () => {
    const doc = frozen(
      makeDocument({
        organisations: [ale, boras, falun],
        memberships: [ale, boras, falun].map((o) => membership(o.id, '2010-01-01')),
        services: [service('s1', 'Öppna data'), service('s2', 'Bibblix'), service('s3', 'EGIL'), service('s4', 'Arkiv')],
        usages: [
          usage('u1', ale.id, 's1', '2020-01-01'),
          usage('u2', ale.id, 's3', '2020-01-01'),
          usage('u3', boras.id, 's3', '2020-01-01'),
          usage('u4', falun.id, 's3', '2020-01-01'),
          usage('u5', boras.id, 's4', '2020-01-01'),
        ],
      }),
    );
    const m = measureMetric(doc, 'max-service-member-share', goalWindow(2022, '2022-06-30'));
    expect(m.subjects.map((s) => [s.name, s.count, s.counted])).toEqual([
      ['EGIL', 3, true],
      ['Arkiv', 1, false],
      ['Öppna data', 1, false],
      ['Bibblix', 0, false],
    ]);
    expect(m.value).toBe(1);
  });

  it('lists leavers counted first, then by their last day, then those still to leave', () => {
    const doc = register([]);
    const m = measureMetric(doc, 'members-lost', goalWindow(2022, '2022-12-31'));
    expect(m.subjects.map((s) => [s.name, s.counted, s.date])).toEqual([
      ['Borås', true, '2022-03-31'],
      ['Gävle', true, '2022-09-30'],
    ]);
    const midYear = measureMetric(doc, 'members-lost', goalWindow(2022, '2022-06-30'));
    expect(midYear.subjects.map((s) => [s.name, s.counted])).toEqual([
      ['Borås', true],
      ['Gävle', false],
    ]);
  });
});

describe('the edges of what a goal counts', () => {
  it('counts events from 1 January to 31 December of the goal year, listed by date and then name', () => {
    const doc = frozen(
      makeDocument({
        networks: [
          network('n1', 'kompetensnatverk', 'Digidel', {
            meetings: [
              meeting('m1', '2021-12-31', 'konferens', [], 'Nyårsafton'),
              meeting('m2', '2022-01-01', 'konferens', [], 'Öst'),
              meeting('m3', '2022-01-01', 'konferens', [], 'Ale-dagen'),
              meeting('m4', '2022-12-31', 'konferens', [], 'Sista dagen'),
              meeting('m5', '2023-01-01', 'konferens', [], 'Nästa år'),
            ],
          }),
        ],
      }),
    );
    const m = measureMetric(doc, 'conferences-held', goalWindow(2022, '2022-12-31'));
    expect(m.subjects.map((s) => s.name)).toEqual(['Ale-dagen', 'Öst', 'Sista dagen']);
    expect(m.value).toBe(3);
  });

  it('lists services with a council first, then by name, and gives no share without services', () => {
    const doc = frozen(
      makeDocument({
        organisations: [ale],
        memberships: [membership(ale.id, '2010-01-01')],
        services: [service('s1', 'Öppna data'), service('s2', 'Arkiv'), service('s3', 'Bibblix')],
        usages: [usage('u1', ale.id, 's2', '2021-01-01')],
        networks: [network('r2', 'forvaltningsrad', 'Förvaltningsråd Arkiv', { serviceId: 's2' }), network('k1', 'kompetensnatverk', 'Arkivnätverket', { serviceId: 's3' })],
      }),
    );
    const m = measureMetric(doc, 'services-with-council', goalWindow(2022, '2022-06-30'));
    expect(m.subjects.map((s) => [s.name, s.counted])).toEqual([
      ['Arkiv', true],
      ['Bibblix', false],
      ['Öppna data', false],
    ]);
    expect(m.value).toBeCloseTo(1 / 3, 12);
    expect(measureMetric(frozen(makeDocument({})), 'services-with-council', goalWindow(2022, '2022-06-30')).value).toBe(0);
  });
});

describe('the metrics every screen reads', () => {
  it('has a Swedish name for every metric, each its own', () => {
    const names = goalMetrics.map((m) => goalLabels.metrics[m]);
    expect(names.every((n) => n.trim().length > 10)).toBe(true);
    expect(new Set(names).size).toBe(goalMetrics.length);
    expect(Object.values(goalLabels.comparisons)).toEqual(['Minst', 'Högst', 'Mer än', 'Mellan']);
  });

  it('says which metrics are shares and which count events over the year', () => {
    const of = (unit: string, kind: string) => goalMetrics.filter((m) => metricInfo[m].unit === unit && metricInfo[m].kind === kind);
    expect(of('share', 'state')).toEqual(['max-service-member-share', 'services-with-council']);
    expect(of('count', 'cumulative')).toEqual(['members-lost', 'conferences-held']);
    expect(of('count', 'state')).toEqual(['member-count', 'single-service-members', 'members-without-service-or-network', 'networks-with-20-members', 'board-members-outside-it']);
    expect(Object.fromEntries(goalMetrics.map((m) => [m, metricInfo[m].subjects]))).toEqual({
      'member-count': 'organisation',
      'members-lost': 'organisation',
      'single-service-members': 'organisation',
      'members-without-service-or-network': 'organisation',
      'max-service-member-share': 'service',
      'networks-with-20-members': 'network',
      'conferences-held': 'event',
      'board-members-outside-it': 'person',
      'services-with-council': 'service',
    });
  });
});
