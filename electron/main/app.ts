/**
 * Lifecycle: one process per user and register (single-instance lock), the app's own `app://` origin, the
 * register's lock file, open the register, build the core over it, register the contract's channels, then
 * show the window and the menu.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import { systemClock } from '../contract/rules/calendar-date';
import { createHandlers } from '../core/handlers/create-handlers';
import type { Repository } from '../core/store/repository';
import { resolveDataFile, resolveServer } from '../node/data-path';
import { AppError, type ReadOnlyReason } from '../contract';
import type { ExternalChanges, OpenedDocument } from '../node/document-file-store';
import { describeHolder, type HeldLock, type LockOptions, type LockOwner } from '../node/document-lock';
import { createThreadRunner, taskWorkerPath } from '../node/workers/thread-runner';
import { createConflictResolver } from './conflicts';
import { showLockLost, showStartupFailure } from './dialogs';
import { createEventSender, registerApi, senderIsWindow } from './ipc';
import { buildMenuTemplate } from './menu';
import { withPrintToPdf } from './print-to-pdf';
import { withMailOpen } from './mail-open';
import { APP_SCHEME, appSchemePrivileges, createBundleHandler } from './protocol';
import { sv } from './labels';
import { openRegister, reopenWritable, trackSaves } from './register-file';
import { openServerRegister, serverSettingFile } from './shared-register';
import { createMainWindow, denyPermissions, hardenWebContents, openMailLink, restoreAndFocus } from './window';

export async function startApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // Another window already owns the register (one writer per file); it is brought forward instead.
    app.quit();
    return;
  }
  // Before ready: the app's own scheme, a sandbox for every renderer whatever its options say, and the
  // navigation/window/webview guards on every web contents ever created.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  let win: BrowserWindow | undefined;
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  denyPermissions(session.defaultSession);
  const appPath = app.getAppPath();
  protocol.handle(APP_SCHEME, createBundleHandler(path.join(appPath, 'out', 'renderer')));

  // `--server <postgres-url>`: the shared register instead of the file (no file, no lock, no backups here).
  let server: string | undefined;
  try {
    server = resolveServer({ argv: process.argv, env: process.env }) ?? (serverSettingFile(app.getPath('userData')).get() || undefined);
  } catch (error) {
    showStartupFailure(error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  if (server !== undefined) {
    const ui: { win?: BrowserWindow } = {};
    app.on('second-instance', () => restoreAndFocus(ui.win));
    await startShared(server, appPath, ui);
    return;
  }

  // Filled in once the core exists; the lock and conflict handlers set up before it reach it through here.
  const core: { repo?: Repository; held?: { readOnlyReason: ReadOnlyReason | undefined } } = {};
  const lockOptions: Omit<LockOptions, 'file'> = {
    owner: lockOwner(),
    onLost: (holder) => {
      // Someone took the register over while we held it (we slept past the heartbeat): stop writing.
      core.repo?.setReadOnly(true);
      if (core.held) core.held.readOnlyReason = 'locked';
      showLockLost(describeHolder(holder, systemClock()));
    },
  };
  app.on('second-instance', () => restoreAndFocus(win));
  const opened = await openOrExplain(lockOptions);
  if (!opened) {
    app.quit();
    return;
  }
  /** The open file, its lock and why it is read-only; replaced when the user makes a write-protected file writable. */
  const held: { store: OpenedDocument; lock: HeldLock | undefined; readOnlyReason: ReadOnlyReason | undefined } = {
    store: opened,
    lock: opened.lock,
    readOnlyReason: opened.readOnlyReason,
  };
  core.held = held;
  // The lock goes with the process; synchronous because nothing async runs this late.
  app.on('will-quit', () => held.lock?.releaseSync());

  const send = createEventSender(() => win?.webContents);
  const external: ExternalChanges = {
    changed: () => held.store.external.changed(),
    writeAside: (doc) => held.store.external.writeAside(doc),
    reload: () => held.store.external.reload(),
  };
  const resolveConflict = createConflictResolver({ external, repo: () => core.repo });
  const saves = trackSaves(
    {
      save: (doc) => held.store.port.save(doc),
      listBackups: () => held.store.port.listBackups(),
      readBackup: (name) => held.store.port.readBackup(name),
    },
    send,
    (error) => {
      void resolveConflict(error).catch((reason: unknown) => console.error(reason));
    },
    () => held.store.takeNotices(),
  );
  // The change log names who made each change; the account does not change while the app runs.
  const user = lockOwner().user;
  const services = createHandlers({
    clock: systemClock,
    ids: () => randomUUID(),
    user: () => user,
    document: saves.port,
    initial: opened.document,
    loadReport: opened.report,
    app: { version: app.getVersion(), mode: 'desktop', dataFile: opened.file, backupDir: opened.backupDir, readOnly: opened.readOnly },
    access: {
      readOnlyReason: () => held.readOnlyReason,
      async makeWritable() {
        const reopened = await reopenWritable(opened.file, lockOptions);
        held.store = reopened.opened;
        held.lock = reopened.lock;
        held.readOnlyReason = undefined;
        const report = reopened.opened.report;
        return { document: reopened.opened.document, loadReport: { ...report, messages: [sv.dialogs.madeWritable, ...report.messages] } };
      },
    },
    serverSetting: serverSettingFile(app.getPath('userData')),
    onChanged: (revision) => send('store/changed', { revision }),
    // Progress of a long call (import, accountant's workbook) goes to the window, the only trusted caller.
    onProgress: (progress) => send('task/progress', progress),
    // Imports and workbooks are read, planned and built on worker threads, so this thread keeps answering.
    runner: createThreadRunner({ script: taskWorkerPath(path.join(appPath, 'out', 'main')) }),
  });
  core.repo = services.repo;
  registerApi(withMailOpen(withPrintToPdf(services.handlers, { window: () => win, defaultDir: () => app.getPath('documents') }), openMailLink), ipcMain, { isTrustedSender: (event) => senderIsWindow(event, win?.webContents) });

  // A save still on its way to disk finishes before the process ends.
  app.on('before-quit', (event) => {
    if (!saves.busy()) return;
    event.preventDefault();
    void saves.idle().then(() => app.quit());
  });

  win = createMainWindow({
    preload: path.join(appPath, 'out', 'preload', 'preload.cjs'),
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

/** Who this copy of the app is, as the lock file tells others. */
export function lockOwner(): LockOwner {
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USERNAME ?? process.env.USER ?? 'okänd användare';
  }
  return { user, host: os.hostname(), pid: process.pid, appVersion: app.getVersion() };
}

/** The register, or `undefined` once the user has chosen to quit or been told why it cannot be opened. */
async function openOrExplain(lockOptions: Omit<LockOptions, 'file'>) {
  try {
    const dataFile = resolveDataFile({ argv: process.argv, env: process.env, defaultDir: app.getPath('userData') });
    return await openRegister(dataFile, lockOptions);
  } catch (error) {
    console.error(error);
    showStartupFailure(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/**
 * The shared register on a PostgreSQL server: the same core and window over a repository whose changes go to the
 * server. What others save arrives by NOTIFY and is shown (`store/changed`); while the server cannot be reached the
 * register is shown read-only and the connection is tried again by itself.
 */
async function startShared(url: string, appPath: string, ui: { win?: BrowserWindow }): Promise<void> {
  const send = createEventSender(() => ui.win?.webContents);
  const core: { repo?: Repository; reason?: ReadOnlyReason } = {};
  let opened;
  try {
    opened = await openServerRegister(url, {
      onRemoteChange: (doc) => void core.repo?.adopt(doc),
      onConnection: (state, message) => {
        const offline = state === 'offline';
        if (core.reason !== 'server-read-only-role') {
          core.reason = offline ? 'server-offline' : undefined;
          core.repo?.setReadOnly(offline);
        }
        send('store/status', { state: offline ? 'failed' : 'saved', revision: core.repo?.get().meta.revision ?? 0, message });
        if (core.repo) send('store/changed', { revision: core.repo.get().meta.revision });
      },
    });
  } catch (error) {
    console.error(error);
    showStartupFailure(error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  const { shared, port, loadReport } = opened;
  core.reason = shared.canWrite ? undefined : 'server-read-only-role';
  app.on('will-quit', () => void shared.close());
  const services = createHandlers({
    clock: systemClock,
    ids: () => randomUUID(),
    // The server names who made each change: the role logged in.
    user: () => shared.role,
    document: port,
    shared: shared.store,
    initial: shared.document,
    loadReport,
    app: {
      version: app.getVersion(),
      mode: 'desktop',
      dataFile: shared.display,
      backupDir: '',
      readOnly: !shared.canWrite,
      ...(shared.canWrite && shared.readOnlyAreas.length > 0 ? { role: { name: shared.role, readOnlyAreas: shared.readOnlyAreas } } : {}),
    },
    access: {
      readOnlyReason: () => core.reason,
      makeWritable: () => Promise.reject(new AppError('forbidden', 'Det delade registret görs skrivbart på servern: be den som sköter databasen om en roll som får ändra.')),
    },
    serverSetting: serverSettingFile(app.getPath('userData')),
    onChanged: (revision) => send('store/changed', { revision }),
    onProgress: (progress) => send('task/progress', progress),
    runner: createThreadRunner({ script: taskWorkerPath(path.join(appPath, 'out', 'main')) }),
  });
  core.repo = services.repo;
  registerApi(withPrintToPdf(services.handlers, { window: () => ui.win, defaultDir: () => app.getPath('documents') }), ipcMain, {
    isTrustedSender: (event) => senderIsWindow(event, ui.win?.webContents),
  });
  ui.win = createMainWindow({ preload: path.join(appPath, 'out', 'preload', 'preload.cjs'), devTools: !app.isPackaged });
  ui.win.on('closed', () => {
    ui.win = undefined;
  });
  const template = buildMenuTemplate(
    {
      command: (command) => send('app/command', { command }),
      showDataFile: () => undefined,
      quit: () => app.quit(),
    },
    { isPackaged: app.isPackaged, platform: process.platform },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
