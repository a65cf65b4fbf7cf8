/**
 * One writer per register file, also across users and PCs (a register on a shared folder). The
 * single-instance lock of Electron is per user and per PC, so it cannot see a colleague on another machine:
 * this lock file can.
 *
 * `<document>.lock` holds who has the register open (user, host, pid, app version, since when) and a
 * heartbeat the holder refreshes every 30 s. It is created with `wx` (O_CREAT|O_EXCL), which fails if the file
 * exists, also on SMB shares, so two starts cannot both win. A second copy finds the lock and opens the
 * register read-only, naming the holder. A lock left by a crash is stale when its process is gone (same host)
 * or its heartbeat is older than two minutes (any host); it can then be taken over, once the user confirms.
 *
 * Taking over moves the stale lock aside with one rename (only one contender can win it) and checks it is the
 * one that was judged stale before creating a new one: a holder that came back in the meantime keeps its lock.
 * A holder that finds its lock taken (it slept longer than two minutes) stops writing and is told (`onLost`).
 */
import { randomUUID } from 'node:crypto';
import { constants as fsConstants, readFileSync, unlinkSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './durable-json-file';

export type LockOwner = { user: string; host: string; pid: number; appVersion: string };

export type LockInfo = LockOwner & {
  /** When the holder opened the register (ISO 8601, UTC). */
  startedAt: string;
  /** Refreshed every `heartbeatMs` while the holder runs. */
  heartbeatAt: string;
  /** Tells this holder's lock from any later one (pids are reused). */
  token: string;
};

export type StaleReason = 'process-gone' | 'no-heartbeat' | 'unreadable';

export type LockOptions = {
  /** The document the lock is for; the lock file is `<file>.lock`. */
  file: string;
  owner: LockOwner;
  clock?: () => Date;
  /** A lock whose heartbeat (and file time) is older than this is stale. Default 2 minutes. */
  staleAfterMs?: number;
  /** How often the holder refreshes its heartbeat. Default 30 s. */
  heartbeatMs?: number;
  /** Whether a process on this host is running; injectable for tests. */
  isProcessAlive?: (pid: number) => boolean;
  /** The lock was taken over by someone else while we held it. */
  onLost?: (holder: LockInfo | undefined) => void;
};

export type HeldLock = {
  readonly path: string;
  info(): LockInfo;
  /** Refreshes the heartbeat now (the timer does it every `heartbeatMs`). Resolves false when the lock was lost. */
  beat(): Promise<boolean>;
  /** Stops the heartbeat and removes the lock if it is still ours. */
  release(): Promise<void>;
  /** The same, synchronously, for the last moments of the process (`will-quit`). */
  releaseSync(): void;
};

export type LockResult =
  | { state: 'acquired'; lock: HeldLock }
  | {
      state: 'held';
      /** Undefined when the lock file could not be read (being written, or damaged). */
      holder: LockInfo | undefined;
      stale: boolean;
      reason?: StaleReason;
      /** The lock's bytes as judged; taking over succeeds only if they are still the same. */
      observed: string;
    };

export const STALE_AFTER_MS = 2 * 60_000;
export const HEARTBEAT_MS = 30_000;

export function lockPathFor(file: string): string {
  return `${path.resolve(file)}.lock`;
}

/** `process.kill(pid, 0)` sends nothing: it only asks whether the process exists (EPERM: it does, another user's). */
export function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

export function parseLockInfo(text: string): LockInfo | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string).slice(0, 200) : undefined);
  const user = str('user');
  const host = str('host');
  const appVersion = str('appVersion') ?? '';
  const startedAt = str('startedAt');
  const heartbeatAt = str('heartbeatAt') ?? startedAt;
  const token = str('token') ?? '';
  const pid = typeof r.pid === 'number' && Number.isInteger(r.pid) ? r.pid : undefined;
  if (!user || !host || pid === undefined || !startedAt || !heartbeatAt) return undefined;
  if (Number.isNaN(Date.parse(startedAt)) || Number.isNaN(Date.parse(heartbeatAt))) return undefined;
  return { user, host, pid, appVersion, startedAt, heartbeatAt, token };
}

/** Whether a lock is stale, from what it says and when its file was last written. */
export function judgeLock(
  holder: LockInfo | undefined,
  fileTime: Date,
  now: Date,
  options: { host: string; staleAfterMs: number; isProcessAlive: (pid: number) => boolean },
): { stale: boolean; reason?: StaleReason } {
  const fileAge = now.getTime() - fileTime.getTime();
  if (!holder) return fileAge > options.staleAfterMs ? { stale: true, reason: 'unreadable' } : { stale: false };
  if (holder.host === options.host && !options.isProcessAlive(holder.pid)) return { stale: true, reason: 'process-gone' };
  // Both the holder's own clock and the file's time must be old: another PC's clock may be wrong.
  const beatAge = now.getTime() - Date.parse(holder.heartbeatAt);
  if (beatAge > options.staleAfterMs && fileAge > options.staleAfterMs) return { stale: true, reason: 'no-heartbeat' };
  return { stale: false };
}

export async function acquireDocumentLock(o: LockOptions): Promise<LockResult> {
  const lockPath = lockPathFor(o.file);
  const clock = o.clock ?? (() => new Date());
  const now = clock().toISOString();
  const info: LockInfo = { ...o.owner, startedAt: now, heartbeatAt: now, token: randomUUID() };
  // A register named on the command line may live in a folder that does not exist yet.
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(lockPath, 'wx', 0o644);
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') throw err;
    return inspect(o, lockPath, clock);
  }
  try {
    await handle.writeFile(JSON.stringify(info, null, 2), 'utf8');
    await handle.sync();
    await handle.close();
  } catch (err) {
    // An empty lock would keep everyone else read-only for two minutes: take it away again.
    await handle.close().catch(() => undefined);
    await fs.unlink(lockPath).catch(() => undefined);
    throw err;
  }
  await removeLeftovers(lockPath);
  return { state: 'acquired', lock: hold(o, lockPath, info, clock) };
}

/** Heartbeat temp files and moved-aside locks of earlier holders that crashed; nobody else writes them now. */
async function removeLeftovers(lockPath: string): Promise<void> {
  const dir = path.dirname(lockPath);
  const prefix = `${path.basename(lockPath)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && (name.endsWith('.tmp') || name.endsWith('.gammal'))) {
      await fs.unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

/**
 * Takes over a lock judged stale, provided it is still exactly the lock that was judged (`observed`).
 * Otherwise answers how things stand now (held by whoever has it).
 */
export async function takeOverDocumentLock(o: LockOptions, observed: string): Promise<LockResult> {
  const lockPath = lockPathFor(o.file);
  const clock = o.clock ?? (() => new Date());
  const aside = `${lockPath}.${process.pid}.${randomUUID().slice(0, 8)}.gammal`;
  try {
    await fs.rename(lockPath, aside);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw err;
    return acquireDocumentLock(o);
  }
  const moved = await fs.readFile(aside, 'utf8').catch(() => '');
  if (moved !== observed) {
    // Not the lock we judged: its holder is back, or someone else took over first. Put it back as it was.
    await fs.copyFile(aside, lockPath, fsConstants.COPYFILE_EXCL).catch(() => undefined);
    await fs.unlink(aside).catch(() => undefined);
    return inspect(o, lockPath, clock);
  }
  await fs.unlink(aside).catch(() => undefined);
  return acquireDocumentLock(o);
}

async function inspect(o: LockOptions, lockPath: string, clock: () => Date): Promise<LockResult> {
  let text: string;
  let mtime: Date;
  try {
    text = await fs.readFile(lockPath, 'utf8');
    mtime = (await fs.stat(lockPath)).mtime;
  } catch (err) {
    // Released between our attempt and our look: try once more.
    if (errorCode(err) === 'ENOENT') return acquireDocumentLock(o);
    throw err;
  }
  const holder = parseLockInfo(text);
  const verdict = judgeLock(holder, mtime, clock(), {
    host: o.owner.host,
    staleAfterMs: o.staleAfterMs ?? STALE_AFTER_MS,
    isProcessAlive: o.isProcessAlive ?? processIsAlive,
  });
  return { state: 'held', holder, stale: verdict.stale, ...(verdict.reason ? { reason: verdict.reason } : {}), observed: text };
}

function hold(o: LockOptions, lockPath: string, initial: LockInfo, clock: () => Date): HeldLock {
  let info = initial;
  let active = true;
  let beating: Promise<boolean> | undefined;

  const ours = (text: string | undefined) => text !== undefined && parseLockInfo(text)?.token === info.token;

  async function beatOnce(): Promise<boolean> {
    if (!active) return false;
    const text = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
    if (!ours(text)) {
      stop();
      o.onLost?.(text === undefined ? undefined : parseLockInfo(text));
      return false;
    }
    const next = { ...info, heartbeatAt: clock().toISOString() };
    const temp = `${lockPath}.${info.token.slice(0, 8)}.tmp`;
    try {
      await fs.writeFile(temp, JSON.stringify(next, null, 2), { encoding: 'utf8', mode: 0o644 });
      await fs.rename(temp, lockPath);
      info = next;
    } catch {
      // A reader holding the file open (Windows) or a busy share: the next beat tries again.
      await fs.unlink(temp).catch(() => undefined);
    }
    return true;
  }

  const timer = setInterval(() => {
    void beat();
  }, o.heartbeatMs ?? HEARTBEAT_MS);
  timer.unref();

  function stop() {
    active = false;
    clearInterval(timer);
  }

  function beat(): Promise<boolean> {
    beating ??= beatOnce().finally(() => {
      beating = undefined;
    });
    return beating;
  }

  return {
    path: lockPath,
    info: () => info,
    beat,
    async release() {
      stop();
      await beating?.catch(() => undefined);
      const text = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
      if (ours(text)) await fs.unlink(lockPath).catch(() => undefined);
    },
    releaseSync() {
      stop();
      let text: string | undefined;
      try {
        text = readFileSync(lockPath, 'utf8');
      } catch {
        return;
      }
      if (!ours(text)) return;
      try {
        unlinkSync(lockPath);
      } catch {
        // Already gone, or the share went away: nothing left to release.
      }
    },
  };
}

const clockFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long' });
const dateKey = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** «09:14», or «3 mars 09:14» when not today (Swedish time). */
export function formatLockTime(iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'okänd tid';
  const time = clockFormat.format(at);
  return dateKey.format(at) === dateKey.format(now) ? time : `${dayFormat.format(at)} ${time}`;
}

/** «Registret är öppnat av anna på KANSLI-PC sedan 09:14.» */
export function describeHolder(holder: LockInfo | undefined, now: Date): string {
  if (!holder) return 'Registret är öppnat i en annan kopia av programmet (vem som har det öppet gick inte att läsa).';
  return `Registret är öppnat av ${holder.user} på ${holder.host} sedan ${formatLockTime(holder.startedAt, now)}.`;
}

/** Why the lock looks abandoned, as a sentence for the take-over question. */
export function describeStale(holder: LockInfo | undefined, reason: StaleReason | undefined, now: Date): string {
  switch (reason) {
    case 'process-gone':
      return 'Det programmet körs inte längre på den datorn; det stängdes troligen av oväntat.';
    case 'no-heartbeat':
      return `Det programmet har inte hört av sig sedan ${holder ? formatLockTime(holder.heartbeatAt, now) : 'en stund'}; det har troligen stängts av oväntat eller tappat kontakten med mappen.`;
    case 'unreadable':
      return 'Låsfilen är skadad och har inte ändrats på länge.';
    default:
      return '';
  }
}
