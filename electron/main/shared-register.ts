/**
 * Opening the shared register on a PostgreSQL server for the desktop app (`--server <postgres-url>`): the
 * connection as the person's own role, the register as the server holds it, and the document port the core
 * expects, which on the server has no file to save and no backups of its own (those are pg_dump's, on the server).
 */
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
