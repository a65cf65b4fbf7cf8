/**
 * Opening the register file at startup (claiming its lock first, so that two people never write one file,
 * or opening it read-only and saying why), and telling the UI how saving goes.
 */
import { AppError } from '../contract';
import type { DocumentPort } from '../core/handlers/ports';
import { validateDocument } from '../core/store/parse-document';
import type { SambrukDocument } from '../core/store/schema';
import type { LockOptions } from '../node/document-lock';
import {
  makeRegisterWritable,
  openRegisterFile,
  type OpenedRegister,
  type RegisterQuestions,
} from '../node/register-access';
import defaultData from '../../assets/default-data.json';
import { askOpenReadOnly, askOpenReadOnlyBecause, askStartFromDefault, askTakeOver } from './dialogs';
import type { EventSender } from './ipc';
import { sv } from './labels';

export type { OpenedRegister } from '../node/register-access';

/** The user's answers, through native dialogs. */
export const dialogQuestions: RegisterQuestions = {
  lockedByOther: askOpenReadOnly,
  takeOver: askTakeOver,
  readOnlyHere: askOpenReadOnlyBecause,
  startFromDefault: askStartFromDefault,
};

/** A fresh copy of the bundled default data set (the 2022 plan), validated like any file. */
export function createDefaultDocument(): SambrukDocument {
  return validateDocument(structuredClone(defaultData));
}

// The save itself succeeded; a missed backup is for the log, not a reason to interrupt the user.
const logBackupError = (error: unknown) => console.warn('Säkerhetskopian kunde inte göras:', error);

/**
 * Claims the lock, then opens the file; a damaged file without a usable backup is the one case that needs
 * the user's decision. Resolves `undefined` when the user chooses to quit (the lock is then released).
 */
export function openRegister(file: string, lockOptions: Omit<LockOptions, 'file'>): Promise<OpenedRegister | undefined> {
  return openRegisterFile(file, { lock: lockOptions, questions: dialogQuestions, createDefault: createDefaultDocument, onBackupError: logBackupError });
}

/** The user asked to write a write-protected register: see `makeRegisterWritable` in register-access.ts. */
export function reopenWritable(file: string, lockOptions: Omit<LockOptions, 'file'>) {
  return makeRegisterWritable(file, { lock: lockOptions, createDefault: createDefaultDocument, onBackupError: logBackupError });
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
export function trackSaves(
  port: DocumentPort,
  send: EventSender,
  onConflict: (error: AppError) => void = () => undefined,
  takeNotices: () => string[] = () => [],
): TrackedPort {
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
        // What the store did to make room (old backups dropped) goes with the save it was for.
        const notices = takeNotices();
        send('store/status', notices.length > 0 ? { state: 'saved', revision, message: notices.join(' ') } : { state: 'saved', revision });
      } catch (error) {
        // The store's own refusals are Swedish sentences; an OS error text is not something to show.
        const base = error instanceof AppError ? error.message : sv.status.saveFailed;
        const message = [base, ...takeNotices()].join(' ');
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
