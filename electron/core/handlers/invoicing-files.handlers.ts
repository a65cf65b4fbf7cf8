/**
 * Invoicing's files as export channels (issue 17, point 6): PDFs, e-invoices and the SIE file, all from issued
 * invoices. The register is read here (the part the files need, `invoiceFilesSource`); the file is made in the task
 * runner's worker, like the accountant's workbook, so a run of thousands of pages never holds the thread that
 * answers the UI. Refusals (a draft, an unknown id, a buyer that takes no e-invoice) come back in Swedish.
 */
import type { ChannelHandlers } from '../../contract';
import type { InvoiceFileRequest } from '../exports/invoice-files';
import type { ExportedFile } from '../exports/export-file';
import type { HandlerContext } from './create-handlers';
import { jobControl } from './tasks';

type InvoicingFilesChannel = Extract<keyof ChannelHandlers, `invoicing/export-${string}`>;

const FILE_CANCELLED = 'Filen skapades inte: arbetet avbröts.';

export function createInvoicingFilesHandlers({ repo, ports, today, tasks }: HandlerContext): Pick<ChannelHandlers, InvoicingFilesChannel> {
  // The file makers (jsPDF among them) load on the first file asked for, not when the app starts.
  const make = async (request: InvoiceFileRequest): Promise<ExportedFile> => {
    const { invoiceFilesSource } = await import('../exports/invoice-files');
    const source = invoiceFilesSource(repo.get());
    return tasks.run(undefined, FILE_CANCELLED, (task) => ports.runner.run('invoice-file', { source, request }, jobControl(task)));
  };

  return {
    'invoicing/export-pdf': ({ invoiceId }) => make({ kind: 'invoice-pdf', invoiceId }),
    'invoicing/export-run-pdf': ({ runId }) => make({ kind: 'run-pdf', runId }),
    'invoicing/export-reminder-pdf': ({ invoiceId, date }) => make({ kind: 'reminder-pdf', invoiceId, date }),
    'invoicing/export-ubl': ({ invoiceId }) => make({ kind: 'invoice-ubl', invoiceId }),
    'invoicing/export-run-ubl': ({ runId }) => make({ kind: 'run-ubl', runId }),
    'invoicing/export-sie': ({ year }) => make({ kind: 'sie', year, programVersion: ports.app.version, generated: today() }),
  };
}
