/**
 * Long calls the UI can follow and stop: a call given a `taskId` registers here while it runs, reports its
 * progress through `ports.onProgress` (main forwards it as `task/progress`) and checks between its steps
 * whether `tasks/cancel` asked it to stop; if so it throws `AppError('cancelled')` with the task's Swedish
 * message. Its `signal` aborts at once on cancel, with that error as reason: a task runner terminates the worker
 * doing the task's heavy work on it. A task that `commit`s (an import whose durable write starts) can no longer
 * be cancelled.
 * A call without a `taskId` gets a handle that reports nothing and is never cancelled.
 */
import { AppError } from '../../contract/result';
import type { TaskPhase, TaskProgress } from '../../contract/events';
import type { JobProgress } from '../jobs/jobs';

export type TaskHandle = {
  /** Reports how far the task has come (nothing for a call without a task id). */
  report(phase: TaskPhase, done: number, total: number, detail?: string): void;
  isCancelled(): boolean;
  /** Aborts when the task is cancelled, with `AppError('cancelled')` (the task's message) as its reason. */
  signal: AbortSignal;
  /** Throws `AppError('cancelled')` if the task was cancelled. */
  check(): void;
  /**
   * From here on the task cannot be cancelled (`tasks/cancel` answers false). Throws `AppError('cancelled')`
   * instead if it already was, so the caller checks and commits in one step, with nothing in between.
   */
  commit(): void;
};

export type TaskRegistry = {
  /** Runs `work` as the task `taskId` (or untracked, without an id); the task is forgotten when it settles. */
  run<T>(taskId: string | undefined, cancelledMessage: string, work: (task: TaskHandle) => Promise<T>): Promise<T>;
  /** Asks a running task to stop; true when it will, false when it is past cancelling, finished or unknown. */
  cancel(taskId: string): boolean;
  /** Ids of the tasks running now (tests). */
  active(): string[];
};

type TaskState = { cancelled: boolean; committed: boolean; abort: AbortController; message: string };

export function createTaskRegistry(onProgress?: (progress: TaskProgress) => void): TaskRegistry {
  const running = new Map<string, TaskState>();

  function handle(taskId: string | undefined, state: TaskState, cancelledMessage: string): TaskHandle {
    const check = () => {
      if (state.cancelled) throw new AppError('cancelled', cancelledMessage);
    };
    return {
      report(phase, done, total, detail) {
        if (taskId === undefined || !onProgress) return;
        const progress: TaskProgress = { taskId, phase, done, total, cancellable: !state.committed };
        if (detail !== undefined) progress.detail = detail;
        try {
          onProgress(progress);
        } catch (error) {
          // Progress is a courtesy to the UI; a failing listener must not fail the work.
          console.error('[task/progress]', error);
        }
      },
      isCancelled: () => state.cancelled,
      signal: state.abort.signal,
      check,
      commit() {
        check();
        state.committed = true;
      },
    };
  }

  return {
    async run(taskId, cancelledMessage, work) {
      const state: TaskState = { cancelled: false, committed: false, abort: new AbortController(), message: cancelledMessage };
      if (taskId === undefined) return work(handle(undefined, state, cancelledMessage));
      if (running.has(taskId)) throw new AppError('conflict', 'En uppgift med samma id pågår redan. Vänta tills den är klar och försök igen.');
      running.set(taskId, state);
      try {
        return await work(handle(taskId, state, cancelledMessage));
      } finally {
        running.delete(taskId);
      }
    },
    cancel(taskId) {
      const state = running.get(taskId);
      if (!state || state.committed) return false;
      state.cancelled = true;
      state.abort.abort(new AppError('cancelled', state.message));
      return true;
    },
    active: () => [...running.keys()],
  };
}

/** A task as a job's control: the job's progress is the task's, and cancelling the task stops the job. */
export function jobControl(task: TaskHandle): { onProgress: (progress: JobProgress) => void; signal: AbortSignal } {
  return { onProgress: ({ phase, done, total, detail }) => task.report(phase, done, total, detail), signal: task.signal };
}
