/**
 * The usages grouped by service are made for each new register state from the state before (a toggle changes one
 * record; grouping every record again was most of the next matrix's cost). After any run of inserts, removals and
 * updates, each service's records and its users must be what a grouping from scratch gives.
 */
import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../electron/core/store/schema';
import {
  groupMembersById,
  groupsOf,
  servicesWithChangedRecords,
  usagesByService,
  usagesOfService,
  usersAtCached,
  usersFromRecords,
} from '../../../electron/core/domain/usage-matrix';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';

const base = freeze(generateDemoDocument({ scale: 1, seed: 'regroup', base: readDemoBase() }), true);
const serviceIds = base.services.map((s) => s.id);
const DATE = '2022-06-30';

type Step =
  | { kind: 'insert'; at: number; service: number; org: number }
  | { kind: 'remove'; at: number }
  | { kind: 'update'; at: number; service: number; to: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), service: fc.nat(), org: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('update' as const), at: fc.nat(), service: fc.nat(), to: fc.boolean() }),
);

let made = 0;
/** The next state as the repository makes it: a new frozen array, every record not touched the same object. */
function apply(usages: readonly Usage[], steps: readonly Step[]): readonly Usage[] {
  const next = [...usages];
  for (const s of steps) {
    const at = next.length === 0 ? 0 : s.at % next.length;
    if (s.kind === 'insert') {
      made += 1;
      const org = base.organisations[s.org % base.organisations.length]!;
      next.splice(at, 0, freeze({ id: `regroup-${made}`, organisationId: org.id, serviceId: serviceIds[s.service % serviceIds.length]!, from: '2022-01-01', note: '' }));
    } else if (next.length > 0 && s.kind === 'remove') {
      next.splice(at, 1);
    } else if (next.length > 0 && s.kind === 'update') {
      const old = next[at]!;
      next[at] = freeze({ ...old, serviceId: s.service % 3 === 0 ? serviceIds[s.service % serviceIds.length]! : old.serviceId, ...(s.to ? { to: '2022-03-31' } : {}) });
    }
  }
  return Object.freeze(next);
}

describe('usages grouped by service, state after state', () => {
  it('gives every service the records and users a grouping from scratch gives, after any changes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (changes) => {
        let doc = base;
        // The first state's grouping is made before the changes, so each later one follows from the one before.
        usagesOfService(doc, serviceIds[0]!);
        for (const steps of changes) {
          doc = Object.freeze({ ...doc, usages: apply(doc.usages, steps) }) as typeof base;
          const scratch = usagesByService([...doc.usages]);
          const groups = groupMembersById(doc.organisations);
          for (const id of serviceIds) {
            expect(usagesOfService(doc, id)).toEqual(scratch.get(id) ?? []);
            expect(new Map(usersAtCached(doc, id, DATE))).toEqual(usersFromRecords(scratch.get(id) ?? [], groups, DATE));
          }
          expect(groupsOf(doc)).toEqual(groups);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('names exactly the services whose records changed, and gives up past the limit', () => {
    const usages = base.usages;
    const first = usages[0]!;
    const moved = freeze({ ...first, serviceId: serviceIds.find((id) => id !== first.serviceId)! });
    const replaced = [moved, ...usages.slice(1)];
    expect(servicesWithChangedRecords(usages, replaced, 8)).toEqual(new Set([first.serviceId, moved.serviceId]));
    expect(servicesWithChangedRecords(usages, usages.slice(1), 8)).toEqual(new Set([first.serviceId]));
    expect(servicesWithChangedRecords(usages, [...usages], 8)).toEqual(new Set());
    // Another register altogether: too many services to follow.
    expect(servicesWithChangedRecords(usages, [...usages].reverse(), 2)).toBeUndefined();
  });
});
