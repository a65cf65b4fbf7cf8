import { describe, expect, it } from 'vitest';
import { countAxis, countAxisWidth, countTick, dayLabel, monthTick } from '../../../../renderer/features/tjanster/chart-format';
import { catalogueRows, viewFromParams } from '../../../../renderer/features/tjanster/catalogue.view-model';
import { effectiveDate } from '../../../../renderer/features/tjanster/dates';
import { monthTicks, pricingVm, serviceFacts, serviceFigures, userRows, usersChartVm } from '../../../../renderer/features/tjanster/service-page.view-model';
import { formatKr, formatNumber, formatPercent } from '../../../../renderer/lib/format';
import { createTestServices } from '../../../support/memory-document';
import { makeDocument, membership, municipality, network, organisation, service, usage } from '../../../fixtures/services/documents';

function setup() {
  return createTestServices({
    now: '2022-06-30T10:00:00.000Z',
    initial: makeDocument({
      organisations: [
        municipality('Kil'),
        municipality('Ale'),
        municipality('Göteborg'),
        municipality('Umeå'),
        organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale', 'org-Göteborg'] }),
      ],
      memberships: [membership('org-Kil', '2020-01-01'), membership('gr', '2020-01-01')],
      services: [
        service('egil', 'EGIL', [{ year: 2021, model: { kind: 'fixed', yearlyFeeOre: 1_000_000 } }], {
          businessArea: 'skola',
          operator: 'Driftas av varje kommun',
          councilNetworkId: 'rad',
        }),
        service('x', 'Xtra'),
      ],
      usages: [usage('u1', 'gr', 'egil', '2021-01-01'), usage('u2', 'org-Kil', 'egil', '2021-09-15', '2022-03-31'), usage('u3', 'org-Umeå', 'egil', '2022-02-01')],
      networks: [network('rad', 'forvaltningsrad', 'Förvaltningsråd EGIL', { serviceId: 'egil' })],
    }),
  });
}

async function load(date: string) {
  const { call } = setup();
  const detail = await call('services/get', { serviceId: 'egil', date });
  const adoption = await call('usage/get-adoption', { date, serviceIds: ['egil'], step: 'monthly' });
  if (!detail.ok || !adoption.ok) throw new Error('core refused');
  return { detail: detail.data, adoption: adoption.data };
}

describe('a service’s page', () => {
  it('lists the facts in Swedish, with a dash for what is missing and the council as a link', async () => {
    const { detail } = await load('2022-06-30');
    expect(serviceFacts(detail).map((f) => [f.label, f.value])).toEqual([
      ['Verksamhetsområde', 'Skola'],
      ['Teknisk förvaltare', '–'],
      ['Drifttjänst', 'Driftas av varje kommun'],
      ['Innehållsförvaltare', '–'],
      ['Innehållsleverantör', '–'],
      ['Förvaltningsråd', 'Förvaltningsråd EGIL'],
    ]);
    expect(serviceFacts(detail).find((f) => f.key === 'council')?.href).toEqual({ networkId: 'rad' });
  });

  it('shows the pricing in force in the date’s year, saying since when', async () => {
    const { detail } = await load('2022-06-30');
    expect(pricingVm(detail)).toEqual({
      heading: 'Prismodell för 2022',
      text: `${formatKr(1_000_000)} per organisation och år (sedan 2021)`,
      missing: false,
    });
    const { detail: before } = await load('2020-06-30');
    expect(pricingVm(before)).toEqual({ heading: 'Prismodell för 2020', text: 'Pris saknas', missing: true });
  });

  it('shows users, member users and population from the core, with shares', async () => {
    const { detail, adoption } = await load('2022-06-30');
    const figures = adoption.services[0]!;
    // gr, Ale and Göteborg through the group, and Umeå; Kil ended in March.
    expect(detail.userCount).toBe(4);
    expect(serviceFigures(detail, adoption)).toEqual([
      { key: 'users', label: 'Användare', value: '4' },
      {
        key: 'members',
        label: 'Medlemmar som använder',
        value: formatNumber(figures.memberUsers),
        hint: `${formatPercent(figures.memberShare!)} av ${formatNumber(figures.memberCount)} medlemmar`,
      },
      {
        key: 'population',
        label: 'Invånare som nås',
        value: formatNumber(figures.populationCovered),
        hint: `${formatPercent(figures.populationShare!)} av Sveriges befolkning`,
      },
    ]);
    expect(serviceFigures(detail, undefined)).toEqual([{ key: 'users', label: 'Användare', value: '4' }]);
  });

  it('draws users month by month from the core’s series, with an axis that fits its labels', async () => {
    const { adoption } = await load('2022-06-30');
    const vm = usersChartVm('EGIL', 'egil', adoption);
    expect(vm.points[0]).toEqual({ date: '2021-01-01', users: 3 });
    expect(vm.points.find((p) => p.date === '2021-10-01')?.users).toBe(4);
    expect(vm.points.find((p) => p.date === '2022-03-01')?.users).toBe(5);
    expect(vm.points.at(-1)).toEqual({ date: '2022-06-01', users: 4 });
    expect(vm.yMax).toBeGreaterThanOrEqual(5);
    expect(vm.xTicks).toEqual(['2021-01-01', '2021-04-01', '2021-07-01', '2021-10-01', '2022-01-01', '2022-04-01']);
    expect(vm.yTicks.at(-1)).toBe(vm.yMax);
    expect(vm.label).toBe('Diagram: antal användare av EGIL från jan. 2021 till juni 2022');
  });

  it('lists the users with membership, dates and the group they come through', async () => {
    const { detail } = await load('2022-06-30');
    expect(userRows(detail).map((u) => [u.name, u.member, u.from, u.to, u.via])).toEqual([
      ['Ale', 'Ja', '2021-01-01', '–', 'Göteborgsregionen (grupp)'],
      ['Göteborg', 'Ja', '2021-01-01', '–', 'Göteborgsregionen (grupp)'],
      ['Göteborgsregionen', 'Ja', '2021-01-01', '–', '–'],
      ['Umeå', 'Nej', '2022-02-01', '–', '–'],
    ]);
  });
});

describe('the catalogue', () => {
  it('joins the list with the member share at the same date and flags a missing price', async () => {
    const { call } = setup();
    const list = await call('services/list', { date: '2022-06-30' });
    const adoption = await call('usage/get-adoption', { date: '2022-06-30' });
    if (!list.ok || !adoption.ok) throw new Error('core refused');
    const rows = catalogueRows(list.data, adoption.data);
    const egil = adoption.data.services.find((s) => s.serviceId === 'egil')!;
    const xtraMembers = adoption.data.services.find((s) => s.serviceId !== 'egil')!.memberCount;
    expect(rows.map((r) => [r.name, r.area, r.users, r.memberShare, r.missingPrice, r.council])).toEqual([
      ['EGIL', 'Skola', `4 (${egil.memberUsers} medlemmar)`, `${formatPercent(egil.memberShare!)} (${egil.memberUsers} av ${egil.memberCount})`, false, 'Förvaltningsråd EGIL'],
      ['Xtra', '–', '0 (0 medlemmar)', `${formatPercent(0)} (0 av ${xtraMembers})`, true, '–'],
    ]);
    expect(rows[0]?.usersDetail).toBe('4 användare, varav 2 via Göteborgsregionen');
    expect(catalogueRows(list.data, undefined)[0]?.memberShare).toBe('–');
    expect(rows.map((r) => r.managers)).toEqual([['Drift: Driftas av varje kommun'], ['–']]);
  });

  it('reads the part of the screen from the address', () => {
    expect(viewFromParams([])).toEqual({ kind: 'katalog' });
    expect(viewFromParams(['matris'])).toEqual({ kind: 'matris' });
    expect(viewFromParams(['anvandning'])).toEqual({ kind: 'anvandning' });
    expect(viewFromParams(['svc-egil'])).toEqual({ kind: 'tjanst', serviceId: 'svc-egil' });
  });
});

describe('chart formats and dates', () => {
  it('writes Swedish month ticks and day labels', () => {
    expect(monthTick('2021-01-01')).toBe('jan. 2021');
    expect(monthTick('2022-05-01')).toBe('maj 2022');
    expect(dayLabel('2022-06-30')).toBe('30 juni 2022');
    expect(countTick(12345)).toBe(formatNumber(12345));
  });

  it('sizes the count axis to its longest label, so nothing is cut off', () => {
    expect(countAxisWidth(4)).toBe(40);
    expect(countAxisWidth(17_873_120)).toBeGreaterThanOrEqual(countTick(17_873_120).length * 8);
  });

  it('picks whole-number ticks with headroom above the data, at most six steps', () => {
    expect(countAxis(0)).toEqual({ top: 4, ticks: [0, 1, 2, 3, 4] });
    expect(countAxis(4)).toEqual({ top: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(countAxis(39)).toEqual({ top: 50, ticks: [0, 10, 20, 30, 40, 50] });
    expect(countAxis(109)).toEqual({ top: 120, ticks: [0, 20, 40, 60, 80, 100, 120] });
    for (const max of [1, 7, 17, 20, 96, 250, 4000, 123_456]) {
      const { top, ticks } = countAxis(max);
      expect(top, String(max)).toBeGreaterThan(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.at(-1)).toBe(top);
    }
  });

  it('puts month ticks on calendar boundaries, as few steps as fit', () => {
    const months = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const m = from + i;
        return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      });
    // 18 months from January 2021: quarters.
    expect(monthTicks(months(2021 * 12, 18), 6)).toEqual(['2021-01-01', '2021-04-01', '2021-07-01', '2021-10-01', '2022-01-01', '2022-04-01']);
    expect(monthTicks(months(2021 * 12, 4), 6)).toEqual(months(2021 * 12, 4));
    // Ten years: every second year.
    const decade = monthTicks(months(2015 * 12, 120), 6);
    expect(decade).toEqual(['2016-01-01', '2018-01-01', '2020-01-01', '2022-01-01', '2024-01-01']);
    // A series that starts mid-month keeps its first-of-month points only.
    expect(monthTicks(['2022-06-15'], 6)).toEqual(['2022-06-15']);
  });

  it('accepts only real dates, falling back to today while typing', () => {
    expect(effectiveDate('2023-02-29', '2022-06-30')).toEqual({ date: '2022-06-30', error: true });
    expect(effectiveDate(null, '2022-06-30')).toEqual({ date: '2022-06-30', error: false });
    expect(effectiveDate('2021-01-01', '2022-06-30')).toEqual({ date: '2021-01-01', error: false });
    expect(effectiveDate('', '2022-06-30')).toEqual({ date: '2022-06-30', error: true });
  });
});
