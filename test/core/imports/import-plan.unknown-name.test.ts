import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../electron/core/exports/base64';
import type { ImportRowPlan } from '../../../electron/core/imports/import-plan';
import { createTestServices } from '../../support/memory-document';

type Services = ReturnType<typeof createTestServices>;
type Decisions = Record<string, { municipalityCode?: string; accept?: boolean }>;

function csv(rows: string[][]): string {
  return encodeBase64(new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`));
}

async function preview(s: Services, file: string, decisions: Decisions = {}) {
  const read = await s.call('imports/read', { fileName: 'lista.csv', bytesBase64: file });
  if (!read.ok) throw new Error(read.error.message);
  const sheet = read.data.sheets[0]!;
  const result = await s.call('imports/preview', { fileName: 'lista.csv', bytesBase64: file, sheet: sheet.name, mapping: sheet.proposal.mapping, decisions });
  if (!result.ok) throw new Error(result.error.message);
  const byRow = (n: number) => result.data.rows.find((r) => r.rowNumber === n) as ImportRowPlan;
  const apply = async () => {
    const applied = await s.call('imports/apply', { fileName: 'lista.csv', bytesBase64: file, sheet: sheet.name, mapping: sheet.proposal.mapping, decisions, expectedRevision: result.data.revision });
    if (!applied.ok) throw new Error(applied.error.message);
    return applied.data;
  };
  return { ...result.data, byRow, apply };
}

const ankeborg = () => csv([['Organisation', 'Medlem sedan'], ['Ankeborgs kommun', '2022-03-01'], ['Malmö', '']]);
const closest = ['Göteborg', 'Lekeberg', 'Aneby'];

describe('import: a name that matches no municipality and no organisation', () => {
  it('is «Granska», not included, with the closest municipalities offered and nothing planned for it', async () => {
    const s = createTestServices();
    const p = await preview(s, ankeborg());
    const row = p.byRow(2);
    expect(row).toMatchObject({ outcome: 'review', included: false, excluded: false, review: { kind: 'unknown-name', written: 'Ankeborgs kommun' } });
    expect(row.review?.kind === 'unknown-name' && row.review.candidates.map((c) => c.name)).toEqual(closest);
    expect(row.municipalityChoice?.candidates.map((c) => c.name)).toEqual(closest);
    expect(row.municipalityChoice?.chosenCode).toBeUndefined();
    expect(row.changes).toEqual([]);
    expect(row.issues).toEqual([
      expect.objectContaining({
        severity: 'review',
        field: 'organisation',
        message: '”Ankeborgs kommun” är varken en kommun eller en organisation i registret. Liknande kommuner: Göteborg, Lekeberg, Aneby. Välj kommunen, eller välj «Lägg in som ny organisation».',
      }),
    ]);
    expect(p.summary).toMatchObject({ review: 1, included: 0 });

    // Left alone, the row imports nothing: there is nothing else in the file to import.
    const before = s.repo.get();
    await expect(p.apply()).rejects.toThrow(/inget att importera/);
    expect(s.repo.get()).toBe(before);
  });

  it('becomes the municipality the user picks, with the other candidates still on offer', async () => {
    const s = createTestServices();
    const lekeberg = s.repo.get().reference.municipalities.find((m) => m.name === 'Lekeberg')!;
    const p = await preview(s, ankeborg(), { '2': { municipalityCode: lekeberg.code } });
    expect(p.byRow(2)).toMatchObject({ outcome: 'new', included: true, organisation: 'Lekeberg' });
    expect(p.byRow(2).municipalityChoice).toMatchObject({ chosenCode: lekeberg.code });
    expect(p.byRow(2).municipalityChoice?.candidates.map((c) => c.name)).toEqual(closest);
    await p.apply();
    const org = s.repo.get().organisations.find((o) => o.municipalityCode === lekeberg.code);
    expect(org?.name).toBe('Lekeberg');
    expect(s.repo.get().memberships.filter((m) => m.organisationId === org?.id).map((m) => m.joined)).toEqual(['2022-03-01']);
  });

  it('becomes a new organisation only when the user accepts it as one', async () => {
    const s = createTestServices();
    const p = await preview(s, ankeborg(), { '2': { accept: true } });
    expect(p.byRow(2)).toMatchObject({ outcome: 'new', included: true, changes: ['Ny organisation: Ankeborgs kommun (annan organisation).', 'Ny medlemsperiod från 2022-03-01.'] });
    expect(p.byRow(2).municipalityChoice?.candidates.map((c) => c.name)).toEqual(closest);
    await p.apply();
    expect(s.repo.get().organisations.find((o) => o.name === 'Ankeborgs kommun')).toMatchObject({ kind: 'annan' });
  });

  it('is not asked about when the file states the kind, nor when the name is in the register', async () => {
    const s = createTestServices();
    const p = await preview(s, csv([['Organisation', 'Typ'], ['Ankeborgs energi', 'Annan organisation'], ['Inera AB', '']]));
    expect(p.byRow(2)).toMatchObject({ outcome: 'new', included: true });
    expect(p.byRow(2).municipalityChoice).toBeUndefined();
    expect(p.byRow(3).outcome).toBe('unchanged');
  });

  it('a row with errors stays an error, not a question', async () => {
    const s = createTestServices();
    const p = await preview(s, csv([['Organisation', 'E-post'], ['Ankeborgs kommun', 'kalle@example.se']]));
    expect(p.byRow(2).outcome).toBe('error');
  });
});

describe('import: «före» in the join-date column', () => {
  it('reads «före ÅÅÅÅ-MM-DD» as a membership since before that date and stores it so', async () => {
    const s = createTestServices();
    const p = await preview(s, csv([['Kommun', 'Medlem sedan'], ['Lekeberg', 'före 2020-05-01'], ['Malmö', 'före 2022-01-01']]));
    expect(p.byRow(2)).toMatchObject({ outcome: 'new', changes: ['Ny organisation: Lekeberg (kommun).', 'Ny medlemsperiod sedan före 2020-05-01.'] });
    // The register's own «före 2022-01-01» for Malmö: the same period, nothing to change.
    expect(p.byRow(3).outcome).toBe('unchanged');
    await p.apply();
    const lekeberg = s.repo.get().organisations.find((o) => o.name === 'Lekeberg');
    expect(s.repo.get().memberships.filter((m) => m.organisationId === lekeberg?.id)).toEqual([expect.objectContaining({ joined: '2020-05-01', startKnown: 'before' })]);
  });
});
