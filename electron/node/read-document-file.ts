/**
 * Reading a register file from disk for the command-line tools and the bench, through the same reader as the
 * app's store (`readDocumentBytes`: strict UTF-8, BOM accepted, parse -> migrate -> validate). Never writes.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../contract/result';
import { NewerSchemaError, newerSchemaNotice, readDocumentBytes, type DocumentReading } from '../core/store/parse-document';
import type { SambrukDocument } from '../core/store/schema';
import { errorCode } from './durable-json-file';
import { describeFsError } from './fs-error-text';

/**
 * The register in `file`. Refusals are `AppError`s with a Swedish sentence: 'not-found' (no such file),
 * 'internal' (it could not be read) or 'validation' (not a register this version can read).
 */
export async function readDocumentFile(file: string): Promise<DocumentReading> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') throw new AppError('not-found', `Registerfilen ${file} kunde inte läsas: filen finns inte.`);
    throw new AppError('internal', `Registerfilen ${file} kunde inte läsas: ${describeFsError(err)}.`, { cause: code });
  }
  return readDocumentBytes(bytes);
}

/**
 * For the command-line tools: the register, or undefined once the refusal has been told on `err` in Swedish.
 * A newer version's register is read as far as this version can, with a notice first; tools never write it.
 */
export async function readRegisterForTool(source: string, err: (line: string) => void): Promise<SambrukDocument | undefined> {
  try {
    const reading = await readDocumentFile(source);
    if (reading.newerSchema) err(`Obs: ${newerSchemaNotice(reading.newerSchema)}`);
    return reading.document;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const invalid = error.code === 'validation' && !(error instanceof NewerSchemaError);
    err(invalid ? `Fel: Registerfilen ${source} är inte ett giltigt register. ${error.message}` : `Fel: ${error.message}`);
    return undefined;
  }
}
