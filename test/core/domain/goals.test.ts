/** The status rules (goals.ts header): reached, on track by a steady pace, at risk, missed. */
import { describe, expect, it } from 'vitest';
import { elapsedFraction, goalStatus, goalWindow, type StatusInput } from '../../../electron/core/domain/goals';

const state = (spec: StatusInput['spec'], date: string, value: number, baseline: number, year = 2022, unit: StatusInput['unit'] = 'count') =>
  goalStatus({ spec, unit, kind: 'state', window: goalWindow(year, date), value, baseline, pending: 0 });
const cumulative = (spec: StatusInput['spec'], date: string, value: number, pending = 0) =>
  goalStatus({ spec, unit: 'count', kind: 'cumulative', window: goalWindow(2022, date), value, pending });

describe('the measuring window', () => {
  it('measures at the date within the year, at the year end after it, and paces a later year’s goal from this year', () => {
    expect(goalWindow(2022, '2022-06-30')).toEqual({
      date: '2022-06-30',
      measuredAt: '2022-06-30',
      yearStart: '2022-01-01',
      periodStart: '2022-01-01',
      deadline: '2022-12-31',
    });
    expect(goalWindow(2022, '2023-02-01').measuredAt).toBe('2022-12-31');
    expect(goalWindow(2023, '2022-06-30')).toMatchObject({ measuredAt: '2022-06-30', periodStart: '2022-01-01', deadline: '2023-12-31' });
  });

  it('counts the elapsed share of the period in whole days, the measuring day included', () => {
    expect(elapsedFraction('2022-01-01', '2022-01-01', '2022-12-31')).toBeCloseTo(1 / 365, 12);
    expect(elapsedFraction('2022-01-01', '2022-06-30', '2022-12-31')).toBeCloseTo(181 / 365, 12);
    expect(elapsedFraction('2022-01-01', '2022-12-31', '2022-12-31')).toBe(1);
    expect(elapsedFraction('2022-01-01', '2021-12-31', '2022-12-31')).toBe(0);
    // Two years for the plan's 2023 goal seen in 2022 (2023 is not a leap year: 730 days).
    expect(elapsedFraction('2022-01-01', '2022-06-30', '2023-12-31')).toBeCloseTo(181 / 730, 12);
  });
});

describe('state goals', () => {
  const atLeast125 = { comparison: 'at-least' as const, target: 125 };

  it('is reached when the comparison holds, whatever the date', () => {
    expect(state(atLeast125, '2022-02-01', 125, 109).status).toBe('reached');
    expect(state({ comparison: 'more-than', target: 0.75 }, '2022-06-30', 0.751, 0.4, 2023, 'share').status).toBe('reached');
  });

  it('is on track when the value keeps a steady pace from the start of the year to the target, else at risk', () => {
    // 30 June: 181/365 of the way from 109 to 125 is 116.93, asked as 117,0 (tenths, rounded towards the target).
    expect(state(atLeast125, '2022-06-30', 117, 109)).toEqual({ status: 'on-track', expected: 117 });
    expect(state(atLeast125, '2022-06-30', 116, 109)).toEqual({ status: 'at-risk', expected: 117 });
    // By the end of 1 January a steady pace asks 109.04, shown as 109,1: the start alone is not on pace.
    expect(state(atLeast125, '2022-01-01', 109, 109)).toEqual({ status: 'at-risk', expected: 109.1 });
    expect(state(atLeast125, '2022-01-01', 110, 109).status).toBe('on-track');
    // Falling below the start is never on track.
    expect(state(atLeast125, '2022-01-02', 108, 109).status).toBe('at-risk');
  });

  it('paces downwards for at-most goals and for a value above a between goal’s top', () => {
    const noneWithOne = { comparison: 'at-most' as const, target: 0 };
    // From 63 towards 0: by 30 June 63 − 63 × 181/365 = 31.76, asked as 31,7 (rounded down, towards 0).
    expect(state(noneWithOne, '2022-06-30', 31, 63)).toEqual({ status: 'on-track', expected: 31.7 });
    expect(state(noneWithOne, '2022-06-30', 32, 63)).toEqual({ status: 'at-risk', expected: 31.7 });
  });

  it('meets a range from its lower bound and never fails it for going above the top', () => {
    const band = { comparison: 'between' as const, target: 10, targetMax: 20 };
    expect(state(band, '2022-06-30', 15, 30).status).toBe('reached');
    expect(state(band, '2022-06-30', 25, 30).status).toBe('reached');
    expect(state(band, '2022-12-31', 40, 30).status).toBe('reached');
    expect(state(band, '2022-12-31', 9, 30).status).toBe('missed');
    // Below the range it paces up towards the lower bound: 181/365 of the way from 0 to 10 is 4.96 -> 5.0.
    expect(state(band, '2022-06-30', 5, 0)).toEqual({ status: 'on-track', expected: 5 });
    expect(state(band, '2022-06-30', 4, 0)).toEqual({ status: 'at-risk', expected: 5 });
  });

  it('does not round shares, and paces a 2023 goal over both years when seen in 2022', () => {
    const threeQuarters = { comparison: 'more-than' as const, target: 0.75 };
    const expected = 0.4 + (0.75 - 0.4) * (181 / 730);
    const onTrack = state(threeQuarters, '2022-06-30', expected, 0.4, 2023, 'share');
    expect(onTrack.status).toBe('on-track');
    expect(onTrack.expected).toBeCloseTo(expected, 12);
    expect(state(threeQuarters, '2022-06-30', expected - 0.001, 0.4, 2023, 'share').status).toBe('at-risk');
  });

  it('is missed once the deadline has come without the target', () => {
    expect(state(atLeast125, '2022-12-31', 124, 109).status).toBe('missed');
    expect(state(atLeast125, '2023-05-01', 124, 109).status).toBe('missed');
  });

  it('is at risk when a value that met the goal at the start has slipped', () => {
    expect(state(atLeast125, '2022-06-30', 124, 130).status).toBe('at-risk');
  });
});

describe('cumulative goals', () => {
  const noneLost = { comparison: 'at-most' as const, target: 0 };
  const oneToTwo = { comparison: 'between' as const, target: 1, targetMax: 2 };

  it('at most: on track until the year is over, at risk with a departure ahead, missed at once when broken', () => {
    expect(cumulative(noneLost, '2022-06-30', 0).status).toBe('on-track');
    expect(cumulative(noneLost, '2022-06-30', 0, 1).status).toBe('at-risk');
    expect(cumulative(noneLost, '2022-06-30', 1).status).toBe('missed');
    expect(cumulative(noneLost, '2022-12-31', 0).status).toBe('reached');
  });

  it('between 1 and 2: reached from the lower bound, also above the top; missed only when the year ends below', () => {
    expect(cumulative(oneToTwo, '2022-03-01', 1).status).toBe('reached');
    expect(cumulative(oneToTwo, '2022-03-01', 2).status).toBe('reached');
    expect(cumulative(oneToTwo, '2022-03-01', 3).status).toBe('reached');
    expect(cumulative(oneToTwo, '2022-12-31', 3).status).toBe('reached');
    expect(cumulative(oneToTwo, '2022-12-31', 0).status).toBe('missed');
  });

  it('below the lower bound: on track only at or above a pace that can be shown, or when a planned event would reach it', () => {
    // 30 June: 181/365 of one event is 0.496, asked as 0,5; none held is behind, not «I fas, krävs 0».
    expect(cumulative(oneToTwo, '2022-06-30', 0)).toEqual({ status: 'at-risk', expected: 0.5 });
    // January: a steady pace asks 0.003 on 1 January and 0.049 on 18 January, shown as 0,1, never «I fas,
    // krävs 0,0» with nothing held; one held is on pace.
    expect(cumulative(oneToTwo, '2022-01-01', 0)).toEqual({ status: 'at-risk', expected: 0.1 });
    expect(cumulative(oneToTwo, '2022-01-18', 0)).toEqual({ status: 'at-risk', expected: 0.1 });
    expect(cumulative(oneToTwo, '2022-02-05', 0)).toEqual({ status: 'at-risk', expected: 0.1 });
    expect(cumulative(oneToTwo, '2022-02-06', 0)).toEqual({ status: 'at-risk', expected: 0.2 });
    expect(cumulative({ comparison: 'at-least', target: 3 }, '2022-01-05', 1)).toEqual({ status: 'on-track', expected: 0.1 });
    // A whole tenth is not pushed up by floating-point noise: 10 events, 73 of 365 days is exactly 2,0.
    expect(cumulative({ comparison: 'at-least', target: 10 }, '2022-03-14', 2)).toEqual({ status: 'on-track', expected: 2 });
    // Before the year has begun nothing is asked yet.
    expect(cumulative(oneToTwo, '2021-12-31', 0)).toEqual({ status: 'on-track', expected: 0 });
    expect(cumulative(oneToTwo, '2022-06-30', 0, 1).status).toBe('on-track');
    expect(cumulative(oneToTwo, '2022-07-02', 0, 1).status).toBe('on-track');
    expect(cumulative({ comparison: 'at-least', target: 4 }, '2022-06-30', 2).status).toBe('on-track');
    expect(cumulative({ comparison: 'at-least', target: 4 }, '2022-06-30', 1).status).toBe('at-risk');
  });
});
