/**
 * One meaning of «uses a service»: every screen's and file's count is computed here the way that screen or file
 * computes it (member list, organisation page, matrix, catalogue, adoption, accountant's workbook, board pack)
 * and compared with `serviceUseAt`, for the default data and for random registers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adoptionAt, servicesPerMember } from '../../../electron/core/domain/adoption';
import { buildBoardPack } from '../../../electron/core/domain/board-pack';
import { memberIdsAt } from '../../../electron/core/domain/memberships';
import { listOrganisations } from '../../../electron/core/domain/search';
import { buildUsageMatrix, describeServiceUse, serviceUseAt } from '../../../electron/core/domain/usage-matrix';
import { accountantModel } from '../../../electron/core/exports/accountant-model';
import type { Organisation, SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';
import { makeDocument, membership, municipality, organisation, service, usage } from '../../fixtures/services/documents';

type Counts = Map<string, number>;

/** Every way the app counts an organisation's services and a service's users, side by side. */
function everyCount(doc: SambrukDocument, date: string) {
  const use = serviceUseAt(doc, date);
  const canonical: Counts = new Map([...use].map(([id, u]) => [id, u.breakdown.total]));

  const list = listOrganisations(doc, { date, archived: 'all' });
  const fromList: Counts = new Map(list.rows.filter((r) => r.servicesUsed > 0).map((r) => [r.id, r.servicesUsed]));
  const listBreakdowns = new Map(list.rows.map((r) => [r.id, r.servicesUsedBreakdown]));

  const matrix = buildUsageMatrix(doc, date, { scope: 'all', includeArchivedServices: false });
  const fromMatrix: Counts = new Map(matrix.rows.filter((r) => r.serviceCount > 0).map((r) => [r.organisationId, r.serviceCount]));

  const members = memberIdsAt(doc, date);
  const perMember = servicesPerMember(doc, date, { top: 1000 });
  const fromDistribution: Counts = new Map(
    perMember.buckets.flatMap((b) => (b.services === 0 ? [] : b.organisationIds.map((id) => [id, b.services] as const))),
  );

  const adoption = adoptionAt(doc, date);
  const pack = buildBoardPack(doc, date, { generatedAt: `${date}T12:00:00.000Z` });
  return { use, canonical, fromList, listBreakdowns, matrix, fromMatrix, members, fromDistribution, adoption, pack };
}

function expectAgreement(doc: SambrukDocument, date: string) {
  const c = everyCount(doc, date);
  const active = (id: string) => !doc.organisations.find((o) => o.id === id)?.archived;
  const activeOnly = (m: Counts) => new Map([...m].filter(([id]) => active(id)));

  // Organisations: the member list, the matrix and the per-member distribution count what serviceUseAt counts.
  expect(c.fromList).toEqual(c.canonical);
  expect(c.fromMatrix).toEqual(activeOnly(c.canonical));
  expect(c.fromDistribution).toEqual(new Map([...c.canonical].filter(([id]) => c.members.has(id))));
  for (const row of c.matrix.rows) expect(row.serviceUse).toEqual(c.listBreakdowns.get(row.organisationId));

  // Services: the matrix's columns, the adoption report (the catalogue's share) and the pack's shares agree,
  // and the members among the users are the members the share divides.
  const usersOf = new Map<string, number>();
  const memberUsersOf = new Map<string, number>();
  for (const [orgId, u] of c.use) {
    for (const serviceId of u.serviceIds) {
      usersOf.set(serviceId, (usersOf.get(serviceId) ?? 0) + 1);
      if (c.members.has(orgId)) memberUsersOf.set(serviceId, (memberUsersOf.get(serviceId) ?? 0) + 1);
    }
  }
  for (const a of c.adoption) {
    expect(a.users).toBe(usersOf.get(a.serviceId) ?? 0);
    expect(a.usersBreakdown.total).toBe(a.users);
    expect(a.memberUsers).toBe(memberUsersOf.get(a.serviceId) ?? 0);
    expect(a.memberShare).toBe(c.members.size === 0 ? null : a.memberUsers / c.members.size);
    const column = c.matrix.columns.find((col) => col.serviceId === a.serviceId);
    expect(column?.users).toBe(a.users);
    expect(column?.usersBreakdown).toEqual(a.usersBreakdown);
    const share = c.pack.services.shares.find((s) => s.serviceId === a.serviceId);
    expect(share).toMatchObject({ users: a.users, memberUsers: a.memberUsers, memberCount: c.members.size, usersBreakdown: a.usersBreakdown });
  }
  return c;
}

describe('the count of services for the default data', () => {
  const doc = loadDefaultDocument();
  const date = '2022-06-30';

  it('is the same on every screen and in every file', () => {
    expectAgreement(doc, date);
  });

  it('counts Ale and Alingsås with the services they use through Göteborgsregionen, and says so', () => {
    const c = everyCount(doc, date);
    const id = (name: string) => doc.organisations.find((o) => o.name === name)!.id;
    const ale = c.use.get(id('Ale'))!.breakdown;
    const alingsas = c.use.get(id('Alingsås'))!.breakdown;
    expect(ale.via.map((v) => v.name)).toEqual(['Göteborgsregionen (GR)']);
    expect(alingsas.total).toBeGreaterThan(0);
    expect(c.fromList.get(id('Alingsås'))).toBe(alingsas.total);
    expect(describeServiceUse(ale)).toMatch(/^\d+ tjänster?, varav \d+ via Göteborgsregionen \(GR\)$/);
  });

  it('gives Provisum the users and the members among them that its share divides', () => {
    const c = everyCount(doc, date);
    const provisum = c.adoption.find((a) => a.name === 'Provisum')!;
    expect(provisum.users).toBe(42);
    expect(provisum.memberUsers).toBe(25);
    expect(provisum.memberCount).toBe(96);
    expect(provisum.usersBreakdown.direct + provisum.usersBreakdown.via.reduce((s, v) => s + v.count, 0)).toBe(42);
  });

  it('agrees with the accountant workbook and the organisation page', async () => {
    const model = accountantModel(doc, { year: 2022 });
    const canonical = serviceUseAt(doc, model.matrix.date);
    for (const row of model.matrix.rows) {
      expect(row.serviceCount).toBe(canonical.get(row.organisationId)?.breakdown.total ?? 0);
      expect(row.serviceUse).toEqual(canonical.get(row.organisationId)?.breakdown);
    }
    const { call } = createTestServices({ initial: doc });
    const ale = doc.organisations.find((o) => o.name === 'Ale')!;
    const page = await call('members/get', { id: ale.id, date });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.data.servicesUsed.length).toBe(serviceUseAt(doc, date).get(ale.id)?.breakdown.total);
    expect(page.data.servicesUsed.some((s) => s.viaOrganisationName === 'Göteborgsregionen (GR)')).toBe(true);
  });
});

describe('the count of services for random registers', () => {
  const pool: Organisation[] = [
    ...['Kil', 'Ale', 'Ekerö', 'Hofors', 'Ydre', 'Göteborg'].map((n) => municipality(n)),
    organisation('g1', 'Grupp 1', 'kommunalforbund', { groupMemberIds: ['org-Kil', 'org-Ale', 'org-Ekerö'] }),
    organisation('g2', 'Grupp 2', 'gemensam-namnd', { groupMemberIds: ['org-Ale', 'org-Hofors'] }),
  ];
  const dates = ['2021-01-01', '2021-07-01', '2022-01-01', '2022-06-30', '2022-12-31'];
  const dateArb = fc.constantFrom(...dates);
  const periodArb = fc
    .tuple(dateArb, fc.option(dateArb, { nil: undefined }))
    .map(([a, b]) => (b !== undefined && b < a ? { from: b, to: a } : { from: a, to: b }));
  const orgArb = fc.constantFrom(...pool.map((o) => o.id));
  const usageArb = fc.record({
    org: orgArb,
    service: fc.constantFrom('s1', 's2', 's3'),
    period: periodArb,
    via: fc.option(orgArb, { nil: undefined }),
  });
  const membershipArb = fc.record({ org: orgArb, period: periodArb });

  it('is the same on every screen and in every file', () => {
    fc.assert(
      fc.property(
        fc.array(usageArb, { maxLength: 16 }),
        fc.array(membershipArb, { maxLength: 6 }),
        dateArb,
        fc.boolean(),
        (uses, mems, date, archiveS3) => {
          const doc = makeDocument({
            organisations: pool,
            services: [service('s1', 'S1'), service('s2', 'S2'), service('s3', 'S3', [], { archived: archiveS3 })],
            usages: uses.map((u, i) => ({
              ...usage(`u${i}`, u.org, u.service, u.period.from, u.period.to),
              ...(u.via !== undefined && u.via !== u.org ? { viaOrganisationId: u.via } : {}),
            })),
            memberships: mems.map((m, i) => ({ ...membership(m.org, m.period.from, m.period.to), id: `m${i}` })),
          });
          expectAgreement(doc, date);
        },
      ),
      { numRuns: 150 },
    );
  });
});
