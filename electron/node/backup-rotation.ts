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
 * so nothing that rewrites the document in place can change a backup.
 */
import path from 'node:path';
import type { BackupInfo } from '../contract/channels/app.channels';
import { AppError } from '../contract/result';
import { errorCode, PRIVATE_FILE_MODE, syncDirectory, writeFileDurably, type StoreFs } from './durable-json-file';

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
  const { fs, backupDir, clock, keepRolling, keepDaily } = options;
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
      for (let attempt = 0; attempt < 5; attempt++) {
        const name = `rullande-${formatStamp(nextStampMs())}-r${revision}.json`;
        const target = path.join(backupDir, name);
        try {
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
          await fs.rename(from, path.join(backupDir, `dag-${day}.json`));
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
