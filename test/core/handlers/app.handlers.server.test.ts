/**
 * The Data screen's «Delat register» setting: which server the desktop app opens at the next start, never with
 * a password; the web build has no server to choose.
 */
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';

function withSetting() {
  let saved = '';
  const { call } = createTestServices({
    serverSetting: {
      get: () => saved,
      set: async (server) => {
        saved = server;
      },
    },
  });
  return { call, saved: () => saved };
}

describe('data/get-server and data/set-server', () => {
  it('remembers a server address and forgets it again with an empty one', async () => {
    const { call, saved } = withSetting();
    expect(await call('data/get-server', {})).toEqual({ ok: true, data: { server: '' } });
    expect(await call('data/set-server', { server: ' postgres://anna@server/kansli?sslmode=verify-full ' })).toEqual({ ok: true, data: { server: 'postgres://anna@server/kansli?sslmode=verify-full' } });
    expect(saved()).toBe('postgres://anna@server/kansli?sslmode=verify-full');
    expect(await call('data/get-server', {})).toEqual({ ok: true, data: { server: 'postgres://anna@server/kansli?sslmode=verify-full' } });
    expect(await call('data/set-server', { server: '' })).toEqual({ ok: true, data: { server: '' } });
    expect(saved()).toBe('');
  });

  it('refuses a password in the address, and addresses that are not postgres:// with user and server, saving nothing', async () => {
    const { call, saved } = withSetting();
    for (const [server, fieldMessage] of [
      ['postgres://anna:hemligt@server/kansli', 'Skriv inte lösenordet i adressen; ange det i PGPASSWORD eller .pgpass.'],
      ['http://server/kansli', 'Adressen ska börja med postgres://.'],
      ['server/kansli', 'Skriv adressen som postgres://användare@server/databas.'],
      ['postgres://server/kansli', 'Adressen ska ha både användare och server, som postgres://anna@server/kansli.'],
    ] as const) {
      expect(await call('data/set-server', { server })).toMatchObject({ ok: false, error: { code: 'validation', field: 'server', fieldMessage } });
    }
    expect(saved()).toBe('');
  });

  it('the web build has no server to choose', async () => {
    const { call } = createTestServices();
    expect(await call('data/get-server', {})).toEqual({ ok: true, data: { server: '' } });
    expect(await call('data/set-server', { server: 'postgres://anna@server/kansli' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
