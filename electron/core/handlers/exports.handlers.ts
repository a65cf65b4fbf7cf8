import type { ChannelHandlers } from '../../contract';
import type { HandlerContext } from './create-handlers';
import { exportedXlsx, safeFileName } from '../exports/export-file';
import { exportTable } from '../exports/table-export';
import type { ColumnDef } from '../exports/workbook-kit';
import { jobControl } from './tasks';

type ExportsChannel = 'exports/accountant-workbook' | 'exports/table';

type TableRow = readonly (string | number | boolean | null)[];

const EXPORT_CANCELLED = 'Exporten avbröts. Ingen fil skapades.';

export function createExportsHandlers({ repo, ports, today, tasks }: HandlerContext): Pick<ChannelHandlers, ExportsChannel> {
  return {
    /**
     * Built in the task runner's worker from a snapshot of the register, sheet by sheet: progress before each
     * sheet and before the file is written. A cancel ends the worker. Without a `taskId` nothing is reported or
     * cancelled.
     */
    'exports/accountant-workbook': ({ year, includePersonalDetails, taskId }) =>
      tasks.run(taskId, EXPORT_CANCELLED, async (task) => {
        const file = await ports.runner.run('accountant-workbook', { document: repo.get(), year, includePersonalDetails, now: ports.clock() }, jobControl(task));
        // A cancel that arrived as the file came back: the file is dropped, never handed over.
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
