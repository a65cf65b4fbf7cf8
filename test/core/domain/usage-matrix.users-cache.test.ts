import { describe, expect, it } from 'vitest';
import { freeze, produce } from 'immer';
import { groupMembersById, usagesByService, usersAtCached, usersFromRecords } from '../../../electron/core/domain/usage-matrix';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';

const doc = freeze(generateDemoDocument({ scale: 1, seed: 'users-cache', base: readDemoBase() }), true);
const fresh = (d: typeof doc, serviceId: string, date: string) =>
  usersFromRecords(usagesByService(d.usages).get(serviceId) ?? [], groupMembersById(d.organisations), date);

describe('usersAtCached', () => {
  it('answers what usersFromRecords answers, once per document state and date', () => {
    for (const service of doc.services) {
      for (const date of ['2015-01-01', '2022-06-30']) {
        expect(new Map(usersAtCached(doc, service.id, date))).toEqual(fresh(doc, service.id, date));
      }
    }
    const service = doc.services[0]!;
    expect(usersAtCached(doc, service.id, '2022-06-30')).toBe(usersAtCached(doc, service.id, '2022-06-30'));
  });

  it('sees a changed register: a new usages array is a new document state', () => {
    const service = doc.services[0]!;
    const before = usersAtCached(doc, service.id, '2022-06-30');
    const user = [...before.keys()].find((id) => doc.usages.some((u) => u.organisationId === id && u.serviceId === service.id && u.to === undefined))!;
    const next = produce(doc, (d) => {
      for (const u of d.usages) if (u.organisationId === user && u.serviceId === service.id && u.to === undefined) u.to = '2022-01-31';
    });
    const after = usersAtCached(next, service.id, '2022-06-30');
    expect(new Map(after)).toEqual(fresh(next, service.id, '2022-06-30'));
    expect(after.size).toBeLessThanOrEqual(before.size);
    expect(before.has(user)).toBe(true);
  });

  it('does not remember a register that is not frozen (it may change in place)', () => {
    const plain = structuredClone(doc);
    const service = plain.services[0]!;
    const first = usersAtCached(plain, service.id, '2022-06-30');
    // The same array, changed in place.
    plain.usages.splice(0, plain.usages.length, ...plain.usages.filter((u) => u.serviceId !== service.id));
    expect(usersAtCached(plain, service.id, '2022-06-30').size).toBe(0);
    expect(first.size).toBeGreaterThan(0);
  });

  it('hands out frozen cells, so no caller can change what the next one gets', () => {
    const cell = [...usersAtCached(doc, doc.services[1]!.id, '2022-06-30').values()][0]!;
    expect(Object.isFrozen(cell)).toBe(true);
  });
});
