import { describe, expect, it } from 'vitest';
import {
  adoptionAt,
  adoptionReport,
  servicesPerMember,
  threeQuartersGoal,
  usersOverTime,
} from '../../../electron/core/domain/adoption';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';
import { makeDocument, membership, municipality, organisation, populationAt, reference, service, shareBasisAt, usage } from '../../fixtures/services/documents';
import { planUsers } from '../../fixtures/services/plan-2022-lists';

const names8 = ['Kil', 'Ale', 'Ekerö', 'Hofors', 'Ydre', 'Göteborg', 'Lund', 'Mora'];

/**
 * Eight members. A: six of them; B: Kil, Ale, Ekerö; C: Kil, Ale; D: Kil. So Kil uses 4, Ale 3, Ekerö 2,
 * Hofors, Ydre, Göteborg 1 each (A), Lund and Mora none. Umeå (not a member) uses A too.
 */
function fixture(): SambrukDocument {
  return makeDocument({
    organisations: [...names8.map((n) => municipality(n)), municipality('Umeå')],
    memberships: names8.map((n) => membership(`org-${n}`, '2020-01-01')),
    services: ['A', 'B', 'C', 'D'].map((n) => service(n, n)),
    usages: [
      ...['Kil', 'Ale', 'Ekerö', 'Hofors', 'Ydre', 'Göteborg', 'Umeå'].map((n) => usage(`A-${n}`, `org-${n}`, 'A', '2021-01-01')),
      ...['Kil', 'Ale', 'Ekerö'].map((n) => usage(`B-${n}`, `org-${n}`, 'B', '2021-01-01')),
      ...['Kil', 'Ale'].map((n) => usage(`C-${n}`, `org-${n}`, 'C', '2021-01-01')),
      usage('D-Kil', 'org-Kil', 'D', '2021-01-01'),
    ],
  });
}

describe('adoption at a date', () => {
  const doc = fixture();

  it('gives users, member share and population covered per service', () => {
    const a = adoptionAt(doc, '2022-06-30').find((s) => s.serviceId === 'A');
    expect(a).toMatchObject({ users: 7, memberUsers: 6, memberCount: 8, memberShare: 6 / 8 });
    const population = ['Kil', 'Ale', 'Ekerö', 'Hofors', 'Ydre', 'Göteborg', 'Umeå'].reduce((s, n) => s + populationAt(n, '2021-12-31'), 0);
    expect(a?.populationCovered).toBe(population);
  });

  it('distributes the members by number of services used: 0, 1, 2, 3+', () => {
    const { memberCount, buckets } = servicesPerMember(doc, '2022-06-30');
    expect(memberCount).toBe(8);
    expect(buckets.map((b) => [b.label, b.count])).toEqual([
      ['0', 2],
      ['1', 3],
      ['2', 1],
      ['3+', 2],
    ]);
    expect(buckets[0]?.organisationIds.sort()).toEqual(['org-Lund', 'org-Mora']);
    expect(buckets[3]?.organisationIds.sort()).toEqual(['org-Ale', 'org-Kil']);
  });

  it('names the service closest to three quarters of the members, with the gap', () => {
    // 8 members: more than three quarters means at least 7. A has 6 member users: 1 missing.
    expect(threeQuartersGoal(adoptionAt(doc, '2022-06-30'))).toMatchObject({ serviceId: 'A', memberUsers: 6, required: 7, gap: 1, reached: false });
    const more = makeDocument({ ...doc, usages: [...doc.usages, usage('A-Lund', 'org-Lund', 'A', '2022-01-01')] });
    expect(threeQuartersGoal(adoptionAt(more, '2022-06-30'))).toMatchObject({ serviceId: 'A', memberUsers: 7, gap: 0, reached: true });
    // Exactly three quarters is not more than three quarters.
    const four = makeDocument({ ...doc, memberships: doc.memberships.slice(0, 4) });
    expect(threeQuartersGoal(adoptionAt(four, '2022-06-30'))).toMatchObject({ memberCount: 4, memberUsers: 4, required: 4, reached: true });
    const three = makeDocument({
      ...doc,
      memberships: ['Kil', 'Ale', 'Ekerö', 'Lund'].map((n) => membership(`org-${n}`, '2020-01-01')),
    });
    expect(threeQuartersGoal(adoptionAt(three, '2022-06-30'))).toMatchObject({ memberUsers: 3, required: 4, gap: 1, reached: false });
  });
});

describe('users over time', () => {
  const doc = makeDocument({
    organisations: [
      municipality('Kil'),
      municipality('Ale'),
      municipality('Göteborg'),
      organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale', 'org-Göteborg'] }),
    ],
    services: [service('s', 'S'), service('t', 'T')],
    usages: [
      usage('k', 'org-Kil', 's', '2022-02-10', '2022-05-31'),
      usage('a', 'org-Ale', 's', '2022-03-01', '2022-03-31'),
      usage('g', 'gr', 's', '2022-03-15'),
      usage('t1', 'org-Kil', 't', '2022-04-01'),
    ],
  });

  it('gives a point at the start and at every change date, counting a group municipality once', () => {
    const points = usersOverTime(doc, { from: '2022-01-01', to: '2022-12-31', step: 'changes' });
    expect(points.map((p) => [p.date, p.users.s, p.users.t, p.anyService])).toEqual([
      ['2022-01-01', 0, 0, 0],
      ['2022-02-10', 1, 0, 1], // Kil
      ['2022-03-01', 2, 0, 2], // + Ale
      ['2022-03-15', 4, 0, 4], // + the group and Göteborg; Ale already counted
      ['2022-04-01', 4, 1, 4], // Ale's own record has ended, but Ale still uses through the group; Kil starts T
      ['2022-06-01', 3, 1, 4], // Kil's S has ended; Kil still uses T
    ]);
  });

  it('samples the first of every month with step monthly', () => {
    const points = usersOverTime(doc, { from: '2022-01-15', to: '2022-04-10', step: 'monthly' });
    expect(points.map((p) => [p.date, p.users.s])).toEqual([
      ['2022-01-15', 0],
      ['2022-02-01', 0],
      ['2022-03-01', 2],
      ['2022-04-01', 4],
    ]);
  });

  it('agrees at every point with the figures computed at that date', () => {
    for (const point of usersOverTime(doc, { from: '2021-12-31', to: '2022-12-31', step: 'changes' })) {
      for (const a of adoptionAt(doc, point.date)) expect(point.users[a.serviceId]).toBe(a.users);
    }
  });

  it('defaults the series to the earliest record up to the date in the adoption channel', async () => {
    const { call } = createTestServices({ initial: doc });
    const result = await call('usage/get-adoption', { date: '2022-04-01', step: 'changes' });
    expect(result.ok && result.data.series).toMatchObject({ from: '2022-02-10', to: '2022-04-01' });
    expect(result.ok && result.data.series.points.at(-1)?.date).toBe('2022-04-01');
    const bad = await call('usage/get-adoption', { from: '2022-05-01', to: '2022-04-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

// ------------------------------------------------------------------ the default document against the plan's lists

const defaultDoc = loadDefaultDocument();
const PLAN_DATE = '2022-04-28';

/** Members at a date, computed without the app's code: own periods, and the municipalities of member groups. */
function naiveMembers(doc: SambrukDocument, date: string): Set<string> {
  const members = new Set<string>();
  for (const m of doc.memberships) {
    if (m.joined > date || (m.left !== undefined && m.left < date)) continue;
    members.add(m.organisationId);
    for (const id of doc.organisations.find((o) => o.id === m.organisationId)?.groupMemberIds ?? []) members.add(id);
  }
  return members;
}

/** Users of a service at a date, computed without the app's code: own records and the records of groups listing the organisation. */
function naiveUsers(doc: SambrukDocument, serviceId: string, date: string): Set<string> {
  const users = new Set<string>();
  for (const u of doc.usages) {
    if (u.serviceId !== serviceId || u.from > date || (u.to !== undefined && u.to < date)) continue;
    users.add(u.organisationId);
    for (const id of doc.organisations.find((o) => o.id === u.organisationId)?.groupMemberIds ?? []) users.add(id);
  }
  return users;
}

describe.runIf(defaultDoc.services.length > 0)('adoption in the default document matches the plan (2022-04-28)', () => {
  const report = adoptionReport(defaultDoc, { date: PLAN_DATE, step: 'monthly' });
  const byName = new Map(report.services.map((s) => [s.name, s]));
  const refByName = new Map(reference().municipalities.map((m) => [m.name, m]));
  // The plan's date counts municipalities at the same date as Sweden's total: 31 December 2021.
  const basis = shareBasisAt(PLAN_DATE);
  const sweden = [...reference().swedenPopulation].filter((p) => p.date <= PLAN_DATE).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const members = naiveMembers(defaultDoc, PLAN_DATE);

  it.each(Object.keys(planUsers))('%s: users, population covered and share of Sweden as the plan lists them', (serviceName) => {
    const planned = [...new Set(planUsers[serviceName])];
    const figures = byName.get(serviceName);
    expect(figures, `no service ${serviceName} in the default document`).toBeDefined();
    const population = planned.reduce((sum, n) => sum + populationAt(refByName.get(n)?.code ?? n, basis), 0);
    expect(figures?.municipalities).toBe(planned.length);
    expect(figures?.populationCovered).toBe(population);
    expect(figures?.populationShare).toBeCloseTo(population / (sweden?.population ?? NaN), 12);
    const users = naiveUsers(defaultDoc, figures!.serviceId, PLAN_DATE);
    const userMunicipalities = [...users].map((id) => defaultDoc.organisations.find((o) => o.id === id)?.municipalityCode).filter(Boolean);
    expect(new Set(userMunicipalities)).toEqual(new Set(planned.map((n) => refByName.get(n)?.code)));
    expect(figures?.users).toBe(users.size);
    expect(figures?.memberUsers).toBe([...users].filter((id) => members.has(id)).length);
    expect(figures?.memberCount).toBe(members.size);
  });

  it('names the service with the most member users for the three-quarters goal', () => {
    const best = Math.max(...report.services.map((s) => s.memberUsers));
    expect(report.threeQuarters?.memberUsers).toBe(best);
    expect(report.threeQuarters?.required).toBe(Math.floor((members.size * 3) / 4) + 1);
    expect(report.threeQuarters?.gap).toBe(Math.max(0, Math.floor((members.size * 3) / 4) + 1 - best));
  });

  it('puts every member in exactly one bucket of the services-per-member distribution', () => {
    const total = report.distribution.buckets.reduce((sum, b) => sum + b.count, 0);
    expect(total).toBe(members.size);
    expect(report.distribution.memberCount).toBe(members.size);
  });
});
