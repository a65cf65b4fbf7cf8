/**
 * Just enough of the zip format to judge an untrusted `.xlsx` before ExcelJS (JSZip) inflates it: the central
 * directory is read by hand, and each entry can be inflated through the standard `DecompressionStream` with a
 * hard cap on the bytes it may produce.
 *
 * Why both: the sizes in the central directory are claims. JSZip inflates each entry's data whole, whatever the
 * directory says, so a file that claims 1 KB but inflates to 1 GB would pass a directory-only check. Inflating
 * with a cap (abort as soon as an entry produces more than it claims) turns the claims into facts, in bounded
 * memory, and only then do we let ExcelJS at the bytes.
 *
 * Refused (as `ZipProblem`): no end-of-central-directory record, zip64, multi-disk archives, encrypted
 * entries, compression methods other than stored/deflate, duplicate names, entries whose data lies outside the
 * file or whose local header disagrees with the directory, and any byte that is not part of a listed entry,
 * the directory or its end record (`hidden-data`).
 *
 * Why the last: zip readers disagree on which directory a file has. JSZip (inside ExcelJS) takes the last
 * end-of-central-directory signature anywhere in the file, so a second directory hidden in the zip comment, or
 * entries no directory lists, would be read by it and never by this check. A file whose every byte is accounted
 * for has one reading; and ExcelJS is in any case only handed `rebuildZip`'s copy of the checked entries.
 */

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** Offset of the entry's compressed data (after the local header). */
  dataOffset: number;
};

export type ZipProblemKind =
  | 'not-zip'
  | 'corrupt'
  | 'zip64'
  | 'encrypted'
  | 'unsupported-method'
  | 'too-many-entries'
  | 'too-large'
  | 'hidden-data';

/** A structural refusal; the caller turns it into a Swedish message. */
export class ZipProblem extends Error {
  constructor(
    readonly kind: ZipProblemKind,
    detail: string,
  ) {
    super(detail);
    this.name = 'ZipProblem';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const ZIP64_END = 0x06064b50;
const MAX_COMMENT = 0xffff;
/** Bit 3: sizes and CRC follow the data in a data descriptor (streaming writers). Bit 11: the name is UTF-8. */
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;
const SIGNATURES = [LOCAL, CENTRAL, EOCD, ZIP64_END, ZIP64_LOCATOR, DESCRIPTOR];

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the central directory. `maxEntries` bounds the work a hostile directory can ask for. */
export function readZipDirectory(bytes: Uint8Array, maxEntries = 10_000): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  if (bytes.length < 22) throw new ZipProblem('not-zip', 'shorter than an end-of-central-directory record');

  let eocd = -1;
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipProblem('not-zip', 'no end-of-central-directory record');
  if (eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) throw new ZipProblem('zip64', 'zip64 archive');
  const disk = u16(eocd + 4);
  const cdDisk = u16(eocd + 6);
  const entriesOnDisk = u16(eocd + 8);
  const entryCount = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipProblem('zip64', 'zip64 markers');
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) throw new ZipProblem('corrupt', 'multi-disk archive');
  if (entryCount > maxEntries) throw new ZipProblem('too-many-entries', `${entryCount} entries`);
  if (cdOffset + cdSize > eocd) throw new ZipProblem('corrupt', 'central directory outside the file');

  const names = new Set<string>();
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  const strictDecoder = new TextDecoder('utf-8', { fatal: true });
  let at = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL) throw new ZipProblem('corrupt', `bad central header ${i}`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc32 = u32(at + 16);
    const compressedSize = u32(at + 20);
    const uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const localOffset = u32(at + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipProblem('zip64', 'zip64 entry');
    }
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > eocd) throw new ZipProblem('corrupt', 'name outside the directory');
    let name: string;
    try {
      // A name marked UTF-8 must be UTF-8: decoders disagree on broken sequences (an overlong `/`).
      name = (flags & FLAG_UTF8 ? strictDecoder : decoder).decode(bytes.subarray(at + 46, nameEnd));
    } catch {
      throw new ZipProblem('corrupt', `entry ${i}: name is not UTF-8`);
    }
    if (names.has(name)) throw new ZipProblem('corrupt', `duplicate entry ${name}`);
    names.add(name);
    if (flags & 0x1) throw new ZipProblem('encrypted', name);
    if (method !== 0 && method !== 8) throw new ZipProblem('unsupported-method', `${name}: method ${method}`);
    if (method === 0 && compressedSize !== uncompressedSize) throw new ZipProblem('corrupt', `${name}: stored sizes differ`);

    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL) throw new ZipProblem('corrupt', `${name}: bad local header`);
    const localNameLength = u16(localOffset + 26);
    const localExtraLength = u16(localOffset + 28);
    const localName = decoder.decode(bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength));
    if (localName !== name) throw new ZipProblem('corrupt', `${name}: local name differs`);
    const dataOffset = localOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > bytes.length) throw new ZipProblem('corrupt', `${name}: data outside the file`);

    entries.push({ name, method, flags, compressedSize, uncompressedSize, crc32, localOffset, dataOffset });
    at = nameEnd + extraLength + commentLength;
  }
  if (at > eocd) throw new ZipProblem('corrupt', 'central directory runs past its end record');
  checkEveryByteAccountedFor(bytes, entries, { cdOffset, cdEnd: at, declaredCdEnd: cdOffset + cdSize, eocd });
  return entries;
}

/**
 * The file must be, in order: each listed entry's local header and data (and data descriptor, when flagged),
 * touching one another from byte 0, then the directory, then its end record, whose comment holds no zip
 * structure. Anything else is a place for a second reading of the file to hide.
 */
function checkEveryByteAccountedFor(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  at: { cdOffset: number; cdEnd: number; declaredCdEnd: number; eocd: number },
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (entry.localOffset !== expected) {
      throw new ZipProblem('hidden-data', `${entry.name}: starts at ${entry.localOffset}, expected ${expected}`);
    }
    expected = entry.dataOffset + entry.compressedSize;
    if (entry.flags & FLAG_DESCRIPTOR) expected += descriptorLength(view, expected, entry, at.cdOffset);
  }
  if (expected !== at.cdOffset) throw new ZipProblem('hidden-data', `${at.cdOffset - expected} bytes before the directory`);
  if (at.cdEnd !== at.declaredCdEnd) throw new ZipProblem('hidden-data', 'directory size differs from its records');
  if (at.cdEnd !== at.eocd) throw new ZipProblem('hidden-data', `${at.eocd - at.cdEnd} bytes after the directory`);
  // From just after the record's own signature: a signature may start in its last bytes (a comment length of
  // 0x4b50 is "PK") and run on into the comment.
  for (let p = at.eocd + 1; p + 4 <= bytes.length; p++) {
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && SIGNATURES.includes(view.getUint32(p, true))) {
      throw new ZipProblem('hidden-data', 'zip structure in the end record or its comment');
    }
  }
}

/** The length of the data descriptor at `at`, which must repeat the directory's CRC and sizes. */
function descriptorLength(view: DataView, at: number, entry: ZipEntry, limit: number): number {
  const fits = (length: number) => at + length <= limit;
  const u32 = (p: number) => view.getUint32(p, true);
  const matches32 = (p: number) => u32(p) === entry.crc32 && u32(p + 4) === entry.compressedSize && u32(p + 8) === entry.uncompressedSize;
  const matches64 = (p: number) =>
    u32(p) === entry.crc32 && u32(p + 4) === entry.compressedSize && u32(p + 8) === 0 && u32(p + 12) === entry.uncompressedSize && u32(p + 16) === 0;
  if (fits(4) && u32(at) === DESCRIPTOR) {
    if (fits(16) && matches32(at + 4)) return 16;
    if (fits(24) && matches64(at + 4)) return 24;
  }
  if (fits(12) && matches32(at)) return 12;
  if (fits(20) && matches64(at)) return 20;
  throw new ZipProblem('hidden-data', `${entry.name}: no matching data descriptor`);
}

/**
 * A new zip holding only `entries`, copied from `bytes` as they are (still compressed): fresh local headers and
 * directory, names written as UTF-8 exactly as the check read them, no extra fields, no data descriptors, no
 * comment. A reader handed this can find no other directory, entry or name than the ones checked.
 */
export function rebuildZip(bytes: Uint8Array, entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const localsSize = entries.reduce((n, e, i) => n + 30 + (names[i]?.length ?? 0) + e.compressedSize, 0);
  const cdSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = new Uint8Array(localsSize + cdSize + 22);
  const view = new DataView(out.buffer);
  const localOffsets: number[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    const name = names[i] as Uint8Array;
    localOffsets.push(at);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, FLAG_UTF8, true);
    view.setUint16(at + 8, entry.method, true);
    view.setUint16(at + 12, 0x21, true); // 1980-01-01: the file's dates are not read.
    view.setUint32(at + 14, entry.crc32, true);
    view.setUint32(at + 18, entry.compressedSize, true);
    view.setUint32(at + 22, entry.uncompressedSize, true);
    view.setUint16(at + 26, name.length, true);
    out.set(name, at + 30);
    out.set(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize), at + 30 + name.length);
    at += 30 + name.length + entry.compressedSize;
  });
  const cdOffset = at;
  entries.forEach((entry, i) => {
    const name = names[i] as Uint8Array;
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, FLAG_UTF8, true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint16(at + 14, 0x21, true);
    view.setUint32(at + 16, entry.crc32, true);
    view.setUint32(at + 20, entry.compressedSize, true);
    view.setUint32(at + 24, entry.uncompressedSize, true);
    view.setUint16(at + 28, name.length, true);
    view.setUint32(at + 42, localOffsets[i] as number, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, cdSize, true);
  view.setUint32(at + 16, cdOffset, true);
  // JSZip takes the last end-record signature in the file; none may start inside ours (with few enough
  // entries and a small enough file none can, but the cost of making sure is nil).
  for (let p = at + 1; p + 4 <= out.length; p++) {
    if (view.getUint32(p, true) === EOCD) throw new ZipProblem('corrupt', 'end record signature inside the end record');
  }
  return out;
}

const CHUNK = 64 * 1024;

/**
 * Inflates one entry, handing each piece of output to `onChunk`, and aborts with `ZipProblem('too-large')` as
 * soon as the output passes `maxBytes` or the size the directory claims. Returns the number of bytes produced.
 * Memory stays at a few chunks whatever the data claims.
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  options: { maxBytes: number; onChunk?: (chunk: Uint8Array) => void | 'stop' },
): Promise<number> {
  const limit = Math.min(options.maxBytes, entry.uncompressedSize);
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) {
      if (options.onChunk?.(data.subarray(at, at + CHUNK)) === 'stop') break;
    }
    return data.length;
  }

  let offset = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (offset >= data.length) {
        controller.close();
        return;
      }
      // A copy, so the stream never holds (or transfers) the caller's buffer.
      controller.enqueue(data.slice(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let produced = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (error) {
        throw new ZipProblem('corrupt', `${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (step.done) break;
      produced += step.value.length;
      if (produced > limit) throw new ZipProblem('too-large', `${entry.name}: more than ${limit} bytes`);
      if (options.onChunk?.(step.value) === 'stop') break;
    }
  } finally {
    // Stops the inflater at once, whether we finished, stopped early, or a check in onChunk threw.
    await reader.cancel().catch(() => undefined);
  }
  return produced;
}

/** A whole (small) entry as bytes, capped at `maxBytes`. */
export async function readEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await inflateEntry(bytes, entry, { maxBytes, onChunk: (c) => void parts.push(c.slice()) });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
