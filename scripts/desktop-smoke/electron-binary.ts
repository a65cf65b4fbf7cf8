/**
 * Whether this machine can run the desktop app at all: an Electron binary, and on Linux a display to show it on.
 * Installs made with ELECTRON_SKIP_BINARY_DOWNLOAD=1 have the `electron` package but no binary, and then
 * `require('electron')` throws; a half-finished install can name a binary that is not there.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

export type DesktopCheck = { ok: true; executablePath: string } | { ok: false; reason: 'no-electron' | 'no-display'; message: string };

export type DesktopCheckDeps = {
  /** `require('electron')` as plain Node sees it: the binary's path, or a throw when there is none. */
  resolveElectron?: () => unknown;
  /** Throws unless the file exists and may be run. */
  assertExecutable?: (file: string) => void;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
};

const requireHere = createRequire(import.meta.url);

/** The exit code of a run that could not start: the «skipped» code of automake and meson, never 0. */
export const SKIPPED_EXIT_CODE = 77;

export function checkDesktop(deps: DesktopCheckDeps = {}): DesktopCheck {
  const resolveElectron = deps.resolveElectron ?? (() => requireHere('electron'));
  const assertExecutable = deps.assertExecutable ?? ((file: string) => accessSync(file, constants.X_OK));
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;

  let resolved: unknown;
  try {
    resolved = resolveElectron();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: 'no-electron',
      message: `Ingen Electron-binär är installerad (${detail}). No Electron binary is installed.`,
    };
  }
  if (typeof resolved !== 'string' || resolved === '') {
    return { ok: false, reason: 'no-electron', message: 'Paketet electron anger ingen binär. The electron package names no binary.' };
  }
  try {
    assertExecutable(resolved);
  } catch {
    return {
      ok: false,
      reason: 'no-electron',
      message: `Electron-binären saknas eller kan inte köras: ${resolved}. The Electron binary is missing or not executable.`,
    };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      ok: false,
      reason: 'no-display',
      message: 'Ingen skärm att visa fönstret på (DISPLAY saknas); kör under xvfb-run. No display (DISPLAY is unset); run under xvfb-run.',
    };
  }
  return { ok: true, executablePath: resolved };
}

/** The lines a skipped run prints: plain about what did not happen, and no count of passed steps. */
export function skippedReport(check: Extract<DesktopCheck, { ok: false }>): string[] {
  return [
    `HOPPADES ÖVER / SKIPPED: ${check.message}`,
    'Skrivbordstestet kördes inte och inget har godkänts. The desktop smoke test did not run; nothing passed.',
    check.reason === 'no-electron'
      ? 'Installera med Electron-binären (npm ci utan ELECTRON_SKIP_BINARY_DOWNLOAD) och kör igen. Install with the binary and run again.'
      : 'Starta en skärm (till exempel xvfb-run npm run test:desktop) och kör igen. Provide a display and run again.',
    `Avslutningskod ${SKIPPED_EXIT_CODE} (hoppades över). Exit code ${SKIPPED_EXIT_CODE} (skipped).`,
  ];
}
