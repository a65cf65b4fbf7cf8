/**
 * Backups and quarantined copies are owner-only whatever the register's mode; backups give way before a save is
 * refused for lack of space, and never take the room the next save needs; a rename Windows refuses for a moment
 * (EPERM, EBUSY, EACCES from a scanner or an indexer) is tried again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialiseDocument } from '../../electron/core/store/parse-document';
import { openDocumentFile, type OpenDocumentOptions } from '../../electron/node/document-file-store';
import { nodeStoreFs, renameWithRetry, type StoreFs } from '../../electron/node/durable-json-file';
import { fsError } from '../support/store-faulty-fs';
import { atRevision, defaultDocument, makeTempDir, manualClock, modeOf, revisionOnDisk } from '../support/store-helpers';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('sambruk-space-'));
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  await cleanup();
});

const backupDir = () => path.join(dir, 'register-sakerhetskopior');
const backupNames = async () => (await readdir(backupDir())).filter((n) => n.endsWith('.json')).sort();
const clock = manualClock(new Date('2026-03-02T09:00:00Z'));

function open(extra: Partial<OpenDocumentOptions> = {}) {
  return openDocumentFile({ file, createDefault: defaultDocument, clock, keepRolling: 10, renameRetryDelays: [1, 1, 1, 1], ...extra });
}

/** Opens the register and saves revisions 2..n, leaving n-1 rolling backups (revisions 1..n-1). */
async function withBackups(n: number, extra: Partial<OpenDocumentOptions> = {}) {
  await writeFile(file, serialiseDocument(atRevision(defaultDocument(), 1)));
  const opened = await open(extra);
  for (let r = 2; r <= n; r++) {
    clock.advance(1000);
    await opened.port.save(atRevision(opened.document, r));
  }
  return opened;
}

describe('owner-only copies', () => {
  it('a quarantined copy is 0600 though the damaged register was 0644', async () => {
    await writeFile(file, '{"schemaVersion": 1, "meta": {', { mode: 0o644 });
    await chmod(file, 0o644);
    const opened = await open({ onUnrecoverable: 'create-default' });
    expect(opened.report.quarantinedFile).toBeDefined();
    expect(await modeOf(opened.report.quarantinedFile!)).toBe(0o600);
  });

  it('a backup of a register made readable by others (0644) is a private copy, not a link sharing that mode', async () => {
    const opened = await withBackups(2);
    await chmod(file, 0o644);
    const replacedIno = (await stat(file)).ino;
    await opened.port.save(atRevision(opened.document, 3));
    const newest = path.join(backupDir(), (await backupNames()).at(-1)!);
    expect(newest).toMatch(/-r2\.json$/);
    expect(await modeOf(newest)).toBe(0o600);
    expect((await stat(newest)).ino).not.toBe(replacedIno);
    expect(await revisionOnDisk(newest)).toBe(2);
    for (const name of await backupNames()) expect(await modeOf(path.join(backupDir(), name))).toBe(0o600);
  });
});

describe('a rename refused for a moment (Windows scanners and indexers)', () => {
  function flakyRename(codes: string[]) {
    const calls: string[] = [];
    const fs: StoreFs = {
      ...nodeStoreFs,
      async rename(from, to) {
        calls.push(to);
        const code = codes.shift();
        if (code) throw fsError(code, 'rename');
        return nodeStoreFs.rename(from, to);
      },
    };
    return { fs, calls };
  }

  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    it(`${code} three times, then it goes through`, async () => {
      const { fs, calls } = flakyRename([code, code, code]);
      await writeFile(path.join(dir, 'a'), 'x');
      await renameWithRetry(fs, path.join(dir, 'a'), path.join(dir, 'b'), [1, 2, 4, 8]);
      expect(calls).toHaveLength(4);
      expect(await readdir(dir)).toEqual(['b']);
    });
  }

  it('gives up with the error once the pauses are used up, and never retries other errors', async () => {
    await writeFile(path.join(dir, 'a'), 'x');
    const busy = flakyRename(['EBUSY', 'EBUSY', 'EBUSY']);
    await expect(renameWithRetry(busy.fs, path.join(dir, 'a'), path.join(dir, 'b'), [1, 1])).rejects.toMatchObject({ code: 'EBUSY' });
    expect(busy.calls).toHaveLength(3);
    const full = flakyRename(['ENOSPC']);
    await expect(renameWithRetry(full.fs, path.join(dir, 'a'), path.join(dir, 'b'), [1, 1])).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(full.calls).toHaveLength(1);
  });

  it('a save whose rename meets EBUSY twice is saved, not refused', async () => {
    const codes: string[] = [];
    const { fs, calls } = flakyRename(codes);
    const opened = await withBackups(1, { fs });
    codes.push('EBUSY', 'EPERM');
    await opened.port.save(atRevision(opened.document, 2));
    expect(await revisionOnDisk(file)).toBe(2);
    expect(calls.filter((c) => c === file)).toHaveLength(3);
  });
});

describe('a full disk', () => {
  /** A disk with room for a new file only while the backup folder holds at most `room` backups (or never, with -1). */
  function diskWithRoomFor(room: () => number) {
    const fs: StoreFs = {
      ...nodeStoreFs,
      async open(f, flags, mode) {
        if (flags === 'wx' && path.dirname(f) === dir) {
          const count = (await readdir(backupDir())).length;
          if (room() < 0 || count > room()) throw fsError('ENOSPC', 'open');
        }
        return nodeStoreFs.open(f, flags, mode);
      },
    };
    return fs;
  }

  it('drops the oldest backups, saves, and says so', async () => {
    let room = Number.POSITIVE_INFINITY;
    const opened = await withBackups(7, { fs: diskWithRoomFor(() => room) });
    expect(await backupNames()).toHaveLength(6);
    room = 2;
    await opened.port.save(atRevision(opened.document, 8));

    expect(await revisionOnDisk(file)).toBe(8);
    // Four went to make room (revisions 1-4); the save then kept revision 7 as a new backup.
    expect((await backupNames()).map((n) => n.replace(/^.*-r/, 'r'))).toEqual(['r5.json', 'r6.json', 'r7.json']);
    expect(opened.takeNotices()).toEqual(['Disken var full. De 4 äldsta säkerhetskopiorna togs bort så att ändringen kunde sparas.']);
    expect(opened.takeNotices()).toEqual([]);
  });

  it('keeps the newest backup and refuses the save in Swedish when dropping backups is not enough', async () => {
    let room = Number.POSITIVE_INFINITY;
    const opened = await withBackups(4, { fs: diskWithRoomFor(() => room) });
    room = -1;
    await expect(opened.port.save(atRevision(opened.document, 5))).rejects.toMatchObject({
      code: 'save-failed',
      message: expect.stringMatching(/Ändringen kunde inte sparas: disken är full\. Inget har ändrats\./),
    });
    expect(await revisionOnDisk(file)).toBe(4);
    expect((await backupNames()).map((n) => n.replace(/^.*-r/, 'r'))).toEqual(['r3.json']);
    expect(opened.takeNotices()).toEqual(['Disken är full. De 2 äldsta säkerhetskopiorna togs bort, men det räckte inte för att spara ändringen.']);
  });

  it('after a save, backups never take the room the next save needs (the newest always stays)', async () => {
    let free = Number.MAX_SAFE_INTEGER;
    const fs: StoreFs = { ...nodeStoreFs, statfs: async () => ({ blocks: Number.MAX_SAFE_INTEGER, bavail: free, bsize: 1 }) };
    const opened = await withBackups(6, { fs });
    expect(await backupNames()).toHaveLength(5);
    expect(opened.takeNotices()).toEqual([]);

    free = 0;
    await opened.port.save(atRevision(opened.document, 7));
    // Room for two copies of the register is wanted: the two oldest go.
    expect((await backupNames()).map((n) => n.replace(/^.*-r/, 'r'))).toEqual(['r3.json', 'r4.json', 'r5.json', 'r6.json']);
    expect(opened.takeNotices()).toEqual(['Det är ont om plats på disken. De 2 äldsta säkerhetskopiorna togs bort så att nästa ändring får plats.']);
    for (let r = 8; r <= 12; r++) await opened.port.save(atRevision(opened.document, r));
    expect((await backupNames()).map((n) => n.replace(/^.*-r/, 'r'))).toEqual(['r11.json']);
    expect(await revisionOnDisk(file)).toBe(12);
  });

  it('a file system that reports no size (some network and FUSE mounts) is not taken for a full one', async () => {
    const fs: StoreFs = { ...nodeStoreFs, statfs: async () => ({ blocks: 0, bavail: 0, bsize: 4096 }) };
    const opened = await withBackups(5, { fs });
    expect(await backupNames()).toHaveLength(4);
    expect(opened.takeNotices()).toEqual([]);
  });
});
