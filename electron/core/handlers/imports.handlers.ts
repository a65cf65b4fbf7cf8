import { AppError, type ChannelHandlers } from '../../contract';
import type { ImportFileView } from '../../contract/channels/imports.channels';
import type { SambrukDocument } from '../store/schema';
import type { HandlerContext } from './create-handlers';
import { jobControl, type TaskHandle } from './tasks';
import type { PlanImportOutput } from '../jobs/jobs';
import { applyImportPlan, describeImportResult, planningRegister, type ImportDecisions, type ImportMapping } from '../imports/import-plan';
import { IMPORT_MAPPINGS_KEY, rememberMapping } from '../imports/import-mappings';
import type { TaskRunner } from './ports';

type ImportsChannel = 'imports/read' | 'imports/preview' | 'imports/apply';

type FileInput = { fileName: string; bytesBase64: string; headerRow?: number | undefined };

const CANCELLED = 'Importen avbröts. Inget har ändrats.';

type PlanInput = FileInput & { sheet: string; mapping: unknown; decisions: unknown };

/**
 * Reads the file and plans every row against `register` (a snapshot taken as the call starts) in the task
 * runner's worker, reporting as it goes; the preview and the apply step plan alike.
 */
async function readAndPlan(runner: TaskRunner, task: TaskHandle, input: PlanInput, register: SambrukDocument): Promise<PlanImportOutput> {
  const planned = await runner.run(
    'plan-import',
    {
      fileName: input.fileName,
      bytesBase64: input.bytesBase64,
      headerRow: input.headerRow,
      sheet: input.sheet,
      mapping: input.mapping as ImportMapping,
      decisions: input.decisions as ImportDecisions,
      register: planningRegister(register),
    },
    jobControl(task),
  );
  task.check();
  return planned;
}

/**
 * Every channel may run as a task (`taskId`): it reports reading, then planning row by row, and for apply the
 * saving; it stops at its next check when cancelled. Apply can be cancelled until its repository change starts:
 * the mutator commits the task first (or throws `cancelled`), so a cancelled import never reaches the draft.
 */
export function createImportsHandlers({ repo, ports, tasks }: HandlerContext): Pick<ChannelHandlers, ImportsChannel> {
  return {
    'imports/read': (input): Promise<ImportFileView> => tasks.run(input.taskId, CANCELLED, async (task) => {
      const read = await ports.runner.run(
        'read-import',
        { fileName: input.fileName, bytesBase64: input.bytesBase64, headerRow: input.headerRow, settings: repo.get().settings },
        jobControl(task),
      );
      task.check();
      return { fileName: input.fileName, ...read };
    }),

    'imports/preview': (input) => tasks.run(input.taskId, CANCELLED, async (task) => {
      const { sheet, plan } = await readAndPlan(ports.runner, task, input, repo.get());
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
      const doc = repo.get();
      if (doc.meta.revision !== input.expectedRevision) throw new AppError('conflict', changedMessage);
      const { sheet, plan } = await readAndPlan(ports.runner, task, input, doc);
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
