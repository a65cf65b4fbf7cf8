import { describe, expect, it } from 'vitest';
import type { ChangeView } from '../../../../electron/contract';
import { filterFromQuery, isFiltered, logInput, logRows, queryFromFilter, rangeProblem } from '../../../../renderer/features/andringslogg/andringslogg.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';

describe('the Ändringslogg filters in the address', () => {
  it('reads the filters, leaving out empty values and dates that are not ÅÅÅÅ-MM-DD', () => {
    const filter = filterFromQuery(new URLSearchParams('fran=2022-01-01&till=juni&slag=contact&org=o1&person=&x=1'));
    expect(filter).toEqual({ from: '2022-01-01', entity: 'contact', organisationId: 'o1' });
    expect(queryFromFilter(filter)).toEqual({ fran: '2022-01-01', slag: 'contact', org: 'o1' });
    expect(filterFromQuery(new URLSearchParams(queryFromFilter({ to: '2022-02-01', contactId: 'c1' })))).toEqual({ to: '2022-02-01', contactId: 'c1' });
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ entity: 'usage' })).toBe(true);
    expect(logInput({ entity: 'usage' }, 200)).toEqual({ entity: 'usage', limit: 200, offset: 0 });
  });

  it('explains a range that ends before it starts instead of asking for it', () => {
    expect(rangeProblem({ from: '2022-03-02', to: '2022-03-01' })).toBe(sv.andringslogg.badRange);
    expect(rangeProblem({ from: '2022-03-01', to: '2022-03-01' })).toBeUndefined();
    expect(rangeProblem({ from: '2022-03-01' })).toBeUndefined();
  });
});

describe('the Ändringslogg rows', () => {
  const entry = (over: Partial<ChangeView>): ChangeView => ({
    id: 'e1',
    at: '2022-06-30T10:00:00.000Z',
    by: 'anna',
    entity: 'contact',
    entityId: 'c1',
    action: 'update',
    summary: 'Ändrade kontaktpersonen Bo Ek',
    actionLabel: 'Ändrad',
    entityLabel: 'Kontaktperson',
    ...over,
  });

  it('says when, who, what, whom it concerns and what changed; undo rows are marked', () => {
    const [row, undo, old] = logRows([
      entry({ organisationName: 'Habo', contactName: 'Bo Ek', before: { title: '' }, after: { title: 'IT-chef' } }),
      entry({ id: 'e2', action: 'undo', actionLabel: 'Ångrad', summary: 'Ångrad: Ändrade kontaktpersonen Bo Ek' }),
      entry({ id: 'e3', by: '' }),
    ]);
    expect(row).toMatchObject({ at: '2022-06-30 12:00', by: 'anna', what: 'Kontaktperson: ändrad', concerns: 'Habo, Bo Ek', history: false });
    expect(row!.diffs).toEqual([{ field: expect.any(String), before: sv.medlemmar.page.changeEmpty, after: 'IT-chef' }]);
    expect(undo).toMatchObject({ what: 'Kontaktperson: ångrad', history: true, concerns: '' });
    // Entries from before the log named anyone.
    expect(old!.by).toBe(sv.andringslogg.unknownUser);
  });
});
