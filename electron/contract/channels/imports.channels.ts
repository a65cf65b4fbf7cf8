/**
 * Importing organisations, membership periods and contact persons from `.xlsx` or `.csv`.
 *
 * The channels are stateless: each call carries the file (base64, see `exports.channels.ts` for why) and the
 * choices made so far, and the core reads the file again. So nothing of a half-finished import lives in the
 * core, and cancelling in the UI is simply not calling `imports/apply`: nothing is written before that.
 * Each call may carry a `taskId`: the core then reports its progress (`task/progress`) and `tasks/cancel` stops
 * it; a cancelled `imports/apply` writes nothing, unless its durable write had already started.
 *
 * 1. `imports/read`: the sheets, each with its header, a few sample rows and a proposed column mapping
 *    (the one remembered for these headers, else suggested from them).
 * 2. `imports/preview`: every row's outcome (new, update, unchanged, review, error, skipped) with its changes
 *    and problems; writes nothing. Repeated with the user's decisions (confirm a municipality, accept a
 *    disagreement, leave a row out) until the user is satisfied.
 * 3. `imports/apply`: plans again against the register as it is now and writes the included rows as one change
 *    (one undo step), remembering the mapping for these headers in the same change. Refused with `conflict`
 *    when the register changed since the preview (`expectedRevision`): the user previews again.
 *
 * A hostile or unreadable file is refused by every channel with the reader's Swedish message; the register is
 * untouched.
 */
import { z } from 'zod';
import { channel } from '../define';
import { base64Length } from '../model/files';
import { importFieldKeys, type ImportPlanView, type ImportResult, type MappingProposal } from '../model/imports';
import { taskIdInput } from './tasks.channels';

/**
 * The reader's own limits (`importLimits` in `read-table.ts`), repeated here so the contract does not pull
 * the xlsx reader (and ExcelJS) into every bundle that needs the channel list; a test keeps them equal.
 */
export const importInputLimits = { maxBytes: 20_000_000, maxRows: 100_000, maxColumns: 1_000 } as const;
const importLimits = importInputLimits;

export type * from '../model/imports';

/** Base64 of the largest file the reader accepts, plus room for padding. */
const MAX_BASE64 = base64Length(importLimits.maxBytes) + 4;
const MAX_DECISIONS = 100_000;

const fileFields = {
  /** The file's name as picked (used for messages and to refuse `.xls`/`.xlsm` and the like). */
  fileName: z.string().trim().min(1, { message: 'Filen saknar namn.' }).max(260),
  /** The file's bytes, standard base64. */
  bytesBase64: z.string().min(1, { message: 'Filen är tom.' }).max(MAX_BASE64, { message: 'Filen är för stor för att läsas in (högst 20 MB).' }),
  /** 1-based header row; found automatically when absent. */
  headerRow: z.number().int().min(1).max(importLimits.maxRows).optional(),
  /** Names the call for `task/progress` events and `tasks/cancel` (see `tasks.channels.ts`). */
  taskId: taskIdInput.optional(),
};

/** SCB's population table: the file alone (no mapping: the layout is SCB's). */
export const populationFileInput = { fileName: fileFields.fileName, bytesBase64: fileFields.bytesBase64 };

export const importMappingInput = z.partialRecord(z.enum(importFieldKeys), z.number().int().min(0).max(importLimits.maxColumns));

export const importDecisionsInput = z
  .record(
    z.string().regex(/^\d{1,7}$/, { message: 'Radnumret är ogiltigt.' }),
    z.strictObject({
      municipalityCode: z.string().regex(/^\d{4}$/, { message: 'Välj en kommun (fyrsiffrig kommunkod).' }).optional(),
      accept: z.boolean().optional(),
    }),
  )
  .refine((d) => Object.keys(d).length <= MAX_DECISIONS, { message: 'För många beslut om enskilda rader.' })
  .default({});

const planFields = {
  ...fileFields,
  /** The sheet's name as `imports/read` gave it (a CSV file has one sheet, named after the file). */
  sheet: z.string().min(1).max(200),
  /** Field -> 0-based column index. */
  mapping: importMappingInput,
  /** Decisions by row number (as text). */
  decisions: importDecisionsInput,
};

export type ImportSheetView = {
  name: string;
  hidden: boolean;
  /** 1-based row number of the header in the file; 0 for an empty sheet. */
  headerRowNumber: number;
  header: string[];
  rowCount: number;
  /** Lines above the header (a title, a filter description). */
  titleLines: string[];
  /** The first rows, for the mapping step to show what each column holds. */
  sample: string[][];
  proposal: MappingProposal;
};

export type ImportFileView = {
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding?: string;
  delimiter?: string;
  sheets: ImportSheetView[];
};

export type ImportPreview = ImportPlanView & {
  fileName: string;
  sheetName: string;
  header: string[];
  headerRowNumber: number;
};

export type ImportApplied = {
  result: ImportResult;
  /** A Swedish summary, e.g. `3 nya organisationer, 1 ny kontaktperson`. */
  message: string;
};

export const importsChannels = {
  'imports/read': channel<ImportFileView>()(z.strictObject(fileFields)),
  'imports/preview': channel<ImportPreview>()(z.strictObject(planFields)),
  'imports/apply': channel<ImportApplied>()(z.strictObject({ ...planFields, expectedRevision: z.number().int().nonnegative() })),
};
