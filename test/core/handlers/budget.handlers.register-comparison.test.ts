import { describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/contract';
import { budgetVsRegister } from '../../../electron/core/domain/budget';
import { membershipFeesForYear } from '../../../electron/core/domain/fees';
import { statusAt } from '../../../electron/core/domain/memberships';
import { serviceRevenueForYear } from '../../../electron/core/domain/pricing';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices } from '../../support/memory-document';
import { ids, kr, planDocument, plain } from '../../fixtures/budget/plan-budget';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

function setup(doc: SambrukDocument = planDocument()) {
  return createTestServices({ initial: doc });
}

/** Organisations that are members on 31 December only through a group, counted by their status. */
function membersThroughGroup(doc: SambrukDocument, year: number): number {
  return doc.organisations.filter((o) => statusAt(doc, o.id, `${year}-12-31`).status === 'medlem-via-grupp').length;
}

describe('budget/register-comparison', () => {
  it('computes both register figures for the year and compares them with the budget lines', async () => {
    const doc = planDocument();
    const { call } = setup(doc);
    const answer = data(await call('budget/register-comparison', { year: 2022 }));
    const fees = membershipFeesForYear(doc, 2022);
    const revenue = serviceRevenueForYear(doc, 2022);
    // The register must give something for membership fees in the plan's register; 0 would hide a wiring slip.
    expect(fees.totalOre).toBeGreaterThan(0);

    const expected = budgetVsRegister(doc, 2022, { membershipFeesOre: fees.totalOre, serviceRevenueOre: revenue.totalOre });
    expect(answer).toMatchObject({ year: 2022, budgetColumnId: ids.budget2022 });
    expect(answer.rows.map(({ reasons: _r, ...row }) => row)).toEqual(expected.rows);
    const [members, services] = answer.rows;
    expect(members).toMatchObject({ source: 'membership-fees', registerOre: fees.totalOre });
    expect(members?.budget).toEqual({ columnId: ids.budget2022, amountOre: kr(3_400_000), differenceOre: fees.totalOre - kr(3_400_000) });
    expect(services).toMatchObject({ source: 'service-revenue', registerOre: revenue.totalOre });
  });

  it('explains the membership-fee figure from the register: payers, fee table, members through a group', async () => {
    const doc = planDocument();
    const { call } = setup(doc);
    const [members] = data(await call('budget/register-comparison', { year: 2022 })).rows;
    const fees = membershipFeesForYear(doc, 2022);
    const reasons = (members?.reasons ?? []).map(plain);
    expect(reasons[0]).toBe(
      `Registret räknar med ${fees.rows.length} betalande medlemmar och avgiftstabellen från ${fees.tableYear}: ` +
        `${plain(fmt(fees.yearlyOre))} i årsavgifter och ${plain(fmt(fees.entryOre))} i medlemsinsatser.`,
    );
    const viaGroup = membersThroughGroup(doc, 2022);
    expect(viaGroup).toBeGreaterThan(0);
    expect(reasons).toContain(
      `${viaGroup} medlemmar är med genom en grupp (kommunalförbund eller gemensam nämnd) och betalar ingen egen avgift: gruppen betalar en avgift för alla sina kommuner.`,
    );
    // The register gives less than the 3 400 000 kr budgeted: the reasons say what a higher budget may count on.
    expect(members?.budget?.differenceOre).toBeLessThan(0);
    expect(reasons.at(-1)).toBe(
      'Registret räknar bara med medlemmar som finns i det. En högre budget kan räkna med nya medlemmar under året eller med andra avgifter.',
    );
  });

  it('names the services without a pricing model as the cause of a lower service revenue', async () => {
    const doc = planDocument();
    const { call } = setup(doc);
    const [, services] = data(await call('budget/register-comparison', { year: 2022 })).rows;
    const revenue = serviceRevenueForYear(doc, 2022);
    const used = revenue.services.filter((s) => s.userCount > 0);
    expect(used.length).toBeGreaterThan(1);
    expect(revenue.unpricedServiceIds).toHaveLength(used.length);
    expect(services?.registerOre).toBe(0);
    const [reason] = services?.reasons ?? [];
    expect(reason).toMatch(new RegExp(`^Skillnaden beror på att ingen av de ${used.length} tjänsterna som har användare har en prismodell för 2022`));
    for (const s of used) expect(reason).toContain(s.name);
    expect(reason).toContain('Lägg in prismodellerna under Tjänster.');
  });

  it('follows a pricing model set in the register: revenue counted, the rest named as a partial cause', async () => {
    const doc = planDocument();
    const { call, repo } = setup(doc);
    const used = serviceRevenueForYear(doc, 2022).services.filter((s) => s.userCount > 0);
    const priced = used[0];
    if (!priced) throw new Error('fixture: a used service');
    data(await call('services/set-pricing', { serviceId: priced.serviceId, year: 2022, model: { kind: 'fixed', yearlyFeeOre: kr(10_000) } }));

    const [, services] = data(await call('budget/register-comparison', { year: 2022 })).rows;
    const revenue = serviceRevenueForYear(repo.get(), 2022);
    expect(revenue.totalOre).toBeGreaterThan(0);
    expect(services?.registerOre).toBe(revenue.totalOre);
    const pricedNow = revenue.services.find((s) => s.serviceId === priced.serviceId);
    const reasons = (services?.reasons ?? []).map(plain);
    expect(reasons[0]).toBe(`Registret räknar med ${pricedNow?.userCount} användare av 1 tjänst med prismodell, efter antalet månader i bruk under 2022.`);
    expect(reasons[1]).toMatch(new RegExp(`^Skillnaden beror delvis på att ${used.length - 1} tjänster med användare saknar prismodell för 2022, så registret räknar dem som 0 kr: `));
    expect(reasons[1]).not.toContain(priced.name + ',');
  });

  it('says there is no fee table rather than failing, for a year before the first table', async () => {
    const doc = planDocument();
    const firstTable = Math.min(...doc.feeTables.map((t) => t.year));
    const year = firstTable - 1;
    const { call } = setup(doc);
    const [members] = data(await call('budget/register-comparison', { year })).rows;
    expect(members?.registerOre).toBe(0);
    expect(members?.reasons).toEqual([
      `Det finns ingen avgiftstabell för ${year} eller tidigare år, så registret kan inte räkna fram några medlemsavgifter. Lägg in avgiftstabellen under Medlemmar.`,
    ]);
    expect(plain(members?.explanation ?? '')).toBe(
      `Registret ger 0 kr i medlemsavgifter för ${year}. Det finns varken budget eller utfall för ${year} att jämföra med.`,
    );
  });

  it('follows an edit of the budget: equal figures get no speculation about the budget', async () => {
    const doc = planDocument();
    const { call } = setup(doc);
    const fees = membershipFeesForYear(doc, 2022);
    data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.members, amount: fees.totalOre }));
    const [members] = data(await call('budget/register-comparison', { year: 2022 })).rows;
    expect(members?.budget?.differenceOre).toBe(0);
    expect(plain(members?.explanation ?? '')).toContain(`lika mycket som budgeten (${plain(fmt(fees.totalOre))})`);
    expect((members?.reasons ?? []).some((r) => r.includes('budget'))).toBe(false);
  });

  it('refuses a year out of range in Swedish', async () => {
    const { call } = setup();
    const result = await call('budget/register-comparison', { year: 20222 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('Året ska ligga mellan 1990 och 2199.');
  });
});

/** `formatOre` as the core writes it, so the expectations follow its separators. */
function fmt(ore: number): string {
  return `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0, signDisplay: 'negative' }).format(ore / 100)}\u00a0kr`;
}
