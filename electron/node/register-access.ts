/**
 * How the register is opened at start: writable (this copy holds its lock) or read-only, and why. The shell
 * (electron/main/register-file.ts) asks its questions through native dialogs; a test or a child process
 * answers them itself, and runs exactly this path.
 *
 * Read-only, with nothing written to disk (no lock, no temp file, no backup, no quarantine), when:
 * - another copy holds the lock (`locked`), the case the lock file exists for;
 * - the register file is write-protected (0444, the Windows read-only attribute, or no right to write it):
 *   opening must not quietly make it writable, but the user may choose to (`makeRegisterWritable`);
 * - the lock cannot be made: a write-protected folder or file system, a full disk, a lock file we may not read.
 *
 * Two first starts at once: the loser of the lock may look before the winner has written the new register.
 * It then waits for the file (`firstStartStep`) instead of failing with «finns inte».
 */
import * as nodeFs from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import type { ReadOnlyReason } from '../contract/channels/app.channels';
import { AppError } from '../contract/result';
import { systemClock } from '../contract/rules/calendar-date';
import type { SambrukDocument } from '../core/store/schema';
import { openDocumentFile, UnrecoverableDocumentError, type OpenedDocument } from './document-file-store';
import {
  acquireDocumentLock,
  describeHolder,
  describeStale,
  inspectDocumentLock,
  takeOverDocumentLock,
  type HeldLock,
  type LockOptions,
  type UnavailableReason,
} from './document-lock';
import { errorCode, nodeStoreFs, PRIVATE_FILE_MODE, resolveWriteTarget } from './durable-json-file';
import { describeFsError } from './fs-error-text';

/** The answers the shell gets from the user (dialogs in the app, fixed answers in tests). */
export type RegisterQuestions = {
  /** Another copy holds the register. */
  lockedByOther(who: string): Promise<'read-only' | 'quit'>;
  /** The lock looks abandoned (a crash). */
  takeOver(who: string, why: string): Promise<'take-over' | 'read-only' | 'quit'>;
  /** Nothing may be written here, or the file is write-protected. */
  readOnlyHere(why: string): Promise<'read-only' | 'quit'>;
  /** The file is damaged and no backup can replace it. */
  startFromDefault(reason: string, quarantinedFile: string | undefined): Promise<'default' | 'quit'>;
};

export type RegisterAccess =
  | { readOnly: false; lock: HeldLock }
  | { readOnly: true; reason: ReadOnlyReason; explanation: string }
  | 'quit';

/** The file calls made here beside the lock's and the store's own; injectable for fault tests. */
export type AccessFs = Pick<typeof nodeFs, 'stat' | 'access' | 'chmod'>;

export type OpenedRegister = OpenedDocument & {
  /** Held while this process may write the register; undefined when it opened read-only. */
  lock?: HeldLock;
  readOnly: boolean;
  readOnlyReason?: ReadOnlyReason;
};

/** The sentence that opens the load report of a read-only start (after the reason). */
export const READ_ONLY_NOTICE = 'Registret är öppnat skrivskyddat: du kan läsa men inte ändra något.';

/**
 * Why the register can only be read here, as the user is told it (not `locked`: that names the holder; not
 * `newer-version`: the store says that, naming both versions; nor the shared register's reasons, which are no file's).
 */
export function describeReadOnlyReason(reason: Exclude<ReadOnlyReason, 'locked' | 'newer-version' | 'server-offline' | 'server-read-only-role'>, file: string): string {
  const name = path.basename(file);
  const dir = path.dirname(path.resolve(file));
  switch (reason) {
    case 'file-read-only':
      return `Registerfilen «${name}» är skrivskyddad, så programmet ändrar den inte. Om registret ska kunna ändras kan du göra filen skrivbar under Data.`;
    case 'folder-read-only':
      return `Mappen ${dir} är skrivskyddad: programmet får inte skapa filer där (låsfil, tillfälliga filer eller säkerhetskopior), så registret kan bara läsas. Be om skrivrätt till mappen, eller kopiera registret till en mapp där du får skriva.`;
    case 'file-system-read-only':
      return `Disken eller enheten där registret ligger (${dir}) är skrivskyddad, så registret kan bara läsas.`;
    case 'disk-full':
      return `Disken där registret ligger (${dir}) är full, så inga ändringar skulle kunna sparas. Registret öppnas för läsning; frigör utrymme och starta programmet igen för att kunna ändra.`;
    case 'lock-no-access':
      return `Du saknar behörighet till låsfilen «${name}.lock», som visar vem som har registret öppet. Registret öppnas därför bara för läsning, så att ingen annans ändringar skrivs över.`;
  }
}

/**
 * Whether the register file may not be written, as the file itself says: no write bit for anyone (0444, the
 * Windows read-only attribute), or no right for this user (`access`). Undefined for a writable or missing file,
 * and for one that cannot even be looked at (the store reports that when it reads it).
 * The mode is read as well as `access`, because an administrator's `access` ignores the mode.
 */
export async function fileWriteProtection(file: string, fs: AccessFs = nodeFs): Promise<'file-read-only' | 'file-system-read-only' | undefined> {
  let mode: number;
  try {
    mode = (await fs.stat(file)).mode;
  } catch {
    // Missing (a new register), or not to be looked at: the store's read then says so in Swedish.
    return undefined;
  }
  if ((mode & 0o222) === 0) return 'file-read-only';
  try {
    await fs.access(file, fsConstants.W_OK);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EROFS') return 'file-system-read-only';
    if (code === 'EACCES' || code === 'EPERM') return 'file-read-only';
  }
  return undefined;
}

/**
 * Decides whether this copy writes the register or reads it, asking the user where it is their call.
 * Held by someone else: read-only or quit. Held by a process that is gone: take over, read-only or quit.
 * Write-protected file, or no lock possible here: read-only (saying why) or quit, with nothing written.
 */
export async function claimRegister(
  lockOptions: LockOptions,
  questions: RegisterQuestions,
  options: { now?: () => Date; fs?: AccessFs } = {},
): Promise<RegisterAccess> {
  const now = options.now ?? systemClock;
  const protection = await fileWriteProtection(lockOptions.file, options.fs);
  if (protection) return readOnlyHere(protection, lockOptions.file, questions);
  let result = await acquireDocumentLock(lockOptions);
  for (;;) {
    if (result.state === 'acquired') return { readOnly: false, lock: result.lock };
    if (result.state === 'unavailable') return readOnlyHere(result.reason, lockOptions.file, questions);
    const who = describeHolder(result.holder, now());
    if (!result.stale) {
      return (await questions.lockedByOther(who)) === 'quit' ? 'quit' : { readOnly: true, reason: 'locked', explanation: who };
    }
    const choice = await questions.takeOver(who, describeStale(result.holder, result.reason, now()));
    if (choice === 'quit') return 'quit';
    if (choice === 'read-only') return { readOnly: true, reason: 'locked', explanation: who };
    // Still the same stale lock? Then it is ours; otherwise the loop asks again about whoever has it now.
    result = await takeOverDocumentLock(lockOptions, result.observed);
  }
}

async function readOnlyHere(reason: UnavailableReason | 'file-read-only', file: string, questions: RegisterQuestions): Promise<RegisterAccess> {
  const explanation = describeReadOnlyReason(reason, file);
  return (await questions.readOnlyHere(explanation)) === 'quit' ? 'quit' : { readOnly: true, reason, explanation };
}

/** What a copy that lost the lock sees while the register file does not exist yet. */
export type FirstStartLook = {
  fileExists: boolean;
  /** The lock now: still held by a live holder, or free, stale, or unreadable. */
  lock: 'held' | 'stale' | 'free' | 'unavailable';
  waitedMs: number;
};

/**
 * The decision of a copy that opened read-only (someone else holds the lock): open once the file is there;
 * while the holder is alive and the file is not, wait for the holder to write it (a first start); when the
 * holder released the lock without writing it, claim the register again (it may then be ours to create).
 * A holder that crashed (stale lock) will not write it, and the user already chose not to take over: give up
 * with a message, as after `limitMs` of waiting, rather than hang or ask again.
 */
export function firstStartStep(look: FirstStartLook, limitMs: number): 'open' | 'wait' | 'claim' | 'give-up' {
  if (look.fileExists) return 'open';
  if (look.lock === 'free') return 'claim';
  if (look.lock !== 'held') return 'give-up';
  return look.waitedMs >= limitMs ? 'give-up' : 'wait';
}

export type FirstStartOptions = {
  /** How long to wait for the holder to write a new register (default 30 s). */
  limitMs?: number;
  /** Between looks (default 100 ms). */
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
};

export type OpenRegisterOptions = {
  lock: Omit<LockOptions, 'file'>;
  questions: RegisterQuestions;
  createDefault: () => SambrukDocument;
  onBackupError?: (error: unknown) => void;
  fs?: AccessFs;
  firstStart?: FirstStartOptions;
};

/**
 * Claims the lock (or learns why the register can only be read), then opens the file. A damaged file without
 * a usable backup is the one case that needs the user's decision. Resolves `undefined` when the user chooses to
 * quit (the lock is then released).
 */
export async function openRegisterFile(file: string, o: OpenRegisterOptions): Promise<OpenedRegister | undefined> {
  // A register reached through a symbolic link is locked beside its target, where saves go: every path to one
  // file then meets the same lock.
  const lockOptions: LockOptions = { ...o.lock, file: await lockedFile(file) };
  const access = await claimUntilThere(lockOptions, o);
  if (access === 'quit') return undefined;
  const lock = access.readOnly ? undefined : access.lock;
  try {
    if (access.readOnly && access.reason !== 'locked' && !(await exists(file, o.fs))) {
      throw new AppError('not-found', `Registerfilen ${file} finns inte, och den kan inte skapas här. ${access.explanation}`);
    }
    const opened = await openWithRecovery(file, access.readOnly, o);
    if (!opened) {
      await lock?.release();
      return undefined;
    }
    if (access.readOnly) {
      opened.report = { ...opened.report, messages: [access.explanation, READ_ONLY_NOTICE, ...opened.report.messages] };
      return { ...opened, readOnly: true, readOnlyReason: access.reason };
    }
    if (opened.readOnly) {
      // The store found a newer version's register and opened it read-only: the lock is not ours to hold.
      await access.lock.release();
      return { ...opened, readOnly: true, readOnlyReason: 'newer-version' };
    }
    return { ...opened, readOnly: false, lock: access.lock };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

function lockedFile(file: string): Promise<string> {
  return resolveWriteTarget(nodeStoreFs, file).catch(() => file);
}

/**
 * `claimRegister`, and for a copy that must read what another holds, the wait for that register to exist
 * (see `firstStartStep`). The user's choice to read is not asked again while waiting.
 */
async function claimUntilThere(lockOptions: LockOptions, o: OpenRegisterOptions): Promise<RegisterAccess> {
  const limitMs = o.firstStart?.limitMs ?? 30_000;
  const pollMs = o.firstStart?.pollMs ?? 100;
  const sleep = o.firstStart?.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = o.firstStart?.clock ?? (() => Date.now());
  const started = clock();
  let access = await claimRegister(lockOptions, o.questions, o.fs ? { fs: o.fs } : {});
  const chosen: RegisterQuestions = { ...o.questions, lockedByOther: async () => 'read-only' };
  while (access !== 'quit' && access.readOnly && access.reason === 'locked') {
    const fileExists = await exists(lockOptions.file, o.fs);
    const lock = fileExists ? 'held' : lockState(await inspectDocumentLock(lockOptions));
    const step = firstStartStep({ fileExists, lock, waitedMs: clock() - started }, limitMs);
    if (step === 'open') break;
    if (step === 'give-up') {
      throw new AppError(
        'not-found',
        `Registerfilen ${lockOptions.file} finns inte ännu. ${access.explanation} Programmet väntade på att registret skulle skapas där, men det har inte skapats. Försök igen om en stund.`,
      );
    }
    if (step === 'claim') access = await claimRegister(lockOptions, chosen, o.fs ? { fs: o.fs } : {});
    else await sleep(pollMs);
  }
  return access;
}

function lockState(look: Awaited<ReturnType<typeof inspectDocumentLock>>): FirstStartLook['lock'] {
  if (look.state === 'held') return look.stale ? 'stale' : 'held';
  // `acquired` cannot come from a look; `free` and `unavailable` as they are.
  return look.state === 'acquired' ? 'held' : look.state;
}

async function exists(file: string, fs: AccessFs = nodeFs): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (err) {
    // Anything but "not there" is for the store to report when it reads the file.
    return errorCode(err) !== 'ENOENT';
  }
}

async function openWithRecovery(file: string, readOnly: boolean, o: OpenRegisterOptions) {
  const options = {
    file,
    readOnly,
    createDefault: o.createDefault,
    ...(o.onBackupError ? { onBackupError: o.onBackupError } : {}),
  };
  try {
    return await openDocumentFile({ ...options, onUnrecoverable: 'throw' });
  } catch (error) {
    if (!(error instanceof UnrecoverableDocumentError)) throw error;
    const choice = await o.questions.startFromDefault(error.message, error.quarantinedFile);
    if (choice === 'quit') return undefined;
    return openDocumentFile({ ...options, onUnrecoverable: 'create-default' });
  }
}

/**
 * The user's choice to write a register whose file is write-protected: take the lock (refused, saying who,
 * while another copy holds it), make the file owner-writable (owner-only, as the store keeps every register),
 * and open it for writing. The caller then shows the document this returns: the file may have changed while
 * it was only being read. On any failure the lock is given back and the register stays read-only.
 */
export async function makeRegisterWritable(
  file: string,
  o: { lock: Omit<LockOptions, 'file'>; createDefault: () => SambrukDocument; onBackupError?: (error: unknown) => void; fs?: AccessFs; now?: () => Date },
): Promise<{ opened: OpenedDocument; lock: HeldLock }> {
  const fs = o.fs ?? nodeFs;
  const result = await acquireDocumentLock({ ...o.lock, file: await lockedFile(file) });
  if (result.state === 'held') {
    throw new AppError('conflict', `${describeHolder(result.holder, (o.now ?? systemClock)())} Filen görs inte skrivbar medan registret är öppet där.`);
  }
  if (result.state === 'unavailable') {
    throw new AppError('read-only', `Registret kan inte göras skrivbart. ${describeReadOnlyReason(result.reason, file)}`);
  }
  try {
    try {
      await fs.chmod(file, PRIVATE_FILE_MODE);
    } catch (err) {
      throw new AppError('save-failed', `Registerfilen kunde inte göras skrivbar: ${describeFsError(err)}. Den är fortfarande skrivskyddad.`);
    }
    const still = await fileWriteProtection(file, fs);
    if (still) {
      throw new AppError('read-only', `Registerfilen kunde inte göras skrivbar. ${describeReadOnlyReason(still, file)}`);
    }
    const opened = await openDocumentFile({
      file,
      readOnly: false,
      createDefault: o.createDefault,
      onUnrecoverable: 'throw',
      ...(o.onBackupError ? { onBackupError: o.onBackupError } : {}),
    });
    return { opened, lock: result.lock };
  } catch (error) {
    await result.lock.release();
    throw error;
  }
}
