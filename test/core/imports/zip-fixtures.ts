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

function crc32(data: Uint8Array): number {
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
  /** General-purpose flags, e.g. 1 for "encrypted". */
  flags?: number;
  /** Already-deflated bytes to store as they are (for big bombs made once). */
  deflated?: Uint8Array;
};

export function writeZip(specs: readonly ZipSpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const method = spec.method ?? 8;
    const body = Buffer.from(spec.deflated ?? (method === 8 ? zlib.deflateRawSync(spec.data) : spec.data));
    const name = Buffer.from(spec.name, 'utf8');
    const size = spec.declaredSize ?? spec.data.length;
    const crc = crc32(spec.data);
    const flags = (spec.flags ?? 0) | 0x800;
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
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
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
