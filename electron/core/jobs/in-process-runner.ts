/**
 * Runs the jobs on the caller's own thread, pausing between steps (a yield to the event loop) so a cancel can
 * arrive and stop the job at its next step. For tests and command-line tools that check the jobs' logic, progress
 * and cancellation step by step; the app and the web entry run the jobs in a worker (`worker-protocol.ts`).
 */
import type { TaskRunner } from '../handlers/ports';
import { runJob } from './jobs';

export function createInProcessRunner(): TaskRunner {
  return {
    run(job, input, { onProgress, signal }) {
      const checkpoint = async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal.aborted) throw signal.reason;
      };
      return runJob(job, input, { report: onProgress, checkpoint });
    },
  };
}
