import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisArticleKey, basisReference, customerKey, serviceKey } from '../../../electron/core/domain/basis-references';
import { accountantModel } from '../../../electron/core/exports/accountant-model';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { accountantFixture } from '../exports/accountant-fixture';

const YEAR = 2022;

describe('basis references', () => {
  it('read <customer number>-<year>-<article>, with K?- and the municipality code or id while the number is missing', () => {
    const habo = { id: 'org-kommun-0643', municipalityCode: '0643' };
    expect(basisReference(habo, { customerNumber: 1001 }, 2022, { kind: 'arsavgift' })).toBe('1001-2022-arsavgift');
    expect(basisReference(habo, { customerNumber: 1001 }, 2022, { kind: 'insats' })).toBe('1001-2022-insats');
    expect(basisReference(habo, { customerNumber: 1001 }, 2022, { kind: 'insats', rejoinedOn: '2022-09-15' })).toBe('1001-2022-insats-20220915');
    expect(basisReference(habo, { customerNumber: 1001 }, 2022, { kind: 'tjanst', serviceId: 'svc-egil' })).toBe('1001-2022-tjanst-egil');
    expect(basisReference(habo, undefined, 2023, { kind: 'arsavgift' })).toBe('K?-0643-2023-arsavgift');
    expect(customerKey({ id: 'org-goteborgsregionen' }, undefined)).toBe('K?-org-goteborgsregionen');
  });

  it('key a service by its id, never its name: the default data’s svc- prefix is dropped, a generated id kept whole', () => {
    expect(serviceKey('svc-uka-beda')).toBe('uka-beda');
    expect(serviceKey({ id: '3f2a9c1e-0b7d-4c55-9a21-6d0e8f4b2c10' })).toBe('3f2a9c1e-0b7d-4c55-9a21-6d0e8f4b2c10');
    expect(serviceKey('svc-')).toBe('svc-');
    expect(basisArticleKey({ kind: 'tjanst', serviceId: 'x' })).toBe('tjanst-x');
  });
});

/** A line's identity whatever else exists: who, what, and the period it starts. */
const identity = (l: { organisationId: string; kind: string; serviceId?: string | undefined; from: string }) => `${l.organisationId}|${l.kind}|${l.serviceId ?? ''}|${l.from}`;

function referencesOf(doc: SambrukDocument): Map<string, string> {
  return new Map(accountantModel(doc, { year: YEAR }).invoiceLines.map((l) => [identity(l), l.reference]));
}

describe('basis references (property)', () => {
  const base = accountantFixture();
  const orgIds = base.organisations.map((o) => o.id);
  const serviceIds = base.services.map((s) => s.id);

  /** The register with some organisations' billing details, and optionally some members and prices taken away. */
  function variant(billed: readonly boolean[], notMembers: readonly boolean[] = [], notUsers: readonly boolean[] = [], unpriced: readonly boolean[] = []): SambrukDocument {
    const gone = new Set(orgIds.filter((_, i) => notMembers[i]));
    const away = new Set(orgIds.filter((_, i) => notUsers[i]));
    const free = new Set(serviceIds.filter((_, i) => unpriced[i]));
    return {
      ...base,
      memberships: base.memberships.filter((m) => !gone.has(m.organisationId)),
      usages: base.usages.filter((u) => !away.has(u.organisationId)),
      services: base.services.map((s) => (free.has(s.id) ? { ...s, pricing: [] } : s)),
      invoicing: {
        ...base.invoicing,
        billing: orgIds.flatMap((id, i) => (billed[i] ? [{ id: `b-${id}`, organisationId: id, customerNumber: 2001 + i, example: false }] : [])),
      },
    };
  }

  it('no line changes its reference when other members or other service prices are added or removed', () => {
    const flags = (n: number) => fc.array(fc.boolean(), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(flags(orgIds.length), flags(orgIds.length), flags(orgIds.length), flags(serviceIds.length), (billed, notMembers, notUsers, unpriced) => {
        const all = referencesOf(variant(billed));
        const fewer = referencesOf(variant(billed, notMembers, notUsers, unpriced));
        // Every line of the smaller register is in the full one, under the same reference.
        for (const [line, reference] of fewer) expect(all.get(line)).toBe(reference);
        // And references stay unique, so a line can be found by its reference alone.
        expect(new Set(fewer.values()).size).toBe(fewer.size);
        expect(new Set(all.values()).size).toBe(all.size);
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it('gives a customer’s lines its customer number once it has one', () => {
    const billedAll = variant(orgIds.map(() => true));
    for (const reference of referencesOf(billedAll).values()) expect(reference).toMatch(/^20\d\d-2022-(arsavgift|insats(-\d{8})?|tjanst-[a-z]+)$/);
    const none = variant([]);
    for (const reference of referencesOf(none).values()) expect(reference).toMatch(/^K\?-/);
  });
});
