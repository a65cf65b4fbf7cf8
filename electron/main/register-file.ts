/** Opening the register file at startup, and telling the UI how saving goes. */
import { AppError } from '../contract';
import type { DocumentPort } from '../core/services/ports';
import { validateDocument } from '../core/store/parse-document';
import type { SambrukDocument } from '../core/store/schema';
import { openDocumentFile, UnrecoverableDocumentError } from '../node/document-file-store';
import defaultData from '../../assets/default-data.json';
import { askStartFromDefault } from './dialogs';
import type { EventSender } from './ipc';
import { sv } from './labels';

export type OpenedRegister = Awaited<ReturnType<typeof openDocumentFile>>;

/** A fresh copy of the bundled default data set (the 2022 plan), validated like any file. */
export function createDefaultDocument(): SambrukDocument {
  return validateDocument(structuredClone(defaultData));
}

/**
 * Opens the file; a damaged file without a usable backup is the one case that needs the user's decision.
 * Resolves `undefined` when the user chooses to quit.
 */
export async function openRegister(file: string): Promise<OpenedRegister | undefined> {
  const options = {
    file,
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
export function trackSaves(port: DocumentPort, send: EventSender): TrackedPort {
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
