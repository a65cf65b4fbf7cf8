import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, type WindowApi } from '../../electron/contract';
import { createThreadRunner, TASK_WORKER_FILE, taskWorkerPath } from '../../electron/node/workers/thread-runner';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-build-'));
  await run(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, env: { ...process.env, SAMBRUK_OUT_DIR: outDir } });
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/**
 * Every module a CommonJS bundle requires, and whether any require is not a plain string literal. jsPDF's AMD
 * branch (`require(["canvg"], …)`, taken only where a global `define.amd` exists, never under Node) is not a load.
 */
function requires(code: string): { literal: string[]; all: number } {
  const literal = [...code.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2] as string);
  const amd = code.match(/\brequire\(\["(?:canvg|dompurify|html2canvas)"\], /g)?.length ?? 0;
  return { literal, all: (code.match(/\brequire\(/g)?.length ?? 0) - amd };
}

describe('scripts/build.mjs', () => {
  it('writes the main and preload bundles into SAMBRUK_OUT_DIR', async () => {
    await expect(readFile(path.join(outDir, 'main', 'main.cjs'), 'utf8')).resolves.toMatch(/^"use strict";/);
    await expect(readFile(path.join(outDir, 'preload', 'preload.cjs'), 'utf8')).resolves.toMatch(/^"use strict";/);
  });

  it('leaves the sandboxed preload requiring nothing but electron, and without zod', async () => {
    const code = await readFile(path.join(outDir, 'preload', 'preload.cjs'), 'utf8');
    const { literal, all } = requires(code);
    expect(new Set(literal)).toEqual(new Set(['electron']));
    expect(all).toBe(literal.length);
    expect(code.length).toBeLessThan(20_000);
  });

  it('leaves main requiring only electron and Node built-ins (no node_modules at runtime)', async () => {
    const { literal, all } = requires(await readFile(path.join(outDir, 'main', 'main.cjs'), 'utf8'));
    const allowed = new Set(['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(literal.filter((m) => !allowed.has(m))).toEqual([]);
    expect(all).toBe(literal.length);
  });

  it('writes the task worker beside main, requiring only Node built-ins, and it serves a job on a worker thread', async () => {
    const script = path.join(outDir, 'main', TASK_WORKER_FILE);
    expect(taskWorkerPath(path.join(outDir, 'main'))).toBe(script);
    const { literal, all } = requires(await readFile(script, 'utf8'));
    expect(literal.filter((m) => !builtinModules.includes(m.replace(/^node:/, '')))).toEqual([]);
    expect(all).toBe(literal.length);
    const runner = createThreadRunner({ script });
    try {
      const csv = Buffer.from('Kommun;Kod\nAle;1440\n').toString('base64');
      const read = await runner.run('read-import', { fileName: 'a.csv', bytesBase64: csv, settings: {} }, { onProgress: () => undefined, signal: new AbortController().signal });
      expect(read.sheets.map((s) => [s.name, s.header, s.rowCount])).toEqual([['a', ['Kommun', 'Kod'], 1]]);
    } finally {
      runner.close();
    }
  }, 60_000);

  it('produces a preload that runs in a sandbox-like context and exposes the contract’s channels only', async () => {
    const code = await readFile(path.join(outDir, 'preload', 'preload.cjs'), 'utf8');
    const exposed = new Map<string, unknown>();
    const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, data: null })), on: vi.fn(), removeListener: vi.fn() };
    const required: string[] = [];
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return { contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) }, ipcRenderer };
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    const wrapper = vm.runInNewContext(`(function (exports, require, module) {\n${code}\n})`, {}) as (...a: unknown[]) => void;
    wrapper(module.exports, sandboxRequire, module);

    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as WindowApi & { invoke: (c: string, i: unknown) => Promise<unknown> };
    expect(await api.invoke('not/a-channel', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    for (const channel of channelNames) await api.invoke(channel, {});
    expect(ipcRenderer.invoke.mock.calls.map((c: unknown[]) => c[0])).toEqual([...channelNames]);
  });

  it('produces a main bundle that loads under Node as CommonJS and starts by asking for the single-instance lock', async () => {
    const hook = path.join(outDir, 'fake-electron-hook.cjs');
    await writeFile(
      hook,
      `const Module = require('node:module');
const calls = [];
const app = {
  requestSingleInstanceLock() { calls.push('lock'); return false; },
  quit() { calls.push('quit'); process.stdout.write(JSON.stringify(calls)); },
  exit() { calls.push('exit'); process.stdout.write(JSON.stringify(calls)); },
  on() {}, whenReady: () => new Promise(() => {}),
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'electron') return { app, BrowserWindow: class {}, ipcMain: {}, Menu: {}, shell: {}, dialog: { showErrorBox() {} } };
  return load.call(this, request, ...rest);
};
`,
    );
    const { stdout } = await run(process.execPath, ['--require', hook, path.join(outDir, 'main', 'main.cjs')], { cwd: outDir, timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual(['lock', 'quit']);
  }, 60_000);
});
