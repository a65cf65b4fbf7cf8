import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { contact, entry, makeDocument, membership, municipality, network, organisation, service } from '../../fixtures/services/documents';

function setup() {
  return createTestServices({
    initial: makeDocument({
      organisations: [municipality('Kil'), municipality('Ale'), organisation('ne', 'NE Nationalencyklopedin', 'annan')],
      memberships: [membership('org-Kil', '2020-01-01')],
      contacts: [
        contact('anna', 'org-Kil', 'Anna Andersson', 'anna@kil.se'),
        contact('bo', 'org-Ale', 'Bo Berg', 'bo@ale.se'),
      ],
      services: [service('egil', 'EGIL')],
      networks: [
        network('sig', 'kompetensnatverk', 'Digital signering'),
        network('iot', 'kompetensnatverk', 'IoT i kommunal verksamhet'),
        network('proj', 'projekt', 'Hantering av appar'),
      ],
    }),
  });
}

describe('networks', () => {
  it('creates, lists by kind then name, updates and archives networks', async () => {
    const { call, repo } = setup();
    const created = await call('networks/create', { kind: 'partnerskap', name: 'Skolverket', startDate: '2022-01-01' });
    expect(created).toMatchObject({ ok: true, data: { kind: 'partnerskap', name: 'Skolverket', roster: [], meetings: [] } });
    const list = await call('networks/list', {});
    expect(list.ok && list.data.map((n) => n.name)).toEqual(['Digital signering', 'IoT i kommunal verksamhet', 'Hantering av appar', 'Skolverket']);
    const onlyProjects = await call('networks/list', { kind: 'projekt' });
    expect(onlyProjects.ok && onlyProjects.data.map((n) => n.id)).toEqual(['proj']);

    await call('networks/update', { networkId: 'proj', description: 'Juridisk hantering av appar', endDate: '2022-12-31' });
    expect(repo.get().networks.find((n) => n.id === 'proj')).toMatchObject({ description: 'Juridisk hantering av appar', endDate: '2022-12-31' });
    const backwards = await call('networks/update', { networkId: 'proj', startDate: '2023-01-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation', field: 'endDate' } });

    await call('networks/archive', { networkId: 'proj' });
    const after = await call('networks/list', {});
    expect(after.ok && after.data.some((n) => n.id === 'proj')).toBe(false);
  });

  it('refuses a duplicate name within a kind, and a service on a network that is not a förvaltningsråd', async () => {
    const { call } = setup();
    const dup = await call('networks/create', { kind: 'kompetensnatverk', name: 'digital  signering' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'duplicate', field: 'name' } });
    if (!dup.ok) expect(dup.error.message).toMatch(/^Namn: /);
    expect((await call('networks/create', { kind: 'projekt', name: 'Digital signering' })).ok).toBe(true);
    const withService = await call('networks/create', { kind: 'kompetensnatverk', name: 'Nytt', serviceId: 'egil' });
    expect(withService).toMatchObject({ ok: false, error: { code: 'validation', field: 'serviceId' } });
  });

  it('links a new förvaltningsråd to its service, and lets go of it when it becomes another kind', async () => {
    const { call, repo } = setup();
    const created = await call('networks/create', { kind: 'forvaltningsrad', name: 'Förvaltningsråd EGIL', serviceId: 'egil' });
    const id = created.ok ? created.data.id : '';
    expect(repo.get().services[0]?.councilNetworkId).toBe(id);
    await call('networks/update', { networkId: id, kind: 'kompetensnatverk' });
    expect(repo.get().services[0]?.councilNetworkId).toBeUndefined();
    expect(repo.get().networks.find((n) => n.id === id)?.serviceId).toBeUndefined();
  });
});

describe('roster', () => {
  it('adds organisations (members or not), persons and external participants, and counts them at dates', async () => {
    const { call } = setup();
    await call('networks/add-entry', { networkId: 'sig', organisationId: 'org-Ale', from: '2022-01-01' });
    await call('networks/add-entry', { networkId: 'sig', contactId: 'anna', role: 'sammankallande', from: '2022-02-01', to: '2022-06-30' });
    await call('networks/add-entry', { networkId: 'sig', externalName: 'Högskolan i Skövde', participation: 'partner', from: '2022-03-01' });

    const count = async (date: string) => {
      const r = await call('networks/get', { networkId: 'sig', date });
      return r.ok ? [r.data.activeEntries, r.data.activePersons] : [];
    };
    expect(await count('2021-12-31')).toEqual([0, 0]);
    expect(await count('2022-01-01')).toEqual([1, 0]);
    expect(await count('2022-02-01')).toEqual([2, 1]);
    expect(await count('2022-06-30')).toEqual([3, 1]);
    expect(await count('2022-07-01')).toEqual([2, 0]);

    const detail = await call('networks/get', { networkId: 'sig', date: '2022-03-01' });
    const anna = detail.ok ? detail.data.roster.find((e) => e.contactId === 'anna') : undefined;
    // A person's entry stands for the person's organisation.
    expect(anna).toMatchObject({ displayName: 'Anna Andersson', organisationId: 'org-Kil', organisationName: 'Kil', role: 'sammankallande', active: true });
  });

  it('refuses an entry naming nobody, two kinds of participant, or a person with another organisation', async () => {
    const { call } = setup();
    const nobody = await call('networks/add-entry', { networkId: 'sig', from: '2022-01-01' });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'validation' } });
    const both = await call('networks/add-entry', { networkId: 'sig', externalName: 'NE', organisationId: 'org-Ale', from: '2022-01-01' });
    expect(both).toMatchObject({ ok: false, error: { code: 'validation', field: 'externalName' } });
    if (!both.ok) expect(both.error.message).toMatch(/^Extern deltagare: /);
    const wrongOrg = await call('networks/add-entry', { networkId: 'sig', contactId: 'anna', organisationId: 'org-Ale', from: '2022-01-01' });
    expect(wrongOrg).toMatchObject({ ok: false, error: { code: 'validation', field: 'organisationId' } });
    const backwards = await call('networks/add-entry', { networkId: 'sig', contactId: 'anna', from: '2022-02-01', to: '2022-01-31' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!backwards.ok) expect(backwards.error.message).toMatch(/^Till och med: /);
  });

  it('refuses overlapping entries for the same participant, and accepts a new one after the first ends', async () => {
    const { call } = setup();
    await call('networks/add-entry', { networkId: 'sig', contactId: 'anna', from: '2022-01-01', to: '2022-03-31' });
    const overlap = await call('networks/add-entry', { networkId: 'sig', contactId: 'anna', role: 'ordforande', from: '2022-03-31' });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'conflict', field: 'from' } });
    expect((await call('networks/add-entry', { networkId: 'sig', contactId: 'anna', role: 'ordforande', from: '2022-04-01' })).ok).toBe(true);
    // An organisation-only entry is another participant than the organisation's person.
    expect((await call('networks/add-entry', { networkId: 'sig', organisationId: 'org-Kil', from: '2022-01-01' })).ok).toBe(true);
  });

  it('updates role and dates, ends an entry on an inclusive last day, and removes one', async () => {
    const { call, repo } = setup();
    const added = await call('networks/add-entry', { networkId: 'sig', contactId: 'bo', from: '2022-01-01' });
    const entryId = added.ok ? added.data.id : '';
    await call('networks/update-entry', { networkId: 'sig', entryId, role: 'ordforande', participation: 'medfinansiar' });
    expect(repo.get().networks[0]?.roster[0]).toMatchObject({ role: 'ordforande', participation: 'medfinansiar' });

    expect(await call('networks/end-entry', { networkId: 'sig', entryId, to: '2021-12-31' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    await call('networks/end-entry', { networkId: 'sig', entryId, to: '2022-05-31' });
    expect(repo.get().networks[0]?.roster[0]?.to).toBe('2022-05-31');
    await call('networks/update-entry', { networkId: 'sig', entryId, to: null });
    expect(repo.get().networks[0]?.roster[0]?.to).toBeUndefined();

    expect(await call('networks/remove-entry', { networkId: 'sig', entryId })).toEqual({ ok: true, data: { removed: entryId } });
    expect(repo.get().networks[0]?.roster).toEqual([]);
    expect(await call('networks/remove-entry', { networkId: 'sig', entryId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('ending a person everywhere', () => {
  function withAnna() {
    return createTestServices({
      initial: makeDocument({
        organisations: [municipality('Kil')],
        contacts: [contact('anna', 'org-Kil', 'Anna Andersson', 'anna@kil.se'), contact('bo', 'org-Kil', 'Bo Berg')],
        networks: [
          network('a', 'kompetensnatverk', 'A', { roster: [entry('a1', { contactId: 'anna', from: '2021-01-01' }), entry('a2', { contactId: 'bo', from: '2021-01-01' })] }),
          network('b', 'projekt', 'B', { roster: [entry('b1', { contactId: 'anna', from: '2021-01-01', to: '2022-12-31' })] }),
          network('c', 'partnerskap', 'C', { roster: [entry('c1', { contactId: 'anna', from: '2021-01-01', to: '2021-12-31' })] }),
          network('d', 'kompetensnatverk', 'D', { archived: true, roster: [entry('d1', { contactId: 'anna', from: '2022-09-01' })] }),
        ],
      }),
    });
  }

  it('ends every entry in force on or after the date, in every network, removes later ones, leaves history', async () => {
    const { call, repo } = withAnna();
    const result = await call('networks/end-person', { contactId: 'anna', date: '2022-06-30' });
    expect(result).toEqual({ ok: true, data: { ended: 2, removed: 1, networkIds: ['a', 'b', 'd'] } });
    const roster = (id: string) => repo.get().networks.find((n) => n.id === id)?.roster ?? [];
    expect(roster('a')).toEqual([entry('a1', { contactId: 'anna', from: '2021-01-01', to: '2022-06-30' }), entry('a2', { contactId: 'bo', from: '2021-01-01' })]);
    expect(roster('b')[0]?.to).toBe('2022-06-30');
    expect(roster('c')[0]?.to).toBe('2021-12-31');
    expect(roster('d')).toEqual([]);
  });

  it('is one change: one undo brings every entry back', async () => {
    const { call, repo } = withAnna();
    const before = repo.get().networks;
    const revision = repo.get().meta.revision;
    const ended = await call('networks/end-person', { contactId: 'anna', date: '2022-06-30' });
    if (!ended.ok) throw new Error(ended.error.message);
    expect(repo.get().meta.revision).toBe(revision + 1);
    // One entry per roster entry changed, all of the one change, all about the person.
    const entries = repo.get().changeLog.filter((c) => c.entity === 'roster-entry');
    expect(entries).toHaveLength(ended.data.ended + ended.data.removed);
    expect(new Set(entries.map((e) => e.changeId)).size).toBe(1);
    expect(entries.every((e) => e.contactId === 'anna')).toBe(true);
    await call('history/undo', {});
    expect(repo.get().networks).toEqual(before);
  });

  it('changes nothing when the person has nothing left to end', async () => {
    const { call, repo } = withAnna();
    const revision = repo.get().meta.revision;
    expect(await call('networks/end-person', { contactId: 'bo', date: '2022-01-01' })).toMatchObject({ ok: true, data: { ended: 1, removed: 0 } });
    expect(await call('networks/end-person', { contactId: 'bo', date: '2022-01-01' })).toEqual({ ok: true, data: { ended: 0, removed: 0, networkIds: [] } });
    expect(repo.get().meta.revision).toBe(revision + 1);
    expect(await call('networks/end-person', { contactId: 'nobody', date: '2022-01-01' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
