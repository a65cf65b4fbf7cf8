/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), all 20 items, each checked
 * against the shell as `startApp` really sets it up (with `electron` mocked), the built configuration and the
 * source. Windows and web contents made after start are checked too, through `web-contents-created`.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, type WindowApi } from '../../electron/contract';
import { validateDocument } from '../../electron/core/store/parse-document';
import { startApp } from '../../electron/main/app';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/protocol';
import { openDocumentFile } from '../../electron/node/document-file-store';
import defaultData from '../../assets/default-data.json';
import {
  app,
  contextBridge,
  defaultSession,
  FakeBrowserWindow,
  FakeFrame,
  FakeWebContents,
  ipcMain,
  ipcRenderer,
  protocol,
  resetFakeElectron,
  shell,
} from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../electron/node/document-file-store', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../electron/node/document-file-store')>()),
  openDocumentFile: vi.fn(),
}));

const root = fileURLToPath(new URL('../..', import.meta.url));
let userData: string;

beforeEach(async () => {
  resetFakeElectron();
  userData = await mkdtemp(path.join(os.tmpdir(), 'sambruk-checklist-'));
  app.state.userData = userData;
  const document = validateDocument(structuredClone(defaultData));
  vi.mocked(openDocumentFile).mockResolvedValue({
    document,
    report: { outcome: 'opened', messages: [] },
    port: { save: vi.fn(async () => undefined), listBackups: vi.fn(async () => []), readBackup: vi.fn(async () => document) },
    file: path.join(userData, 'sambruk-kansli.json'),
    backupDir: path.join(userData, 'sambruk-kansli-sakerhetskopior'),
    external: { changed: vi.fn(async () => false), writeAside: vi.fn(async () => ''), reload: vi.fn(async () => document) },
    readOnly: false,
    takeNotices: () => [],
  });
  await startApp();
});
afterEach(async () => {
  app.emit('will-quit');
  await rm(userData, { recursive: true, force: true });
});

function mainWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

const prefs = () => mainWindow().options.webPreferences as Record<string, unknown>;

/** A web contents created after start (a future window, a devtools page): what `web-contents-created` makes of it. */
function laterContents(url = 'app://kansli/index.html'): FakeWebContents {
  const contents = new FakeWebContents();
  contents.url = url;
  app.emit('web-contents-created', {}, contents as unknown as WebContents);
  return contents;
}

function calledBefore(a: { mock: { invocationCallOrder: number[] } }, b: { mock: { invocationCallOrder: number[] } }): boolean {
  const first = a.mock.invocationCallOrder[0];
  const second = b.mock.invocationCallOrder[0];
  return first !== undefined && second !== undefined && first < second;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(ts|tsx|html|mjs)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

async function sourcesMatching(pattern: RegExp): Promise<string[]> {
  const files = [...(await sourceFiles('electron')), ...(await sourceFiles('renderer'))];
  const hits: string[] = [];
  for (const file of files) if (pattern.test(await readFile(file, 'utf8'))) hits.push(path.relative(root, file));
  return hits;
}

type Fuses = Record<string, boolean>;
async function fuses(): Promise<Fuses> {
  const config = load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Fuses };
  return config.electronFuses;
}

describe('Electron security checklist', () => {
  it('1. Only load secure content', () => {
    const win = mainWindow();
    expect(win.loadURL.mock.calls).toEqual([['app://kansli/index.html']]);
    expect(protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ secure: true }) })]);
    // Nothing from the network: every fetch, script, style and image is the app's own (images may be data:).
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('2. Do not enable Node.js integration for remote content (no frame, no worker)', () => {
    expect(prefs()).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('3. Enable context isolation', () => {
    expect(prefs().contextIsolation).toBe(true);
  });

  it('4. Enable process sandboxing (for this window and, before ready, for every renderer)', () => {
    expect(prefs().sandbox).toBe(true);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(calledBefore(app.enableSandbox, app.whenReady)).toBe(true);
  });

  it('5. Handle session permission requests from remote content (request and check handlers deny)', () => {
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection', 'window-management', 'storage-access']) {
      const callback = vi.fn();
      defaultSession.requestHandler?.({}, permission, callback, { requestingUrl: 'app://kansli/index.html' });
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(defaultSession.checkHandler?.({}, permission, 'app://kansli', {}), permission).toBe(false);
    }
    expect(defaultSession.deviceHandler?.({ deviceType: 'hid', origin: 'app://kansli' })).toBe(false);
  });

  it('6. Do not disable webSecurity', () => {
    expect(prefs().webSecurity).toBe(true);
  });

  it('7. Define a Content-Security-Policy (as a response header of every app:// response, and in the page)', async () => {
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://kansli/finns-inte.js'));
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    const html = await readFile(path.join(root, 'renderer', 'index.html'), 'utf8');
    expect(html).toMatch(/http-equiv="Content-Security-Policy"/);
  });

  it('8. Do not enable allowRunningInsecureContent', () => {
    expect(prefs().allowRunningInsecureContent).toBe(false);
  });

  it('9. Do not enable experimental features', () => {
    expect(prefs().experimentalFeatures).toBe(false);
  });

  it('10. Do not use enableBlinkFeatures', async () => {
    expect(prefs()).not.toHaveProperty('enableBlinkFeatures');
    expect(await sourcesMatching(/enableBlinkFeatures/)).toEqual([]);
  });

  it('11. Do not use allowpopups for WebViews (there are no webviews)', async () => {
    expect(prefs().webviewTag).toBe(false);
    expect(await sourcesMatching(/allowpopups|<webview/i)).toEqual([]);
  });

  it('12. Verify WebView options before creation (every web contents refuses to attach a webview)', () => {
    const webPreferences = { preload: '/tmp/evil.js', nodeIntegration: true };
    expect(mainWindow().webContents.emitPreventable('will-attach-webview', webPreferences, { src: 'https://evil.example/' })).toBe(true);
    expect(laterContents().emitPreventable('will-attach-webview', webPreferences, { src: 'https://evil.example/' })).toBe(true);
  });

  it('13. Disable or limit navigation (also in web contents made later, and in sub-frames)', () => {
    for (const contents of [mainWindow().webContents, laterContents()]) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://kansli/other.html', 'app://annan/index.html', 'javascript:alert(1)']) {
        expect(contents.emitPreventable('will-navigate', url), url).toBe(true);
        expect(contents.emitPreventable('will-redirect', url), url).toBe(true);
      }
      expect(contents.emitPreventable('will-navigate', 'app://kansli/index.html#/budget')).toBe(false);
      let prevented = false;
      contents.emit('will-frame-navigate', { isMainFrame: false, url: 'app://kansli/index.html', preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
    }
  });

  it('14. Disable or limit creation of new windows', () => {
    for (const contents of [mainWindow().webContents, laterContents()]) {
      for (const url of ['app://kansli/index.html', 'https://www.sambruk.se/', 'https://evil.example/', 'about:blank']) {
        expect(contents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
      }
    }
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('15. Do not use shell.openExternal with untrusted content (allow-listed https only)', async () => {
    const contents = mainWindow().webContents;
    const bad = [
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share/payload.exe',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x&crumb=location:\\\\attacker\\share',
      'http://sambruk.se/',
      'https://sambruk.se.evil.example/',
      'https://evil.example/@sambruk.se',
      'https://user:pw@sambruk.se/',
      'https://sambruk.se:8443/',
      'javascript:alert(1)',
      'mailto:x@sambruk.se',
    ];
    for (const url of bad) {
      contents.windowOpenHandler?.({ url });
      contents.emitPreventable('will-navigate', url);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    contents.windowOpenHandler?.({ url: 'https://www.sambruk.se/om-oss' });
    expect(shell.openExternal.mock.calls).toEqual([['https://www.sambruk.se/om-oss']]);
    // The only places in the source that may open anything outside the app.
    expect(await sourcesMatching(/openExternal\(/)).toEqual(['electron/main/window.ts']);
  });

  it('16. Use a current version of Electron (pinned, and the installed package is that version)', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const pinned = pkg.devDependencies.electron ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    // 39 was the newest stable line when this was written; Electron supports the latest three majors.
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(39);
    const installed = JSON.parse(await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pinned);
  });

  it('17. Validate the sender of all IPC messages (every channel, by looping over the contract)', async () => {
    const win = mainWindow();
    expect(new Set(ipcMain.handlers.keys())).toEqual(new Set(channelNames));
    const strangers = [
      { sender: win.webContents, senderFrame: new FakeFrame('app://kansli/index.html', win.webContents.mainFrame) },
      { sender: win.webContents, senderFrame: new FakeFrame('https://evil.example/') },
      { sender: win.webContents, senderFrame: new FakeFrame('file:///opt/sambruk-kansli/out/renderer/index.html') },
      { sender: laterContents(), senderFrame: new FakeFrame('app://kansli/index.html') },
      { sender: win.webContents, senderFrame: null },
    ];
    for (const channel of channelNames) {
      const handler = ipcMain.handlers.get(channel)!;
      for (const event of strangers) {
        expect(await handler(event, {}), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(await ipcMain.handlers.get('app/get-info')!({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {})).toMatchObject({ ok: true });
  });

  it('18. Avoid usage of the file:// protocol and prefer usage of custom protocols', async () => {
    expect(calledBefore(protocol.registerSchemesAsPrivileged, app.whenReady)).toBe(true);
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect([...protocol.handlers.keys()]).toEqual(['app']);
    expect(mainWindow().loadFile).not.toHaveBeenCalled();
    expect(await sourcesMatching(/\bloadFile\(|registerFileProtocol\(/)).toEqual([]);
    expect((await fuses()).grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('19. Check which fuses you can change (all the hardening ones are set)', async () => {
    expect(await fuses()).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('20. Do not expose Electron APIs to untrusted web content (the page gets window.api only)', async () => {
    // The shipped preload is the only one, and it exposes one object of two functions.
    expect(prefs().preload).toBe(path.join(app.state.appPath, 'out', 'preload', 'preload.cjs'));
    expect(await sourcesMatching(/setPreloads|registerPreloadScript|exposeInIsolatedWorld/)).toEqual([]);
    expect(await sourcesMatching(/exposeInMainWorld\(/)).toEqual(['electron/preload/preload.ts']);
    await import('../../electron/preload/preload');
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
    const api = contextBridge.exposed.get('api') as WindowApi;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    for (const value of Object.values(api)) expect(value).not.toBe(ipcRenderer);
    const listener = vi.fn();
    api.on('store/changed', listener);
    ipcRenderer.emitter.emit('store/changed', { sender: ipcRenderer, ports: [] }, { revision: 1 });
    expect(listener.mock.calls).toEqual([[{ revision: 1 }]]);
  });
});
