/** What the Tjänster screen needs beyond the catalogue and matrix basics: today, group names, pricing in one save. */
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { makeDocument, membership, municipality, organisation, service, usage } from '../../fixtures/services/documents';
import { unpackCells } from '../../../electron/contract/rules/matrix-cells';

function setup() {
  return createTestServices({
    now: '2022-06-30T10:00:00.000Z',
    initial: makeDocument({
      organisations: [
        municipality('Kil'),
        municipality('Ale'),
        municipality('Mora'),
        municipality('Orsa'),
        organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale'] }),
      ],
      memberships: ['org-Kil', 'org-Mora', 'org-Orsa', 'gr'].map((id) => membership(id, '2020-01-01')),
      services: [service('egil', 'EGIL', [{ year: 2021, model: { kind: 'fixed', yearlyFeeOre: 100 } }]), service('prov', 'Provisum')],
      usages: [
        usage('u1', 'gr', 'egil', '2021-01-01'),
        { ...usage('u2', 'org-Orsa', 'prov', '2021-01-01'), viaOrganisationId: 'org-Mora' },
        usage('u3', 'org-Kil', 'prov', '2021-01-01'),
      ],
    }),
  });
}

describe('usage/get-today', () => {
  it('answers the calendar day in Sweden from the clock port', async () => {
    const { call } = setup();
    expect(await call('usage/get-today', {})).toEqual({ ok: true, data: { date: '2022-06-30' } });
  });

  it('turns at midnight Swedish time, not UTC', async () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Stockholm (summer time).
    const { call } = createTestServices({ now: '2022-06-30T22:30:00.000Z' });
    expect(await call('usage/get-today', {})).toEqual({ ok: true, data: { date: '2022-07-01' } });
  });
});

describe('usage/get-matrix names the organisations cells come through', () => {
  it('gives the group and the host by id, even when their rows are filtered away', async () => {
    const { call } = setup();
    const result = await call('usage/get-matrix', { scope: 'all', search: 'a' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.rows.map((r) => r.name)).toEqual(['Ale', 'Mora', 'Orsa']);
    const ale = result.data.rows.find((r) => r.name === 'Ale');
    const egil = result.data.columns.findIndex((c) => c.serviceId === 'egil');
    expect(unpackCells(ale?.cells ?? '').get(egil)).toMatchObject({ source: 'group', viaOrganisationId: 'gr' });
    expect(result.data.viaNames).toEqual({ gr: 'Göteborgsregionen', 'org-Mora': 'Mora' });
  });

  it('names nothing when no cell comes through another organisation', async () => {
    const { call } = setup();
    const result = await call('usage/get-matrix', { scope: 'all', search: 'kil' });
    expect(result).toMatchObject({ ok: true, data: { viaNames: {} } });
  });
});

describe('services/update with pricing', () => {
  it('replaces the yearly pricing list, sorted by year, as one undoable change', async () => {
    const { call, repo } = setup();
    const before = repo.get().changeLog.length;
    const result = await call('services/update', {
      serviceId: 'egil',
      operator: 'Telia',
      pricing: [
        { year: 2023, model: { kind: 'per-inhabitant', orePerInhabitant: 50 } },
        { year: 2022, model: { kind: 'banded', bands: [{ minPopulation: 0, yearlyFeeOre: 500_000 }, { minPopulation: 10_000, yearlyFeeOre: 900_000 }] } },
      ],
    });
    expect(result).toMatchObject({ ok: true, data: { operator: 'Telia' } });
    expect(repo.get().services.find((s) => s.id === 'egil')?.pricing.map((p) => [p.year, p.model.kind])).toEqual([
      [2022, 'banded'],
      [2023, 'per-inhabitant'],
    ]);
    expect(repo.get().changeLog.length).toBe(before + 1);

    expect(await call('history/undo', {})).toMatchObject({ ok: true });
    const restored = repo.get().services.find((s) => s.id === 'egil');
    expect(restored?.operator).toBe('');
    expect(restored?.pricing).toEqual([{ year: 2021, model: { kind: 'fixed', yearlyFeeOre: 100 } }]);
  });

  it('leaves pricing alone when the field is not sent, and clears it with an empty list', async () => {
    const { call, repo } = setup();
    await call('services/update', { serviceId: 'egil', operator: 'Telia' });
    expect(repo.get().services.find((s) => s.id === 'egil')?.pricing).toHaveLength(1);
    await call('services/update', { serviceId: 'egil', pricing: [] });
    expect(repo.get().services.find((s) => s.id === 'egil')?.pricing).toEqual([]);
  });

  it('refuses a bad model with a Swedish message and the path of the field, changing nothing', async () => {
    const { call, repo } = setup();
    const negative = await call('services/update', {
      serviceId: 'egil',
      pricing: [
        { year: 2022, model: { kind: 'fixed', yearlyFeeOre: 100 } },
        { year: 2023, model: { kind: 'fixed', yearlyFeeOre: -1 } },
      ],
    });
    expect(negative).toMatchObject({ ok: false, error: { code: 'validation', field: 'pricing.1.model.yearlyFeeOre' } });
    if (!negative.ok) expect(negative.error.message).toBe('Årsavgift: Avgiften får inte vara negativ');

    const bands = await call('services/update', {
      serviceId: 'egil',
      pricing: [{ year: 2022, model: { kind: 'banded', bands: [{ minPopulation: 0, yearlyFeeOre: 1 }, { minPopulation: 0, yearlyFeeOre: 2 }] } }],
    });
    expect(bands).toMatchObject({ ok: false, error: { field: 'pricing.0.model.bands.1.minPopulation' } });

    const twice = await call('services/update', {
      serviceId: 'egil',
      pricing: [
        { year: 2022, model: { kind: 'fixed', yearlyFeeOre: 1 } },
        { year: 2022, model: { kind: 'fixed', yearlyFeeOre: 2 } },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { field: 'pricing.1.year' } });
    expect(repo.get().services.find((s) => s.id === 'egil')?.pricing).toEqual([{ year: 2021, model: { kind: 'fixed', yearlyFeeOre: 100 } }]);
  });
});

describe('usage/toggle names its history entry', () => {
  it('answers the summary the undo history shows, naming the cell and the date', async () => {
    const { call } = setup();
    const toggled = await call('usage/toggle', { organisationId: 'org-Mora', serviceId: 'egil', date: '2022-06-30' });
    if (!toggled.ok) throw new Error(toggled.error.message);
    expect(toggled.data).toMatchObject({ action: 'started', historySummary: 'Ändrade användning i matrisen: Mora – EGIL (2022-06-30)' });
    expect(await call('history/get-state', {})).toMatchObject({ ok: true, data: { undoSummary: toggled.data.historySummary } });

    const again = await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'prov', date: '2022-06-30' });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.data).toMatchObject({ action: 'ended', historySummary: 'Ändrade användning i matrisen: Kil – Provisum (2022-06-30)' });
    await call('history/undo', {});
    expect(await call('history/get-state', {})).toMatchObject({ ok: true, data: { undoSummary: toggled.data.historySummary } });
  });
});
