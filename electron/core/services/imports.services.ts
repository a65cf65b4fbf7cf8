import { AppError, type ServiceHandlers } from '../../contract';
import type { ImportFileView, ImportSheetView } from '../../contract/channels/imports.channels';
import type { SambrukDocument } from '../store/schema';
import type { ServiceContext } from './create-services';
import type { TaskHandle } from './tasks';
import { decodeBase64 } from '../exports/base64';
import { readTable, type RawSheet, type RawTable } from '../imports/read-table';
import { applyImportPlan, describeImportResult, planImport, type ImportDecisions, type ImportMapping, type ImportPlan } from '../imports/import-plan';
import { IMPORT_MAPPINGS_KEY, proposeMapping, rememberMapping } from '../imports/import-mappings';

type ImportsChannel = 'imports/read' | 'imports/preview' | 'imports/apply';

const SAMPLE_ROWS = 5;

type FileInput = { fileName: string; bytesBase64: string; headerRow?: number | undefined };

/** Base64 -> bytes -> the reader, whose refusals (hostile, damaged, too large) pass through unchanged. */
async function readImportFile(input: FileInput): Promise<RawTable> {
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

const CANCELLED = 'Importen avbröts. Inget har ändrats.';

type PlanInput = FileInput & { sheet: string; mapping: unknown; decisions: unknown };

/**
 * Reads the file and plans every row against the register, reporting and checking for cancellation as it goes (the
 * preview and the apply step plan alike). `registerNow` gives the register to plan against once the file is read.
 */
async function readAndPlan(task: TaskHandle, input: PlanInput, registerNow: () => SambrukDocument): Promise<{ sheet: RawSheet; plan: ImportPlan }> {
  task.report('reading', 0, 1);
  const sheet = findSheet(await readImportFile(input), input.sheet);
  task.check();
  const doc = registerNow();
  const plan = await planImport(doc, sheet, {
    mapping: input.mapping as ImportMapping,
    decisions: input.decisions as ImportDecisions,
    isCancelled: task.isCancelled,
    onProgress: (done, total) => task.report('planning', done, total),
  });
  task.check();
  return { sheet, plan };
}

/**
 * Every channel may run as a task (`taskId`): it reports reading, then planning row by row, and for apply the
 * saving; it stops at its next check when cancelled. Apply can be cancelled until its repository change starts:
 * the mutator commits the task first (or throws `cancelled`), so a cancelled import never reaches the draft.
 */
export function createImportsServices({ repo, ports, tasks }: ServiceContext): Pick<ServiceHandlers, ImportsChannel> {
  return {
    'imports/read': (input): Promise<ImportFileView> => tasks.run(input.taskId, CANCELLED, async (task) => {
      task.report('reading', 0, 1);
      const table = await readImportFile(input);
      task.check();
      task.report('reading', 1, 1);
      const settings = repo.get().settings;
      const sheets: ImportSheetView[] = table.sheets.map((s) => ({
        name: s.name,
        hidden: s.hidden,
        headerRowNumber: s.headerRowNumber,
        header: s.header,
        rowCount: s.rows.length,
        titleLines: s.titleLines,
        sample: s.rows.slice(0, SAMPLE_ROWS),
        proposal: proposeMapping(s.header, settings),
      }));
      return {
        fileName: input.fileName,
        format: table.format,
        ...(table.encoding ? { encoding: table.encoding } : {}),
        ...(table.delimiter ? { delimiter: table.delimiter } : {}),
        sheets,
      };
    }),

    'imports/preview': (input) => tasks.run(input.taskId, CANCELLED, async (task) => {
      const { sheet, plan } = await readAndPlan(task, input, repo.get);
      return {
        fileName: input.fileName,
        sheetName: sheet.name,
        header: sheet.header,
        headerRowNumber: sheet.headerRowNumber,
        rows: plan.rows,
        summary: plan.summary,
        revision: plan.revision,
      };
    }),

    'imports/apply': (input) => tasks.run(input.taskId, CANCELLED, async (task) => {
      const changedMessage = 'Registret har ändrats sedan förhandsvisningen. Förhandsvisa importen igen innan du genomför den.';
      const { sheet, plan } = await readAndPlan(task, input, () => {
        const doc = repo.get();
        if (doc.meta.revision !== input.expectedRevision) throw new AppError('conflict', changedMessage);
        return doc;
      });
      const mapping = input.mapping as ImportMapping;
      if (plan.ops.length === 0) throw new AppError('validation', 'Det finns inget att importera: ingen rad som är med i importen ändrar registret.');
      const now = ports.clock().toISOString();
      const result = await repo.change(`Import från ${input.fileName}`, (tx) => {
        // The last moment to cancel: from here the import is written and saved whole, or refused whole.
        task.commit();
        task.report('saving', 0, 1);
        const base = tx.doc;
        if (base.meta.revision !== plan.revision) throw new AppError('conflict', changedMessage);
        const applied = applyImportPlan(tx, plan, { ids: ports.ids, now, source: input.fileName });
        tx.setSetting(IMPORT_MAPPINGS_KEY, rememberMapping(base.settings, sheet.header, mapping, now));
        return applied;
      });
      return { result, message: describeImportResult(result) };
    }),
  };
}
