import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { makeDocument, membership, municipality, organisation, service, usage } from '../../fixtures/services/documents';
import type { Usage } from '../../../electron/core/store/schema';
import { unpackCells } from '../../../electron/contract/rules/matrix-cells';

function setup(usages: Usage[] = []) {
  return createTestServices({
    initial: makeDocument({
      organisations: [
        municipality('Kil'),
        municipality('Ale'),
        municipality('Göteborg'),
        organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale', 'org-Göteborg'] }),
      ],
      memberships: [membership('org-Kil', '2020-01-01'), membership('gr', '2020-01-01')],
      services: [service('a', 'Alfa'), service('old', 'Gammal', [], { archived: true })],
      usages,
    }),
  });
}

async function inUse(call: ReturnType<typeof setup>['call'], organisationId: string, date: string) {
  const result = await call('usage/get-matrix', { date, scope: 'all' });
  if (!result.ok) throw new Error(result.error.message);
  const column = result.data.columns.findIndex((c) => c.serviceId === 'a');
  return unpackCells(result.data.rows.find((r) => r.organisationId === organisationId)?.cells ?? '').has(column);
}

describe('usage records', () => {
  it('starts use with names in the answer and a change-log entry on the organisation', async () => {
    const { call, repo } = setup();
    const result = await call('usage/start', { organisationId: 'org-Kil', serviceId: 'a', from: '2022-05-01', note: 'Avtal tecknat' });
    expect(result).toMatchObject({ ok: true, data: { organisationName: 'Kil', serviceName: 'Alfa', from: '2022-05-01', note: 'Avtal tecknat' } });
    expect(repo.get().usages).toHaveLength(1);
    expect(repo.get().changeLog.at(-1)).toMatchObject({ entity: 'usage', organisationId: 'org-Kil', action: 'create' });
    const list = await call('usage/list', { organisationId: 'org-Kil' });
    expect(list.ok && list.data.map((u) => u.serviceName)).toEqual(['Alfa']);
  });

  it('refuses a period that overlaps another of the same organisation and service, and allows one after it', async () => {
    const { call } = setup([usage('u1', 'org-Kil', 'a', '2021-01-01', '2021-12-31')]);
    const overlapping = await call('usage/start', { organisationId: 'org-Kil', serviceId: 'a', from: '2021-12-31' });
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'conflict', field: 'from', details: { existingId: 'u1' } } });
    if (!overlapping.ok) expect(overlapping.error.message).toMatch(/^Från och med: .*2021-01-01 – 2021-12-31/);
    const after = await call('usage/start', { organisationId: 'org-Kil', serviceId: 'a', from: '2022-01-01' });
    expect(after.ok).toBe(true);
    const other = await call('usage/start', { organisationId: 'org-Ale', serviceId: 'a', from: '2021-06-01' });
    expect(other.ok).toBe(true);
  });

  it('refuses an end before the start, naming Till och med', async () => {
    const { call } = setup([usage('u1', 'org-Kil', 'a', '2022-03-01')]);
    const atStart = await call('usage/start', { organisationId: 'org-Ale', serviceId: 'a', from: '2022-03-01', to: '2022-02-28' });
    expect(atStart).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!atStart.ok) expect(atStart.error.message).toMatch(/^Till och med: /);
    const ending = await call('usage/end', { usageId: 'u1', to: '2022-02-28' });
    expect(ending).toMatchObject({ ok: false, error: { code: 'validation', field: 'to' } });
    if (!ending.ok) expect(ending.error.message).toMatch(/^Till och med: /);
  });

  it('ends use on an inclusive last day', async () => {
    const { call } = setup([usage('u1', 'org-Kil', 'a', '2022-03-01')]);
    expect((await call('usage/end', { usageId: 'u1', to: '2022-03-01' })).ok).toBe(true);
    expect(await inUse(call, 'org-Kil', '2022-03-01')).toBe(true);
    expect(await inUse(call, 'org-Kil', '2022-03-02')).toBe(false);
  });

  it('edits a record: reopens it with to = null, sets and clears the via organisation, refuses itself as via', async () => {
    const { call, repo } = setup([usage('u1', 'org-Kil', 'a', '2022-03-01', '2022-04-01')]);
    expect((await call('usage/update', { usageId: 'u1', to: null, viaOrganisationId: 'gr', note: 'via GR' })).ok).toBe(true);
    expect(repo.get().usages[0]).toEqual({ ...usage('u1', 'org-Kil', 'a', '2022-03-01', undefined, 'gr'), note: 'via GR' });
    expect((await call('usage/update', { usageId: 'u1', viaOrganisationId: null })).ok).toBe(true);
    expect(repo.get().usages[0]?.viaOrganisationId).toBeUndefined();
    const self = await call('usage/update', { usageId: 'u1', viaOrganisationId: 'org-Kil' });
    expect(self).toMatchObject({ ok: false, error: { code: 'validation', field: 'viaOrganisationId' } });
    if (!self.ok) expect(self.error.message).toMatch(/^Via organisation: /);
    const missing = await call('usage/update', { usageId: 'u1', viaOrganisationId: 'nobody' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const backwards = await call('usage/update', { usageId: 'u1', from: '2022-05-01', to: '2022-04-30' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('deletes a record and answers not-found for it afterwards', async () => {
    const { call, repo } = setup([usage('u1', 'org-Kil', 'a', '2022-03-01')]);
    expect(await call('usage/delete', { usageId: 'u1' })).toEqual({ ok: true, data: { deleted: 'u1' } });
    expect(repo.get().usages).toEqual([]);
    expect(await call('usage/delete', { usageId: 'u1' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses to start an archived service or an unknown organisation', async () => {
    const { call } = setup();
    expect(await call('usage/start', { organisationId: 'org-Kil', serviceId: 'old', from: '2022-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'serviceId' },
    });
    expect(await call('usage/start', { organisationId: 'nobody', serviceId: 'a', from: '2022-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'organisationId' },
    });
  });
});

describe('usage/toggle', () => {
  it('starts use at the date when not in use, open-ended', async () => {
    const { call, repo } = setup();
    const result = await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'a', date: '2022-06-30' });
    expect(result).toMatchObject({ ok: true, data: { inUse: true, action: 'started' } });
    expect(repo.get().usages).toEqual([expect.objectContaining({ organisationId: 'org-Kil', serviceId: 'a', from: '2022-06-30' })]);
    expect(repo.get().usages[0]?.to).toBeUndefined();
    expect(await inUse(call, 'org-Kil', '2022-06-30')).toBe(true);
  });

  it('ends use so that the date is no longer in use: the record ends the day before', async () => {
    const { call, repo } = setup([usage('u1', 'org-Kil', 'a', '2021-01-01')]);
    const result = await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'a', date: '2022-03-01' });
    expect(result).toEqual({
      ok: true,
      data: { inUse: false, action: 'ended', usageId: 'u1', historySummary: 'Ändrade användning i matrisen: Kil – Alfa (2022-03-01)' },
    });
    expect(repo.get().usages[0]?.to).toBe('2022-02-28');
    expect(await inUse(call, 'org-Kil', '2022-02-28')).toBe(true);
    expect(await inUse(call, 'org-Kil', '2022-03-01')).toBe(false);
  });

  it('removes a record that began on the toggled date, so on-then-off leaves nothing behind', async () => {
    const { call, repo } = setup();
    await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'a', date: '2022-06-30' });
    const off = await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'a', date: '2022-06-30' });
    expect(off).toMatchObject({ ok: true, data: { inUse: false, action: 'removed' } });
    expect(repo.get().usages).toEqual([]);
  });

  it('bounds a new record before a later one instead of overlapping it', async () => {
    const { call, repo } = setup([usage('later', 'org-Kil', 'a', '2022-09-01')]);
    await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'a', date: '2022-06-30' });
    expect(repo.get().usages.find((u) => u.id !== 'later')).toMatchObject({ from: '2022-06-30', to: '2022-08-31' });
  });

  it('refuses to toggle off a use that comes only through the group, naming the group', async () => {
    const { call, repo } = setup([usage('g', 'gr', 'a', '2021-01-01')]);
    const result = await call('usage/toggle', { organisationId: 'org-Göteborg', serviceId: 'a', date: '2022-06-30' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', details: { existingId: 'g' } } });
    if (!result.ok) expect(result.error.message).toContain('Göteborgsregionen');
    expect(repo.get().usages).toHaveLength(1);
  });

  it('ends the own record of a municipality that also uses through its group, and reports it still in use', async () => {
    const { call } = setup([usage('g', 'gr', 'a', '2021-01-01'), usage('own', 'org-Ale', 'a', '2021-01-01')]);
    const result = await call('usage/toggle', { organisationId: 'org-Ale', serviceId: 'a', date: '2022-06-30' });
    expect(result).toEqual({
      ok: true,
      data: { inUse: true, action: 'ended', usageId: 'own', historySummary: 'Ändrade användning i matrisen: Ale – Alfa (2022-06-30)' },
    });
    expect(await inUse(call, 'org-Ale', '2022-06-30')).toBe(true);
  });

  it('is one undoable change: undo restores the record, redo ends it again', async () => {
    const { call, repo } = setup([usage('u1', 'org-Kil', 'a', '2021-01-01')]);
    const before = repo.get().usages;
    await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'a', date: '2022-03-01' });
    const toggled = repo.get().usages;
    expect(toggled).not.toEqual(before);

    const undo = await call('history/undo', {});
    expect(undo).toMatchObject({ ok: true, data: { canUndo: false, canRedo: true } });
    expect(repo.get().usages).toEqual(before);
    expect(await inUse(call, 'org-Kil', '2022-03-01')).toBe(true);

    await call('history/redo', {});
    expect(repo.get().usages).toEqual(toggled);
  });

  it('undoes a started use back to no record at all', async () => {
    const { call, repo } = setup();
    await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'a', date: '2022-06-30' });
    expect(repo.get().usages).toHaveLength(1);
    await call('history/undo', {});
    expect(repo.get().usages).toEqual([]);
    expect(repo.get().changeLog.length).toBeGreaterThan(0);
  });
});
