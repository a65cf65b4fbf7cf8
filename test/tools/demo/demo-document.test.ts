import { describe, expect, it } from 'vitest';
import { buildDemoDocument, readDemoBase } from '../../../scripts/demo-data';
import { DEMO_AS_OF, demoSizes, generateDemoDocument, withCheckDigit } from '../../../tools/demo/demo-document';
import { createRandom } from '../../../tools/demo/random';
import { documentSchema, type Membership, type SambrukDocument, type Usage } from '../../../electron/core/store/schema';
import { parseEmail, parsePhone } from '../../../electron/core/domain/contacts';
import { isCanonicalOrgNumber } from '../../../electron/contract/rules/organisation-number';
import { assertNoPeriodOverlap, assertPeriodValid, memberIdsAt } from '../../../electron/core/domain/memberships';
import { assertNoOverlap, nameKey } from '../../../electron/core/domain/services';
import { assertNoRosterOverlap } from '../../../electron/core/domain/rosters';
import { pricingModelIssues } from '../../../electron/contract/rules/pricing-rules';
import { hasChildren } from '../../../electron/core/domain/budget';
import { buildUsageMatrix } from '../../../electron/core/domain/usage-matrix';
import { issueBlockers, planRun } from '../../../electron/core/domain/invoicing';

const base = readDemoBase();
const { document: doc, text } = buildDemoDocument(1, 'test-seed', base);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function expectUnique(values: readonly string[], what: string) {
  const seen = new Set<string>();
  const duplicates = values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
  expect(duplicates, what).toEqual([]);
}

describe('demo register at scale 1', () => {
  it('is a valid register that the schema reads back unchanged (every default already written out)', () => {
    const raw: unknown = JSON.parse(text);
    // Deep equality, key order aside: no default was added and no key dropped by the schema.
    expect(documentSchema.parse(raw)).toStrictEqual(raw);
  });

  it('has the default size: 400 organisations, 2 000 persons, 4 000 usages, 20 networks with 500 meetings, one budget year', () => {
    expect(demoSizes(1)).toEqual({ organisations: 400, contacts: 2000, usages: 4000, services: 10, networks: 20, meetings: 500, budgetYears: 1 });
    expect(doc.organisations).toHaveLength(400);
    expect(doc.contacts).toHaveLength(2000);
    expect(doc.usages).toHaveLength(4000);
    expect(doc.services).toHaveLength(10);
    expect(doc.networks).toHaveLength(20);
    expect(doc.networks.reduce((sum, n) => sum + n.meetings.length, 0)).toBe(500);
    expect(new Set(doc.budget.columns.map((c) => c.year))).toEqual(new Set([2022]));
    expect(doc.goals.map((g) => g.metric).sort()).toEqual(base.goals.map((g) => g.metric).sort());
  });

  it('is the same bytes for the same seed and different for another seed', () => {
    expect(buildDemoDocument(1, 'test-seed', base).text).toBe(text);
    expect(buildDemoDocument(1, 'another-seed', base).text).not.toBe(text);
  });

  it('uses each real municipality code once for the first 290 organisations; the rest are other kinds', () => {
    const municipalities = doc.organisations.slice(0, 290);
    expect(municipalities.every((o) => o.kind === 'kommun')).toBe(true);
    expect(new Set(municipalities.map((o) => o.municipalityCode))).toEqual(new Set(base.reference.municipalities.map((m) => m.code)));
    const others = doc.organisations.slice(290);
    expect(others.every((o) => o.kind !== 'kommun' && o.municipalityCode === undefined)).toBe(true);
    expect(new Set(others.map((o) => o.kind))).toEqual(new Set(['region', 'kommunalforbund', 'gemensam-namnd', 'annan']));
    expectUnique(doc.organisations.map((o) => nameKey(o.name)), 'organisation names');
    expectUnique(doc.organisations.map((o) => o.orgNumber ?? ''), 'organisation numbers');
    expect(doc.organisations.filter((o) => !isCanonicalOrgNumber(o.orgNumber ?? '')).map((o) => o.orgNumber)).toEqual([]);
  });

  it('keeps every reference inside the register', () => {
    for (const [name, list] of Object.entries({
      organisations: doc.organisations,
      memberships: doc.memberships,
      contacts: doc.contacts,
      services: doc.services,
      usages: doc.usages,
      networks: doc.networks,
      roster: doc.networks.flatMap((n) => n.roster),
      meetings: doc.networks.flatMap((n) => n.meetings),
      lines: doc.budget.lines,
      goals: doc.goals,
      changeLog: doc.changeLog,
    })) {
      expectUnique(list.map((item) => item.id), `${name} ids`);
    }
    const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
    const contactById = new Map(doc.contacts.map((c) => [c.id, c]));
    const serviceIds = new Set(doc.services.map((s) => s.id));
    expect(doc.memberships.filter((m) => !orgById.has(m.organisationId))).toEqual([]);
    expect(doc.contacts.filter((c) => !orgById.has(c.organisationId))).toEqual([]);
    expect(doc.usages.filter((u) => !orgById.has(u.organisationId) || !serviceIds.has(u.serviceId))).toEqual([]);
    expect(doc.usages.filter((u) => u.viaOrganisationId !== undefined && (!orgById.has(u.viaOrganisationId) || u.viaOrganisationId === u.organisationId))).toEqual([]);
    for (const org of doc.organisations) {
      for (const memberId of org.groupMemberIds) expect(orgById.get(memberId)?.kind, `${org.name} lists ${memberId}`).toBe('kommun');
    }
    for (const network of doc.networks) {
      for (const entry of network.roster) {
        const parties = [entry.contactId !== undefined || entry.organisationId !== undefined, entry.externalName !== undefined];
        expect(parties.filter(Boolean), entry.id).toHaveLength(1);
        if (entry.organisationId !== undefined) expect(orgById.has(entry.organisationId)).toBe(true);
        if (entry.contactId !== undefined) expect(contactById.get(entry.contactId)?.organisationId).toBe(entry.organisationId);
      }
      if (network.serviceId !== undefined) {
        expect(network.kind).toBe('forvaltningsrad');
        expect(doc.services.find((s) => s.id === network.serviceId)?.councilNetworkId).toBe(network.id);
      }
    }
    for (const service of doc.services) {
      if (service.councilNetworkId !== undefined) expect(doc.networks.find((n) => n.id === service.councilNetworkId)?.serviceId).toBe(service.id);
    }
  });

  it('meets the rules the register enforces on edits: periods, overlaps, e-mail, phone, pricing, unique names', () => {
    for (const [orgId, periods] of groupBy(doc.memberships, (m) => m.organisationId)) {
      for (const p of periods) {
        assertPeriodValid(p);
        assertNoPeriodOverlap(periods, orgId, p, p.id);
      }
    }
    for (const records of groupBy(doc.usages, (u) => `${u.organisationId} ${u.serviceId}`).values()) {
      for (const u of records) {
        expect(u.to === undefined || u.from <= u.to, u.id).toBe(true);
        assertNoOverlap(records, u, u.id);
      }
    }
    for (const network of doc.networks) {
      for (const entry of network.roster) assertNoRosterOverlap(network.roster, entry, entry.id);
    }
    const badEmails = doc.contacts.filter((c) => c.email !== '' && !(() => { const p = parseEmail(c.email); return p.ok && p.value === c.email; })());
    expect(badEmails.map((c) => c.email)).toEqual([]);
    const badPhones = doc.contacts.filter((c) => c.phone !== '' && !(() => { const p = parsePhone(c.phone); return p.ok && p.value === c.phone; })());
    expect(badPhones.map((c) => c.phone)).toEqual([]);
    expect(doc.services.flatMap((s) => s.pricing.flatMap((p) => pricingModelIssues(p.model)))).toEqual([]);
    expectUnique(doc.services.map((s) => nameKey(s.name)), 'service names');
    expectUnique(doc.networks.map((n) => `${n.kind} ${nameKey(n.name)}`), 'network names per kind');
  });

  it('has realistic histories: leaving and rejoining members, ended and open usages, groups and hosts', () => {
    const periodsPerOrg = groupBy(doc.memberships, (m) => m.organisationId);
    const left = doc.memberships.filter((m: Membership) => m.left !== undefined);
    expect(left.length).toBeGreaterThan(5);
    expect(left.every((m) => m.noticeGiven !== undefined && m.noticeGiven <= (m.left ?? ''))).toBe(true);
    expect([...periodsPerOrg.values()].some((periods) => periods.length > 1)).toBe(true);
    const members = memberIdsAt(doc, DEMO_AS_OF);
    expect(members.size).toBeGreaterThan(100);
    expect(members.size).toBeLessThan(400);

    expect(doc.usages.some((u: Usage) => u.to === undefined)).toBe(true);
    expect(doc.usages.some((u) => u.to !== undefined)).toBe(true);
    expect(doc.usages.some((u) => u.viaOrganisationId !== undefined)).toBe(true);
    const groupIds = new Set(doc.organisations.filter((o) => o.groupMemberIds.length > 0).map((o) => o.id));
    expect(doc.usages.some((u) => groupIds.has(u.organisationId))).toBe(true);
    expect(new Set(doc.services.flatMap((s) => s.pricing.map((p) => p.model.kind)))).toEqual(new Set(['fixed', 'banded', 'per-inhabitant']));

    const matrix = buildUsageMatrix(doc, DEMO_AS_OF, { scope: 'all' } as Parameters<typeof buildUsageMatrix>[2]);
    expect(matrix.columns.every((c) => c.users > 0)).toBe(true);
    expect(matrix.totals.rowsUsingExactlyOne).toBeGreaterThan(0);
  });

  it('gives contacts e-mail, phone, business areas and roles, with some ended and some never confirmed', () => {
    expect(doc.contacts.filter((c) => c.email !== '').length).toBeGreaterThan(1800);
    expect(doc.contacts.filter((c) => c.phone !== '').length).toBeGreaterThan(1500);
    expect(doc.contacts.some((c) => c.businessAreas.length === 2)).toBe(true);
    expect(new Set(doc.contacts.flatMap((c) => c.businessAreas)).size).toBe(5);
    expect(new Set(doc.contacts.flatMap((c) => c.roles)).size).toBe(4);
    expect(doc.contacts.some((c) => c.endedAt !== undefined)).toBe(true);
    expect(doc.contacts.some((c) => c.confirmedAt === undefined)).toBe(true);
  });

  it('records attendance only of persons on the roster at the meeting, and none for meetings still to come', () => {
    let attended = 0;
    for (const network of doc.networks) {
      for (const meeting of network.meetings) {
        if (meeting.date > DEMO_AS_OF) expect(meeting.attendeeContactIds).toEqual([]);
        for (const contactId of meeting.attendeeContactIds) {
          const onRoster = network.roster.some(
            (e) => e.contactId === contactId && e.from <= meeting.date && (e.to === undefined || meeting.date <= e.to),
          );
          expect(onRoster, `${meeting.id} ${contactId}`).toBe(true);
          attended += 1;
        }
      }
    }
    expect(attended).toBeGreaterThan(500);
    expect(new Set(doc.networks.map((n) => n.kind))).toEqual(new Set(['forvaltningsrad', 'kompetensnatverk', 'projekt', 'partnerskap']));
  });

  it('builds the budget from leaves: sub-lines under existing parents, no amount on a parent', () => {
    const ids = new Set(doc.budget.lines.map((l) => l.id));
    expect(doc.budget.lines.filter((l) => l.parentId !== undefined && !ids.has(l.parentId))).toEqual([]);
    const parents = doc.budget.lines.filter((l) => hasChildren(doc.budget.lines, l.id)).map((l) => l.id);
    expect(parents.length).toBeGreaterThan(0);
    for (const column of doc.budget.columns) {
      for (const parent of parents) expect(column.amounts[parent], `${column.id} ${parent}`).toBeUndefined();
    }
    expect(new Set(doc.budget.columns.map((c) => c.kind))).toEqual(new Set(['budget', 'prognos']));
  });
});

describe('demo register at scale 10 (quick check)', () => {
  it('has ten times the size and validates', { timeout: 120_000 }, () => {
    const big: SambrukDocument = generateDemoDocument({ scale: 10, seed: 'test-seed', base });
    expect(big.organisations).toHaveLength(4000);
    expect(big.contacts).toHaveLength(20_000);
    expect(big.usages).toHaveLength(40_000);
    expect(big.networks).toHaveLength(200);
    expect(big.networks.reduce((sum, n) => sum + n.meetings.length, 0)).toBe(5000);
    expect(new Set(big.budget.columns.map((c) => c.year)).size).toBe(10);
    expect(big.organisations.filter((o) => o.kind === 'kommun')).toHaveLength(290);
    expect(documentSchema.safeParse(big).success).toBe(true);
  });
});

describe('demo register: invoicing', () => {
  it('gives every organisation example billing details with its own customer number, and example settings', () => {
    const { settings, billing, articles } = doc.invoicing;
    expect(billing.map((b) => b.organisationId).sort()).toEqual(doc.organisations.map((o) => o.id).sort());
    expectUnique(billing.map((b) => String(b.customerNumber)), 'customer numbers');
    expect(billing.every((b) => b.example && b.invoiceAddress?.street.startsWith('Exempelgatan') && b.invoiceEmail?.endsWith('.exempel.se'))).toBe(true);
    expect(settings[0]).toMatchObject({ example: true, nextCustomerNumber: 1001 + billing.length });
    expect(articles.map((a) => a.kind)).toContain('yearly-fee');
  });

  it('lets the demo year be drafted and issued with nothing missing', () => {
    const year = Number(DEMO_AS_OF.slice(0, 4));
    let n = 0;
    const plan = planRun(doc, { year, kind: 'year' }, { ids: () => `t-${++n}`, now: `${DEMO_AS_OF}T10:00:00.000Z` });
    expect(plan.newBilling).toEqual([]);
    expect(plan.invoices.length).toBeGreaterThan(100);
    const blockers = issueBlockers(doc, plan.invoices);
    expect(blockers).toEqual({ association: [], customers: [] });
  });
});

describe('demo helpers', () => {
  it('makes organisation numbers with a valid check digit', () => {
    expect(withCheckDigit('212000014')).toBe('212000-0142');
    expect(isCanonicalOrgNumber(withCheckDigit('556000123'))).toBe(true);
  });

  it('draws the same sequence for the same seed', () => {
    const a = createRandom('x');
    const b = createRandom('x');
    const c = createRandom('y');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('refuses a scale outside (0, 100]', () => {
    expect(() => demoSizes(0)).toThrow(RangeError);
    expect(() => demoSizes(Number.NaN)).toThrow(RangeError);
    expect(demoSizes(10).budgetYears).toBe(10);
    expect(demoSizes(30).budgetYears).toBe(30);
    expect(demoSizes(50).budgetYears).toBe(30);
  });
});
