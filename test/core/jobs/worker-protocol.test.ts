/**
 * Both sides of the worker protocol without a real thread: fake workers that run `serveJobs` on messages copied
 * as `postMessage` copies them. One worker per running job, reuse of a finished one, at most one kept idle and
 * only for a while, a cancel that terminates, a worker that dies, and errors that cross with their code.
 */
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { createWorkerRunner, fromWire, serveJobs, toWire, type SpawnWorker, type ToWorker, type WorkerEvents } from '../../../electron/core/jobs/worker-protocol';
import { loadDefaultDocument } from '../../support/memory-document';
import { accountantSheetNames } from '../../../electron/core/exports/accountant-workbook';

type Fake = { id: number; events: WorkerEvents; terminated: boolean; posted: ToWorker[]; alive: boolean[] };

/** Fake workers: `serve` decides whether each runs the real jobs (default) or only records what it was sent. */
function fakes(serve = true) {
  const spawned: Fake[] = [];
  const spawn: SpawnWorker = (events) => {
    const fake: Fake = { id: spawned.length + 1, events, terminated: false, posted: [], alive: [] };
    spawned.push(fake);
    let toWorker: ((message: unknown) => void) | undefined;
    if (serve) {
      serveJobs({
        post: (message) => setTimeout(() => !fake.terminated && events.message(structuredClone(message)), 0),
        listen: (handler) => (toWorker = handler),
      });
    }
    return {
      post: (message) => {
        fake.posted.push(message);
        const copy = structuredClone(message);
        setTimeout(() => !fake.terminated && toWorker?.(copy), 0);
      },
      terminate: () => {
        fake.terminated = true;
        setTimeout(() => events.exit(), 0);
      },
      keepAlive: (alive) => fake.alive.push(alive),
    };
  };
  return { spawned, spawn };
}

const control = () => ({ onProgress: vi.fn(), signal: new AbortController().signal });
const NOW = new Date('2022-06-30T10:00:00Z');

describe('createWorkerRunner', () => {
  it('runs a job in a worker, forwards its progress, and keeps the worker for the next job', async () => {
    const { spawned, spawn } = fakes();
    const runner = createWorkerRunner(spawn);
    const first = control();
    const workbook = await runner.run('accountant-workbook', { document: loadDefaultDocument(), year: 2022, includePersonalDetails: false, now: NOW }, first);
    expect(workbook.fileName).toBe('Ekonomiunderlag 2022.xlsx');
    expect(first.onProgress.mock.calls.map(([p]) => p.phase)).toEqual([...accountantSheetNames.map(() => 'building'), 'writing']);
    expect(runner.workers()).toEqual({ busy: 0, idle: 1 });
    const settings = loadDefaultDocument().settings;
    await runner.run('read-import', { fileName: 'a.csv', bytesBase64: btoa('Kommun;Kod\nAle;1440\n'), settings }, control());
    expect(spawned).toHaveLength(1);
    // Held while busy, let go while idle.
    expect(spawned[0]!.alive).toEqual([true, false, true, false]);
    runner.close();
    expect(spawned[0]!.terminated).toBe(true);
  });

  it('gives each running job its own worker and keeps at most one idle', async () => {
    const { spawned, spawn } = fakes();
    const runner = createWorkerRunner(spawn);
    const settings = loadDefaultDocument().settings;
    const read = () => runner.run('read-import', { fileName: 'a.csv', bytesBase64: btoa('Kommun;Kod\nAle;1440\n'), settings }, control());
    const both = Promise.all([read(), read()]);
    expect(runner.workers()).toEqual({ busy: 2, idle: 0 });
    await both;
    expect(spawned).toHaveLength(2);
    expect(runner.workers()).toEqual({ busy: 0, idle: 1 });
    expect(spawned.filter((f) => f.terminated)).toHaveLength(1);
    runner.close();
  });

  it('ends an idle worker after a while', async () => {
    const { spawned, spawn } = fakes();
    const runner = createWorkerRunner(spawn, { idleMs: 20 });
    await runner.run('read-import', { fileName: 'a.csv', bytesBase64: btoa('Kommun\nAle\n'), settings: {} }, control());
    expect(runner.workers().idle).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(spawned[0]!.terminated).toBe(true);
    expect(runner.workers()).toEqual({ busy: 0, idle: 0 });
  });

  it('terminates the worker on abort and rejects with the reason; an aborted signal starts no worker', async () => {
    const { spawned, spawn } = fakes(false);
    const runner = createWorkerRunner(spawn);
    const abort = new AbortController();
    const running = runner.run('read-import', { fileName: 'a.csv', bytesBase64: '', settings: {} }, { onProgress: vi.fn(), signal: abort.signal });
    const reason = new AppError('cancelled', 'Importen avbröts. Inget har ändrats.');
    abort.abort(reason);
    await expect(running).rejects.toBe(reason);
    expect(spawned[0]!.terminated).toBe(true);
    expect(runner.workers()).toEqual({ busy: 0, idle: 0 });
    // The exit that follows the terminate is no error for anyone.
    await new Promise((resolve) => setTimeout(resolve, 5));

    await expect(runner.run('read-import', { fileName: 'a.csv', bytesBase64: '', settings: {} }, { onProgress: vi.fn(), signal: abort.signal })).rejects.toBe(reason);
    expect(spawned).toHaveLength(1);
  });

  it('a worker that dies mid-job: a Swedish `internal` answer, and the next job gets a new worker', async () => {
    const { spawned, spawn } = fakes(false);
    const runner = createWorkerRunner(spawn);
    const running = runner.run('read-import', { fileName: 'a.csv', bytesBase64: '', settings: {} }, control());
    spawned[0]!.events.exit();
    await expect(running).rejects.toMatchObject({ code: 'internal', message: 'Arbetet i bakgrunden avbröts oväntat. Inget har ändrats. Försök igen.' });
    const failing = runner.run('read-import', { fileName: 'a.csv', bytesBase64: '', settings: {} }, control());
    expect(spawned).toHaveLength(2);
    spawned[1]!.events.failure(new Error('boom'));
    await expect(failing).rejects.toThrow('boom');
    expect(spawned[1]!.terminated).toBe(true);
  });

  it('passes a refusal on with its code, message and details, and keeps the worker', async () => {
    const { spawned, spawn } = fakes();
    const runner = createWorkerRunner(spawn);
    const refused = runner.run('read-import', { fileName: 'a.csv', bytesBase64: '***', settings: {} }, control());
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'validation', message: 'Filen kom inte fram oskadd till registret. Välj filen igen.' });
    expect(runner.workers()).toEqual({ busy: 0, idle: 1 });
    expect(spawned).toHaveLength(1);
    runner.close();
  });
});

describe('serveJobs', () => {
  it('answers a malformed request and an unknown job with a failure, not silence', async () => {
    const posted: unknown[] = [];
    let handler: (message: unknown) => void = () => undefined;
    serveJobs({ post: (m) => posted.push(m), listen: (h) => (handler = h) });
    handler({ type: 'nonsense' });
    handler({ type: 'run', job: 'format-disk', input: {} });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted).toEqual([
      { type: 'failed', error: { app: false, message: 'Malformed request to the task worker.' } },
      { type: 'failed', error: expect.objectContaining({ app: false, message: 'Unknown job: format-disk' }) },
    ]);
  });
});

describe('errors on the wire', () => {
  it('keeps an AppError an AppError (its field, the sentence for beside it and its details) and makes anything else an internal error with the worker’s stack', () => {
    const back = fromWire(structuredClone(toWire(new AppError('validation', 'Blad: Fel.', { field: 'sheet', row: 3 }, 'Fel.'))));
    expect(back).toBeInstanceOf(AppError);
    expect(back).toMatchObject({ code: 'validation', message: 'Blad: Fel.', field: 'sheet', fieldMessage: 'Fel.', details: { row: 3 } });
    const plain = fromWire(structuredClone(toWire(new AppError('conflict', 'Upptaget.'))));
    expect(plain).toMatchObject({ code: 'conflict', message: 'Upptaget.' });
    expect((plain as AppError).field).toBeUndefined();
    const bug = fromWire(structuredClone(toWire(new TypeError('x is undefined'))));
    expect(bug).not.toBeInstanceOf(AppError);
    expect(bug.message).toBe('Worker: x is undefined');
    expect(bug.stack).toContain('TypeError: x is undefined');
    // A code the contract does not know is not trusted as one.
    expect(fromWire({ app: true, code: 'pwned' as never, message: 'm' })).not.toBeInstanceOf(AppError);
  });
});
