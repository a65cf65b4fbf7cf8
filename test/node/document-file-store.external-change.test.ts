/**
 * The register file changed on disk by something else while the app runs: noticed before the next save,
 * the save refused (nothing overwritten), our version can be written aside and the disk's loaded. And a
 * read-only open (someone else holds the lock) writes nothing at all.
 */
import { open as openFile, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract/result';
import { parseDocumentText, serialiseDocument } from '../../electron/core/store/parse-document';
import { EXTERNAL_CHANGE, openDocumentFile, type OpenDocumentOptions } from '../../electron/node/document-file-store';
import { nodeStoreFs } from '../../electron/node/durable-json-file';
import { createFaultyFs } from '../support/store-faulty-fs';
import { atRevision, defaultDocument, makeTempDir, manualClock, modeOf } from '../support/store-helpers';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('sambruk-external-'));
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  await cleanup();
});

function open(extra: Partial<OpenDocumentOptions> = {}) {
  return openDocumentFile({ file, createDefault: defaultDocument, ...extra });
}

/** What another program writes: a valid register with other content. */
function theirVersion(revision: number) {
  const doc = atRevision(defaultDocument(), revision);
  return { ...doc, meta: { ...doc.meta, associationName: 'Sambruk (ändrad i en annan kopia)' } };
}

describe('a register changed on disk by something else', () => {
  it('refuses the next save with a Swedish conflict error and leaves the other version on disk', async () => {
    const { port } = await open();
    await port.save(atRevision(defaultDocument(), 1));
    const theirs = serialiseDocument(theirVersion(7));
    await writeFile(file, theirs);

    const error = await port.save(atRevision(defaultDocument(), 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', details: { reason: EXTERNAL_CHANGE } });
    expect((error as AppError).message).toMatch(/har ändrats av ett annat program.*sparades inte/);
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });

  it('tells a change from our own saves: many saves in a row, never a false alarm', async () => {
    const { port, external } = await open();
    for (let r = 1; r <= 20; r++) await port.save(atRevision(defaultDocument(), r));
    expect(await external.changed()).toBe(false);
    await writeFile(file, serialiseDocument(theirVersion(3)));
    expect(await external.changed()).toBe(true);
  });

  it('compares content, not file times: a file merely touched is no change', async () => {
    const { port, external } = await open();
    await port.save(atRevision(defaultDocument(), 1));
    const later = new Date(Date.now() + 3_600_000);
    await utimes(file, later, later);
    expect(await external.changed()).toBe(false);
    await expect(port.save(atRevision(defaultDocument(), 2))).resolves.toBeUndefined();
  });

  it('notices a change of the same size written in place with the file times put back (as some sync tools do)', async () => {
    const { port, external } = await open();
    await port.save(atRevision(defaultDocument(), 1));
    const ours = await readFile(file, 'utf8');
    const times = await stat(file);
    // Past the file system's coarsest clock tick, so the change time can differ from that of our save.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const theirs = ours.replace('"Sambruk', '"SAMBRUK');
    expect(theirs).not.toBe(ours);
    expect(Buffer.byteLength(theirs)).toBe(Buffer.byteLength(ours));
    const handle = await openFile(file, 'r+');
    await handle.write(theirs, 0, 'utf8');
    await handle.close();
    await utimes(file, times.atime, times.mtime);
    expect(await external.changed()).toBe(true);
    await expect(port.save(atRevision(defaultDocument(), 2))).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });

  it('does not read the whole file back before each save while nothing else touched it', async () => {
    let reads = 0;
    const counting = { ...nodeStoreFs, readFile: (f: string) => ((reads += f === file ? 1 : 0), nodeStoreFs.readFile(f)) };
    const { port, external } = await open({ fs: counting });
    reads = 0;
    for (let r = 1; r <= 5; r++) await port.save(atRevision(defaultDocument(), r));
    expect(await external.changed()).toBe(false);
    expect(reads).toBe(0);
    // Touched: read once to compare content, then known again by its new stamp.
    const later = new Date(Date.now() + 3_600_000);
    await utimes(file, later, later);
    expect(await external.changed()).toBe(false);
    expect(await external.changed()).toBe(false);
    expect(reads).toBe(1);
  });

  it('notices a change made before the app even saved once (right after opening an existing register)', async () => {
    await writeFile(file, serialiseDocument(atRevision(defaultDocument(), 4)));
    const { port } = await open();
    await writeFile(file, serialiseDocument(theirVersion(5)));
    await expect(port.save(atRevision(defaultDocument(), 5))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('does not take its own half-failed save for someone else’s change', async () => {
    const faulty = createFaultyFs();
    const { port, external } = await open({ fs: faulty.fs });
    await port.save(atRevision(defaultDocument(), 1));
    // Fails after the rename: the new bytes are on disk, the save reports failure.
    faulty.failNext('dir-sync', 'EIO', (p) => p === dir);
    await expect(port.save(atRevision(defaultDocument(), 2))).rejects.toMatchObject({ code: 'save-failed' });
    expect(await external.changed()).toBe(false);
    // Fails before the rename: the old bytes stay, also known.
    faulty.failNext('sync', 'EIO');
    await expect(port.save(atRevision(defaultDocument(), 3))).rejects.toMatchObject({ code: 'save-failed' });
    expect(await external.changed()).toBe(false);
    await expect(port.save(atRevision(defaultDocument(), 3))).resolves.toBeUndefined();
  });

  it('recreates a file deleted from under it (our version is the newest there is)', async () => {
    const { port } = await open();
    await port.save(atRevision(defaultDocument(), 1));
    await rm(file);
    await port.save(atRevision(defaultDocument(), 2));
    expect(parseDocumentText(await readFile(file, 'utf8')).meta.revision).toBe(2);
  });

  it('writes our version aside as <name>.konflikt-<time>.json, private and never over another file', async () => {
    const clock = manualClock(new Date('2026-02-03T10:00:00.000Z'));
    const { external } = await open({ clock });
    const ours = atRevision(defaultDocument(), 9);
    const first = await external.writeAside(ours);
    const second = await external.writeAside(ours);
    expect(path.basename(first)).toBe('register.konflikt-20260203T100000000Z.json');
    expect(path.basename(second)).toBe('register.konflikt-20260203T100000000Z-2.json');
    expect(parseDocumentText(await readFile(first, 'utf8'))).toEqual(ours);
    expect(await modeOf(first)).toBe(0o600);
  });

  it('loads the disk’s version on request, after which saving works again and keeps theirs as a backup', async () => {
    const clock = manualClock(new Date('2026-02-03T10:00:00.000Z'));
    const { port, external } = await open({ clock });
    await port.save(atRevision(defaultDocument(), 1));
    const theirs = theirVersion(8);
    await writeFile(file, serialiseDocument(theirs));

    const loaded = await external.reload();
    expect(loaded).toEqual(theirs);
    expect(await external.changed()).toBe(false);
    clock.advance(60_000);
    const next = { ...theirs, meta: { ...theirs.meta, revision: 9 } };
    await port.save(next);
    expect(parseDocumentText(await readFile(file, 'utf8'))).toEqual(next);
    const backups = await port.listBackups();
    expect(backups[0]?.name).toMatch(/-r8\.json$/);
    expect(await port.readBackup(backups[0]!.name)).toEqual(theirs);
  });

  it('refuses to load a disk version that is not a valid register, and keeps refusing saves over it', async () => {
    const { port, external } = await open();
    await writeFile(file, '{"halv":');
    await expect(external.reload()).rejects.toMatchObject({ code: 'validation' });
    await expect(port.save(atRevision(defaultDocument(), 1))).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(file, 'utf8')).toBe('{"halv":');
  });
});

describe('opening read-only (someone else holds the register)', () => {
  async function listing() {
    const names = (await readdir(dir, { recursive: true })).map(String).sort();
    return Promise.all(names.map(async (n) => `${n}:${(await stat(path.join(dir, n))).mtimeMs}`));
  }

  it('reads the register and writes nothing: no temp clean-up, no chmod, no backups, no saves', async () => {
    const writer = await open();
    await writer.port.save(atRevision(defaultDocument(), 1));
    // The holder's save in flight: its temp file must survive our start.
    const inFlight = path.join(dir, '.register.json.999.1.abcd.tmp');
    await writeFile(inFlight, '{"på väg":');
    const before = await listing();

    const reader = await open({ readOnly: true });
    expect(reader.document.meta.revision).toBe(1);
    expect(reader.report.outcome).toBe('opened');
    await expect(reader.port.save(atRevision(defaultDocument(), 2))).rejects.toMatchObject({ code: 'read-only' });
    expect(await listing()).toEqual(before);
    expect(await readFile(inFlight, 'utf8')).toBe('{"på väg":');
  });

  it('does not repair a damaged or missing file: that is for the holder', async () => {
    await writeFile(file, '');
    await expect(open({ readOnly: true })).rejects.toMatchObject({ code: 'validation' });
    expect(await readdir(dir)).toEqual(['register.json']);
    await rm(file);
    await expect(open({ readOnly: true })).rejects.toMatchObject({ code: 'not-found' });
    expect(await readdir(dir)).toEqual([]);
  });
});
