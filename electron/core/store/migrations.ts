/**
 * Migrations bring an older document up to SCHEMA_VERSION before it is validated.
 * Each entry takes a document of version N and returns version N+1.
 */
import { SCHEMA_VERSION } from './schema';
import { AppError } from '../../contract/result';
import { toVersion3 } from './migrations-v3';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Record<number, Migration> = {
  // 1 -> 2: change-log entries say who made the change (`by`); the old ones cannot know, so they say nothing.
  // The other new fields (`changeId`, `contactId`, the actions `undo`/`redo`) are optional or new values.
  1: (doc) => ({
    ...doc,
    schemaVersion: 2,
    ...(Array.isArray(doc.changeLog)
      ? { changeLog: doc.changeLog.map((entry: unknown) => (isObject(entry) && !('by' in entry) ? { ...entry, by: '' } : entry)) }
      : {}),
  }),
  // 2 -> 3: each change of the schema made in this step is one entry of `toVersion3` (migrations-v3.ts).
  2: (doc) => ({ ...toVersion3(doc), schemaVersion: 3 }),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The schema version a parsed file states; refuses anything that is not a register object with one. */
export function statedSchemaVersion(raw: unknown): number {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError('validation', 'Filen innehåller inget register (fel format).');
  }
  const stated = (raw as Record<string, unknown>).schemaVersion;
  if (typeof stated !== 'number' || !Number.isInteger(stated) || stated < 1) {
    throw new AppError('validation', 'Filen saknar giltig schemaversion.');
  }
  return stated;
}

/** Older -> current. A newer version is read by `readDocumentBytes` (parse-document.ts), never migrated. */
export function migrate(raw: unknown): unknown {
  let version = statedSchemaVersion(raw);
  let doc = raw as Record<string, unknown>;
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'validation',
      `Filen är skapad av en nyare version av Sambruk Kansli (schemaversion ${version}). Uppdatera programmet.`,
    );
  }
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new AppError('internal', `Ingen migrering från schemaversion ${version}.`);
    doc = step(doc);
    version = doc.schemaVersion as number;
  }
  return doc;
}
