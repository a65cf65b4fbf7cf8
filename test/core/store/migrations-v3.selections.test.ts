import { describe, expect, it } from 'vitest';
import { toVersion3 } from '../../../electron/core/store/migrations-v3';
import { parseDocumentText, serialiseDocument } from '../../../electron/core/store/parse-document';
import { loadDefaultDocument } from '../../support/memory-document';

/** The default document as a schema-2 file held it: no `selections` list. */
function versionTwo(): Record<string, unknown> {
  const doc = JSON.parse(serialiseDocument(loadDefaultDocument())) as Record<string, unknown>;
  doc.schemaVersion = 2;
  delete doc.selections;
  return doc;
}

describe('migration 2 -> 3: saved selections', () => {
  it('gives a version 2 register an empty list of selections and changes nothing else', () => {
    const before = versionTwo();
    const after = toVersion3(before);
    expect(after.selections).toEqual([]);
    const { selections: _s, ...rest } = after;
    expect(rest).toEqual(before);
    const doc = parseDocumentText(JSON.stringify(before));
    expect(doc.selections).toEqual([]);
  });

  it('keeps selections a document already has', () => {
    const doc = versionTwo();
    const saved = [{ id: 's1', name: 'Skolan utan tjänst', criteria: { kind: 'organisationer', organisationIds: ['o1'] }, createdAt: '2022-06-30T08:00:00Z' }];
    expect(toVersion3({ ...doc, selections: saved }).selections).toBe(saved);
  });
});
