import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as swedish from '../../../electron/core/domain/swedish';
import { listOrganisations, prepareSearch, searchIndex } from '../../../electron/core/domain/search';
import { municipality, organisation, period, referenceDocument } from '../../fixtures/register/documents';
import type { SambrukDocument } from '../../../electron/core/store/schema';

// Counts the folds: a keystroke after the warm-up must fold only what was typed, never the names again.
vi.mock('../../../electron/core/domain/swedish', async (importOriginal) => {
  const actual = await importOriginal<typeof swedish>();
  return { ...actual, searchText: vi.fn(actual.searchText) };
});
const folds = vi.mocked(swedish.searchText);

function register(): SambrukDocument {
  const base = referenceDocument();
  return referenceDocument({
    organisations: [
      municipality(base, '0643'),
      municipality(base, '0305'),
      municipality(base, '0684'),
      municipality(base, '1880'),
      organisation('forbund-hoglandet', 'Höglandsförbundet', 'kommunalforbund', { orgNumber: '222000-1234' }),
    ],
    memberships: [period('kommun-0643', '2015-01-01')],
  });
}

describe('preparing the member list search before the first keystroke', () => {
  beforeEach(() => {
    // A block body: a function returned from beforeEach would be called as its teardown.
    folds.mockClear();
  });

  it('folds every name once, into the very index a keystroke then reads', () => {
    const doc = register();
    const prepared = prepareSearch(doc.organisations);
    expect(folds).toHaveBeenCalledTimes(doc.organisations.length);
    expect(searchIndex(doc.organisations)).toBe(prepared);
    expect(searchIndex(doc.organisations).entries).toBe(prepared.entries);

    folds.mockClear();
    const hits = listOrganisations(doc, { date: '2022-06-30', query: 'habo' });
    // The query alone is folded: the names were ready.
    expect(folds).toHaveBeenCalledTimes(1);
    expect(hits.rows.map((r) => r.name)).toEqual(['Habo', 'Håbo']);
  });

  it('gives the same entries and the same answers as a search that folds the names itself', () => {
    const doc = register();
    const prepared = prepareSearch(doc.organisations);
    // A copy of the array is another register state to the cache: folded from scratch at its first search.
    const cold: SambrukDocument = { ...doc, organisations: [...doc.organisations] };
    folds.mockClear();
    const coldHits = listOrganisations(cold, { date: '2022-06-30', query: 'h' });
    expect(folds).toHaveBeenCalledTimes(doc.organisations.length + 1);
    expect([...searchIndex(cold.organisations).entries]).toEqual([...prepared.entries]);
    expect(searchIndex(cold.organisations).nameOrder).toEqual(prepared.nameOrder);
    for (const query of ['h', 'habo', 'HÅBO', 'Habo kommun', '0643', '222000', 'saknas']) {
      expect(listOrganisations(doc, { date: '2022-06-30', query })).toEqual(listOrganisations(cold, { date: '2022-06-30', query }));
    }
    expect(coldHits.rows.map((r) => r.name)).toEqual(['Habo', 'Håbo', 'Höglandsförbundet']);
  });

  it('is asked again after a change: the new organisations are folded afresh, the old index is left as it was', () => {
    const doc = register();
    const before = prepareSearch(doc.organisations);
    const changed: SambrukDocument = { ...doc, organisations: [...doc.organisations, organisation('org-ny', 'Nyköping', 'kommun')] };
    folds.mockClear();
    const after = prepareSearch(changed.organisations);
    expect(after).not.toBe(before);
    expect(folds).toHaveBeenCalledTimes(changed.organisations.length);
    expect(after.entries.has('org-ny')).toBe(true);
    expect(before.entries.has('org-ny')).toBe(false);
    folds.mockClear();
    expect(prepareSearch(changed.organisations)).toBe(after);
    expect(folds).not.toHaveBeenCalled();
  });
});
