/**
 * The desktop's task worker bundled as `scripts/build.mjs` bundles it (esbuild, CommonJS for Node), into a temp
 * folder, so tests run the real worker thread without building the whole app.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { TASK_WORKER_FILE } from '../../electron/node/workers/thread-runner';

const root = path.resolve(import.meta.dirname, '../..');

export async function bundleTaskWorker(): Promise<{ script: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-task-worker-'));
  const script = path.join(dir, TASK_WORKER_FILE);
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/node/workers/task-worker.ts'],
    outfile: script,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return { script, dispose: () => rm(dir, { recursive: true, force: true }) };
}
