import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { feeTable2020, referenceDocument } from '../../fixtures/register/documents';
import type { Result } from '../../../electron/contract';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

function setUp() {
  return createTestServices({ initial: referenceDocument({ feeTables: [feeTable2020] }), now: '2022-06-30T10:00:00.000Z' });
}

describe('members/create with the first membership: one change, all or nothing', () => {
  it('saves the organisation and its period as one change that one undo takes back', async () => {
    const { call, repo } = setUp();
    const org = data(await call('members/create', { kind: 'kommun', municipalityCode: '0684', membership: { joined: '2022-03-15' } }));
    const doc = repo.get();
    expect(doc.memberships).toEqual([expect.objectContaining({ organisationId: org.id, joined: '2022-03-15', note: '' })]);
    expect(doc.memberships[0]).not.toHaveProperty('startKnown');
    const entries = doc.changeLog.filter((e) => e.organisationId === org.id);
    expect(entries.map((e) => e.entity)).toEqual(['organisation', 'membership']);
    expect(new Set(entries.map((e) => e.changeId)).size).toBe(1);
    expect(data(await call('history/get-state', {})).undoSummary).toBe('Lade till Sävsjö som medlem');

    data(await call('history/undo', {}));
    expect(repo.get().organisations).toEqual([]);
    expect(repo.get().memberships).toEqual([]);
  });

  it('stores a «före» start as such, and the member pays no entry fee', async () => {
    const { call, repo } = setUp();
    const org = data(await call('members/create', { kind: 'kommun', municipalityCode: '0684', membership: { joined: '2022-01-01', startKnown: 'before' } }));
    expect(repo.get().memberships[0]).toMatchObject({ joined: '2022-01-01', startKnown: 'before' });
    const fee = data(await call('members/get', { id: org.id, date: '2022-06-30' })).fee;
    expect(fee).toMatchObject({ months: 12, entryFeeOre: 0 });
  });

  it('refuses a mistyped date at the field it belongs to and saves nothing', async () => {
    const { call, repo } = setUp();
    const before = repo.get();
    const refused = await call('members/create', { kind: 'kommun', municipalityCode: '0684', membership: { joined: '15/3/2022' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'membership.joined' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Inträdesdatum: /);
    expect(repo.get()).toBe(before);
  });

  it('a refused organisation (a duplicate) saves no period either', async () => {
    const { call, repo } = setUp();
    data(await call('members/create', { kind: 'kommun', municipalityCode: '0684' }));
    const before = repo.get();
    const refused = await call('members/create', { kind: 'kommun', municipalityCode: '0684', membership: { joined: '2022-03-15' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'duplicate', field: 'municipalityCode' } });
    expect(repo.get()).toBe(before);
    expect(repo.get().memberships).toEqual([]);
  });
});
