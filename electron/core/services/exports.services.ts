import type { ServiceHandlers } from '../../contract';
import type { ServiceContext } from './create-services';
import { accountantWorkbookFile } from '../exports/accountant-workbook';
import { exportedXlsx, safeFileName } from '../exports/export-file';
import { exportTable } from '../exports/table-export';
import type { ColumnDef } from '../exports/workbook-kit';

type ExportsChannel = 'exports/accountant-workbook' | 'exports/table';

type TableRow = readonly (string | number | boolean | null)[];

export function createExportsServices({ repo, ports, today }: ServiceContext): Pick<ServiceHandlers, ExportsChannel> {
  return {
    'exports/accountant-workbook': ({ year, includePersonalDetails }) =>
      accountantWorkbookFile(repo.get(), { year, includePersonalDetails, now: ports.clock() }),

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
