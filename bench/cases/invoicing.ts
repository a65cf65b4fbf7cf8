/**
 * Invoicing at the demo register's size (issue 17, point 11), through the channels as the UI calls them:
 * - `invoice-draft`: drafting the demo year's run (`invoicing/run-draft`: the invoice basis, customer numbers, one
 *   draft per paying customer and VAT scope, written in one change), each sample on a new document state so that
 *   nothing remembered from the previous sample helps;
 * - `invoice-files`: with that run issued, the e-invoices of every invoice to a public body as one zip
 *   (`invoicing/export-run-ubl`) and the year's SIE file (`invoicing/export-sie`);
 * - `invoice-pdf`: the run's combined PDF (`invoicing/export-run-pdf`), measured and reported with its size.
 * No baselines: there is no plainer way to the same files. Few samples: the PDF of thousands of pages is slow.
 */
import { produce } from 'immer';
import type { BenchContext } from '../lib/context';
import { collectGarbage, measure } from '../lib/measure';
import { missing, timed, type BenchResult } from '../lib/results';
import { benchServices, dataOf, type BenchServices } from '../lib/services';
import { DEMO_AS_OF } from '../../tools/demo/demo-document';
import type { SambrukDocument } from '../../electron/core/store/schema';

const YEAR = Number(DEMO_AS_OF.slice(0, 4));
const CHANNELS = ['invoicing/run-draft', 'invoicing/issue', 'invoicing/export-run-ubl', 'invoicing/export-sie', 'invoicing/export-run-pdf'] as const;

type RunView = { id: string; invoices: unknown[] };
type File = { fileName: string; sizeBytes: number };

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export async function benchInvoicing(ctx: BenchContext): Promise<BenchResult[]> {
  const probe = benchServices(ctx.document);
  const absent = CHANNELS.find((c) => !probe.has(c));
  if (absent !== undefined) {
    const reason = `kanalen ${absent} finns inte i kärnan`;
    return [missing('invoice-draft', reason), missing('invoice-files', reason), missing('invoice-pdf', reason)];
  }
  const results: BenchResult[] = [];
  const scaled = Math.max(1, ctx.scale / 5);

  // ------------------------------------------------------------ drafting
  let doc: SambrukDocument = ctx.document;
  let services: BenchServices = probe;
  let edits = 0;
  const newState = () => {
    edits += 1;
    doc = produce(ctx.document, (draft) => {
      const org = draft.organisations[edits % Math.max(1, draft.organisations.length)];
      if (org) org.note = `Bänk ${edits}`;
    });
    services = benchServices(doc);
  };
  let drafted = 0;
  if (ctx.wants('invoice-draft')) {
    newState();
    collectGarbage();
    const samples = await measure(async () => {
      drafted = dataOf<RunView>(await services.call('invoicing/run-draft', { year: YEAR }), 'invoicing/run-draft').invoices.length;
    }, { budgetMs: 6_000 * scaled, maxSamples: 10, between: newState });
    results.push(timed('invoice-draft', samples, { note: `${samples.length} mätningar; ${ctx.document.organisations.length} organisationer, ${drafted} fakturautkast ${YEAR}` }));
  }

  if (!ctx.wants('invoice-files') && !ctx.wants('invoice-pdf')) return results;

  // ------------------------------------------------------------ the issued run (made once, untimed)
  const issuedServices = benchServices(ctx.document);
  const run = dataOf<RunView>(await issuedServices.call('invoicing/run-draft', { year: YEAR }), 'invoicing/run-draft');
  const issued = dataOf<{ issued: unknown[] }>(await issuedServices.call('invoicing/issue', { runId: run.id, date: `${YEAR}-02-01` }), 'invoicing/issue').issued.length;

  if (ctx.wants('invoice-files')) {
    let zip: File | undefined;
    let sie: File | undefined;
    collectGarbage();
    const samples = await measure(async () => {
      zip = dataOf<File>(await issuedServices.call('invoicing/export-run-ubl', { runId: run.id }), 'invoicing/export-run-ubl');
      sie = dataOf<File>(await issuedServices.call('invoicing/export-sie', { year: YEAR }), 'invoicing/export-sie');
    }, { budgetMs: 6_000 * scaled, maxSamples: 10 });
    results.push(
      timed('invoice-files', samples, {
        note: `${samples.length} mätningar; ${issued} utfärdade fakturor: e-fakturorna som zip (${mb(zip?.sizeBytes ?? 0)}) och SIE-filen (${mb(sie?.sizeBytes ?? 0)})`,
      }),
    );
  }

  if (ctx.wants('invoice-pdf')) {
    let pdf: File | undefined;
    collectGarbage();
    const samples = await measure(async () => {
      pdf = dataOf<File>(await issuedServices.call('invoicing/export-run-pdf', { runId: run.id }), 'invoicing/export-run-pdf');
    }, { warmup: 0, minSamples: 2, maxSamples: 3, budgetMs: 1 });
    results.push(timed('invoice-pdf', samples, { note: `${samples.length} mätningar; ${issued} fakturor i en PDF, ${mb(pdf?.sizeBytes ?? 0)}` }));
  }
  return results;
}
