/**
 * Shared-register test helpers: a database filled with a register (as `npm run register -- push` fills it), a
 * repository over it for a person, and the register as the database holds it.
 */
import { createRepository } from '../../electron/core/store/repository';
import type { SambrukDocument } from '../../electron/core/store/schema';
import { connectClient, openSharedRegister, readRegister, writeWholeRegister, type SharedRegisterOptions } from '../../electron/node/postgres/pg-register';
import { createPerson, pgUrl, registerDatabase } from './postgres';

/** A new database holding `doc`; resolves its name. */
export async function filledDatabase(label: string, doc: SambrukDocument): Promise<string> {
  const db = await registerDatabase(label);
  const admin = await connectClient(pgUrl(db));
  try {
    await admin.query('BEGIN');
    await writeWholeRegister(admin, doc);
    await admin.query('COMMIT');
  } finally {
    await admin.end();
  }
  return db;
}

/** The register as the database holds it now, read as the superuser. */
export async function databaseRegister(db: string): Promise<SambrukDocument> {
  const admin = await connectClient(pgUrl(db));
  try {
    return (await readRegister(admin)).document;
  } finally {
    await admin.end();
  }
}

let seq = 0;

/** A person (login role in `group`) with the app open on `db`: the shared register and a repository over it. */
export async function openAs(db: string, person: string, group = 'kansli_sekretariat', options: SharedRegisterOptions & { url?: string } = {}) {
  await createPerson(person, group);
  // What others save reaches the repository the way the app wires it: the store reads it, the repository adopts it.
  const holder: { repo?: ReturnType<typeof createRepository> } = {};
  const shared = await openSharedRegister(options.url ?? pgUrl(db, person), {
    ...options,
    onRemoteChange: (doc) => {
      void holder.repo?.adopt(doc);
      options.onRemoteChange?.(doc);
    },
  });
  let n = 0;
  const prefix = `${person}-${process.pid}-${++seq}`;
  const repo = createRepository({
    initial: shared.document,
    shared: shared.store,
    clock: () => new Date('2022-06-30T10:00:00.000Z'),
    ids: () => `${prefix}-${++n}`,
    user: () => shared.role,
    readOnly: !shared.canWrite,
  });
  holder.repo = repo;
  return { shared, repo };
}
