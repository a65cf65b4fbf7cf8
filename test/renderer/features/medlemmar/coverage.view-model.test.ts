import { describe, expect, it } from 'vitest';
import { coverageAt } from '../../../../electron/core/domain/coverage';
import { registerFigures } from '../../../../electron/core/domain/register-figures';
import { bandFor, sortedBands } from '../../../../electron/core/domain/fees';
import { coverageViewModel } from '../../../../renderer/features/medlemmar/coverage.view-model';
import { figureYears, figuresViewModel } from '../../../../renderer/features/medlemmar/figures.view-model';
import { bandRangeLabels, draftErrorKey, draftFromTable, feeTableView, tableInput } from '../../../../renderer/features/medlemmar/fee-table.view-model';
import { formatKr, formatNumber, formatPercent } from '../../../../renderer/lib/format';
import { sv } from '../../../../renderer/lib/i18n/sv';
import { contact, feeTable2020, municipality, period, referenceDocument } from '../../../fixtures/register/documents';

const base = referenceDocument();
const habo = municipality(base, '0643');
const savsjo = municipality(base, '0684');

describe('coverage', () => {
  const doc = referenceDocument({
    organisations: [habo, savsjo],
    memberships: [period(habo.id, '2015-01-01'), period(savsjo.id, '2015-01-01')],
    contacts: [
      ...['skola', 'stod-och-bistand', 'kultur-och-delaktighet', 'trafik', 'fastighet'].map((area, i) =>
        contact(`h${i}`, habo.id, `Person ${i}`, { businessAreas: [area as 'skola'], confirmedAt: '2022-01-01' }),
      ),
      contact('s1', savsjo.id, 'Åsa', { businessAreas: ['skola'], confirmedAt: '2020-01-01' }),
    ],
  });
  const model = coverageAt(doc, '2022-06-30');

  it('shows each member’s areas as covered (with names, stale ones marked) or missing', () => {
    const vm = coverageViewModel(model, false);
    expect(vm.rows.map((r) => r.name)).toEqual(['Habo', 'Sävsjö']);
    const sav = vm.rows[1]!;
    expect(sav.cells[0]).toEqual({ area: 'skola', covered: true, names: [{ name: 'Åsa', stale: true }] });
    expect(sav.cells.slice(1).every((c) => !c.covered)).toBe(true);
    expect(sav.staleNames).toEqual(['Åsa']);
    expect(vm.areas.map((a) => a.label)).toEqual(Object.values(sv.medlemmar.areas));
  });

  it('totals members, gaps per area and stale contacts', () => {
    const vm = coverageViewModel(model, false);
    expect(vm.stats.map((s) => [s.id, s.value, s.attention])).toEqual([
      ['members', '2', false],
      ['fullyCovered', '1', false],
      ['missingAny', '1', true],
      ['stale', '1', true],
    ]);
    expect(vm.missingByArea.map((m) => m.value)).toEqual(['0', '1', '1', '1', '1']);
  });

  it('can show only the members with a gap or a stale contact', () => {
    expect(coverageViewModel(model, true).rows.map((r) => r.name)).toEqual(['Sävsjö']);
  });
});

describe('register figures', () => {
  it('shows the year’s counts and the population share from the core', () => {
    const doc = referenceDocument({ organisations: [habo, savsjo], memberships: [period(habo.id, '2015-01-01'), period(savsjo.id, '2022-03-01')] });
    const figures = registerFigures(doc, 2022);
    const vm = figuresViewModel(figures);
    expect(vm.stats.map((s) => [s.id, s.value])).toEqual([
      ['atStart', '1'],
      ['atEnd', '2'],
      ['joined', '1'],
      ['left', '0'],
      ['share', formatPercent(figures.shareAtEnd!)],
    ]);
    expect(vm.stats[0]?.label).toBe(sv.medlemmar.figures.atStart('2022-01-01'));
    expect(vm.stats[4]?.hint).toContain(formatNumber(figures.populationAtEnd));
    expect(vm.joined).toEqual([{ id: savsjo.id, name: 'Sävsjö', date: '2022-03-01' }]);
    expect(figureYears('2022-06-30')).toHaveLength(11);
    expect(figureYears('2022-06-30')[0]).toBe(2023);
  });
});

describe('the fee table editor', () => {
  it('reads back the table it was made from', () => {
    const draft = draftFromTable(feeTable2020, 2023);
    expect(draft.bands[1]).toEqual({ minPopulation: formatNumber(7_000), entryFee: formatNumber(5_000), yearlyFee: formatNumber(10_000) });
    const parsed = tableInput(draft);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    // The group rule is not part of the form: it is confirmed through its own dialog.
    const { groupRule: _rule, ...fields } = feeTable2020;
    expect(parsed.input.table).toEqual({ ...fields, year: 2023 });
    const sameYear = tableInput({ ...draft, populationYearOffset: 0 });
    expect(sameYear.ok && sameYear.input.table.populationYearOffset).toBe(0);
  });

  it('states the population date and the group rule of the table in force', () => {
    const vm = feeTableView({ year: 2022, table: feeTable2020, bandLabels: [] });
    if ('message' in vm) throw new Error(vm.message);
    expect(vm.populationDate).toBe('31 december året före avgiftsåret (2021-12-31 för 2022)');
    expect(vm.groupRule.unconfirmed).toBe(true);
    expect(vm.groupRule.text).toMatch(/^Att bekräfta: registret räknar avgiftsklass efter medlemskommunernas sammanlagda folkmängd/);
    const confirmed = feeTableView({
      year: 2022,
      table: { ...feeTable2020, groupRule: { basis: 'other-organisations', status: 'bekraftad', decision: 'Styrelsen 2022-03-15 § 12', confirmedAt: '2022-03-16' } },
      bandLabels: [],
    });
    if ('message' in confirmed) throw new Error(confirmed.message);
    expect(confirmed.groupRule).toEqual({ text: 'Avgift som övriga organisationer, enligt beslut Styrelsen 2022-03-15 § 12 (bekräftat 2022-03-16).', unconfirmed: false });
  });

  it('reads kronor with öre and names every field it cannot read, as the core names them', () => {
    const draft = draftFromTable(feeTable2020, 2023);
    draft.bands[0] = { minPopulation: 'noll', entryFee: '1 234,50', yearlyFee: '12.345.678' };
    draft.rejoinPercent = '150';
    const parsed = tableInput(draft);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['bands.0.minPopulation', 'bands.0.yearlyFeeOre', 'rejoinEntryFeePercent']);
    draft.bands[0] = { minPopulation: '0', entryFee: '1 234,50', yearlyFee: '5000' };
    draft.rejoinPercent = '50';
    const ok = tableInput(draft);
    expect(ok.ok && ok.input.table.bands[0]).toEqual({ minPopulation: 0, entryFeeOre: 1_234_50, yearlyFeeOre: 5_000_00 });
    expect(draftErrorKey('table.bands.1.minPopulation')).toBe('bands.1.minPopulation');
  });

  it('labels the bands’ population ranges as they are typed', () => {
    expect(bandRangeLabels(draftFromTable(feeTable2020, 2022)).slice(0, 2)).toEqual([`0–${formatNumber(6_999)}`, `${formatNumber(7_000)}–${formatNumber(14_999)}`]);
  });

  it('shows the table in force, saying when it is an earlier year’s', () => {
    const labels = sortedBands(feeTable2020).map((b) => bandFor(feeTable2020, b.minPopulation).label);
    const vm = feeTableView({ year: 2022, table: feeTable2020, bandLabels: labels });
    if ('message' in vm) throw new Error('expected a table');
    expect(vm.inForce).toBe(sv.medlemmar.feeTable.inForce('2020'));
    expect(vm.rows[0]).toEqual({ range: labels[0], entry: formatKr(5_000_00), yearly: formatKr(5_000_00) });
    expect(feeTableView({ year: 2019, table: null, bandLabels: [] })).toEqual({ message: sv.medlemmar.feeTable.noTable('2019') });
  });
});
