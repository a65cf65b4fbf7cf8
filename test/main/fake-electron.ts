/**
 * A stand-in for the parts of `electron` the shell uses, recording what the shell asks of it.
 * Use with `vi.mock('electron', async () => (await import('./fake-electron')).electronModule)` and call
 * `resetFakeElectron()` before each test.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

export class FakeSession {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | undefined;
  checkHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
  setPermissionRequestHandler = vi.fn((handler: FakeSession['requestHandler']) => {
    this.requestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: FakeSession['checkHandler']) => {
    this.checkHandler = handler;
  });
  deviceHandler: ((details: unknown) => boolean) | undefined;
  setDevicePermissionHandler = vi.fn((handler: FakeSession['deviceHandler']) => {
    this.deviceHandler = handler;
  });
}

/** One default session, as in Electron: every window shares it unless told otherwise. */
export const defaultSession = new FakeSession();

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  session = defaultSession;
  mainFrame = new FakeFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  send = vi.fn();
  setWindowOpenHandler = vi.fn((handler: FakeWebContents['windowOpenHandler']) => {
    this.windowOpenHandler = handler;
  });
  getURL = () => this.url;
  isDestroyed = () => this.destroyed;

  /** Emits like Electron does: a preventable event first; answers whether a listener prevented it. */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit(name, event, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  minimized = false;
  visible = false;
  destroyed = false;
  loadFile = vi.fn(async (file: string) => {
    this.webContents.url = pathToFileURL(file).href;
    this.webContents.mainFrame.url = this.webContents.url;
  });
  loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
  });
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = () => this.minimized;
  isVisible = () => this.visible;
  isDestroyed = () => this.destroyed;

  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

class FakeApp extends EventEmitter {
  state = { lock: true, isPackaged: false, userData: '/home/kansli/.config/Sambruk Kansli', appPath: '/opt/sambruk-kansli' };
  requestSingleInstanceLock = vi.fn(() => this.state.lock);
  whenReady = vi.fn(() => Promise.resolve());
  quit = vi.fn();
  exit = vi.fn();
  getPath = vi.fn((name: string) => (name === 'userData' ? this.state.userData : `/fake/${name}`));
  getAppPath = vi.fn(() => this.state.appPath);
  getVersion = vi.fn(() => '9.8.7');
  enableSandbox = vi.fn();
  get isPackaged() {
    return this.state.isPackaged;
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

const rendererEmitter = new EventEmitter();
export const ipcRenderer = {
  emitter: rendererEmitter,
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, data: 'from-main' })),
  on: vi.fn((event: string, listener: Handler) => {
    rendererEmitter.on(event, listener);
    return ipcRenderer;
  }),
  removeListener: vi.fn((event: string, listener: Handler) => {
    rendererEmitter.removeListener(event, listener);
    return ipcRenderer;
  }),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => {
    contextBridge.exposed.set(key, value);
  }),
};

export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 1, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const shell = { showItemInFolder: vi.fn(), openExternal: vi.fn(async (_url: string) => undefined) };

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const session = { defaultSession };

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  dialog,
  Menu,
  shell,
  protocol,
  session,
};

export function resetFakeElectron(): void {
  vi.clearAllMocks();
  app.removeAllListeners();
  app.state = { lock: true, isPackaged: false, userData: '/home/kansli/.config/Sambruk Kansli', appPath: '/opt/sambruk-kansli' };
  FakeBrowserWindow.instances = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  defaultSession.requestHandler = undefined;
  defaultSession.checkHandler = undefined;
  defaultSession.deviceHandler = undefined;
  ipcMain.handlers.clear();
  rendererEmitter.removeAllListeners();
  contextBridge.exposed.clear();
  dialog.showMessageBox.mockImplementation(async () => ({ response: 1, checkboxChecked: false }));
}
