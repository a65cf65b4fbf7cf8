/**
 * The jobs of `jobs.ts` in a worker, both sides of it, with nothing specific to Node or the browser: the worker
 * serves one job at a time (`serveJobs`), and the caller's runner (`createWorkerRunner`) gives every running job a
 * worker of its own, so cancelling a job terminates exactly its worker. A worker that finished its job is kept
 * for the next one for a while (starting one loads the whole core), and at most one is kept idle.
 * `electron/node/workers/` adapts this to `worker_threads`, `renderer/bridge/` to a Web Worker.
 */
import { AppError, errorCodes, type ErrorCode, type ErrorDetails } from '../../contract/result';
import type { TaskRunner } from '../handlers/ports';
import { runJob, type JobName, type JobProgress } from './jobs';

export type ToWorker = { type: 'run'; job: JobName; input: unknown };

/** An error as it crosses: an `AppError` keeps its code, Swedish message, field and details; anything else is a bug. */
export type WireError =
  | { app: true; code: ErrorCode; message: string; field?: string; fieldMessage?: string; details?: ErrorDetails }
  | { app: false; message: string; stack?: string };

export type FromWorker = { type: 'progress'; progress: JobProgress } | { type: 'done'; output: unknown } | { type: 'failed'; error: WireError };

export function toWire(error: unknown): WireError {
  if (error instanceof AppError) {
    return {
      app: true,
      code: error.code,
      message: error.message,
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(error.fieldMessage !== undefined ? { fieldMessage: error.fieldMessage } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    };
  }
  if (error instanceof Error) return error.stack === undefined ? { app: false, message: error.message } : { app: false, message: error.message, stack: error.stack };
  return { app: false, message: String(error) };
}

export function fromWire(error: WireError): Error {
  if (error.app && errorCodes.includes(error.code)) {
    const details = error.field !== undefined ? { ...error.details, field: error.field } : error.details;
    return new AppError(error.code, error.message, details, error.fieldMessage);
  }
  const failure = new Error(`Worker: ${error.message}`);
  if (!error.app && error.stack !== undefined) failure.stack = error.stack;
  return failure;
}

/** The worker's side: runs each `run` message's job and answers with its progress and then its result or error. */
export function serveJobs(port: { post(message: FromWorker): void; listen(handler: (message: unknown) => void): void }): void {
  // A worker is terminated to cancel, so nothing needs to pause for a stop request to arrive.
  const context = { report: (progress: JobProgress) => port.post({ type: 'progress', progress }), checkpoint: async () => undefined };
  port.listen((message) => {
    const request = message as Partial<ToWorker> | null;
    if (request?.type !== 'run' || typeof request.job !== 'string') {
      port.post({ type: 'failed', error: { app: false, message: 'Malformed request to the task worker.' } });
      return;
    }
    runJob(request.job, request.input as never, context).then(
      (output) => {
        try {
          port.post({ type: 'done', output });
        } catch (error) {
          port.post({ type: 'failed', error: toWire(error) });
        }
      },
      (error: unknown) => {
        try {
          port.post({ type: 'failed', error: toWire(error) });
        } catch {
          // Details that cannot be cloned: the code and message still cross.
          const wire = toWire(error);
          port.post({ type: 'failed', error: wire.app ? { app: true, code: wire.code, message: wire.message } : { app: false, message: wire.message } });
        }
      },
    );
  });
}

/** What the runner needs of one worker. */
export type WorkerHandle = {
  post(message: ToWorker): void;
  /** Ends the worker where it stands; `exit` follows. */
  terminate(): void;
  /** Whether the worker keeps its process alive: while it runs a job, not while it waits idle (Node only). */
  keepAlive?(alive: boolean): void;
};

/** What a worker reports: a message, an uncaught error (or running out of memory), its end. */
export type WorkerEvents = { message(data: unknown): void; failure(error: unknown): void; exit(): void };

export type SpawnWorker = (events: WorkerEvents) => WorkerHandle;

export type WorkerRunner = TaskRunner & {
  /** Workers running a job now and kept idle (tests). */
  workers(): { busy: number; idle: number };
  /** Terminates the idle workers (the running ones end with their jobs). */
  close(): void;
};

/** How long a worker that finished a job waits for the next one before it is ended. */
const IDLE_MS = 30_000;

const vanished = () => new AppError('internal', 'Arbetet i bakgrunden avbröts oväntat. Inget har ändrats. Försök igen.');

type Slot = {
  handle: WorkerHandle;
  /** The job it runs now; undefined while it is idle. */
  job?: { onMessage(message: FromWorker): void; onFailure(error: unknown): void };
  alive: boolean;
  idleTimer?: ReturnType<typeof setTimeout>;
};

export function createWorkerRunner(spawn: SpawnWorker, options: { idleMs?: number; describeFailure?: (error: unknown) => Error } = {}): WorkerRunner {
  const idleMs = options.idleMs ?? IDLE_MS;
  const describeFailure = options.describeFailure ?? ((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const busy = new Set<Slot>();
  let idle: Slot | undefined;

  function start(): Slot {
    const slot: Slot = { handle: undefined as unknown as WorkerHandle, alive: true };
    slot.handle = spawn({
      message: (data) => slot.job?.onMessage(data as FromWorker),
      failure: (error) => {
        slot.alive = false;
        slot.job?.onFailure(describeFailure(error));
      },
      exit: () => {
        slot.alive = false;
        if (idle === slot) idle = undefined;
        slot.job?.onFailure(vanished());
      },
    });
    return slot;
  }

  function end(slot: Slot): void {
    slot.alive = false;
    slot.job = undefined;
    if (slot.idleTimer !== undefined) clearTimeout(slot.idleTimer);
    if (idle === slot) idle = undefined;
    slot.handle.terminate();
  }

  function release(slot: Slot): void {
    busy.delete(slot);
    slot.job = undefined;
    if (!slot.alive || idle !== undefined) {
      end(slot);
      return;
    }
    idle = slot;
    slot.idleTimer = setTimeout(() => end(slot), idleMs);
    // An idle worker must not keep a Node process (a test, a command-line tool) alive.
    (slot.idleTimer as { unref?: () => void }).unref?.();
    slot.handle.keepAlive?.(false);
  }

  function take(): Slot {
    const slot = idle ?? start();
    idle = undefined;
    if (slot.idleTimer !== undefined) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    busy.add(slot);
    slot.handle.keepAlive?.(true);
    return slot;
  }

  return {
    run(job, input, { onProgress, signal }) {
      if (signal.aborted) return Promise.reject(signal.reason as Error);
      return new Promise((resolve, reject) => {
        const slot = take();
        let settled = false;
        const settle = (after: () => void, reuse: boolean) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          if (reuse) release(slot);
          else {
            busy.delete(slot);
            end(slot);
          }
          after();
        };
        const onAbort = () => settle(() => reject(signal.reason as Error), false);
        slot.job = {
          onMessage(message) {
            if (settled) return;
            if (message.type === 'progress') onProgress(message.progress);
            else if (message.type === 'done') settle(() => resolve(message.output as never), true);
            else if (message.type === 'failed') settle(() => reject(fromWire(message.error)), true);
          },
          onFailure: (error) => settle(() => reject(error), false),
        };
        signal.addEventListener('abort', onAbort, { once: true });
        try {
          slot.handle.post({ type: 'run', job, input });
        } catch (error) {
          // Input that cannot be cloned is a bug in the caller; the worker itself is fine.
          settle(() => reject(error instanceof Error ? error : new Error(String(error))), true);
        }
      });
    },
    workers: () => ({ busy: busy.size, idle: idle === undefined ? 0 : 1 }),
    close() {
      if (idle !== undefined) end(idle);
    },
  };
}
