/**
 * The register file changed on disk while the app ran, and a save was refused for it (document-file-store).
 * The user is offered to load the file from disk; before that, the version in the app is written aside as
 * `<name>.konflikt-<time>.json`, so neither version is lost.
 */
import path from 'node:path';
import { AppError } from '../contract';
import type { Repository } from '../core/store/repository';
import { EXTERNAL_CHANGE, type ExternalChanges } from '../node/document-file-store';
import { askReloadAfterExternalChange, showReloaded, showReloadFailed } from './dialogs';
import { sv } from './labels';

export type ConflictDeps = {
  external: ExternalChanges;
  repo: () => Repository | undefined;
  ask?: () => Promise<'reload' | 'not-now'>;
  reloaded?: (asideName: string) => void;
  /** `asideName` is undefined when the app's version could not be written aside (and nothing was loaded). */
  failed?: (reason: string, asideName: string | undefined) => void;
};

export function isExternalChange(error: unknown): boolean {
  return error instanceof AppError && error.code === 'conflict' && (error.details as { reason?: unknown } | undefined)?.reason === EXTERNAL_CHANGE;
}

/**
 * A handler for refused saves: for an external change it asks once (concurrent refusals share the question),
 * and on «Läs in» keeps the app's version aside, loads the disk's and makes it the register (one change, so
 * the other party's version is saved again with a change-log entry naming the aside file).
 * Resolves when done; `undefined` when the error was not an external change or the user said not now.
 */
export function createConflictResolver(deps: ConflictDeps) {
  const ask = deps.ask ?? askReloadAfterExternalChange;
  const reloaded = deps.reloaded ?? showReloaded;
  const failed = deps.failed ?? showReloadFailed;
  let running: Promise<string | undefined> | undefined;

  async function resolve(): Promise<string | undefined> {
    const repo = deps.repo();
    if (!repo || (await ask()) !== 'reload') return undefined;
    let aside: string;
    try {
      aside = await deps.external.writeAside(repo.get());
    } catch (error) {
      // Without a copy of our version, loading the other would lose it: stop here.
      failed(error instanceof Error ? error.message : String(error), undefined);
      return undefined;
    }
    const asideName = path.basename(aside);
    try {
      const fromDisk = await deps.external.reload();
      await repo.replace(fromDisk, sv.dialogs.reloadSummary(asideName));
    } catch (error) {
      failed(error instanceof Error ? error.message : String(error), asideName);
      return aside;
    }
    reloaded(asideName);
    return aside;
  }

  return (error: unknown): Promise<string | undefined> => {
    if (!isExternalChange(error)) return Promise.resolve(undefined);
    running ??= resolve().finally(() => {
      running = undefined;
    });
    return running;
  };
}
