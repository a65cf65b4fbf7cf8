/**
 * Lifecycle: one process per user and register (single-instance lock), open the register, build the core over
 * it, register the contract's channels, then show the window and the menu.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, shell } from 'electron';
import { createServices } from '../core/services/create-services';
import { resolveDataFile } from '../node/data-path';
import { showStartupFailure } from './dialogs';
import { createEventSender, registerApi, senderIsWindow } from './ipc';
import { buildMenuTemplate } from './menu';
import { openRegister, trackSaves } from './register-file';
import { createMainWindow, restoreAndFocus } from './window';

export async function startApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // Another window already owns the register (one writer per file); it is brought forward instead.
    app.quit();
    return;
  }
  let win: BrowserWindow | undefined;
  app.on('second-instance', () => restoreAndFocus(win));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const opened = await openOrExplain();
  if (!opened) {
    app.quit();
    return;
  }

  const send = createEventSender(() => win?.webContents);
  const saves = trackSaves(opened.port, send);
  const { handlers } = createServices({
    clock: () => new Date(),
    ids: () => randomUUID(),
    document: saves.port,
    initial: opened.document,
    loadReport: opened.report,
    app: { version: app.getVersion(), mode: 'desktop', dataFile: opened.file, backupDir: opened.backupDir },
    onChanged: (revision) => send('store/changed', { revision }),
  });
  registerApi(handlers, ipcMain, { isTrustedSender: (event) => senderIsWindow(event, win?.webContents) });

  // A save still on its way to disk finishes before the process ends.
  app.on('before-quit', (event) => {
    if (!saves.busy()) return;
    event.preventDefault();
    void saves.idle().then(() => app.quit());
  });

  const appPath = app.getAppPath();
  win = createMainWindow({
    preload: path.join(appPath, 'out', 'preload', 'preload.cjs'),
    indexHtml: path.join(appPath, 'out', 'renderer', 'index.html'),
    devTools: !app.isPackaged,
  });
  win.on('closed', () => {
    win = undefined;
  });

  const template = buildMenuTemplate(
    {
      command: (command) => send('app/command', { command }),
      showDataFile: () => shell.showItemInFolder(opened.file),
      quit: () => app.quit(),
    },
    { isPackaged: app.isPackaged, platform: process.platform },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The register, or `undefined` once the user has chosen to quit or been told why it cannot be opened. */
async function openOrExplain() {
  try {
    const dataFile = resolveDataFile({ argv: process.argv, env: process.env, defaultDir: app.getPath('userData') });
    return await openRegister(dataFile);
  } catch (error) {
    console.error(error);
    showStartupFailure(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
