/**
 * Opening the register where it cannot be written (issue 19, F4 and the 0444 register), and the decision of a
 * copy that waits for another's first start (F8), on real temp folders.
 *
 * Permission bits: these tests run as root in CI containers, and root ignores them. A write-protected folder
 * or a file the user may not write is therefore met for real by running the open path in a child process as
 * `nobody` (setpriv); as an ordinary user the child runs directly. A read-only file system and a full disk
 * cannot be made here without mounting, so those failures are injected at the lock's file calls, where the
 * real ones appear first.
 */
import * as realFs from 'node:fs/promises';
import { chmod, chown, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serialiseDocument } from '../../electron/core/store/parse-document';
import { openDocumentFile } from '../../electron/node/document-file-store';
import { acquireDocumentLock, lockPathFor, type HeldLock, type LockFs } from '../../electron/node/document-lock';
import {
  fileWriteProtection,
  firstStartStep,
  makeRegisterWritable,
  openRegisterFile,
  READ_ONLY_NOTICE,
  type OpenedRegister,
  type RegisterQuestions,
} from '../../electron/node/register-access';
import { fsError } from '../support/store-faulty-fs';
import { DEFAULT_DATA_PATH, defaultDocument, makeTempDir, modeOf } from '../support/store-helpers';
import { buildOpenChild, OpenChild, unprivilegedPrefix } from '../support/register-open-runner';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;
const opened: OpenedRegister[] = [];
const locks: HeldLock[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('sambruk-access-'));
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  for (const o of opened.splice(0)) await o.lock?.release();
  for (const l of locks.splice(0)) await l.release();
  await chmod(dir, 0o755).catch(() => undefined);
  await cleanup();
});

const owner = { user: 'anna', host: os.hostname(), pid: process.pid, appVersion: '1.0.0' };

/** Answers every question with «open read-only» (quit at the damaged-register one), and records what was asked. */
function answering(choice: 'read-only' | 'quit' = 'read-only') {
  const asked: string[] = [];
  const questions: RegisterQuestions = {
    lockedByOther: async (who) => (asked.push(`locked: ${who}`), choice),
    takeOver: async (who) => (asked.push(`stale: ${who}`), choice),
    readOnlyHere: async (why) => (asked.push(`here: ${why}`), choice),
    startFromDefault: async () => 'quit',
  };
  return { asked, questions };
}

async function open(questions: RegisterQuestions, lockFs?: LockFs, extra: { firstStart?: { limitMs: number; pollMs: number } } = {}) {
  const result = await openRegisterFile(file, {
    lock: { owner, ...(lockFs ? { fs: lockFs } : {}) },
    questions,
    createDefault: defaultDocument,
    ...extra,
  });
  if (result) opened.push(result);
  return result;
}

/** Every name in the folder (recursively) with its mode and bytes: "nothing on disk changed" is this, unchanged. */
async function snapshot(folder = dir): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(folder, full);
    const mode = (await stat(full)).mode & 0o777;
    out[key] = entry.isFile() ? `${mode.toString(8)}:${(await readFile(full)).toString('base64')}` : `${mode.toString(8)}:dir`;
  }
  return out;
}

/** A register as a previous session left it: the file and a backup folder. */
async function existingRegister(mode = 0o600) {
  const store = await openDocumentFile({ file, createDefault: defaultDocument });
  await store.port.save({ ...store.document, meta: { ...store.document.meta, revision: store.document.meta.revision + 1 } });
  await chmod(file, mode);
  return store.document.meta.revision + 1;
}

/** The real file system, but the lock file's `op` fails with `code`, as on a read-only or full disk. */
function lockFailing(op: 'open' | 'readFile', code: string): LockFs {
  return {
    ...realFs,
    [op]: async (target: unknown, ...rest: unknown[]) => {
      if (String(target).endsWith('.lock')) throw fsError(code, op);
      return (realFs[op] as (...args: unknown[]) => unknown)(target, ...rest);
    },
  } as LockFs;
}

describe('a write-protected register file (0444)', () => {
  it('opens read-only and says so, leaving the file 0444 and writing nothing (no lock, no temp, no backup)', async () => {
    const revision = await existingRegister(0o444);
    const before = await snapshot();
    const { asked, questions } = answering();

    const result = await open(questions);

    expect(result).toMatchObject({ readOnly: true, readOnlyReason: 'file-read-only' });
    expect(result?.lock).toBeUndefined();
    expect(result?.document.meta.revision).toBe(revision);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^here: Registerfilen «register\.json» är skrivskyddad/);
    expect(result?.report.messages.slice(0, 2)).toEqual([asked[0]?.slice('here: '.length), READ_ONLY_NOTICE]);
    await expect(result!.port.save(result!.document)).rejects.toMatchObject({ code: 'read-only' });
    expect(await snapshot()).toEqual(before);
    expect(await modeOf(file)).toBe(0o444);
  });

  it('quits without touching anything when the user does not want it read-only', async () => {
    await existingRegister(0o444);
    const before = await snapshot();
    expect(await open(answering('quit').questions)).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('is made owner-writable and reopened for writing when the user asks, with the document now on disk', async () => {
    const revision = await existingRegister(0o444);
    const made = await makeRegisterWritable(file, { lock: { owner }, createDefault: defaultDocument });
    locks.push(made.lock);
    expect(await modeOf(file)).toBe(0o600);
    expect(made.opened.document.meta.revision).toBe(revision);
    expect(JSON.parse(await readFile(lockPathFor(file), 'utf8'))).toMatchObject({ pid: process.pid, token: made.lock.info().token });
    await made.opened.port.save({ ...made.opened.document, meta: { ...made.opened.document.meta, revision: revision + 1 } });
    expect((await made.opened.port.listBackups()).length).toBeGreaterThan(0);
  });

  it('is not made writable while another copy holds the register, and stays 0444', async () => {
    await existingRegister(0o444);
    const other = await acquireDocumentLock({ file, owner: { ...owner, user: 'bo', host: 'EKONOMI-PC', pid: 5151 } });
    if (other.state === 'acquired') locks.push(other.lock);
    await expect(makeRegisterWritable(file, { lock: { owner }, createDefault: defaultDocument })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^Registret är öppnat av bo på EKONOMI-PC .* Filen görs inte skrivbar/),
    });
    expect(await modeOf(file)).toBe(0o444);
  });

  it('gives the lock back and says why when the file cannot be made writable (not the owner)', async () => {
    await existingRegister(0o444);
    const fs = { ...realFs, chmod: async () => Promise.reject(fsError('EPERM', 'chmod')) };
    await expect(makeRegisterWritable(file, { lock: { owner }, createDefault: defaultDocument, fs })).rejects.toMatchObject({
      code: 'save-failed',
      message: 'Registerfilen kunde inte göras skrivbar: behörighet saknas till filen eller mappen. Den är fortfarande skrivskyddad.',
    });
    expect(await readdir(dir)).not.toContain('register.json.lock');
  });

  it('is told apart from a writable or missing file', async () => {
    expect(await fileWriteProtection(file)).toBeUndefined();
    await writeFile(file, '{}', { mode: 0o600 });
    expect(await fileWriteProtection(file)).toBeUndefined();
    await chmod(file, 0o444);
    expect(await fileWriteProtection(file)).toBe('file-read-only');
    await chmod(file, 0o644);
    const denied = { ...realFs, access: async () => Promise.reject(fsError('EACCES', 'access')) };
    expect(await fileWriteProtection(file, denied)).toBe('file-read-only');
    const readOnlyFs = { ...realFs, access: async () => Promise.reject(fsError('EROFS', 'access')) };
    expect(await fileWriteProtection(file, readOnlyFs)).toBe('file-system-read-only');
  });
});

describe('a place where nothing can be written (injected at the lock)', () => {
  it.each([
    ['EROFS', 'file-system-read-only', /^Disken eller enheten där registret ligger .* är skrivskyddad/],
    ['ENOSPC', 'disk-full', /^Disken där registret ligger .* är full/],
    ['EACCES', 'folder-read-only', /^Mappen .* är skrivskyddad: programmet får inte skapa filer där/],
  ])('%s at start: opens read-only (%s), explains in Swedish, and changes nothing on disk', async (code, reason, text) => {
    await existingRegister(0o600);
    const before = await snapshot();
    const { asked, questions } = answering();

    const result = await open(questions, lockFailing('open', code));

    expect(result).toMatchObject({ readOnly: true, readOnlyReason: reason });
    expect(asked).toHaveLength(1);
    expect(asked[0]?.slice('here: '.length)).toMatch(text);
    expect(result?.report.messages[0]).toMatch(text);
    await expect(result!.port.save(result!.document)).rejects.toMatchObject({ code: 'read-only' });
    expect(await snapshot()).toEqual(before);
  });

  it('no right to read an existing lock: opens read-only (lock-no-access) and leaves the lock as it was', async () => {
    await existingRegister(0o600);
    await writeFile(lockPathFor(file), 'someone else’s lock');
    const before = await snapshot();
    const { asked, questions } = answering();
    const result = await open(questions, lockFailing('readFile', 'EACCES'));
    expect(result).toMatchObject({ readOnly: true, readOnlyReason: 'lock-no-access' });
    expect(asked[0]).toMatch(/Du saknar behörighet till låsfilen «register\.json\.lock»/);
    expect(await snapshot()).toEqual(before);
  });

  it('a missing register there cannot be created: a Swedish refusal, and nothing is made', async () => {
    const before = await snapshot();
    await expect(open(answering().questions, lockFailing('open', 'EROFS'))).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/^Registerfilen .*register\.json finns inte, och den kan inte skapas här\. Disken eller enheten/),
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('a write-protected folder and a file the user may not write, for real (another user)', () => {
  const prefix = unprivilegedPrefix();
  let workDir: string;
  let workCleanup: () => Promise<void>;
  let bundle: string;

  beforeAll(async () => {
    ({ dir: workDir, cleanup: workCleanup } = await makeTempDir('sambruk-access-child-'));
    await chmod(workDir, 0o755);
    bundle = await buildOpenChild(workDir);
    await chmod(bundle, 0o644);
  });
  afterAll(async () => {
    await workCleanup?.();
  });

  /** A folder `nobody` may read but not write (ours, 0755), holding a `register.json` owned by `nobody` or by us. */
  async function folderFor(test: string, fileOwner: 'nobody' | 'us') {
    const folder = path.join(workDir, test);
    await mkdir(folder, { mode: 0o755 });
    const target = path.join(folder, 'register.json');
    await writeFile(target, serialiseDocument(defaultDocument()), { mode: fileOwner === 'nobody' ? 0o600 : 0o644 });
    if (fileOwner === 'nobody' && process.getuid?.() === 0) await chown(target, 65534, 65534);
    return { folder, target };
  }

  it.skipIf(prefix === undefined)('folder write-protected: opens read-only (folder-read-only), nothing written', async () => {
    const { folder, target } = await folderFor('folder', 'nobody');
    // As root the folder is already closed to `nobody` (ours, 0755); as an ordinary user it is made 0555.
    if (process.getuid?.() !== 0) await chmod(folder, 0o555);
    try {
      const before = await snapshot(folder);
      const child = new OpenChild(bundle, [target, DEFAULT_DATA_PATH], prefix);
      const result = await child.result();
      await child.done;
      expect(result).toMatchObject({ readOnly: true, reason: 'folder-read-only', outcome: 'opened' });
      expect(result.messages[0]).toMatch(/^Mappen .* är skrivskyddad/);
      expect(await snapshot(folder)).toEqual(before);
    } finally {
      await chmod(folder, 0o755);
    }
  });

  it.skipIf(prefix === undefined || prefix.length === 0)('a file owned by someone else, not writable for this user: opens read-only (file-read-only)', async () => {
    const { folder, target } = await folderFor('file', 'us');
    const before = await snapshot(folder);
    const child = new OpenChild(bundle, [target, DEFAULT_DATA_PATH], prefix);
    const result = await child.result();
    await child.done;
    expect(result).toMatchObject({ readOnly: true, reason: 'file-read-only' });
    expect(await snapshot(folder)).toEqual(before);
  });
});

describe('waiting for another copy’s first start (F8)', () => {
  it('decides: open once the file is there, wait while its holder lives, claim when freed, give up when stale or late', () => {
    const limit = 1000;
    expect(firstStartStep({ fileExists: true, lock: 'held', waitedMs: 0 }, limit)).toBe('open');
    expect(firstStartStep({ fileExists: true, lock: 'free', waitedMs: 5000 }, limit)).toBe('open');
    expect(firstStartStep({ fileExists: false, lock: 'held', waitedMs: 0 }, limit)).toBe('wait');
    expect(firstStartStep({ fileExists: false, lock: 'held', waitedMs: 999 }, limit)).toBe('wait');
    expect(firstStartStep({ fileExists: false, lock: 'held', waitedMs: 1000 }, limit)).toBe('give-up');
    expect(firstStartStep({ fileExists: false, lock: 'free', waitedMs: 0 }, limit)).toBe('claim');
    expect(firstStartStep({ fileExists: false, lock: 'stale', waitedMs: 0 }, limit)).toBe('give-up');
    expect(firstStartStep({ fileExists: false, lock: 'unavailable', waitedMs: 0 }, limit)).toBe('give-up');
  });

  it('a reader waits for the holder to write the new register, then reads it (asked once)', async () => {
    const holder = await acquireDocumentLock({ file, owner: { ...owner, user: 'bo' } });
    if (holder.state !== 'acquired') throw new Error('expected the lock');
    locks.push(holder.lock);
    const { asked, questions } = answering();
    const reading = open(questions, undefined, { firstStart: { limitMs: 20_000, pollMs: 20 } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const created = await openDocumentFile({ file, createDefault: defaultDocument });
    const result = await reading;
    expect(result).toMatchObject({ readOnly: true, readOnlyReason: 'locked', report: { outcome: 'opened' } });
    expect(result?.document).toEqual(created.document);
    expect(asked).toEqual([expect.stringMatching(/^locked: Registret är öppnat av bo/)]);
  });

  it('becomes the writer when the holder quits without creating it', async () => {
    const holder = await acquireDocumentLock({ file, owner: { ...owner, user: 'bo' } });
    if (holder.state !== 'acquired') throw new Error('expected the lock');
    const reading = open(answering().questions, undefined, { firstStart: { limitMs: 20_000, pollMs: 20 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await holder.lock.release();
    const result = await reading;
    expect(result).toMatchObject({ readOnly: false, report: { outcome: 'created-default' } });
    expect(result?.lock).toBeDefined();
  });

  it('gives up with a Swedish message when the holder never writes it, leaving nothing behind', async () => {
    const holder = await acquireDocumentLock({ file, owner: { ...owner, user: 'bo' } });
    if (holder.state !== 'acquired') throw new Error('expected the lock');
    locks.push(holder.lock);
    const before = await snapshot();
    await expect(open(answering().questions, undefined, { firstStart: { limitMs: 200, pollMs: 20 } })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/finns inte ännu\. Registret är öppnat av bo .* Försök igen om en stund\.$/),
    });
    expect(await snapshot()).toEqual(before);
  });
});
