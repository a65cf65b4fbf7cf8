/**
 * A year's invoicing from the command line, without the app (issue 17, point 9):
 *
 *   npm run invoices -- --data <registerfil.json> --year <år> --out <mapp> [--date <ÅÅÅÅ-MM-DD>]
 *   npm run invoices -- --demo --year 2022 --out fakturor
 *
 * The register is read exactly as the app opens it (`readRegisterForTool`) and never written to. In memory, through
 * the core's own channels, the year's invoice run is drafted from the invoice basis and issued on `--date` (default
 * 1 February of the year: the membership fees are invoiced early in the year), with numbers, OCR references and
 * voucher numbers from the register's series. The folder then gets `Faktura <nr>.pdf` for every invoice,
 * `Fakturakörning <år>.pdf` with all of them, `e-faktura/<nr>.xml` (Peppol BIS Billing 3.0) for every invoice to a
 * public body with an e-invoice address, and `Bokföring <år>.se` (SIE 4I) with a voucher per invoice. Each file is
 * written to a temporary file beside it and renamed into place, so a failed run leaves no half file.
 *
 * Exit codes: 0 everything written; 1 the register could not be read, there was nothing to invoice, issuing was
 * refused, or a file could not be made or written (the others are still written); 2 bad arguments.
 * Every message is Swedish and names what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelInput, ChannelOutput, Result } from '../../electron/contract';
import { AppError } from '../../electron/contract/result';
import { dateAt, isCalendarDate, swedishMorningOf, yearOf } from '../../electron/contract/rules/calendar-date';
import { formatOre } from '../../electron/core/domain/amounts';
import { countOf } from '../../electron/core/domain/swedish';
import { createHandlers } from '../../electron/core/handlers/create-handlers';
import { dispatch } from '../../electron/core/handlers/dispatch';
import { decodeBase64 } from '../../electron/core/exports/base64';
import { eInvoiceXml, invoiceFilesSource, invoicePdfBytes, isEInvoice, runPdfBytes, sieYearFile } from '../../electron/core/exports/invoice-files';
import { safeFileName } from '../../electron/core/exports/export-file';
import { createInProcessRunner } from '../../electron/core/jobs/in-process-runner';
import type { SambrukDocument } from '../../electron/core/store/schema';
import { readRegisterForTool } from '../../electron/node/read-document-file';
import { describeFsError } from '../../electron/node/fs-error-text';
import { answerWithoutRunning, kilobytes, readArgs, registerChoice, registerPath, runWhenInvoked, yearChoice, type CliIo } from './args';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder inside `--out` that holds the e-invoices. */
export const E_INVOICE_DIR = 'e-faktura';

export const usage = [
  'Fakturerar ett år ur registret: utfärdar årets fakturor (bara i minnet) och skriver dem som PDF,',
  'e-fakturor (Peppol) och en SIE-fil för bokföringen. Registret ändras aldrig.',
  '',
  'Användning:',
  '  npm run invoices -- --data <registerfil.json> --year <år> --out <mapp> [--date <ÅÅÅÅ-MM-DD>]',
  '  npm run invoices -- --demo --year <år> --out <mapp>',
  '',
  'Val:',
  '  --data <fil>          registerfilen (JSON) att läsa; den ändras aldrig',
  '  --demo                använd standardregistret (verksamhetsplanen 2022, med exempeluppgifter) i stället för --data',
  '  --year <år>           året som faktureras, till exempel 2022',
  '  --date <ÅÅÅÅ-MM-DD>   fakturadatum, inom året (annars den 1 februari det året)',
  '  --out <mapp>          mappen där filerna sparas (skapas om den saknas; filer med samma namn skrivs över)',
  '  --help                visa den här hjälpen',
  '',
  'Filer: Faktura <nr>.pdf per faktura, Fakturakörning <år>.pdf, e-faktura/<nr>.xml för varje faktura',
  'till en offentlig köpare (kommun, region, kommunalförbund, gemensam nämnd) och Bokföring <år>.se (SIE 4I).',
].join('\n');

export type CliArgs = { data?: string; demo: boolean; year: number; date: string; out: string };
export type ParsedArgs = { ok: true; args: CliArgs } | { ok: true; help: true } | { ok: false; message: string };

const OPTIONS = {
  data: { type: 'string', example: '--data register.json' },
  year: { type: 'string', example: '--year 2022' },
  date: { type: 'string', example: '--date 2022-02-01' },
  out: { type: 'string', example: '--out fakturor' },
  demo: { type: 'boolean' },
} as const;

/** The issue date when `--date` is not given: 1 February of the year. */
export function defaultIssueDate(year: number): string {
  return `${year}-02-01`;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const read = readArgs(argv, OPTIONS);
  if (!read.ok) return read;
  if (read.help) return { ok: true, help: true };
  const { values } = read;
  const register = registerChoice(values);
  if (!register.ok) return register;
  const { data, demo } = register;

  const chosenYear = yearChoice(values.year, 'Ange året som ska faktureras med --year, till exempel --year 2022.');
  if (!chosenYear.ok) return chosenYear;
  const { year } = chosenYear;

  const date = values.date ?? defaultIssueDate(year);
  if (!isCalendarDate(date)) return { ok: false, message: `Fakturadatumet ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern, till exempel ${defaultIssueDate(year)} (fick ”${date.slice(0, 20)}”).` };
  // The SIE file books the year's events: an invoice dated in another year would not be in it.
  if (yearOf(date) !== year) return { ok: false, message: `Fakturadatumet ${date} ligger inte i ${year}. Välj ett datum under året som faktureras.` };

  const { out } = values;
  if (out === undefined) return { ok: false, message: 'Ange mappen där filerna ska sparas med --out <mapp>.' };
  return { ok: true, args: { ...(data !== undefined ? { data } : {}), demo, year, date, out } };
}

export type Io = CliIo & { now: () => Date };

/** The app's version, for the SIE file's `#PROGRAM`. */
function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'okänd';
  } catch {
    return 'okänd';
  }
}

/** Writes bytes through a temporary file beside the target, so a failed run never leaves half a file. */
function writeAtomically(target: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** The core's channels over the register in memory: the run is drafted and issued as the app would, never saved. */
function inMemoryCore(document: SambrukDocument, source: string, issueDate: string) {
  let n = 0;
  const { handlers, repo } = createHandlers({
    // Timestamps (the run's, the issue's) at the issue date's Swedish morning: the same input gives the same files.
    clock: () => swedishMorningOf(issueDate),
    ids: () => `cli-${++n}`,
    document: {
      save: async () => undefined,
      listBackups: async () => [],
      readBackup: async () => {
        throw new AppError('not-found', 'Kommandot läser inga säkerhetskopior.');
      },
    },
    initial: document,
    loadReport: { outcome: 'opened', messages: [] },
    app: { version: appVersion(), mode: 'web', dataFile: source, backupDir: '' },
    runner: createInProcessRunner(),
  });
  const call = async <C extends 'invoicing/run-draft' | 'invoicing/issue'>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = (await dispatch(handlers, channel, input)) as Result<ChannelOutput<C>>;
    if (!result.ok) throw new AppError('validation', result.error.message);
    return result.data;
  };
  return { repo, call };
}

/** Runs the command; returns the exit code. */
export async function runInvoices(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok || 'help' in parsed) return answerWithoutRunning(parsed, usage, io);
  const { args } = parsed;
  const source = registerPath(args);

  const document = await readRegisterForTool(source, io.err);
  if (!document) return 1;

  const core = inMemoryCore(document, source, args.date);
  let run: ChannelOutput<'invoicing/run-draft'>;
  let issued: ChannelOutput<'invoicing/issue'>['issued'];
  try {
    run = await core.call('invoicing/run-draft', { year: args.year });
    issued = (await core.call('invoicing/issue', { runId: run.id, date: args.date })).issued;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`Fel: ${error.message}`);
      io.err('Inga filer skrevs.');
      return 1;
    }
    throw error;
  }

  const outDir = path.resolve(args.out);
  const eDir = path.join(outDir, E_INVOICE_DIR);
  try {
    fs.mkdirSync(eDir, { recursive: true });
  } catch (error) {
    io.err(`Fel: Mappen ${eDir} kunde inte skapas: ${describeFsError(error)}.`);
    return 1;
  }

  const doc = core.repo.get();
  const files = invoiceFilesSource(doc);
  const ofRun = files.invoices.filter((i) => i.runId === run.id && i.status === 'issued');
  const numbers = ofRun.map((i) => i.number ?? '');
  const totalOre = issued.reduce((sum, i) => sum + i.totalOre, 0);
  io.out(
    `${run.title}: ${countOf(issued.length, { one: 'faktura', other: 'fakturor' })} utfärdade ${args.date} (nummer ${numbers[0] ?? ''}–${numbers.at(-1) ?? ''}), ` +
      `totalt ${formatOre(totalOre, { unit: true })} varav moms ${formatOre(issued.reduce((sum, i) => sum + i.vatOre, 0), { unit: true })}.`,
  );

  const problems: string[] = [];
  const write = (target: string, bytes: Uint8Array | (() => Uint8Array), what: string): number => {
    try {
      const data = typeof bytes === 'function' ? bytes() : bytes;
      writeAtomically(target, data);
      return data.length;
    } catch (error) {
      problems.push(error instanceof AppError ? `${what}: ${error.message}` : `${what} kunde inte sparas som ${target}: ${describeFsError(error)}.`);
      return -1;
    }
  };

  let pdfs = 0;
  for (const invoice of ofRun) {
    const name = safeFileName(`Faktura ${invoice.number ?? invoice.id}`, 'pdf');
    if (write(path.join(outDir, name), () => invoicePdfBytes(files, invoice), name) >= 0) pdfs += 1;
  }
  const runName = safeFileName(`Fakturakörning ${args.year}`, 'pdf');
  const runSize = write(path.join(outDir, runName), () => runPdfBytes(files, run.id).bytes, runName);

  let eInvoices = 0;
  const withoutEInvoice = ofRun.filter((i) => !isEInvoice(files, i)).length;
  for (const invoice of ofRun.filter((i) => isEInvoice(files, i))) {
    const name = safeFileName(invoice.number ?? invoice.id, 'xml');
    if (write(path.join(eDir, name), () => new TextEncoder().encode(eInvoiceXml(files, invoice)), `${E_INVOICE_DIR}/${name}`) >= 0) eInvoices += 1;
  }

  const sieName = safeFileName(`Bokföring ${args.year}`, 'se');
  let vouchers = 0;
  const sieSize = write(
    path.join(outDir, sieName),
    () => {
      const file = sieYearFile(files, { year: args.year, programVersion: appVersion(), generated: dateAt(io.now()) });
      const bytes = decodeBase64(file.bytesBase64) ?? new Uint8Array();
      vouchers = (Buffer.from(bytes).toString('latin1').match(/^#VER /gmu) ?? []).length;
      return bytes;
    },
    sieName,
  );

  io.out(`Skrev i ${outDir}:`);
  io.out(`  ${countOf(pdfs, { one: 'faktura', other: 'fakturor' })} som PDF (Faktura <nr>.pdf)`);
  if (runSize >= 0) io.out(`  ${runName} med alla ${countOf(ofRun.length, { one: 'faktura', other: 'fakturor' })} (${kilobytes(runSize)} kB)`);
  io.out(
    `  ${countOf(eInvoices, { one: 'e-faktura', other: 'e-fakturor' })} (Peppol BIS Billing 3.0) i ${E_INVOICE_DIR}/` +
      (withoutEInvoice > 0 ? `; ${countOf(withoutEInvoice, { one: 'faktura', other: 'fakturor' })} till köpare utan e-fakturaadress skickas som PDF` : ''),
  );
  if (sieSize >= 0) io.out(`  ${sieName} (SIE 4I, ${countOf(vouchers, { one: 'verifikation', other: 'verifikationer' })})`);

  const customers = new Set(ofRun.map((i) => i.organisationId));
  const exampleCustomers = doc.invoicing.billing.filter((b) => b.example && customers.has(b.organisationId)).length;
  if (files.settings.example || exampleCustomers > 0) {
    const whose = [files.settings.example ? 'föreningens uppgifter' : '', exampleCustomers > 0 ? `${countOf(exampleCustomers, { one: 'kunds', other: 'kunders' })} faktureringsuppgifter` : '']
      .filter((t) => t !== '')
      .join(' och ');
    io.out(`Obs: ${whose.charAt(0).toUpperCase()}${whose.slice(1)} är exempel (påhittade, inga riktiga bankuppgifter). Fakturorna är märkta som exempel och ska inte skickas.`);
  }
  // The run's checks speak of issuing; here the invoices are issued already, and what remains is not to send them.
  for (const check of run.checks ?? []) io.out(`Att kontrollera: ${check.replace(/ Kontrollera beloppet innan fakturan utfärdas\.$/u, ' Kontrollera beloppet innan fakturan skickas.')}`);
  if (run.roundingNote !== undefined) io.out(run.roundingNote);

  if (problems.length > 0) {
    for (const problem of problems) io.err(`Fel: ${problem}`);
    io.err(`${countOf(problems.length, { one: 'fil', other: 'filer' })} kunde inte skapas; de andra skrevs.`);
    return 1;
  }
  return 0;
}

runWhenInvoked(import.meta.url, runInvoices);
