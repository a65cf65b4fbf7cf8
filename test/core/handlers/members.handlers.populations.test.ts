import { describe, expect, it } from 'vitest';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';
import { scbXlsx, toBase64 } from '../imports/scb-population-fixtures';

function data<T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe('populations channels', () => {
  it('corrects one figure with a reason: fees follow it, the log names it, undo restores it', async () => {
    const s = createTestServices();
    const vasby = s.repo.get().organisations.find((o) => o.municipalityCode === '0114');
    const feeOf = async () => data(await s.call('fees/compute', { year: 2022 })).rows.find((r) => r.organisationId === vasby?.id);
    expect(await feeOf()).toMatchObject({ population: 47_820, yearlyFeeOre: 35_000_00 });

    const noReason = await s.call('populations/correct', { code: '0114', date: '2021-12-31', population: 50_100, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'validation', field: 'reason' } });
    const notYearEnd = await s.call('populations/correct', { code: '0114', date: '2021-06-30', population: 50_100, reason: 'Test' });
    expect(notYearEnd).toMatchObject({ ok: false, error: { code: 'validation', field: 'date' } });

    const corrected = data(await s.call('populations/correct', { code: '0114', date: '2021-12-31', population: 50_100, reason: 'SCB:s rättelse 2022-03-01' }));
    expect(corrected).toEqual({ code: '0114', date: '2021-12-31', population: 50_100, source: 'rattad', sourceNote: 'SCB:s rättelse 2022-03-01' });
    expect(await feeOf()).toMatchObject({ population: 50_100, yearlyFeeOre: 50_000_00 });
    expect(s.repo.get().changeLog.at(-1)).toMatchObject({
      entity: 'population',
      entityId: '0114 2021-12-31',
      action: 'update',
      before: { population: 47_820, source: 'scb' },
      after: { population: 50_100, source: 'rattad' },
    });
    expect(s.repo.get().changeLog.at(-1)?.summary).toMatch(/^Rättade folkmängden för Upplands Väsby 2021-12-31 till 50\s100: SCB:s rättelse 2022-03-01$/);
    const listed = data(await s.call('populations/list', { code: '0114' }));
    expect(listed.figures.map((f) => f.date)).toEqual(['2024-12-31', '2023-12-31', '2022-12-31', '2021-12-31', '2020-12-31', '2019-12-31', '2018-12-31']);
    expect(listed.figures[3]).toMatchObject({ population: 50_100, source: 'rattad' });

    data(await s.call('history/undo', {}));
    expect(await feeOf()).toMatchObject({ population: 47_820 });
  });

  it('previews an SCB file without writing, then imports it as one change', async () => {
    const initial = loadDefaultDocument();
    const s = createTestServices({ initial });
    const file = { fileName: 'be0101-2021.xlsx', bytesBase64: toBase64(await scbXlsx(initial, { year: 2021, override: { '0114': 47_900 } })) };
    const revision = s.repo.get().meta.revision;
    const preview = data(await s.call('populations/import-preview', file));
    expect(preview.changes).toEqual([{ code: '0114', name: 'Upplands Väsby', before: 47_820, after: 47_900, row: expect.any(Number) }]);
    expect(s.repo.get().meta.revision).toBe(revision);

    const stale = await s.call('populations/import-apply', { ...file, expectedRevision: revision + 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    data(await s.call('populations/import-apply', { ...file, expectedRevision: revision }));
    expect(s.repo.get().reference.populations.find((p) => p.code === '0114' && p.date === '2021-12-31')).toEqual({
      code: '0114',
      date: '2021-12-31',
      population: 47_900,
      source: 'scb-import',
      sourceNote: 'SCB-fil be0101-2021.xlsx',
    });
    expect(s.repo.get().changeLog.at(-1)).toMatchObject({ entity: 'population', action: 'import' });
    // Nothing left to change: applying again is refused.
    const again = await s.call('populations/import-apply', { ...file, expectedRevision: s.repo.get().meta.revision });
    expect(again).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a file that is not base64 or not SCB’s table, and writes nothing', async () => {
    const s = createTestServices();
    const revision = s.repo.get().meta.revision;
    expect(await s.call('populations/import-preview', { fileName: 'x.csv', bytesBase64: toBase64(new TextEncoder().encode('a;b\n1;2\n')) })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(s.repo.get().meta.revision).toBe(revision);
  });
});
