/**
 * A lowdb adapter whose writes survive a crash or a power cut at any instant.
 *
 * lowdb's own adapters (steno) write a temp file and rename it, but never fsync: after a power cut the
 * renamed file can be empty or truncated. Here a write is: temp file in the same folder (unique name,
 * created exclusively) -> write every byte -> fsync -> close -> rename over the document -> fsync the folder,
 * and the promise resolves only after all of that. Until the rename the document is untouched, so any failure
 * before it (disk full, quota, I/O error) leaves the document exactly as it was and removes the temp file.
 */
import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { AppError } from '../contract/result';

/** The part of a `FileHandle` the store uses; a test can hand in one that fails mid-write. */
export type StoreFileHandle = {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
};

/** `ino`, `dev`, `mtimeMs` and `ctimeMs` as node gives them; a file system (or a test's fake) may leave them out. */
export type StoreStats = { size: number; mtime: Date; ino?: number; dev?: number; mtimeMs?: number; ctimeMs?: number };

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

export type DurableWriteOptions = {
  mode?: number;
  /** Runs after the temp file is durable and just before it replaces `target` (the store keeps a backup here). */
  beforeReplace?: () => Promise<void>;
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
  const temp = tempFileFor(target);
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
    await options.beforeReplace?.();
    await fs.rename(temp, target);
    created = false;
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    if (created) await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(fs, path.dirname(target));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (a lossy decode could silently change names); a leading BOM (Notepad) is dropped. */
export function decodeDocumentBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError('validation', 'Filen innehåller tecken som inte är giltig UTF-8-text.');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type DurableJsonFileOptions<T> = {
  /** Text -> data; throws (e.g. `AppError('validation')`) on anything it does not accept. */
  parse: (text: string) => T;
  /** Data -> the file's text, or its UTF-8 bytes (whole or in consecutive pieces) when the caller has them (default `JSON.stringify`). */
  serialise?: (data: T) => string | Uint8Array | readonly Uint8Array[];
  fs?: StoreFs;
  mode?: number;
  /** See `DurableWriteOptions.beforeReplace`; a throw fails the write and leaves the file untouched. */
  beforeReplace?: (target: string) => Promise<void>;
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
    return this.options.parse(decodeDocumentBytes(bytes));
  }

  write(data: T): Promise<void> {
    const task = async () => {
      const out = this.options.serialise ? this.options.serialise(data) : JSON.stringify(data);
      const before = this.options.beforeReplace;
      await writeFileDurably(this.fs, this.file, typeof out === 'string' ? Buffer.from(out, 'utf8') : out, {
        mode: this.options.mode ?? PRIVATE_FILE_MODE,
        ...(before ? { beforeReplace: () => before(this.file) } : {}),
      });
    };
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
