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
const documentChunks = new WeakMap<object, readonly Uint8Array[]>();

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
  if (remembered.has(value) || rememberedBytes.has(value) || rememberedArrays.has(value as unknown[])) return true;
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
 * The same text as UTF-8 bytes, which is what the file store writes. Encoding a whole register costs as much as
 * serialising it, and so did joining a changed section's 40 000 remembered texts again on every save. So a
 * deeply frozen array section keeps its bytes together with where each element starts, and the next state's
 * section is spliced from the previous one: the elements both share at the start and at the end (the very
 * same frozen objects, hence the same bytes) are copied as bytes, and only the elements in between are
 * encoded. A change to one organisation encodes one organisation; a change-log entry appended encodes one
 * entry. The bytes of a document state are remembered whole, so hashing and then writing one state encode
 * it once.
 */
const encoder = new TextEncoder();

/** A frozen array section's bytes, `[e0,e1,…]`, with `starts[i]` the offset of element i's first byte. */
type ArrayBytes = { items: readonly unknown[]; bytes: Uint8Array; starts: Uint32Array };

const rememberedArrays = new WeakMap<readonly unknown[], ArrayBytes>();
/** The array section last encoded under each key: what the next state's section is spliced from. */
const previousArrays = new Map<string, ArrayBytes>();

/** Encodes texts one after another into one buffer, noting where each starts. */
function encodeAll(texts: readonly string[]): { bytes: Uint8Array; starts: number[] } {
  let bound = 0;
  for (const text of texts) bound += text.length * 3 + 1;
  const buffer = new Uint8Array(bound);
  const starts: number[] = new Array<number>(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i += 1) {
    if (i > 0) buffer[at++] = 0x2c; // ','
    starts[i] = at;
    at += encoder.encodeInto(texts[i] as string, buffer.subarray(at)).written;
  }
  return { bytes: buffer.slice(0, at), starts };
}

/** Where element i of a section ends (exclusive): before the next element's comma, or before `]`. */
function endOf(section: ArrayBytes, i: number): number {
  return i + 1 < section.items.length ? (section.starts[i + 1] as number) - 1 : section.bytes.length - 1;
}

function arrayBytes(key: string, items: readonly unknown[]): Uint8Array {
  const hit = rememberedArrays.get(items);
  if (hit) {
    previousArrays.set(key, hit);
    return hit.bytes;
  }
  const previous = previousArrays.get(key);
  const n = items.length;
  let prefix = 0;
  let suffix = 0;
  if (previous) {
    const m = previous.items.length;
    while (prefix < n && prefix < m && items[prefix] === previous.items[prefix]) prefix += 1;
    while (suffix < n - prefix && suffix < m - prefix && items[n - 1 - suffix] === previous.items[m - 1 - suffix]) suffix += 1;
  }
  let frozen = Object.isFrozen(items);
  const middleTexts: string[] = [];
  for (let i = prefix; i < n - suffix; i += 1) {
    const element = textOf(items[i]);
    middleTexts.push(element.text ?? 'null');
    frozen &&= element.frozen;
  }
  const middle = encodeAll(middleTexts);
  const head = previous && prefix > 0 ? previous.bytes.subarray(1, endOf(previous, prefix - 1)) : undefined;
  const m = previous?.items.length ?? 0;
  const tail = previous && suffix > 0 ? previous.bytes.subarray(previous.starts[m - suffix] as number, previous.bytes.length - 1) : undefined;

  const parts: Uint8Array[] = [];
  if (head) parts.push(head);
  if (middleTexts.length > 0) parts.push(middle.bytes);
  if (tail) parts.push(tail);
  let length = 2 + Math.max(0, parts.length - 1);
  for (const part of parts) length += part.length;
  const bytes = new Uint8Array(length);
  const starts = new Uint32Array(n);
  bytes[0] = 0x5b; // '['
  let at = 1;
  let element = 0;
  const put = (part: Uint8Array, partStarts: ArrayLike<number>, shift: number) => {
    if (at > 1) bytes[at++] = 0x2c;
    for (let i = 0; i < partStarts.length; i += 1) starts[element++] = (partStarts[i] as number) - shift + at;
    bytes.set(part, at);
    at += part.length;
  };
  if (head && previous) put(head, previous.starts.subarray(0, prefix), 1);
  if (middleTexts.length > 0) put(middle.bytes, middle.starts, 0);
  if (tail && previous) put(tail, previous.starts.subarray(m - suffix), previous.starts[m - suffix] as number);
  bytes[at] = 0x5d; // ']'

  const made: ArrayBytes = { items, bytes, starts };
  if (frozen) {
    rememberedArrays.set(items, made);
    previousArrays.set(key, made);
  } else {
    previousArrays.delete(key);
  }
  return bytes;
}

function sectionBytes(key: string, value: unknown): Uint8Array | undefined {
  if (Array.isArray(value)) return arrayBytes(key, value);
  if (isObject(value)) {
    const hit = rememberedBytes.get(value);
    if (hit) return hit;
  }
  const { text, frozen } = textOf(value);
  if (text === undefined) return undefined;
  const bytes = encoder.encode(text);
  if (frozen && isObject(value)) rememberedBytes.set(value, bytes);
  return bytes;
}

/**
 * `new TextEncoder().encode(JSON.stringify(doc))` as consecutive pieces (the sections and what joins them),
 * encoding only the sections a change made. The file store writes and hashes the pieces as they are, so a
 * save never copies the whole register into one more buffer.
 */
export function serialiseDocumentChunks(doc: object): readonly Uint8Array[] {
  const known = documentChunks.get(doc);
  if (known) return known;
  if (typeof (doc as { toJSON?: unknown }).toJSON === 'function') return [encoder.encode(JSON.stringify(doc))];
  const chunks: Uint8Array[] = [];
  let head = '{';
  for (const key of Object.keys(doc)) {
    const bytes = sectionBytes(key, (doc as Record<string, unknown>)[key]);
    if (!bytes) continue;
    chunks.push(encoder.encode(`${head}${JSON.stringify(key)}:`), bytes);
    head = ',';
  }
  chunks.push(encoder.encode(head === '{' ? '{}' : '}'));
  if (deeplyFrozen(doc, new Set())) documentChunks.set(doc, Object.freeze(chunks));
  return chunks;
}

/** `new TextEncoder().encode(JSON.stringify(doc))`, byte for byte, in one buffer. */
export function serialiseDocumentBytes(doc: object): Uint8Array {
  const chunks = serialiseDocumentChunks(doc);
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
