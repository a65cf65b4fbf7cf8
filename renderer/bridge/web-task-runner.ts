/**
 * The web entry's task runner: each running job gets a Web Worker of its own (`task.worker.ts`), so the page
 * stays responsive while an import is read and planned or a workbook built; cancelling terminates the worker.
 */
import { createWorkerRunner, type WorkerRunner } from '../../electron/core/jobs/worker-protocol';

export function createWebTaskRunner(): WorkerRunner {
  return createWorkerRunner((events) => {
    const worker = new Worker(new URL('./task.worker.ts', import.meta.url), { type: 'module', name: 'Sambruk Kansli – uppgift' });
    worker.addEventListener('message', (event) => events.message(event.data));
    worker.addEventListener('messageerror', (event) => events.failure(new Error(`The task worker's answer could not be read (${event.type}).`)));
    worker.addEventListener('error', (event) => {
      // The page learns of an uncaught error (or a script that failed to load) here; the event is handled.
      event.preventDefault();
      events.failure(new Error(event.message || 'The task worker failed.'));
    });
    return {
      post: (message) => worker.postMessage(message),
      // A Web Worker ends at once and reports no exit.
      terminate: () => worker.terminate(),
    };
  });
}
