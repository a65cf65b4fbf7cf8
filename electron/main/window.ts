/**
 * The application window, locked down from the start (Electron's security checklist): isolated, sandboxed
 * renderer without Node in any frame or worker, served from `app://kansli/`, no navigation away from the
 * app's page, no new windows, no webviews, no permissions. Every window goes through `createSecureWindow`,
 * and every web contents (also ones made later) through `hardenWebContents` (see app.ts).
 */
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { openExternalIfAllowed } from './external-links';
import { sv } from './labels';
import { APP_INDEX_URL } from './protocol';

export type MainWindowOptions = {
  /** Absolute path of the built preload (`out/preload/preload.cjs`), the only preload any window gets. */
  preload: string;
  /** Developer tools are only reachable in unpackaged builds. */
  devTools: boolean;
  /** Defaults to the app's own page. */
  url?: string;
};

export type SecureWindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'> & { preload: string; devTools: boolean };

/**
 * The one way the app makes a window, so every window (the main one and any later one) has the same web
 * preferences. Written out here, not computed, so that a static scanner (Electronegativity) can see them.
 */
export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  const { preload, devTools, ...windowOptions } = options;
  const win = new BrowserWindow({
    ...windowOptions,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
    },
  });
  hardenWebContents(win.webContents);
  denyPermissions(win.webContents.session);
  return win;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = createSecureWindow({
    title: sv.appName,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    preload: options.preload,
    devTools: options.devTools,
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.url ?? APP_INDEX_URL);
  return win;
}

/** Hands a checked mailto: link (see mail-open.ts) to the OS's mail program; the one other use of openExternal. */
export const openMailLink = (url: string): Promise<void> => shell.openExternal(url);

const hardened = new WeakSet<WebContents>();

/**
 * Applied to every web contents the app creates (`web-contents-created` in app.ts), so nothing slips past a
 * future window. Leaving the page is refused; an allow-listed https link opens in the browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => Promise<void> = (url) => shell.openExternal(url)): void {
  // The main window is hardened where it is made and again by `web-contents-created`: once is enough.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const guard = (event: { preventDefault: () => void }, url: string) => {
    if (isSamePage(url, contents.getURL())) return;
    event.preventDefault();
    openExternalIfAllowed(url, openExternal);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, openExternal);
    return { action: 'deny' };
  });
}

/**
 * Only writing plain text to the clipboard is allowed (copying e-mail lists is everyday work for the secretariat);
 * camera, microphone, location, notifications, clipboard reading, devices and the rest are refused.
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
  // USB, HID, serial and Bluetooth devices: none.
  session.setDevicePermissionHandler(() => false);
}

/** In-page changes (hash routing) are the app's own; anything else would leave the app's page. */
export function isSamePage(target: string, current: string): boolean {
  try {
    const a = new URL(target);
    const b = new URL(current);
    a.hash = '';
    b.hash = '';
    return a.href === b.href;
  } catch {
    return false;
  }
}

export function restoreAndFocus(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
