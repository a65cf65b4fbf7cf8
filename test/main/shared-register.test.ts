/**
 * The pieces the shell uses for the shared register: the load report and document port over an opened
 * connection (mocked here; the connection itself is tested against PostgreSQL in test/node/postgres/), and the
 * setting file that remembers the server between starts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../electron/contract';
import { openServerRegister, serverSettingFile } from '../../electron/main/shared-register';
import { openSharedRegister } from '../../electron/node/postgres/pg-register';

vi.mock('../../electron/node/postgres/pg-register', () => ({ openSharedRegister: vi.fn() }));
const openShared = vi.mocked(openSharedRegister);

describe('openServerRegister', () => {
  beforeEach(() => {
    openShared.mockReset();
  });

  function shared(over: { canWrite?: boolean; tls?: boolean } = {}) {
    return { display: 'postgres://anna@db.sambruk.se/kansli', role: 'anna', canWrite: over.canWrite ?? true, tls: over.tls ?? false } as never;
  }

  it('says in Swedish where and as whom the register is open, and over TLS when it is', async () => {
    openShared.mockResolvedValue(shared({ tls: true }));
    const options = { onRemoteChange: vi.fn() };
    const { loadReport } = await openServerRegister('postgres://anna@db.sambruk.se/kansli', options);
    expect(openShared).toHaveBeenCalledWith('postgres://anna@db.sambruk.se/kansli', options);
    expect(loadReport).toEqual({ outcome: 'opened', messages: ['Det delade registret på postgres://anna@db.sambruk.se/kansli är öppnat som anna, över krypterad förbindelse (TLS).'] });
  });

  it('a role that may only read is told so', async () => {
    openShared.mockResolvedValue(shared({ canWrite: false }));
    const { loadReport } = await openServerRegister('postgres://anna@db.sambruk.se/kansli', {});
    expect(loadReport.messages).toEqual(['Det delade registret på postgres://anna@db.sambruk.se/kansli är öppnat som anna.', 'Din databasroll (anna) får bara läsa registret.']);
  });

  it('has no file to save and no backups of its own, and says so in Swedish', async () => {
    openShared.mockResolvedValue(shared());
    const { port } = await openServerRegister('postgres://anna@db.sambruk.se/kansli', {});
    await expect(port.save({} as never)).rejects.toThrow('Det delade registret sparas på servern, inte i en fil.');
    expect(await port.listBackups()).toEqual([]);
    await expect(port.readBackup('x.json')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('pg_dump') });
  });

  it('a server that cannot be reached: the connection’s Swedish refusal reaches the caller unchanged', async () => {
    const refusal = new AppError('save-failed', 'Servern går inte att nå. Kontrollera adressen och nätverket.');
    openShared.mockRejectedValue(refusal);
    await expect(openServerRegister('postgres://anna@db.sambruk.se/kansli', {})).rejects.toBe(refusal);
  });
});

describe('serverSettingFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-server-setting-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('no file yet: no server', () => {
    expect(serverSettingFile(dir).get()).toBe('');
  });

  it('writes the server to kansli-server.json, readable only by its owner, and reads it back', async () => {
    const setting = serverSettingFile(path.join(dir, 'ny mapp'));
    await setting.set('postgres://anna@db.sambruk.se/kansli');
    expect(setting.get()).toBe('postgres://anna@db.sambruk.se/kansli');
    const file = path.join(dir, 'ny mapp', 'kansli-server.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ server: 'postgres://anna@db.sambruk.se/kansli' });
    if (process.platform !== 'win32') expect((await import('node:fs')).statSync(file).mode & 0o777).toBe(0o600);
    // Written aside and renamed: no temporary file is left.
    expect(await readdir(path.join(dir, 'ny mapp'))).toEqual(['kansli-server.json']);
  });

  it('a damaged or foreign file reads as no server rather than stopping the start', async () => {
    const file = path.join(dir, 'kansli-server.json');
    for (const text of ['{ inte json', '"postgres://anna@db/kansli"', '{"server": 42}', 'null']) {
      await writeFile(file, text);
      expect(serverSettingFile(dir).get()).toBe('');
    }
    expect(existsSync(file)).toBe(true);
  });
});
