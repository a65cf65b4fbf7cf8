import { describe, expect, it } from 'vitest';
import { listOrganisations } from '../../../electron/core/domain/search';
import { compareSv } from '../../../electron/core/domain/swedish';
import { feeTable2020, latestPopulation, municipality, organisation, period, referenceDocument } from '../../fixtures/register/documents';
import type { Organisation, SambrukDocument, Usage } from '../../../electron/core/store/schema';
import { service } from '../../fixtures/services/documents';

function usage(id: string, organisationId: string, serviceId: string, from: string, to?: string): Usage {
  return { id, organisationId, serviceId, from, ...(to ? { to } : {}), note: '' };
}

describe('member list filters', () => {
  const base = referenceDocument();
  const doc = referenceDocument({
    organisations: [
      municipality(base, '0643'), // Habo, Jönköpings län
      municipality(base, '0684'), // Sävsjö, Jönköpings län
      municipality(base, '0305'), // Håbo, Uppsala län
      municipality(base, '1880'), // Örebro
      organisation('region', 'Region Örebro län', 'region', { countyCode: '18' }),
      organisation('forb', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: ['kommun-0684'] }),
    ],
    memberships: [
      period('kommun-0643', '2019-01-01'),
      period('kommun-0305', '2019-01-01', { noticeGiven: '2022-03-01', left: '2022-12-31' }),
      period('kommun-1880', '2018-01-01', { left: '2021-12-31' }),
      period('forb', '2020-01-01'),
    ],
    // Only services of the register count (the users rule of the matrix), so the usages name real ones.
    services: [service('s1', 'S1'), service('s2', 'S2'), service('s3', 'S3')],
    usages: [
      usage('u1', 'kommun-0643', 's1', '2020-01-01'),
      usage('u2', 'kommun-0643', 's2', '2020-01-01'),
      usage('u3', 'kommun-0643', 's2', '2023-01-01'),
      usage('u4', 'kommun-0305', 's1', '2020-01-01', '2021-12-31'),
      usage('u5', 'kommun-0684', 's3', '2021-01-01'),
    ],
    feeTables: [feeTable2020],
  });
  const names = (q: Parameters<typeof listOrganisations>[1]) => listOrganisations(doc, q).rows.map((r) => r.name);

  it('filters by kind', () => {
    expect(names({ date: '2022-06-30', kinds: ['region', 'kommunalforbund'] })).toEqual(['Höglandsförbundet', 'Region Örebro län']);
  });

  it('filters by county, derived from the municipality code or stored for a region', () => {
    expect(names({ date: '2022-06-30', countyCodes: ['06'] })).toEqual(['Habo', 'Sävsjö']);
    expect(names({ date: '2022-06-30', countyCodes: ['18'] })).toEqual(['Region Örebro län', 'Örebro']);
  });

  it('filters by member status at the date', () => {
    expect(names({ date: '2022-06-30', statuses: ['medlem'] })).toEqual(['Habo', 'Höglandsförbundet']);
    expect(names({ date: '2022-06-30', statuses: ['uppsagd'] })).toEqual(['Håbo']);
    expect(names({ date: '2022-06-30', statuses: ['medlem-via-grupp'] })).toEqual(['Sävsjö']);
    expect(names({ date: '2022-06-30', statuses: ['uttradd'] })).toEqual(['Örebro']);
    expect(names({ date: '2022-06-30', statuses: ['aldrig-medlem'] })).toEqual(['Region Örebro län']);
    expect(names({ date: '2021-06-30', statuses: ['medlem'] })).toEqual(['Habo', 'Håbo', 'Höglandsförbundet', 'Örebro']);
  });

  it('filters by the number of distinct services used at the date', () => {
    expect(names({ date: '2022-06-30', servicesUsedMin: 2 })).toEqual(['Habo']);
    expect(names({ date: '2022-06-30', servicesUsedMin: 1, servicesUsedMax: 1 })).toEqual(['Sävsjö']);
    expect(names({ date: '2021-06-30', servicesUsedMin: 1, servicesUsedMax: 1 })).toEqual(['Håbo', 'Sävsjö']);
    expect(names({ date: '2022-06-30', servicesUsedMax: 0 })).toEqual(['Håbo', 'Höglandsförbundet', 'Region Örebro län', 'Örebro']);
  });

  it('sorts by population, status, services used and fee, missing values last', () => {
    const byPop = listOrganisations(doc, { date: '2022-06-30', sort: { by: 'population', direction: 'desc' } }).rows;
    expect(byPop.map((r) => r.population)).toEqual([...byPop.map((r) => r.population)].sort((a, b) => b - a));
    const byFee = listOrganisations(doc, { date: '2022-06-30', sort: { by: 'fee', direction: 'asc' } }).rows;
    const fees = byFee.map((r) => r.feeOre);
    const present = fees.filter((f) => f !== undefined);
    expect(fees.slice(0, present.length)).toEqual([...present].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(fees.slice(present.length).every((f) => f === undefined)).toBe(true);
    const byStatus = listOrganisations(doc, { date: '2022-06-30', sort: { by: 'status', direction: 'asc' } }).rows.map((r) => r.status);
    expect(byStatus).toEqual(['medlem', 'medlem', 'uppsagd', 'medlem-via-grupp', 'uttradd', 'aldrig-medlem']);
    const byServices = listOrganisations(doc, { date: '2022-06-30', sort: { by: 'servicesUsed', direction: 'desc' } }).rows;
    expect(byServices[0]?.name).toBe('Habo');
  });

  it('gives a group its combined population and member count', () => {
    const row = listOrganisations(doc, { date: '2022-06-30', kinds: ['kommunalforbund'] }).rows[0];
    expect(row).toMatchObject({ population: latestPopulation(doc, '0684'), groupMemberCount: 1 });
  });
});

/** 4 000 organisations: the 290 municipalities and 3 710 others with Swedish-looking names. */
function largeDocument(): SambrukDocument {
  const base = referenceDocument();
  const orgs: Organisation[] = base.reference.municipalities.map((m) => municipality(base, m.code));
  const words = ['Nämnd', 'Förbund', 'Bolag', 'Stiftelse', 'Förvaltning', 'Råd', 'Ö-kontor', 'Åkeri'];
  for (let i = orgs.length; i < 4000; i += 1) {
    const place = base.reference.municipalities[i % 290]?.name ?? 'Ort';
    orgs.push(organisation(`org-${i}`, `${place} ${words[i % words.length]} ${i}`, 'annan', { countyCode: base.reference.municipalities[i % 290]?.countyCode }));
  }
  const memberships = orgs.filter((_, i) => i % 2 === 0).map((o, i) => period(o.id, `20${10 + (i % 12)}-0${1 + (i % 9)}-01`));
  const usages: Usage[] = orgs.filter((_, i) => i % 3 === 0).map((o, i) => usage(`u-${i}`, o.id, `s-${i % 10}`, '2020-01-01'));
  return { ...base, organisations: orgs, memberships, usages, feeTables: [feeTable2020] };
}

describe('member list speed', () => {
  it('searches 4 000 organisations, best match first', () => {
    const doc = largeDocument();
    listOrganisations(doc, { date: '2022-06-30' });
    const queries = ['s', 'sa', 'sav', 'savs', 'savsjo', 'ö', 'örebro', 'habo', 'förbund', 'x'];
    let found = 0;
    for (const query of queries) found += listOrganisations(doc, { query, date: '2022-06-30', sort: { by: 'name', direction: 'asc' } }).count;
    expect(found).toBeGreaterThan(0);
    expect(listOrganisations(doc, { query: 'savsjo', date: '2022-06-30' }).rows[0]?.name).toBe('Sävsjö');
    // Speed is measured by `npm run bench` (ui-search), not asserted here: tests must not depend on the machine.
  });

  it('orders by match, then Swedish name order, in either direction (the register order breaking ties)', () => {
    const doc = largeDocument();
    const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => compareSv(a.name, b.name) || a.id.localeCompare(b.id);
    for (const query of ['s', 'ö', 'habo', 'kommun 12', undefined]) {
      const asc = listOrganisations(doc, { ...(query ? { query } : {}), date: '2022-06-30' }).rows;
      const expected = [...asc].sort((a, b) => (query ? (a.matchRank ?? 9) - (b.matchRank ?? 9) : 0) || byName(a, b));
      expect(asc.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      // Descending by name drops the relevance order and reverses the name order exactly.
      const desc = listOrganisations(doc, { ...(query ? { query } : {}), date: '2022-06-30', sort: { by: 'name', direction: 'desc' } }).rows;
      expect(desc.map((r) => r.id)).toEqual([...asc].sort(byName).reverse().map((r) => r.id));
    }
  });
});
