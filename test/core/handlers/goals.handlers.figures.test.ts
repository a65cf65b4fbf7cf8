/**
 * The board pack's figures once per register state (issue 21 point 3): a change recomputes only the parts that
 * read what it changed. A part that is reused is the very object answered before.
 */
import { describe, expect, it } from 'vitest';
import type { BoardPackContent, Result } from '../../../electron/contract';
import { hasChildren } from '../../../electron/core/domain/budget';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import { createTestServices } from '../../support/memory-document';

const initial = generateDemoDocument({ scale: 0.3, seed: 'pack-figures', base: readDemoBase() });

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

const sections = ['planFigures', 'assumptions', 'members', 'services', 'networks', 'population', 'coverage', 'budget'] as const;

async function setup() {
  const s = createTestServices({ initial, now: '2022-06-30T10:00:00.000Z' });
  const compute = async () => data(await s.call('packs/compute', { date: '2022-06-30', includePreviousYear: false })) as BoardPackContent;
  return { ...s, compute, first: await compute() };
}

describe('packs/compute after a change', () => {
  it('answers the same pack for the same state, each part the object it answered before', async () => {
    const { compute, first } = await setup();
    const again = await compute();
    for (const name of sections) expect(again[name], name).toBe(first[name]);
    again.goals.forEach((goal, i) => expect(goal, goal.title).toBe(first.goals[i]));
  });

  it('after a goal edit, recomputes that goal and the assumptions behind the goals only', async () => {
    const { call, compute, first } = await setup();
    const edited = first.goals.find((g) => g.unit === 'count' && g.comparison !== 'between');
    if (!edited) throw new Error('no goal to edit');
    data(await call('goals/update', { goalId: edited.goalId, target: edited.target + 1 }));
    const next = await compute();
    for (const name of sections.filter((n) => n !== 'assumptions')) expect(next[name], name).toBe(first[name]);
    for (const goal of next.goals) {
      const before = first.goals.find((g) => g.goalId === goal.goalId);
      if (goal.goalId === edited.goalId) {
        expect(goal.target).toBe(edited.target + 1);
        // Its measurement is the same register's: the figure is reused, the goal around it is new.
        expect(goal.value).toBe(edited.value);
        expect(goal).not.toBe(before);
      } else {
        expect(goal, goal.title).toBe(before);
      }
    }
  });

  it('after a budget edit, recomputes the budget section only', async () => {
    const { call, repo, compute, first } = await setup();
    const { lines, columns } = repo.get().budget;
    const line = lines.find((l) => !hasChildren(lines, l.id));
    const column = columns.find((c) => c.year === 2022) ?? columns[0];
    if (!line || !column) throw new Error('no budget cell');
    data(await call('budget/set-amount', { columnId: column.id, lineId: line.id, amount: '123 456' }));
    const next = await compute();
    expect(next.budget).not.toBe(first.budget);
    for (const name of sections.filter((n) => n !== 'budget')) expect(next[name], name).toBe(first[name]);
    next.goals.forEach((goal, i) => expect(goal, goal.title).toBe(first.goals[i]));
  });

  it('after a membership ends, recomputes what counts members, and answers the new figures', async () => {
    const { repo, compute, first } = await setup();
    const membership = repo.get().memberships.find((m) => m.left === undefined && m.joined < '2022-01-01');
    if (!membership) throw new Error('no open membership');
    await repo.change('Utträde', (tx) => tx.memberships.update(membership.id, { left: '2022-03-31' }));
    const next = await compute();
    expect(next.members).not.toBe(first.members);
    expect(next.members.left.map((l) => l.organisationId)).toContain(membership.organisationId);
    // The budget does not read the members.
    expect(next.budget).toBe(first.budget);
  });
});
