import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freeze, produce } from 'immer';
import { serialiseDocumentBytes, serialiseDocumentChunks, serialiseDocumentText } from '../../../electron/core/store/serialise-document';
import { serialiseDocument } from '../../../electron/core/store/parse-document';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import type { SambrukDocument } from '../../../electron/core/store/schema';

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
      draft.changeLog.push({ id: 'x', at: '2022-06-30T10:00:00.000Z', by: '', entity: 'organisation', entityId: 'y', action: 'update', summary: 'Ändrad' });
    });
    expect(serialiseDocument(next)).toBe(JSON.stringify(next));
    expect(serialiseDocument(doc)).toBe(JSON.stringify(doc));
    expect(sameBytes(serialiseDocumentBytes(doc), JSON.stringify(doc))).toBe(true);
    expect(sameBytes(serialiseDocumentBytes(next), JSON.stringify(next))).toBe(true);
    expect(serialiseDocumentChunks(next)).toBe(serialiseDocumentChunks(next));
  });

  it('splices a changed array section from the previous state: any inserts, removals and replacements, in a chain of states', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), item: record }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), name: fc.string() }),
      fc.record({ kind: fc.constant('append' as const), item: record }),
      fc.record({ kind: fc.constant('thaw' as const) }),
    );
    fc.assert(
      fc.property(documentLike, fc.array(edit, { maxLength: 12 }), (raw, edits) => {
        let doc = freeze(raw, true) as typeof raw;
        expect(sameBytes(serialiseDocumentBytes(doc), JSON.stringify(doc))).toBe(true);
        for (const e of edits) {
          if (e.kind === 'thaw') {
            // A plain copy (not frozen) in the chain: never remembered, still exact, and the next frozen state exact too.
            doc = { ...doc, items: [...doc.items] };
          } else {
            doc = produce(doc, (draft) => {
              const n = draft.items.length;
              if (e.kind === 'insert') draft.items.splice(n === 0 ? 0 : e.at % (n + 1), 0, e.item);
              else if (e.kind === 'remove' && n > 0) draft.items.splice(e.at % n, e.count);
              else if (e.kind === 'replace' && n > 0) draft.items[e.at % n]!.name = e.name;
              else if (e.kind === 'append') draft.items.push(e.item);
            });
          }
          expect(sameBytes(serialiseDocumentBytes(doc), JSON.stringify(doc))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('encodes only what a change made: one new change-log entry on a large register copies the rest as bytes', () => {
    const doc: SambrukDocument = freeze(generateDemoDocument({ scale: 1, seed: 'splice', base: readDemoBase() }), true);
    serialiseDocumentBytes(doc);
    const encode = TextEncoder.prototype.encodeInto;
    let encodedChars = 0;
    TextEncoder.prototype.encodeInto = function (this: TextEncoder, source: string, target: Uint8Array) {
      encodedChars += source.length;
      return encode.call(this, source, target);
    };
    try {
      const next = produce(doc, (draft) => {
        draft.organisations[7]!.note = 'Ändrad';
        draft.changeLog.push({ id: 'x', at: '2022-06-30T10:00:00.000Z', by: '', entity: 'organisation', entityId: 'y', action: 'update', summary: 'Ändrad' });
      });
      expect(sameBytes(serialiseDocumentBytes(next), JSON.stringify(next))).toBe(true);
      // The changed organisation and the new entry, not the register's 1.5 MB.
      expect(encodedChars).toBeGreaterThan(0);
      expect(encodedChars).toBeLessThan(JSON.stringify(next.organisations[7]).length + 200);
    } finally {
      TextEncoder.prototype.encodeInto = encode;
    }
  });
});
