import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { resolveDataFile } from '../../electron/node/data-path';

const cwd = path.resolve('/home/kansli/arbete');
const defaultDir = path.resolve('/home/kansli/.config/Sambruk Kansli');
const resolve = (argv: string[], env: Record<string, string | undefined> = {}) =>
  resolveDataFile({ argv, env, defaultDir, cwd });

describe('resolveDataFile', () => {
  it('defaults to sambruk-kansli.json in the default folder', () => {
    expect(resolve(['/usr/bin/electron', '.'])).toBe(path.join(defaultDir, 'sambruk-kansli.json'));
  });

  it('takes the environment variable over the default, resolving a relative path against cwd', () => {
    expect(resolve([], { SAMBRUK_KANSLI_DATA: '/data/register.json' })).toBe(path.resolve('/data/register.json'));
    expect(resolve([], { SAMBRUK_KANSLI_DATA: 'delad/register.json' })).toBe(path.join(cwd, 'delad/register.json'));
    expect(resolve([], { SAMBRUK_KANSLI_DATA: '  ' })).toBe(path.join(defaultDir, 'sambruk-kansli.json'));
  });

  it('takes --data <file> and --data=<file> over the environment', () => {
    const env = { SAMBRUK_KANSLI_DATA: '/from/env.json' };
    expect(resolve(['app', '--data', '/x/a.json'], env)).toBe(path.resolve('/x/a.json'));
    expect(resolve(['app', '--data=/x/b.json'], env)).toBe(path.resolve('/x/b.json'));
    expect(resolve(['app', '--data=rel/c.json'], env)).toBe(path.join(cwd, 'rel/c.json'));
    expect(resolve(['app', '--data', 'd.json', '--verbose'], env)).toBe(path.join(cwd, 'd.json'));
  });

  it('uses the last --data when several are given, and ignores look-alike flags and arguments after --', () => {
    expect(resolve(['--data', 'a.json', '--data=b.json'])).toBe(path.join(cwd, 'b.json'));
    expect(resolve(['--database=x.json', '--data-dir', 'y'])).toBe(path.join(defaultDir, 'sambruk-kansli.json'));
    expect(resolve(['--', '--data', 'z.json'])).toBe(path.join(defaultDir, 'sambruk-kansli.json'));
  });

  it('keeps spaces and non-ASCII letters in the path', () => {
    expect(resolve(['--data', 'Mina filer/Förening Ö.json'])).toBe(path.join(cwd, 'Mina filer/Förening Ö.json'));
  });

  it('refuses a --data without a file name rather than opening the default register', () => {
    expect(() => resolve(['--data'])).toThrow(/--data/);
    expect(() => resolve(['--data='])).toThrow(/--data/);
    expect(() => resolve(['--data', '--verbose'])).toThrow(/sökvägen/);
  });

  it("uses the process's working directory when no cwd is given", () => {
    expect(resolveDataFile({ argv: ['--data', 'q.json'], env: {}, defaultDir })).toBe(path.resolve(process.cwd(), 'q.json'));
  });
});
