import path from 'node:path';

export const DATA_ENV = 'SAMBRUK_KANSLI_DATA';
export const DEFAULT_DATA_FILE_NAME = 'sambruk-kansli.json';

/**
 * Which register file to open: `--data <file>` or `--data=<file>` (the last one given wins), then the
 * environment variable SAMBRUK_KANSLI_DATA, else `<defaultDir>/sambruk-kansli.json`. Relative paths are
 * resolved against `cwd` (the process's working directory by default).
 *
 * A `--data` without a file name is an error rather than a silent fallback: opening the default register
 * when the user named another would have them edit the wrong file.
 */
export function resolveDataFile(options: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  defaultDir: string;
  cwd?: string;
}): string {
  const cwd = options.cwd ?? process.cwd();
  let fromArgv: string | undefined;
  const { argv } = options;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--data') {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new Error('Flaggan --data måste följas av sökvägen till en registerfil.');
      }
      fromArgv = next;
      i += 1;
    } else if (arg.startsWith('--data=')) {
      const value = arg.slice('--data='.length);
      if (value === '') throw new Error('Flaggan --data= måste följas av sökvägen till en registerfil.');
      fromArgv = value;
    }
  }
  if (fromArgv !== undefined) return path.resolve(cwd, fromArgv);
  const fromEnv = options.env[DATA_ENV]?.trim();
  if (fromEnv) return path.resolve(cwd, fromEnv);
  return path.resolve(cwd, options.defaultDir, DEFAULT_DATA_FILE_NAME);
}

export const SERVER_ENV = 'SAMBRUK_KANSLI_SERVER';

/**
 * The shared register's server, when one is to be opened instead of the file: `--server <postgres-url>` (or
 * `--server=<url>`), then SAMBRUK_KANSLI_SERVER. Undefined means the file. The password belongs in PGPASSWORD
 * or ~/.pgpass, never here.
 */
export function resolveServer(options: { argv: readonly string[]; env: Readonly<Record<string, string | undefined>> }): string | undefined {
  let found: string | undefined;
  const { argv } = options;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--server') {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('--')) throw new Error('Flaggan --server måste följas av serverns adress, till exempel postgres://anna@server/kansli.');
      found = next;
      i += 1;
    } else if (arg.startsWith('--server=')) {
      const value = arg.slice('--server='.length);
      if (value === '') throw new Error('Flaggan --server= måste följas av serverns adress, till exempel postgres://anna@server/kansli.');
      found = value;
    }
  }
  return found ?? (options.env[SERVER_ENV]?.trim() || undefined);
}
