/**
 * `window.api` for the browser: runs the real core (createHandlers + dispatch, so the same parsing and
 * validation as Electron's main process) over an in-memory document. Used by `npm run dev:web` and by the
 * Playwright suite. Nothing is written to disk and there are no backups. Reading and planning imports and
 * building workbooks run in a Web Worker (`web-task-runner.ts`), as they run on a worker thread on the desktop.
 */
import { readOnlyReasons, writeAreas, type ApiEvent, type ApiEvents, type LoadReport, type ReadOnlyReason, type RoleAccess, type WindowApi } from '../../electron/contract';
import { isCalendarDate, swedishMorningOf, systemClock } from '../../electron/contract/rules/calendar-date';
import { createHandlers } from '../../electron/core/handlers/create-handlers';
import { dispatch } from '../../electron/core/handlers/dispatch';
import type { Clock, DocumentPort, IdSource, TaskRunner } from '../../electron/core/handlers/ports';
import { parseDocumentText, serialiseDocument } from '../../electron/core/store/parse-document';
import type { Repository } from '../../electron/core/store/repository';
import { setWindowApi } from './api-client';
import { createWebTaskRunner } from './web-task-runner';

export const WEB_DATA_FILE = 'Webbläge (i minnet)';

const WEB_LOAD_REPORT: LoadReport = {
  outcome: 'created-default',
  messages: [
    'Webbläget startar med standardregistret (verksamhetsplanen 2022). Ändringar finns bara i minnet och försvinner när sidan laddas om.',
  ],
};

export type WebBridgeOptions = {
  /** The initial document as JSON text (the bundled default data). */
  documentText: string;
  version: string;
  clock?: Clock;
  ids?: IdSource;
  /** What app/get-info reports about the start (default: started from the default register). */
  loadReport?: LoadReport;
  /** Start read-only for this reason, as the desktop app would (a harness's choice, see `BOOT_READ_ONLY_GLOBAL`). */
  readOnlyReason?: ReadOnlyReason;
  /** Report a shared register's role that only reads some areas (a harness's choice, see `BOOT_ROLE_GLOBAL`). */
  role?: RoleAccess;
  /** Where imports and workbooks are worked on (default: a Web Worker each, off the page's thread). */
  runner?: TaskRunner;
};

const WEB_WRITABLE_REPORT: LoadReport = {
  outcome: 'opened',
  messages: ['Registret är nu öppet för ändringar. I webbläget finns det bara i minnet, så ingen fil har ändrats.'],
};

export type WebBridge = {
  api: WindowApi;
  /** The JSON text of the last saved document, as a file store would hold it. */
  savedText(): string | undefined;
  /** The core's repository, for tests that need a change without going through a feature's channel. */
  repo: Repository;
};

type Listener<E extends ApiEvent> = (payload: ApiEvents[E]) => void;

function createEmitter() {
  const listeners = new Map<ApiEvent, Set<Listener<ApiEvent>>>();
  return {
    on<E extends ApiEvent>(event: E, listener: Listener<E>): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as Listener<ApiEvent>);
      return () => set.delete(listener as Listener<ApiEvent>);
    },
    /**
     * Delivered in a later task, as IPC events arrive: by then the core has finished the change that caused
     * the event (the repository records undo history after `onChanged`), so a refetch sees the whole of it.
     */
    emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
      const set = listeners.get(event);
      if (!set) return;
      const copy = structuredClone(payload);
      setTimeout(() => {
        for (const listener of [...set]) listener(structuredClone(copy));
      }, 0);
    },
  };
}

export function createWebBridge(options: WebBridgeOptions): WebBridge {
  const initial = parseDocumentText(options.documentText);
  const events = createEmitter();
  // The state saved last; its JSON text is made when asked for (`savedText`), not on every change: nothing in
  // the page reads it, and serialising the register was the whole cost of a change here (the first save of a
  // 10× register took a third of a second). The repository's states are frozen, so the text is the same later.
  let saved: Parameters<DocumentPort['save']>[0] | undefined;

  const document: DocumentPort = {
    async save(doc) {
      events.emit('store/status', { state: 'saving', revision: doc.meta.revision });
      saved = doc;
      events.emit('store/status', { state: 'saved', revision: doc.meta.revision });
    },
    listBackups: async () => [],
    readBackup: async (name) => {
      throw new Error(`Webbläget har inga säkerhetskopior (${name}).`);
    },
  };

  // There is no file here: making a write-protected register writable only lifts the read-only state in memory.
  let readOnlyReason = options.readOnlyReason;
  const { handlers, repo } = createHandlers({
    clock: options.clock ?? systemClock,
    ids: options.ids ?? (() => crypto.randomUUID()),
    // The browser has no account to name; the log says the change was made in web mode.
    user: () => 'webbläget',
    document,
    initial,
    loadReport: options.loadReport ?? WEB_LOAD_REPORT,
    app: { version: options.version, mode: 'web', dataFile: WEB_DATA_FILE, backupDir: '', readOnly: readOnlyReason !== undefined, ...(options.role ? { role: options.role } : {}) },
    ...(readOnlyReason === undefined
      ? {}
      : {
          access: {
            readOnlyReason: () => readOnlyReason,
            makeWritable: async () => {
              readOnlyReason = undefined;
              return { document: repo.get(), loadReport: WEB_WRITABLE_REPORT };
            },
          },
        }),
    onChanged: (revision) => events.emit('store/changed', { revision }),
    onProgress: (progress) => events.emit('task/progress', progress),
    runner: options.runner ?? createWebTaskRunner(),
  });

  const api: WindowApi = {
    // Inputs and outputs are copied as IPC would copy them, so the UI can neither mutate the core's frozen
    // state nor come to rely on sharing objects with it.
    invoke: async (channel, input) => structuredClone(await dispatch(handlers, channel, structuredClone(input))),
    on: (event, listener) => events.on(event, listener),
  };
  return { api, savedText: () => (saved === undefined ? undefined : serialiseDocument(saved)), repo };
}

/**
 * Reads `?clock=YYYY-MM-DD` so tests can fix "today"; the clock then stands at noon Swedish time that day.
 * Returns undefined for a missing or impossible date (the real clock is used).
 */
export function clockFromSearch(search: string): Clock | undefined {
  const value = new URLSearchParams(search).get('clock');
  if (!value || !isCalendarDate(value)) return undefined;
  return () => swedishMorningOf(value);
}

/**
 * The global a harness sets before the page's scripts run (Playwright's `addInitScript`) to start the web
 * entry from another register than the bundled one, e.g. the benchmarks' 10× demo register. No network is
 * involved; the text goes through the same parse, migrate and validate as any other start.
 */
export const BOOT_DOCUMENT_GLOBAL = '__SAMBRUK_BOOT_DOCUMENT__';

const BOOT_LOAD_REPORT: LoadReport = {
  outcome: 'opened',
  messages: ['Webbläget startade med ett register som lämnades till sidan. Ändringar finns bara i minnet.'],
};

/** The register text in `globalThis.__SAMBRUK_BOOT_DOCUMENT__`, if a harness put a string there. */
export function bootDocumentText(scope: object = globalThis): string | undefined {
  const value: unknown = (scope as Record<string, unknown>)[BOOT_DOCUMENT_GLOBAL];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The global a harness sets to start the web entry read-only for one of the desktop's reasons
 * (`'file-read-only'`, `'locked'` …), so the UI of those states can be seen and tested in a browser.
 */
export const BOOT_READ_ONLY_GLOBAL = '__SAMBRUK_BOOT_READ_ONLY__';

/** The reason in `globalThis.__SAMBRUK_BOOT_READ_ONLY__`, if a harness put a known one there. */
export function bootReadOnlyReason(scope: object = globalThis): ReadOnlyReason | undefined {
  const value: unknown = (scope as Record<string, unknown>)[BOOT_READ_ONLY_GLOBAL];
  return readOnlyReasons.find((reason) => reason === value);
}

/**
 * The global a harness sets to show the screens as a shared register's role that only reads some areas
 * (`{ name: 'anna', readOnlyAreas: ['invoicing'] }`). Only what the screens are told: the refusal itself is the
 * server's (test/node/postgres/pg-register.roles.test.ts).
 */
export const BOOT_ROLE_GLOBAL = '__SAMBRUK_BOOT_ROLE__';

/** The role in `globalThis.__SAMBRUK_BOOT_ROLE__`, if a harness put a well-formed one there. */
export function bootRole(scope: object = globalThis): RoleAccess | undefined {
  const value: unknown = (scope as Record<string, unknown>)[BOOT_ROLE_GLOBAL];
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, readOnlyAreas } = value as { name?: unknown; readOnlyAreas?: unknown };
  if (typeof name !== 'string' || name === '' || !Array.isArray(readOnlyAreas)) return undefined;
  const areas = writeAreas.filter((area) => readOnlyAreas.includes(area));
  return areas.length === 0 ? undefined : { name, readOnlyAreas: areas };
}

/** Installs the bridge as `window.api`, over the boot document and in the read-only state and role a harness gave, if any. */
export function installWebBridge(options: WebBridgeOptions): WebBridge {
  const boot = bootDocumentText();
  const readOnlyReason = bootReadOnlyReason();
  const role = bootRole();
  const booted = boot === undefined ? options : { ...options, documentText: boot, loadReport: BOOT_LOAD_REPORT };
  const withRole = role === undefined ? booted : { ...booted, role };
  const bridge = createWebBridge(readOnlyReason === undefined ? withRole : { ...withRole, readOnlyReason });
  setWindowApi(bridge.api);
  return bridge;
}
