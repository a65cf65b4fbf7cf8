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
