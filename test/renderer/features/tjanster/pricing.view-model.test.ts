import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PricingModel } from '../../../../electron/core/store/schema';
import { pricingModelIssues } from '../../../../electron/contract/rules/pricing-rules';
import {
  bandRows,
  describePricing,
  emptyPricingEntry,
  nextPricingYear,
  oreToInput,
  parseCount,
  parseKronor,
  pricingEntryToForm,
  pricingFormToInput,
} from '../../../../renderer/features/tjanster/pricing.view-model';
import { formatKr } from '../../../../renderer/lib/format';

const keys = () => {
  let n = 0;
  return () => `k${++n}`;
};

describe('parseKronor', () => {
  it('reads kronor as Swedes type them, into öre', () => {
    expect(parseKronor('12 500')).toBe(1_250_000);
    expect(parseKronor('12\u00a0500 kr')).toBe(1_250_000);
    expect(parseKronor('12500')).toBe(1_250_000);
    expect(parseKronor('0,50')).toBe(50);
    expect(parseKronor('0.5')).toBe(50);
    expect(parseKronor('3,05')).toBe(305);
    expect(parseKronor(' 7 kr ')).toBe(700);
  });

  it('keeps a minus sign (hyphen or U+2212) so the core can refuse it with its own words', () => {
    expect(parseKronor('-5')).toBe(-500);
    expect(parseKronor('\u22125')).toBe(-500);
  });

  it('refuses what it cannot read instead of guessing', () => {
    for (const text of ['', 'abc', '12.500', '1,234', '1,2,3', '5 000 000 000 000 000 000', '--5', 'kr']) {
      expect(parseKronor(text), text).toBeUndefined();
    }
  });

  it('reads back what oreToInput writes, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (ore) => {
        expect(parseKronor(oreToInput(ore))).toBe(ore);
      }),
    );
  });

  it('writes whole kronor without decimals and öre with two', () => {
    expect(oreToInput(1_250_000)).toBe('12\u00a0500');
    expect(oreToInput(50)).toBe('0,50');
  });
});

describe('parseCount', () => {
  it('reads whole inhabitants with spaces, refuses decimals and signs', () => {
    expect(parseCount('15 000')).toBe(15_000);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('1,5')).toBeUndefined();
    expect(parseCount('-1')).toBeUndefined();
    expect(parseCount('')).toBeUndefined();
  });
});

describe('describePricing', () => {
  it('says plainly when a price is missing', () => {
    expect(describePricing(undefined)).toBe('Pris saknas');
  });

  it('describes each model in Swedish with kronor', () => {
    expect(describePricing({ kind: 'fixed', yearlyFeeOre: 1_200_000 })).toBe(`${formatKr(1_200_000)} per organisation och år`);
    expect(describePricing({ kind: 'per-inhabitant', orePerInhabitant: 50 })).toBe(`${formatKr(50)} per invånare och år`);
    expect(
      describePricing({
        kind: 'banded',
        bands: [
          { minPopulation: 0, yearlyFeeOre: 500_000 },
          { minPopulation: 15_000, yearlyFeeOre: 8_000_000 },
        ],
      }),
    ).toBe(`2 prisband, ${formatKr(500_000)}–${formatKr(8_000_000)} per år`);
  });

  it('lists bands with their ranges, the last open-ended', () => {
    const rows = bandRows({
      kind: 'banded',
      bands: [
        { minPopulation: 7_000, yearlyFeeOre: 1_000_000 },
        { minPopulation: 0, yearlyFeeOre: 500_000 },
      ],
    });
    expect(rows.map((r) => r.range)).toEqual(['0–6\u00a0999 invånare', '7\u00a0000 invånare och fler']);
    expect(rows.map((r) => r.fee)).toEqual([formatKr(500_000), formatKr(1_000_000)]);
  });
});

describe('the pricing form', () => {
  const models: { year: number; model: PricingModel }[] = [
    { year: 2021, model: { kind: 'fixed', yearlyFeeOre: 1_250_000 } },
    { year: 2022, model: { kind: 'per-inhabitant', orePerInhabitant: 35 } },
    {
      year: 2023,
      model: {
        kind: 'banded',
        bands: [
          { minPopulation: 0, yearlyFeeOre: 500_000 },
          { minPopulation: 15_000, yearlyFeeOre: 2_500_000 },
        ],
      },
    },
  ];

  it('turns stored models into fields and back without change', () => {
    const next = keys();
    const entries = models.map((m) => pricingEntryToForm(next(), m, next));
    expect(entries[0]).toMatchObject({ year: '2021', kind: 'fixed', fixedKr: '12\u00a0500' });
    expect(entries[1]).toMatchObject({ kind: 'per-inhabitant', perInhabitantKr: '0,35' });
    expect(entries[2]?.bands.map((b) => [b.minPopulation, b.feeKr])).toEqual([
      ['0', '5\u00a0000'],
      ['15\u00a0000', '25\u00a0000'],
    ]);
    expect(pricingFormToInput(entries)).toEqual({ ok: true, pricing: models });
  });

  it('marks unreadable fields with the core’s field paths, in Swedish', () => {
    const next = keys();
    const entries = [
      { ...emptyPricingEntry(next(), 2022, next), fixedKr: 'tolv' },
      { ...emptyPricingEntry(next(), 2022, next), year: '22', kind: 'per-inhabitant' as const, perInhabitantKr: '' },
      { ...emptyPricingEntry(next(), 2024, next), kind: 'banded' as const, bands: [{ key: 'b', minPopulation: 'många', feeKr: '5 000' }] },
      { ...emptyPricingEntry(next(), 2024, next), fixedKr: '1' },
      { ...emptyPricingEntry(next(), 2025, next), kind: 'banded' as const, bands: [] },
      { ...emptyPricingEntry(next(), 2026, next), year: '1500', fixedKr: '1' },
    ];
    const result = pricingFormToInput(entries);
    expect(result).toEqual({
      ok: false,
      errors: {
        'pricing.0.model.yearlyFeeOre': 'Skriv beloppet i kronor, t.ex. 12 500 eller 0,50.',
        'pricing.1.year': 'Skriv året med fyra siffror, mellan 1990 och 2199, t.ex. 2023.',
        'pricing.1.model.orePerInhabitant': 'Skriv beloppet i kronor, t.ex. 12 500 eller 0,50.',
        'pricing.2.model.bands.0.minPopulation': 'Skriv invånarantalet som ett heltal, t.ex. 15 000.',
        'pricing.3.year': 'Året har redan en prismodell.',
        'pricing.4.model.bands': 'Ange minst ett prisband.',
        'pricing.5.year': 'Skriv året med fyra siffror, mellan 1990 och 2199, t.ex. 2023.',
      },
    });
  });

  it('leaves the pricing rules to the core: a negative fee passes the form and the core names the same path', () => {
    const next = keys();
    const result = pricingFormToInput([
      { ...emptyPricingEntry(next(), 2022, next), kind: 'banded', bands: [{ key: 'a', minPopulation: '10', feeKr: '−1' }] },
    ]);
    if (!result.ok) throw new Error('the form should accept a readable negative amount');
    const model = result.pricing[0]?.model;
    if (!model) throw new Error('no model');
    const paths = pricingModelIssues(model).map((i) => ['pricing', 0, 'model', ...i.path].join('.'));
    expect(paths).toEqual(['pricing.0.model.bands.0.minPopulation', 'pricing.0.model.bands.0.yearlyFeeOre']);
  });

  it('proposes the year after the latest entry for a new one, else the fallback', () => {
    const next = keys();
    expect(nextPricingYear([], 2022)).toBe(2022);
    expect(nextPricingYear([emptyPricingEntry(next(), 2023, next), emptyPricingEntry(next(), 2021, next)], 2022)).toBe(2024);
  });
});
