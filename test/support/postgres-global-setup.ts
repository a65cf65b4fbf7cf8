/**
 * One PostgreSQL cluster for every test of the `postgres` project (tools/lib/postgres-cluster.ts); tests get its
 * superuser URL with `inject('postgres')` and copy the register's template database for themselves. Without the
 * server binaries the tests skip and say why, except in CI (CI=true), where that fails the run.
 */
import type { TestProject } from 'vitest/node';
import { serverBinaries, startCluster } from '../../tools/lib/postgres-cluster';

declare module 'vitest' {
  // Vitest's provide/inject registry is an interface made to be merged.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    postgres: { port: number } | { missing: string };
  }
}

export default async function setup(project: TestProject) {
  const found = serverBinaries();
  if ('missing' in found) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL tests cannot run in CI: ${found.missing}`);
    console.warn(`[postgres] SKIPPED: ${found.missing}; the shared-register tests do not run here.`);
    project.provide('postgres', { missing: found.missing });
    return;
  }
  const cluster = await startCluster();
  project.provide('postgres', { port: cluster.port });
  return () => cluster.stop();
}
