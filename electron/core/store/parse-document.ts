import { documentSchema, SCHEMA_VERSION, type SambrukDocument } from './schema';
import { migrate, statedSchemaVersion } from './migrations';
import { AppError } from '../../contract/result';
import { fieldLabel } from '../i18n/validation-messages';
import { serialiseDocumentText } from './serialise-document';

/**
 * The one reader of a register file. The app's store, the command-line tools and the bench all go through
 * `readDocumentBytes` (or `parseDocumentBytes`), so a file is accepted or refused the same way everywhere:
 * strict UTF-8 with an optional BOM -> JSON -> migrate -> validate.
 */

/** A register read from a file; `newerSchema` is set when it was written by a newer version of the app. */
export type DocumentReading = {
  document: SambrukDocument;
  /**
   * The file states a schema version this app does not know. The document is what this version can see of
   * it (fields it does not know are left out) and must never be saved: only the newer version may write it.
   */
  newerSchema?: { found: number; known: number; omittedFields: boolean };
};

/** A register written by a newer version that this version cannot show at all. Nothing may touch the file. */
export class NewerSchemaError extends AppError {
  readonly found: number;
  readonly known: number;

  constructor(found: number, known: number) {
    super(
      'validation',
      `Registerfilen är skapad av en nyare version av Sambruk Kansli (schemaversion ${found}), och den här versionen, som bara känner till schemaversion ${known}, kan inte läsa den. Installera den nyare versionen av Sambruk Kansli för att öppna registret. Filen och dess säkerhetskopior har inte ändrats.`,
      { reason: 'newer-schema', found, known },
    );
    this.name = 'NewerSchemaError';
    this.found = found;
    this.known = known;
  }
}

/** What the user is told when a newer register is opened read-only (the app) or only read (the tools). */
export function newerSchemaNotice(newer: NonNullable<DocumentReading['newerSchema']>): string {
  return (
    `Registret är skapat av en nyare version av Sambruk Kansli (schemaversion ${newer.found}); den här versionen känner bara till schemaversion ${newer.known}. ` +
    'Registret är därför öppnat skrivskyddat, så att inget som den nyare versionen har sparat går förlorat. ' +
    (newer.omittedFields ? 'Uppgifter som bara den nyare versionen känner till visas inte. ' : '') +
    'Installera den nyare versionen av Sambruk Kansli för att kunna ändra i registret.'
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (a lossy decode could silently change names, e.g. Windows-1252 «å»); a leading BOM (Notepad) is dropped. */
export function decodeDocumentBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError(
      'validation',
      'Filen innehåller tecken som inte är giltig UTF-8-text (den kan ha sparats i en annan teckenkodning, till exempel Windows-1252).',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Bytes of a register file -> the register, or what this version can see of a newer one. */
export function readDocumentBytes(bytes: Uint8Array): DocumentReading {
  return readDocumentText(decodeDocumentBytes(bytes));
}

/** `readDocumentBytes` for callers that hold the file's text already decoded (the web entry, tests). */
export function readDocumentText(text: string): DocumentReading {
  const raw = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const found = statedSchemaVersion(raw);
  if (found > SCHEMA_VERSION) return readNewer(raw as Record<string, unknown>, found);
  return { document: validateDocument(migrate(raw)) };
}

/** The register in `bytes`; a newer version's register is refused (`NewerSchemaError`), for callers that may write. */
export function parseDocumentBytes(bytes: Uint8Array): SambrukDocument {
  return currentOnly(readDocumentBytes(bytes));
}

/**
 * Text -> validated document: parse, migrate, validate. Throws `AppError('validation')` with a Swedish
 * reason on anything that is not a whole, valid register (empty, truncated, `null`, wrong shape), and
 * `NewerSchemaError` for a register of a newer version.
 */
export function parseDocumentText(text: string): SambrukDocument {
  return currentOnly(readDocumentText(text));
}

function currentOnly(reading: DocumentReading): SambrukDocument {
  if (reading.newerSchema) throw new NewerSchemaError(reading.newerSchema.found, reading.newerSchema.known);
  return reading.document;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new AppError('validation', 'Filen är tom.');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('validation', 'Filen är inte giltig JSON (den kan vara avbruten mitt i en skrivning).');
  }
}

/** Rounds of leaving out unknown fields before giving up; each round removes every one zod reported. */
const MAX_STRIP_ROUNDS = 8;

/**
 * What this version can see of a newer register: the same document read as the known version, with the fields
 * the newer version added left out. Anything else it cannot read (a changed type, a new value of a list) means
 * it cannot be shown at all.
 */
function readNewer(raw: Record<string, unknown>, found: number): DocumentReading {
  const candidate = structuredClone({ ...raw, schemaVersion: SCHEMA_VERSION }) as Record<string, unknown>;
  let omittedFields = false;
  for (let round = 0; round < MAX_STRIP_ROUNDS; round++) {
    const result = documentSchema.safeParse(candidate);
    if (result.success) {
      return { document: result.data, newerSchema: { found, known: SCHEMA_VERSION, omittedFields } };
    }
    const issues = result.error.issues;
    if (!issues.every((issue) => issue.code === 'unrecognized_keys')) break;
    for (const issue of issues) {
      if (issue.code !== 'unrecognized_keys') continue;
      const owner = issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], candidate);
      if (owner === null || typeof owner !== 'object') continue;
      for (const key of issue.keys) delete (owner as Record<string, unknown>)[key];
      omittedFields = true;
    }
  }
  throw new NewerSchemaError(found, SCHEMA_VERSION);
}

export function validateDocument(raw: unknown): SambrukDocument {
  const result = documentSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.join('.')} (${fieldLabel(issue.path)})` : '';
    throw new AppError('validation', `Filen följer inte registrets format: ${where} ${issue?.message ?? ''}`.trim());
  }
  return result.data;
}

/** `JSON.stringify(doc)`, re-serialising only the records a change made (see serialise-document.ts). */
export function serialiseDocument(doc: SambrukDocument): string {
  return serialiseDocumentText(doc);
}
