/**
 * For the tests against the shared cluster (`test/support/postgres-global-setup.ts`): `pgIt` skips, naming why,
 * only when the server binaries are absent here (never in CI), and `registerDatabase` gives each test file a
 * database of its own with the register's schema and roles.
 */
import pg from 'pg';
import { describe, inject } from 'vitest';
import { createRegisterDatabase } from '../../tools/lib/postgres-cluster';

const provided = inject('postgres');

export const postgresMissing = 'missing' in provided ? provided.missing : undefined;

/** `describe`, skipped with the reason when there is no PostgreSQL here. */
export const describePg: typeof describe = (postgresMissing ? describe.skip : describe) as typeof describe;
if (postgresMissing) console.warn(`[postgres] skipped: ${postgresMissing}`);

export function pgUrl(database = 'postgres', user = 'postgres', params = 'sslmode=disable'): string {
  if ('missing' in provided) throw new Error(provided.missing);
  return `postgres://${user}@127.0.0.1:${provided.port}/${database}${params ? `?${params}` : ''}`;
}

/** A fresh database holding the register's (empty) schema. */
export function registerDatabase(label: string): Promise<string> {
  return createRegisterDatabase({ url: (database = 'postgres', user = 'postgres') => pgUrl(database, user, '') }, label);
}

/** Runs SQL as the superuser in `database`. */
export async function asAdmin<T extends pg.QueryResultRow = pg.QueryResultRow>(database: string, sql: string, values: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: pgUrl(database), ssl: false });
  await client.connect();
  try {
    return await client.query<T>(sql, values);
  } finally {
    await client.end();
  }
}

/** A login role of its own in a group role (kansli_sekretariat, kansli_las, kansli_ekonomi); trust auth, no password. */
export async function createPerson(name: string, group: string): Promise<void> {
  await asAdmin('postgres', `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${name}') THEN CREATE ROLE ${name} LOGIN IN ROLE ${group}; END IF; END $$;`);
}
