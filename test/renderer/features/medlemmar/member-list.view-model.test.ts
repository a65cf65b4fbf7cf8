import { describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../../electron/contract';
import {
  columns,
  countText,
  DEFAULT_COLUMNS,
  emptyFilters,
  hasActiveFilters,
  listInput,
  multiSelectSummary,
  NAME_MIN_WIDTH,
  nextSort,
  parseColumnChoice,
  rowViewModel,
  serialiseColumnChoice,
  setColumnVisible,
  tableMinWidth,
} from '../../../../renderer/features/medlemmar/member-list.view-model';
import { formatKr, formatNumber } from '../../../../renderer/lib/format';
import { sv } from '../../../../renderer/lib/i18n/sv';

describe('the remembered column choice', () => {
  it('gives the default choice when nothing or something unreadable is stored', () => {
    expect(parseColumnChoice(null)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumnChoice('inte json')).toEqual(DEFAULT_COLUMNS);
    expect(parseColumnChoice('{"name":true}')).toEqual(DEFAULT_COLUMNS);
  });

  it('keeps known columns in table order, drops unknown ones and always shows the name', () => {
    expect(parseColumnChoice('["fee","okänd","orgNumber"]')).toEqual(['name', 'orgNumber', 'fee']);
    expect(parseColumnChoice('[]')).toEqual(['name']);
  });

  it('round-trips through storage', () => {
    const choice = setColumnVisible(DEFAULT_COLUMNS, 'municipalityCode', true);
    expect(parseColumnChoice(serialiseColumnChoice(choice))).toEqual(choice);
    expect(choice).toContain('municipalityCode');
  });

  it('shows and hides columns, but never the name', () => {
    expect(setColumnVisible(['name', 'kind'], 'kind', false)).toEqual(['name']);
    expect(setColumnVisible(['name', 'kind'], 'name', false)).toEqual(['name', 'kind']);
    expect(setColumnVisible(['name', 'fee'], 'kind', true)).toEqual(['name', 'kind', 'fee']);
  });

  it('keeps room for the names however many columns are chosen', () => {
    expect(tableMinWidth(['name'])).toBe(NAME_MIN_WIDTH + 16);
    expect(tableMinWidth(['name', 'fee'])).toBe(NAME_MIN_WIDTH + 16 + columns.fee.width! + 16);
    const all = setColumnVisible(setColumnVisible(DEFAULT_COLUMNS, 'orgNumber', true), 'municipalityCode', true);
    expect(tableMinWidth(all) - tableMinWidth(all.filter((c) => c !== 'name'))).toBe(NAME_MIN_WIDTH + 16);
    // The default choice fits a 1366 px wide window beside the navigation without scrolling sideways.
    expect(tableMinWidth(DEFAULT_COLUMNS)).toBeLessThanOrEqual(1040);
  });
});

describe('sorting by header', () => {
  it('starts a text column ascending and a figure column with the largest first, and flips on a second click', () => {
    expect(nextSort({ by: 'name', direction: 'asc' }, columns.county)).toEqual({ by: 'county', direction: 'asc' });
    expect(nextSort({ by: 'name', direction: 'asc' }, columns.population)).toEqual({ by: 'population', direction: 'desc' });
    expect(nextSort({ by: 'population', direction: 'desc' }, columns.population)).toEqual({ by: 'population', direction: 'asc' });
    expect(nextSort({ by: 'name', direction: 'asc' }, columns.name)).toEqual({ by: 'name', direction: 'desc' });
    expect(nextSort({ by: 'name', direction: 'asc' }, columns.orgNumber)).toEqual({ by: 'orgNumber', direction: 'asc' });
  });
});

describe('filters as the core’s list query', () => {
  it('sends only the sort and active records when nothing is filtered', () => {
    expect(listInput(emptyFilters())).toEqual({ archived: 'active', sort: { by: 'name', direction: 'asc' } });
    expect(hasActiveFilters(emptyFilters())).toBe(false);
  });

  it('sends every filter that is set, with the services choice as bounds', () => {
    const input = listInput({
      ...emptyFilters('  sävsjö '),
      kinds: ['kommun'],
      countyCodes: ['06'],
      statuses: ['medlem', 'uppsagd'],
      statusDate: '2021-12-31',
      services: '0',
      showArchived: true,
    });
    expect(input).toEqual({
      query: '  sävsjö ',
      date: '2021-12-31',
      kinds: ['kommun'],
      countyCodes: ['06'],
      statuses: ['medlem', 'uppsagd'],
      servicesUsedMin: 0,
      servicesUsedMax: 0,
      archived: 'all',
      sort: { by: 'name', direction: 'asc' },
    });
    expect(listInput({ ...emptyFilters(), services: 'minst-2' })).toMatchObject({ servicesUsedMin: 2 });
    expect(listInput({ ...emptyFilters(), services: 'minst-2' })).not.toHaveProperty('servicesUsedMax');
    expect(hasActiveFilters({ ...emptyFilters(), services: '1' })).toBe(true);
  });

  it('leaves out a status date until it is a real date', () => {
    expect(listInput({ ...emptyFilters(), statusDate: '2022-02-30' })).not.toHaveProperty('date');
    expect(listInput({ ...emptyFilters(), statusDate: '2022-0' })).not.toHaveProperty('date');
  });

  it('summarises a multi-select by its one choice or a count', () => {
    const label = (v: string) => v.toUpperCase();
    expect(multiSelectSummary([], label, 'Alla')).toBe('Alla');
    expect(multiSelectSummary(['a'], label, 'Alla')).toBe('A');
    expect(multiSelectSummary(['a', 'b'], label, 'Alla')).toBe(sv.medlemmar.list.selectedCount(2));
  });
});

describe('rows', () => {
  const row: OrganisationRow = {
    id: 'org-1',
    kind: 'kommun',
    kindLabel: 'Kommun',
    name: 'Sävsjö',
    municipalityCode: '0684',
    countyCode: '06',
    countyName: 'Jönköpings län',
    population: 11_482,
    status: 'uppsagd',
    statusLabel: 'Uppsagd (medlem till utträdet)',
    servicesUsed: 3,
    servicesUsedBreakdown: { total: 3, direct: 2, via: [{ organisationId: 'org-hf', name: 'Höglandsförbundet', count: 1 }] },
    feeOre: 10_000_00,
    archived: false,
    groupMemberCount: 0,
  };

  it('formats figures the Swedish way and writes a dash for what is missing', () => {
    const vm = rowViewModel(row);
    expect(vm.cells).toMatchObject({
      kind: 'Kommun',
      county: 'Jönköpings län',
      municipalityCode: '0684',
      orgNumber: '–',
      population: formatNumber(11_482),
      status: sv.medlemmar.statuses.uppsagd,
      servicesUsed: '3 (1 via Höglandsförbundet)',
      fee: formatKr(10_000_00),
    });
    const bare = rowViewModel({ ...row, countyName: '', population: 0, feeOre: undefined, municipalityCode: undefined });
    expect(bare.cells).toMatchObject({ county: '–', population: '–', fee: '–', municipalityCode: '–' });
  });

  it('says how many of how many are shown', () => {
    expect(countText({ count: 1, total: 4_000 })).toBe(`Visar 1 av ${formatNumber(4_000)} organisationer`);
  });
});
