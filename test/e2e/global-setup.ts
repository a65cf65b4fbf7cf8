/**
 * Builds the web entry once per run into a fresh temp folder and serves it; tests get its URL with
 * `inject('webUrl')`. The build is the real production build (NODE_ENV=production), as users get it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../tools/lib/static-server';

declare module 'vitest' {
  // Vitest's provide/inject registry is an interface made to be merged.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    webUrl: string;
  }
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(path.join(tmpdir(), 'sambruk-web-'));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const started = performance.now();
  try {
    await build({
      configFile: path.join(projectRoot, 'vite.config.ts'),
      mode: 'web',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  console.log(`[e2e] web entry built in ${((performance.now() - started) / 1000).toFixed(1)} s (${outDir})`);

  const server = await serveStatic(outDir);
  project.provide('webUrl', server.url);

  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
