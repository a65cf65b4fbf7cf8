/**
 * The desktop's task runner: each running job gets a `worker_threads` thread of its own (`task-worker.cjs`), so
 * reading a large sheet or building a workbook never holds the main process, which keeps answering the window;
 * cancelling terminates the thread where it stands. A thread's heap is capped, so a file that would need more
 * memory ends that thread with a Swedish message instead of the whole app.
 */
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../contract/result';
import { createWorkerRunner, type WorkerRunner } from '../../core/jobs/worker-protocol';

/** The bundled worker beside the bundled main (`out/main/`). */
export const TASK_WORKER_FILE = 'task-worker.cjs';

export function taskWorkerPath(mainDir: string): string {
  return path.join(mainDir, TASK_WORKER_FILE);
}

/** Room for the largest file the import accepts (20 MB, a million cells) with a wide margin. */
const RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 3_072 };

const OUT_OF_MEMORY = 'Arbetet krävde mer minne än programmet ger det och avbröts. Inget har ändrats. Försök med en mindre fil.';

export type ThreadRunnerOptions = {
  /** The worker's script (the bundled `task-worker.cjs`). */
  script: string;
  resourceLimits?: ResourceLimits;
  idleMs?: number;
  /** Hears each thread's start and end (tests: a cancelled job's thread is gone). */
  onThread?: (event: { threadId: number; event: 'online' | 'exit'; exitCode?: number }) => void;
};

export function createThreadRunner(options: ThreadRunnerOptions): WorkerRunner {
  return createWorkerRunner(
    (events) => {
      const worker = new Worker(options.script, { resourceLimits: options.resourceLimits ?? RESOURCE_LIMITS });
      const { threadId } = worker;
      worker.on('online', () => options.onThread?.({ threadId, event: 'online' }));
      worker.on('message', events.message);
      worker.on('messageerror', events.failure);
      worker.on('error', events.failure);
      worker.on('exit', (exitCode) => {
        options.onThread?.({ threadId, event: 'exit', exitCode });
        events.exit();
      });
      return {
        post: (message) => worker.postMessage(message),
        terminate: () => void worker.terminate(),
        keepAlive: (alive) => (alive ? worker.ref() : worker.unref()),
      };
    },
    {
      ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}),
      describeFailure: (error) =>
        (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('internal', OUT_OF_MEMORY) : error instanceof Error ? error : new Error(String(error)),
    },
  );
}
