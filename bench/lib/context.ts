import type { SambrukDocument } from '../../electron/core/store/schema';
import type { ResultName } from './results';

/** What every case gets: the scale, a private temp folder, and the demo register as file, text and document. */
export type BenchContext = {
  scale: number;
  /** A fresh temp folder for this run; removed at the end. */
  dir: string;
  /** The demo register written to disk (`<dir>/register.json`). */
  documentFile: string;
  documentText: string;
  document: SambrukDocument;
  log: (message: string) => void;
  /** Whether `--only` asks for this result (by its own name or its case's); a case may skip what is not wanted. */
  wants: (name: ResultName) => boolean;
};
