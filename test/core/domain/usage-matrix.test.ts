import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildUsageMatrix } from '../../../electron/core/domain/usage-matrix';
import type { UsageMatrixFilter } from '../../../electron/contract';
import type { Organisation, SambrukDocument, Usage } from '../../../electron/core/store/schema';
import {
  makeDocument,
  membership,
  municipality,
  populationAt,
  shareBasisAt,
  organisation,
  reference,
  service,
  usage,
} from '../../fixtures/services/documents';

const filter = (f: Partial<UsageMatrixFilter> = {}): UsageMatrixFilter => ({ scope: 'members', includeArchivedServices: false, ...f });

function swedenAt(date: string): number {
  const sorted = [...reference().swedenPopulation].sort((a, b) => a.date.localeCompare(b.date));
  let best = sorted[0];
  for (const p of sorted) if (p.date <= date) best = p;
  return best?.population ?? NaN;
}

const pop = (date: string, ...names: string[]) => names.reduce((sum, n) => sum + populationAt(n, shareBasisAt(date)), 0);

/**
 * Göteborgsregionen (a member group of Ale and Göteborg) uses A; Ale also uses A directly; Kil uses A from
 * 2022-03-01 to 2022-06-30; Hofors (never a member) uses A; Ekerö (member until 2022-06-30) and Kil use B;
 * Ydre uses only the archived C.
 */
function scenario(): SambrukDocument {
  return makeDocument({
    organisations: [
      municipality('Kil'),
      municipality('Ale'),
      municipality('Ekerö'),
      municipality('Hofors'),
      municipality('Ydre'),
      municipality('Göteborg'),
      municipality('Lund', { archived: true }),
      organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { countyCode: '14', groupMemberIds: ['org-Ale', 'org-Göteborg'] }),
    ],
    memberships: [
      membership('org-Kil', '2021-01-01'),
      membership('org-Ekerö', '2021-01-01', '2022-06-30'),
      membership('gr', '2021-01-01'),
      membership('org-Ydre', '2022-01-01'),
      membership('org-Lund', '2021-01-01'),
    ],
    services: [service('a', 'Alfa'), service('b', 'Beta'), service('c', 'Gamma', [], { archived: true })],
    usages: [
      usage('a-kil', 'org-Kil', 'a', '2022-03-01', '2022-06-30'),
      usage('a-gr', 'gr', 'a', '2021-01-01'),
      usage('a-ale', 'org-Ale', 'a', '2022-01-01'),
      usage('a-hofors', 'org-Hofors', 'a', '2021-01-01'),
      usage('b-ekero', 'org-Ekerö', 'b', '2021-01-01'),
      usage('b-kil', 'org-Kil', 'b', '2022-02-01'),
      usage('c-ydre', 'org-Ydre', 'c', '2021-01-01'),
      usage('a-lund', 'org-Lund', 'a', '2021-01-01'),
    ],
  });
}

describe('usage matrix at a date', () => {
  const doc = scenario();
  const column = (date: string, serviceId: string) => buildUsageMatrix(doc, date, filter()).columns.find((c) => c.serviceId === serviceId);

  it('shows a use from its first day and through its last day, not before or after', () => {
    const cellOfKil = (date: string) => buildUsageMatrix(doc, date, filter()).rows.find((r) => r.name === 'Kil')?.cells.a;
    expect(cellOfKil('2022-02-28')).toBeUndefined();
    expect(cellOfKil('2022-03-01')).toMatchObject({ usageId: 'a-kil', from: '2022-03-01', to: '2022-06-30', source: 'direct' });
    expect(cellOfKil('2022-06-30')).toBeDefined();
    expect(cellOfKil('2022-07-01')).toBeUndefined();
    expect(column('2022-02-28', 'a')?.users).toBe(column('2022-03-01', 'a')!.users - 1);
    expect(column('2022-07-01', 'a')?.users).toBe(column('2022-06-30', 'a')!.users - 1);
  });

  it("counts a group's municipalities once each, never twice when they also use the service directly", () => {
    const matrix = buildUsageMatrix(doc, '2022-03-01', filter({ scope: 'all' }));
    const a = matrix.columns.find((c) => c.serviceId === 'a');
    // Users: the group, Ale (direct and via the group: once), Göteborg (via the group), Hofors, Kil, Lund (archived row, still a user).
    expect(a?.users).toBe(6);
    expect(a?.municipalities).toBe(5);
    expect(matrix.rows.find((r) => r.name === 'Ale')?.cells.a).toMatchObject({ source: 'direct', usageId: 'a-ale' });
    expect(matrix.rows.find((r) => r.name === 'Göteborg')?.cells.a).toMatchObject({ source: 'group', viaOrganisationId: 'gr', usageId: 'a-gr' });
    expect(matrix.rows.find((r) => r.name === 'Göteborgsregionen')?.cells.a).toMatchObject({ source: 'direct' });
  });

  it('gives users, share of members and share of Sweden\'s population per column', () => {
    const a = column('2022-03-01', 'a');
    // Members at the date: Kil, Ekerö, the group with Ale and Göteborg, Ydre, Lund.
    expect(a?.memberCount).toBe(7);
    // Member users: Kil, the group, Ale, Göteborg, Lund.
    expect(a?.memberUsers).toBe(5);
    expect(a?.memberShare).toBeCloseTo(5 / 7, 12);
    const covered = pop('2022-03-01', 'Ale', 'Göteborg', 'Hofors', 'Kil', 'Lund');
    expect(a?.populationCovered).toBe(covered);
    expect(a?.populationShare).toBeCloseTo(covered / swedenAt('2022-03-01'), 12);
  });

  it('lets members lost after the date fall out of the member count', () => {
    expect(column('2022-06-30', 'b')).toMatchObject({ users: 2, memberUsers: 2, memberCount: 7 });
    expect(column('2022-07-01', 'b')).toMatchObject({ users: 2, memberUsers: 1, memberCount: 6 });
  });

  it('leaves archived services out of the columns unless asked, and archived organisations out of the rows', () => {
    const m = buildUsageMatrix(doc, '2022-03-01', filter({ scope: 'all' }));
    expect(m.columns.map((c) => c.name)).toEqual(['Alfa', 'Beta']);
    expect(m.rows.some((r) => r.name === 'Lund')).toBe(false);
    const withArchived = buildUsageMatrix(doc, '2022-03-01', filter({ scope: 'all', includeArchivedServices: true }));
    expect(withArchived.columns.map((c) => c.name)).toEqual(['Alfa', 'Beta', 'Gamma']);
    expect(withArchived.rows.find((r) => r.name === 'Ydre')?.serviceCount).toBe(1);
  });

  it('gives each row its number of services in use', () => {
    const rows = buildUsageMatrix(doc, '2022-03-01', filter({ scope: 'all' })).rows;
    expect(Object.fromEntries(rows.map((r) => [r.name, r.serviceCount]))).toEqual({
      Ale: 1,
      Ekerö: 1,
      Göteborg: 1,
      Göteborgsregionen: 1,
      Hofors: 1,
      Kil: 2,
      Ydre: 0,
    });
  });

  const names = (f: Partial<UsageMatrixFilter>, date = '2022-03-01') => buildUsageMatrix(doc, date, filter(f)).rows.map((r) => r.name);

  it('filters rows: members, users of any service, all', () => {
    expect(names({ scope: 'members' })).toEqual(['Ale', 'Ekerö', 'Göteborg', 'Göteborgsregionen', 'Kil', 'Ydre']);
    expect(names({ scope: 'users' })).toEqual(['Ale', 'Ekerö', 'Göteborg', 'Göteborgsregionen', 'Hofors', 'Kil']);
    expect(names({ scope: 'all' })).toEqual(['Ale', 'Ekerö', 'Göteborg', 'Göteborgsregionen', 'Hofors', 'Kil', 'Ydre']);
  });

  it('filters rows by county, kind, search and number of services', () => {
    expect(names({ scope: 'all', countyCode: '14' })).toEqual(['Ale', 'Göteborg', 'Göteborgsregionen']);
    expect(names({ scope: 'all', kinds: ['kommunalforbund'] })).toEqual(['Göteborgsregionen']);
    expect(names({ scope: 'all', search: 'göteborg' })).toEqual(['Göteborg', 'Göteborgsregionen']);
    expect(names({ quick: 'none' })).toEqual(['Ydre']);
    expect(names({ quick: 'exactly-one' })).toEqual(['Ale', 'Ekerö', 'Göteborg', 'Göteborgsregionen']);
    expect(names({ minServices: 2 })).toEqual(['Kil']);
    expect(names({ maxServices: 0, scope: 'all' })).toEqual(['Ydre']);
  });

  it('counts quick-filter candidates before the number-of-services filters and visible users after all filters', () => {
    const m = buildUsageMatrix(doc, '2022-03-01', filter({ countyCode: '14', quick: 'none' }));
    expect(m.rows).toEqual([]);
    expect(m.totals).toMatchObject({ rows: 0, rowsUsingNone: 0, rowsUsingExactlyOne: 3 });
    const county = buildUsageMatrix(doc, '2022-03-01', filter({ countyCode: '14' }));
    const a = county.columns.find((c) => c.serviceId === 'a');
    expect(a?.visibleUsers).toBe(3);
    expect(a?.users).toBe(6);
  });
});

// ------------------------------------------------------------------ against a naive model

function naiveUsers(doc: SambrukDocument, serviceId: string, date: string): Set<string> {
  const active = (u: Usage) => u.serviceId === serviceId && u.from <= date && (u.to === undefined || date <= u.to);
  const users = new Set<string>();
  for (const org of doc.organisations) {
    const direct = doc.usages.some((u) => active(u) && u.organisationId === org.id);
    const viaGroup = doc.organisations.some((g) => g.groupMemberIds.includes(org.id) && doc.usages.some((u) => active(u) && u.organisationId === g.id));
    if (direct || viaGroup) users.add(org.id);
  }
  return users;
}

function naiveMembers(doc: SambrukDocument, date: string): Set<string> {
  const members = new Set<string>();
  for (const m of doc.memberships) {
    if (m.joined <= date && (m.left === undefined || date <= m.left)) {
      members.add(m.organisationId);
      for (const id of doc.organisations.find((o) => o.id === m.organisationId)?.groupMemberIds ?? []) members.add(id);
    }
  }
  return members;
}

function naivePopulation(doc: SambrukDocument, ids: Set<string>, date: string): number {
  const codes = new Set<string>();
  for (const o of doc.organisations) if (ids.has(o.id) && o.municipalityCode) codes.add(o.municipalityCode);
  return [...codes].reduce((sum, code) => sum + populationAt(code, shareBasisAt(date)), 0);
}

describe('usage matrix against a naive model', () => {
  const pool: Organisation[] = [
    ...['Kil', 'Ale', 'Ekerö', 'Hofors', 'Ydre', 'Göteborg'].map((n) => municipality(n)),
    organisation('g1', 'Grupp 1', 'kommunalforbund', { groupMemberIds: ['org-Kil', 'org-Ale', 'org-Ekerö'] }),
    organisation('g2', 'Grupp 2', 'gemensam-namnd', { groupMemberIds: ['org-Ale', 'org-Hofors'] }),
  ];
  const dates = ['2021-01-01', '2021-06-30', '2021-07-01', '2022-01-01', '2022-03-15', '2022-12-31'];
  const dateArb = fc.constantFrom(...dates);
  const periodArb = fc.tuple(dateArb, fc.option(dateArb, { nil: undefined })).map(([a, b]) => (b !== undefined && b < a ? { from: b, to: a } : { from: a, to: b }));
  const usageArb = fc.record({ org: fc.constantFrom(...pool.map((o) => o.id)), service: fc.constantFrom('s1', 's2'), period: periodArb });
  const membershipArb = fc.record({ org: fc.constantFrom(...pool.map((o) => o.id)), period: periodArb });

  it('agrees on users, member users and population for random documents', () => {
    fc.assert(
      fc.property(fc.array(usageArb, { maxLength: 14 }), fc.array(membershipArb, { maxLength: 6 }), dateArb, (uses, mems, date) => {
        const doc = makeDocument({
          organisations: pool,
          services: [service('s1', 'S1'), service('s2', 'S2')],
          usages: uses.map((u, i) => usage(`u${i}`, u.org, u.service, u.period.from, u.period.to)),
          memberships: mems.map((m, i) => ({ ...membership(m.org, m.period.from, m.period.to), id: `m${i}` })),
        });
        const matrix = buildUsageMatrix(doc, date, filter({ scope: 'all' }));
        const members = naiveMembers(doc, date);
        for (const col of matrix.columns) {
          const users = naiveUsers(doc, col.serviceId, date);
          expect(col.users).toBe(users.size);
          expect(col.memberUsers).toBe([...users].filter((id) => members.has(id)).length);
          expect(col.memberCount).toBe(members.size);
          expect(col.populationCovered).toBe(naivePopulation(doc, users, date));
          for (const row of matrix.rows) expect(row.cells[col.serviceId] !== undefined).toBe(users.has(row.organisationId));
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------ size

/** An array whose element reads are counted, to check how often a computation walks it. */
function counted<T>(items: T[]): { items: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver);
    },
  });
  return { items: proxy, reads: () => reads };
}

describe('usage matrix for 4 000 organisations × 20 services', () => {
  it('reads each usage record a bounded number of times and answers quickly', { timeout: 60_000 }, () => {
    const refs = reference().municipalities;
    const organisations: Organisation[] = [];
    for (let i = 0; i < 4_000; i += 1) {
      const ref = refs[i % refs.length]!;
      organisations.push(organisation(`o${i}`, `Organisation ${i}`, 'kommun', { municipalityCode: ref.code }));
    }
    for (let g = 0; g < 100; g += 1) {
      organisations.push(organisation(`g${g}`, `Grupp ${g}`, 'kommunalforbund', { groupMemberIds: Array.from({ length: 10 }, (_, k) => `o${g * 10 + k}`) }));
    }
    const services = Array.from({ length: 20 }, (_, s) => service(`s${s}`, `Tjänst ${s}`));
    const usages: Usage[] = [];
    organisations.forEach((org, i) => {
      for (let s = 0; s < 20; s += 1) if ((i + s) % 2 === 0) usages.push(usage(`u${i}-${s}`, org.id, `s${s}`, '2021-01-01', i % 7 === 0 ? '2021-12-31' : undefined));
    });
    const memberships = organisations.filter((_, i) => i % 3 !== 0).map((o) => membership(o.id, '2020-01-01'));
    const parsed = makeDocument({ organisations, services, usages, memberships });
    const records = counted([...parsed.usages]);
    const doc: SambrukDocument = { ...parsed, usages: records.items };

    const matrix = buildUsageMatrix(doc, '2022-06-30', filter({ scope: 'all' }));

    expect(matrix.rows).toHaveLength(4_100);
    expect(matrix.columns).toHaveLength(20);
    // Expected users of s0, computed apart: open records on s0, plus the municipalities of groups holding one.
    const open = parsed.usages.filter((u) => u.serviceId === 's0' && u.to === undefined).map((u) => u.organisationId);
    const expected = new Set(open);
    for (const id of open) for (const m of organisations.find((o) => o.id === id)?.groupMemberIds ?? []) expected.add(m);
    expect(matrix.columns[0]?.users).toBe(expected.size);
    // Indexed once: a scan per row or per cell would read the 42 000 records thousands of times over.
    expect(records.reads()).toBeLessThanOrEqual(2 * parsed.usages.length);
  });
});
