import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile, nodeStoreFs, writeFileDurably, type StoreFs } from '../../electron/node/durable-json-file';
import { AppError } from '../../electron/contract/result';
import { parseDocumentBytes, parseDocumentText, serialiseDocument } from '../../electron/core/store/parse-document';
import type { SambrukDocument } from '../../electron/core/store/schema';
import { createFaultyFs, type FaultPoint } from '../support/store-faulty-fs';
import { atRevision, defaultDocument, makeTempDir, modeOf, tempFilesIn } from '../support/store-helpers';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(async () => {
  await cleanup();
});

function lowAdapterFor(file: string) {
  return new DurableJsonFile<SambrukDocument | null>(file, {
    parse: parseDocumentBytes,
    serialise: (doc) => serialiseDocument(doc!),
  });
}

function adapterFor(file: string, fs = createFaultyFs().fs) {
  return new DurableJsonFile<SambrukDocument>(file, { parse: parseDocumentBytes, serialise: serialiseDocument, fs });
}

describe('DurableJsonFile', () => {
  it('reads null for a missing file and round-trips a document through lowdb on the real disk', async () => {
    const file = path.join(dir, 'register.json');
    const db = new Low<SambrukDocument | null>(lowAdapterFor(file), null);
    await db.read();
    expect(db.data).toBeNull();

    const doc = atRevision(defaultDocument(), 7);
    db.data = doc;
    await db.write();

    // Straight from the disk, not from lowdb's memory (JSONFilePreset would go in-memory under NODE_ENV=test).
    expect(await readFile(file, 'utf8')).toBe(serialiseDocument(doc));
    const again = new Low<SambrukDocument | null>(lowAdapterFor(file), null);
    await again.read();
    expect(again.data).toEqual(doc);
  });

  it('writes pieces one after another, however few bytes each write call takes', async () => {
    const file = path.join(dir, 'pieces.json');
    await writeFile(file, 'gammalt innehåll som är längre än det nya');
    // A handle that takes at most 5 bytes a call, as a slow or interrupted write may.
    const stingy: StoreFs = {
      ...nodeStoreFs,
      async open(f, flags, mode) {
        const handle = await nodeStoreFs.open(f, flags, mode);
        return { ...handle, write: (b, o, l, p) => handle.write(b, o, Math.min(l, 5), p), chmod: (m) => handle.chmod(m), sync: () => handle.sync(), close: () => handle.close() };
      },
    };
    const utf8 = new TextEncoder();
    const pieces = ['{"a":', '"åäö",', '', '"b":[1,2,3]', '}'].map((p) => utf8.encode(p));
    await writeFileDurably(stingy, file, pieces);
    expect(await readFile(file, 'utf8')).toBe('{"a":"åäö","b":[1,2,3]}');
  });

  it('leaves the file at mode 0600 after every write, even when it was 0644 before', async () => {
    const file = path.join(dir, 'register.json');
    const adapter = adapterFor(file);
    await adapter.write(defaultDocument());
    expect(await modeOf(file)).toBe(0o600);
    await chmod(file, 0o644);
    for (let r = 1; r <= 3; r++) {
      await adapter.write(atRevision(defaultDocument(), r));
      expect(await modeOf(file)).toBe(0o600);
    }
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('sets mode 0600 explicitly, whatever the umask would have made of it', async () => {
    const file = path.join(dir, 'register.json');
    // With this umask a file created 0600 comes out 0400: only an explicit chmod gives 0600.
    const old = process.umask(0o277);
    try {
      await adapterFor(file).write(defaultDocument());
    } finally {
      process.umask(old);
    }
    expect(await modeOf(file)).toBe(0o600);
  });

  it('fsyncs the temp file before the rename and the folder after it', async () => {
    const file = path.join(dir, 'register.json');
    const faulty = createFaultyFs();
    await adapterFor(file, faulty.fs).write(defaultDocument());
    const steps = faulty.calls.map((c) => `${c.op}:${c.op === 'dir-sync' ? c.path : path.basename(c.path).endsWith('.tmp') ? 'temp' : path.basename(c.path)}`);
    expect(steps.filter((s) => !s.startsWith('write:'))).toEqual(['open:temp', 'sync:temp', 'close:temp', 'rename:register.json', `dir-sync:${dir}`]);
  });

  it('reports a failed folder fsync (after the rename) as a failed write', async () => {
    const file = path.join(dir, 'register.json');
    const faulty = createFaultyFs();
    faulty.failNext('dir-sync', 'EIO');
    await expect(adapterFor(file, faulty.fs).write(defaultDocument())).rejects.toMatchObject({ code: 'EIO' });
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it('passes the text through the given parser and refuses what it refuses', async () => {
    const file = path.join(dir, 'register.json');
    await writeFile(file, 'null');
    await expect(adapterFor(file).read()).rejects.toMatchObject({ code: 'validation' });
    await writeFile(file, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const err = await adapterFor(file).read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/UTF-8/);
  });

  it('writes in call order when writes overlap', async () => {
    const file = path.join(dir, 'register.json');
    const adapter = adapterFor(file);
    await Promise.all([1, 2, 3, 4, 5].map((r) => adapter.write(atRevision(defaultDocument(), r))));
    expect(parseDocumentText(await readFile(file, 'utf8')).meta.revision).toBe(5);
  });

  const faults: FaultPoint[] = ['open', 'write', 'sync', 'close', 'rename'];
  for (const point of faults) {
    it(`on a failure at ${point}: rejects, keeps the old bytes, removes the temp file`, async () => {
      const file = path.join(dir, 'register.json');
      const faulty = createFaultyFs();
      const adapter = adapterFor(file, faulty.fs);
      await adapter.write(atRevision(defaultDocument(), 1));
      const before = await readFile(file);

      faulty.failNext(point, 'ENOSPC');
      await expect(adapter.write(atRevision(defaultDocument(), 2))).rejects.toMatchObject({ code: 'ENOSPC' });

      expect(Buffer.compare(await readFile(file), before)).toBe(0);
      expect(await tempFilesIn(dir)).toEqual([]);
      // The fault really fired at that step.
      expect(faulty.calls.some((c) => c.op === point)).toBe(true);

      // And the next write goes through.
      await adapter.write(atRevision(defaultDocument(), 3));
      expect(parseDocumentText(await readFile(file, 'utf8')).meta.revision).toBe(3);
    });
  }

  it('gets part of the file out before ENOSPC (the fault is mid-write, not before it)', async () => {
    const file = path.join(dir, 'big.bin');
    const faulty = createFaultyFs();
    const data = Buffer.alloc(100_000, 0x61);
    faulty.failNext('write', 'ENOSPC');
    await expect(writeFileDurably(faulty.fs, file, data)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(faulty.calls.filter((c) => c.op === 'write')).toHaveLength(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it('runs beforeReplace after the temp file is complete and before the rename; a throw there keeps the old file', async () => {
    const file = path.join(dir, 'register.json');
    await writeFile(file, 'old');
    const seen: string[] = [];
    await writeFileDurably(createFaultyFs().fs, file, Buffer.from('new'), {
      beforeReplace: async () => {
        seen.push(await readFile(file, 'utf8'));
        const temps = await tempFilesIn(dir);
        seen.push(await readFile(path.join(dir, temps[0]!), 'utf8'));
      },
    });
    expect(seen).toEqual(['old', 'new']);

    await expect(
      writeFileDurably(createFaultyFs().fs, file, Buffer.from('newer'), {
        beforeReplace: () => Promise.reject(new Error('nope')),
      }),
    ).rejects.toThrow('nope');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await tempFilesIn(dir)).toEqual([]);
  });
});
