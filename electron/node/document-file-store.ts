/**
 * The register's file on disk: opened once per process, saved durably, backed up on every save, and never
 * overwritten when it cannot be read.
 *
 * Load: read -> parse -> migrate -> validate (`readDocumentBytes`, the one reader the tools use too). A file that
 * fails (empty, truncated, `null`, not UTF-8, not JSON, wrong shape) is quarantined as `<name>.trasig-<time>.json`
 * beside it, byte for byte and owner-only, and the newest backup that validates becomes the document. The
 * quarantine copy is made *before* the document is replaced, so a crash at any point leaves either the bad file
 * in place (it is quarantined again on the next start) or the restored document: never a missing file that
 * would silently start a new register.
 *
 * A file written by a newer version of the app (a higher schema version) is not bad: it is opened read-only
 * when this version can show it, and refused otherwise, and in both cases nothing on disk is touched (no
 * quarantine, no restore, no backup, no clean-up): rolling it back would undo a colleague's work.
 *
 * A missing file is a new register only when there are no backups either; with backups, the newest valid one
 * is restored (the file was deleted or moved away), and with backups but none valid, the user is asked.
 *
 * Changes made to the file by anything else while the app runs (a copy restored by hand, a sync client, a
 * colleague whose app ignored the lock) are noticed before the next save: the bytes on disk are compared with
 * what this process last read or wrote, and a save over a changed file is refused (`conflict`), so that the
 * caller can keep its own version aside (`external.writeAside`) and load the other (`external.reload`).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Low } from 'lowdb';
import type { BackupInfo, LoadReport } from '../contract/channels/app.channels';
import { AppError } from '../contract/result';
import type { DocumentPort } from '../core/handlers/ports';
import {
  NewerSchemaError,
  newerSchemaNotice,
  parseDocumentBytes,
  readDocumentBytes,
  serialiseDocument,
  type DocumentReading,
} from '../core/store/parse-document';
import { serialiseDocumentChunks } from '../core/store/serialise-document';
import type { SambrukDocument } from '../core/store/schema';
import { createBackupRotation, formatStamp, type BackupRotation } from './backup-rotation';
import {
  DurableJsonFile,
  errorCode,
  isTempFileOf,
  nodeStoreFs,
  PRIVATE_FILE_MODE,
  resolveWriteTarget,
  writeFileDurably,
  type StoreFs,
  type StoreStats,
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
  /**
   * Another process holds the register (see document-lock.ts): read it, write nothing at all (no repair, no
   * temp clean-up, no backup rotation), and refuse saves.
   */
  readOnly?: boolean;
  /** Delays between attempts of a rename that Windows refuses for a moment (see `renameWithRetry`). */
  renameRetryDelays?: readonly number[];
};

/** Noticing and resolving changes made to the file by something else while the app runs. */
export type ExternalChanges = {
  /** True when the file on disk is no longer what this process last read or wrote (a missing file is not a change). */
  changed(): Promise<boolean>;
  /** Writes `doc` beside the document as `<name>.konflikt-<time>.json` (never over another file); resolves its path. */
  writeAside(doc: SambrukDocument): Promise<string>;
  /** Reads and validates the file now on disk and takes it as the known version; the caller then shows it. */
  reload(): Promise<SambrukDocument>;
};

/** The refusal a save meets when the file changed on disk; `details.reason` tells it from other conflicts. */
export const EXTERNAL_CHANGE = 'external-change';

export type OpenedDocument = {
  document: SambrukDocument;
  report: LoadReport;
  port: DocumentPort;
  file: string;
  backupDir: string;
  external: ExternalChanges;
  /** True when saves are refused: asked for, or because a newer version wrote the file. */
  readOnly: boolean;
  /** Set when the file was written by a newer version of the app (which is why it is read-only). */
  newerSchema?: NonNullable<DocumentReading['newerSchema']>;
  /**
   * Things the user should hear about after a save succeeded (old backups dropped to make room on the disk),
   * each returned once.
   */
  takeNotices(): string[];
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

  let readOnly = o.readOnly ?? false;
  const renameRetryDelays = o.renameRetryDelays;
  const backups = createBackupRotation({ fs, backupDir, clock, keepRolling, keepDaily, ...(renameRetryDelays ? { renameRetryDelays } : {}) });
  const notices: string[] = [];
  /** Set by the read when the file states a schema version newer than this app's. */
  let newerSchema: DocumentReading['newerSchema'];

  /**
   * The version of the file this process last read or wrote; undefined while it has none. Its hash is made
   * only when needed (hashing 15 MB on every save cost more than writing them), and its stamp (device, inode,
   * size, change and modification times) answers "has anything touched the file?" without reading it.
   */
  let known: KnownVersion | undefined;

  /** Revision of the valid document now on disk; undefined while the file there is missing or bad. */
  let onDisk: number | undefined;
  const adapter = new DurableJsonFile<SambrukDocument | null>(file, {
    fs,
    parse: (bytes) => {
      const reading = readDocumentBytes(bytes);
      newerSchema = reading.newerSchema;
      return reading.document;
    },
    ...(renameRetryDelays ? { renameRetryDelays } : {}),
    serialise: (doc) => {
      if (!doc) throw new Error('No document to write');
      // Bytes, encoded once per document state and shared with the hash below (see serialise-document.ts).
      return serialiseDocumentChunks(doc);
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
    if (readOnly) throw readOnlyError();
    const before = db.data;
    const attempted = serialiseDocumentChunks(doc);
    const size = attempted.reduce((sum, chunk) => sum + chunk.length, 0);
    db.data = doc;
    let dropped = 0;
    try {
      for (;;) {
        try {
          await db.write();
          break;
        } catch (err) {
          // A full disk: old backups give way to the change (the newest is kept), then the write is tried again.
          const code = errorCode(err);
          if ((code !== 'ENOSPC' && code !== 'EDQUOT') || (await hashOnDisk()) === hashBytes(attempted)) throw err;
          const freed = await backups.dropOldest(size).catch(() => 0);
          if (freed === 0) throw err;
          dropped += freed;
        }
      }
    } catch (err) {
      if (dropped > 0) notices.push(droppedNotice(dropped, 'failed'));
      // Low keeps whatever was assigned even when the write fails; put back what is really on disk.
      db.data = before;
      // A failure after the rename (folder fsync) leaves our bytes in place: they are then what we know.
      const stamp = await stampOnDisk();
      const hash = hashBytes(attempted);
      if ((await hashOnDisk()) === hash) known = { hash, stamp };
      throw new AppError('save-failed', `Ändringen kunde inte sparas: ${describeFsError(err)}. Inget har ändrats.`, {
        cause: errorCode(err) ?? String(err),
      });
    }
    onDisk = doc.meta.revision;
    known = { bytes: attempted, stamp: await stampOnDisk() };
    if (dropped > 0) notices.push(droppedNotice(dropped, 'full'));
    try {
      await backups.rotate();
      // Backups never take the room the next save needs: its temp file and a backup copy of this version.
      const made = await backups.keepFreeSpace(dir, 2 * size);
      if (made > 0) notices.push(droppedNotice(made, 'low'));
    } catch (err) {
      reportBackupError(err);
    }
  }

  /** Hash of the file's bytes now, or undefined when it cannot be read (missing: a save recreates it). */
  async function hashOnDisk(): Promise<string | undefined> {
    try {
      return hashBytes(await fs.readFile(file));
    } catch {
      return undefined;
    }
  }

  /**
   * Whether the file on disk is no longer the known version. The stamp is compared first; only when it differs
   * (a write by someone else, or merely a touch or a copy of the same bytes) is the file read and its content
   * compared, and a file with the same content takes the new stamp. A missing file is no change.
   */
  async function changedOnDisk(): Promise<boolean> {
    if (known === undefined) return false;
    const stamp = await stampOnDisk();
    if (stamp === undefined) return false;
    if (known.stamp !== undefined && stamp === known.stamp) return false;
    const now = await hashOnDisk();
    if (now === undefined) return false;
    const ours = knownHash(known);
    if (now !== ours) return true;
    known = { hash: ours, stamp };
    return false;
  }

  /** The stamp of the file now, or undefined when it cannot be stat'ed or the file system gives too little. */
  async function stampOnDisk(): Promise<string | undefined> {
    try {
      return stampOf(await fs.stat(file));
    } catch {
      return undefined;
    }
  }

  async function refuseExternalChange(): Promise<void> {
    if (!(await changedOnDisk())) return;
    throw new AppError(
      'conflict',
      'Registerfilen har ändrats av ett annat program sedan den lästes in. Ändringen sparades inte, så att ingen av versionerna skrivs över.',
      { reason: EXTERNAL_CHANGE },
    );
  }

  let report: LoadReport;
  let failure: AppError | undefined;
  try {
    await db.read();
  } catch (err) {
    // A newer version's file this version cannot show: refused before anything on disk was touched.
    if (err instanceof NewerSchemaError) throw err;
    if (!(err instanceof AppError && err.code === 'validation')) {
      throw new AppError('internal', `Registret ${file} kunde inte läsas: ${describeFsError(err)}.`, {
        cause: errorCode(err) ?? String(err),
      });
    }
    failure = err;
  }

  // Only the newer version may write its file; this one shows it and refuses every change.
  if (newerSchema) readOnly = true;
  if (!readOnly) {
    await fs.mkdir(dir, { recursive: true });
    await removeStaleTemps(fs, file);
    // A folder we cannot write to (read-only share) must still open; its saves will then fail and say so.
    await backups.init().catch(reportBackupError);
  }

  if (readOnly && (failure || db.data === null)) {
    // The holder of the register repairs it; a reader must not touch the file or its backups.
    throw new AppError(
      failure ? 'validation' : 'not-found',
      failure
        ? `Registerfilen ${file} kunde inte läsas (${failure.message.replace(/[.]$/, '')}). Den som har registret öppet kan återställa det från en säkerhetskopia.`
        : `Registerfilen ${file} finns inte.`,
    );
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
    const available = await backups.list();
    const restored = available.length > 0 ? await newestValidBackup(fs, backups) : undefined;
    if (available.length === 0) {
      // No file and no backups: the first start with this file.
      await write(o.createDefault());
      report = { outcome: 'created-default', messages: [`Ett nytt register har skapats i ${file}.`] };
    } else if (restored) {
      // Backups without a file: the file was deleted or moved away, not a first start.
      await write(restored.document);
      const skipped =
        restored.skipped > 0
          ? [`${restored.skipped} nyare säkerhetskopi${restored.skipped === 1 ? 'a' : 'or'} gick inte att läsa.`]
          : [];
      report = {
        outcome: 'restored-backup',
        messages: [
          `Registerfilen «${path.basename(file)}» saknades i ${dir}.`,
          `Säkerhetskopian «${restored.info.name}» från ${timeFormat.format(new Date(restored.info.createdAt))} har lästs in i stället. Ändringar gjorda efter den kan saknas.`,
          ...skipped,
        ],
        restoredFrom: restored.info.name,
      };
    } else if ((o.onUnrecoverable ?? 'throw') === 'create-default') {
      await write(o.createDefault());
      report = {
        outcome: 'recovered-empty',
        messages: [
          `Registerfilen «${path.basename(file)}» saknades, och ingen av de ${available.length} säkerhetskopiorna gick att läsa, så ett nytt register med grunddata har skapats.`,
        ],
      };
    } else {
      throw new UnrecoverableDocumentError(
        `Registerfilen ${file} saknas, och ingen av de ${available.length} säkerhetskopiorna i ${backupDir} går att läsa.`,
        'Registerfilen saknas.',
      );
    }
  } else {
    onDisk = db.data.meta.revision;
    // Stamp before hash: a write in between then shows as a changed stamp, and the content decides.
    const stamp = await stampOnDisk();
    const hash = await hashOnDisk();
    known = hash === undefined ? undefined : { hash, stamp };
    // A file from before this store (or copied in) may be world-readable; contact data must not be.
    if (!readOnly) await fs.chmod(file, PRIVATE_FILE_MODE).catch(() => undefined);
    report = newerSchema
      ? { outcome: 'opened', messages: [], readOnlyReason: newerSchemaNotice(newerSchema) }
      : { outcome: 'opened', messages: [] };
  }

  const document = db.data;
  if (!document) throw new AppError('internal', 'Registret kunde inte öppnas.');

  let queue: Promise<unknown> = Promise.resolve();
  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const port: DocumentPort = {
    save(doc) {
      return enqueue(async () => {
        if (readOnly) throw readOnlyError();
        await refuseExternalChange();
        await write(doc);
      });
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
        return parseDocumentBytes(bytes);
      } catch (err) {
        if (err instanceof NewerSchemaError) {
          throw new AppError(
            'validation',
            `Säkerhetskopian ${name} är skapad av en nyare version av Sambruk Kansli (schemaversion ${err.found}); den här versionen känner bara till schemaversion ${err.known} och kan inte återställa den. Installera den nyare versionen av Sambruk Kansli.`,
            err.details,
          );
        }
        const reason = err instanceof Error ? err.message : String(err);
        throw new AppError('validation', `Säkerhetskopian ${name} går inte att använda: ${reason}`);
      }
    },
  };

  const external: ExternalChanges = {
    changed: () => changedOnDisk(),
    writeAside: (doc) =>
      enqueue(async () => {
        const target = await freeName(fs, dir, `${base}.konflikt-${formatStamp(clock().getTime())}`, '.json');
        await writeFileDurably(fs, target, Buffer.from(serialiseDocument(doc), 'utf8'), { mode: PRIVATE_FILE_MODE });
        return target;
      }),
    reload: () =>
      enqueue(async () => {
        let bytes: Uint8Array;
        try {
          bytes = await fs.readFile(file);
        } catch (err) {
          throw new AppError(errorCode(err) === 'ENOENT' ? 'not-found' : 'internal', `Registerfilen kunde inte läsas: ${describeFsError(err)}.`);
        }
        const stamp = await stampOnDisk();
        const doc = parseDocumentBytes(bytes);
        known = { hash: hashBytes(bytes), stamp };
        onDisk = doc.meta.revision;
        db.data = doc;
        return doc;
      }),
  };

  return {
    document,
    report,
    port,
    file,
    backupDir,
    external,
    readOnly,
    ...(newerSchema ? { newerSchema } : {}),
    takeNotices: () => notices.splice(0),
  };
}

/** A version of the file: its bytes (hashed when first needed) or their hash, and its stamp when it has one. */
type KnownVersion =
  | { hash: string; bytes?: undefined; stamp: string | undefined }
  | { hash?: undefined; bytes: Uint8Array | readonly Uint8Array[]; stamp: string | undefined };

function knownHash(version: KnownVersion): string {
  return version.hash ?? hashBytes(version.bytes);
}

/**
 * What changes whenever anything writes the file: a new file (rename) has a new inode, a write in place a new
 * change time (which no program can set back), and either may change the size and modification time. A file
 * system that reports no inode or change time gives no stamp, and every check then compares content.
 * What a stamp cannot see: a write in place, of the same size, within the same tick of the file system's clock
 * as our own save (kernels with fine-grained timestamps, Linux 6.13 on, give a stat'ed file's next change a new
 * time even then).
 */
function stampOf(stats: StoreStats): string | undefined {
  if (stats.ino === undefined || stats.ctimeMs === undefined) return undefined;
  return `${stats.dev ?? ''}:${stats.ino}:${stats.size}:${stats.mtime.getTime()}:${stats.mtimeMs ?? ''}:${stats.ctimeMs}`;
}

function hashBytes(bytes: Uint8Array | readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const chunk of bytes instanceof Uint8Array ? [bytes] : bytes) hash.update(chunk);
  return hash.digest('hex');
}

/** What the user hears when backups were dropped for room: `full` before a save, `low` after one, `failed` in vain. */
function droppedNotice(count: number, why: 'full' | 'low' | 'failed'): string {
  const which = count === 1 ? 'Den äldsta säkerhetskopian' : `De ${count} äldsta säkerhetskopiorna`;
  if (why === 'full') return `Disken var full. ${which} togs bort så att ändringen kunde sparas.`;
  if (why === 'low') return `Det är ont om plats på disken. ${which} togs bort så att nästa ändring får plats.`;
  return `Disken är full. ${which} togs bort, men det räckte inte för att spara ändringen.`;
}

function readOnlyError(): AppError {
  return new AppError('read-only', 'Registret är öppnat skrivskyddat. Ändringen sparades inte.');
}

/** `<dir>/<stem><ext>`, or with `-2`, `-3` … when taken: a file written aside never replaces another. */
async function freeName(fs: StoreFs, dir: string, stem: string, ext: string): Promise<string> {
  for (let i = 1; i < 1000; i++) {
    const candidate = path.join(dir, `${stem}${i === 1 ? '' : `-${i}`}${ext}`);
    const taken = await fs.stat(candidate).then(
      () => true,
      (err: unknown) => errorCode(err) !== 'ENOENT',
    );
    if (!taken) return candidate;
  }
  throw new AppError('internal', 'Det fanns inget ledigt filnamn att spara undan registret under.');
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

/**
 * One writer per file: temp files beside the document at start belong to a write that never finished (beside
 * the link's target, when the document is a symbolic link: that is where saves write them).
 */
async function removeStaleTemps(fs: StoreFs, file: string): Promise<void> {
  const target = await resolveWriteTarget(fs, file).catch(() => file);
  for (const written of new Set([file, target])) {
    const dir = path.dirname(written);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (isTempFileOf(written, name)) await fs.unlink(path.join(dir, name)).catch(() => undefined);
    }
  }
}

/**
 * Keeps the bad file's bytes as `<base>.trasig-<time>.json` in the same folder, without touching the file
 * itself (the caller replaces it durably afterwards, or leaves it for the user). Never overwrites: an
 * identical earlier quarantine copy is reused, a taken name gets a suffix. Always a copy, owner-only: a hard
 * link would keep the bad file's mode (perhaps world-readable) and, for a symbolic link, link the link.
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
    if (await fs.stat(target).then(() => true, (err: unknown) => errorCode(err) !== 'ENOENT')) continue;
    await writeFileDurably(fs, target, bytes, { mode: PRIVATE_FILE_MODE });
    return target;
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
      return { info, document: parseDocumentBytes(bytes), skipped };
    } catch {
      skipped += 1;
    }
  }
  return undefined;
}
