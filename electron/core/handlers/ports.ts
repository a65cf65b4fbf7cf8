/**
 * What the core needs from the outside world, passed in so tests are deterministic and the same core runs
 * in Electron's main process (file store) and in the browser (in-memory store).
 */
import type { SambrukDocument } from '../store/schema';
import type { SharedStore } from '../store/repository';
import type { BackupInfo, LoadReport, ReadOnlyReason, RoleAccess, TaskProgress } from '../../contract';
import type { JobInput, JobName, JobOutput, JobProgress } from '../jobs/jobs';

export type Clock = () => Date;
export type IdSource = () => string;
/** Who is making changes, as the change log names them: the OS user name on the desktop. */
export type UserSource = () => string;

export type DocumentPort = {
  /** Makes the document durable; resolves only when it is (temp file, fsync, rename, fsync dir on disk). */
  save(doc: SambrukDocument): Promise<void>;
  listBackups(): Promise<BackupInfo[]>;
  /** Reads and validates a backup; the caller then replaces the open document with it. */
  readBackup(name: string): Promise<SambrukDocument>;
};

/** How the register file may be written (the desktop app); the web's in-memory register has none. */
export type AccessPort = {
  /** Why the register is read-only now; undefined while it is writable. */
  readOnlyReason(): ReadOnlyReason | undefined;
  /**
   * Makes a write-protected register file writable and opens it for changes (lock, file mode, reopen);
   * resolves with the document now on disk and the report of that opening. Throws an AppError when it cannot.
   */
  makeWritable(): Promise<{ document: SambrukDocument; loadReport: LoadReport }>;
};

/**
 * Where the heavy work of the long calls runs (`core/jobs/jobs.ts`): a worker thread on the desktop, a Web Worker
 * in the browser, so the thread that answers the UI is never held by it. Tests may run it in process.
 */
export type TaskRunner = {
  /**
   * Runs `job` on `input` (a snapshot: the job never sees the live register), forwarding its progress. When
   * `signal` aborts, the work is stopped (a worker is terminated, not asked) and the promise rejects with the
   * signal's reason.
   */
  run<J extends JobName>(job: J, input: JobInput<J>, control: { onProgress: (progress: JobProgress) => void; signal: AbortSignal }): Promise<JobOutput<J>>;
};

export type Ports = {
  clock: Clock;
  ids: IdSource;
  /** Absent in tests and tools; the log then names no one. */
  user?: UserSource;
  document: DocumentPort;
  /** The shared register on a server (PostgreSQL): changes are saved there, not through `document.save`. */
  shared?: SharedStore;
  initial: SambrukDocument;
  loadReport: LoadReport;
  app: { version: string; mode: 'desktop' | 'web'; dataFile: string; backupDir: string; readOnly?: boolean; role?: RoleAccess };
  access?: AccessPort;
  /** Which shared register's server to open at the next start (the desktop app keeps it beside its settings). */
  serverSetting?: { get(): string; set(server: string): Promise<void> };
  /** Called after every change is durable, with the new revision (main forwards it as `store/changed`). */
  onChanged?: (revision: number) => void;
  /** Called as a long call given a `taskId` progresses (main forwards it as `task/progress`). */
  onProgress?: (progress: TaskProgress) => void;
  /** Runs reading and planning imports and building workbooks off the thread that answers the UI. */
  runner: TaskRunner;
};
