/**
 * The accountant's workbook from the command line, without the app:
 *
 *   npm run export -- --data <registerfil.json> --year <år> --out <fil.xlsx> [--personuppgifter]
 *   npm run export -- --demo --year 2022 --out ekonomiunderlag.xlsx
 *
 * `--demo` uses the shipped default register (the 2022 plan). The file is read and validated exactly as the app
 * opens it (`readDocumentFile`: strict UTF-8, parse, migrate, validate) and never written to; the workbook is the same bytes
 * the app's «Exportera ekonomiunderlag» gives (`accountantWorkbookFile`). The output is written to a temporary
 * file beside the target and renamed into place, so a failed run never leaves half a workbook.
 *
 * Exit codes: 0 written; 1 the register could not be read or the workbook not made or written; 2 bad arguments.
 * Every message is Swedish and names what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../electron/contract/result';
import { accountantWorkbookTitle, accountantWorkbookFile } from '../../electron/core/exports/accountant-workbook';
import { decodeBase64 } from '../../electron/core/exports/base64';
import { readRegisterForTool } from '../../electron/node/read-document-file';
import { describeFsError } from '../../electron/node/fs-error-text';
import { answerWithoutRunning, kilobytes, readArgs, registerChoice, registerPath, runWhenInvoked, yearChoice, type CliIo } from './args';


export const usage = [
  'Skriver ekonomiunderlaget (Excel) för ett år ur registret.',
  '',
  'Användning:',
  '  npm run export -- --data <registerfil.json> --year <år> --out <fil.xlsx>',
  '  npm run export -- --demo --year <år> --out <fil.xlsx>',
  '',
  'Val:',
  '  --data <fil>         registerfilen (JSON) att läsa; den ändras aldrig',
  '  --demo               använd standardregistret (verksamhetsplanen 2022) i stället för --data',
  '  --year <år>          året som underlaget gäller, till exempel 2022',
  '  --out <fil.xlsx>     var arbetsboken ska sparas (skrivs över om den finns)',
  '  --personuppgifter    ta med personers namn och e-post på bladet Nätverk',
  '  --help               visa den här hjälpen',
].join('\n');

export type CliArgs = { data?: string; demo: boolean; year: number; out: string; includePersonalDetails: boolean };
export type ParsedArgs = { ok: true; args: CliArgs } | { ok: true; help: true } | { ok: false; message: string };

const OPTIONS = {
  data: { type: 'string', example: '--data register.json' },
  year: { type: 'string', example: '--year 2022' },
  out: { type: 'string', example: '--out ekonomiunderlag.xlsx' },
  demo: { type: 'boolean' },
  personuppgifter: { type: 'boolean' },
} as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const read = readArgs(argv, OPTIONS);
  if (!read.ok) return read;
  if (read.help) return { ok: true, help: true };
  const { values } = read;
  const register = registerChoice(values);
  if (!register.ok) return register;
  const { data, demo } = register;

  const chosenYear = yearChoice(values.year, 'Ange året med --year, till exempel --year 2022.');
  if (!chosenYear.ok) return chosenYear;
  const { year } = chosenYear;

  const { out } = values;
  if (out === undefined) return { ok: false, message: 'Ange var arbetsboken ska sparas med --out <fil.xlsx>.' };
  if (!/\.xlsx$/i.test(out)) return { ok: false, message: `Filen som skrivs ska sluta på .xlsx (fick ”${path.basename(out).slice(0, 80)}”).` };

  return { ok: true, args: { ...(data !== undefined ? { data } : {}), demo, year, out, includePersonalDetails: values.personuppgifter === true } };
}

export type Io = CliIo & { now: () => Date };

/** Runs the command; returns the exit code. */
export async function runExport(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok || 'help' in parsed) return answerWithoutRunning(parsed, usage, io);
  const { args } = parsed;
  const source = registerPath(args);

  const document = await readRegisterForTool(source, io.err);
  if (!document) return 1;

  let file;
  try {
    file = await accountantWorkbookFile(document, { year: args.year, includePersonalDetails: args.includePersonalDetails, now: io.now() });
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`Fel: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const target = path.resolve(args.out);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const bytes = decodeBase64(file.bytesBase64);
    if (!bytes) throw new Error('base64');
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    io.err(`Fel: Arbetsboken kunde inte sparas som ${target}: ${describeFsError(error)}.`);
    return 1;
  }
  io.out(`Skrev ${accountantWorkbookTitle(args.year)} till ${target} (${kilobytes(file.sizeBytes)} kB)${args.includePersonalDetails ? ', med personuppgifter' : ''}.`);
  return 0;
}

runWhenInvoked(import.meta.url, runExport);
