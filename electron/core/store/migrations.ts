/**
 * Migrations bring an older document up to SCHEMA_VERSION before it is validated.
 * Each entry takes a document of version N and returns version N+1.
 */
import { SCHEMA_VERSION } from './schema';
import { AppError } from '../../contract/result';

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
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function migrate(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError('validation', 'Filen innehåller inget register (fel format).');
  }
  let doc = raw as Record<string, unknown>;
  const stated = doc.schemaVersion;
  if (typeof stated !== 'number' || !Number.isInteger(stated) || stated < 1) {
    throw new AppError('validation', 'Filen saknar giltig schemaversion.');
  }
  let version: number = stated;
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
