/**
 * Runs a bench script in its own Node process, so that its memory is its own: the peak RSS it reports is not
 * inflated by the runner's document, browser or earlier cases, nor by a TypeScript loader. The script is
 * bundled first with esbuild into one CommonJS file, the way `scripts/build.mjs` bundles Electron's main
 * process, and run with plain `node --expose-gc`. The child prints one `BENCH-RESULT {json}` line.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { RESULT_PREFIX } from './child-output';

const here = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(here, '..', '..');
const CHILD_DIR = path.join(PROJECT_ROOT, 'bench', 'child');

const bundles = new Map<string, Promise<string>>();

function bundle(script: string, outDir: string): Promise<string> {
  const key = `${outDir}\u0000${script}`;
  let made = bundles.get(key);
  if (!made) {
    const outfile = path.join(outDir, 'child', script.replace(/\.ts$/, '.cjs'));
    made = mkdir(path.dirname(outfile), { recursive: true })
      .then(() =>
        build({
          absWorkingDir: PROJECT_ROOT,
          entryPoints: [path.join(CHILD_DIR, script)],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'cjs',
          target: 'node20',
          define: { 'process.env.NODE_ENV': '"production"' },
          legalComments: 'none',
          logLevel: 'warning',
        }),
      )
      .then(() => outfile);
    bundles.set(key, made);
  }
  return made;
}

/** Bundles `bench/child/<script>` into `<outDir>/child/` (once per run) and runs it with `args`. */
export async function runChild<T>(script: string, args: readonly string[], outDir: string, options: { timeoutMs?: number } = {}): Promise<T> {
  const file = await bundle(script, outDir);
  const child = spawn(process.execPath, ['--expose-gc', file, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearTimeout(timer));
  const lines = out.split('\n');
  for (const l of lines) if (l !== '' && !l.startsWith(RESULT_PREFIX)) console.log(`  [${script}] ${l}`);
  const line = lines.find((l) => l.startsWith(RESULT_PREFIX));
  if (code !== 0 || !line) throw new Error(`${script} avslutades med kod ${String(code)} utan resultat`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}
