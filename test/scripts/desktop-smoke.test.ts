/**
 * `npm run test:desktop` (scripts/desktop-smoke.ts) on a machine without Electron: the check that finds no binary
 * (or no display), the plain report of a skipped run, and the script itself exiting 77 without claiming a pass.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SKIPPED_EXIT_CODE, checkDesktop, skippedReport } from '../../scripts/desktop-smoke/electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const ELECTRON_PACKAGE_ERROR = 'Electron failed to install correctly, please delete node_modules/electron and try installing again';
const withDisplay = { DISPLAY: ':99' };
const executable = () => undefined;

describe('finding an Electron binary', () => {
  it('says there is none when require("electron") throws, as after ELECTRON_SKIP_BINARY_DOWNLOAD=1', () => {
    const check = checkDesktop({
      resolveElectron: () => {
        throw new Error(ELECTRON_PACKAGE_ERROR);
      },
      assertExecutable: executable,
      env: withDisplay,
      platform: 'linux',
    });
    expect(check).toEqual({ ok: false, reason: 'no-electron', message: expect.stringContaining('Ingen Electron-binär är installerad') });
    if (!check.ok) expect(check.message).toContain(ELECTRON_PACKAGE_ERROR);
  });

  it('says there is none when the package names a binary that is not on disk or cannot run', () => {
    const check = checkDesktop({
      resolveElectron: () => '/nowhere/electron/dist/electron',
      assertExecutable: () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
      env: withDisplay,
      platform: 'linux',
    });
    expect(check).toMatchObject({ ok: false, reason: 'no-electron', message: expect.stringContaining('/nowhere/electron/dist/electron') });
  });

  it('says there is none when the package answers something other than a path', () => {
    expect(checkDesktop({ resolveElectron: () => ({}), assertExecutable: executable, env: withDisplay, platform: 'linux' })).toMatchObject({
      ok: false,
      reason: 'no-electron',
    });
    expect(checkDesktop({ resolveElectron: () => '', assertExecutable: executable, env: withDisplay, platform: 'linux' })).toMatchObject({ ok: false });
  });

  it('needs a display on Linux (X11 or Wayland), not on Windows or macOS', () => {
    const found = { resolveElectron: () => '/opt/electron', assertExecutable: executable };
    expect(checkDesktop({ ...found, env: {}, platform: 'linux' })).toMatchObject({ ok: false, reason: 'no-display', message: expect.stringContaining('xvfb-run') });
    expect(checkDesktop({ ...found, env: withDisplay, platform: 'linux' })).toEqual({ ok: true, executablePath: '/opt/electron' });
    expect(checkDesktop({ ...found, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' })).toEqual({ ok: true, executablePath: '/opt/electron' });
    expect(checkDesktop({ ...found, env: {}, platform: 'win32' })).toEqual({ ok: true, executablePath: '/opt/electron' });
    expect(checkDesktop({ ...found, env: {}, platform: 'darwin' })).toEqual({ ok: true, executablePath: '/opt/electron' });
  });

  it('reports a skipped run plainly, in Swedish and English, with its exit code and no count of passed steps', () => {
    const lines = skippedReport({ ok: false, reason: 'no-electron', message: 'Ingen Electron-binär är installerad. No Electron binary is installed.' });
    const text = lines.join('\n');
    expect(lines[0]).toMatch(/^HOPPADES ÖVER \/ SKIPPED: /);
    expect(text).toContain('inget har godkänts');
    expect(text).toContain('nothing passed');
    expect(text).toContain(`${SKIPPED_EXIT_CODE} (skipped)`);
    expect(text).not.toMatch(/godkänt:|\bpassed:|\d+ av \d+ steg/);
    expect(SKIPPED_EXIT_CODE).not.toBe(0);
  });
});

// This machine installs without the binary (ELECTRON_SKIP_BINARY_DOWNLOAD=1); where one exists these are skipped.
const here = checkDesktop();

describe.skipIf(here.ok)('npm run test:desktop where no Electron can start', () => {
  it('finds no binary with the real electron package', () => {
    expect(here.ok).toBe(false);
  });

  it('exits 77 before building anything, saying it was skipped and claiming no pass', async () => {
    const result = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'desktop-smoke.ts')], { cwd: root }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code, stdout: error.stdout ?? '' }),
    );
    expect(result.code).toBe(SKIPPED_EXIT_CODE);
    expect(result.stdout).toMatch(/^HOPPADES ÖVER \/ SKIPPED: /);
    expect(result.stdout).not.toMatch(/✓|godkänt:|smoke test passed/i);
  }, 60_000);
});

describe('how it is run', () => {
  it('is its own npm script and not part of npm test', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['test:desktop']).toBe('tsx scripts/desktop-smoke.ts');
    expect(scripts.test).not.toContain('desktop');
    const config = readFileSync(path.join(root, 'vitest.config.ts'), 'utf8');
    // No project includes the scripts/ folder itself (test/scripts/ holds unit tests of scripts, not the smoke test).
    expect(config).not.toMatch(/['"]scripts\//);
    expect(config).not.toContain('desktop-smoke');
  });
});
