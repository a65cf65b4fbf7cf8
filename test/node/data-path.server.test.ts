import { describe, expect, it } from 'vitest';
import { resolveServer } from '../../electron/node/data-path';

describe('resolveServer', () => {
  it('is undefined (the file) unless --server or SAMBRUK_KANSLI_SERVER names one', () => {
    expect(resolveServer({ argv: ['app', '.'], env: {} })).toBeUndefined();
    expect(resolveServer({ argv: [], env: { SAMBRUK_KANSLI_SERVER: '  ' } })).toBeUndefined();
    expect(resolveServer({ argv: [], env: { SAMBRUK_KANSLI_SERVER: 'postgres://a@s/k' } })).toBe('postgres://a@s/k');
  });

  it('takes --server <url> and --server=<url> over the environment, the last one given, none after --', () => {
    const env = { SAMBRUK_KANSLI_SERVER: 'postgres://env@s/k' };
    expect(resolveServer({ argv: ['app', '--server', 'postgres://a@s/k'], env })).toBe('postgres://a@s/k');
    expect(resolveServer({ argv: ['--server=postgres://a@s/k', '--server', 'postgres://b@s/k'], env })).toBe('postgres://b@s/k');
    expect(resolveServer({ argv: ['--', '--server', 'postgres://a@s/k'], env: {} })).toBeUndefined();
  });

  it('refuses --server without an address, in Swedish', () => {
    expect(() => resolveServer({ argv: ['--server'], env: {} })).toThrow('Flaggan --server måste följas av serverns adress');
    expect(() => resolveServer({ argv: ['--server', '--data'], env: {} })).toThrow('Flaggan --server måste följas av serverns adress');
    expect(() => resolveServer({ argv: ['--server='], env: {} })).toThrow('Flaggan --server= måste följas av serverns adress');
  });
});
