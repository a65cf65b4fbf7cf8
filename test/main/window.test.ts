import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, resetFakeElectron, shell } from './fake-electron';
import { allowedPermissions, createMainWindow, hardenWebContents, isSamePage, restoreAndFocus } from '../../electron/main/window';
import type { BrowserWindow, WebContents } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const options = { preload: '/opt/app/out/preload/preload.cjs', devTools: false };

function open(): FakeBrowserWindow {
  createMainWindow(options);
  const win = FakeBrowserWindow.instances[0];
  if (!win) throw new Error('no window was created');
  return win;
}

describe('the main window', () => {
  beforeEach(() => resetFakeElectron());

  it('runs the page isolated, sandboxed, without Node and with web security, through the built preload', () => {
    const prefs = open().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('loads the app from its own app:// origin (never file://) and shows the window only once it is ready to paint', () => {
    const win = open();
    expect(win.loadURL).toHaveBeenCalledWith('app://kansli/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('refuses navigation away from the page but lets in-page (hash) routes through', async () => {
    const win = open();
    await win.loadURL.mock.results[0]?.value;
    const page = win.webContents.getURL();
    expect(win.webContents.emitPreventable('will-navigate', 'https://example.com/phish')).toBe(true);
    expect(win.webContents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(win.webContents.emitPreventable('will-navigate', `${page}?x=1`)).toBe(true);
    expect(win.webContents.emitPreventable('will-redirect', 'https://example.com/')).toBe(true);
    expect(win.webContents.emitPreventable('will-navigate', `${page}#/medlemmar`)).toBe(false);
  });

  it('opens no new windows, whatever the address; an allow-listed https link opens in the browser instead', async () => {
    const win = open();
    await win.loadURL.mock.results[0]?.value;
    const handler = win.webContents.windowOpenHandler;
    expect(handler).toBeDefined();
    for (const url of ['https://www.sambruk.se/om', 'mailto:kansli@example.se', win.webContents.getURL(), 'javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe']) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://www.sambruk.se/om']]);
  });

  it('opens an allow-listed link the page navigates to in the browser, and nothing else', async () => {
    const win = open();
    await win.loadURL.mock.results[0]?.value;
    expect(win.webContents.emitPreventable('will-navigate', 'https://sambruk.se/tjanster')).toBe(true);
    expect(win.webContents.emitPreventable('will-navigate', 'http://sambruk.se/')).toBe(true);
    expect(win.webContents.emitPreventable('will-navigate', 'https://sambruk.se.evil.example/')).toBe(true);
    expect(shell.openExternal.mock.calls).toEqual([['https://sambruk.se/tjanster']]);
  });

  it('refuses navigation inside sub-frames', () => {
    const win = open();
    let prevented = false;
    win.webContents.emit('will-frame-navigate', { isMainFrame: false, url: 'https://example.com/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('refuses to attach webviews', () => {
    expect(open().webContents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
  });

  it('refuses permission requests and checks, except writing text to the clipboard', () => {
    const session = open().webContents.session;
    const asked = (permission: string) => {
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]?.[0];
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(asked(permission), permission).toBe(false);
      expect(session.checkHandler?.({}, permission, 'app://kansli', {}), permission).toBe(false);
    }
    expect(asked('clipboard-sanitized-write')).toBe(true);
    expect([...allowedPermissions]).toEqual(['clipboard-sanitized-write']);
    expect(session.deviceHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('hardens any web contents it is given, not only the main window, and only once', () => {
    const contents = new FakeWebContents();
    contents.url = 'app://kansli/index.html';
    hardenWebContents(contents as unknown as WebContents);
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.emitPreventable('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview', {}, {})).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('isSamePage', () => {
  it('ignores only the hash', () => {
    expect(isSamePage('app://kansli/index.html#/budget', 'app://kansli/index.html')).toBe(true);
    expect(isSamePage('app://kansli/other.html', 'app://kansli/index.html')).toBe(false);
    expect(isSamePage('app://evil/index.html', 'app://kansli/index.html')).toBe(false);
    expect(isSamePage('file:///a/index.html#/budget', 'file:///a/index.html')).toBe(true);
    expect(isSamePage('file:///a/other.html', 'file:///a/index.html')).toBe(false);
    expect(isSamePage('file:///a/index.html?q', 'file:///a/index.html')).toBe(false);
  });

  it('treats anything unparsable as another page', () => {
    expect(isSamePage('not a url', 'file:///a/index.html')).toBe(false);
    expect(isSamePage('file:///a/index.html', '')).toBe(false);
  });
});

describe('restoreAndFocus', () => {
  beforeEach(() => resetFakeElectron());

  it('restores a minimised window and focuses it', () => {
    const win = open();
    win.minimized = true;
    restoreAndFocus(win as unknown as BrowserWindow);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(win.isMinimized()).toBe(false);
  });

  it('does nothing once the window is gone', () => {
    const win = open();
    win.destroyed = true;
    restoreAndFocus(win as unknown as BrowserWindow);
    restoreAndFocus(undefined);
    expect(win.focus).not.toHaveBeenCalled();
  });
});
