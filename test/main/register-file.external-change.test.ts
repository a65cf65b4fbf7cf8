/**
 * Someone changes the register file on disk while the app runs. The next change through the API is refused
 * with a Swedish conflict error, the user is offered to load the file, and neither version is lost: ours is
 * written aside as `<name>.konflikt-<time>.json` before theirs becomes the register.
 * Real file store on a temp folder; `electron` (the dialogs) mocked.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/core/handlers/create-handlers';
import { dispatch } from '../../electron/core/handlers/dispatch';
import { parseDocumentText, serialiseDocument, validateDocument } from '../../electron/core/store/parse-document';
import type { Repository } from '../../electron/core/store/repository';
import { createConflictResolver } from '../../electron/main/conflicts';
import { trackSaves } from '../../electron/main/register-file';
import { openDocumentFile } from '../../electron/node/document-file-store';
import defaultData from '../../assets/default-data.json';
import { dialog, resetFakeElectron } from './fake-electron';
import { createInProcessRunner } from '../../electron/core/jobs/in-process-runner';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let dir: string;
let file: string;

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-conflict-'));
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const defaults = () => validateDocument(structuredClone(defaultData));

async function runningApp() {
  const store = await openDocumentFile({ file, createDefault: defaults, clock: () => new Date('2026-03-02T09:00:00.000Z') });
  const sent: [string, unknown][] = [];
  const core: { repo?: Repository } = {};
  const resolve = createConflictResolver({ external: store.external, repo: () => core.repo });
  const resolutions: Promise<string | undefined>[] = [];
  const saves = trackSaves(store.port, (event, payload) => sent.push([event, payload]), (error) => resolutions.push(resolve(error)));
  let n = 0;
  const services = createHandlers({
    clock: () => new Date('2026-03-02T09:00:00.000Z'),
    ids: () => `id-${++n}`,
    document: saves.port,
    initial: store.document,
    loadReport: store.report,
    app: { version: 'test', mode: 'desktop', dataFile: file, backupDir: store.backupDir },
    runner: createInProcessRunner(),
  });
  core.repo = services.repo;
  return { store, services, sent, resolutions, call: (channel: string, input: unknown) => dispatch(services.handlers, channel, input) };
}

/** Another copy of the register with a change of its own, written over the file by "someone else". */
async function changeOnDisk() {
  const theirs = parseDocumentText(await readFile(file, 'utf8'));
  const changed = {
    ...theirs,
    meta: { ...theirs.meta, revision: theirs.meta.revision + 5 },
    services: [...theirs.services, { ...theirs.services[0]!, id: 'svc-fran-annan-dator', name: 'Tjänst tillagd på en annan dator' }],
  };
  const text = serialiseDocument(validateDocument(changed));
  await writeFile(file, text);
  return text;
}

describe('a register changed on disk while the app runs', () => {
  it('refuses the change in Swedish, keeps our version aside, and loads theirs when the user says so', async () => {
    const app = await runningApp();
    expect(await app.call('services/create', { name: 'Före ändringen' })).toMatchObject({ ok: true });
    const ours = app.services.repo.get();
    const theirs = await changeOnDisk();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });

    const refused = await app.call('services/create', { name: 'Efter ändringen' });

    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/har ändrats av ett annat program/);
    expect(app.services.repo.get()).toBe(ours);
    expect(app.sent.filter(([e]) => e === 'store/status').at(-1)?.[1]).toMatchObject({ state: 'failed' });

    const asked = dialog.showMessageBox.mock.calls[0]?.[0] as { buttons: string[]; title: string };
    expect(asked.title).toBe('Registerfilen har ändrats utanför programmet');
    expect(asked.buttons).toEqual(['Läs in filen från disken', 'Inte nu']);

    const aside = await app.resolutions[0];
    // Ours, as it was in the app, beside the register.
    expect(path.basename(aside ?? '')).toMatch(/^register\.konflikt-\d{8}T\d{9}Z\.json$/);
    expect(parseDocumentText(await readFile(aside ?? '', 'utf8'))).toEqual(ours);
    // Theirs is now the register, in the app and on disk, with a change-log entry naming our copy.
    const now = app.services.repo.get();
    expect(now.services.some((s) => s.id === 'svc-fran-annan-dator')).toBe(true);
    expect(now.services.some((s) => s.name === 'Efter ändringen')).toBe(false);
    expect(ours.services.some((s) => s.id === 'svc-fran-annan-dator')).toBe(false);
    expect(now.changeLog.at(-1)?.summary).toContain(path.basename(aside ?? ''));
    const disk = parseDocumentText(await readFile(file, 'utf8'));
    expect(disk).toEqual(now);
    expect(disk.meta.revision).toBeGreaterThan(parseDocumentText(theirs).meta.revision);
    // Told where our version went.
    const told = dialog.showMessageBox.mock.calls[1]?.[0] as { message: string };
    expect(told.message).toContain(path.basename(aside ?? ''));
    // And saving works again.
    expect(await app.call('services/create', { name: 'Efter ändringen' })).toMatchObject({ ok: true });
  });

  it('changes nothing when the user answers «Inte nu», and asks again at the next change', async () => {
    const app = await runningApp();
    const ours = app.services.repo.get();
    const theirs = await changeOnDisk();
    dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });

    expect(await app.call('services/create', { name: 'Ett' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.resolutions[0]).toBeUndefined();
    expect(await app.call('services/create', { name: 'Två' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await app.resolutions[1];

    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(app.services.repo.get()).toBe(ours);
    expect(await readFile(file, 'utf8')).toBe(theirs);
    expect((await readdir(dir)).filter((n) => n.includes('konflikt'))).toEqual([]);
  });

  it('asks once when several changes meet the same conflict', async () => {
    const app = await runningApp();
    await changeOnDisk();
    let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    dialog.showMessageBox.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));

    const results = await Promise.all([app.call('services/create', { name: 'A' }), app.call('services/create', { name: 'B' })]);
    expect(results.every((r) => !r.ok)).toBe(true);
    answer({ response: 1, checkboxChecked: false });
    await Promise.all(app.resolutions);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('keeps our version in the app when the file on disk cannot be read, and says where the copy is', async () => {
    const app = await runningApp();
    const ours = app.services.repo.get();
    await writeFile(file, '{"avbruten":');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });

    await app.call('services/create', { name: 'X' });
    const aside = await app.resolutions[0];

    expect(app.services.repo.get()).toBe(ours);
    expect(parseDocumentText(await readFile(aside ?? '', 'utf8'))).toEqual(ours);
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(dialog.showErrorBox.mock.calls[0]?.[1]).toContain(path.basename(aside ?? ''));
  });
});
