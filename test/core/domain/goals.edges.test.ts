/**
 * Goal rules at their edges: comparisons exactly at the target, ranges, the pace on the last day before the
 * deadline, the words for targets and statuses, checking a goal's figures, and ordering goals.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  elapsedFraction,
  eventKindsText,
  findGoal,
  formatGoalFigure,
  formatPace,
  formatTarget,
  goalStatus,
  goalStatusText,
  goalWindow,
  goalYearsFor,
  isSatisfied,
  nextGoalOrder,
  prepareGoalFields,
  sortGoals,
  statedBaseline,
  type GoalFields,
  type StatusInput,
} from '../../../electron/core/domain/goals';

const state = (spec: StatusInput['spec'], date: string, value: number, baseline?: number, unit: StatusInput['unit'] = 'count') =>
  goalStatus({ spec, unit, kind: 'state', window: goalWindow(2022, date), value, ...(baseline !== undefined ? { baseline } : {}), pending: 0 });
const cumulative = (spec: StatusInput['spec'], date: string, value: number, pending = 0) =>
  goalStatus({ spec, unit: 'count', kind: 'cumulative', window: goalWindow(2022, date), value, pending });

describe('comparisons at the target', () => {
  it.each([
    ['at-least', 10, 9, false],
    ['at-least', 10, 10, true],
    ['at-least', 10, 11, true],
    ['at-most', 10, 9, true],
    ['at-most', 10, 10, true],
    ['at-most', 10, 11, false],
    ['more-than', 10, 10, false],
    ['more-than', 10, 10.001, true],
    ['more-than', 10, 9, false],
    ['between', 10, 9, false],
    ['between', 10, 10, true],
    ['between', 10, 99, true],
  ] as const)('%s %d with %d is %s', (comparison, target, value, satisfied) => {
    expect(isSatisfied({ comparison, target, targetMax: 20 }, value)).toBe(satisfied);
  });
});

describe('the window and the pace', () => {
  it('measures on the deadline itself, and at the date the day before it', () => {
    expect(goalWindow(2022, '2022-12-30').measuredAt).toBe('2022-12-30');
    expect(goalWindow(2022, '2022-12-31').measuredAt).toBe('2022-12-31');
    expect(goalWindow(2021, '2022-06-30')).toMatchObject({ measuredAt: '2021-12-31', periodStart: '2021-01-01', yearStart: '2021-01-01' });
  });

  it('counts the last day before the deadline as all but one day of the way', () => {
    expect(elapsedFraction('2022-01-01', '2022-12-30', '2022-12-31')).toBeCloseTo(364 / 365, 12);
    expect(elapsedFraction('2022-01-01', '2023-01-05', '2022-12-31')).toBe(1);
  });

  it('asks nothing yet of an event goal for next year, however long before that year it is looked at', () => {
    expect(elapsedFraction('2023-01-01', '2022-06-30', '2023-12-31')).toBe(0);
    // The plan's 2023 events seen in mid-2022: counted from 1 January 2023, so none held is on pace, «krävs 0,0».
    const nextYear = goalStatus({ spec: { comparison: 'at-least', target: 2 }, unit: 'count', kind: 'cumulative', window: goalWindow(2023, '2022-06-30'), value: 0, pending: 0 });
    expect(nextYear).toEqual({ status: 'on-track', expected: 0 });
  });

  it('is still pacing on 30 December and missed only on the deadline', () => {
    const atLeast10 = { comparison: 'at-least' as const, target: 10 };
    // From 0 to 10: 364/365 of the way is 9.97, asked as 10,0.
    expect(state(atLeast10, '2022-12-30', 9, 0)).toEqual({ status: 'at-risk', expected: 10 });
    expect(state(atLeast10, '2022-12-31', 9, 0)).toEqual({ status: 'missed' });
    expect(cumulative(atLeast10, '2022-12-30', 9)).toEqual({ status: 'at-risk', expected: 10 });
    expect(cumulative(atLeast10, '2022-12-31', 9)).toEqual({ status: 'missed' });
    expect(cumulative({ comparison: 'at-most', target: 0 }, '2022-12-30', 0)).toEqual({ status: 'on-track' });
  });

  it('paces from the value itself when no baseline is known', () => {
    // 3 → 10 by 30 June: 3 + 7 × 181/365 = 6.47 → 6,5; 8 → 2: 8 − 6 × 181/365 = 5.02 → 5,0.
    expect(state({ comparison: 'at-least', target: 10 }, '2022-06-30', 3)).toEqual({ status: 'at-risk', expected: 6.5 });
    expect(state({ comparison: 'at-most', target: 2 }, '2022-06-30', 8)).toEqual({ status: 'at-risk', expected: 5 });
    // 1 January is a day into the year: 3 + 7 × 1/365 = 3.02, shown rounded towards the target as 3,1 (goals.ts).
    expect(state({ comparison: 'at-least', target: 10 }, '2022-01-01', 3)).toEqual({ status: 'at-risk', expected: 3.1 });
  });

  it('is on track exactly at the pace, upwards and downwards', () => {
    // 0 → 10 by 30 June: 4.96 → 5,0.
    expect(state({ comparison: 'at-least', target: 10 }, '2022-06-30', 5, 0)).toEqual({ status: 'on-track', expected: 5 });
    expect(state({ comparison: 'more-than', target: 10 }, '2022-06-30', 4.9, 0)).toEqual({ status: 'at-risk', expected: 5 });
    // 10 → 0: 5.04 → 5,0.
    expect(state({ comparison: 'at-most', target: 0 }, '2022-06-30', 5, 10)).toEqual({ status: 'on-track', expected: 5 });
    expect(state({ comparison: 'at-most', target: 0 }, '2022-06-30', 5.1, 10)).toEqual({ status: 'at-risk', expected: 5 });
  });

  it('asks no progress of a baseline already past the bound, in either direction', () => {
    // An at-least goal met at the start but not now: the pace stays at the start.
    expect(state({ comparison: 'at-least', target: 10 }, '2022-06-30', 9, 12)).toEqual({ status: 'at-risk', expected: 12 });
    // An at-most goal below its bound at the start and above it now.
    expect(state({ comparison: 'at-most', target: 5 }, '2022-06-30', 6, 3)).toEqual({ status: 'at-risk', expected: 3 });
  });

  it('does not round a share pace to a tenth', () => {
    const r = state({ comparison: 'at-least', target: 0.5 }, '2022-06-30', 0.1, 0, 'share');
    expect(r.status).toBe('at-risk');
    expect(r.expected).toBeCloseTo((0.5 * 181) / 365, 12);
  });

  it('keeps a cumulative at-most goal on track while pending departures stay within it', () => {
    const atMost2 = { comparison: 'at-most' as const, target: 2 };
    expect(cumulative(atMost2, '2022-06-30', 1, 1)).toEqual({ status: 'on-track' });
    expect(cumulative(atMost2, '2022-06-30', 1, 2)).toEqual({ status: 'at-risk' });
    expect(cumulative(atMost2, '2022-06-30', 2)).toEqual({ status: 'on-track' });
    expect(cumulative(atMost2, '2022-06-30', 3)).toEqual({ status: 'missed' });
    expect(cumulative(atMost2, '2022-12-31', 2)).toEqual({ status: 'reached' });
  });

  it('reaches a cumulative at-least goal as soon as the count gets there, and counts planned events toward it', () => {
    const atLeast3 = { comparison: 'at-least' as const, target: 3 };
    expect(cumulative(atLeast3, '2022-02-01', 3)).toEqual({ status: 'reached' });
    expect(cumulative(atLeast3, '2022-11-01', 1, 2).status).toBe('on-track');
    expect(cumulative(atLeast3, '2022-11-01', 1, 1).status).toBe('at-risk');
    // Exactly at the pace: 3 × 181/365 = 1.49 → 1,5.
    expect(cumulative({ comparison: 'at-least', target: 3 }, '2022-06-30', 1.5)).toEqual({ status: 'on-track', expected: 1.5 });
    // More than 2 by 30 September: 2 × 273/365 = 1.50 → 1,5; one held and one planned make 2, not more than 2.
    expect(cumulative({ comparison: 'more-than', target: 2 }, '2022-09-30', 1, 1)).toEqual({ status: 'at-risk', expected: 1.5 });
    expect(cumulative({ comparison: 'more-than', target: 2 }, '2022-09-30', 1, 2).status).toBe('on-track');
  });
});

describe('goals in words', () => {
  it('formats figures and targets in Swedish', () => {
    expect(formatGoalFigure(1_250, 'count')).toMatch(/^1\s250$/);
    expect(formatGoalFigure(0.406, 'share')).toMatch(/^40,6\s%$/);
    expect(formatTarget({ comparison: 'at-least', target: 125 }, 'count')).toBe('minst 125');
    expect(formatTarget({ comparison: 'at-most', target: 0 }, 'count')).toBe('högst 0');
    expect(formatTarget({ comparison: 'more-than', target: 0.75 }, 'share')).toMatch(/^mer än 75\s%$/);
    expect(formatTarget({ comparison: 'between', target: 1, targetMax: 2 }, 'count')).toBe('1–2');
    expect(formatTarget({ comparison: 'between', target: 3 }, 'count')).toBe('3–3');
    expect(formatPace(0.25, 'share')).toMatch(/^25\s%$/);
    expect(formatPace(2, 'count')).toBe('2,0');
  });

  it('names a status, and a goal reached by construction', () => {
    expect(goalStatusText({ status: 'reached' })).toBe('Uppnått');
    expect(goalStatusText({ status: 'on-track' })).toBe('I fas');
    expect(goalStatusText({ status: 'at-risk' })).toBe('I riskzonen');
    expect(goalStatusText({ status: 'missed' })).toBe('Ej uppnått');
    expect(goalStatusText({ status: 'reached', byConstruction: 'Registret byggdes så' })).toBe('Uppnått per definition');
    expect(goalStatusText({ status: 'missed', byConstruction: 'Registret byggdes så' })).toBe('Ej uppnått');
  });

  it('names event kinds', () => {
    expect(eventKindsText([])).toBe('');
    expect(eventKindsText(['mote', 'webinar'])).toBe('möten och webbinarier');
  });
});

describe('checking a goal’s figures', () => {
  const base: GoalFields = { year: 2022, title: 'Medlemmar', description: 'Fler medlemmar', metric: 'member-count', comparison: 'at-least', target: 125 };
  const refusal = (fields: GoalFields) => {
    try {
      prepareGoalFields(fields);
    } catch (e) {
      return { code: (e as AppError).code, field: (e as AppError).field, message: (e as Error).message };
    }
    return undefined;
  };

  it('keeps a valid goal’s fields and drops a top from a comparison that is not a range', () => {
    expect(prepareGoalFields({ ...base, targetMax: 200 })).toEqual(base);
    expect(prepareGoalFields({ ...base, comparison: 'between', target: 1, targetMax: 1 })).toEqual({ ...base, comparison: 'between', target: 1, targetMax: 1 });
    expect(prepareGoalFields({ ...base, target: 0 }).target).toBe(0);
    expect(prepareGoalFields({ ...base, target: 100_000 }).target).toBe(100_000);
    expect(prepareGoalFields({ ...base, metric: 'max-service-member-share', target: 0 }).target).toBe(0);
    expect(prepareGoalFields({ ...base, metric: 'max-service-member-share', target: 1 }).target).toBe(1);
    expect(prepareGoalFields({ ...base, metric: 'max-service-member-share', target: 0.5 }).target).toBe(0.5);
  });

  it.each([
    [{ target: Number.NaN }, 'target', /^Målvärde: Skriv ett tal\.$/],
    [{ target: Number.POSITIVE_INFINITY }, 'target', /Skriv ett tal/],
    [{ target: -1 }, 'target', /^Målvärde: Skriv ett heltal från 0 till 100\s000\.$/],
    [{ target: 100_001 }, 'target', /heltal från 0 till 100\s000/],
    [{ target: 1.5 }, 'target', /heltal/],
    [{ metric: 'max-service-member-share', target: 1.01 }, 'target', /^Målvärde: En andel ska ligga mellan 0 och 100 %\.$/],
    [{ metric: 'max-service-member-share', target: -0.01 }, 'target', /En andel/],
    [{ comparison: 'between', target: 1 }, 'targetMax', /^Högsta värde: Ange det högsta värdet i intervallet\.$/],
    [{ comparison: 'between', target: 2, targetMax: 1 }, 'targetMax', /^Högsta värde: Det högsta värdet kan inte vara lägre än målvärdet\.$/],
    [{ comparison: 'between', target: 1, targetMax: 2.5 }, 'targetMax', /^Högsta värde: Skriv ett heltal/],
    [{ metric: 'no-such-metric' }, 'metric', /Välj ett av måtten i listan\./],
  ] as const)('refuses %o on %s', (change, field, message) => {
    const r = refusal({ ...base, ...change } as GoalFields);
    expect(r).toMatchObject({ code: 'validation', field });
    expect(r?.message).toMatch(message);
  });
});

describe('finding and ordering goals', () => {
  const goals = [
    { id: 'c', year: 2023, order: 1, title: 'Ärenden' },
    { id: 'b', year: 2022, order: 2, title: 'Beta' },
    { id: 'a', year: 2022, order: 2, title: 'Alfa' },
    { id: 'd', year: 2022, order: 1, title: 'Öst' },
  ];

  it('sorts by year, then order, then title in Swedish', () => {
    expect(sortGoals(goals).map((g) => g.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('gives a new goal the order after the year’s last', () => {
    expect(nextGoalOrder(goals, 2022)).toBe(3);
    expect(nextGoalOrder(goals, 2023)).toBe(2);
    expect(nextGoalOrder(goals, 2024)).toBe(1);
  });

  it('finds a goal, or says in Swedish it is gone', () => {
    expect(findGoal(goals, 'b').title).toBe('Beta');
    expect(() => findGoal(goals, 'x')).toThrow('Målet finns inte (det kan redan vara borttaget).');
  });

  it('picks the goal years of a board pack: the date’s year and later, the year before on request', () => {
    const doc = { goals: [{ year: 2023 }, { year: 2021 }, { year: 2022 }, { year: 2023 }] } as Parameters<typeof goalYearsFor>[0];
    expect(goalYearsFor(doc, '2022-05-01')).toEqual([2022, 2023]);
    expect(goalYearsFor(doc, '2022-05-01', true)).toEqual([2021, 2022, 2023]);
    expect(goalYearsFor(doc, '2024-01-01')).toEqual([]);
  });

  it('takes a stated baseline only for the member count, the whole membership, at that date', () => {
    const figures = [
      { id: 'p1', subject: 'members', date: '2022-01-01', value: 109, source: 'Verksamhetsplan 2022', note: '' },
      { id: 'p2', subject: 'members', subjectId: 'x', date: '2022-01-01', value: 5, source: '', note: '' },
    ] as Parameters<typeof statedBaseline>[0];
    expect(statedBaseline(figures, 'member-count', '2022-01-01')?.value).toBe(109);
    expect(statedBaseline(figures, 'member-count', '2022-01-02')).toBeUndefined();
    expect(statedBaseline(figures, 'members-lost', '2022-01-01')).toBeUndefined();
    expect(statedBaseline([figures[1]!], 'member-count', '2022-01-01')).toBeUndefined();
  });
});
