/**
 * What the command-line tools share: their arguments, tokenised by `node:util` `parseArgs` and judged here with
 * Swedish messages; the answer to bad arguments or `--help`; and the entry that runs a tool when it is the script
 * given to Node. Tokens rather than strict mode, because strict mode throws English text that does not say
 * which argument was wrong.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock } from '../../electron/contract/rules/calendar-date';

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
