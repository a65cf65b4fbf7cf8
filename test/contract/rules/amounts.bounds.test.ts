/**
 * The amount bounds of contract/rules/amounts.ts (issue 19, point 6): every money input of the contract and every amount
 * of a document file is accepted at its bound and refused one öre (or one inhabitant) above it, with the field
 * named in Swedish; and the bounds keep the worst-case totals of a register 100 times the association's size
 * exact. The same bounds on the 100× demo register, with the domain's own totals: amounts.bounds-scale.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ABS_ORE,
  MAX_ABS_TOTAL_ORE,
  MAX_FEE_ORE,
  MAX_ORE_PER_INHABITANT,
  MAX_POPULATION,
  WORST_CASE_REGISTER,
  worstCaseTotals,
} from '../../../electron/contract/rules/amounts';
import { serviceRevenueForYear } from '../../../electron/core/domain/pricing';
import { readPopulation } from '../../../electron/core/imports/import-fields';
import { validateDocument } from '../../../electron/core/store/parse-document';
import type { PricingModel, SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';
import { makeDocument, organisation, service, usage } from '../../fixtures/services/documents';

const PER_INHABITANT = 'Priset får vara högst 100 kr per invånare.';
const FEE = 'Avgiften får vara högst 1 000 000 kr per år.';
const ENTRY_FEE = 'Medlemsinsatsen får vara högst 1 000 000 kr.';
const BUDGET = 'Beloppet är för stort: högst 1 000 000 000 kr, plus eller minus.';
const POPULATION = 'Folkmängden får vara högst 20 000 000 invånare.';

function refusal(result: { ok: boolean; error?: { message: string; details?: unknown } }) {
  expect(result.ok).toBe(false);
  return result.error as { code: string; message: string; field?: string; label?: string; details?: Record<string, unknown> };
}

describe('the bounds themselves', () => {
  it('are the figures the messages name', () => {
    expect(MAX_ORE_PER_INHABITANT).toBe(100 * 100);
    expect(MAX_FEE_ORE).toBe(1_000_000 * 100);
    expect(MAX_ABS_ORE).toBe(1_000_000_000 * 100);
    expect(MAX_POPULATION).toBe(20_000_000);
    expect(MAX_ABS_TOTAL_ORE).toBe(WORST_CASE_REGISTER.budgetLines * MAX_ABS_ORE);
  });

  it('keep every worst-case total of a register 100 times the association\u2019s size below MAX_SAFE_INTEGER', () => {
    const totals = worstCaseTotals();
    for (const [name, value] of Object.entries(totals)) {
      expect(Number.isSafeInteger(value), name).toBe(true);
    }
    // Recomputed with BigInt, so the check cannot be fooled by the very rounding it is about.
    const w = WORST_CASE_REGISTER;
    const big = (n: number) => BigInt(n);
    const perService = [big(w.organisations) * big(MAX_FEE_ORE), big(w.inhabitantsPerService) * big(MAX_ORE_PER_INHABITANT)].reduce((a, b) => (a > b ? a : b));
    const serviceRevenue = big(w.services) * perService;
    const fees = (big(w.organisations) + big(w.membershipPeriods)) * big(MAX_FEE_ORE);
    const budgetColumn = big(w.budgetLines) * big(MAX_ABS_ORE);
    const safe = big(Number.MAX_SAFE_INTEGER);
    expect(serviceRevenue + fees).toBeLessThanOrEqual(safe);
    expect((serviceRevenue > fees ? serviceRevenue : fees) + budgetColumn).toBeLessThanOrEqual(safe);
    expect(2n * budgetColumn).toBeLessThanOrEqual(safe);
    // The issue's own reading: per-inhabitant price × Sweden's population (twice over) × services × years.
    expect(big(w.years) * big(w.services) * big(w.inhabitantsPerService) * big(MAX_ORE_PER_INHABITANT)).toBeLessThanOrEqual(safe);
    expect(BigInt(totals.invoiceBasisOre)).toBe(serviceRevenue + fees);
  });

  it('keep the worst-case totals exact for every register up to that size (property)', () => {
    const size = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(
        fc.record({
          organisations: size(WORST_CASE_REGISTER.organisations),
          services: size(WORST_CASE_REGISTER.services),
          membershipPeriods: size(WORST_CASE_REGISTER.membershipPeriods),
          budgetLines: size(WORST_CASE_REGISTER.budgetLines),
          inhabitantsPerService: size(WORST_CASE_REGISTER.inhabitantsPerService),
          years: size(WORST_CASE_REGISTER.years),
        }),
        (s) => {
          const totals = worstCaseTotals(s);
          const perService = BigInt(Math.max(s.organisations * MAX_FEE_ORE, s.inhabitantsPerService * MAX_ORE_PER_INHABITANT));
          const revenue = BigInt(s.services) * perService;
          const fees = BigInt(s.organisations + s.membershipPeriods) * BigInt(MAX_FEE_ORE);
          expect(BigInt(totals.serviceRevenueOre)).toBe(revenue);
          expect(BigInt(totals.invoiceBasisOre)).toBe(revenue + fees);
          expect(BigInt(totals.budgetDifferenceOre)).toBe(2n * BigInt(s.budgetLines) * BigInt(MAX_ABS_ORE));
          for (const value of Object.values(totals)) expect(Number.isSafeInteger(value)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- the contract

describe('service prices in the contract', () => {
  const models: [string, (ore: number) => PricingModel, number, string, string][] = [
    ['a fixed fee', (ore) => ({ kind: 'fixed', yearlyFeeOre: ore }), MAX_FEE_ORE, 'Årsavgift', FEE],
    [
      'a band\u2019s fee',
      (ore) => ({ kind: 'banded', bands: [{ minPopulation: 0, yearlyFeeOre: 100 }, { minPopulation: 10_000, yearlyFeeOre: ore }] }),
      MAX_FEE_ORE,
      'Årsavgift',
      FEE,
    ],
    ['a price per inhabitant', (ore) => ({ kind: 'per-inhabitant', orePerInhabitant: ore }), MAX_ORE_PER_INHABITANT, 'Pris per invånare', PER_INHABITANT],
  ];

  it.each(models)('accepts %s at the bound and refuses one öre more, naming the field (services/set-pricing)', async (_what, model, bound, label, message) => {
    const { call, repo, port } = createTestServices();
    const serviceId = 'svc-bibblix';
    const atBound = await call('services/set-pricing', { serviceId, year: 2022, model: model(bound) });
    expect(atBound.ok).toBe(true);
    expect(repo.get().services.find((s) => s.id === serviceId)?.pricing).toEqual([{ year: 2022, model: model(bound) }]);
    const saves = port.saved.length;
    const above = refusal(await call('services/set-pricing', { serviceId, year: 2023, model: model(bound + 1) }));
    expect(above).toMatchObject({ code: 'validation', message: `${label}: ${message}`, label });
    expect(port.saved).toHaveLength(saves);
  });

  it.each(models)('refuses %s above the bound in services/create and services/update too', async (_what, model, bound, label, message) => {
    const { call } = createTestServices();
    expect((await call('services/create', { name: 'Vid gränsen', pricing: [{ year: 2022, model: model(bound) }] })).ok).toBe(true);
    const created = refusal(await call('services/create', { name: 'Över gränsen', pricing: [{ year: 2022, model: model(bound + 1) }] }));
    expect(created.message).toBe(`${label}: ${message}`);
    const updated = refusal(await call('services/update', { serviceId: 'svc-egil', pricing: [{ year: 2022, model: model(bound + 1) }] }));
    expect(updated.message).toBe(`${label}: ${message}`);
  });

  it('refuses the price of the report, 197 032 140 669 öre per inhabitant, naming Pris per invånare', async () => {
    const { call } = createTestServices();
    const result = refusal(await call('services/set-pricing', { serviceId: 'svc-egil', year: 2022, model: { kind: 'per-inhabitant', orePerInhabitant: 197_032_140_669 } }));
    expect(result.message).toBe(`Pris per invånare: ${PER_INHABITANT}`);
    expect(result).toMatchObject({ field: 'model.orePerInhabitant', label: 'Pris per invånare' });
  });
});

describe('the fee table in the contract', () => {
  type Table = {
    year: number;
    bands: { minPopulation: number; entryFeeOre: number; yearlyFeeOre: number }[];
    otherOrganisations: { entryFeeOre: number; yearlyFeeOre: number };
  };
  const table = (): Table => ({
    year: 2023,
    bands: [
      { minPopulation: 0, entryFeeOre: 500_000, yearlyFeeOre: 500_000 },
      { minPopulation: 7_000, entryFeeOre: 500_000, yearlyFeeOre: 1_000_000 },
    ],
    otherOrganisations: { entryFeeOre: 500_000, yearlyFeeOre: 2_500_000 },
  });
  const fields: [string, (t: Table, ore: number) => void, string, string][] = [
    ['bands.1.entryFeeOre', (t, ore) => void (t.bands[1]!.entryFeeOre = ore), 'Medlemsinsats', ENTRY_FEE],
    ['bands.1.yearlyFeeOre', (t, ore) => void (t.bands[1]!.yearlyFeeOre = ore), 'Årsavgift', FEE],
    ['otherOrganisations.entryFeeOre', (t, ore) => void (t.otherOrganisations.entryFeeOre = ore), 'Medlemsinsats', ENTRY_FEE],
    ['otherOrganisations.yearlyFeeOre', (t, ore) => void (t.otherOrganisations.yearlyFeeOre = ore), 'Årsavgift', FEE],
  ];

  it.each(fields)('accepts %s at the bound and refuses one öre more, naming the field', async (field, set, label, message) => {
    const { call, repo, port } = createTestServices();
    const atBound = table();
    set(atBound, MAX_FEE_ORE);
    expect((await call('fees/save-table', { table: atBound })).ok).toBe(true);
    expect(repo.get().feeTables.find((t) => t.year === 2023)).toMatchObject(atBound);
    const saves = port.saved.length;
    const above = table();
    set(above, MAX_FEE_ORE + 1);
    const result = refusal(await call('fees/save-table', { table: above }));
    expect(result).toMatchObject({ code: 'validation', message: `${label}: ${message}`, field: `table.${field}`, label });
    expect(port.saved).toHaveLength(saves);
  });

  it('still refuses a negative fee with its own message', async () => {
    const { call } = createTestServices();
    const negative = table();
    negative.otherOrganisations.yearlyFeeOre = -1;
    expect(refusal(await call('fees/save-table', { table: negative })).message).toBe('Årsavgift: Avgiften kan inte vara negativ.');
  });

  it('bounds a band\u2019s lowest population like a population', async () => {
    const { call } = createTestServices();
    const atBound = table();
    atBound.bands[1]!.minPopulation = MAX_POPULATION;
    expect((await call('fees/save-table', { table: atBound })).ok).toBe(true);
    atBound.bands[1]!.minPopulation = MAX_POPULATION + 1;
    expect(refusal(await call('fees/save-table', { table: atBound })).message).toBe(`Lägsta invånarantal: ${POPULATION}`);
  });
});

describe('budget amounts in the contract', () => {
  const columnId = 'col-2022-budget';
  const lineId = 'bl-personalkostnader';

  it.each([
    ['1 000 000 000', MAX_ABS_ORE],
    ['-1 000 000 000 kr', -MAX_ABS_ORE],
    ['−999 999 999,99', -MAX_ABS_ORE + 1],
    [MAX_ABS_ORE, MAX_ABS_ORE],
    [-MAX_ABS_ORE, -MAX_ABS_ORE],
  ])('accepts %j at the bound', async (amount, ore) => {
    const { call, repo } = createTestServices();
    expect((await call('budget/set-amount', { columnId, lineId, amount })).ok).toBe(true);
    expect(repo.get().budget.columns.find((c) => c.id === columnId)?.amounts[lineId]).toBe(ore);
  });

  it.each(['1 000 000 000,01', '-1 000 000 000,01', MAX_ABS_ORE + 1, -MAX_ABS_ORE - 1])('refuses %j, naming Belopp, and saves nothing', async (amount) => {
    const { call, port } = createTestServices();
    const result = refusal(await call('budget/set-amount', { columnId, lineId, amount }));
    expect(result).toMatchObject({ code: 'validation', message: `Belopp: ${BUDGET}`, field: 'amount', label: 'Belopp' });
    expect(port.saved).toHaveLength(0);
  });
});

describe('populations in the contract (a factor of every per-inhabitant price)', () => {
  it('accepts an organisation of 20 000 000 inhabitants and refuses one more, naming Folkmängd', async () => {
    const { call, repo } = createTestServices();
    const created = await call('members/create', { kind: 'region', name: 'Storregionen', population: MAX_POPULATION });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : '';
    const above = refusal(await call('members/update', { id, population: MAX_POPULATION + 1 }));
    expect(above).toMatchObject({ code: 'validation', message: `Folkmängd: ${POPULATION}`, label: 'Folkmängd' });
    expect(refusal(await call('members/create', { kind: 'region', name: 'För stor', population: MAX_POPULATION + 1 })).message).toBe(`Folkmängd: ${POPULATION}`);
    expect(repo.get().organisations.find((o) => o.id === id)?.population).toBe(MAX_POPULATION);
  });

  it('refuses a larger population in an imported file, since the register could not be opened with it', () => {
    expect(readPopulation('20 000 000')).toEqual({ ok: true, value: MAX_POPULATION });
    expect(readPopulation('20 000 001')).toEqual({ ok: false, message: POPULATION });
  });
});

// ---------------------------------------------------------------- the document file

describe('amounts in a document file (opened, restored or imported whole)', () => {
  type Edit = (doc: SambrukDocument, value: number) => void;
  const withPricing = (model: PricingModel): Edit => (doc) => {
    doc.services[0]!.pricing = [{ year: 2022, model }];
  };
  const cases: [string, Edit, number, string, string][] = [
    ['a fixed service fee', (doc, v) => withPricing({ kind: 'fixed', yearlyFeeOre: v })(doc, v), MAX_FEE_ORE, 'Årsavgift', FEE],
    ['a band\u2019s service fee', (doc, v) => withPricing({ kind: 'banded', bands: [{ minPopulation: 0, yearlyFeeOre: v }] })(doc, v), MAX_FEE_ORE, 'Årsavgift', FEE],
    ['a price per inhabitant', (doc, v) => withPricing({ kind: 'per-inhabitant', orePerInhabitant: v })(doc, v), MAX_ORE_PER_INHABITANT, 'Pris per invånare', PER_INHABITANT],
    ['a fee table\u2019s yearly fee', (doc, v) => void (doc.feeTables[0]!.bands[0]!.yearlyFeeOre = v), MAX_FEE_ORE, 'Årsavgift', FEE],
    ['a fee table\u2019s entry fee', (doc, v) => void (doc.feeTables[0]!.otherOrganisations.entryFeeOre = v), MAX_FEE_ORE, 'Medlemsinsats', ENTRY_FEE],
    ['a budget amount', (doc, v) => void (doc.budget.columns[0]!.amounts['bl-personalkostnader'] = -v), MAX_ABS_ORE, 'Belopp', BUDGET],
    ['a stated total', (doc, v) => void (doc.budget.columns[0]!.statedTotals['sum-income'] = v), MAX_ABS_TOTAL_ORE, 'Angiven summa', 'En angiven summa får vara högst 2 000 000 000 000 kr, plus eller minus.'],
    ['an organisation\u2019s population', (doc, v) => void (doc.organisations[0]!.population = v), MAX_POPULATION, 'Folkmängd', POPULATION],
    ['a municipality\u2019s population', (doc, v) => void (doc.reference.populations[0]!.population = v), MAX_POPULATION, 'Folkmängd', POPULATION],
  ];

  it.each(cases)('opens a file with %s at the bound and refuses one above, naming the field', (_what, edit, bound, label, message) => {
    const atBound = structuredClone(loadDefaultDocument());
    edit(atBound, bound);
    expect(() => validateDocument(atBound)).not.toThrow();
    const above = structuredClone(loadDefaultDocument());
    edit(above, bound + 1);
    expect(() => validateDocument(above)).toThrow(`(${label}) ${message}`);
  });
});

// ---------------------------------------------------------------- the one sum the bounds cannot hold

describe('service revenue when populations add up past the exact range', () => {
  it('refuses, naming Folkmängd and the service, rather than giving a total that does not add up', () => {
    // 1 000 regions of 20 million inhabitants each, at 100 kr per inhabitant, under 50 services:
    // each figure is within its bound, their sum is 10^16 öre.
    const regions = Array.from({ length: 1_000 }, (_, i) => organisation(`r${i}`, `Region ${i}`, 'region', { population: MAX_POPULATION }));
    const services = Array.from({ length: 50 }, (_, i) =>
      service(`s${String(i).padStart(3, '0')}`, `Tjänst ${String(i).padStart(3, '0')}`, [{ year: 2022, model: { kind: 'per-inhabitant', orePerInhabitant: MAX_ORE_PER_INHABITANT } }]),
    );
    const usages = services.flatMap((s) => regions.map((r) => usage(`${s.id}-${r.id}`, r.id, s.id, '2022-01-01')));
    const doc = makeDocument({ organisations: regions, services, usages });
    expect(() => serviceRevenueForYear(doc, 2022)).toThrow(/^Folkmängd: Organisationerna som använder tjänsten Tjänst \d{3} har tillsammans för många invånare/);
    // Fewer services stay within the exact range and are answered.
    const fewer = makeDocument({ organisations: regions, services: services.slice(0, 40), usages: usages.filter((u) => u.serviceId < 's040') });
    const report = serviceRevenueForYear(fewer, 2022);
    expect(report.totalOre).toBe(40 * 1_000 * MAX_POPULATION * MAX_ORE_PER_INHABITANT);
  });
});

// ---------------------------------------------------------------- money in a table export

describe('money columns of a table export', () => {
  const input = (fee: number) => ({
    title: 'Medlemmar',
    columns: [
      { header: 'Namn', kind: 'text' as const },
      { header: 'Avgift', kind: 'kr' as const },
    ],
    rows: [
      ['Ale', 1_000_000],
      ['Kil', fee],
    ],
  });

  it('takes whole öre up to the exact range, as the screens send them', async () => {
    const { call } = createTestServices();
    expect((await call('exports/table', input(Number.MAX_SAFE_INTEGER))).ok).toBe(true);
    expect((await call('exports/table', input(-Number.MAX_SAFE_INTEGER))).ok).toBe(true);
  });

  it.each([
    [Number.MAX_SAFE_INTEGER + 1, 'Beloppet är för stort för att skrivas exakt.'],
    [12.5, 'Beloppet i öre ska vara ett heltal.'],
  ])('refuses %d, naming the row and the column', async (fee, reason) => {
    const { call } = createTestServices();
    const result = refusal(await call('exports/table', input(fee)));
    expect(result).toMatchObject({ code: 'validation', message: `Rader: Rad 2, kolumnen ”Avgift”: ${reason}`, field: 'rows.1.1' });
  });
});
