/**
 * Long calls as tasks: progress (`onProgress`, forwarded as `task/progress`) and `tasks/cancel`, through the
 * real dispatcher and core. A cancelled import leaves the register exactly as it was; once the import's durable
 * write has started it can no longer be cancelled and completes.
 */
import { describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../electron/contract';
import { encodeBase64 } from '../../../electron/core/exports/base64';
import { accountantSheetNames } from '../../../electron/core/exports/accountant-workbook';
import { decodeBase64 } from '../../../electron/core/exports/base64';
import { PLAN_CHUNK } from '../../../electron/core/imports/import-plan';
import { createTaskRegistry } from '../../../electron/core/handlers/tasks';
import { serialiseDocument } from '../../../electron/core/store/parse-document';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices } from '../../support/memory-document';
import { reopen } from '../exports/reopen';

const ROWS = 5_000;

/**
 * A CSV of `rows` new organisations, each with a contact person and a membership period; the kind is stated,
 * since a name that is no municipality would otherwise wait for review.
 */
function bigCsv(rows = ROWS): string {
  const lines = ['Organisation;Kommunkod;Kontaktperson;E-post;Medlem sedan;Typ'];
  for (let i = 1; i <= rows; i++) lines.push(`Testförening ${i};;Person ${i};person${i}@exempel.se;2022-01-01;Annan organisation`);
  return encodeBase64(new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`));
}

const file = { fileName: 'stor.csv', bytesBase64: bigCsv(), sheet: 'stor', mapping: { organisation: 0, name: 2, email: 3, joined: 4, kind: 5 }, decisions: {} };

function withProgress() {
  const events: TaskProgress[] = [];
  const listeners: ((p: TaskProgress) => void)[] = [];
  const s = createTestServices({
    onProgress: (p) => {
      events.push(p);
      for (const l of listeners) l(p);
    },
  });
  return { ...s, events, onProgress: (l: (p: TaskProgress) => void) => listeners.push(l) };
}

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Makes the next saves wait for `gate`; `started` resolves when the first of them begins. */
function gateSaves(port: { save: (doc: SambrukDocument) => Promise<void> }) {
  const gate = deferred();
  const started = deferred();
  const save = port.save.bind(port);
  port.save = async (doc) => {
    started.resolve();
    await gate.promise;
    return save(doc);
  };
  return { release: gate.resolve, started: started.promise };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The planning reports expected for `ROWS` rows: 0, every chunk, all. */
function planningDone(): number[] {
  const done = [0];
  for (let i = PLAN_CHUNK; i < ROWS; i += PLAN_CHUNK) done.push(i);
  done.push(ROWS);
  return done;
}

describe('the task registry', () => {
  it('cancels a running task, refuses a second task with the same id, and forgets a finished one', async () => {
    const reports: TaskProgress[] = [];
    const tasks = createTaskRegistry((p) => reports.push(p));
    const gate = deferred();
    const running = tasks.run('a', 'Avbröts.', async (task) => {
      task.report('planning', 1, 2);
      await gate.promise;
      task.check();
      return 'klar';
    });
    expect(tasks.active()).toEqual(['a']);
    await expect(tasks.run('a', 'Avbröts.', async () => 'två')).rejects.toMatchObject({ code: 'conflict' });
    expect(tasks.cancel('okänd')).toBe(false);
    expect(tasks.cancel('a')).toBe(true);
    gate.resolve();
    await expect(running).rejects.toMatchObject({ code: 'cancelled', message: 'Avbröts.' });
    expect(tasks.active()).toEqual([]);
    expect(tasks.cancel('a')).toBe(false);
    expect(reports).toEqual([{ taskId: 'a', phase: 'planning', done: 1, total: 2, cancellable: true }]);
  });

  it('cannot cancel a committed task, and commit refuses a task already cancelled', async () => {
    const tasks = createTaskRegistry();
    const gate = deferred();
    const committed = tasks.run('c', 'Avbröts.', async (task) => {
      task.commit();
      await gate.promise;
      task.check();
      return 'sparad';
    });
    expect(tasks.cancel('c')).toBe(false);
    gate.resolve();
    await expect(committed).resolves.toBe('sparad');

    const late = tasks.run('d', 'Avbröts.', async (task) => {
      await tick();
      task.commit();
      return 'sparad';
    });
    expect(tasks.cancel('d')).toBe(true);
    await expect(late).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('runs a call without a task id untracked: no reports, never cancelled', async () => {
    const reports: TaskProgress[] = [];
    const tasks = createTaskRegistry((p) => reports.push(p));
    await expect(
      tasks.run(undefined, 'Avbröts.', async (task) => {
        task.report('reading', 0, 1);
        task.commit();
        return task.isCancelled();
      }),
    ).resolves.toBe(false);
    expect(reports).toEqual([]);
    expect(tasks.active()).toEqual([]);
  });
});

describe('tasks/cancel', () => {
  it('answers false for a task that is not running, and refuses a malformed id naming the field', async () => {
    const s = createTestServices();
    expect(await s.call('tasks/cancel', { taskId: 'finns-inte' })).toEqual({ ok: true, data: { cancelled: false } });
    const bad = await s.call('tasks/cancel', { taskId: '../x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'taskId', label: 'Uppgift' } });
    const long = await s.call('imports/preview', { ...file, taskId: 'x'.repeat(65) });
    expect(long).toMatchObject({ ok: false, error: { code: 'validation', field: 'taskId' } });
  });
});

describe('imports/preview as a task', { timeout: 30_000 }, () => {
  it('reports reading, then every chunk of rows in order, with the file’s row count as total', async () => {
    const s = withProgress();
    const result = await s.call('imports/preview', { ...file, taskId: 'p1' });
    expect(result.ok).toBe(true);
    expect(s.events.every((e) => e.taskId === 'p1' && e.cancellable)).toBe(true);
    expect(s.events[0]).toEqual({ taskId: 'p1', phase: 'reading', done: 0, total: 1, cancellable: true });
    const planning = s.events.slice(1);
    expect(planning.every((e) => e.phase === 'planning' && e.total === ROWS)).toBe(true);
    expect(planning.map((e) => e.done)).toEqual(planningDone());
  });

  it('reports nothing for a call without a task id', async () => {
    const s = withProgress();
    expect((await s.call('imports/preview', file)).ok).toBe(true);
    expect(s.events).toEqual([]);
  });

  it('stops at the next check when cancelled: `cancelled`, in Swedish, nothing changed or saved', async () => {
    const s = withProgress();
    const before = s.repo.get();
    const answers: unknown[] = [];
    s.onProgress((p) => {
      if (p.phase === 'planning' && p.done === 1_000 && answers.length === 0) void s.call('tasks/cancel', { taskId: 'p2' }).then((a) => answers.push(a));
    });
    const result = await s.call('imports/preview', { ...file, taskId: 'p2' });
    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Importen avbröts. Inget har ändrats.' } });
    await tick();
    expect(answers).toEqual([{ ok: true, data: { cancelled: true } }]);
    // It stopped at the next chunk, not at the end.
    expect(Math.max(...s.events.map((e) => e.done))).toBe(1_000);
    expect(s.repo.get()).toBe(before);
    expect(s.port.saved).toEqual([]);
    // The id is free again.
    expect((await s.call('imports/preview', { ...file, taskId: 'p2' })).ok).toBe(true);
  });

  it('stops imports/read too', async () => {
    const s = withProgress();
    s.onProgress((p) => {
      if (p.phase === 'reading' && p.done === 0) void s.call('tasks/cancel', { taskId: 'r1' });
    });
    expect(await s.call('imports/read', { fileName: file.fileName, bytesBase64: file.bytesBase64, taskId: 'r1' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('imports/apply as a task', { timeout: 60_000 }, () => {
  async function previewRevision(s: ReturnType<typeof withProgress>): Promise<number> {
    const preview = await s.call('imports/preview', file);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.data.summary.included).toBe(ROWS);
    return preview.data.revision;
  }

  it('reports reading, planning and then saving, which can no longer be cancelled', async () => {
    const s = withProgress();
    const expectedRevision = await previewRevision(s);
    const result = await s.call('imports/apply', { ...file, expectedRevision, taskId: 'a1' });
    expect(result).toMatchObject({ ok: true, data: { result: { organisationsCreated: ROWS } } });
    expect(s.events.map((e) => e.phase)).toEqual(['reading', ...planningDone().map(() => 'planning'), 'saving']);
    expect(s.events.filter((e) => e.phase === 'planning').map((e) => e.done)).toEqual(planningDone());
    expect(s.events.at(-1)).toEqual({ taskId: 'a1', phase: 'saving', done: 0, total: 1, cancellable: false });
    expect(s.events.slice(0, -1).every((e) => e.cancellable)).toBe(true);
  });

  it('cancelled while planning: `cancelled`, the register the same object, byte for byte, nothing saved, no undo step', async () => {
    const s = withProgress();
    const expectedRevision = await previewRevision(s);
    const before = s.repo.get();
    const beforeText = serialiseDocument(before);
    s.onProgress((p) => {
      if (p.phase === 'planning' && p.done === 2_500) void s.call('tasks/cancel', { taskId: 'a2' });
    });
    const result = await s.call('imports/apply', { ...file, expectedRevision, taskId: 'a2' });
    expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Importen avbröts. Inget har ändrats.' } });
    expect(s.events.some((e) => e.phase === 'saving')).toBe(false);
    expect(s.repo.get()).toBe(before);
    expect(serialiseDocument(s.repo.get())).toBe(beforeText);
    expect(s.port.saved).toEqual([]);
    expect(s.repo.history().canUndo).toBe(false);
  });

  it('cancelled while waiting behind another change: refused before its change is made', async () => {
    const s = withProgress();
    const expectedRevision = await previewRevision(s);
    const gate = gateSaves(s.port);
    // Another change holds the repository's queue while its save waits.
    const other = s.repo.change('Annan ändring', (tx) => {
      tx.setSetting('annan', true);
      return 'annan';
    });
    await gate.started;
    const applying = s.call('imports/apply', { ...file, expectedRevision, taskId: 'a3' });
    await new Promise<void>((resolve) => s.onProgress((p) => p.phase === 'planning' && p.done === ROWS && resolve()));
    await tick();
    expect(await s.call('tasks/cancel', { taskId: 'a3' })).toEqual({ ok: true, data: { cancelled: true } });
    gate.release();
    await other;
    const afterOther = s.repo.get();
    // `cancelled`, not `conflict`: the mutator checks cancellation before anything else.
    expect(await applying).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(s.repo.get()).toBe(afterOther);
    expect(s.port.saved).toHaveLength(1);
    expect(s.events.some((e) => e.phase === 'saving')).toBe(false);
  });

  it('once the durable write has started, tasks/cancel answers false and the import completes', async () => {
    const s = withProgress();
    const expectedRevision = await previewRevision(s);
    const gate = gateSaves(s.port);
    const applying = s.call('imports/apply', { ...file, expectedRevision, taskId: 'a4' });
    await gate.started;
    expect(s.events.at(-1)).toMatchObject({ phase: 'saving', cancellable: false });
    expect(await s.call('tasks/cancel', { taskId: 'a4' })).toEqual({ ok: true, data: { cancelled: false } });
    gate.release();
    expect(await applying).toMatchObject({ ok: true, data: { result: { organisationsCreated: ROWS, rowsApplied: ROWS } } });
    expect(s.port.saved).toHaveLength(1);
    expect(s.repo.get().meta.revision).toBe(expectedRevision + 1);
    expect(s.repo.history().canUndo).toBe(true);
  });
});

describe('exports/accountant-workbook as a task', { timeout: 30_000 }, () => {
  it('reports each sheet by name, then the file, and gives the same workbook as without a task', async () => {
    const s = withProgress();
    const result = await s.call('exports/accountant-workbook', { year: 2022, taskId: 'e1' });
    if (!result.ok) throw new Error(result.error.message);
    const total = accountantSheetNames.length;
    expect(s.events).toEqual([
      ...accountantSheetNames.map((sheet, done) => ({ taskId: 'e1', phase: 'building', done, total, cancellable: true, detail: sheet })),
      { taskId: 'e1', phase: 'writing', done: 0, total: 1, cancellable: true },
    ]);
    const plain = await s.call('exports/accountant-workbook', { year: 2022 });
    if (!plain.ok) throw new Error(plain.error.message);
    expect(result.data.fileName).toBe(plain.data.fileName);
    const names = async (base64: string) => (await reopen(decodeBase64(base64)!)).worksheets.map((w) => w.name);
    expect(await names(result.data.bytesBase64)).toEqual([...accountantSheetNames]);
    expect(await names(plain.data.bytesBase64)).toEqual([...accountantSheetNames]);
  });

  it('cancelled between sheets or before the file is written: `cancelled` and no file', async () => {
    for (const when of [(p: TaskProgress) => p.phase === 'building' && p.done === 2, (p: TaskProgress) => p.phase === 'writing']) {
      const s = withProgress();
      s.onProgress((p) => {
        if (when(p)) void s.call('tasks/cancel', { taskId: 'e2' });
      });
      const result = await s.call('exports/accountant-workbook', { year: 2022, taskId: 'e2' });
      expect(result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Exporten avbröts. Ingen fil skapades.' } });
      expect(s.port.saved).toEqual([]);
    }
  });
});
