/**
 * The desktop's task runner with the real worker thread (the bundled `task-worker.cjs`): while a sheet of
 * 990 000 cells is read, the thread that answers the UI keeps answering; `tasks/cancel` terminates the worker and
 * leaves the register as it was; results and refusals cross the thread boundary intact.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../electron/contract';
import { encodeBase64 } from '../../../electron/core/exports/base64';
import { importMessages } from '../../../electron/core/imports/import-messages';
import { createThreadRunner, type ThreadRunnerOptions } from '../../../electron/node/workers/thread-runner';
import type { WorkerRunner } from '../../../electron/core/jobs/worker-protocol';
import { createTestServices } from '../../support/memory-document';
import { bundleTaskWorker } from '../../support/task-worker';

let worker: Awaited<ReturnType<typeof bundleTaskWorker>>;
const runners: WorkerRunner[] = [];

beforeAll(async () => {
  worker = await bundleTaskWorker();
}, 60_000);

afterEach(() => {
  for (const runner of runners.splice(0)) runner.close();
});

afterAll(async () => {
  await worker?.dispose();
});

type ThreadEvent = Parameters<NonNullable<ThreadRunnerOptions['onThread']>>[0];

/** Services whose jobs run on worker threads, with every thread event and progress report recorded. */
function threaded() {
  const threads: ThreadEvent[] = [];
  const progress: TaskProgress[] = [];
  const progressListeners: ((p: TaskProgress) => void)[] = [];
  const threadListeners: ((e: ThreadEvent) => void)[] = [];
  const runner = createThreadRunner({
    script: worker.script,
    onThread: (event) => {
      threads.push(event);
      for (const listener of threadListeners) listener(event);
    },
  });
  runners.push(runner);
  const services = createTestServices({
    runner,
    onProgress: (p) => {
      progress.push(p);
      for (const listener of progressListeners) listener(p);
    },
  });
  const next = <T>(listeners: ((value: T) => void)[], test: (value: T) => boolean) =>
    new Promise<T>((resolve) => listeners.push((value) => test(value) && resolve(value)));
  return {
    ...services,
    runner,
    threads,
    progress,
    nextProgress: (test: (p: TaskProgress) => boolean) => next(progressListeners, test),
    nextThread: (test: (e: ThreadEvent) => boolean) => next(threadListeners, test),
  };
}

/** One sheet of 99 000 rows × 10 columns (a header and 98 999 rows), written with ExcelJS's streaming writer. */
async function bigWorkbook(): Promise<string> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Stor');
  sheet.addRow(Array.from({ length: 10 }, (_, c) => `Kolumn ${c + 1}`)).commit();
  for (let r = 1; r < 99_000; r++) sheet.addRow([`Kommun ${r}`, r, r * 2, r * 3, r * 4, r * 5, r * 6, r * 7, r * 8, r * 9]).commit();
  sheet.commit();
  await workbook.commit();
  return encodeBase64(new Uint8Array(Buffer.concat(chunks)));
}

/**
 * A CSV of `rows` new organisations, each with a contact person and a membership period; the kind is stated,
 * since a name that is no municipality would otherwise wait for review.
 */
function csv(rows: number): string {
  const lines = ['Organisation;Kommunkod;Kontaktperson;E-post;Medlem sedan;Typ'];
  for (let i = 1; i <= rows; i++) lines.push(`Testförening ${i};;Person ${i};person${i}@exempel.se;2022-01-01;Annan organisation`);
  return encodeBase64(new TextEncoder().encode(`${lines.join('\r\n')}\r\n`));
}
const csvFile = (rows: number) => ({ fileName: 'stor.csv', bytesBase64: csv(rows), sheet: 'stor', mapping: { organisation: 0, name: 2, email: 3, joined: 4, kind: 5 }, decisions: {} });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('jobs on a worker thread', () => {
  it('keeps a light channel answering within 100 ms while a 990 000-cell sheet is read, and a cancel ends the worker', { timeout: 300_000 }, async () => {
    const bytesBase64 = await bigWorkbook();
    const s = threaded();
    const before = s.repo.get();

    /**
     * Asks as a request from the window arrives: as a task of its own on the event loop (IPC), so the time counts
     * from the asking, including any wait for the thread to be free, to the answer.
     */
    const ask = (channel: 'overview/get' | 'app/get-info') =>
      new Promise<number>((resolve, reject) => {
        const asked = performance.now();
        setImmediate(() => {
          s.call(channel, {}).then((answer) => (answer.ok ? resolve(performance.now() - asked) : reject(new Error(answer.error.message))), reject);
        });
      });

    // The whole read, asked every 100 ms throughout.
    let settled = false;
    const reading = s.call('imports/read', { fileName: 'stor.xlsx', bytesBase64, taskId: 'stor' }).finally(() => (settled = true));
    const latencies: number[] = [];
    while (!settled) {
      for (const channel of ['overview/get', 'app/get-info'] as const) latencies.push(await ask(channel));
      await sleep(100);
    }
    const read = await reading;
    if (!read.ok) throw new Error(read.error.message);
    expect(read.data.sheets.map((sheet) => [sheet.name, sheet.header.length, sheet.rowCount])).toEqual([['Stor', 10, 98_999]]);
    expect(latencies.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...latencies)).toBeLessThan(100);

    // Again, cancelled halfway: the worker that read it is terminated, not asked.
    const threadId = s.threads[0]?.threadId;
    const started = s.nextProgress((p) => p.taskId === 'again' && p.phase === 'reading' && p.done === 0);
    const again = s.call('imports/read', { fileName: 'stor.xlsx', bytesBase64, taskId: 'again' });
    await started;
    for (let i = 0; i < 5; i++) {
      expect(await ask('overview/get')).toBeLessThan(100);
      await sleep(50);
    }
    const exited = s.nextThread((e) => e.event === 'exit' && e.threadId === threadId);
    expect(await s.call('tasks/cancel', { taskId: 'again' })).toEqual({ ok: true, data: { cancelled: true } });
    expect(await again).toEqual({ ok: false, error: { code: 'cancelled', message: 'Importen avbröts. Inget har ändrats.' } });
    expect(await exited).toMatchObject({ event: 'exit', threadId });
    // None is kept for the next job, and the register is as it was.
    expect(s.runner.workers()).toEqual({ busy: 0, idle: 0 });
    expect(s.repo.get()).toBe(before);
    expect(s.port.saved).toEqual([]);
  });

  it('cancelling an import while it is planned ends its worker and leaves the register as it was; the id is free again', { timeout: 120_000 }, async () => {
    const s = threaded();
    const file = csvFile(20_000);
    const preview = await s.call('imports/preview', file);
    if (!preview.ok) throw new Error(preview.error.message);
    const before = s.repo.get();
    // The worker that planned the preview waits idle for the next job and takes the apply.
    expect(s.runner.workers()).toEqual({ busy: 0, idle: 1 });
    const threadId = s.threads[0]?.threadId;

    const planning = s.nextProgress((p) => p.taskId === 'a1' && p.phase === 'planning' && p.done >= 1_000);
    const applying = s.call('imports/apply', { ...file, expectedRevision: preview.data.revision, taskId: 'a1' });
    await planning;
    const exited = s.nextThread((e) => e.event === 'exit' && e.threadId === threadId);
    expect(await s.call('tasks/cancel', { taskId: 'a1' })).toEqual({ ok: true, data: { cancelled: true } });
    expect(await applying).toEqual({ ok: false, error: { code: 'cancelled', message: 'Importen avbröts. Inget har ändrats.' } });
    await exited;
    expect(s.progress.some((p) => p.taskId === 'a1' && p.phase === 'saving')).toBe(false);
    expect(s.repo.get()).toBe(before);
    expect(s.port.saved).toEqual([]);
    expect(s.repo.history().canUndo).toBe(false);

    // A new worker takes the same task id and the import goes through.
    const applied = await s.call('imports/apply', { ...file, expectedRevision: preview.data.revision, taskId: 'a1' });
    expect(applied).toMatchObject({ ok: true, data: { result: { organisationsCreated: 20_000 } } });
    expect(s.threads.filter((e) => e.event === 'online')).toHaveLength(2);
  });

  it('gives the same preview, import and workbooks as running in process, with the same progress', { timeout: 120_000 }, async () => {
    const inProcess = createTestServices();
    const s = threaded();
    const file = { ...csvFile(600), taskId: 'p' };
    const viaWorker = await s.call('imports/preview', file);
    expect(viaWorker).toEqual(await inProcess.call('imports/preview', file));
    expect(s.progress.map((p) => [p.phase, p.done, p.total])).toEqual([
      ['reading', 0, 1],
      ['planning', 0, 600],
      ['planning', 250, 600],
      ['planning', 500, 600],
      ['planning', 600, 600],
    ]);
    const revision = viaWorker.ok ? viaWorker.data.revision : -1;
    expect(await s.call('imports/apply', { ...file, expectedRevision: revision })).toEqual(await inProcess.call('imports/apply', { ...file, expectedRevision: revision }));
    expect(s.repo.get().organisations).toEqual(inProcess.repo.get().organisations);

    expect(await s.call('exports/accountant-workbook', { year: 2022, taskId: 'e' })).toEqual(await inProcess.call('exports/accountant-workbook', { year: 2022 }));
    expect(await s.call('packs/workbook', { date: '2022-06-30' })).toEqual(await inProcess.call('packs/workbook', { date: '2022-06-30' }));
    // One worker did it all, one job after the other.
    expect(s.threads.filter((e) => e.event === 'online')).toHaveLength(1);
  });

  it('passes a refusal from the worker on in Swedish, with its field, and the worker serves the next job', { timeout: 60_000 }, async () => {
    const s = threaded();
    const file = csvFile(3);
    expect(await s.call('imports/preview', { ...file, sheet: 'Finns inte' })).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'Bladet ”Finns inte” finns inte i filen. Välj ett annat blad.',
        field: 'sheet',
        label: 'Blad',
        fieldMessage: 'Bladet ”Finns inte” finns inte i filen. Välj ett annat blad.',
      },
    });
    const notExcel = encodeBase64(new TextEncoder().encode('Det här är ingen arbetsbok'));
    expect(await s.call('imports/read', { fileName: 'medlemmar.xlsx', bytesBase64: notExcel })).toMatchObject({ ok: false, error: { code: 'validation', message: importMessages.notExcel('xlsx') } });
    expect(await s.call('imports/read', { fileName: 'a.csv', bytesBase64: '@@@@' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Filen kom inte fram oskadd till registret. Välj filen igen.' },
    });
    expect((await s.call('imports/preview', file)).ok).toBe(true);
    expect(s.threads.filter((e) => e.event === 'online')).toHaveLength(1);
  });

  it('ends a worker that runs out of its memory with a Swedish message, and the next job gets a new one', { timeout: 120_000 }, async () => {
    const threads: ThreadEvent[] = [];
    // A heap the big file overruns and a small one fits in, with room for the register the job carries.
    const runner = createThreadRunner({ script: worker.script, resourceLimits: { maxOldGenerationSizeMb: 40, maxYoungGenerationSizeMb: 4 }, onThread: (e) => threads.push(e) });
    runners.push(runner);
    const s = createTestServices({ runner });
    const result = await s.call('imports/preview', csvFile(60_000));
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Arbetet krävde mer minne än programmet ger det och avbröts. Inget har ändrats. Försök med en mindre fil.' },
    });
    expect(runner.workers()).toEqual({ busy: 0, idle: 0 });
    expect(s.port.saved).toEqual([]);
    const small = await s.call('imports/preview', csvFile(3));
    expect(small.ok ? 'ok' : small.error.message).toBe('ok');
    expect(threads.filter((e) => e.event === 'online')).toHaveLength(2);
    expect(threads.find((e) => e.event === 'exit')?.exitCode).toBe(1);
  });
});
