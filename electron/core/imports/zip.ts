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
 * file or whose local header disagrees with the directory.
 */

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's compressed data (after the local header). */
  dataOffset: number;
};

export type ZipProblemKind = 'not-zip' | 'corrupt' | 'zip64' | 'encrypted' | 'unsupported-method' | 'too-many-entries' | 'too-large';

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
const MAX_COMMENT = 0xffff;

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
  let at = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL) throw new ZipProblem('corrupt', `bad central header ${i}`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
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
    const name = decoder.decode(bytes.subarray(at + 46, nameEnd));
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

    entries.push({ name, method, flags, compressedSize, uncompressedSize, dataOffset });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
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
