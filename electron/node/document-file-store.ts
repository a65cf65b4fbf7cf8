/**
 * The register's file on disk: opened once per process, saved durably, backed up on every save, and never
 * overwritten when it cannot be read.
 *
 * Load: read -> parse -> migrate -> validate (`parseDocumentText`). A file that fails (empty, truncated, `null`,
 * not JSON, wrong shape) is quarantined as `<name>.trasig-<time>.json` beside it, byte for byte, and the newest
 * backup that validates becomes the document. The quarantine copy is made *before* the document is replaced
 * (hard link, or copy), so a crash at any point leaves either the bad file in place (it is quarantined again
 * on the next start) or the restored document: never a missing file that would silently start a new register.
 */
import path from 'node:path';
import { Low } from 'lowdb';
import type { BackupInfo, LoadReport } from '../contract/channels/app.channels';
import { AppError } from '../contract/result';
import type { DocumentPort } from '../core/services/ports';
import { parseDocumentText, serialiseDocument } from '../core/store/parse-document';
import type { SambrukDocument } from '../core/store/schema';
import { createBackupRotation, formatStamp, type BackupRotation } from './backup-rotation';
import {
  decodeDocumentBytes,
  DurableJsonFile,
  errorCode,
  isTempFileOf,
  nodeStoreFs,
  PRIVATE_FILE_MODE,
  syncDirectory,
  writeFileDurably,
  type StoreFs,
} from './durable-json-file';
import { describeFsError } from './fs-error-text';

export type { StoreFs } from './durable-json-file';

export type OpenDocumentOptions = {
  /** The document path. */
  file: string;
  /** Default: `<dirname(file)>/<basename(file, '.json')>-sakerhetskopior`. */
  backupDir?: string;
  createDefault: () => SambrukDocument;
  clock?: () => Date;
  /** Injectable for fault tests. */
  fs?: StoreFs;
  /** Rolling backups kept (default 10). */
  keepRolling?: number;
  /** Days with a daily backup kept (default 30). */
  keepDaily?: number;
  /** What to do when the file is bad and no backup validates (default 'throw': the caller asks the user). */
  onUnrecoverable?: 'throw' | 'create-default';
  /** Told when a backup could not be made or rotated; the save itself still succeeded. */
  onBackupError?: (error: unknown) => void;
};

export type OpenedDocument = {
  document: SambrukDocument;
  report: LoadReport;
  port: DocumentPort;
  file: string;
  backupDir: string;
};

/** The document file is unreadable and no backup could replace it. The bad file is left where it was. */
export class UnrecoverableDocumentError extends Error {
  readonly quarantinedFile?: string;
  readonly reason: string;

  constructor(message: string, reason: string, quarantinedFile?: string) {
    super(message);
    this.name = 'UnrecoverableDocumentError';
    this.reason = reason;
    if (quarantinedFile !== undefined) this.quarantinedFile = quarantinedFile;
  }
}

const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

export async function openDocumentFile(o: OpenDocumentOptions): Promise<OpenedDocument> {
  const fs = o.fs ?? nodeStoreFs;
  const clock = o.clock ?? (() => new Date());
  const file = path.resolve(o.file);
  const dir = path.dirname(file);
  const base = path.basename(file, '.json');
  const backupDir = path.resolve(o.backupDir ?? path.join(dir, `${base}-sakerhetskopior`));
  const keepRolling = countOption(o.keepRolling, 10, 'keepRolling');
  const keepDaily = countOption(o.keepDaily, 30, 'keepDaily');
  const reportBackupError = o.onBackupError ?? (() => undefined);

  await fs.mkdir(dir, { recursive: true });
  await removeStaleTemps(fs, file);
  const backups = createBackupRotation({ fs, backupDir, clock, keepRolling, keepDaily });
  // A folder we cannot write to (read-only share) must still open; its saves will then fail and say so.
  await backups.init().catch(reportBackupError);

  /** Revision of the valid document now on disk; undefined while the file there is missing or bad. */
  let onDisk: number | undefined;
  const adapter = new DurableJsonFile<SambrukDocument | null>(file, {
    fs,
    parse: parseDocumentText,
    serialise: (doc) => {
      if (!doc) throw new Error('No document to write');
      return serialiseDocument(doc);
    },
    beforeReplace: async (target) => {
      if (onDisk === undefined) return;
      try {
        await backups.keep(target, onDisk);
      } catch (err) {
        reportBackupError(err);
      }
    },
  });
  const db = new Low<SambrukDocument | null>(adapter, null);

  async function write(doc: SambrukDocument): Promise<void> {
    const before = db.data;
    db.data = doc;
    try {
      await db.write();
    } catch (err) {
      // Low keeps whatever was assigned even when the write fails; put back what is really on disk.
      db.data = before;
      throw new AppError('save-failed', `Ändringen kunde inte sparas: ${describeFsError(err)}. Inget har ändrats.`, {
        cause: errorCode(err) ?? String(err),
      });
    }
    onDisk = doc.meta.revision;
    try {
      await backups.rotate();
    } catch (err) {
      reportBackupError(err);
    }
  }

  let report: LoadReport;
  let failure: AppError | undefined;
  try {
    await db.read();
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) {
      throw new AppError('internal', `Registret ${file} kunde inte läsas: ${describeFsError(err)}.`, {
        cause: errorCode(err) ?? String(err),
      });
    }
    failure = err;
  }

  if (failure) {
    const reason = failure.message;
    const quarantined = await quarantine(fs, file, base, clock);
    const quarantinedName = path.basename(quarantined);
    const moved = `Registerfilen kunde inte läsas. ${sentence(reason)} Filen har sparats undan oförändrad som «${quarantinedName}».`;
    const restored = await newestValidBackup(fs, backups);
    if (restored) {
      await write(restored.document);
      const skipped =
        restored.skipped > 0
          ? [`${restored.skipped} nyare säkerhetskopi${restored.skipped === 1 ? 'a' : 'or'} gick inte heller att läsa.`]
          : [];
      report = {
        outcome: 'restored-backup',
        messages: [
          moved,
          `Säkerhetskopian «${restored.info.name}» från ${timeFormat.format(new Date(restored.info.createdAt))} har lästs in i stället. Ändringar gjorda efter den kan saknas.`,
          ...skipped,
        ],
        quarantinedFile: quarantined,
        restoredFrom: restored.info.name,
      };
    } else if ((o.onUnrecoverable ?? 'throw') === 'create-default') {
      await write(o.createDefault());
      report = {
        outcome: 'recovered-empty',
        messages: [moved, 'Det fanns ingen säkerhetskopia som gick att läsa, så ett nytt register med grunddata har skapats.'],
        quarantinedFile: quarantined,
      };
    } else {
      throw new UnrecoverableDocumentError(
        `Registerfilen ${file} kunde inte läsas. ${sentence(reason)} Det finns ingen säkerhetskopia som går att läsa. ` +
          `En oförändrad kopia av filen finns i «${quarantinedName}».`,
        reason,
        quarantined,
      );
    }
  } else if (db.data === null) {
    await write(o.createDefault());
    report = { outcome: 'created-default', messages: [`Ett nytt register har skapats i ${file}.`] };
  } else {
    onDisk = db.data.meta.revision;
    // A file from before this store (or copied in) may be world-readable; contact data must not be.
    await fs.chmod(file, PRIVATE_FILE_MODE).catch(() => undefined);
    report = { outcome: 'opened', messages: [] };
  }

  const document = db.data;
  if (!document) throw new AppError('internal', 'Registret kunde inte öppnas.');

  let queue: Promise<unknown> = Promise.resolve();
  const port: DocumentPort = {
    save(doc) {
      const run = queue.then(
        () => write(doc),
        () => write(doc),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    listBackups: () => backups.list(),
    async readBackup(name) {
      const target = backups.pathOf(name);
      let bytes: Uint8Array;
      try {
        bytes = await fs.readFile(target);
      } catch (err) {
        if (errorCode(err) === 'ENOENT') throw new AppError('not-found', `Säkerhetskopian ${name} finns inte.`);
        throw new AppError('internal', `Säkerhetskopian ${name} kunde inte läsas: ${describeFsError(err)}.`);
      }
      try {
        return parseDocumentText(decodeDocumentBytes(bytes));
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new AppError('validation', `Säkerhetskopian ${name} går inte att använda: ${reason}`);
      }
    },
  };

  return { document, report, port, file, backupDir };
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function countOption(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return n;
}

/** One writer per file: temp files beside the document at start belong to a write that never finished. */
async function removeStaleTemps(fs: StoreFs, file: string): Promise<void> {
  const dir = path.dirname(file);
  for (const name of await fs.readdir(dir)) {
    if (isTempFileOf(file, name)) await fs.unlink(path.join(dir, name)).catch(() => undefined);
  }
}

/**
 * Keeps the bad file's bytes as `<base>.trasig-<time>.json` in the same folder, without touching the file
 * itself (the caller replaces it durably afterwards, or leaves it for the user). Never overwrites: an
 * identical earlier quarantine copy is reused, a taken name gets a suffix.
 */
async function quarantine(fs: StoreFs, file: string, base: string, clock: () => Date): Promise<string> {
  const dir = path.dirname(file);
  const bytes = await fs.readFile(file);
  const prefix = `${base}.trasig-`;
  for (const name of (await fs.readdir(dir)).sort().reverse()) {
    if (!name.startsWith(prefix) || !name.endsWith('.json')) continue;
    const candidate = path.join(dir, name);
    const stats = await fs.stat(candidate);
    if (stats.size === bytes.length && Buffer.from(await fs.readFile(candidate)).equals(bytes)) return candidate;
  }
  const stamp = formatStamp(clock().getTime());
  for (let i = 1; i < 1000; i++) {
    const target = path.join(dir, `${prefix}${stamp}${i === 1 ? '' : `-${i}`}.json`);
    try {
      await fs.link(file, target);
      await syncDirectory(fs, dir);
      return target;
    } catch (err) {
      const code = errorCode(err);
      if (code === 'EEXIST') continue;
      if (await fs.stat(target).then(() => true, () => false)) continue;
      // No hard links on this file system: a durable copy of the same bytes.
      await writeFileDurably(fs, target, bytes, { mode: PRIVATE_FILE_MODE });
      return target;
    }
  }
  throw new AppError('internal', 'Den skadade registerfilen kunde inte sparas undan.');
}

async function newestValidBackup(
  fs: StoreFs,
  backups: BackupRotation,
): Promise<{ info: BackupInfo; document: SambrukDocument; skipped: number } | undefined> {
  let skipped = 0;
  for (const info of await backups.list()) {
    try {
      const bytes = await fs.readFile(backups.pathOf(info.name));
      return { info, document: parseDocumentText(decodeDocumentBytes(bytes)), skipped };
    } catch {
      skipped += 1;
    }
  }
  return undefined;
}
