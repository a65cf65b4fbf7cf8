import { describe, expect, it } from 'vitest';
import {
  coverageDate,
  feePopulationDate,
  latestMunicipalityPopulation,
  municipalityPopulationAt,
  populationCovered,
  populationDateText,
  populationIndex,
  shareBasisDate,
  swedenPopulationAt,
} from '../../../electron/core/domain/population';
import type { PopulationFigure, Reference } from '../../../electron/core/store/schema';
import { municipality, referenceDocument } from '../../fixtures/register/documents';

const fig = (code: string, date: string, population: number, source: PopulationFigure['source'] = 'scb'): PopulationFigure => ({ code, date, population, source });

function reference(populations: PopulationFigure[], sweden: { date: string; population: number }[]): Reference {
  return { municipalities: [], counties: [], populations, swedenPopulation: sweden };
}

describe('a municipality’s population at a date', () => {
  const index = populationIndex(reference([fig('0114', '2019-12-31', 100), fig('0114', '2021-12-31', 200), fig('0114', '2024-12-31', 300)], []));

  it('is the figure of that date when there is one', () => {
    expect(municipalityPopulationAt(index, '0114', '2021-12-31')).toEqual({ population: 200, date: '2021-12-31', wantedDate: '2021-12-31', source: 'scb' });
  });

  it('is the nearest figure otherwise, the later one on a tie, and remembers the date asked for', () => {
    expect(municipalityPopulationAt(index, '0114', '2022-12-31')).toMatchObject({ population: 200, date: '2021-12-31', wantedDate: '2022-12-31' });
    expect(municipalityPopulationAt(index, '0114', '2023-12-31')).toMatchObject({ population: 300, date: '2024-12-31' });
    // 2020-12-31 lies a year from both 2019 and 2021 (2020 is a leap year: 366 and 365 days); the nearer wins.
    expect(municipalityPopulationAt(index, '0114', '2020-12-31')).toMatchObject({ population: 200 });
    expect(municipalityPopulationAt(index, '0114', '2030-12-31')).toMatchObject({ population: 300 });
    expect(municipalityPopulationAt(index, '0114', '2000-12-31')).toMatchObject({ population: 100 });
    const tie = populationIndex(reference([fig('0115', '2020-12-31', 1), fig('0115', '2022-12-31', 2)], []));
    expect(municipalityPopulationAt(tie, '0115', '2021-12-31')).toMatchObject({ population: 2, date: '2022-12-31' });
  });

  it('is undefined for a municipality without figures, and the newest is the last date', () => {
    expect(municipalityPopulationAt(index, '9999', '2021-12-31')).toBeUndefined();
    expect(latestMunicipalityPopulation(index, '0114')).toMatchObject({ population: 300, date: '2024-12-31' });
    expect(latestMunicipalityPopulation(index, '9999')).toBeUndefined();
  });

  it('names the date used, and the year missing', () => {
    expect(populationDateText({ date: '2021-12-31', wantedDate: '2021-12-31' })).toBe('folkmängd 2021-12-31');
    expect(populationDateText({ date: '2024-12-31', wantedDate: '2021-12-31' })).toBe('folkmängd 2024-12-31; 2021 saknas');
  });

  it('finds the fee date from the table’s offset', () => {
    expect(feePopulationDate(2022, -1)).toBe('2021-12-31');
    expect(feePopulationDate(2022, 0)).toBe('2022-12-31');
  });
});

describe('shares of Sweden at one date', () => {
  const ref = reference(
    [fig('0114', '2021-12-31', 200), fig('0114', '2024-12-31', 300)],
    [
      { date: '2020-12-31', population: 9_000 },
      { date: '2021-12-31', population: 10_000 },
      { date: '2024-12-31', population: 11_000 },
    ],
  );

  it('use the latest date on or before the day with both municipal figures and Sweden’s total', () => {
    // 2020-12-31 has a national total but no municipal figures: never used for a share.
    expect(shareBasisDate({ reference: ref }, '2022-06-30')).toBe('2021-12-31');
    expect(shareBasisDate({ reference: ref }, '2025-01-01')).toBe('2024-12-31');
    expect(shareBasisDate({ reference: ref }, '2019-01-01')).toBe('2021-12-31');
    expect(swedenPopulationAt({ reference: ref }, '2022-06-30')).toEqual({ date: '2021-12-31', population: 10_000 });
    expect(coverageDate({ reference: ref }, '2022-06-30')).toBe('2021-12-31');
  });

  it('count the municipalities at that date, each once', () => {
    const base = referenceDocument();
    const vasby = municipality(base, '0114');
    const doc = { reference: ref, organisations: [vasby, { ...vasby, id: 'dup' }] };
    expect(populationCovered(doc, new Set([vasby.id, 'dup']), '2021-12-31')).toBe(200);
    expect(populationCovered(doc, new Set([vasby.id]), '2024-12-31')).toBe(300);
  });

  it('fall back to the latest national total when no date has municipal figures', () => {
    const bare = reference([], [{ date: '2021-12-31', population: 10_000 }]);
    expect(shareBasisDate({ reference: bare }, '2022-06-30')).toBeUndefined();
    expect(swedenPopulationAt({ reference: bare }, '2022-06-30')).toEqual({ date: '2021-12-31', population: 10_000 });
  });
});
