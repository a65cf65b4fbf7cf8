/**
 * Figures kept per register state against figures computed from scratch: after random changes made through the
 * repository (the tables a change does not touch keep their identity, the ones it touches are copied), every
 * figure the handlers answer from the cache equals the same figure computed on an unfrozen copy of the same
 * document, which the cache never reuses anything for.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BoardPackContent, BudgetRegisterComparison, BudgetTable, Result } from '../../../electron/contract';
import { addDays } from '../../../electron/contract/rules/calendar-date';
import { adoptionAt, servicesPerMember } from '../../../electron/core/domain/adoption';
import { buildBoardPack } from '../../../electron/core/domain/board-pack';
import { budgetTable, hasChildren } from '../../../electron/core/domain/budget';
import { evaluateGoals } from '../../../electron/core/domain/goals';
import { figureCacheStats } from '../../../electron/core/domain/figure-cache';
import { metricInfo } from '../../../electron/core/domain/goals';
import { registerComparison } from '../../../electron/core/handlers/budget.handlers';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import { createTestServices } from '../../support/memory-document';

const initial = generateDemoDocument({ scale: 0.5, seed: 'figure-cache', base: readDemoBase() });
const DATE = '2022-06-30';
const NOW = `${DATE}T10:00:00.000Z`;

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

type Services = ReturnType<typeof createTestServices>;

/** A change, by the kind of record it touches; `pick` chooses the record, `n` a value. */
type Change = { kind: (typeof kinds)[number]; pick: number; n: number };
const kinds = [
  'goal-target',
  'budget-amount',
  'usage-end',
  'usage-remove',
  'membership-leave',
  'organisation-rename',
  'contact-remove',
  'roster-remove',
  'population',
  'plan-figure',
  'service-rename',
  'undo',
] as const;

const at = <T,>(list: readonly T[], pick: number): T | undefined => (list.length === 0 ? undefined : list[pick % list.length]);

async function apply(s: Services, change: Change): Promise<void> {
  const doc = s.repo.get();
  const { pick, n } = change;
  switch (change.kind) {
    case 'goal-target': {
      const goal = at(doc.goals, pick);
      if (!goal) return;
      const share = metricInfo[goal.metric].unit === 'share';
      const target = share ? (n % 101) / 100 : n % 200;
      data(await s.call('goals/update', { goalId: goal.id, target, ...(goal.comparison === 'between' ? { targetMax: share ? 1 : 200 } : {}) }));
      return;
    }
    case 'budget-amount': {
      const leaves = doc.budget.lines.filter((l) => !hasChildren(doc.budget.lines, l.id));
      const line = at(leaves, pick);
      const column = at(doc.budget.columns, n);
      if (!line || !column) return;
      data(await s.call('budget/set-amount', { columnId: column.id, lineId: line.id, amount: String((n % 5_000) * 100 - 200_000) }));
      return;
    }
    case 'usage-end': {
      const usage = at(
        doc.usages.filter((u) => u.to === undefined),
        pick,
      );
      if (!usage) return;
      const to = addDays(usage.from < '2021-01-01' ? '2021-01-01' : usage.from, n % 700);
      await s.repo.change('slut', (tx) => tx.usages.update(usage.id, { to }));
      return;
    }
    case 'usage-remove': {
      const usage = at(doc.usages, pick);
      if (usage) await s.repo.change('bort', (tx) => tx.usages.remove(usage.id));
      return;
    }
    case 'membership-leave': {
      const membership = at(
        doc.memberships.filter((m) => m.left === undefined),
        pick,
      );
      if (!membership) return;
      const left = addDays(membership.joined < '2021-06-01' ? '2021-06-01' : membership.joined, n % 500);
      await s.repo.change('utträde', (tx) => tx.memberships.update(membership.id, { left }));
      return;
    }
    case 'organisation-rename': {
      const org = at(doc.organisations, pick);
      if (org) await s.repo.change('namn', (tx) => tx.organisations.update(org.id, { name: `${org.name} ${n}` }));
      return;
    }
    case 'contact-remove': {
      const contact = at(doc.contacts, pick);
      if (contact) await s.repo.change('bort', (tx) => tx.contacts.remove(contact.id));
      return;
    }
    case 'roster-remove': {
      const network = at(
        doc.networks.filter((w) => w.roster.length > 0),
        pick,
      );
      const entry = network && at(network.roster, n);
      if (network && entry) await s.repo.change('bort', (tx) => tx.roster.remove(network.id, entry.id));
      return;
    }
    case 'population': {
      const figure = at(doc.reference.populations, pick);
      if (figure) {
        await s.repo.change('folkmängd', (tx) =>
          tx.populations.update(`${figure.code} ${figure.date}`, { population: 1_000 + (n % 900_000) }),
        );
      }
      return;
    }
    case 'plan-figure': {
      const planFigure = at(doc.planFigures, pick);
      if (planFigure) await s.repo.change('planen', (tx) => tx.planFigures.update(planFigure.id, { value: n % 300 }));
      return;
    }
    case 'service-rename': {
      const service = at(doc.services, pick);
      if (service) await s.repo.change('namn', (tx) => tx.services.update(service.id, { name: `${service.name} ${n}` }));
      return;
    }
    case 'undo': {
      const state = data(await s.call('history/get-state', {}));
      if (state.canUndo) data(await s.call('history/undo', {}));
      return;
    }
  }
}

/** The figures the handlers answer (from the cache where the register parts are unchanged). */
async function answered(s: Services) {
  const pack = data(await s.call('packs/compute', { date: DATE, includePreviousYear: true })) as BoardPackContent;
  const { token: _token, ...table } = data(await s.call('budget/get', {}));
  return {
    pack,
    table: table as BudgetTable,
    comparison: data(await s.call('budget/register-comparison', { year: 2022 })) as BudgetRegisterComparison,
    goals: evaluateGoals(s.repo.get(), '2023-03-31', undefined, { today: DATE }),
    adoption: adoptionAt(s.repo.get(), '2021-12-31'),
    perMember: servicesPerMember(s.repo.get(), '2021-12-31', { top: 2 }),
    perMemberTop3: servicesPerMember(s.repo.get(), '2021-12-31', { top: 3 }),
  };
}

/** The same figures from scratch: on an unfrozen copy, for which nothing kept is ever reused. */
function fromScratch(doc: SambrukDocument, generatedAt: string) {
  const copy = structuredClone(doc) as SambrukDocument;
  return {
    pack: buildBoardPack(copy, DATE, { generatedAt, includePreviousYear: true, today: DATE }),
    table: budgetTable(copy.budget),
    comparison: registerComparison(copy, 2022),
    goals: evaluateGoals(copy, '2023-03-31', undefined, { today: DATE }),
    adoption: adoptionAt(copy, '2021-12-31'),
    perMember: servicesPerMember(copy, '2021-12-31', { top: 2 }),
    perMemberTop3: servicesPerMember(copy, '2021-12-31', { top: 3 }),
  };
}

describe('figures kept per register state', () => {
  it('equal figures computed from scratch after random changes through the repository', async () => {
    let hits = 0;
    let misses = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ kind: fc.constantFrom(...kinds), pick: fc.nat(10_000), n: fc.nat(1_000_000) }), { minLength: 1, maxLength: 6 }),
        async (changes) => {
          const s = createTestServices({ initial, now: NOW });
          // Warm the cache on the first state, so the changes that follow find figures to reuse or replace.
          await answered(s);
          for (const change of changes) {
            await apply(s, change);
            const before = figureCacheStats();
            const got = await answered(s);
            const after = figureCacheStats();
            hits += after.hits - before.hits;
            misses += after.misses - before.misses;
            expect(got).toEqual(fromScratch(s.repo.get(), got.pack.generatedAt));
          }
        },
      ),
      { numRuns: 25, seed: 21 },
    );
    // The cache was used, not passed by: changes to the tables a figure does not read left it to be reused.
    expect(hits).toBeGreaterThan(0);
    expect(misses).toBeGreaterThan(0);
  }, 240_000);
});
