import { describe, expect, it } from 'vitest';
import { adoptionReport } from '../../../../electron/core/domain/adoption';
import { serviceRevenueForYear } from '../../../../electron/core/domain/pricing';
import { adoptionRows, distributionVm, goalVm, joinSv, revenueVm } from '../../../../renderer/features/tjanster/adoption.view-model';
import { formatKr, formatNumber, formatPercent } from '../../../../renderer/lib/format';
import { makeDocument, membership, municipalities, service, usage } from '../../../fixtures/services/documents';

const names = ['Kil', 'Ale', 'Ekerö', 'Hofors', 'Ydre', 'Mora', 'Lund', 'Orsa'];

/** Eight members: A used by five, B by Kil and Ale (B priced per inhabitant from 2021), C by nobody, D by Kil (no price). */
const doc = makeDocument({
  organisations: municipalities(names),
  memberships: names.map((n) => membership(`org-${n}`, '2020-01-01')),
  services: [
    service('A', 'Alfa', [{ year: 2022, model: { kind: 'fixed', yearlyFeeOre: 1_000_000 } }]),
    service('B', 'Beta', [{ year: 2021, model: { kind: 'per-inhabitant', orePerInhabitant: 50 } }]),
    service('C', 'Gamma'),
    service('D', 'Delta'),
  ],
  usages: [
    ...['Kil', 'Ale', 'Ekerö', 'Hofors', 'Ydre'].map((n) => usage(`A-${n}`, `org-${n}`, 'A', '2021-01-01')),
    usage('B-Kil', 'org-Kil', 'B', '2021-01-01'),
    usage('B-Ale', 'org-Ale', 'B', '2022-04-15'),
    usage('D-Kil', 'org-Kil', 'D', '2021-01-01'),
  ],
});
const report = adoptionReport(doc, { date: '2022-06-30', step: 'monthly' });

describe('adoption per service', () => {
  it('formats the core’s figures for each service', () => {
    const rows = adoptionRows(report.services);
    const alfa = report.services.find((s) => s.serviceId === 'A')!;
    expect(rows.find((r) => r.serviceId === 'A')).toEqual({
      serviceId: 'A',
      name: 'Alfa',
      users: '5',
      memberUsers: '5',
      memberShare: formatPercent(5 / 8),
      municipalities: '5',
      population: formatNumber(alfa.populationCovered),
      populationShare: formatPercent(alfa.populationShare!),
    });
    expect(rows.find((r) => r.serviceId === 'C')).toMatchObject({ users: '0', memberShare: formatPercent(0) });
  });
});

describe('services per member', () => {
  it('labels the buckets in Swedish, with counts and shares, and links 0 and 1 to the matrix’s quick filters', () => {
    const vm = distributionVm(report.distribution);
    expect(vm.hint).toBe('Hur många av tjänsterna var och en av medlemmarna använder (8 medlemmar).');
    expect(vm.buckets.map((b) => [b.label, b.count, b.share, b.quick])).toEqual([
      ['Ingen tjänst', 3, formatPercent(3 / 8), 'none'],
      ['1 tjänst', 3, formatPercent(3 / 8), 'exactly-one'],
      ['2 tjänster', 1, formatPercent(1 / 8), undefined],
      ['3 eller fler', 1, formatPercent(1 / 8), undefined],
    ]);
  });

  it('shows a dash for shares when there are no members', () => {
    const vm = distributionVm({ memberCount: 0, buckets: [{ services: 0, label: '0', count: 0, organisationIds: [] }] });
    expect(vm.buckets[0]?.share).toBe('–');
  });
});

describe('the three-quarters goal', () => {
  it('names the service closest to it, how far it has come and what is missing', () => {
    const vm = goalVm(report.threeQuarters)!;
    // 8 members: more than three quarters is at least 7; Alfa has 5.
    expect(vm).toEqual({
      serviceId: 'A',
      title: 'Närmast målet: Alfa',
      progressText: `5 av 8 medlemmar (${formatPercent(5 / 8)})`,
      requiredText: 'Målet nås vid 7 medlemmar som använder tjänsten.',
      statusText: '2 medlemmar till behövs.',
      reached: false,
      progress: 5 / 7,
    });
  });

  it('says when the goal is reached, and says one member in the singular', () => {
    const base = report.threeQuarters!;
    expect(goalVm({ ...base, memberUsers: 7, gap: 0, reached: true })).toMatchObject({ statusText: 'Målet är nått.', progress: 1, reached: true });
    expect(goalVm({ ...base, memberUsers: 6, gap: 1 })?.statusText).toBe('1 medlem till behövs.');
    expect(goalVm(null)).toBeUndefined();
  });
});

describe('expected revenue', () => {
  it('shows each service’s amount and the total from the core, flagging services without a price', () => {
    const revenue = serviceRevenueForYear(doc, 2022);
    const vm = revenueVm(revenue);
    expect(vm.title).toBe('Förväntade tjänsteintäkter 2022');
    expect(vm.total).toBe(formatKr(revenue.totalOre));
    expect(revenue.totalOre).toBeGreaterThan(5 * 1_000_000);
    const byId = Object.fromEntries(vm.rows.map((r) => [r.serviceId, r]));
    expect(byId.A).toMatchObject({ amount: formatKr(5 * 1_000_000), users: '5', missingPrice: false });
    expect(byId.A?.modelSince).toBeUndefined();
    expect(byId.B).toMatchObject({ modelSince: 'sedan 2021', missingPrice: false });
    expect(byId.C).toMatchObject({ model: 'Pris saknas', missingPrice: true, amount: formatKr(0) });
    // Only a service with users but no price makes the revenue uncertain.
    expect(vm.unpricedWarning).toBe('Pris saknas för Delta: deras intäkter räknas som 0 kr tills en prismodell finns.');
  });

  it('has no warning when every used service has a price', () => {
    const priced = makeDocument({ ...doc, usages: doc.usages.filter((u) => u.serviceId !== 'D') });
    expect(revenueVm(serviceRevenueForYear(priced, 2022)).unpricedWarning).toBeUndefined();
  });

  it('joins names the Swedish way', () => {
    expect(joinSv(['A'])).toBe('A');
    expect(joinSv(['A', 'B', 'C'])).toBe('A, B och C');
  });
});
