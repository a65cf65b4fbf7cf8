/**
 * Bundles the Electron main process and the preload with esbuild (no Electron binary needed):
 *   electron/main/main.ts       -> <out>/main/main.cjs        (Node 20+, CommonJS, everything but `electron` bundled)
 *   electron/node/workers/task-worker.ts
 *                               -> <out>/main/task-worker.cjs (the worker thread main runs imports and workbooks on;
 *                                                              main finds it beside itself)
 *   electron/preload/preload.ts -> <out>/preload/preload.cjs  (CommonJS: a sandboxed preload cannot be an ES module
 *                                                              and can require only `electron`)
 * <out> is `out/` unless SAMBRUK_OUT_DIR says otherwise (tests build into a temp dir).
 * The renderer is built separately by Vite into <out>/renderer.
 */
import { build } from 'esbuild';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.env.SAMBRUK_OUT_DIR ?? 'out');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

/**
 * The preload needs the contract's channel names, not its zod schemas (some 750 kB of zod on every page load).
 * The names are read from the real contract at build time, and the preload's `../contract` import becomes them.
 */
async function contractNamesPlugin() {
  const contract = await build({
    absWorkingDir: root,
    entryPoints: ['electron/contract/index.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const source = contract.outputFiles[0].text;
  const { channelNames } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  const contents = [
    `export const channelNames = Object.freeze(${JSON.stringify(channelNames)});`,
    'export function isChannel(name) { return typeof name === "string" && channelNames.includes(name); }',
  ].join('\n');
  let used = false;
  return {
    name: 'contract-channel-names',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/contract$/ }, (args) => {
        if (!args.importer.endsWith(path.join('electron', 'preload', 'preload.ts'))) return undefined;
        used = true;
        return { path: 'channel-names', namespace: 'contract' };
      });
      b.onLoad({ filter: /.*/, namespace: 'contract' }, () => ({ contents, loader: 'js' }));
      b.onEnd(() => {
        if (!used) throw new Error("preload.ts no longer imports '../contract': update contractNamesPlugin in scripts/build.mjs");
      });
    },
  };
}

/**
 * node-postgres offers an optional native binding (`pg.native`, which requires `pg-native`) that the app never uses;
 * left alone, esbuild would leave that require in main. It becomes a module that says so if it is ever reached.
 */
const noPgNative = {
  name: 'no-pg-native',
  setup(b) {
    b.onResolve({ filter: /^pg-native$/ }, () => ({ path: 'pg-native', namespace: 'no-pg-native' }));
    b.onLoad({ filter: /.*/, namespace: 'no-pg-native' }, () => ({
      contents: "throw new Error('pg-native is not part of Sambruk Kansli');",
      loader: 'js',
    }));
  },
};

/**
 * jsPDF loads html2canvas, DOMPurify and canvg only for its html() and SVG paths, which the invoices never call; they
 * become modules that say so instead of being bundled into main and the worker.
 */
const noJsPdfPlugins = {
  name: 'no-jspdf-plugins',
  setup(b) {
    b.onResolve({ filter: /^(html2canvas|dompurify|canvg)$/ }, (args) => ({ path: args.path, namespace: 'no-jspdf-plugins' }));
    b.onLoad({ filter: /.*/, namespace: 'no-jspdf-plugins' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not part of Sambruk Kansli`)});`,
      loader: 'js',
    }));
  },
};

const [main, worker, preload] = await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: path.join(outDir, 'main', 'main.cjs'),
    platform: 'node',
    target: 'node20',
    plugins: [noPgNative, noJsPdfPlugins],
  }),
  build({
    ...common,
    entryPoints: ['electron/node/workers/task-worker.ts'],
    outfile: path.join(outDir, 'main', 'task-worker.cjs'),
    platform: 'node',
    target: 'node20',
    plugins: [noJsPdfPlugins],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: path.join(outDir, 'preload', 'preload.cjs'),
    // Browser resolution: a Node built-in reaching the preload fails the build instead of failing at runtime.
    platform: 'browser',
    target: 'chrome130',
    plugins: [await contractNamesPlugin()],
  }),
]);

/** Modules an output still loads at runtime, i.e. left external. */
function externalImports(result) {
  return Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
}

const preloadExternals = externalImports(preload).filter((p) => p !== 'electron');
if (preloadExternals.length > 0) {
  throw new Error(`The sandboxed preload may require only "electron", but it requires: ${preloadExternals.join(', ')}`);
}

// The worker runs outside Electron's main (a plain worker thread): Node's built-ins only, never `electron`.
const workerExternals = externalImports(worker).filter((p) => !isBuiltin(p));
if (workerExternals.length > 0) {
  throw new Error(`The task worker may require only Node's built-ins, but it requires: ${workerExternals.join(', ')}`);
}

for (const [name, result] of [['main', main], ['worker', worker], ['preload', preload]]) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    console.log(`${name}: ${path.relative(root, path.resolve(root, file))} (${Math.round(output.bytes / 1024)} kB)`);
  }
}
