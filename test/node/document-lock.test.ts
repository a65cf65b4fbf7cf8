/**
 * The register's lock file on real temp folders: one holder at a time (also when two start at once), stale
 * locks after a crash recognised and taken over only while still stale, a heartbeat, and release.
 */
import { spawn } from 'node:child_process';
import * as realFs from 'node:fs/promises';
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  acquireDocumentLock,
  describeHolder,
  describeStale,
  formatLockTime,
  judgeLock,
  lockPathFor,
  parseLockInfo,
  processIsAlive,
  takeOverDocumentLock,
  type HeldLock,
  type LockInfo,
  type LockOptions,
  type LockFs,
  type LockResult,
} from '../../electron/node/document-lock';
import { fsError } from '../support/store-faulty-fs';
import { makeTempDir } from '../support/store-helpers';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;
const held: HeldLock[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('sambruk-lock-'));
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  await cleanup();
});

const anna = { user: 'anna', host: 'KANSLI-PC', pid: 4242, appVersion: '1.0.0' };
const bo = { user: 'bo', host: 'EKONOMI-PC', pid: 5151, appVersion: '1.0.0' };

function options(owner = anna, extra: Partial<LockOptions> = {}): LockOptions {
  return { file, owner, isProcessAlive: () => true, heartbeatMs: 60_000, ...extra };
}

function acquired(result: LockResult): HeldLock {
  if (result.state !== 'acquired') throw new Error(`expected the lock, got ${JSON.stringify(result)}`);
  held.push(result.lock);
  return result.lock;
}

function heldBy(result: LockResult) {
  if (result.state !== 'held') throw new Error('expected the lock to be held by someone else');
  return result;
}

async function ageLockFile(ms: number) {
  const old = new Date(Date.now() - ms);
  await utimes(lockPathFor(file), old, old);
}

describe('acquiring the lock', () => {
  it('creates <document>.lock naming user, host, pid, version, start and heartbeat', async () => {
    const lock = acquired(await acquireDocumentLock(options(anna, { clock: () => new Date('2025-03-01T08:14:00Z') })));
    expect(lock.path).toBe(`${file}.lock`);
    const info = JSON.parse(await readFile(lock.path, 'utf8')) as LockInfo;
    expect(info).toMatchObject({ ...anna, startedAt: '2025-03-01T08:14:00.000Z', heartbeatAt: '2025-03-01T08:14:00.000Z' });
    expect(info.token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a second copy the holder (read-only for it), not the lock', async () => {
    const first = acquired(await acquireDocumentLock(options(anna)));
    const second = heldBy(await acquireDocumentLock(options(bo)));
    expect(second.stale).toBe(false);
    expect(second.holder).toEqual(first.info());
    expect(second.observed).toBe(await readFile(first.path, 'utf8'));
  });

  it('lets exactly one of many simultaneous starts win (wx is atomic)', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => acquireDocumentLock(options({ ...bo, user: `user${i}`, pid: 1000 + i }))),
    );
    const winners = results.filter((r) => r.state === 'acquired');
    expect(winners).toHaveLength(1);
    held.push(...winners.map((w) => (w as { lock: HeldLock }).lock));
    const owner = JSON.parse(await readFile(lockPathFor(file), 'utf8')) as LockInfo;
    expect(owner.token).toBe(winners[0]?.state === 'acquired' ? winners[0].lock.info().token : '');
    for (const r of results.filter((r) => r.state === 'held')) expect((r as { holder?: LockInfo }).holder?.token).toBe(owner.token);
  });

  it('creates the folder of a register that does not exist yet', async () => {
    file = path.join(dir, 'ny', 'mapp', 'register.json');
    acquired(await acquireDocumentLock(options()));
    expect((await stat(lockPathFor(file))).isFile()).toBe(true);
  });
});

describe('where no lock can be made', () => {
  /** The real file system, but `op` on the lock file fails with `code` as a read-only or full disk answers. */
  function failing(op: 'open' | 'mkdir' | 'readFile' | 'rename', code: string): LockFs {
    return {
      ...realFs,
      [op]: async (target: unknown, ...rest: unknown[]) => {
        if (String(target).endsWith('.lock') || op === 'mkdir') throw fsError(code, op);
        return (realFs[op] as (...args: unknown[]) => unknown)(target, ...rest);
      },
    } as LockFs;
  }

  it.each([
    ['EROFS', 'file-system-read-only'],
    ['EACCES', 'folder-read-only'],
    ['EPERM', 'folder-read-only'],
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
  ])('answers unavailable (%s: %s) when the lock file cannot be created, leaving nothing behind', async (code, reason) => {
    const result = await acquireDocumentLock(options(anna, { fs: failing('open', code) }));
    expect(result).toEqual({ state: 'unavailable', reason, code });
    expect(await readdir(dir)).toEqual([]);
  });

  it('answers unavailable when the folder of a new register cannot be created (read-only parent)', async () => {
    const result = await acquireDocumentLock(options(anna, { fs: failing('mkdir', 'EACCES') }));
    expect(result).toMatchObject({ state: 'unavailable', reason: 'folder-read-only' });
  });

  it('takes away a lock it could create but not write (disk full), and answers disk-full', async () => {
    const fs: LockFs = {
      ...realFs,
      open: async (...args: Parameters<typeof realFs.open>) => {
        const handle = await realFs.open(...args);
        // The lock's bytes do not fit: the file exists, empty, as on a full disk.
        return Object.assign(Object.create(handle) as realFs.FileHandle, {
          writeFile: async () => Promise.reject(fsError('ENOSPC', 'write')),
          close: () => handle.close(),
        });
      },
    };
    const result = await acquireDocumentLock(options(anna, { fs }));
    expect(result).toEqual({ state: 'unavailable', reason: 'disk-full', code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('answers lock-no-access when an existing lock cannot be read, and leaves it as it was', async () => {
    acquired(await acquireDocumentLock(options(anna)));
    const before = await readFile(lockPathFor(file), 'utf8');
    const result = await acquireDocumentLock(options(bo, { fs: failing('readFile', 'EACCES') }));
    expect(result).toEqual({ state: 'unavailable', reason: 'lock-no-access', code: 'EACCES' });
    expect(await readFile(lockPathFor(file), 'utf8')).toBe(before);
  });

  it('answers unavailable when a stale lock cannot be moved aside (read-only folder), leaving it in place', async () => {
    await writeFile(lockPathFor(file), JSON.stringify({ ...anna, startedAt: new Date().toISOString(), heartbeatAt: new Date().toISOString(), token: 't' }));
    const judged = heldBy(await acquireDocumentLock(options(bo, { isProcessAlive: () => false })));
    const result = await takeOverDocumentLock(options(bo, { fs: failing('rename', 'EACCES') }), judged.observed);
    expect(result).toMatchObject({ state: 'unavailable', reason: 'folder-read-only' });
    expect(await readFile(lockPathFor(file), 'utf8')).toBe(judged.observed);
  });

  it('still reports other failures (an I/O error is not a read-only folder)', async () => {
    await expect(acquireDocumentLock(options(anna, { fs: failing('open', 'EIO') }))).rejects.toMatchObject({ code: 'EIO' });
  });
});

describe('a lock left behind', () => {
  it('is stale at once when its process is gone on this host', async () => {
    await writeFile(lockPathFor(file), JSON.stringify({ ...anna, startedAt: new Date().toISOString(), heartbeatAt: new Date().toISOString(), token: 't' }));
    const result = heldBy(await acquireDocumentLock(options({ ...bo, host: 'KANSLI-PC' }, { isProcessAlive: (pid) => pid !== 4242 })));
    expect(result).toMatchObject({ stale: true, reason: 'process-gone' });
  });

  it('is not stale while its process runs, nor when it is on another host with a fresh heartbeat', async () => {
    await writeFile(lockPathFor(file), JSON.stringify({ ...anna, startedAt: new Date().toISOString(), heartbeatAt: new Date().toISOString(), token: 't' }));
    expect(heldBy(await acquireDocumentLock(options({ ...bo, host: 'KANSLI-PC' })))).toMatchObject({ stale: false });
    // Another host's pid says nothing here: only the heartbeat counts.
    expect(heldBy(await acquireDocumentLock(options(bo, { isProcessAlive: () => false })))).toMatchObject({ stale: false });
  });

  it('is stale from another host once both its heartbeat and its file are older than two minutes', async () => {
    const old = new Date(Date.now() - 3 * 60_000).toISOString();
    await writeFile(lockPathFor(file), JSON.stringify({ ...anna, startedAt: old, heartbeatAt: old, token: 't' }));
    // The file was just written: another PC's clock may be behind, so not yet.
    expect(heldBy(await acquireDocumentLock(options(bo)))).toMatchObject({ stale: false });
    await ageLockFile(3 * 60_000);
    expect(heldBy(await acquireDocumentLock(options(bo)))).toMatchObject({ stale: true, reason: 'no-heartbeat' });
  });

  it('treats an unreadable lock as held until it is old, then as stale', async () => {
    await writeFile(lockPathFor(file), '');
    const fresh = heldBy(await acquireDocumentLock(options(bo)));
    expect(fresh).toMatchObject({ stale: false, holder: undefined });
    await ageLockFile(3 * 60_000);
    expect(heldBy(await acquireDocumentLock(options(bo)))).toMatchObject({ stale: true, reason: 'unreadable' });
  });

  it('can be taken over while it is still the lock that was judged stale', async () => {
    const old = new Date(Date.now() - 5 * 60_000).toISOString();
    await writeFile(lockPathFor(file), JSON.stringify({ ...anna, startedAt: old, heartbeatAt: old, token: 'gammal' }));
    await ageLockFile(5 * 60_000);
    const judged = heldBy(await acquireDocumentLock(options(bo)));
    expect(judged.stale).toBe(true);
    const lock = acquired(await takeOverDocumentLock(options(bo), judged.observed));
    expect(JSON.parse(await readFile(lockPathFor(file), 'utf8'))).toMatchObject({ user: 'bo', token: lock.info().token });
    expect((await readdir(dir)).filter((n) => n.includes('.lock.'))).toEqual([]);
  });

  it('is not taken over when its holder came back after it was judged (the holder keeps it)', async () => {
    const old = new Date(Date.now() - 5 * 60_000).toISOString();
    await writeFile(lockPathFor(file), JSON.stringify({ ...anna, startedAt: old, heartbeatAt: old, token: 'annas' }));
    await ageLockFile(5 * 60_000);
    const judged = heldBy(await acquireDocumentLock(options(bo)));
    // Anna's app wakes up and beats before Bo confirms.
    const back = JSON.stringify({ ...anna, startedAt: old, heartbeatAt: new Date().toISOString(), token: 'annas' });
    await writeFile(lockPathFor(file), back);
    const result = heldBy(await takeOverDocumentLock(options(bo), judged.observed));
    expect(result.stale).toBe(false);
    expect(await readFile(lockPathFor(file), 'utf8')).toBe(back);
  });

  it('lets only one of two people taking over the same stale lock win', async () => {
    const old = new Date(Date.now() - 5 * 60_000).toISOString();
    await writeFile(lockPathFor(file), JSON.stringify({ ...anna, startedAt: old, heartbeatAt: old, token: 'gammal' }));
    await ageLockFile(5 * 60_000);
    const a = heldBy(await acquireDocumentLock(options(bo)));
    const b = heldBy(await acquireDocumentLock(options({ ...bo, user: 'cecilia', pid: 6161 })));
    const results = await Promise.all([
      takeOverDocumentLock(options(bo), a.observed),
      takeOverDocumentLock(options({ ...bo, user: 'cecilia', pid: 6161 }), b.observed),
    ]);
    const winners = results.filter((r) => r.state === 'acquired');
    expect(winners).toHaveLength(1);
    held.push(...winners.map((w) => (w as { lock: HeldLock }).lock));
    const loser = results.find((r) => r.state === 'held') as { holder?: LockInfo; stale: boolean };
    expect(loser.stale).toBe(false);
    expect(loser.holder?.token).toBe((winners[0] as { lock: HeldLock }).lock.info().token);
  });
});

describe('holding the lock', () => {
  it('refreshes the heartbeat', async () => {
    let now = new Date('2025-03-01T08:00:00Z');
    const lock = acquired(await acquireDocumentLock(options(anna, { clock: () => now })));
    now = new Date('2025-03-01T08:00:30Z');
    expect(await lock.beat()).toBe(true);
    const info = JSON.parse(await readFile(lock.path, 'utf8')) as LockInfo;
    expect(info.heartbeatAt).toBe('2025-03-01T08:00:30.000Z');
    expect(info.startedAt).toBe('2025-03-01T08:00:00.000Z');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('beats on its own timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let now = new Date('2025-03-01T08:59:00Z');
      const lock = acquired(await acquireDocumentLock(options(anna, { heartbeatMs: 1000, clock: () => now })));
      now = new Date('2025-03-01T09:00:00Z');
      vi.advanceTimersByTime(1000);
      await vi.waitFor(async () => expect((JSON.parse(await readFile(lock.path, 'utf8')) as LockInfo).heartbeatAt).toBe('2025-03-01T09:00:00.000Z'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('notices when someone else has taken the lock, stops beating and says so', async () => {
    const onLost = vi.fn();
    const lock = acquired(await acquireDocumentLock(options(anna, { onLost })));
    const theirs = JSON.stringify({ ...bo, startedAt: new Date().toISOString(), heartbeatAt: new Date().toISOString(), token: 'bos' });
    await writeFile(lock.path, theirs);
    expect(await lock.beat()).toBe(false);
    expect(onLost).toHaveBeenCalledWith(expect.objectContaining({ user: 'bo', token: 'bos' }));
    expect(await readFile(lock.path, 'utf8')).toBe(theirs);
    // Releasing must not remove Bo's lock.
    await lock.release();
    expect(await readFile(lock.path, 'utf8')).toBe(theirs);
  });

  it('releases (async and sync) only its own lock', async () => {
    const lock = acquired(await acquireDocumentLock(options()));
    await lock.release();
    await expect(stat(lock.path)).rejects.toMatchObject({ code: 'ENOENT' });
    const again = acquired(await acquireDocumentLock(options()));
    again.releaseSync();
    await expect(stat(again.path)).rejects.toMatchObject({ code: 'ENOENT' });
    // After a release, the next start gets the lock at once.
    acquired(await acquireDocumentLock(options(bo)));
  });
});

describe('processIsAlive', () => {
  it('knows this process is running and a finished child is not', async () => {
    expect(processIsAlive(process.pid)).toBe(true);
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid ?? -1;
    await new Promise((resolve) => child.on('close', resolve));
    expect(processIsAlive(pid)).toBe(false);
    expect(processIsAlive(0)).toBe(false);
    expect(processIsAlive(-5)).toBe(false);
  });
});

describe('reading and describing locks', () => {
  it('accepts only a complete lock', () => {
    const good = { ...anna, startedAt: '2025-03-01T08:14:00Z', heartbeatAt: '2025-03-01T08:15:00Z', token: 't' };
    expect(parseLockInfo(JSON.stringify(good))).toEqual(good);
    expect(parseLockInfo('')).toBeUndefined();
    expect(parseLockInfo('null')).toBeUndefined();
    expect(parseLockInfo('{"user":"a"}')).toBeUndefined();
    expect(parseLockInfo(JSON.stringify({ ...good, pid: '12' }))).toBeUndefined();
    expect(parseLockInfo(JSON.stringify({ ...good, startedAt: 'igår' }))).toBeUndefined();
  });

  it('judges by the later of heartbeat and file time', () => {
    const now = new Date('2025-03-01T10:00:00Z');
    const holder = parseLockInfo(JSON.stringify({ ...anna, startedAt: '2025-03-01T08:00:00Z', heartbeatAt: '2025-03-01T09:50:00Z', token: 't' }));
    const opts = { host: 'EKONOMI-PC', staleAfterMs: 120_000, isProcessAlive: () => true };
    expect(judgeLock(holder, new Date('2025-03-01T09:50:00Z'), now, opts)).toEqual({ stale: true, reason: 'no-heartbeat' });
    expect(judgeLock(holder, new Date('2025-03-01T09:59:00Z'), now, opts)).toEqual({ stale: false });
  });

  it('names the holder in Swedish, with the time in Sweden (and the date when not today)', () => {
    const holder = { ...anna, startedAt: '2025-03-01T08:14:00Z', heartbeatAt: '2025-03-01T08:30:00Z', token: 't' };
    expect(describeHolder(holder, new Date('2025-03-01T12:00:00Z'))).toBe('Registret är öppnat av anna på KANSLI-PC sedan 09:14.');
    expect(formatLockTime('2025-03-01T08:14:00Z', new Date('2025-03-04T12:00:00Z'))).toBe('1 mars 09:14');
    expect(describeHolder(undefined, new Date())).toMatch(/annan kopia av programmet/);
    expect(describeStale(holder, 'no-heartbeat', new Date('2025-03-01T12:00:00Z'))).toMatch(/sedan 09:30/);
  });
});
