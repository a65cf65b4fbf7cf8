/**
 * What the core needs from the outside world, passed in so tests are deterministic and the same core runs
 * in Electron's main process (file store) and in the browser (in-memory store).
 */
import type { SambrukDocument } from '../store/schema';
import type { BackupInfo, LoadReport, TaskProgress } from '../../contract';

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

export type Ports = {
  clock: Clock;
  ids: IdSource;
  /** Absent in tests and tools; the log then names no one. */
  user?: UserSource;
  document: DocumentPort;
  initial: SambrukDocument;
  loadReport: LoadReport;
  app: { version: string; mode: 'desktop' | 'web'; dataFile: string; backupDir: string; readOnly?: boolean };
  /** Called after every change is durable, with the new revision (main forwards it as `store/changed`). */
  onChanged?: (revision: number) => void;
  /** Called as a long call given a `taskId` progresses (main forwards it as `task/progress`). */
  onProgress?: (progress: TaskProgress) => void;
};
