import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { channelNames, type StoreStatus } from '../../electron/contract';
import type { DocumentPort } from '../../electron/core/handlers/ports';
import { validateDocument } from '../../electron/core/store/parse-document';
import { startApp } from '../../electron/main/app';
import { resolveDataFile } from '../../electron/node/data-path';
import { openDocumentFile, UnrecoverableDocumentError, type OpenedDocument } from '../../electron/node/document-file-store';
import defaultData from '../../assets/default-data.json';
import { acquireDocumentLock } from '../../electron/node/document-lock';
import { taskWorkerPath } from '../../electron/node/workers/thread-runner';
import { bundleTaskWorker } from '../support/task-worker';
import { app, dialog, FakeBrowserWindow, ipcMain, Menu, protocol, resetFakeElectron, shell } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../electron/node/document-file-store', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../electron/node/document-file-store')>()),
  openDocumentFile: vi.fn(),
}));
vi.mock('../../electron/node/document-lock', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/node/document-lock')>();
  return { ...real, acquireDocumentLock: vi.fn(real.acquireDocumentLock) };
});
// The app's long calls run on the real task worker, bundled for the test; where the app looks for it is checked.
const taskWorker = vi.hoisted(() => ({ script: '' }));
vi.mock('../../electron/node/workers/thread-runner', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/node/workers/thread-runner')>();
  return { ...real, taskWorkerPath: vi.fn(() => taskWorker.script) };
});
let bundledWorker: Awaited<ReturnType<typeof bundleTaskWorker>> | undefined;
beforeAll(async () => {
  bundledWorker = await bundleTaskWorker();
  taskWorker.script = bundledWorker.script;
}, 60_000);
afterAll(async () => {
  await bundledWorker?.dispose();
});
vi.mock('../../electron/node/data-path', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/node/data-path')>();
  return { ...real, resolveDataFile: vi.fn(real.resolveDataFile) };
});

const open = vi.mocked(openDocumentFile);

function register(overrides: Partial<DocumentPort> = {}): OpenedDocument & { port: { [K in keyof DocumentPort]: ReturnType<typeof vi.fn> } } {
  const document = validateDocument(structuredClone(defaultData));
  const port = {
    save: vi.fn(async () => undefined),
    listBackups: vi.fn(async () => [{ name: 'b.json', createdAt: '2025-01-01T00:00:00.000Z', sizeBytes: 10, kind: 'rolling' as const }]),
    readBackup: vi.fn(async () => document),
    ...overrides,
  };
  const external = { changed: vi.fn(async () => false), writeAside: vi.fn(async () => '/data/register.konflikt.json'), reload: vi.fn(async () => document) };
  return {
    document,
    report: { outcome: 'opened', messages: [] },
    port,
    file: '/data/register.json',
    backupDir: '/data/backups',
    external,
    readOnly: false,
    takeNotices: () => [],
  } as never;
}

/** Each test gets its own userData folder, where the register's lock file is made (for real). */
let userData: string;
beforeEach(async () => {
  resetFakeElectron();
  userData = await mkdtemp(path.join(os.tmpdir(), 'sambruk-app-'));
  app.state.userData = userData;
});
afterEach(async () => {
  // Quitting releases the lock and stops its heartbeat.
  app.emit('will-quit');
  await rm(userData, { recursive: true, force: true });
});

const lockFile = () => path.join(userData, 'sambruk-kansli.json.lock');
/** The store is mocked, but a read-only copy waits for the holder to create a missing register: give it one. */
const registerExists = () => writeFile(path.join(userData, 'sambruk-kansli.json'), '{}');

function theWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow;
}

/** Calls a channel the way the page would: from the window's top frame. */
function invoke(channel: string, input: unknown) {
  const win = theWindow();
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, input) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
}

function menuItem(label: string): MenuItemConstructorOptions {
  const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
  const all = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
  const item = all.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

function sent(channel: string): unknown[] {
  return theWindow()
    .webContents.send.mock.calls.filter((c) => c[0] === channel)
    .map((c) => c[1]);
}

describe('startup', () => {
  beforeEach(() => {
    open.mockReset();
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    app.state.lock = false;
    await startApp();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('opens the register named by argv/env/userData, registers the contract, then shows the window and menu', async () => {
    open.mockResolvedValue(register());
    await startApp();

    expect(resolveDataFile).toHaveBeenCalledWith({ argv: process.argv, env: process.env, defaultDir: app.state.userData });
    const file = vi.mocked(resolveDataFile).mock.results[0]?.value as string;
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]?.[0]).toMatchObject({ file, onUnrecoverable: 'throw' });
    expect(new Set(ipcMain.handlers.keys())).toEqual(new Set(channelNames));

    const win = theWindow();
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join(app.state.appPath, 'out', 'preload', 'preload.cjs'),
      devTools: true,
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://kansli/index.html');
    expect(protocol.handlers.has('app')).toBe(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('holds the register’s lock file while it runs, naming this user and host, and removes it on quit', async () => {
    open.mockResolvedValue(register());
    await startApp();
    const lock = JSON.parse(await readFile(lockFile(), 'utf8')) as Record<string, unknown>;
    expect(lock).toMatchObject({ user: os.userInfo().username, host: os.hostname(), pid: process.pid, appVersion: '9.8.7' });
    expect(open.mock.calls[0]?.[0]).toMatchObject({ readOnly: false });
    app.emit('will-quit');
    expect(existsSync(lockFile())).toBe(false);
  });

  it('gives the store a default document that is the bundled data set, valid', async () => {
    open.mockResolvedValue(register());
    await startApp();
    const createDefault = open.mock.calls[0]?.[0].createDefault;
    const doc = createDefault?.();
    expect(doc).toEqual(validateDocument(structuredClone(defaultData)));
    expect(createDefault?.()).not.toBe(doc);
  });

  it('tells the core the version, the open file and how opening went', async () => {
    const opened = register();
    opened.report = { outcome: 'restored-backup', messages: ['Återställde säkerhetskopian b.json.'], restoredFrom: 'b.json' };
    open.mockResolvedValue(opened);
    await startApp();
    const info = await invoke('app/get-info', {});
    expect(info).toMatchObject({
      ok: true,
      data: { version: '9.8.7', mode: 'desktop', dataFile: '/data/register.json', backupDir: '/data/backups', loadReport: opened.report },
    });
  });

  it('brings the existing window forward when a second instance starts', async () => {
    open.mockResolvedValue(register());
    await startApp();
    const win = theWindow();
    win.minimized = true;
    app.emit('second-instance', {}, ['sambruk-kansli'], '/');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits when the last window closes', async () => {
    open.mockResolvedValue(register());
    await startApp();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('a register that cannot be opened', () => {
  beforeEach(() => {
    open.mockReset();
  });

  const damaged = () =>
    new UnrecoverableDocumentError(
      'Registerfilen kunde inte läsas (Filen är tom.) och det finns ingen säkerhetskopia som går att läsa.',
      'Filen är tom.',
      '/data/register.trasig-20250301.json',
    );

  it('asks in Swedish, and starts from the default data only when the user says so', async () => {
    open.mockRejectedValueOnce(damaged()).mockResolvedValueOnce(register());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await startApp();

    const box = dialog.showMessageBox.mock.calls[0]?.[0] as { buttons: string[]; detail: string; message: string; cancelId: number };
    expect(box.buttons).toEqual(['Börja med standarddata', 'Avsluta']);
    expect(box.cancelId).toBe(1);
    expect(box.message).toMatch(/skadad/);
    expect(box.detail).toContain('/data/register.trasig-20250301.json');
    expect(box.detail).toMatch(/finns kvar och tas inte bort/);
    expect(open).toHaveBeenCalledTimes(2);
    expect(open.mock.calls[1]?.[0]).toMatchObject({ onUnrecoverable: 'create-default' });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits without touching the file again when the user chooses to quit', async () => {
    open.mockRejectedValueOnce(damaged());
    await startApp();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('explains any other failure and quits, without offering to start over', async () => {
    open.mockRejectedValueOnce(new Error('Åtkomst nekad till /data/register.json.'));
    vi.spyOn(console, 'error').mockImplementationOnce(() => undefined);
    await startApp();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Sambruk Kansli kunde inte starta', 'Registret kunde inte öppnas: Åtkomst nekad till /data/register.json.');
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('while running', () => {
  beforeEach(() => {
    open.mockReset();
  });

  it('tells the window when the register changed and how saving went', async () => {
    const opened = register();
    open.mockResolvedValue(opened);
    await startApp();
    const revision = opened.document.meta.revision;

    expect(await invoke('data/restore-backup', { name: 'b.json' })).toMatchObject({ ok: true });

    expect(opened.port.save).toHaveBeenCalledTimes(1);
    expect(sent('store/status')).toEqual([
      { state: 'saving', revision: revision + 1 },
      { state: 'saved', revision: revision + 1 },
    ]);
    expect(sent('store/changed')).toEqual([{ revision: revision + 1 }]);
  });

  it('forwards a long call’s progress from its worker to the window as task/progress, and registers tasks/cancel', async () => {
    open.mockResolvedValue(register());
    await startApp();
    const lines = ['Organisation;Kontaktperson'];
    for (let i = 1; i <= 600; i++) lines.push(`Förening ${i};Person ${i}`);
    const bytesBase64 = Buffer.from(lines.join('\n'), 'utf8').toString('base64');
    const input = { fileName: 'f.csv', bytesBase64, sheet: 'f', mapping: { organisation: 0, name: 1 }, decisions: {}, taskId: 'uppgift-1' };

    expect(await invoke('imports/preview', input)).toMatchObject({ ok: true });
    // Worked on by the bundled task worker beside main.
    expect(vi.mocked(taskWorkerPath)).toHaveBeenLastCalledWith(path.join(app.state.appPath, 'out', 'main'));
    const progress = sent('task/progress') as { taskId: string; phase: string; done: number; total: number }[];
    expect(progress[0]).toEqual({ taskId: 'uppgift-1', phase: 'reading', done: 0, total: 1, cancellable: true });
    expect(progress.slice(1).map((p) => [p.phase, p.done, p.total])).toEqual([
      ['planning', 0, 600],
      ['planning', 250, 600],
      ['planning', 500, 600],
      ['planning', 600, 600],
    ]);

    expect(ipcMain.handlers.has('tasks/cancel')).toBe(true);
    expect(await invoke('tasks/cancel', { taskId: 'uppgift-1' })).toEqual({ ok: true, data: { cancelled: false } });
    const running = invoke('imports/preview', { ...input, taskId: 'uppgift-2' });
    expect(await invoke('tasks/cancel', { taskId: 'uppgift-2' })).toEqual({ ok: true, data: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'Importen avbröts. Inget har ändrats.' } });
  });

  it('reports a failed save in Swedish and does not announce a change', async () => {
    const opened = register({ save: vi.fn(async () => Promise.reject(new Error('EIO: i/o error, write'))) });
    open.mockResolvedValue(opened);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startApp();

    const result = await invoke('data/restore-backup', { name: 'b.json' });

    expect(result.ok).toBe(false);
    const statuses = sent('store/status') as StoreStatus[];
    expect(statuses.map((s) => s.state)).toEqual(['saving', 'failed']);
    expect(statuses[1]?.message).toBe('Ändringen kunde inte sparas. Registret på disken är oförändrat.');
    expect(sent('store/changed')).toEqual([]);
    vi.mocked(console.error).mockRestore();
  });

  it('refuses calls that do not come from the window', async () => {
    open.mockResolvedValue(register());
    await startApp();
    const handler = ipcMain.handlers.get('app/get-info');
    const result = await handler?.({ sender: {}, senderFrame: { url: 'file:///x', parent: null } }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets a save in flight finish before quitting', async () => {
    let finish: () => void = () => undefined;
    const opened = register({ save: vi.fn(() => new Promise<void>((resolve) => (finish = resolve))) });
    open.mockResolvedValue(opened);
    await startApp();

    const pending = invoke('data/restore-backup', { name: 'b.json' });
    await vi.waitFor(() => expect(opened.port.save).toHaveBeenCalled());
    const quitting = { preventDefault: vi.fn() };
    app.emit('before-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    expect(await pending).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));

    const idle = { preventDefault: vi.fn() };
    app.emit('before-quit', idle);
    expect(idle.preventDefault).not.toHaveBeenCalled();
  });

  it('sends menu commands to the window and shows the open file from Arkiv', async () => {
    open.mockResolvedValue(register());
    await startApp();
    (menuItem('Ångra').click as () => void)();
    (menuItem('Översikt').click as () => void)();
    expect(sent('app/command')).toEqual([{ command: 'undo' }, { command: 'navigate:oversikt' }]);
    (menuItem('Visa datafil i mappen').click as () => void)();
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/data/register.json');
  });

  it('drops events once the window has closed', async () => {
    open.mockResolvedValue(register());
    await startApp();
    const win = theWindow();
    win.emit('closed');
    (menuItem('Ångra').click as () => void)();
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});

describe('two people, one register', () => {
  beforeEach(() => {
    open.mockReset();
  });

  const now = () => new Date();
  const foreignLock = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      user: 'anna',
      host: 'KANSLI-PC',
      pid: 4242,
      appVersion: '1.0.0',
      startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      heartbeatAt: now().toISOString(),
      token: 'annas-lock',
      ...overrides,
    });
  const clock = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  /** «sedan 23:57», or with the day when that was before today in Sweden (a run just after midnight). */
  const since = (iso: string) => {
    const day = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', day: 'numeric', month: 'long' }).format(d);
    return day(new Date(iso)) === day(new Date()) ? clock(iso) : `${day(new Date(iso))} ${clock(iso)}`;
  };

  it('opens the register read-only when someone else holds it, naming who and since when', async () => {
    const lock = foreignLock();
    await writeFile(lockFile(), lock);
    await registerExists();
    open.mockResolvedValue(register());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await startApp();

    const startedAt = (JSON.parse(lock) as { startedAt: string }).startedAt;
    const box = dialog.showMessageBox.mock.calls[0]?.[0] as { message: string; buttons: string[] };
    expect(box.message).toBe(`Registret är öppnat av anna på KANSLI-PC sedan ${since(startedAt)}.`);
    expect(box.buttons).toEqual(['Öppna skrivskyddat', 'Avsluta']);
    expect(open.mock.calls[0]?.[0]).toMatchObject({ readOnly: true });

    const info = (await invoke('app/get-info', {})) as { ok: boolean; data: { readOnly: boolean; loadReport: { messages: string[] } } };
    expect(info.data.readOnly).toBe(true);
    expect(info.data.loadReport.messages[0]).toBe(box.message);
    // A change is refused in Swedish, and the other user's lock is untouched.
    expect(await invoke('data/restore-backup', { name: 'b.json' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await readFile(lockFile(), 'utf8')).toBe(lock);
    app.emit('will-quit');
    expect(await readFile(lockFile(), 'utf8')).toBe(lock);
  });

  it('quits without opening anything when the user does not want it read-only', async () => {
    await writeFile(lockFile(), foreignLock());
    open.mockResolvedValue(register());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await startApp();
    expect(open).not.toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('offers to take over a lock left by a crash on this PC, and takes it only when asked', async () => {
    // Same host, a process id that is not running.
    await writeFile(lockFile(), foreignLock({ host: os.hostname(), pid: 2 ** 30 + 7 }));
    open.mockResolvedValue(register());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await startApp();

    const box = dialog.showMessageBox.mock.calls[0]?.[0] as { message: string; detail: string; buttons: string[]; defaultId: number };
    expect(box.buttons).toEqual(['Ta över registret', 'Öppna skrivskyddat', 'Avsluta']);
    expect(box.defaultId).toBe(1);
    expect(box.detail).toMatch(/stängdes troligen av oväntat/);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(open.mock.calls[0]?.[0]).toMatchObject({ readOnly: false });
    expect(await invoke('app/get-info', {})).toMatchObject({ ok: true, data: { readOnly: false } });
  });

  it('opens read-only instead when the user declines to take over a stale lock', async () => {
    const stale = foreignLock({ heartbeatAt: new Date(Date.now() - 10 * 60_000).toISOString() });
    await writeFile(lockFile(), stale);
    await registerExists();
    const { utimes } = await import('node:fs/promises');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(lockFile(), old, old);
    open.mockResolvedValue(register());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await startApp();
    expect((dialog.showMessageBox.mock.calls[0]?.[0] as { detail: string }).detail).toMatch(/inte hört av sig sedan/);
    expect(open.mock.calls[0]?.[0]).toMatchObject({ readOnly: true });
    expect(await readFile(lockFile(), 'utf8')).toBe(stale);
  });

  it('stops writing and says so when another copy takes the register over while it runs', async () => {
    open.mockResolvedValue(register());
    await startApp();
    const options = vi.mocked(acquireDocumentLock).mock.calls[0]?.[0];
    expect(options?.onLost).toBeTypeOf('function');
    options?.onLost?.(JSON.parse(foreignLock()) as never);
    expect(await invoke('data/restore-backup', { name: 'b.json' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    const box = dialog.showMessageBox.mock.calls.at(-1)?.[0] as { title: string; detail: string };
    expect(box.title).toBe('Registret har tagits över');
    expect(box.detail).toMatch(/^Registret är öppnat av anna på KANSLI-PC sedan/);
  });

  it('releases the lock when the user quits at the damaged-register question', async () => {
    open.mockRejectedValueOnce(new UnrecoverableDocumentError('Skadad.', 'Filen är tom.'));
    await startApp();
    expect(app.quit).toHaveBeenCalled();
    expect(existsSync(lockFile())).toBe(false);
  });
});

describe('a write-protected register file', () => {
  beforeEach(() => {
    open.mockReset();
  });

  const registerFile = () => path.join(userData, 'sambruk-kansli.json');

  async function startWriteProtected() {
    await writeFile(registerFile(), '{}', { mode: 0o444 });
    await chmod(registerFile(), 0o444);
    open.mockResolvedValueOnce({ ...register(), file: registerFile() });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await startApp();
  }

  it('opens read-only after saying why, takes no lock, and tells the window the reason', async () => {
    await startWriteProtected();
    const box = dialog.showMessageBox.mock.calls[0]?.[0] as { title: string; detail: string; buttons: string[] };
    expect(box.title).toBe('Registret kan bara läsas');
    expect(box.buttons).toEqual(['Öppna skrivskyddat', 'Avsluta']);
    expect(box.detail).toMatch(/^Registerfilen «sambruk-kansli\.json» är skrivskyddad/);
    expect(open.mock.calls[0]?.[0]).toMatchObject({ readOnly: true });
    expect(existsSync(lockFile())).toBe(false);

    const info = (await invoke('app/get-info', {})) as { ok: boolean; data: { readOnly: boolean; readOnlyReason?: string; loadReport: { messages: string[] } } };
    expect(info.data).toMatchObject({ readOnly: true, readOnlyReason: 'file-read-only' });
    expect(info.data.loadReport.messages.slice(0, 2)).toEqual([box.detail, 'Registret är öppnat skrivskyddat: du kan läsa men inte ändra något.']);
    expect(await invoke('data/restore-backup', { name: 'b.json' })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect((await stat(registerFile())).mode & 0o777).toBe(0o444);
  });

  it('quits when the user does not want it read-only', async () => {
    await writeFile(registerFile(), '{}', { mode: 0o444 });
    await chmod(registerFile(), 0o444);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await startApp();
    expect(open).not.toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('is made writable on request: chmod, lock, reopened writable, the disk’s document shown and saved to', async () => {
    await startWriteProtected();
    const first = open.mock.results[0]?.value as Promise<ReturnType<typeof register>>;
    const reopened = { ...register(), file: registerFile() };
    reopened.document = { ...reopened.document, meta: { ...reopened.document.meta, revision: reopened.document.meta.revision + 5 } };
    open.mockResolvedValueOnce(reopened);

    const made = (await invoke('data/make-writable', {})) as { ok: boolean; data: { readOnly: boolean; readOnlyReason?: string; loadReport: { messages: string[] } } };

    expect(made.ok).toBe(true);
    expect(made.data.readOnly).toBe(false);
    expect(made.data.readOnlyReason).toBeUndefined();
    expect(made.data.loadReport.messages[0]).toBe('Registerfilen har gjorts skrivbar, och registret är nu öppet för ändringar.');
    expect(open.mock.calls[1]?.[0]).toMatchObject({ readOnly: false, file: registerFile() });
    expect((await stat(registerFile())).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(sent('store/changed')).toEqual([{ revision: reopened.document.meta.revision }]);

    // Changes now go to the reopened file, not the read-only one.
    expect(await invoke('data/restore-backup', { name: 'b.json' })).toMatchObject({ ok: true });
    expect(reopened.port.save).toHaveBeenCalledTimes(1);
    expect((await first).port.save).not.toHaveBeenCalled();
    app.emit('will-quit');
    expect(existsSync(lockFile())).toBe(false);
  });

  it('is not made writable while another copy holds the register, and stays read-only', async () => {
    await startWriteProtected();
    await writeFile(lockFile(), JSON.stringify({ user: 'anna', host: 'KANSLI-PC', pid: 4242, appVersion: '1.0.0', startedAt: new Date().toISOString(), heartbeatAt: new Date().toISOString(), token: 't' }));
    const made = await invoke('data/make-writable', {});
    expect(made).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Registret är öppnat av anna på KANSLI-PC/) } });
    expect(open).toHaveBeenCalledTimes(1);
    expect((await stat(registerFile())).mode & 0o777).toBe(0o444);
    expect(await invoke('app/get-info', {})).toMatchObject({ ok: true, data: { readOnly: true, readOnlyReason: 'file-read-only' } });
  });

  it('refuses to make writable a register that is read-only because someone else holds it', async () => {
    await writeFile(lockFile(), JSON.stringify({ user: 'anna', host: 'KANSLI-PC', pid: 4242, appVersion: '1.0.0', startedAt: new Date().toISOString(), heartbeatAt: new Date().toISOString(), token: 't' }));
    await registerExists();
    open.mockResolvedValueOnce(register());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await startApp();
    expect(await invoke('app/get-info', {})).toMatchObject({ ok: true, data: { readOnly: true, readOnlyReason: 'locked' } });
    expect(await invoke('data/make-writable', {})).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(open).toHaveBeenCalledTimes(1);
  });
});
