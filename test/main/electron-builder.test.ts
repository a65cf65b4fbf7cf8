import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { DebugLogger } from 'builder-util';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

type Target = { target: string; arch?: string[] };
type Config = Configuration & {
  win: { target: Target[]; icon: string };
  mac: { target: Target[]; icon: string };
  linux: { target: Target[]; icon: string; maintainer: string; category: string };
  nsis: Record<string, unknown>;
  files: string[];
};

async function config(): Promise<Config> {
  return load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const targets = (t: Target[]) => t.map((x) => x.target);

describe('electron-builder.yml', () => {
  it('names the app', async () => {
    const c = await config();
    expect(c.appId).toBe('se.sambruk.kansli');
    expect(c.productName).toBe('Sambruk Kansli');
  });

  it('is accepted by electron-builder’s own configuration schema', async () => {
    await expect(validateConfiguration(await config(), new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000);

  it('packs only the built app and package.json, which must point into it', async () => {
    const c = await config();
    expect(c.files).toEqual(['out/**/*', 'package.json']);
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toMatch(/^out\//);
  });

  it('builds NSIS for Windows, dmg for macOS, AppImage and deb for Linux', async () => {
    const c = await config();
    expect(targets(c.win.target)).toEqual(['nsis']);
    expect(targets(c.mac.target)).toEqual(['dmg']);
    expect(targets(c.linux.target)).toEqual(['AppImage', 'deb']);
    expect(c.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(c.linux.category).toBe('Office');
  });

  it('installs per user on Windows, never asking for administrator rights, and keeps the register on uninstall', async () => {
    const { nsis } = await config();
    expect(nsis.perMachine).toBe(false);
    expect(nsis.allowElevation).toBe(false);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('points every icon at an existing PNG of at least 512×512', async () => {
    const c = await config();
    for (const icon of [c.win.icon, c.mac.icon, c.linux.icon]) {
      const file = path.join(root, icon);
      expect(existsSync(file), icon).toBe(true);
      const { width, height } = pngSize(await readFile(file));
      expect(width).toBe(height);
      expect(width).toBeGreaterThanOrEqual(512);
    }
  });
});

describe('scripts/make-icon.mjs', () => {
  it('reproduces the committed icon byte for byte', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-icon-'));
    try {
      const out = path.join(dir, 'icon.png');
      await run(process.execPath, [path.join(root, 'scripts', 'make-icon.mjs'), out], { cwd: root });
      const made = await readFile(out);
      expect(pngSize(made)).toEqual({ width: 512, height: 512 });
      expect(made.equals(await readFile(path.join(root, 'assets', 'icons', 'icon.png')))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
