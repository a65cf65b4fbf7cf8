import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { makeDocument, membership, municipality, network, organisation, service, usage } from '../../fixtures/services/documents';

function setup() {
  return createTestServices({
    initial: makeDocument({
      organisations: [
        municipality('Kil'),
        municipality('Ale'),
        municipality('Göteborg'),
        organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale', 'org-Göteborg'] }),
      ],
      memberships: [membership('org-Kil', '2020-01-01'), membership('gr', '2020-01-01')],
      services: [service('egil', 'EGIL', [{ year: 2021, model: { kind: 'fixed', yearlyFeeOre: 100 } }])],
      usages: [usage('u1', 'gr', 'egil', '2021-01-01'), usage('u2', 'org-Ale', 'egil', '2022-01-01'), usage('u3', 'org-Kil', 'egil', '2022-07-01')],
      networks: [
        network('rad-1', 'forvaltningsrad', 'Förvaltningsråd 1'),
        network('rad-2', 'forvaltningsrad', 'Förvaltningsråd 2'),
        network('komp', 'kompetensnatverk', 'Digital signering'),
      ],
    }),
  });
}

describe('service catalogue', () => {
  it('creates a service with its managers and pricing, sorted by year', async () => {
    const { call, repo } = setup();
    const result = await call('services/create', {
      name: '  Bibblix ',
      description: 'Barnbiblioteksapp',
      businessArea: 'kultur-och-delaktighet',
      technicalManager: 'Stockholms Stadsbibliotek',
      operator: 'Ballou Internet Service AB',
      contentManager: 'Malmö Stadsbibliotek',
      supplier: 'Axiell Media AB',
      pricing: [
        { year: 2023, model: { kind: 'fixed', yearlyFeeOre: 2 } },
        { year: 2022, model: { kind: 'fixed', yearlyFeeOre: 1 } },
      ],
    });
    expect(result).toMatchObject({ ok: true, data: { name: 'Bibblix', operator: 'Ballou Internet Service AB', archived: false } });
    const created = repo.get().services.find((s) => s.name === 'Bibblix');
    expect(created?.pricing.map((p) => p.year)).toEqual([2022, 2023]);
    expect(repo.get().changeLog.at(-1)).toMatchObject({ entity: 'service', action: 'create' });
  });

  it('refuses a duplicate name (ignoring case and spacing) and an empty one, naming Namn', async () => {
    const { call } = setup();
    const duplicate = await call('services/create', { name: 'egil' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'duplicate', field: 'name', details: { existingId: 'egil' } } });
    if (!duplicate.ok) expect(duplicate.error.message).toMatch(/^Namn: /);
    const empty = await call('services/create', { name: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!empty.ok) expect(empty.error.message).toMatch(/^Namn: /);
    const twoYears = await call('services/create', {
      name: 'X',
      pricing: [
        { year: 2022, model: { kind: 'fixed', yearlyFeeOre: 1 } },
        { year: 2022, model: { kind: 'fixed', yearlyFeeOre: 2 } },
      ],
    });
    expect(twoYears).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!twoYears.ok) expect(twoYears.error.message).toMatch(/^År: /);
  });

  it('links a governance council both ways, moves it, and clears it', async () => {
    const { call, repo } = setup();
    await call('services/update', { serviceId: 'egil', councilNetworkId: 'rad-1' });
    const find = (id: string) => repo.get().networks.find((n) => n.id === id);
    expect(repo.get().services[0]?.councilNetworkId).toBe('rad-1');
    expect(find('rad-1')?.serviceId).toBe('egil');

    await call('services/update', { serviceId: 'egil', councilNetworkId: 'rad-2' });
    expect(repo.get().services[0]?.councilNetworkId).toBe('rad-2');
    expect(find('rad-1')?.serviceId).toBeUndefined();
    expect(find('rad-2')?.serviceId).toBe('egil');

    await call('services/update', { serviceId: 'egil', councilNetworkId: null });
    expect(repo.get().services[0]?.councilNetworkId).toBeUndefined();
    expect(find('rad-2')?.serviceId).toBeUndefined();
  });

  it('refuses a council that is not a förvaltningsråd, or that already governs another service', async () => {
    const { call, repo } = setup();
    const wrongKind = await call('services/update', { serviceId: 'egil', councilNetworkId: 'komp' });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'validation' } });
    await call('services/update', { serviceId: 'egil', councilNetworkId: 'rad-1' });
    const taken = await call('services/create', { name: 'Bibblix', councilNetworkId: 'rad-1' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(repo.get().services.map((s) => s.name)).toEqual(['EGIL']);
  });

  it('edits fields and clears the business area with null', async () => {
    const { call, repo } = setup();
    await call('services/update', { serviceId: 'egil', businessArea: 'skola', technicalManager: 'Joe Siltberg' });
    expect(repo.get().services[0]).toMatchObject({ businessArea: 'skola', technicalManager: 'Joe Siltberg' });
    await call('services/update', { serviceId: 'egil', businessArea: null });
    expect(repo.get().services[0]?.businessArea).toBeUndefined();
    expect(await call('services/update', { serviceId: 'nope', name: 'X' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('archives and restores, hiding archived services from the list unless asked', async () => {
    const { call } = setup();
    expect((await call('services/archive', { serviceId: 'egil' })).ok).toBe(true);
    expect(await call('services/archive', { serviceId: 'egil' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const hidden = await call('services/list', {});
    expect(hidden.ok && hidden.data).toEqual([]);
    const shown = await call('services/list', { includeArchived: true });
    expect(shown.ok && shown.data.map((s) => s.name)).toEqual(['EGIL']);
    expect((await call('services/archive', { serviceId: 'egil', archived: false })).ok).toBe(true);
  });

  it('lists users at the date and the pricing in force, and gives the users of one service', async () => {
    const { call } = setup();
    const list = await call('services/list', { date: '2022-06-30' });
    // The group, Ale (own record and the group: once) and Göteborg; Kil starts 2022-07-01.
    expect(list.ok && list.data[0]).toMatchObject({ userCount: 3, currentPricing: { year: 2021 } });
    const later = await call('services/list', { date: '2022-07-01' });
    expect(later.ok && later.data[0]?.userCount).toBe(4);

    const detail = await call('services/get', { serviceId: 'egil', date: '2022-06-30' });
    expect(detail.ok && detail.data.users).toEqual([
      { organisationId: 'org-Ale', name: 'Ale', from: '2022-01-01', source: 'direct', isMember: true },
      { organisationId: 'org-Göteborg', name: 'Göteborg', from: '2021-01-01', source: 'group', viaOrganisationId: 'gr', viaOrganisationName: 'Göteborgsregionen', isMember: true },
      { organisationId: 'gr', name: 'Göteborgsregionen', from: '2021-01-01', source: 'direct', isMember: true },
    ]);
  });
});
