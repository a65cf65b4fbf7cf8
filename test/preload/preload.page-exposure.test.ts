/**
 * What the page can reach: the built preload (as shipped) is run in a fresh context standing in for the
 * page's world. Everything it hands over goes through `contextBridge.exposeInMainWorld`; the page must end up
 * with `window.api` (invoke, on) and nothing else: no require, process, Buffer, ipcRenderer or event objects.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../electron/contract';

const root = fileURLToPath(new URL('../..', import.meta.url));
let outDir: string;
let code: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-preload-'));
  await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, env: { ...process.env, SAMBRUK_OUT_DIR: outDir } });
  code = await readFile(path.join(outDir, 'preload', 'preload.cjs'), 'utf8');
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Runs the preload the way Electron's sandbox does; returns the page's world after it ran. */
function runPreload() {
  const page: Record<string, unknown> = {};
  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, _input: unknown) => ({ ok: true, data: 'svar' })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const electron = {
    ipcRenderer,
    contextBridge: {
      // A structured clone plus function proxies in reality; what matters here is what is handed over.
      exposeInMainWorld: (key: string, value: unknown) => {
        page[key] = value;
      },
    },
  };
  const preloadWorld = vm.createContext({});
  const pageKeysBefore = Object.keys(page);
  const module = { exports: {} };
  const wrapper = vm.runInContext(`(function (exports, require, module) {\n${code}\n})`, preloadWorld) as (...args: unknown[]) => void;
  wrapper(module.exports, (id: string) => (id === 'electron' ? electron : undefined), module);
  return { page, pageKeysBefore, ipcRenderer, preloadWorld };
}

/** Every value reachable from `value` through own properties (and function properties). */
function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return [];
  seen.add(value);
  const out: unknown[] = [value];
  for (const key of Reflect.ownKeys(value as object)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) out.push(...reachable(descriptor.value, seen));
  }
  return out;
}

describe('the page’s view of the preload', () => {
  it('gets window.api and nothing else', () => {
    const { page, pageKeysBefore } = runPreload();
    expect(pageKeysBefore).toEqual([]);
    expect(Object.keys(page)).toEqual(['api']);
    for (const name of ['require', 'process', 'Buffer', 'module', 'exports', 'global', 'ipcRenderer', 'electron', '__dirname']) {
      expect(page, name).not.toHaveProperty(name);
    }
  });

  it('finds only two plain functions in window.api, and no path from them to ipcRenderer or Node', () => {
    const { page, ipcRenderer } = runPreload();
    const api = page.api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.on).toBe('function');
    const all = reachable(api);
    for (const forbidden of [ipcRenderer, ipcRenderer.invoke, ipcRenderer.send, ipcRenderer.sendSync, process, Buffer]) {
      expect(all).not.toContain(forbidden);
    }
  });

  it('sends only contract channels, and hands back main’s answer as plain data', async () => {
    const { page, ipcRenderer } = runPreload();
    const api = page.api as { invoke: (c: unknown, i: unknown) => Promise<unknown> };
    for (const channel of ['ELECTRON_BROWSER_REQUIRE', 'electron:open-external', '__proto__', 'app/get-info/../x']) {
      expect(await api.invoke(channel, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(await api.invoke(channelNames[0], {})).toEqual({ ok: true, data: 'svar' });
    expect(ipcRenderer.send).not.toHaveBeenCalled();
    expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it('never writes to the global object itself (only through the context bridge)', () => {
    const { preloadWorld } = runPreload();
    expect(Object.keys(preloadWorld)).toEqual([]);
    expect(code).not.toMatch(/\b(window|globalThis|self)\s*\.\s*\w+\s*=/);
  });
});
