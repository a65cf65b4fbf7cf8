/**
 * Backups of the document in their own folder.
 *
 * - Rolling: each version of the document, kept when a save replaces it (a hard link to the old file, made just
 *   before the rename, so it costs no copy; a copy where links are not supported). Named
 *   `rullande-<UTC time>-r<revision>.json`, so names sort by time. The newest `keepRolling` are kept.
 * - Daily: a rolling backup that ages out becomes `dag-<date>.json` (renamed, not copied), replacing an older one
 *   of the same day, so each day keeps its last version. The newest `keepDaily` days are kept: counted in days
 *   that have a backup, not calendar days, so a register left untouched for months still has its history.
 *
 * Backup files never share an inode with the live document (the link is made to the version being replaced),
 * so nothing that rewrites the document in place can change a backup. A backup is owner-only (0600): when the
 * version being replaced is readable by others (a file copied in), it is copied, not linked.
 *
 * Backups never fill the disk: after a save, the oldest are dropped while the free space is below what the
 * next save needs, and a save that meets a full disk drops them before it gives up (`dropOldest`). The newest
 * backup is always kept.
 */
import path from 'node:path';
import type { BackupInfo } from '../contract/channels/app.channels';
import { AppError } from '../contract/result';
import { errorCode, PRIVATE_FILE_MODE, renameWithRetry, syncDirectory, writeFileDurably, type StoreFs } from './durable-json-file';

const ROLLING = /^rullande-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-r(\d+)\.json$/;
const DAILY = /^dag-(\d{4}-\d{2}-\d{2})\.json$/;

type RollingEntry = { name: string; ms: number; revision: number };
type DailyEntry = { name: string; date: string };

export type BackupRotationOptions = {
  fs: StoreFs;
  backupDir: string;
  clock: () => Date;
  keepRolling: number;
  keepDaily: number;
  /** Delays between attempts of a rename Windows refuses for a moment (see `renameWithRetry`). */
  renameRetryDelays?: readonly number[];
};

/** `20260115T101500123Z`: the ISO instant without separators, so that names sort by time. */
export function formatStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

/** The calendar day in Sweden, which is what a "daily" backup means to the secretariat. */
const swedishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

export function isBackupName(name: string): boolean {
  return ROLLING.test(name) || DAILY.test(name);
}

export function createBackupRotation(options: BackupRotationOptions) {
  const { fs, backupDir, clock, keepRolling, keepDaily, renameRetryDelays } = options;
  let lastStampMs = Number.NEGATIVE_INFINITY;

  async function scan(): Promise<{ rolling: RollingEntry[]; daily: DailyEntry[] }> {
    let names: string[];
    try {
      names = await fs.readdir(backupDir);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return { rolling: [], daily: [] };
      throw err;
    }
    const rolling: RollingEntry[] = [];
    const daily: DailyEntry[] = [];
    for (const name of names) {
      const r = ROLLING.exec(name);
      if (r) {
        const [, y, mo, d, h, mi, s, msPart, rev] = r.map(Number) as number[];
        const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, msPart!);
        if (Number.isFinite(ms)) rolling.push({ name, ms, revision: rev! });
        continue;
      }
      const dm = DAILY.exec(name);
      if (dm) daily.push({ name, date: dm[1]! });
    }
    rolling.sort((a, b) => b.ms - a.ms || b.revision - a.revision);
    daily.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    return { rolling, daily };
  }

  /** Backup times never go backwards (a clock set back must not make the newest backup sort as oldest). */
  function nextStampMs(): number {
    const now = clock().getTime();
    lastStampMs = now > lastStampMs ? now : lastStampMs + 1;
    return lastStampMs;
  }

  /** Every backup with its size, oldest first (daily ones are all older than the rolling ones). */
  async function oldestBackupsFirst(): Promise<{ name: string; size: number }[]> {
    const { rolling, daily } = await scan();
    const out: { name: string; size: number }[] = [];
    for (const { name } of [...daily.reverse(), ...rolling.reverse()]) {
      const stats = await statOrUndefined(fs, path.join(backupDir, name));
      if (stats) out.push({ name, size: stats.size });
    }
    return out;
  }

  return {
    backupDir,

    async init(): Promise<void> {
      await fs.mkdir(backupDir, { recursive: true, mode: 0o700 });
      const { rolling } = await scan();
      if (rolling[0]) lastStampMs = rolling[0].ms;
      // Temp files here come from a copy that was interrupted: nothing refers to them.
      for (const name of await fs.readdir(backupDir)) {
        if (name.startsWith('.') && name.endsWith('.tmp')) await fs.unlink(path.join(backupDir, name)).catch(() => undefined);
      }
    },

    /**
     * Keeps `source` (the document about to be replaced, holding `revision`) as the newest rolling backup.
     * Resolves to the backup's name, or undefined when there was no file to keep.
     */
    async keep(source: string, revision: number): Promise<string | undefined> {
      // A link shares the file's mode: only a private file may become a backup that way, others are copied.
      let linkable: boolean;
      try {
        linkable = await isPrivate(fs, source);
      } catch (err) {
        if (errorCode(err) === 'ENOENT') return undefined;
        throw err;
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        const name = `rullande-${formatStamp(nextStampMs())}-r${revision}.json`;
        const target = path.join(backupDir, name);
        try {
          if (!linkable) throw Object.assign(new Error('A file readable by others is copied, not linked'), { code: 'EPERM' });
          await fs.link(source, target);
          await syncDirectory(fs, backupDir);
          return name;
        } catch (err) {
          const code = errorCode(err);
          if (code === 'ENOENT' && !(await exists(fs, backupDir))) {
            await fs.mkdir(backupDir, { recursive: true, mode: 0o700 });
            continue;
          }
          if (code === 'ENOENT') return undefined;
          if (code === 'EEXIST') continue;
          // No hard links here (FAT/exFAT, some network shares, another volume): copy the bytes instead.
          let bytes: Uint8Array;
          try {
            bytes = await fs.readFile(source);
          } catch (readErr) {
            if (errorCode(readErr) === 'ENOENT') return undefined;
            throw readErr;
          }
          await fs.mkdir(backupDir, { recursive: true, mode: 0o700 });
          await writeFileDurably(fs, target, bytes, { mode: PRIVATE_FILE_MODE });
          return name;
        }
      }
      throw Object.assign(new Error('Could not find a free backup name'), { code: 'EEXIST' });
    },

    /** Ages rolling backups into daily ones and deletes what is beyond the limits. */
    async rotate(): Promise<void> {
      const { rolling, daily } = await scan();
      const days = new Set(daily.map((d) => d.date));
      // Oldest first, so that a day ends up holding its newest aged-out version.
      for (const entry of rolling.slice(keepRolling).reverse()) {
        const from = path.join(backupDir, entry.name);
        if (keepDaily > 0) {
          const day = swedishDay.format(new Date(entry.ms));
          await renameWithRetry(fs, from, path.join(backupDir, `dag-${day}.json`), renameRetryDelays);
          // rename() does nothing when both names are links to one file (a backup made twice after a crash).
          await fs.unlink(from).catch((err: unknown) => {
            if (errorCode(err) !== 'ENOENT') throw err;
          });
          days.add(day);
        } else {
          await fs.unlink(from);
        }
      }
      const newestFirst = [...days].sort().reverse();
      for (const day of newestFirst.slice(keepDaily)) {
        await fs.unlink(path.join(backupDir, `dag-${day}.json`)).catch((err: unknown) => {
          if (errorCode(err) !== 'ENOENT') throw err;
        });
      }
    },

    /**
     * Deletes the oldest backups (daily ones first, then rolling ones, never the newest backup) until about
     * `bytes` are freed, and at least one when there is one to spare. Resolves to how many were deleted.
     */
    async dropOldest(bytes: number): Promise<number> {
      const oldestFirst = await oldestBackupsFirst();
      let freed = 0;
      let count = 0;
      for (const entry of oldestFirst.slice(0, -1)) {
        if (count > 0 && freed >= bytes) break;
        await fs.unlink(path.join(backupDir, entry.name));
        freed += entry.size;
        count += 1;
      }
      return count;
    },

    /**
     * Keeps at least `reserve` bytes free on the disk of `dir` by deleting the oldest backups (never the newest).
     * Resolves to how many were deleted; 0 as well where the free space cannot be asked for.
     */
    async keepFreeSpace(dir: string, reserve: number): Promise<number> {
      if (!fs.statfs) return 0;
      const space = await fs.statfs(dir);
      // Some network and FUSE mounts report a file system of no size: their free space says nothing.
      if (!(space.blocks > 0 && space.bsize > 0)) return 0;
      const free = space.bavail * space.bsize;
      if (free >= reserve) return 0;
      return this.dropOldest(reserve - free);
    },

    /** Newest first: rolling backups (all newer than any daily one), then daily ones. */
    async list(): Promise<BackupInfo[]> {
      const { rolling, daily } = await scan();
      const out: BackupInfo[] = [];
      for (const r of rolling) {
        const stats = await statOrUndefined(fs, path.join(backupDir, r.name));
        if (stats) out.push({ name: r.name, createdAt: new Date(r.ms).toISOString(), sizeBytes: stats.size, kind: 'rolling' });
      }
      for (const d of daily) {
        // The name holds only the day; the file's modification time is when that version was written.
        const stats = await statOrUndefined(fs, path.join(backupDir, d.name));
        if (stats) out.push({ name: d.name, createdAt: stats.mtime.toISOString(), sizeBytes: stats.size, kind: 'daily' });
      }
      return out;
    },

    /** The path of a backup by name; refuses anything but a plain backup file name in the backup folder. */
    pathOf(name: string): string {
      const plain =
        typeof name === 'string' &&
        name.length > 0 &&
        name.length <= 200 &&
        !name.includes('/') &&
        !name.includes('\\') &&
        !name.includes('\0') &&
        name !== '.' &&
        name !== '..' &&
        !path.isAbsolute(name) &&
        !path.win32.isAbsolute(name) &&
        path.basename(name) === name;
      if (!plain || !isBackupName(name)) {
        throw new AppError('validation', 'Ogiltigt namn på säkerhetskopia.', { name: String(name).slice(0, 200) });
      }
      return path.join(backupDir, name);
    },
  };
}

export type BackupRotation = ReturnType<typeof createBackupRotation>;

/** Owner-only, or on Windows, where the mode bits do not say who may read a file (its ACL does). */
async function isPrivate(fs: StoreFs, file: string): Promise<boolean> {
  if (process.platform === 'win32') return true;
  const stats = await fs.stat(file);
  return stats.mode === undefined || (stats.mode & 0o077) === 0;
}

async function exists(fs: StoreFs, file: string): Promise<boolean> {
  return (await statOrUndefined(fs, file)) !== undefined;
}

async function statOrUndefined(fs: StoreFs, file: string) {
  try {
    return await fs.stat(file);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}
