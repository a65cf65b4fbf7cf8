/**
 * Migrations bring an older document up to SCHEMA_VERSION before it is validated.
 * Each entry takes a document of version N and returns version N+1. There is only version 1 so far;
 * the machinery is here so the first schema change is a function, not a redesign.
 */
import { SCHEMA_VERSION } from './schema';
import { AppError } from '../../contract/result';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Record<number, Migration> = {};

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
