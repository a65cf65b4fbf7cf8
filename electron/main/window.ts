/**
 * The one application window, locked down from the start (Electron's security checklist): isolated, sandboxed
 * renderer without Node, no navigation away from the app's page, no new windows, no webviews, no permissions.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { sv } from './labels';

export type MainWindowOptions = {
  /** Absolute path of the built preload (`out/preload/preload.cjs`). */
  preload: string;
  /** Absolute path of the built renderer page (`out/renderer/index.html`). */
  indexHtml: string;
  /** Developer tools are only reachable in unpackaged builds. */
  devTools: boolean;
};

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: sv.appName,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: options.devTools,
    },
  });
  hardenWebContents(win.webContents);
  denyPermissions(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(options.indexHtml);
  return win;
}

/** Also applied to every web contents the app creates (see main.ts), so nothing slips past a future window. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isSamePage(url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isSamePage(url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Only writing plain text to the clipboard is allowed (copying e-mail lists is everyday work for the secretariat);
 * camera, microphone, location, notifications, clipboard reading and the rest are refused.
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
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
