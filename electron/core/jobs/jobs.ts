/**
 * The heavy work of the long calls, as pure functions on plain data: reading an import file, planning it against
 * a snapshot of the register, building the accountant's and the board pack's workbooks, and invoicing's files. They run in a worker
 * (`worker_threads` on the desktop, a Web Worker in the browser; see `worker-protocol.ts`) so the thread that
 * answers the UI is never held by them; a test may run them in process (`in-process-runner.ts`). Inputs and
 * outputs cross a `postMessage`, so they hold only structured-cloneable data; nothing here writes the register.
 */
import { AppError } from '../../contract/result';
import type { TaskPhase } from '../../contract/events';
import type { ImportSheetView } from '../../contract/channels/imports.channels';
import type { BoardPackContent } from '../domain/board-pack';
import { accountantWorkbookFile } from '../exports/accountant-workbook';
import { decodeBase64 } from '../exports/base64';
import { boardPackFileName, boardPackWorkbookBytes } from '../exports/board-pack-workbook';
import { exportedXlsx, type ExportedFile } from '../exports/export-file';
import type { InvoiceFileRequest, InvoiceFilesSource } from '../exports/invoice-files';
import { proposeMapping } from '../imports/import-mappings';
import { planImport, type ImportDecisions, type ImportMapping, type ImportPlan, type PlanningRegister } from '../imports/import-plan';
import { readTable, type RawSheet, type RawTable } from '../imports/read-table';
import type { SambrukDocument } from '../store/schema';

/** How far a job has come; the task registry adds the task's id and whether it can still be cancelled. */
export type JobProgress = { phase: TaskPhase; done: number; total: number; detail?: string };

export type JobContext = {
  report(progress: JobProgress): void;
  /**
   * Lets a stop request in: in process it yields to the event loop and throws `AppError('cancelled')` once the
   * task was cancelled; in a worker it does nothing, since a cancelled worker is terminated where it stands.
   */
  checkpoint(): Promise<void>;
};

type ImportFileInput = { fileName: string; bytesBase64: string; headerRow?: number | undefined };

const SAMPLE_ROWS = 5;

/** Base64 -> bytes -> the reader, whose refusals (hostile, damaged, too large) pass through unchanged. */
async function readImportFile(input: ImportFileInput): Promise<RawTable> {
  const bytes = decodeBase64(input.bytesBase64);
  if (!bytes) throw new AppError('validation', 'Filen kom inte fram oskadd till registret. Välj filen igen.');
  return readTable(bytes, input.fileName, input.headerRow !== undefined ? { headerRow: input.headerRow } : {});
}

function findSheet(table: RawTable, name: string): RawSheet {
  const sheet = table.sheets.find((s) => s.name === name);
  if (!sheet) throw new AppError('validation', `Bladet ”${name.slice(0, 60)}” finns inte i filen. Välj ett annat blad.`, { field: 'sheet' });
  if (sheet.header.length === 0) throw new AppError('validation', `Bladet ”${name.slice(0, 60)}” är tomt.`, { field: 'sheet' });
  return sheet;
}

export type ReadImportOutput = {
  format: RawTable['format'];
  encoding?: NonNullable<RawTable['encoding']>;
  delimiter?: NonNullable<RawTable['delimiter']>;
  sheets: ImportSheetView[];
};

export type PlanImportOutput = {
  sheet: Pick<RawSheet, 'name' | 'header' | 'headerRowNumber'>;
  plan: ImportPlan;
};

/** Every job: its input and what it answers. */
export type Jobs = {
  /** The file's sheets as the mapping step shows them: a few sample rows and a proposed mapping each. */
  'read-import': {
    input: ImportFileInput & { settings: SambrukDocument['settings'] };
    output: ReadImportOutput;
  };
  /** Every row of one sheet planned against the register as it was when the job began. */
  'plan-import': {
    input: ImportFileInput & { sheet: string; mapping: ImportMapping; decisions: ImportDecisions; register: PlanningRegister };
    output: PlanImportOutput;
  };
  'accountant-workbook': {
    input: { document: SambrukDocument; year: number; includePersonalDetails: boolean; now: Date };
    output: ExportedFile;
  };
  'board-pack-workbook': {
    input: { content: BoardPackContent; created: Date };
    output: ExportedFile;
  };
  /** One of invoicing's files (a PDF, an e-invoice, a run's e-invoices as a zip, the SIE file). */
  'invoice-file': {
    input: { source: InvoiceFilesSource; request: InvoiceFileRequest };
    output: ExportedFile;
  };
};

export type JobName = keyof Jobs;
export type JobInput<J extends JobName> = Jobs[J]['input'];
export type JobOutput<J extends JobName> = Jobs[J]['output'];

type JobFunctions = { [J in JobName]: (input: JobInput<J>, context: JobContext) => Promise<JobOutput<J>> };

export const jobs: JobFunctions = {
  async 'read-import'(input, context) {
    context.report({ phase: 'reading', done: 0, total: 1 });
    const table = await readImportFile(input);
    await context.checkpoint();
    context.report({ phase: 'reading', done: 1, total: 1 });
    return {
      format: table.format,
      ...(table.encoding ? { encoding: table.encoding } : {}),
      ...(table.delimiter ? { delimiter: table.delimiter } : {}),
      sheets: table.sheets.map((s) => ({
        name: s.name,
        hidden: s.hidden,
        headerRowNumber: s.headerRowNumber,
        header: s.header,
        rowCount: s.rows.length,
        titleLines: s.titleLines,
        sample: s.rows.slice(0, SAMPLE_ROWS),
        proposal: proposeMapping(s.header, input.settings),
      })),
    };
  },

  async 'plan-import'(input, context) {
    context.report({ phase: 'reading', done: 0, total: 1 });
    const sheet = findSheet(await readImportFile(input), input.sheet);
    await context.checkpoint();
    const plan = await planImport(input.register, sheet, {
      mapping: input.mapping,
      decisions: input.decisions,
      onProgress: (done, total) => context.report({ phase: 'planning', done, total }),
      checkpoint: context.checkpoint,
    });
    await context.checkpoint();
    return { sheet: { name: sheet.name, header: sheet.header, headerRowNumber: sheet.headerRowNumber }, plan };
  },

  async 'accountant-workbook'(input, context) {
    return accountantWorkbookFile(input.document, { year: input.year, includePersonalDetails: input.includePersonalDetails, now: input.now }, async (step) => {
      context.report(step.phase === 'building' ? { phase: step.phase, done: step.done, total: step.total, detail: step.sheet } : { phase: step.phase, done: step.done, total: step.total });
      await context.checkpoint();
    });
  },

  async 'board-pack-workbook'(input) {
    const bytes = await boardPackWorkbookBytes(input.content, { created: input.created });
    return exportedXlsx(boardPackFileName(input.content.date, 'xlsx'), bytes);
  },

  async 'invoice-file'(input, context) {
    context.report({ phase: 'building', done: 0, total: 1 });
    // Loaded on the first file asked for: the makers (jsPDF among them) would otherwise weigh on every worker.
    const { invoiceFile } = await import('../exports/invoice-files');
    const made = await invoiceFile(input.source, input.request);
    context.report({ phase: 'building', done: 1, total: 1 });
    return made;
  },
};

/** Runs one job by name (the worker's entry and the in-process runner both come through here). */
export function runJob<J extends JobName>(job: J, input: JobInput<J>, context: JobContext): Promise<JobOutput<J>> {
  if (!Object.hasOwn(jobs, job)) return Promise.reject(new Error(`Unknown job: ${String(job)}`));
  return (jobs[job] as (input: JobInput<J>, context: JobContext) => Promise<JobOutput<J>>)(input, context);
}
