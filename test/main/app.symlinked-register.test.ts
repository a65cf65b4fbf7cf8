/** The shell over the real file store: a register reached through a symbolic link is locked beside its target. */
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serialiseDocument, validateDocument } from '../../electron/core/store/parse-document';
import { startApp } from '../../electron/main/app';
import defaultData from '../../assets/default-data.json';
import { app, dialog, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let userData: string;
beforeEach(async () => {
  resetFakeElectron();
  userData = await mkdtemp(path.join(os.tmpdir(), 'sambruk-symlink-app-'));
  app.state.userData = userData;
});
afterEach(async () => {
  app.emit('will-quit');
  await rm(userData, { recursive: true, force: true });
});

describe('a register that is a symbolic link, in the app', () => {
  it('takes the lock beside the target, so every link to one file meets the same lock', async () => {
    const target = path.join(userData, 'delad', 'register.json');
    await mkdir(path.dirname(target));
    await writeFile(target, serialiseDocument(validateDocument(structuredClone(defaultData))));
    const link = path.join(userData, 'sambruk-kansli.json');
    await symlink('delad/register.json', link);

    await startApp();
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(existsSync(`${target}.lock`)).toBe(true);
    expect(existsSync(`${link}.lock`)).toBe(false);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    app.emit('will-quit');
    expect(existsSync(`${target}.lock`)).toBe(false);
  });
});
