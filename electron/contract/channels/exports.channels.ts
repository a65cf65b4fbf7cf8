/**
 * Excel exports, and invoicing's PDF and e-invoice files. Each channel answers an `ExportedFile`: `{ fileName, mimeType, bytesBase64, sizeBytes }`.
 * The bytes travel as base64 text because that crosses Electron's IPC, the web bridge's structured clone and
 * the dispatcher's input copying unchanged (a `Uint8Array` would not survive the copying; `number[]` is
 * several times larger). The renderer turns the answer into a Blob download (`renderer/components/download-file.ts`).
 */
import { z } from 'zod';
import { channel } from '../define';
import type { ExportedFile } from '../model/files';
import { isSafeName, unsafeNameMessage, year } from '../model/records';
import { amountMessages } from '../rules/amounts';
import { taskIdInput } from './tasks.channels';

export type { ExportedFile };

/** Caps on a table export: well above any screen of the register, far below what would strain memory. */
export const tableExportLimits = {
  maxColumns: 100,
  maxRows: 50_000,
  maxCells: 1_000_000,
  maxText: 32_767,
  maxHeader: 200,
  maxTitle: 200,
  maxFilters: 2_000,
} as const;

export const tableColumnKinds = ['text', 'integer', 'number', 'kr', 'kr-ore', 'percent', 'date', 'boolean'] as const;
export type TableColumnKind = (typeof tableColumnKinds)[number];

const cell = z.union([z.string().max(tableExportLimits.maxText, { message: 'En cell har för lång text.' }), z.number().finite(), z.boolean(), z.null()]);

export const tableExportInput = z
  .strictObject({
    /** What the table is, e.g. `Medlemmar`: sheet name, document title, print header and file name. */
    title: z.string().trim().min(1).max(tableExportLimits.maxTitle).refine(isSafeName, { message: unsafeNameMessage }),
    /** The screen's filters in words, e.g. `Län: Stockholms län · Status: medlem`; blank when nothing is filtered. */
    filtersDescription: z.string().trim().max(tableExportLimits.maxFilters).default(''),
    /** The year the table is about, for the printed header. */
    year: year.optional(),
    /**
     * The visible columns in screen order. `kr`/`kr-ore` take integer öre, `percent` a fraction (0.25),
     * `date` a `YYYY-MM-DD` text, `integer`/`number` numbers, `text` and `boolean` what they say.
     */
    columns: z
      .array(
        z.strictObject({
          header: z.string().trim().min(1).max(tableExportLimits.maxHeader).refine(isSafeName, { message: unsafeNameMessage }),
          kind: z.enum(tableColumnKinds),
        }),
      )
      .min(1, { message: 'Tabellen har inga kolumner att exportera.' })
      .max(tableExportLimits.maxColumns, { message: `Högst ${tableExportLimits.maxColumns} kolumner kan exporteras.` }),
    /** The rows as shown (filtered and sorted), one value per column. */
    rows: z.array(z.array(cell).max(tableExportLimits.maxColumns)).max(tableExportLimits.maxRows, {
      message: `Högst ${new Intl.NumberFormat('sv-SE').format(tableExportLimits.maxRows)} rader kan exporteras. Filtrera tabellen och försök igen.`,
    }),
  })
  .superRefine((input, ctx) => {
    if (input.rows.length * input.columns.length > tableExportLimits.maxCells) {
      ctx.addIssue({ code: 'custom', path: ['rows'], message: 'Tabellen är för stor för att exporteras. Filtrera den och försök igen.' });
    }
    const width = input.columns.length;
    const bad = input.rows.findIndex((row) => row.length !== width);
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['rows', bad], message: `Rad ${bad + 1} har inte lika många värden som tabellen har kolumner.` });
    // Money columns take whole öre that a number holds exactly (see rules/amounts.ts): anything else would be
    // written to the workbook as a figure other than the one on the screen.
    input.columns.forEach((column, c) => {
      if (column.kind !== 'kr' && column.kind !== 'kr-ore') return;
      const r = input.rows.findIndex((row) => typeof row[c] === 'number' && !Number.isSafeInteger(row[c]));
      if (r < 0) return;
      const value = input.rows[r]![c] as number;
      const reason = Number.isInteger(value) ? 'Beloppet är för stort för att skrivas exakt.' : amountMessages['not-whole-ore'];
      ctx.addIssue({ code: 'custom', path: ['rows', r, c], message: `Rad ${r + 1}, kolumnen ”${column.header}”: ${reason}` });
    });
  });

export const exportsChannels = {
  /**
   * "Ekonomiunderlag <år>": the accountant's workbook (Medlemmar, Fakturaunderlag, Tjänsteanvändning, Användningsmatris, Nätverk,
   * Budget). Persons' names and e-mail addresses are included only with `includePersonalDetails`.
   * Refused (`not-found`) when no fee table applies to the year. With a `taskId` it reports each sheet as
   * `task/progress` and can be stopped by `tasks/cancel` (answering `cancelled`, no file).
   */
  'exports/accountant-workbook': channel<ExportedFile>()(
    z.strictObject({ year, includePersonalDetails: z.boolean().default(false), taskId: taskIdInput.optional() }),
  ),
  /** Any table screen's visible rows, with its filters described above the table, as a one-sheet workbook. */
  'exports/table': channel<ExportedFile>()(tableExportInput),

};
