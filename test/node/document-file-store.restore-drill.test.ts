/**
 * Restore drill, as the secretariat would live it, through the same opening code the app runs
 * (`openRegister` in main: lock, then store; the dialogs answered by a fake `electron`):
 *  (a) the register file is deleted while backups exist: the newest backup comes back, and the app says so;
 *  (b) the file and every backup but the oldest are damaged: the oldest comes back, and the app says what it did;
 *  (c) everything is damaged (or the file is gone and every backup damaged): the app never starts an empty
 *      register on its own; it asks, and quitting leaves every file as it was.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { openDocumentFile, UnrecoverableDocumentError } from '../../electron/node/document-file-store';
import { openRegister, type OpenedRegister } from '../../electron/main/register-file';
import { dialog, resetFakeElectron } from '../main/fake-electron';
import { atRevision, defaultDocument, makeTempDir, manualClock } from '../support/store-helpers';

vi.mock('electron', async () => (await import('../main/fake-electron')).electronModule);

let dir: string;
let file: string;
let cleanup: () => Promise<void>;
const opened: OpenedRegister[] = [];
const owner = { user: 'kansli', host: 'KANSLI-PC', pid: process.pid, appVersion: '1.0.0' };

beforeEach(async () => {
  resetFakeElectron();
  ({ dir, cleanup } = await makeTempDir('sambruk-drill-'));
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  for (const o of opened.splice(0)) await o.lock?.release();
  await cleanup();
});

const backupDir = () => path.join(dir, 'register-sakerhetskopior');

/** A register that has lived a little: revisions 1..4 saved a minute apart, so backups hold revisions 0..3. */
async function history() {
  const clock = manualClock(new Date('2026-03-02T08:00:00.000Z'));
  const store = await openDocumentFile({ file, createDefault: defaultDocument, clock });
  for (let r = 1; r <= 4; r++) {
    clock.advance(60_000);
    await store.port.save(atRevision(defaultDocument(), r));
  }
  const backups = await store.port.listBackups();
  expect(backups.map((b) => b.name.replace(/^.*-r/, 'r'))).toEqual(['r3.json', 'r2.json', 'r1.json', 'r0.json']);
  return backups;
}

async function openAsApp(): Promise<OpenedRegister | undefined> {
  const result = await openRegister(file, { owner });
  if (result) opened.push(result);
  return result;
}

async function snapshot(folder: string) {
  const out: Record<string, string> = {};
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isFile()) out[entry.name] = (await readFile(path.join(folder, entry.name))).toString('base64');
  }
  return out;
}

describe('restore drill', () => {
  it('(a) a deleted register comes back from the newest backup, and the app says so', async () => {
    const backups = await history();
    await rm(file);

    const result = await openAsApp();

    expect(result?.report.outcome).toBe('restored-backup');
    expect(result?.report.restoredFrom).toBe(backups[0]?.name);
    expect(result?.document.meta.revision).toBe(3);
    expect(parseDocumentText(await readFile(file, 'utf8')).meta.revision).toBe(3);
    const said = result?.report.messages.join(' ') ?? '';
    expect(said).toContain('«register.json» saknades');
    expect(said).toContain(`Säkerhetskopian «${backups[0]?.name}»`);
    expect(said).toMatch(/Ändringar gjorda efter den kan saknas/);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('(b) with the register and all backups but the oldest damaged, the oldest comes back, and the app says what it did', async () => {
    const backups = await history();
    await writeFile(file, '{"organisations": [');
    for (const b of backups.slice(0, -1)) await writeFile(path.join(backupDir(), b.name), '');

    const result = await openAsApp();

    expect(result?.report.outcome).toBe('restored-backup');
    expect(result?.report.restoredFrom).toBe(backups.at(-1)?.name);
    expect(result?.document.meta.revision).toBe(0);
    const said = result?.report.messages.join(' ') ?? '';
    expect(said).toMatch(/Registerfilen kunde inte läsas/);
    expect(said).toContain(path.basename(result?.report.quarantinedFile ?? '?'));
    expect(said).toContain('3 nyare säkerhetskopior gick inte heller att läsa');
    // The damaged file is kept byte for byte.
    expect(await readFile(result?.report.quarantinedFile ?? '', 'utf8')).toBe('{"organisations": [');
  });

  it('(c) with everything damaged it asks, and quitting leaves every file exactly as it was', async () => {
    const backups = await history();
    await writeFile(file, 'trasig');
    for (const b of backups) await writeFile(path.join(backupDir(), b.name), 'trasig');
    const before = { ...(await snapshot(dir)), ...(await snapshot(backupDir())) };
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });

    const result = await openAsApp();

    expect(result).toBeUndefined();
    const box = dialog.showMessageBox.mock.calls[0]?.[0] as { buttons: string[]; defaultId: number; cancelId: number };
    expect(box.buttons).toEqual(['Börja med standarddata', 'Avsluta']);
    expect(box.defaultId).toBe(1);
    const after = { ...(await snapshot(dir)), ...(await snapshot(backupDir())) };
    // Only the quarantine copy is new; the register, its backups and the lock are as before (the lock released).
    const added = Object.keys(after).filter((n) => !(n in before));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^register\.trasig-/);
    for (const name of Object.keys(before)) expect(after[name], name).toBe(before[name]);
  });

  it('(c) …and starts from the default data only when the user chooses it', async () => {
    const backups = await history();
    await writeFile(file, 'trasig');
    for (const b of backups) await writeFile(path.join(backupDir(), b.name), 'trasig');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });

    const result = await openAsApp();

    expect(result?.report.outcome).toBe('recovered-empty');
    expect(result?.document).toEqual(parseDocumentText(JSON.stringify(result?.document)));
    expect(result?.report.messages.join(' ')).toMatch(/nytt register med grunddata/);
  });

  it('(c) a deleted register whose backups are all damaged is not silently a new, empty one either', async () => {
    const backups = await history();
    await rm(file);
    for (const b of backups) await writeFile(path.join(backupDir(), b.name), '{');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });

    await expect(openDocumentFile({ file, createDefault: defaultDocument })).rejects.toBeInstanceOf(UnrecoverableDocumentError);
    expect(await openAsApp()).toBeUndefined();
    const box = dialog.showMessageBox.mock.calls[0]?.[0] as { detail: string };
    expect(box.detail).toMatch(/saknas, och ingen av de 4 säkerhetskopiorna/);
    expect((await readdir(dir)).filter((n) => n.startsWith('register.json'))).toEqual([]);
  });

  it('a first start (no file, no backups) simply creates the register', async () => {
    const result = await openAsApp();
    expect(result?.report.outcome).toBe('created-default');
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });
});
