/**
 * A lowdb adapter whose writes survive a crash or a power cut at any instant.
 *
 * lowdb's own adapters (steno) write a temp file and rename it, but never fsync: after a power cut the
 * renamed file can be empty or truncated. Here a write is: temp file in the same folder (unique name,
 * created exclusively) -> write every byte -> fsync -> close -> rename over the document -> fsync the folder,
 * and the promise resolves only after all of that. Until the rename the document is untouched, so any failure
 * before it (disk full, quota, I/O error) leaves the document exactly as it was and removes the temp file.
 *
 * A document that is a symbolic link is written through to the link's target (temp file and rename in the
 * target's folder), so the link stays a link and whatever else reads the target sees the change.
 */
import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** The part of a `FileHandle` the store uses; a test can hand in one that fails mid-write. */
export type StoreFileHandle = {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
};

/** `ino`, `dev`, `mtimeMs` and `ctimeMs` as node gives them; a file system (or a test's fake) may leave them out. */
export type StoreStats = { size: number; mtime: Date; ino?: number; dev?: number; mtimeMs?: number; ctimeMs?: number; mode?: number };

/** A file system's size and free space as `statfs` gives them: its blocks, those available to us, their size. */
export type StoreFsSpace = { blocks: number; bavail: number; bsize: number };

/** The file-system calls the store makes, so tests can inject faults (ENOSPC, EIO) at any step. */
export type StoreFs = {
  open(file: string, flags: string, mode?: number): Promise<StoreFileHandle>;
  readFile(file: string): Promise<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(file: string): Promise<void>;
  chmod(file: string, mode: number): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<StoreStats>;
  mkdir(dir: string, options: { recursive: true; mode?: number }): Promise<unknown>;
  realpath(file: string): Promise<string>;
  readlink(file: string): Promise<string>;
  /** Free space where `file` lives; a platform without it makes the store skip its free-space check. */
  statfs?(file: string): Promise<StoreFsSpace>;
};

export const nodeStoreFs: StoreFs = {
  open: (file, flags, mode) => nodeFs.open(file, flags, mode),
  readFile: (file) => nodeFs.readFile(file),
  rename: (from, to) => nodeFs.rename(from, to),
  link: (existing, newPath) => nodeFs.link(existing, newPath),
  unlink: (file) => nodeFs.unlink(file),
  chmod: (file, mode) => nodeFs.chmod(file, mode),
  readdir: (dir) => nodeFs.readdir(dir),
  stat: (file) => nodeFs.stat(file),
  mkdir: (dir, options) => nodeFs.mkdir(dir, options),
  realpath: (file) => nodeFs.realpath(file),
  readlink: (file) => nodeFs.readlink(file),
  statfs: (file) => nodeFs.statfs(file),
};

/** Owner read/write only: the register holds contact data and must not become world-readable. */
export const PRIVATE_FILE_MODE = 0o600;

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

let tempCounter = 0;

/** `.<name>.<pid>.<n>.<random>.tmp`: hidden, unique across processes, and recognisable as ours for clean-up. */
export function tempFileFor(target: string): string {
  tempCounter += 1;
  const name = `.${path.basename(target)}.${process.pid}.${tempCounter}.${randomBytes(4).toString('hex')}.tmp`;
  return path.join(path.dirname(target), name);
}

export function isTempFileOf(target: string, name: string): boolean {
  return name.startsWith(`.${path.basename(target)}.`) && name.endsWith('.tmp');
}

/**
 * Makes a rename or link in `dir` durable. Windows cannot open a folder for fsync (NTFS journals the rename
 * itself). File systems that cannot fsync a folder at all answer EINVAL/ENOTSUP; failing every save there
 * would make the app unusable without making anything safer, so those answers are accepted.
 */
export async function syncDirectory(fs: StoreFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch (err) {
    const code = errorCode(err);
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw err;
  } finally {
    await handle.close();
  }
}

/** Error codes Windows gives for a rename while an antivirus scanner or an indexer has the file open. */
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Waits between rename attempts: doubling, about two seconds in all before the error is passed on. */
export const RENAME_RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320, 640, 800] as const;

/**
 * `fs.rename`, tried again with growing pauses while it fails with EPERM, EBUSY or EACCES: on Windows a scanner
 * or indexer holding the file for a moment gives those, and a save should not fail because of it.
 */
export async function renameWithRetry(
  fs: StoreFs,
  from: string,
  to: string,
  delays: readonly number[] = RENAME_RETRY_DELAYS_MS,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const code = errorCode(err);
      const delay = delays[attempt];
      if (delay === undefined || code === undefined || !TRANSIENT_RENAME_ERRORS.has(code)) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Symbolic links followed at most this deep (as the kernel's own limit), so a loop ends with an error. */
const MAX_LINK_HOPS = 40;

/**
 * The file a write to `file` must replace: `file` itself, or the final target when it is a symbolic link
 * (relative links resolved from the link's folder). A link whose target does not exist yet resolves to that
 * target, so the first save creates it there instead of replacing the link with a file.
 */
export async function resolveWriteTarget(fs: StoreFs, file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ELOOP') throw err;
    // Some Windows volumes (RAM disks, some network drives) cannot resolve paths at all: write the path as given.
    if (code !== 'ENOENT') return file;
  }
  let current = file;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let link: string;
    try {
      link = await fs.readlink(current);
    } catch (err) {
      // Not a link (EINVAL; UNKNOWN on some Windows volumes) or not there at all: this is the file to write.
      const code = errorCode(err);
      if (code === 'EINVAL' || code === 'ENOENT' || code === 'UNKNOWN') return current;
      throw err;
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw Object.assign(new Error(`Too many symbolic links: ${file}`), { code: 'ELOOP' });
}

export type DurableWriteOptions = {
  mode?: number;
  /**
   * Runs after the temp file is durable and just before it replaces the file (the store keeps a backup here);
   * it is given the path really replaced, which is the link's target when `target` is a symbolic link.
   */
  beforeReplace?: (replaced: string) => Promise<void>;
  /** Delays between rename attempts (see `renameWithRetry`); tests shorten them. */
  renameRetryDelays?: readonly number[];
};

/**
 * Replaces `target` with `data` durably (see the module comment). On failure before the rename, `target` is
 * untouched and the temp file removed. A failure of the final folder fsync (after the rename) is still
 * reported: the new bytes are then visible but not known to be durable, and the caller treats the write as failed.
 */
export async function writeFileDurably(
  fs: StoreFs,
  target: string,
  data: Uint8Array | readonly Uint8Array[],
  options: DurableWriteOptions = {},
): Promise<void> {
  const chunks = data instanceof Uint8Array ? [data] : data;
  const mode = options.mode ?? PRIVATE_FILE_MODE;
  const replaced = await resolveWriteTarget(fs, target);
  const temp = tempFileFor(replaced);
  let handle: StoreFileHandle | undefined;
  let created = false;
  try {
    handle = await fs.open(temp, 'wx', mode);
    created = true;
    // The umask may have narrowed `mode`, and an existing document may be 0644: set it explicitly.
    await handle.chmod(mode);
    // The pieces one after another (the register's sections are written as they are, never joined first).
    let position = 0;
    for (const chunk of chunks) {
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset, position);
        if (bytesWritten <= 0) throw Object.assign(new Error('Short write'), { code: 'EIO' });
        offset += bytesWritten;
        position += bytesWritten;
      }
    }
    await handle.sync();
    const open = handle;
    handle = undefined;
    await open.close();
    await options.beforeReplace?.(replaced);
    await renameWithRetry(fs, temp, replaced, options.renameRetryDelays);
    created = false;
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    if (created) await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(fs, path.dirname(replaced));
}

export type DurableJsonFileOptions<T> = {
  /** The file's bytes -> data; throws (e.g. `AppError('validation')`) on anything it does not accept. */
  parse: (bytes: Uint8Array) => T;
  /** Data -> the file's text, or its UTF-8 bytes (whole or in consecutive pieces) when the caller has them (default `JSON.stringify`). */
  serialise?: (data: T) => string | Uint8Array | readonly Uint8Array[];
  fs?: StoreFs;
  mode?: number;
  /** See `DurableWriteOptions.beforeReplace`; a throw fails the write and leaves the file untouched. */
  beforeReplace?: (target: string) => Promise<void>;
  renameRetryDelays?: readonly number[];
};

/**
 * lowdb `Adapter` over one JSON file. `read()` resolves `null` when the file does not exist and otherwise
 * returns whatever `parse` makes of the text (it never falls back to defaults on bad content: that is how
 * lowdb loses data). Writes run one at a time, in call order.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  private readonly options: DurableJsonFileOptions<T>;
  private readonly fs: StoreFs;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string, options: DurableJsonFileOptions<T>) {
    this.file = path.resolve(file);
    this.options = options;
    this.fs = options.fs ?? nodeStoreFs;
  }

  async read(): Promise<T | null> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(this.file);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return null;
      throw err;
    }
    return this.options.parse(bytes);
  }

  write(data: T): Promise<void> {
    const task = async () => {
      const out = this.options.serialise ? this.options.serialise(data) : JSON.stringify(data);
      const before = this.options.beforeReplace;
      await writeFileDurably(this.fs, this.file, typeof out === 'string' ? Buffer.from(out, 'utf8') : out, {
        mode: this.options.mode ?? PRIVATE_FILE_MODE,
        ...(before ? { beforeReplace: before } : {}),
        ...(this.options.renameRetryDelays ? { renameRetryDelays: this.options.renameRetryDelays } : {}),
      });
    };
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
