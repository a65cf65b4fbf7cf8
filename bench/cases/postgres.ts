/**
 * `pg-open` and `pg-save`: the shared register on a local PostgreSQL (a throwaway cluster, tools/lib/
 * postgres-cluster.ts), filled with the bench's register.
 *
 * - pg-open: connecting as a person's role and reading the whole register (one snapshot, validated) as the app does.
 * - pg-save: one change saved through the repository over the shared store (lock the revision, write the changed
 *   row, the log entry, meta, NOTIFY, commit).
 * Both against the plainest thing the server does for a change: one row upserted in a transaction, same run.
 */
import { createRepository } from '../../electron/core/store/repository';
import { connectClient, openSharedRegister, writeWholeRegister } from '../../electron/node/postgres/pg-register';
import { createRegisterDatabase, serverBinaries, startCluster } from '../../tools/lib/postgres-cluster';
import type { BenchContext } from '../lib/context';
import { collectGarbage, measure } from '../lib/measure';
import { missing, timed, type BenchResult } from '../lib/results';

const BASELINE = 'SQL: 1 rad upsert i en transaktion';

export async function benchPostgres(ctx: BenchContext): Promise<BenchResult[]> {
  const found = serverBinaries();
  if ('missing' in found) return [missing('pg-open', `ingen PostgreSQL-server här (${found.missing})`, BASELINE), missing('pg-save', 'ingen PostgreSQL-server här', BASELINE)];
  const cluster = await startCluster();
  try {
    const db = await createRegisterDatabase(cluster, 'bench');
    const admin = await connectClient(`${cluster.url(db)}?sslmode=disable`);
    await admin.query('BEGIN');
    await writeWholeRegister(admin, ctx.document);
    await admin.query('COMMIT');
    await admin.query('CREATE ROLE bench_kansli LOGIN IN ROLE kansli_sekretariat').catch(() => undefined);
    await admin.query('CREATE TABLE bench_plain (id text PRIMARY KEY, data jsonb NOT NULL)');
    await admin.query('GRANT ALL ON bench_plain TO bench_kansli');
    await admin.end();
    const url = `${cluster.url(db, 'bench_kansli')}?sslmode=disable`;

    // The baseline: one row upserted in a transaction, on a connection of its own.
    const plain = await connectClient(url);
    const upsert = () =>
      measure(async (i) => {
        await plain.query('BEGIN');
        await plain.query('INSERT INTO bench_plain VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = excluded.data', [`r${i % 50}`, JSON.stringify({ note: `Bänkändring ${i}` })]);
        await plain.query('COMMIT');
      }, { budgetMs: 4_000, maxSamples: 40 });

    collectGarbage();
    const opens = await measure(async () => {
      const shared = await openSharedRegister(url);
      await shared.close();
    }, { budgetMs: 8_000 * Math.max(1, ctx.scale / 5), maxSamples: 10 });
    const openBaseline = await upsert();

    const shared = await openSharedRegister(url);
    let id = 0;
    const repo = createRepository({ initial: shared.document, shared: shared.store, clock: () => new Date(), ids: () => `bench-${++id}`, user: () => shared.role });
    const organisations = repo.get().organisations;
    collectGarbage();
    const saves = await measure(async (i) => {
      const org = organisations[(i * 7919) % organisations.length];
      if (!org) throw new Error('no organisation');
      await repo.change('Bänkändring', (tx) => tx.organisations.update(org.id, { note: `Bänkändring ${i}` }, { summary: `Ändrade anteckningen för ${org.name}` }));
    }, { budgetMs: 8_000, maxSamples: 40 });
    const saveBaseline = await upsert();
    await shared.close();
    await plain.end();
    return [
      timed('pg-open', opens, { baseline: { label: BASELINE, samples: openBaseline } }),
      timed('pg-save', saves, { baseline: { label: BASELINE, samples: saveBaseline } }),
    ];
  } finally {
    await cluster.stop();
  }
}
