import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/migrations';
import { parseDocumentText, serialiseDocument } from '../../../electron/core/store/parse-document';
import { SCHEMA_VERSION } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';
import { toVersion3 } from '../../../electron/core/store/migrations-v3';

/** The default document as a schema-1 file would hold it: no `by` on its log entries. */
function versionOneText(): string {
  const doc = JSON.parse(serialiseDocument(loadDefaultDocument())) as Record<string, unknown>;
  doc.schemaVersion = 1;
  doc.changeLog = [
    { id: 'l1', at: '2022-01-01T00:00:00Z', entity: 'organisation', entityId: 'o1', organisationId: 'o1', action: 'create', summary: 'Lade till Habo', after: { name: 'Habo' } },
    { id: 'l2', at: '2022-01-02T00:00:00Z', entity: 'history', entityId: 'history', action: 'update', summary: 'Ångrade: Lade till Habo' },
  ];
  return JSON.stringify(doc);
}

describe('migrations', () => {
  it('1 -> 2: every change-log entry gets an empty `by`, nothing else changes', () => {
    const text = versionOneText();
    const doc = parseDocumentText(text);
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.changeLog).toEqual([
      { id: 'l1', at: '2022-01-01T00:00:00Z', by: '', entity: 'organisation', entityId: 'o1', organisationId: 'o1', action: 'create', summary: 'Lade till Habo', after: { name: 'Habo' } },
      { id: 'l2', at: '2022-01-02T00:00:00Z', by: '', entity: 'history', entityId: 'history', action: 'update', summary: 'Ångrade: Lade till Habo' },
    ]);
    // Past 2 the document goes on through the 2 -> 3 steps (tested in migrations-v3.*.test.ts); apart from those, nothing changes.
    const { schemaVersion: _a, changeLog: _b, ...rest } = toVersion3(JSON.parse(text) as Record<string, unknown>);
    const { schemaVersion: _c, changeLog: _d, ...migratedRest } = JSON.parse(serialiseDocument(doc)) as Record<string, unknown>;
    expect(migratedRest).toEqual(rest);
  });

  it('a document of the current schema is read as it is', () => {
    const doc = loadDefaultDocument();
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(migrate(JSON.parse(serialiseDocument(doc)))).toEqual(JSON.parse(serialiseDocument(doc)));
  });

  it('refuses a document from a newer version with a Swedish message', () => {
    const doc = JSON.parse(serialiseDocument(loadDefaultDocument())) as Record<string, unknown>;
    doc.schemaVersion = SCHEMA_VERSION + 1;
    expect(() => migrate(doc)).toThrow(new RegExp(`nyare version av Sambruk Kansli \\(schemaversion ${SCHEMA_VERSION + 1}\\)`));
  });

  it('a schema-1 log entry that is not an object is left for validation to refuse', () => {
    const doc = JSON.parse(versionOneText()) as Record<string, unknown>;
    doc.changeLog = ['skräp'];
    expect(() => parseDocumentText(JSON.stringify(doc))).toThrow(/registrets format: changeLog/);
  });
});
