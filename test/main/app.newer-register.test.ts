/**
 * The shell over the real file store: a register written by a newer version opens read-only with the reason
 * on the load report (the Data screen and the banner show it), and no lock file, backup or quarantine is left.
 */
import { existsSync } from 'node:fs';
import { lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serialiseDocument, validateDocument } from '../../electron/core/store/parse-document';
import { startApp } from '../../electron/main/app';
import defaultData from '../../assets/default-data.json';
import { app, dialog, FakeBrowserWindow, ipcMain, resetFakeElectron } from './fake-electron';
import { SCHEMA_VERSION } from '../../electron/core/store/schema';

const NEWER = SCHEMA_VERSION + 1;

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let userData: string;
beforeEach(async () => {
  resetFakeElectron();
  userData = await mkdtemp(path.join(os.tmpdir(), 'sambruk-newer-app-'));
  app.state.userData = userData;
});
afterEach(async () => {
  app.emit('will-quit');
  await rm(userData, { recursive: true, force: true });
});

const dataFile = () => path.join(userData, 'sambruk-kansli.json');

function newerText(broken = false): string {
  const raw = JSON.parse(serialiseDocument(validateDocument(structuredClone(defaultData)))) as Record<string, unknown>;
  raw.schemaVersion = NEWER;
  raw.invoices = [];
  if (broken) (raw.meta as Record<string, unknown>).revision = 'tolv';
  return JSON.stringify(raw);
}

async function listing(): Promise<string[]> {
  return Promise.all(
    (await readdir(userData)).sort().map(async (name) => {
      const s = await lstat(path.join(userData, name));
      return `${name} ${s.mode & 0o777} ${s.mtimeMs}`;
    }),
  );
}

function invoke(channel: string, input: unknown) {
  const win = FakeBrowserWindow.instances[0];
  const handler = ipcMain.handlers.get(channel);
  if (!win || !handler) throw new Error(`no window or no handler for ${channel}`);
  return handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, input) as Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;
}

describe('a register written by a newer version, in the app', () => {
  it('opens read-only, tells why on the load report, and leaves no lock file, backup or quarantine', async () => {
    await writeFile(dataFile(), newerText(), { mode: 0o644 });
    const before = await listing();
    await startApp();

    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    const info = (await invoke('app/get-info', {})) as {
      ok: boolean;
      data: { readOnly: boolean; readOnlyReason?: string; loadReport: { outcome: string; readOnlyReason?: string; quarantinedFile?: string } };
    };
    expect(info.ok).toBe(true);
    expect(info.data.readOnly).toBe(true);
    // The Data screen names the reason too, and offers no «Gör registret skrivbart» for it.
    expect(info.data.readOnlyReason).toBe('newer-version');
    expect(info.data.loadReport.outcome).toBe('opened');
    expect(info.data.loadReport.readOnlyReason).toMatch(new RegExp(String.raw`schemaversion ${NEWER}.*schemaversion ${SCHEMA_VERSION}.*Installera den nyare versionen`, 's'));

    // The lock was taken to open the file, and given back once it was seen to be a newer version's.
    expect(existsSync(`${dataFile()}.lock`)).toBe(false);
    expect(await listing()).toEqual(before);
    expect(await readFile(dataFile(), 'utf8')).toBe(newerText());
  });

  it('one it cannot show: a Swedish startup failure naming both versions, the file and its folder unchanged', async () => {
    await writeFile(dataFile(), newerText(true));
    const before = await listing();
    await startApp();

    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(app.quit).toHaveBeenCalled();
    const [, message] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(message).toMatch(new RegExp(String.raw`nyare version av Sambruk Kansli \(schemaversion ${NEWER}\).*schemaversion ${SCHEMA_VERSION}.*Installera den nyare versionen`));
    expect(await listing()).toEqual(before);
  });
});
