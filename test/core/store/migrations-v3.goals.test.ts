/** The 2 -> 3 step for goals: a stored conference goal says which meeting kinds it counts. */
import { describe, expect, it } from 'vitest';
import { toVersion3 } from '../../../electron/core/store/migrations-v3';

const goal = (metric: string, extra: Record<string, unknown> = {}) => ({ id: `g-${metric}`, year: 2022, title: metric, metric, comparison: 'at-least', target: 1, ...extra });

describe('migration 2 -> 3: goals name the kinds they count', () => {
  it('gives a conference goal without kinds the plan’s reading, conferences only, and leaves other goals and named kinds alone', () => {
    const doc = {
      goals: [goal('conferences-held', { comparison: 'between', targetMax: 2 }), goal('conferences-held', { eventKinds: ['webinar'] }), goal('member-count')],
    };
    const migrated = toVersion3(doc) as { goals: Record<string, unknown>[] };
    expect(migrated.goals.map((g) => g.eventKinds)).toEqual([['konferens'], ['webinar'], undefined]);
    expect(migrated.goals[0]).toMatchObject({ comparison: 'between', targetMax: 2 });
    // The input is left as it was (the loader keeps the original for its error messages).
    expect(doc.goals[0]).not.toHaveProperty('eventKinds');
  });

  it('passes a document without goals through', () => {
    expect(toVersion3({ organisations: [] })).not.toHaveProperty('goals');
  });
});
