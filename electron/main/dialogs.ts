/** Native dialogs the shell needs before (or instead of) the UI: both concern a register that cannot be opened. */
import { dialog } from 'electron';
import { sv } from './labels';

/**
 * The file is damaged and no valid backup exists. Starting from the default data is the user's call, never
 * automatic: the damaged file stays where the store put it, so someone can still rescue it.
 */
export async function askStartFromDefault(reason: string, quarantinedFile: string | undefined): Promise<'default' | 'quit'> {
  const d = sv.dialogs;
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: d.unrecoverableTitle,
    message: d.unrecoverableMessage,
    detail: d.unrecoverableDetail(reason, quarantinedFile),
    buttons: [d.startFromDefault, d.quit],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0 ? 'default' : 'quit';
}

export function showStartupFailure(reason: string): void {
  dialog.showErrorBox(sv.dialogs.startupFailedTitle, sv.dialogs.startupFailed(reason));
}

/** Someone else has the register open: read-only or quit. */
export async function askOpenReadOnly(who: string): Promise<'read-only' | 'quit'> {
  const d = sv.dialogs;
  const { response } = await dialog.showMessageBox({
    type: 'info',
    title: d.lockedTitle,
    message: who,
    detail: d.lockedDetail,
    buttons: [d.openReadOnly, d.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0 ? 'read-only' : 'quit';
}

/** The register can only be read here (write-protected file, folder or disk, full disk): read-only or quit. */
export async function askOpenReadOnlyBecause(why: string): Promise<'read-only' | 'quit'> {
  const d = sv.dialogs;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: d.readOnlyHereTitle,
    message: d.readOnlyHereMessage,
    detail: why,
    buttons: [d.openReadOnly, d.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0 ? 'read-only' : 'quit';
}

/** The lock looks abandoned (crash): taking over is a deliberate choice, never the default button. */
export async function askTakeOver(who: string, why: string): Promise<'take-over' | 'read-only' | 'quit'> {
  const d = sv.dialogs;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: d.staleTitle,
    message: who,
    detail: d.staleDetail(why),
    buttons: [d.takeOver, d.openReadOnly, d.quit],
    defaultId: 1,
    cancelId: 2,
    noLink: true,
  });
  return response === 0 ? 'take-over' : response === 1 ? 'read-only' : 'quit';
}

export function showLockLost(who: string): void {
  const d = sv.dialogs;
  void dialog.showMessageBox({ type: 'warning', title: d.lockLostTitle, message: d.lockLostMessage, detail: d.lockLostDetail(who), buttons: ['OK'], noLink: true });
}

/** The file changed on disk: offer to load it (after keeping ours aside). */
export async function askReloadAfterExternalChange(): Promise<'reload' | 'not-now'> {
  const d = sv.dialogs;
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: d.externalChangeTitle,
    message: d.externalChangeMessage,
    detail: d.externalChangeDetail,
    buttons: [d.reload, d.notNow],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0 ? 'reload' : 'not-now';
}

export function showReloaded(asideName: string): void {
  const d = sv.dialogs;
  void dialog.showMessageBox({ type: 'info', title: d.reloadedTitle, message: d.reloadedMessage(asideName), buttons: ['OK'], noLink: true });
}

export function showReloadFailed(reason: string, asideName: string | undefined): void {
  const d = sv.dialogs;
  dialog.showErrorBox(d.externalChangeTitle, asideName === undefined ? d.asideFailed(reason) : d.reloadFailed(reason, asideName));
}
