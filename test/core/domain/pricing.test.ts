import { describe, expect, it } from 'vitest';
import {
  pricingForYear,
  proratedFeeOre,
  serviceChargesForYear,
  serviceRevenueForYear,
  yearlyFeeOre,
} from '../../../electron/core/domain/pricing';
import { monthMask, monthsInMask } from '../../../electron/contract/rules/calendar-date';
import type { PricingModel } from '../../../electron/core/store/schema';
import { createTestServices } from '../../support/memory-document';
import { makeDocument, municipality, organisation, populationAt, service, usage } from '../../fixtures/services/documents';

const monthsOfMask = (mask: number) => Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => mask & (1 << (m - 1)));

const banded: PricingModel = {
  kind: 'banded',
  bands: [
    { minPopulation: 0, yearlyFeeOre: 500_000 },
    { minPopulation: 7_000, yearlyFeeOre: 1_000_000 },
    { minPopulation: 15_000, yearlyFeeOre: 2_500_000 },
  ],
};

describe('yearly fee by pricing model', () => {
  it('charges every user the same fixed fee, whatever its size', () => {
    const fixed: PricingModel = { kind: 'fixed', yearlyFeeOre: 1_500_000 };
    expect(yearlyFeeOre(fixed, 0)).toBe(1_500_000);
    expect(yearlyFeeOre(fixed, 1_000_000)).toBe(1_500_000);
  });

  it.each([
    [0, 500_000],
    [6_999, 500_000],
    [7_000, 1_000_000],
    [14_999, 1_000_000],
    [15_000, 2_500_000],
    [1_000_000, 2_500_000],
  ])('puts a population of %i in the band whose lower bound it reaches (fee %i öre)', (population, fee) => {
    expect(yearlyFeeOre(banded, population)).toBe(fee);
  });

  it('reads bands by their lower bound, not by their order in the list', () => {
    const shuffled: PricingModel = { kind: 'banded', bands: [...(banded.kind === 'banded' ? banded.bands : [])].reverse() };
    expect(yearlyFeeOre(shuffled, 7_000)).toBe(1_000_000);
  });

  it('multiplies the price per inhabitant by the population, in whole öre', () => {
    expect(yearlyFeeOre({ kind: 'per-inhabitant', orePerInhabitant: 35 }, 12_345)).toBe(35 * 12_345);
  });
});

describe('partial years: charged per started month in use', () => {
  it('prorates by months and rounds once to the nearest öre, halves up', () => {
    const yearly = 35 * 12_345; // 432 075 öre
    expect(proratedFeeOre(yearly, 12)).toBe(yearly);
    expect(proratedFeeOre(yearly, 5)).toBe(180_031); // 180 031,25
    expect(proratedFeeOre(yearly, 7)).toBe(252_044); // 252 043,75
    expect(proratedFeeOre(18, 1)).toBe(2); // 1,5 rounds up
    expect(proratedFeeOre(0, 7)).toBe(0);
  });

  it('counts every calendar month of the year with at least one day in use', () => {
    expect(monthsInMask(monthMask({ from: '2022-03-15' }, 2022))).toBe(10);
    expect(monthsInMask(monthMask({ from: '2021-05-01', to: '2022-02-01' }, 2022))).toBe(2);
    expect(monthsInMask(monthMask({ from: '2022-06-30', to: '2022-07-01' }, 2022))).toBe(2);
    expect(monthsInMask(monthMask({ from: '2022-06-01', to: '2022-06-30' }, 2022))).toBe(1);
    expect(monthMask({ from: '2020-01-01', to: '2021-12-31' }, 2022)).toBe(0);
    expect(monthMask({ from: '2023-01-01' }, 2022)).toBe(0);
    expect(monthsInMask(monthMask({ from: '1999-01-01' }, 2022))).toBe(12);
  });
});

describe('pricing in force for a year', () => {
  it('uses the entry of the year, else the latest earlier one, and nothing before the first', () => {
    const a: PricingModel = { kind: 'fixed', yearlyFeeOre: 100 };
    const b: PricingModel = { kind: 'fixed', yearlyFeeOre: 200 };
    const s = service('s', 'S', [
      { year: 2023, model: b },
      { year: 2021, model: a },
    ]);
    expect(pricingForYear(s, 2020)).toBeUndefined();
    expect(pricingForYear(s, 2021)?.model).toEqual(a);
    expect(pricingForYear(s, 2022)).toEqual({ year: 2021, model: a });
    expect(pricingForYear(s, 2023)?.model).toEqual(b);
    expect(pricingForYear(s, 2030)?.year).toBe(2023);
  });
});

describe('serviceRevenueForYear', () => {
  const fee = 1_200_000;
  const orgs = ['Kil', 'Ale', 'Ekerö', 'Hofors'].map((n) => municipality(n));
  const doc = makeDocument({
    organisations: orgs,
    services: [
      service('fixed', 'Fast', [{ year: 2020, model: { kind: 'fixed', yearlyFeeOre: fee } }]),
      service('free', 'Utan pris'),
      service('old', 'Gammal', [], { archived: true }),
    ],
    usages: [
      usage('u1', 'org-Kil', 'fixed', '2021-01-01'),
      usage('u2', 'org-Ale', 'fixed', '2022-03-15'),
      usage('u3', 'org-Ekerö', 'fixed', '2020-01-01', '2022-01-31'),
      usage('u4', 'org-Hofors', 'fixed', '2022-01-10', '2022-02-20'),
      usage('u5', 'org-Hofors', 'fixed', '2022-11-01', '2022-11-30'),
      usage('u6', 'org-Kil', 'free', '2022-05-01'),
      usage('u7', 'org-Ale', 'fixed', '2019-01-01', '2019-12-31'),
    ],
  });
  const report = serviceRevenueForYear(doc, 2022);
  const fixed = report.services.find((s) => s.serviceId === 'fixed');

  it('charges each user its months in use of the year', () => {
    const amounts = Object.fromEntries((fixed?.lines ?? []).map((l) => [l.name, [l.months, l.amountOre]]));
    expect(amounts).toEqual({
      Kil: [12, fee],
      Ale: [10, (fee * 10) / 12],
      Ekerö: [1, fee / 12],
      Hofors: [3, (fee * 3) / 12],
    });
    expect(fixed?.totalOre).toBe(fee + (fee * 10) / 12 + fee / 12 + (fee * 3) / 12);
    expect(fixed?.pricingYear).toBe(2020);
  });

  it('lists users by name in Swedish order and says which months each was charged (serviceChargesForYear)', () => {
    expect(fixed?.lines.map((l) => l.name)).toEqual(['Ale', 'Ekerö', 'Hofors', 'Kil']);
    const { report: same, charged } = serviceChargesForYear(doc, 2022);
    expect(same).toEqual(report);
    const months = (id: string) => monthsOfMask(charged.get('fixed')?.get(id)?.mask ?? 0);
    expect(months('org-Hofors')).toEqual([1, 2, 11]);
    expect(months('org-Ale')).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(months('org-Ekerö')).toEqual([1]);
    expect(charged.get('fixed')?.get('org-Hofors')?.direct).toBe(true);
  });

  it('totals every service, lists a used service without pricing as unpriced, and leaves out archived services without users', () => {
    expect(report.totalOre).toBe(fixed?.totalOre);
    expect(report.unpricedServiceIds).toEqual(['free']);
    expect(report.services.find((s) => s.serviceId === 'free')?.totalOre).toBe(0);
    expect(report.services.some((s) => s.serviceId === 'old')).toBe(false);
  });

  it('charges nothing in a year before the first pricing entry', () => {
    expect(serviceRevenueForYear(doc, 2019).services.find((s) => s.serviceId === 'fixed')?.totalOre).toBe(0);
  });

  it("charges a group's municipalities by their own population, each once, and not the group itself", () => {
    const group = organisation('grp', 'Förbundet', 'kommunalforbund', { groupMemberIds: ['org-Kil', 'org-Ale'], population: 999_999 });
    const perInhabitant = makeDocument({
      organisations: [...orgs, group],
      services: [service('pi', 'Per invånare', [{ year: 2022, model: { kind: 'per-inhabitant', orePerInhabitant: 100 } }])],
      usages: [usage('g1', 'grp', 'pi', '2021-01-01'), usage('d1', 'org-Kil', 'pi', '2022-07-01')],
    });
    const result = serviceRevenueForYear(perInhabitant, 2022).services[0];
    // 2022's prices use the count of 31 December 2021.
    const kil = populationAt('Kil', '2021-12-31');
    const ale = populationAt('Ale', '2021-12-31');
    expect(result?.lines.map((l) => [l.organisationId, l.months, l.amountOre])).toEqual([
      ['org-Ale', 12, ale * 100],
      ['org-Kil', 12, kil * 100],
    ]);
    expect(result?.lines.find((l) => l.organisationId === 'org-Ale')?.viaGroupId).toBe('grp');
    expect(result?.lines.find((l) => l.organisationId === 'org-Kil')?.viaGroupId).toBeUndefined();
    expect(result?.totalOre).toBe((kil + ale) * 100);
  });

  it('uses the banded fee of each municipality', () => {
    const small = { population: populationAt('Ydre', '2021-12-31') }; // under 7 000 inhabitants
    const large = { population: populationAt('Göteborg', '2021-12-31') };
    expect(small.population).toBeLessThan(7_000);
    const d = makeDocument({
      organisations: [municipality('Ydre'), municipality('Göteborg')],
      services: [service('b', 'Band', [{ year: 2022, model: banded }])],
      usages: [usage('x', 'org-Ydre', 'b', '2022-01-01'), usage('y', 'org-Göteborg', 'b', '2022-01-01')],
    });
    expect(serviceRevenueForYear(d, 2022).totalOre).toBe(yearlyFeeOre(banded, small.population) + yearlyFeeOre(banded, large.population));
    expect(serviceRevenueForYear(d, 2022).totalOre).toBe(500_000 + 2_500_000);
  });
});

describe('pricing channels', () => {
  const initial = () => makeDocument({ services: [service('s', 'Tjänsten')] });

  it.each([
    [{ kind: 'banded', bands: [{ minPopulation: 100, yearlyFeeOre: 1 }] }, /^Lägsta invånarantal: /],
    [
      {
        kind: 'banded',
        bands: [
          { minPopulation: 0, yearlyFeeOre: 1 },
          { minPopulation: 0, yearlyFeeOre: 2 },
        ],
      },
      /^Lägsta invånarantal: .*stigande/,
    ],
    [{ kind: 'banded', bands: [] }, /^Prisband: /],
    [{ kind: 'fixed', yearlyFeeOre: -1 }, /^Årsavgift: /],
    [{ kind: 'fixed', yearlyFeeOre: 1.5 }, /^Årsavgift: /],
    [{ kind: 'per-inhabitant', orePerInhabitant: -3 }, /^Pris per invånare: /],
  ])('refuses %j with a Swedish message naming the field', async (model, message) => {
    const { call } = createTestServices({ initial: initial() });
    const result = await call('services/set-pricing', { serviceId: 's', year: 2022, model: model as PricingModel });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.message).toMatch(message);
    }
  });

  it('sets, replaces and removes the model of a year, keeping years in order', async () => {
    const { call, repo } = createTestServices({ initial: initial() });
    await call('services/set-pricing', { serviceId: 's', year: 2023, model: { kind: 'fixed', yearlyFeeOre: 300 } });
    await call('services/set-pricing', { serviceId: 's', year: 2021, model: banded });
    await call('services/set-pricing', { serviceId: 's', year: 2023, model: { kind: 'per-inhabitant', orePerInhabitant: 7 } });
    expect(repo.get().services[0]?.pricing).toEqual([
      { year: 2021, model: banded },
      { year: 2023, model: { kind: 'per-inhabitant', orePerInhabitant: 7 } },
    ]);
    await call('services/set-pricing', { serviceId: 's', year: 2021, model: null });
    expect(repo.get().services[0]?.pricing.map((p) => p.year)).toEqual([2023]);
    const missing = await call('services/set-pricing', { serviceId: 's', year: 2021, model: null });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers services/get-revenue with the same figures as serviceRevenueForYear', async () => {
    const doc = makeDocument({
      organisations: [municipality('Kil')],
      services: [service('s', 'Tjänsten', [{ year: 2022, model: { kind: 'fixed', yearlyFeeOre: 1_200 } }])],
      usages: [usage('u', 'org-Kil', 's', '2022-04-10')],
    });
    const { call } = createTestServices({ initial: doc });
    const result = await call('services/get-revenue', { year: 2022 });
    expect(result.ok && result.data.totalOre).toBe(900);
    expect(result.ok && result.data).toEqual(serviceRevenueForYear(doc, 2022));
  });
});
