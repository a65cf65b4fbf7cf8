/**
 * The board pack (styrelserapport) from the command line, without the app:
 *
 *   npm run board-pack -- --data <registerfil.json> --date <ÅÅÅÅ-MM-DD> --out <mapp>
 *   npm run board-pack -- --demo --date 2022-06-30 --out styrelsepaket
 *
 * Writes `Styrelserapport <datum>.xlsx` and, where a Chromium is found, `Styrelserapport <datum>.pdf` into the
 * folder. The figures are computed here in Node by the core (`buildBoardPack`) from the register read exactly as
 * the app opens it (`readDocumentFile`, never written to). The PDF is Chromium's print of the app's own print
 * layout: the web entry is built (or `--web <mapp>` names a build, e.g. out/web from `npm run build:web`),
 * served on 127.0.0.1, and opened with playwright-core at `#/styrelserapport/utskrift?kalla=inbaddad`, the
 * computed pack handed to the page before it loads; then `page.pdf()` on A4.
 * Without a Chromium (or playwright-core, or a web build) only the workbook is written, and the run says so.
 *
 * Exit codes: 0 written; 1 the register could not be read or a file not made or written; 2 bad arguments.
 * Every message is Swedish and names what to do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../electron/contract/result';
import { buildBoardPack, type BoardPackContent } from '../../electron/core/domain/board-pack';
import { boardPackFileName, boardPackWorkbookBytes } from '../../electron/core/exports/board-pack-workbook';
import { DATE_YEARS, isCalendarDate } from '../../electron/contract/rules/calendar-date';
import { readRegisterForTool } from '../../electron/node/read-document-file';
import { describeFsError } from '../../electron/node/fs-error-text';
import { serveStatic } from '../lib/static-server';
import { answerWithoutRunning, kilobytes, readArgs, registerChoice, registerPath, runWhenInvoked, type CliIo } from './args';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const usage = [
  'Skriver styrelsepaketet (Excel och PDF) för ett styrelsemöte ur registret.',
  '',
  'Användning:',
  '  npm run board-pack -- --data <registerfil.json> --date <ÅÅÅÅ-MM-DD> --out <mapp>',
  '  npm run board-pack -- --demo --date <ÅÅÅÅ-MM-DD> --out <mapp>',
  '',
  'Val:',
  '  --data <fil>          registerfilen (JSON) att läsa; den ändras aldrig',
  '  --demo                använd standardregistret (verksamhetsplanen 2022) i stället för --data',
  '  --date <ÅÅÅÅ-MM-DD>   styrelsemötets datum; alla siffror räknas per den dagen',
  '  --out <mapp>          mappen där filerna sparas (skapas om den saknas; filer med samma namn skrivs över)',
  '  --tidigare-ar         ta med målen för året före mötesåret',
  '  --web <mapp>          en färdig webbversion av programmet (npm run build:web ger out/web); annars byggs den',
  '  --chromium <fil>      Chromium att skriva ut PDF:en med (annars CHROMIUM_PATH eller en vanlig sökväg)',
  '  --help                visa den här hjälpen',
].join('\n');

export type CliArgs = {
  data?: string;
  demo: boolean;
  date: string;
  out: string;
  includePreviousYear: boolean;
  web?: string;
  chromium?: string;
};
export type ParsedArgs = { ok: true; args: CliArgs } | { ok: true; help: true } | { ok: false; message: string };

const OPTIONS = {
  data: { type: 'string', example: '--data register.json' },
  date: { type: 'string', example: '--date 2022-06-30' },
  out: { type: 'string', example: '--out styrelsepaket' },
  web: { type: 'string', example: '--web out/web' },
  chromium: { type: 'string', example: '--chromium /usr/bin/chromium' },
  demo: { type: 'boolean' },
  'tidigare-ar': { type: 'boolean' },
} as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const read = readArgs(argv, OPTIONS);
  if (!read.ok) return read;
  if (read.help) return { ok: true, help: true };
  const { values } = read;
  const register = registerChoice(values);
  if (!register.ok) return register;
  const { data, demo } = register;

  const { date } = values;
  if (date === undefined) return { ok: false, message: 'Ange styrelsemötets datum med --date, till exempel --date 2022-06-30.' };
  if (!isCalendarDate(date)) {
    return {
      ok: false,
      message: `Datumet ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern mellan ${DATE_YEARS.first} och ${DATE_YEARS.last}, till exempel 2022-06-30 (fick ”${date.slice(0, 20)}”).`,
    };
  }

  const { out } = values;
  if (out === undefined) return { ok: false, message: 'Ange mappen där filerna ska sparas med --out <mapp>.' };

  const { web, chromium } = values;
  return {
    ok: true,
    args: {
      ...(data !== undefined ? { data } : {}),
      demo,
      date,
      out,
      includePreviousYear: values['tidigare-ar'] === true,
      ...(web !== undefined ? { web } : {}),
      ...(chromium !== undefined ? { chromium } : {}),
    },
  };
}

export type Io = CliIo & { now: () => Date; env?: NodeJS.ProcessEnv };

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The Chromium to print with: `--chromium`, else CHROMIUM_PATH, else the first usual path that exists. */
export function findChromium(explicit: string | undefined, env: NodeJS.ProcessEnv): { path?: string; tried: string } {
  if (explicit !== undefined) return fs.existsSync(explicit) ? { path: explicit, tried: explicit } : { tried: explicit };
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? { path: fromEnv, tried: fromEnv } : { tried: fromEnv };
  const found = CHROMIUM_CANDIDATES.find((candidate) => fs.existsSync(candidate));
  return found ? { path: found, tried: found } : { tried: CHROMIUM_CANDIDATES.slice(0, 4).join(', ') };
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

/**
 * The web entry to print from: `--web`, else a fresh production build (Vite, from this source tree) in a
 * temporary folder, else a prebuilt out/web. Undefined (with the reason) when there is none.
 */
async function webBuild(args: CliArgs, io: Io): Promise<{ dir: string; cleanup: () => void } | { reason: string }> {
  if (args.web !== undefined) {
    const dir = path.resolve(args.web);
    if (!fs.existsSync(path.join(dir, 'index.html'))) return { reason: `mappen ${dir} innehåller ingen webbversion (index.html saknas)` };
    return { dir, cleanup: () => undefined };
  }
  const config = path.join(projectRoot, 'vite.config.ts');
  if (fs.existsSync(config)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sambruk-styrelsepaket-'));
    const nodeEnv = process.env.NODE_ENV;
    // Vitest and some shells set NODE_ENV=test, which would bundle React's development build.
    process.env.NODE_ENV = 'production';
    try {
      const vite = await import('vite');
      io.out('Bygger webbversionen för utskriften…');
      await vite.build({ configFile: config, mode: 'web', logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
      return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      io.err(`Varning: Webbversionen kunde inte byggas (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }
  const prebuilt = path.join(projectRoot, 'out', 'web');
  if (fs.existsSync(path.join(prebuilt, 'index.html'))) return { dir: prebuilt, cleanup: () => undefined };
  return { reason: 'ingen webbversion finns att skriva ut från (kör npm run build:web, eller ange --web <mapp>)' };
}

/** Prints the pack with Chromium from the app's print layout; the PDF bytes, or why there are none. */
async function printPdf(content: BoardPackContent, args: CliArgs, io: Io): Promise<{ bytes: Uint8Array } | { reason: string }> {
  const chromium = findChromium(args.chromium, io.env ?? process.env);
  if (!chromium.path) return { reason: `ingen Chromium hittades (sökte ${chromium.tried}); installera chromium eller ange --chromium <fil> eller CHROMIUM_PATH` };
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return { reason: 'playwright-core är inte installerat' };
  }
  const build = await webBuild(args, io);
  if ('reason' in build) return build;
  const server = await serveStatic(build.dir);
  const browser = await playwright.chromium.launch({
    executablePath: chromium.path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript((pack) => {
      (window as unknown as { __SAMBRUK_BOARD_PACK__?: unknown }).__SAMBRUK_BOARD_PACK__ = pack;
    }, content);
    await page.goto(`${server.url}#/styrelserapport/utskrift?kalla=inbaddad`);
    try {
      await page.locator('[data-board-pack-ready="true"]').waitFor({ timeout: 60_000 });
    } catch {
      return { reason: `utskriften blev aldrig klar i webbläsaren${problems.length > 0 ? ` (${problems.join('; ').slice(0, 300)})` : ''}` };
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { bytes: new Uint8Array(pdf) };
  } finally {
    await browser.close();
    await server.close();
    build.cleanup();
  }
}

/** Runs the command; returns the exit code. */
export async function runBoardPack(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok || 'help' in parsed) return answerWithoutRunning(parsed, usage, io);
  const { args } = parsed;
  const source = registerPath(args);

  const document = await readRegisterForTool(source, io.err);
  if (!document) return 1;

  let content: BoardPackContent;
  try {
    content = buildBoardPack(document, args.date, { generatedAt: io.now().toISOString(), includePreviousYear: args.includePreviousYear });
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`Fel: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const outDir = path.resolve(args.out);
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (error) {
    io.err(`Fel: Mappen ${outDir} kunde inte skapas: ${describeFsError(error)}.`);
    return 1;
  }

  const xlsx = path.join(outDir, boardPackFileName(args.date, 'xlsx'));
  try {
    const bytes = await boardPackWorkbookBytes(content, { created: io.now() });
    writeAtomically(xlsx, bytes);
    io.out(`Skrev ${xlsx} (${kilobytes(bytes.length)} kB): ${content.goals.length} mål per ${args.date}.`);
  } catch (error) {
    io.err(`Fel: Excel-filen kunde inte sparas som ${xlsx}: ${describeFsError(error)}.`);
    return 1;
  }

  const pdf = await printPdf(content, args, io);
  if ('reason' in pdf) {
    io.out(`Ingen PDF skrevs: ${pdf.reason}. Excel-filen innehåller samma siffror.`);
    return 0;
  }
  const pdfPath = path.join(outDir, boardPackFileName(args.date, 'pdf'));
  try {
    writeAtomically(pdfPath, pdf.bytes);
  } catch (error) {
    io.err(`Fel: PDF-filen kunde inte sparas som ${pdfPath}: ${describeFsError(error)}.`);
    return 1;
  }
  io.out(`Skrev ${pdfPath} (${kilobytes(pdf.bytes.length)} kB).`);
  return 0;
}

runWhenInvoked(import.meta.url, runBoardPack);
