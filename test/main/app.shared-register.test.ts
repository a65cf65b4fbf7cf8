/**
 * The shell on the shared register (`--server <postgres-url>` or the server saved on the Data screen), with
 * `electron` and the PostgreSQL connection mocked: what the shell does with the connection, not the connection
 * itself (that is test/node/postgres/). It opens the shared register instead of the file, refuses to remember an
 * address with a password, shows the register read-only with the Swedish reason while the server is away and
 * writable again when it is back, and explains a server it cannot reach at start.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, channelNames } from '../../electron/contract';
import { validateDocument } from '../../electron/core/store/parse-document';
import type { CommitAttempt } from '../../electron/core/store/repository';
import { startApp } from '../../electron/main/app';
import { openSharedRegister, type SharedRegisterOptions } from '../../electron/node/postgres/pg-register';
import defaultData from '../../assets/default-data.json';
import { app, dialog, FakeBrowserWindow, ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../electron/node/postgres/pg-register', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../electron/node/postgres/pg-register')>()),
  openSharedRegister: vi.fn(),
}));

const openShared = vi.mocked(openSharedRegister);
const URL_ANNA = 'postgres://anna@db.sambruk.se/kansli';

/** What `openSharedRegister` gives the shell: the register as read, a store that saves what it is given. */
function sharedRegister(overrides: { canWrite?: boolean; readOnlyAreas?: ('register' | 'invoicing')[] } = {}) {
  const document = validateDocument(structuredClone(defaultData));
  const commits: CommitAttempt[] = [];
  const shared = {
    document,
    store: {
      commit: vi.fn(async (attempt: CommitAttempt) => {
        commits.push(attempt);
        return attempt.next;
      }),
    },
    role: 'anna',
    canWrite: overrides.canWrite ?? true,
    readOnlyAreas: overrides.readOnlyAreas ?? (overrides.canWrite === false ? ['register', 'invoicing'] : []),
    tls: true,
    display: URL_ANNA,
    isOnline: () => true,
    current: () => document,
    refresh: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
  };
  return { shared, commits };
}

/** The options the shell gave the connection: how it hears of others' changes and of the server going away. */
function connectionOptions(): SharedRegisterOptions {
  return openShared.mock.calls[0]?.[1] as SharedRegisterOptions;
}

let userData: string;
const argv = process.argv;
beforeEach(async () => {
  resetFakeElectron();
  openShared.mockReset();
  userData = await mkdtemp(path.join(os.tmpdir(), 'sambruk-shared-app-'));
  app.state.userData = userData;
});
afterEach(async () => {
  app.emit('will-quit');
  process.argv = argv;
  await rm(userData, { recursive: true, force: true });
});

const settingFile = () => path.join(userData, 'kansli-server.json');

function theWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow;
}

function invoke<T = unknown>(channel: string, input: unknown) {
  const win = theWindow();
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, input) as Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>;
}

function sent(channel: string): unknown[] {
  return theWindow()
    .webContents.send.mock.calls.filter((c) => c[0] === channel)
    .map((c) => c[1]);
}

type Info = { readOnly: boolean; readOnlyReason?: string; dataFile: string; role?: { name: string; readOnlyAreas: string[] } };

describe('the shared register at start', () => {
  it('--server <url>: opens the shared register, not the file, with the whole contract and the window', async () => {
    const { shared } = sharedRegister();
    openShared.mockResolvedValue(shared as never);
    process.argv = [...argv, '--server', URL_ANNA];
    await startApp();
    expect(openShared).toHaveBeenCalledTimes(1);
    expect(openShared.mock.calls[0]?.[0]).toBe(URL_ANNA);
    // No file register and no lock file beside it.
    expect(existsSync(path.join(userData, 'sambruk-kansli.json'))).toBe(false);
    expect(existsSync(path.join(userData, 'sambruk-kansli.json.lock'))).toBe(false);
    expect(new Set(ipcMain.handlers.keys())).toEqual(new Set(channelNames));
    const info = await invoke<Info>('app/get-info', {});
    expect(info.data).toMatchObject({ readOnly: false, dataFile: URL_ANNA });
    // A role that may change everything: no area to warn about.
    expect(info.data?.role).toBeUndefined();
    expect(app.quit).not.toHaveBeenCalled();
    // The connection is closed when the app quits.
    app.emit('will-quit');
    expect(shared.close).toHaveBeenCalled();
  });

  it('a change goes to the server, and the change log names the database role', async () => {
    const { shared, commits } = sharedRegister();
    openShared.mockResolvedValue(shared as never);
    process.argv = [...argv, `--server=${URL_ANNA}`];
    await startApp();
    const org = shared.document.organisations[0]!;
    const saved = await invoke('members/update', { id: org.id, note: 'Ny anteckning' });
    expect(saved.ok).toBe(true);
    expect(commits).toHaveLength(1);
    expect(commits[0]!.next.organisations.find((o) => o.id === org.id)?.note).toBe('Ny anteckning');
    expect(commits[0]!.next.changeLog.at(-1)?.by).toBe('anna');
    expect(sent('store/changed')).not.toHaveLength(0);
  });

  it('without --server, the server saved in the setting file is opened', async () => {
    await writeFile(settingFile(), JSON.stringify({ server: URL_ANNA }));
    openShared.mockResolvedValue(sharedRegister().shared as never);
    await startApp();
    expect(openShared.mock.calls[0]?.[0]).toBe(URL_ANNA);
    expect((await invoke<{ server: string }>('data/get-server', {})).data).toEqual({ server: URL_ANNA });
  });

  it('a role that may only read: read-only with its reason, and making it writable is refused in Swedish', async () => {
    openShared.mockResolvedValue(sharedRegister({ canWrite: false }).shared as never);
    process.argv = [...argv, '--server', URL_ANNA];
    await startApp();
    const info = (await invoke<Info>('app/get-info', {})).data;
    expect(info).toMatchObject({ readOnly: true, readOnlyReason: 'server-read-only-role' });
    // Read-only says it all: no area-by-area warning on top.
    expect(info?.role).toBeUndefined();
  });

  it("a role that may change the register but not invoicing: the window is told which area it only reads", async () => {
    openShared.mockResolvedValue(sharedRegister({ readOnlyAreas: ['invoicing'] }).shared as never);
    process.argv = [...argv, '--server', URL_ANNA];
    await startApp();
    expect((await invoke<Info>('app/get-info', {})).data).toMatchObject({ readOnly: false, role: { name: 'anna', readOnlyAreas: ['invoicing'] } });
  });

  it('a server it cannot reach at start: the Swedish reason in a dialog, and the app quits with no window', async () => {
    openShared.mockRejectedValue(new AppError('save-failed', 'Servern går inte att nå. Kontrollera adressen och nätverket.'));
    process.argv = [...argv, '--server', URL_ANNA];
    await startApp();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Sambruk Kansli kunde inte starta', expect.stringContaining('Servern går inte att nå. Kontrollera adressen och nätverket.'));
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('--server without an address: explained in Swedish, nothing opened', async () => {
    process.argv = [...argv, '--server'];
    await startApp();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Sambruk Kansli kunde inte starta', expect.stringContaining('Flaggan --server måste följas av serverns adress'));
    expect(openShared).not.toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('the server going away and coming back', () => {
  it('offline: read-only with the Swedish reason, a change refused; online again: writable', async () => {
    const { shared, commits } = sharedRegister();
    openShared.mockResolvedValue(shared as never);
    process.argv = [...argv, '--server', URL_ANNA];
    await startApp();
    const offline = 'Servern går inte att nå. Registret visas som det senast lästes, skrivskyddat, tills förbindelsen är tillbaka.';
    connectionOptions().onConnection?.('offline', offline);
    expect(sent('store/status')).toContainEqual(expect.objectContaining({ state: 'failed', message: offline }));
    expect((await invoke<Info>('app/get-info', {})).data).toMatchObject({ readOnly: true, readOnlyReason: 'server-offline' });
    const org = shared.document.organisations[0]!;
    const refused = await invoke('members/update', { id: org.id, note: 'Under avbrottet' });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('read-only');
    expect(commits).toHaveLength(0);

    connectionOptions().onConnection?.('online', 'Förbindelsen med servern är tillbaka.');
    const info = (await invoke<Info>('app/get-info', {})).data;
    expect(info?.readOnly).toBe(false);
    expect(info?.readOnlyReason).toBeUndefined();
    expect((await invoke('members/update', { id: org.id, note: 'Efter avbrottet' })).ok).toBe(true);
    expect(commits).toHaveLength(1);
  });

  it('what others saved is shown: the register adopts it and the window is told', async () => {
    const { shared } = sharedRegister();
    openShared.mockResolvedValue(shared as never);
    process.argv = [...argv, '--server', URL_ANNA];
    await startApp();
    const org = shared.document.organisations[0]!;
    const theirs = { ...shared.document, meta: { ...shared.document.meta, revision: shared.document.meta.revision + 1 }, organisations: shared.document.organisations.map((o) => (o.id === org.id ? { ...o, note: 'Bos anteckning' } : o)) };
    connectionOptions().onRemoteChange?.(theirs);
    await vi.waitFor(() => expect(sent('store/changed')).toContainEqual({ revision: theirs.meta.revision }));
  });
});

describe('the server setting (Data screen)', () => {
  beforeEach(async () => {
    openShared.mockResolvedValue(sharedRegister().shared as never);
    process.argv = [...argv, '--server', URL_ANNA];
    await startApp();
  });

  it('an address with a password is refused in Swedish and not written', async () => {
    const refused = await invoke('data/set-server', { server: 'postgres://anna:hemligt@db.sambruk.se/kansli' });
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toContain('Skriv inte lösenordet i adressen');
    expect(existsSync(settingFile())).toBe(false);
  });

  it('a valid address is written to kansli-server.json (owner only), and an empty one clears it', async () => {
    expect((await invoke('data/set-server', { server: ' postgres://bo@db.sambruk.se/kansli ' })).data).toEqual({ server: 'postgres://bo@db.sambruk.se/kansli' });
    expect(JSON.parse(await readFile(settingFile(), 'utf8'))).toEqual({ server: 'postgres://bo@db.sambruk.se/kansli' });
    if (process.platform !== 'win32') expect((await import('node:fs')).statSync(settingFile()).mode & 0o777).toBe(0o600);
    expect((await invoke<{ server: string }>('data/get-server', {})).data).toEqual({ server: 'postgres://bo@db.sambruk.se/kansli' });
    await invoke('data/set-server', { server: '' });
    expect(JSON.parse(await readFile(settingFile(), 'utf8'))).toEqual({ server: '' });
  });
});
