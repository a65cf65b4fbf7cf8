import { describe, expect, it } from 'vitest';
import type { OverviewFigures } from '../../../../electron/contract';
import { overviewViewModel } from '../../../../renderer/features/oversikt/oversikt.view-model';
import { formatKr, formatNumber, formatPercent } from '../../../../renderer/lib/format';

const figures: OverviewFigures = {
  date: '2022-06-30',
  memberCount: 109,
  organisationCount: 130,
  serviceCount: 10,
  usageCount: 164,
  networkCounts: [
    { kind: 'kompetensnatverk', count: 4 },
    { kind: 'forvaltningsrad', count: 10 },
    { kind: 'projekt', count: 3 },
    { kind: 'partnerskap', count: 0 },
  ],
  contactCount: 12,
  budget: [
    { year: 2021, kind: 'utfall', incomeOre: 1_916_652_300, costOre: -1_904_805_200, resultOre: 11_847_100 },
    { year: 2022, kind: 'budget', incomeOre: 100_00, costOre: -250_00, resultOre: -150_00 },
  ],
  memberPopulation: 2_613_081,
  swedenPopulation: { date: '2021-12-31', population: 10_452_326 },
  attention: [
    {
      kind: 'membership-ending',
      total: 1,
      items: [{ kind: 'membership-ending', organisationId: 'kommun-0643', organisationName: 'Habo', noticeGiven: '2022-03-01', left: '2022-12-31' }],
    },
    {
      kind: 'contact-unconfirmed',
      total: 7,
      items: [
        { kind: 'contact-unconfirmed', contactId: 'c1', contactName: 'Anna Ek', organisationId: 'kommun-0643', organisationName: 'Habo', since: '2021-01-15', confirmed: true },
        { kind: 'contact-unconfirmed', contactId: 'c2', contactName: 'Bo Berg', organisationId: 'kommun-0643', organisationName: 'Habo', since: '2020-05-01', confirmed: false },
      ],
    },
    {
      kind: 'meeting-no-attendance',
      total: 1,
      items: [{ kind: 'meeting-no-attendance', networkId: 'net 1', networkName: 'Skolnätverket', meetingId: 'm1', meetingTitle: 'Vårmöte', date: '2022-05-01' }],
    },
    { kind: 'goal-behind', total: 1, items: [{ kind: 'goal-behind', goalId: 'g1', title: 'Minst 125 medlemmar', year: 2022, status: 'at-risk' }] },
  ],
  planFigures: [],
};

describe('overviewViewModel', () => {
  const vm = overviewViewModel(figures);

  it('sets the plan’s member count beside the register’s, and lists every stated figure with its source', () => {
    const withPlan = overviewViewModel({
      ...figures,
      memberCount: 96,
      planFigures: [
        {
          id: 'p',
          subject: 'members',
          label: 'Medlemmar',
          date: '2022-01-01',
          planValue: 109,
          registerValue: 96,
          difference: -13,
          source: 'Verksamhetsplan 2022, avsnittet «Målsättning för medlemsutveckling»',
          note: '',
          text: 'Planen anger 109; registret namnger 96 (13 färre).',
        },
      ],
    });
    expect(withPlan.stats.find((s) => s.id === 'members')?.hints).toContain('2022-01-01: Planen anger 109; registret namnger 96 (13 färre).');
    expect(withPlan.planFigures).toEqual([
      {
        id: 'p',
        label: 'Medlemmar den 2022-01-01',
        text: 'Planen anger 109; registret namnger 96 (13 färre).',
        source: 'Verksamhetsplan 2022, avsnittet «Målsättning för medlemsutveckling»',
        differs: true,
      },
    ]);
    expect(vm.planFigures).toEqual([]);
  });

  it('shows the day in words', () => {
    expect(vm.asOf).toBe('Läget den 30 juni 2022');
  });

  it('shows each count formatted, under its Swedish label', () => {
    const byId = Object.fromEntries(vm.stats.map((s) => [s.id, s]));
    expect(byId.members).toMatchObject({ label: 'Medlemmar', value: '109' });
    expect(byId.usages?.value).toBe('164');
    expect(byId.population?.value).toBe(formatNumber(2_613_081));
  });

  it('states the population share against Sweden and the date of that figure', () => {
    const population = vm.stats.find((s) => s.id === 'population');
    expect(population?.hints[0]).toBe(`${formatPercent(2_613_081 / 10_452_326)} av Sveriges befolkning`);
    expect(formatPercent(2_613_081 / 10_452_326)).toMatch(/^25,0/);
    expect(population?.hints[1]).toContain('(2021-12-31)');
  });

  it('says so when Sweden’s population is missing, instead of a share', () => {
    const { swedenPopulation: _omit, ...rest } = figures;
    const population = overviewViewModel(rest).stats.find((s) => s.id === 'population');
    expect(population?.hints).toEqual(['Sveriges befolkning saknas i referensdata']);
  });

  it('names network kinds in Swedish, zero counts included, with the total', () => {
    expect(vm.networks.map((n) => [n.label, n.count])).toEqual([
      ['Kompetensnätverk', '4'],
      ['Förvaltningsråd', '10'],
      ['Projekt', '3'],
      ['Partnerskap', '0'],
    ]);
    expect(vm.networksTotal).toBe('17 totalt');
  });

  it('shows budget rows in kronor with the year unformatted and a loss marked', () => {
    expect(vm.budget[0]).toMatchObject({ year: '2021', kind: 'Utfall', result: formatKr(11_847_100), negative: false });
    expect(vm.budget[0]?.income).toBe(formatKr(1_916_652_300));
    expect(vm.budget[1]).toMatchObject({ year: '2022', kind: 'Budget', negative: true, result: formatKr(-150_00) });
  });

  it('makes every card a link to the place it counts, named in full', () => {
    const byId = Object.fromEntries(vm.stats.map((s) => [s.id, s]));
    expect(byId.members).toMatchObject({ href: '#/medlemmar', linkLabel: 'Medlemmar: 109. Öppna medlemslistan' });
    expect(byId.contacts?.href).toBe('#/medlemmar/tackning');
    expect(byId.usages?.href).toBe('#/tjanster/matris');
    expect(byId.services?.href).toBe('#/tjanster');
    expect(vm.networks[0]?.href).toBe('#/natverk?typ=kompetensnatverk');
    expect(vm.networksHref).toBe('#/natverk');
    expect(vm.budgetHref).toBe('#/budget');
  });

  it('lists what needs doing, each item linking to where it is dealt with', () => {
    const [ending, contacts, meetings, goals] = vm.attention;
    expect(ending).toMatchObject({ title: 'Medlemskap som upphör', count: '1', allHref: '#/medlemmar' });
    expect(ending?.items[0]).toEqual({ key: 'kommun-0643', text: 'Habo', detail: 'uppsagt 2022-03-01, sista dag 2022-12-31', href: '#/medlemmar/kommun-0643' });
    expect(contacts).toMatchObject({ count: '7', more: 'och 5 till', allHref: '#/medlemmar/tackning' });
    expect(contacts?.items.map((i) => [i.detail, i.href])).toEqual([
      ['Habo, senast bekräftad 2021-01-15', '#/medlemmar/kommun-0643?kontakt=c1'],
      ['Habo, aldrig bekräftad, tillagd 2020-05-01', '#/medlemmar/kommun-0643?kontakt=c2'],
    ]);
    expect(meetings?.items[0]).toMatchObject({ text: 'Vårmöte', detail: 'Skolnätverket, 2022-05-01', href: '#/natverk/net%201?flik=moten&narvaro=m1' });
    expect(goals?.items[0]).toMatchObject({ text: 'Minst 125 medlemmar', detail: 'I riskzonen (2022)', href: '#/styrelserapport?mal=g1' });
    expect(overviewViewModel({ ...figures, attention: [] }).attention).toEqual([]);
  });

  it('lists overdue and unpaid invoices, each opening the invoice, the group opening Fakturering filtered by status', () => {
    const [overdue, unpaid] = overviewViewModel({
      ...figures,
      attention: [
        {
          kind: 'invoice-overdue',
          total: 1,
          items: [{ kind: 'invoice-overdue', invoiceId: 'inv 1', number: '12', customerName: 'Habo', dueDate: '2022-03-03', remainingOre: 40_000_00, overdueDays: 1 }],
        },
        { kind: 'invoice-unpaid', total: 1, items: [{ kind: 'invoice-unpaid', invoiceId: 'inv-2', number: '13', customerName: 'Ale', dueDate: '2022-07-03', remainingOre: 500_00 }] },
      ],
    }).attention;
    expect(overdue).toMatchObject({ title: 'Förfallna fakturor', count: '1', allLabel: 'Visa förfallna fakturor', allHref: '#/fakturering?ar=alla&status=forfallna' });
    expect(overdue?.items[0]).toEqual({
      key: 'inv 1',
      text: 'Faktura 12, Habo',
      detail: `${formatKr(40_000_00)} kvar att betala, förföll 2022-03-03 (1 dag sedan)`,
      href: '#/fakturering/faktura/inv%201',
    });
    expect(unpaid).toMatchObject({ title: 'Obetalda fakturor', allHref: '#/fakturering?ar=alla&status=obetalda' });
    expect(unpaid?.items[0]).toMatchObject({ text: 'Faktura 13, Ale', detail: `${formatKr(500_00)} kvar att betala, förfaller 2022-07-03`, href: '#/fakturering/faktura/inv-2' });
  });
});
