/**
 * `data/make-writable` in the core: only for a register read-only because its file is write-protected; the
 * document the shell reopened becomes the current state without a save, and `app/get-info` says what now holds.
 */
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../electron/core/handlers/create-handlers';
import { dispatch } from '../../../electron/core/handlers/dispatch';
import type { AccessPort } from '../../../electron/core/handlers/ports';
import type { ReadOnlyReason } from '../../../electron/contract';
import { loadDefaultDocument, memoryPort } from '../../support/memory-document';
import { createInProcessRunner } from '../../../electron/core/jobs/in-process-runner';

function services(reason: ReadOnlyReason | undefined, makeWritable: AccessPort['makeWritable'] = vi.fn()) {
  const port = memoryPort();
  const changed: number[] = [];
  let current = reason;
  const access: AccessPort = {
    readOnlyReason: () => current,
    makeWritable: vi.fn(async () => {
      const result = await makeWritable();
      current = undefined;
      return result;
    }),
  };
  const { handlers, repo } = createHandlers({
    clock: () => new Date('2022-06-30T10:00:00.000Z'),
    ids: () => 'id',
    document: port,
    initial: loadDefaultDocument(),
    loadReport: { outcome: 'opened', messages: ['Registerfilen «r.json» är skrivskyddad.'] },
    app: { version: '1', mode: 'desktop', dataFile: '/r.json', backupDir: '/b', readOnly: reason !== undefined },
    runner: createInProcessRunner(),
    access,
    onChanged: (revision) => changed.push(revision),
  });
  return { handlers, repo, port, access, changed };
}

describe('data/make-writable', () => {
  it('takes the reopened document without saving it, and reports the register writable', async () => {
    const onDisk = loadDefaultDocument();
    const fromDisk = { ...onDisk, meta: { ...onDisk.meta, revision: onDisk.meta.revision + 7 } };
    const s = services('file-read-only', async () => ({ document: fromDisk, loadReport: { outcome: 'opened', messages: ['Skrivbar nu.'] } }));
    expect(await dispatch(s.handlers, 'app/get-info', {})).toMatchObject({ ok: true, data: { readOnly: true, readOnlyReason: 'file-read-only' } });

    const result = await dispatch(s.handlers, 'data/make-writable', {});

    expect(result).toMatchObject({ ok: true, data: { readOnly: false, loadReport: { messages: ['Skrivbar nu.'] } } });
    expect((result as { data: object }).data).not.toHaveProperty('readOnlyReason');
    expect(s.repo.get()).toEqual(fromDisk);
    expect(s.port.saved).toEqual([]);
    expect(s.changed).toEqual([fromDisk.meta.revision]);
    // And changes are saved from now on.
    await s.repo.change('t', (tx) => tx.setSetting('test', 1));
    expect(s.port.saved).toHaveLength(1);
  });

  it('refuses for any other reason, and where there is no file (web)', async () => {
    const locked = services('locked');
    expect(await dispatch(locked.handlers, 'data/make-writable', {})).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(locked.access.makeWritable).not.toHaveBeenCalled();
    expect(locked.repo.isReadOnly()).toBe(true);

    const port = memoryPort();
    const web = createHandlers({
      clock: () => new Date(),
      ids: () => 'id',
      document: port,
      initial: loadDefaultDocument(),
      loadReport: { outcome: 'opened', messages: [] },
      app: { version: '1', mode: 'web', dataFile: 'minne', backupDir: '', readOnly: true },
      runner: createInProcessRunner(),
    });
    expect(await dispatch(web.handlers, 'data/make-writable', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('stays read-only when the shell cannot make the file writable, passing on its Swedish reason', async () => {
    const { AppError } = await import('../../../electron/contract');
    const s = services('file-read-only', async () => {
      throw new AppError('save-failed', 'Registerfilen kunde inte göras skrivbar: behörighet saknas till filen eller mappen. Den är fortfarande skrivskyddad.');
    });
    expect(await dispatch(s.handlers, 'data/make-writable', {})).toMatchObject({ ok: false, error: { code: 'save-failed', message: expect.stringMatching(/^Registerfilen kunde inte göras skrivbar/) } });
    expect(s.repo.isReadOnly()).toBe(true);
    expect(await dispatch(s.handlers, 'app/get-info', {})).toMatchObject({ ok: true, data: { readOnly: true, readOnlyReason: 'file-read-only' } });
  });

  it('is a no-op answer for a register that is already writable', async () => {
    const s = services(undefined);
    expect(await dispatch(s.handlers, 'data/make-writable', {})).toMatchObject({ ok: true, data: { readOnly: false } });
    expect(s.access.makeWritable).not.toHaveBeenCalled();
  });
});
