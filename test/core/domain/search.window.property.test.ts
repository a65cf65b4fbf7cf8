/**
 * The list's window: what a screen drawing only the rows in view asks for. Whatever the search, filters, sort
 * and window, the rows answered are exactly that stretch of the whole list, and `located` is the place the
 * whole list gives the organisation.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listOrganisations, type OrganisationListQuery } from '../../../electron/core/domain/search';
import { memberStatuses, organisationSortKeys } from '../../../electron/contract/model/members';
import { organisationKinds } from '../../../electron/contract/model/records';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';

const doc = generateDemoDocument({ scale: 0.5, seed: 'list-window', base: readDemoBase() });
const names = doc.organisations.map((o) => o.name);

const query = fc.record(
  {
    query: fc.oneof(
      fc.constantFrom('', 'g', 'Gö', 'kommun', 'region', 'sto', 'x'),
      fc.constantFrom(...names).map((n) => n.slice(0, 3)),
    ),
    kinds: fc.subarray([...organisationKinds]),
    statuses: fc.subarray([...memberStatuses]),
    archived: fc.constantFrom('active' as const, 'archived' as const, 'all' as const),
    sort: fc.record({ by: fc.constantFrom(...organisationSortKeys), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
  },
  { requiredKeys: ['query', 'archived', 'sort'] },
);

describe('the member list in a window', () => {
  it('answers exactly the stretch of the whole list it asks for, and where an organisation stands in it', () => {
    fc.assert(
      fc.property(
        query,
        fc.nat({ max: 300 }),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom(...doc.organisations.map((o) => o.id)),
        (q, start, count, locate) => {
          const base: OrganisationListQuery = { ...q, date: '2022-06-30' };
          const whole = listOrganisations(doc, base);
          const windowed = listOrganisations(doc, { ...base, window: { start, count }, locate });
          const expectedStart = Math.max(0, Math.min(start, whole.count - count));
          expect(windowed.start).toBe(expectedStart);
          expect(windowed.count).toBe(whole.count);
          expect(windowed.total).toBe(whole.total);
          expect(windowed.rows).toEqual(whole.rows.slice(expectedStart, expectedStart + count));
          expect(windowed.located).toBe(whole.rows.findIndex((r) => r.id === locate));
          expect(whole.start).toBe(0);
          expect(whole.located).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the last rows whole when the window starts past the end', () => {
    const whole = listOrganisations(doc, { date: '2022-06-30', query: 'g' });
    expect(whole.count).toBeGreaterThan(20);
    const tail = listOrganisations(doc, { date: '2022-06-30', query: 'g', window: { start: whole.count + 500, count: 20 } });
    expect(tail.start).toBe(whole.count - 20);
    expect(tail.rows.map((r) => r.id)).toEqual(whole.rows.slice(-20).map((r) => r.id));
  });
});
