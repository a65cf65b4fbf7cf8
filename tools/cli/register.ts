/**
 * Moving a register between the JSON file and the shared PostgreSQL register:
 *
 *   npm run register -- push --data <registerfil.json> --to <postgres-url>
 *   npm run register -- pull --from <postgres-url> --out <registerfil.json>
 *
 * `push` reads and validates the file as the app opens it, creates the schema and roles (register.sql) when
 * the database lacks any of the register's tables, and loads the register in one transaction into a database whose register is empty;
 * it then reads the register back and checks that it serialises to the same text. `pull` reads the database in
 * one snapshot, validates it as a file is validated, and writes it durably as a JSON register. Push then pull
 * gives the same bytes (the canonical serialisation, `serialiseDocument`).
 *
 * Exit codes: 0 done; 1 the register could not be read, written or checked; 2 bad arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { AppError } from '../../electron/contract/result';
import { serialiseDocument } from '../../electron/core/store/parse-document';
import { readRegisterForTool } from '../../electron/node/read-document-file';
import { nodeStoreFs, writeFileDurably } from '../../electron/node/durable-json-file';
import { describeFsError } from '../../electron/node/fs-error-text';
import { connectClient, missingRegisterTables, readRegister, withoutPassword, writeWholeRegister } from '../../electron/node/postgres/pg-register';
import { answerWithoutRunning, readArgs, runWhenInvoked, type CliIo } from './args';

export const REGISTER_SQL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../electron/node/postgres/register.sql');

export const usage = [
  'Flyttar registret mellan en registerfil (JSON) och det delade registret på en PostgreSQL-server.',
  '',
  'Användning:',
  '  npm run register -- push --data <registerfil.json> --to <postgres-url>',
  '  npm run register -- pull --from <postgres-url> --out <registerfil.json>',
  '',
  'Val:',
  '  push                 fyller en tom databas med registret i filen (skapar schema och roller vid behov)',
  '  pull                 skriver registret i databasen till en registerfil',
  '  --data <fil>         registerfilen att läsa (push); den ändras aldrig',
  '  --to <url>           databasen att fylla (push), till exempel postgres://admin@server/kansli',
  '  --from <url>         databasen att läsa (pull)',
  '  --out <fil>          registerfilen att skriva (pull; skrivs över om den finns)',
  '  --help               visa den här hjälpen',
  '',
  'Lösenordet läses från PGPASSWORD eller ~/.pgpass; skriv det inte i adressen.',
].join('\n');

const OPTIONS = {
  data: { type: 'string', example: '--data register.json' },
  to: { type: 'string', example: '--to postgres://admin@server/kansli' },
  from: { type: 'string', example: '--from postgres://admin@server/kansli' },
  out: { type: 'string', example: '--out register.json' },
} as const;

export type RegisterArgs = { command: 'push'; data: string; to: string } | { command: 'pull'; from: string; out: string };
type Parsed = { ok: true; args: RegisterArgs } | { ok: true; help: true } | { ok: false; message: string };

export function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return { ok: true, help: true };
  if (command !== 'push' && command !== 'pull') return { ok: false, message: 'Börja med push eller pull.' };
  const read = readArgs(rest, OPTIONS);
  if (!read.ok) return read;
  if (read.help) return { ok: true, help: true };
  const { data, to, from, out } = read.values;
  if (command === 'push') {
    if (from !== undefined || out !== undefined) return { ok: false, message: 'push tar --data och --to (inte --from eller --out).' };
    if (data === undefined) return { ok: false, message: 'Ange registerfilen med --data <fil>.' };
    if (to === undefined) return { ok: false, message: 'Ange databasen med --to <postgres-url>.' };
    return { ok: true, args: { command, data, to } };
  }
  if (data !== undefined || to !== undefined) return { ok: false, message: 'pull tar --from och --out (inte --data eller --to).' };
  if (from === undefined) return { ok: false, message: 'Ange databasen med --from <postgres-url>.' };
  if (out === undefined) return { ok: false, message: 'Ange registerfilen att skriva med --out <fil>.' };
  return { ok: true, args: { command, from, out } };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectClient(url);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function push(args: Extract<RegisterArgs, { command: 'push' }>, io: CliIo): Promise<number> {
  const source = path.resolve(args.data);
  const document = await readRegisterForTool(source, io.err);
  if (!document) return 1;
  const text = serialiseDocument(document);
  return withClient(args.to, async (client) => {
    // A database without the register, or set up by an earlier version: register.sql adds what is missing.
    if ((await missingRegisterTables(client)).length > 0) await client.query(fs.readFileSync(REGISTER_SQL, 'utf8'));
    await client.query('BEGIN');
    try {
      // Locks out a second push (and every change) until this one is in.
      await client.query('LOCK TABLE kansli.register IN EXCLUSIVE MODE');
      const present = await client.query('SELECT 1 FROM kansli.register');
      if (present.rowCount !== 0) throw new AppError('conflict', 'Databasen har redan ett register. push fyller bara en tom databas; hämta det som finns med pull.');
      await writeWholeRegister(client, document);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const back = await readRegister(client);
    if (serialiseDocument(back.document) !== text) {
      io.err('Fel: Registret i databasen blev inte detsamma som filen. Töm databasen och försök igen.');
      return 1;
    }
    io.out(`Fyllde ${withoutPassword(args.to)} med registret i ${source} (revision ${document.meta.revision}).`);
    return 0;
  });
}

async function pull(args: Extract<RegisterArgs, { command: 'pull' }>, io: CliIo): Promise<number> {
  const { document } = await withClient(args.from, (client) => readRegister(client));
  const target = path.resolve(args.out);
  try {
    await writeFileDurably(nodeStoreFs, target, Buffer.from(serialiseDocument(document), 'utf8'));
  } catch (error) {
    io.err(`Fel: Registerfilen kunde inte sparas som ${target}: ${describeFsError(error)}.`);
    return 1;
  }
  io.out(`Skrev registret i ${withoutPassword(args.from)} (revision ${document.meta.revision}) till ${target}.`);
  return 0;
}

/** Runs the command; returns the exit code. */
export async function runRegister(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok || 'help' in parsed) return answerWithoutRunning(parsed, usage, io);
  try {
    return parsed.args.command === 'push' ? await push(parsed.args, io) : await pull(parsed.args, io);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.err(`Fel: ${error.message}`);
    return 1;
  }
}

runWhenInvoked(import.meta.url, runRegister);
