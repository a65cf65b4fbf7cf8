/**
 * Opening the shared register on a PostgreSQL server for the desktop app (`--server <postgres-url>`): the
 * connection as the person's own role, the register as the server holds it, and the document port the core
 * expects, which on the server has no file to save and no backups of its own (those are pg_dump's, on the server).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, type LoadReport } from '../contract';
import type { DocumentPort } from '../core/handlers/ports';
import { openSharedRegister, type SharedRegisterOptions } from '../node/postgres/pg-register';

export async function openServerRegister(url: string, options: SharedRegisterOptions) {
  const shared = await openSharedRegister(url, options);
  const port: DocumentPort = {
    save: () => Promise.reject(new AppError('internal', 'Det delade registret sparas på servern, inte i en fil.')),
    listBackups: async () => [],
    readBackup: () => Promise.reject(new AppError('not-found', 'Det delade registret säkerhetskopieras på servern med pg_dump (se README).')),
  };
  const messages = [`Det delade registret på ${shared.display} är öppnat som ${shared.role}${shared.tls ? ', över krypterad förbindelse (TLS)' : ''}.`];
  if (!shared.canWrite) messages.push(`Din databasroll (${shared.role}) får bara läsa registret.`);
  const loadReport: LoadReport = { outcome: 'opened', messages };
  return { shared, port, loadReport };
}

/**
 * The server chosen on the Data screen, kept in `kansli-server.json` in the app's settings folder (not in the
 * register, and never with a password), opened at the next start when no --server or environment says otherwise.
 */
export function serverSettingFile(dir: string) {
  const file = path.join(dir, 'kansli-server.json');
  return {
    get(): string {
      try {
        const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
        return typeof value === 'object' && value !== null && typeof (value as { server?: unknown }).server === 'string' ? (value as { server: string }).server : '';
      } catch {
        return '';
      }
    },
    async set(server: string): Promise<void> {
      await mkdir(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ server }), { mode: 0o600 });
      await rename(temp, file);
    },
  };
}

