import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freeze, produce } from 'immer';
import { serialiseDocumentBytes, serialiseDocumentText } from '../../electron/core/store/serialise-document';
import { serialiseDocument } from '../../electron/core/store/parse-document';
import { generateDemoDocument } from '../../electron/core/demo/demo-document';
import { readDemoBase } from '../../scripts/demo-data';
import type { SambrukDocument } from '../../electron/core/store/schema';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Byte equality without vitest's element-by-element diff (slow on megabytes). */
const sameBytes = (actual: Uint8Array, text: string) => Buffer.from(actual).equals(Buffer.from(utf8(text)));

const record = fc.record(
  { id: fc.string(), name: fc.string(), n: fc.oneof(fc.integer(), fc.double({ noNaN: false })), flag: fc.boolean(), tags: fc.array(fc.string(), { maxLength: 3 }), gone: fc.constant(undefined) },
  { requiredKeys: ['id'] },
);
const documentLike = fc.record({
  schemaVersion: fc.constant(1),
  meta: fc.record({ revision: fc.nat(), note: fc.string() }),
  items: fc.array(record, { maxLength: 8 }),
  others: fc.array(fc.oneof(record, fc.string(), fc.constant(null)), { maxLength: 5 }),
  nested: fc.record({ inner: fc.array(record, { maxLength: 3 }) }),
  missing: fc.constant(undefined),
});

describe('serialiseDocumentText', () => {
  it('gives exactly JSON.stringify for any document, frozen or not, and again after immer changes', () => {
    fc.assert(
      fc.property(documentLike, fc.array(fc.tuple(fc.nat(), fc.string()), { maxLength: 6 }), (raw, edits) => {
        expect(serialiseDocumentText(raw)).toBe(JSON.stringify(raw));
        expect(sameBytes(serialiseDocumentBytes(raw), JSON.stringify(raw))).toBe(true);
        let doc = freeze(structuredClone(raw), true);
        expect(serialiseDocumentText(doc)).toBe(JSON.stringify(doc));
        expect(sameBytes(serialiseDocumentBytes(doc), JSON.stringify(doc))).toBe(true);
        for (const [index, text] of edits) {
          doc = produce(doc, (draft) => {
            const item = draft.items[index % Math.max(1, draft.items.length)];
            if (item) item.name = text;
            else draft.items.push({ id: text });
            draft.meta.revision += 1;
          });
          expect(serialiseDocumentText(doc)).toBe(JSON.stringify(doc));
          expect(sameBytes(serialiseDocumentBytes(doc), JSON.stringify(doc))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never reuses the text of an object that can still change', () => {
    const doc = { items: [{ id: 'a', name: 'före' }], meta: { revision: 1 } };
    expect(serialiseDocumentText(doc)).toBe(JSON.stringify(doc));
    (doc.items[0] as { name: string }).name = 'efter';
    doc.meta.revision = 2;
    expect(serialiseDocumentText(doc)).toContain('efter');
    expect(serialiseDocumentText(doc)).toBe(JSON.stringify(doc));

    // Frozen on the outside only: its inner object may still change, so nothing of it is remembered.
    const shallow = Object.freeze({ inner: { value: 1 } });
    const holder = { list: Object.freeze([shallow]) };
    expect(serialiseDocumentText(holder)).toBe(JSON.stringify(holder));
    shallow.inner.value = 2;
    expect(serialiseDocumentText(holder)).toBe('{"list":[{"inner":{"value":2}}]}');

    // A frozen getter may answer differently next time.
    let n = 0;
    const getter = Object.freeze(Object.defineProperty({}, 'n', { enumerable: true, get: () => ++n }));
    const withGetter = { list: Object.freeze([getter]) };
    expect(serialiseDocumentText(withGetter)).toBe('{"list":[{"n":1}]}');
    expect(serialiseDocumentText(withGetter)).toBe('{"list":[{"n":2}]}');
    expect(new TextDecoder().decode(serialiseDocumentBytes(withGetter))).toBe('{"list":[{"n":3}]}');

    const bytesDoc = { items: [{ id: 'a', name: 'före' }] };
    expect(sameBytes(serialiseDocumentBytes(bytesDoc), JSON.stringify(bytesDoc))).toBe(true);
    (bytesDoc.items[0] as { name: string }).name = 'åäö';
    expect(sameBytes(serialiseDocumentBytes(bytesDoc), JSON.stringify(bytesDoc))).toBe(true);
  });

  it('writes the demo register as JSON.stringify does, before and after a change', () => {
    const doc: SambrukDocument = freeze(generateDemoDocument({ scale: 1, seed: 'serialise', base: readDemoBase() }), true);
    expect(serialiseDocument(doc)).toBe(JSON.stringify(doc));
    const next = produce(doc, (draft) => {
      const org = draft.organisations[5];
      if (org) org.note = 'Ändrad';
      draft.changeLog.push({ id: 'x', at: '2022-06-30T10:00:00.000Z', entity: 'organisation', entityId: 'y', action: 'update', summary: 'Ändrad' });
    });
    expect(serialiseDocument(next)).toBe(JSON.stringify(next));
    expect(serialiseDocument(doc)).toBe(JSON.stringify(doc));
    expect(sameBytes(serialiseDocumentBytes(doc), JSON.stringify(doc))).toBe(true);
    expect(sameBytes(serialiseDocumentBytes(next), JSON.stringify(next))).toBe(true);
    expect(serialiseDocumentBytes(next)).toBe(serialiseDocumentBytes(next));
  });
});
