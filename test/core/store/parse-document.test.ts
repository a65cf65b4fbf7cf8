import { SCHEMA_VERSION } from '../../../electron/core/store/schema';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  NewerSchemaError,
  newerSchemaNotice,
  parseDocumentBytes,
  parseDocumentText,
  readDocumentBytes,
  serialiseDocument,
} from '../../../electron/core/store/parse-document';
import { loadDefaultDocument } from '../../support/memory-document';

const NEWER = SCHEMA_VERSION + 1;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** The default register as the file a newer version would write, with fields this version does not know. */
function newerRegister(extra: (raw: Record<string, unknown>) => void = () => undefined): Record<string, unknown> {
  const raw = JSON.parse(serialiseDocument(loadDefaultDocument())) as Record<string, unknown>;
  raw.schemaVersion = NEWER;
  raw.invoices = [{ id: 'f1', amountOre: 100 }];
  (raw.meta as Record<string, unknown>).writtenBy = '3.0.0';
  const organisations = raw.organisations as Record<string, unknown>[];
  (organisations[0] as Record<string, unknown>).vatNumber = 'SE000000000001';
  extra(raw);
  return raw;
}

describe('readDocumentBytes: the one reader of a register file', () => {
  const text = serialiseDocument(loadDefaultDocument());

  it('reads a UTF-8 register, with or without a BOM, to the same document', () => {
    const plain = readDocumentBytes(utf8(text));
    const withBom = readDocumentBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(plain.newerSchema).toBeUndefined();
    expect(withBom.document).toEqual(plain.document);
    expect(parseDocumentText(`\ufeff${text}`)).toEqual(plain.document);
  });

  it('refuses Windows-1252 bytes in Swedish instead of reading garbled names', () => {
    // «Ö» in Windows-1252 is the single byte 0xD6, never valid UTF-8 before a quote.
    const bytes = utf8(text.replace('"associationName":"', '"associationName":"X'));
    const at = Buffer.from(bytes).indexOf('"associationName":"X') + '"associationName":"'.length;
    bytes[at] = 0xd6;
    const err = (() => {
      try {
        readDocumentBytes(bytes);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'validation' });
    expect((err as AppError).message).toMatch(/inte är giltig UTF-8-text.*Windows-1252/);
  });

  it('refuses an empty file, a non-object and a file without a schema version, each in Swedish', () => {
    expect(() => readDocumentBytes(utf8('  '))).toThrow('Filen är tom.');
    expect(() => readDocumentBytes(utf8('[1]'))).toThrow(/inget register/);
    expect(() => readDocumentBytes(utf8('{"meta":{}}'))).toThrow(/saknar giltig schemaversion/);
  });

  it('reads what it can of a newer version\'s register, leaving out the fields it does not know, and says which versions', () => {
    const reading = readDocumentBytes(utf8(JSON.stringify(newerRegister())));
    expect(reading.newerSchema).toEqual({ found: NEWER, known: SCHEMA_VERSION, omittedFields: true });
    expect(reading.document.schemaVersion).toBe(SCHEMA_VERSION);
    expect(reading.document.organisations).toHaveLength(loadDefaultDocument().organisations.length);
    expect(reading.document).not.toHaveProperty('invoices');
    expect(reading.document.meta).not.toHaveProperty('writtenBy');
    expect(reading.document.organisations[0]).not.toHaveProperty('vatNumber');

    const notice = newerSchemaNotice(reading.newerSchema!);
    expect(notice).toMatch(new RegExp(`nyare version av Sambruk Kansli \\(schemaversion ${NEWER}\\)`));
    expect(notice).toMatch(new RegExp(`känner bara till schemaversion ${SCHEMA_VERSION}`));
    expect(notice).toMatch(/skrivskyddat/);
    expect(notice).toMatch(/Installera den nyare versionen/);
    expect(notice).toMatch(/visas inte/);
  });

  it('does not claim fields were left out when a newer register has none this version lacks', () => {
    const raw = JSON.parse(text) as Record<string, unknown>;
    raw.schemaVersion = NEWER + 4;
    const reading = readDocumentBytes(utf8(JSON.stringify(raw)));
    expect(reading.newerSchema).toEqual({ found: NEWER + 4, known: SCHEMA_VERSION, omittedFields: false });
    expect(newerSchemaNotice(reading.newerSchema!)).not.toMatch(/visas inte/);
  });

  it('refuses a newer register it cannot show (a changed type) with a message naming both versions', () => {
    const raw = newerRegister((r) => {
      (r.meta as Record<string, unknown>).revision = 'r-17';
    });
    const err = (() => {
      try {
        readDocumentBytes(utf8(JSON.stringify(raw)));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(NewerSchemaError);
    expect(err).toMatchObject({ code: 'validation', found: NEWER, known: SCHEMA_VERSION, details: { reason: 'newer-schema' } });
    expect((err as Error).message).toMatch(new RegExp(`schemaversion ${NEWER}.*schemaversion ${SCHEMA_VERSION}.*Installera den nyare versionen.*inte ändrats`));
  });

  it('parseDocumentBytes, for callers that may write, refuses every newer register', () => {
    expect(() => parseDocumentBytes(utf8(JSON.stringify(newerRegister())))).toThrow(NewerSchemaError);
    expect(parseDocumentBytes(utf8(text)).meta.revision).toBe(loadDefaultDocument().meta.revision);
  });
});
