import type { ServiceHandlers } from '../../contract';
import type { ServiceContext } from './create-services';
import { accountantWorkbookFile } from '../exports/accountant-workbook';
import { exportedXlsx, safeFileName } from '../exports/export-file';
import { exportTable } from '../exports/table-export';
import type { ColumnDef } from '../exports/workbook-kit';

type ExportsChannel = 'exports/accountant-workbook' | 'exports/table';

type TableRow = readonly (string | number | boolean | null)[];

const EXPORT_CANCELLED = 'Exporten avbröts. Ingen fil skapades.';

export function createExportsServices({ repo, ports, today, tasks }: ServiceContext): Pick<ServiceHandlers, ExportsChannel> {
  return {
    /**
     * Sheet by sheet: progress before each sheet and before the file is written, a yield to the event loop (so
     * `tasks/cancel` can arrive) and a cancellation check. Without a `taskId` nothing is reported or cancelled.
     */
    'exports/accountant-workbook': ({ year, includePersonalDetails, taskId }) =>
      tasks.run(taskId, EXPORT_CANCELLED, async (task) => {
        const file = await accountantWorkbookFile(repo.get(), { year, includePersonalDetails, now: ports.clock() }, async (step) => {
          task.report(step.phase, step.done, step.total, step.phase === 'building' ? step.sheet : undefined);
          await new Promise((resolve) => setTimeout(resolve, 0));
          task.check();
        });
        // A cancel that arrived while the file was written: the file is dropped, never handed over.
        task.check();
        return file;
      }),

    'exports/table': async ({ title, filtersDescription, year, columns, rows }) => {
      const defs: ColumnDef<TableRow>[] = columns.map((column, i) => ({ header: column.header, kind: column.kind, key: (row: TableRow) => row[i] }));
      const bytes = await exportTable<TableRow>({
        title,
        filterDescription: filtersDescription,
        ...(year !== undefined ? { year } : {}),
        columns: defs,
        rows,
        now: ports.clock(),
      });
      return exportedXlsx(safeFileName(`${title} ${today()}`), bytes);
    },
  };
}
