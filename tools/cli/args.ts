/**
 * What the command-line tools share: their arguments, tokenised by `node:util` `parseArgs` and judged here with
 * Swedish messages; the answer to bad arguments or `--help`; and the entry that runs a tool when it is the script
 * given to Node. Tokens rather than strict mode, because strict mode throws English text that does not say
 * which argument was wrong.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseYear, REGISTER_YEARS_TEXT, systemClock } from '../../electron/contract/rules/calendar-date';

/** A long option: `--name <value>` / `--name=<value>` with an example for the message, or a plain switch. */
export type OptionSpec = { type: 'string'; example: string } | { type: 'boolean' };
type OptionSpecs = Readonly<Record<string, OptionSpec>>;
type OptionValues<S extends OptionSpecs> = { [K in keyof S]?: S[K] extends { type: 'string' } ? string : true };

export type ReadArgs<S extends OptionSpecs> = { ok: true; help: boolean; values: OptionValues<S> } | { ok: false; message: string };

/**
 * Reads argv against the options (`--help` and `-h` are always known). Refuses, with the first problem in
 * argv's order: an unknown argument or any positional, a value option without a value (or followed by another
 * `--option`), and a value option given twice. A switch given twice is harmless and allowed.
 */
export function readArgs<S extends OptionSpecs>(argv: readonly string[], specs: S): ReadArgs<S> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(specs)) options[name] = { type: spec.type };
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });

  const values: Record<string, string | true> = {};
  let help = false;
  for (const token of tokens) {
    const unknown = { ok: false as const, message: `Okänt argument: ${(argv[token.index] ?? '').slice(0, 80)}. Skriv --help för att se vilka val som finns.` };
    if (token.kind !== 'option') return unknown;
    if (token.name === 'help' && token.value === undefined) {
      help = true;
      continue;
    }
    const spec = Object.hasOwn(specs, token.name) && token.rawName === `--${token.name}` ? specs[token.name] : undefined;
    if (spec === undefined) return unknown;
    if (spec.type === 'boolean') {
      // `--demo=ja` is not a switch the tools know.
      if (token.value !== undefined) return unknown;
      values[token.name] = true;
      continue;
    }
    const { value } = token;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('--'))) {
      return { ok: false, message: `${token.rawName} behöver ett värde, till exempel ${spec.example}.` };
    }
    if (values[token.name] !== undefined) return { ok: false, message: `${token.rawName} anges två gånger.` };
    values[token.name] = value;
  }
  return { ok: true, help, values: values as OptionValues<S> };
}

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

/** Answers bad arguments with the reason and the usage on stderr (exit code 2), and `--help` with the usage (0). */
export function answerWithoutRunning(parsed: { ok: false; message: string } | { ok: true; help: true }, usage: string, io: CliIo): number {
  if (parsed.ok) {
    io.out(usage);
    return 0;
  }
  io.err(`Fel: ${parsed.message}`);
  io.err('');
  io.err(usage);
  return 2;
}

/**
 * Runs a tool with the process's arguments when its module is the script Node was started with (not when a test
 * imports it), and sets the exit code; an unexpected error still ends with a Swedish line and exit code 1.
 */
export function runWhenInvoked(moduleUrl: string, run: (argv: readonly string[], io: CliIo & { now: () => Date }) => Promise<number>): void {
  const script = process.argv[1];
  if (script === undefined || moduleUrl !== pathToFileURL(path.resolve(script)).href) return;
  run(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    now: systemClock,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Fel: Ett oväntat fel inträffade: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** The default register the tools read with `--demo`: the association's plan as shipped. */
export const DEMO_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/default-data.json');

type Refusal = { ok: false; message: string };

/** `--data <file>` or `--demo`, exactly one. */
export function registerChoice(values: { data?: string; demo?: true }): { ok: true; data?: string; demo: boolean } | Refusal {
  const { data } = values;
  const demo = values.demo === true;
  if (data !== undefined && demo) return { ok: false, message: 'Ange antingen --data <fil> eller --demo, inte båda.' };
  if (data === undefined && !demo) return { ok: false, message: 'Ange registerfilen med --data <fil>, eller --demo för standardregistret.' };
  return { ok: true, ...(data !== undefined ? { data } : {}), demo };
}

/** The register file a tool reads: the default data with `--demo`, else the `--data` file. */
export function registerPath(args: { data?: string; demo: boolean }): string {
  return args.demo ? DEMO_DATA : path.resolve(args.data ?? '');
}

/** `--year`: a year the register holds, digits only; `missing` says what the year is for when it is absent. */
export function yearChoice(text: string | undefined, missing: string): { ok: true; year: number } | Refusal {
  if (text === undefined) return { ok: false, message: missing };
  const year = text.trim() === text ? parseYear(text) : undefined;
  if (year === undefined) return { ok: false, message: `Året ska vara ett årtal ${REGISTER_YEARS_TEXT}, till exempel 2022 (fick ”${text.slice(0, 20)}”).` };
  return { ok: true, year };
}

/** A file's size for the tools' reports, in whole kilobytes (at least 1). */
export function kilobytes(bytes: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1000)));
}
