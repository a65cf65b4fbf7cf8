/**
 * Opening the register file at startup (claiming its lock first, so that two people never write one file),
 * and telling the UI how saving goes.
 */
import { AppError } from '../contract';
import type { DocumentPort } from '../core/services/ports';
import { validateDocument } from '../core/store/parse-document';
import type { SambrukDocument } from '../core/store/schema';
import { openDocumentFile, UnrecoverableDocumentError } from '../node/document-file-store';
import {
  acquireDocumentLock,
  describeHolder,
  describeStale,
  takeOverDocumentLock,
  type HeldLock,
  type LockOptions,
} from '../node/document-lock';
import defaultData from '../../assets/default-data.json';
import { askOpenReadOnly, askStartFromDefault, askTakeOver } from './dialogs';
import type { EventSender } from './ipc';
import { sv } from './labels';

export type OpenedRegister = Awaited<ReturnType<typeof openDocumentFile>> & {
  /** Held while this process may write the register; undefined when it opened read-only. */
  lock?: HeldLock;
  readOnly: boolean;
};

export type RegisterAccess = { readOnly: false; lock: HeldLock } | { readOnly: true; holder: string } | 'quit';

/**
 * Claims the register's lock file. Held by someone else: the user may open read-only or quit. Held by a
 * process that is gone (a crash): the user may take it over, open read-only or quit.
 */
export async function claimRegister(lockOptions: LockOptions, now: () => Date = () => new Date()): Promise<RegisterAccess> {
  let result = await acquireDocumentLock(lockOptions);
  while (result.state === 'held') {
    const who = describeHolder(result.holder, now());
    if (!result.stale) {
      return (await askOpenReadOnly(who)) === 'quit' ? 'quit' : { readOnly: true, holder: who };
    }
    const choice = await askTakeOver(who, describeStale(result.holder, result.reason, now()));
    if (choice === 'quit') return 'quit';
    if (choice === 'read-only') return { readOnly: true, holder: who };
    // Still the same stale lock? Then it is ours; otherwise the loop asks again about whoever has it now.
    result = await takeOverDocumentLock(lockOptions, result.observed);
  }
  return { readOnly: false, lock: result.lock };
}

/** A fresh copy of the bundled default data set (the 2022 plan), validated like any file. */
export function createDefaultDocument(): SambrukDocument {
  return validateDocument(structuredClone(defaultData));
}

/**
 * Claims the lock, then opens the file; a damaged file without a usable backup is the one case that needs
 * the user's decision. Resolves `undefined` when the user chooses to quit (the lock is then released).
 */
export async function openRegister(file: string, lockOptions: Omit<LockOptions, 'file'>): Promise<OpenedRegister | undefined> {
  const access = await claimRegister({ ...lockOptions, file });
  if (access === 'quit') return undefined;
  const readOnly = access.readOnly;
  const lock = access.readOnly ? undefined : access.lock;
  try {
    const opened = await openWithRecovery(file, readOnly);
    if (!opened) {
      await lock?.release();
      return undefined;
    }
    if (access.readOnly) {
      opened.report = { ...opened.report, messages: [access.holder, sv.dialogs.readOnlyNotice, ...opened.report.messages] };
      return { ...opened, readOnly: true };
    }
    return { ...opened, readOnly: false, lock: access.lock };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function openWithRecovery(file: string, readOnly: boolean) {
  const options = {
    file,
    readOnly,
    createDefault: createDefaultDocument,
    // The save itself succeeded; a missed backup is for the log, not a reason to interrupt the user.
    onBackupError: (error: unknown) => console.warn('Säkerhetskopian kunde inte göras:', error),
  };
  try {
    return await openDocumentFile({ ...options, onUnrecoverable: 'throw' });
  } catch (error) {
    if (!(error instanceof UnrecoverableDocumentError)) throw error;
    const choice = await askStartFromDefault(error.message, error.quarantinedFile);
    if (choice === 'quit') return undefined;
    return openDocumentFile({ ...options, onUnrecoverable: 'create-default' });
  }
}

export type TrackedPort = {
  port: DocumentPort;
  /** True while a save is on its way to disk. */
  busy: () => boolean;
  /** Resolves when no save is in flight (whatever their outcome). */
  idle: () => Promise<void>;
};

/**
 * Wraps the store's port so the UI hears `store/status` (saving, saved, failed) for each save, and so quitting
 * can wait for a save in flight instead of cutting it off.
 */
export function trackSaves(port: DocumentPort, send: EventSender, onConflict: (error: AppError) => void = () => undefined): TrackedPort {
  const inFlight = new Set<Promise<void>>();
  const tracked: DocumentPort = {
    listBackups: () => port.listBackups(),
    readBackup: (name) => port.readBackup(name),
    async save(doc) {
      const revision = doc.meta.revision;
      send('store/status', { state: 'saving', revision });
      const saving = port.save(doc);
      inFlight.add(saving);
      try {
        await saving;
        send('store/status', { state: 'saved', revision });
      } catch (error) {
        // The store's own refusals are Swedish sentences; an OS error text is not something to show.
        const message = error instanceof AppError ? error.message : sv.status.saveFailed;
        send('store/status', { state: 'failed', revision, message });
        if (error instanceof AppError && error.code === 'conflict') onConflict(error);
        throw error;
      } finally {
        inFlight.delete(saving);
      }
    },
  };
  return {
    port: tracked,
    busy: () => inFlight.size > 0,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
