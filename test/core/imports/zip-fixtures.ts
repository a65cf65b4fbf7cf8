/**
 * Builds the hostile and odd files the import tests feed in, from scratch or by repacking a real workbook
 * written by ExcelJS. The zip writer is deliberately separate from the reader under test and can lie on
 * purpose (a declared size that is not the real one, an encryption flag).
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { readEntry, readZipDirectory } from '../../../electron/core/imports/zip';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type ZipSpec = {
  name: string;
  data: Uint8Array;
  /** 8 deflate (default), 0 stored. */
  method?: 0 | 8;
  /** Written in the headers instead of the real uncompressed size: a lie. */
  declaredSize?: number;
  /** General-purpose flags (default 0x800, "the name is UTF-8"); 0x801 for "encrypted". */
  flags?: number;
  /** Already-deflated bytes to store as they are (for big bombs made once). */
  deflated?: Uint8Array;
  /** Extra fields in the central-directory record (none by default). */
  centralExtra?: Uint8Array;
};

/** One entry's local header + data and its central-directory record, for an entry whose local header is at `offset`. */
function entryRecords(spec: ZipSpec, offset: number): { local: Buffer; central: Buffer } {
  const method = spec.method ?? 8;
  const body = Buffer.from(spec.deflated ?? (method === 8 ? zlib.deflateRawSync(spec.data) : spec.data));
  const name = Buffer.from(spec.name, 'utf8');
  const size = spec.declaredSize ?? spec.data.length;
  const crc = crc32(spec.data);
  const flags = spec.flags ?? 0x800;
  const extra = Buffer.from(spec.centralExtra ?? new Uint8Array());
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt16LE(extra.length, 30);
  central.writeUInt32LE(offset, 42);
  return { local: Buffer.concat([local, name, body]), central: Buffer.concat([central, name, extra]) };
}

function endRecord(entries: number, cdSize: number, cdOffset: number, commentLength = 0): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  end.writeUInt16LE(commentLength, 20);
  return end;
}

export function writeZip(specs: readonly ZipSpec[], options: { comment?: Uint8Array } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const { local, central } = entryRecords(spec, offset);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? new Uint8Array());
  return new Uint8Array(Buffer.concat([...locals, cd, endRecord(specs.length, cd.length, offset, comment.length), comment]));
}

/**
 * The crafted file of issue 19 (F1): an honest workbook whose zip comment hides a second end-of-central-directory
 * record. Layout: the honest entries' local headers, then the `hidden` entries' (listed by no honest directory),
 * the honest directory and its end record, and in that record's comment a second directory (the honest entries
 * with each `hidden` one in place of the entry of the same name) and its end record.
 *
 * `innerEndMatches` false (the attack as found): one byte follows the inner end record, so its comment length
 * does not reach the end of the file and a reader that checks that (ours) takes the outer record, while JSZip
 * takes the last signature in the file, the inner one. True: the inner record ends the file exactly, so both
 * take the inner one and the honest directory is the hidden one.
 */
export function withHiddenDirectory(honest: readonly ZipSpec[], hidden: readonly ZipSpec[], options: { innerEndMatches?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const honestCentral = new Map<string, Buffer>();
  const hiddenCentral = new Map<string, Buffer>();
  let offset = 0;
  for (const [specs, centrals] of [
    [honest, honestCentral],
    [hidden, hiddenCentral],
  ] as const) {
    for (const spec of specs) {
      const { local, central } = entryRecords(spec, offset);
      locals.push(local);
      centrals.set(spec.name, central);
      offset += local.length;
    }
  }
  const outerCd = Buffer.concat([...honestCentral.values()]);
  const innerNames = [...new Set([...honestCentral.keys(), ...hiddenCentral.keys()])];
  const innerCd = Buffer.concat(innerNames.map((name) => hiddenCentral.get(name) ?? (honestCentral.get(name) as Buffer)));
  const outerEndAt = offset + outerCd.length;
  const innerCdAt = outerEndAt + 22;
  const innerEnd = endRecord(innerNames.length, innerCd.length, innerCdAt);
  const comment = Buffer.concat([innerCd, innerEnd, Buffer.alloc(options.innerEndMatches ? 0 : 1)]);
  if (comment.length > 0xffff) throw new Error('the hidden directory does not fit in a zip comment');
  return new Uint8Array(Buffer.concat([...locals, outerCd, endRecord(honestCentral.size, outerCd.length, offset, comment.length), comment]));
}

/**
 * Deflates `prefix`, `repeat` copies of `piece` and `suffix` as one raw deflate stream without ever holding the
 * whole: a huge, highly compressible part (450 MB of sheet rows deflate to about 1.3 MB). Returns the stream and
 * the size it inflates to.
 */
export async function deflateRepeated(prefix: string, piece: string, repeat: number, suffix: string): Promise<{ deflated: Uint8Array; size: number }> {
  const chunk = Buffer.from(piece.repeat(Math.max(1, Math.floor(1_000_000 / piece.length))));
  const perChunk = chunk.length / Buffer.byteLength(piece);
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let size = 0;
  const write = (b: Buffer) => {
    size += b.length;
    deflate.write(b);
  };
  write(Buffer.from(prefix));
  let left = repeat;
  for (; left >= perChunk; left -= perChunk) write(chunk);
  write(Buffer.from(piece.repeat(left)));
  write(Buffer.from(suffix));
  deflate.end();
  await done;
  return { deflated: new Uint8Array(Buffer.concat(out)), size };
}

/** The entries of a zip, inflated (with generous caps: these are our own small fixtures). */
export async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const entry of readZipDirectory(bytes)) out.set(entry.name, await readEntry(bytes, entry, 100_000_000));
  return out;
}

export const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));
export const asText = (value: Uint8Array | undefined) => Buffer.from(value ?? new Uint8Array()).toString('utf8');

/** Unpacks a workbook, lets `change` edit its parts, packs it again. */
export async function repack(bytes: Uint8Array, change: (parts: Map<string, Uint8Array>) => void): Promise<Uint8Array> {
  const parts = await unzip(bytes);
  change(parts);
  return writeZip([...parts].map(([name, data]) => ({ name, data })));
}

/** A small, ordinary workbook written by ExcelJS: one sheet `Medlemmar` with a header and three rows. */
export async function plainWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Medlemmar');
  sheet.addRow(['Kommun', 'Telefon']);
  sheet.addRow(['Ale', '0303-33 00 00']);
  sheet.addRow(['Alingsås', '0322-61 60 00']);
  sheet.addRow(['Alvesta', '0472-150 00']);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
