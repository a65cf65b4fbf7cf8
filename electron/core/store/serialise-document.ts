/**
 * The document as JSON text: exactly the characters `JSON.stringify(doc)` gives, made faster for the save path.
 *
 * Every change is saved whole, and at ten times the association's size `JSON.stringify` of the whole register
 * costs more than writing and fsyncing its bytes. But a change touches little: the repository's documents are
 * immer states, deeply frozen, and sections and records that a change did not touch are the very same objects
 * as before. So the text of every deeply frozen record (an organisation, a contact, a usage, a network, a log
 * entry) and of every deeply frozen section is remembered by object identity, and a save re-serialises only
 * what is new. A frozen object can never change, so its remembered text can never go stale; anything not
 * deeply frozen (a plain object a test or a script hands in) is serialised afresh every time, as before.
 * The texts are held in a WeakMap: they go when the document states holding the objects go.
 */

const remembered = new WeakMap<object, string>();
const rememberedBytes = new WeakMap<object, Uint8Array>();
const documentBytes = new WeakMap<object, Uint8Array>();

type Text = { text: string | undefined; frozen: boolean };

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/**
 * The JSON text of `value` as `JSON.stringify` gives it (undefined for what it leaves out), and whether the
 * value is deeply frozen, i.e. its text may be remembered.
 */
function textOf(value: unknown): Text {
  if (!isObject(value)) return { text: JSON.stringify(value) as string | undefined, frozen: true };
  const hit = remembered.get(value);
  if (hit !== undefined) return { text: hit, frozen: true };
  const text = JSON.stringify(value) as string | undefined;
  const frozen = text !== undefined && deeplyFrozen(value, new Set());
  if (frozen) remembered.set(value, text);
  return { text, frozen };
}

/**
 * Frozen all the way down, with plain data properties only (a getter could answer differently next time) and
 * no `toJSON` anywhere: then, and only then, its text is the same for as long as the object lives.
 */
function deeplyFrozen(value: object, seen: Set<object>): boolean {
  // Whatever was remembered was checked when it was: a frozen object stays frozen.
  if (remembered.has(value) || rememberedBytes.has(value)) return true;
  if (!Object.isFrozen(value) || seen.has(value)) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  seen.add(value);
  for (const key of Object.keys(value)) {
    const property = Object.getOwnPropertyDescriptor(value, key);
    if (!property || !('value' in property)) return false;
    const child: unknown = property.value;
    if (isObject(child) && !deeplyFrozen(child, seen)) return false;
  }
  return true;
}

/** An array's text from its elements' remembered texts; the array's own text is remembered when it is frozen. */
function arrayText(items: readonly unknown[]): Text {
  const hit = remembered.get(items);
  if (hit !== undefined) return { text: hit, frozen: true };
  const made = joinElements(items);
  if (made.frozen) remembered.set(items, made.text);
  return made;
}

function joinElements(items: readonly unknown[]): { text: string; frozen: boolean } {
  const parts = new Array<string>(items.length);
  let frozen = Object.isFrozen(items);
  for (let i = 0; i < items.length; i += 1) {
    const element = textOf(items[i]);
    // JSON.stringify writes `null` for an element it would leave out of an object.
    parts[i] = element.text ?? 'null';
    frozen &&= element.frozen;
  }
  return { text: `[${parts.join(',')}]`, frozen };
}

/** `JSON.stringify(doc)`, character for character, re-serialising only the records a change made. */
export function serialiseDocumentText(doc: object): string {
  if (typeof (doc as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(doc);
  // Concatenated rather than joined: V8 keeps the sections as a rope, copied once where the text is used.
  let out = '';
  for (const key of Object.keys(doc)) {
    const value = (doc as Record<string, unknown>)[key];
    const { text } = Array.isArray(value) ? arrayText(value) : textOf(value);
    if (text !== undefined) out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${text}`;
  }
  return `{${out}}`;
}

// ---------------------------------------------------------------- as UTF-8 bytes

/**
 * The same text as UTF-8 bytes, which is what the file store writes and hashes. Encoding a whole register
 * costs as much as serialising it, so each deeply frozen section (organisations, contacts, the log …) keeps
 * its bytes, a changed section is encoded again from its records' remembered texts, and a save copies the
 * sections into one buffer. The bytes of a document state are remembered whole, so hashing and then writing
 * one state encode it once.
 */
const encoder = new TextEncoder();

function sectionBytes(value: unknown): Uint8Array | undefined {
  if (isObject(value)) {
    const hit = rememberedBytes.get(value);
    if (hit) return hit;
  }
  const { text, frozen } = Array.isArray(value) ? joinElements(value) : textOf(value);
  if (text === undefined) return undefined;
  const bytes = encoder.encode(text);
  if (frozen && isObject(value)) rememberedBytes.set(value, bytes);
  return bytes;
}

/** `new TextEncoder().encode(JSON.stringify(doc))`, byte for byte, encoding only the sections a change made. */
export function serialiseDocumentBytes(doc: object): Uint8Array {
  const known = documentBytes.get(doc);
  if (known) return known;
  if (typeof (doc as { toJSON?: unknown }).toJSON === 'function') return encoder.encode(JSON.stringify(doc));
  const chunks: Uint8Array[] = [];
  let head = '{';
  for (const key of Object.keys(doc)) {
    const bytes = sectionBytes((doc as Record<string, unknown>)[key]);
    if (!bytes) continue;
    chunks.push(encoder.encode(`${head}${JSON.stringify(key)}:`), bytes);
    head = ',';
  }
  chunks.push(encoder.encode(head === '{' ? '{}' : '}'));
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  if (deeplyFrozen(doc, new Set())) documentBytes.set(doc, out);
  return out;
}
