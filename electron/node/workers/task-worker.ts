/**
 * The entry of the desktop's task worker (a `worker_threads` thread of the main process): it serves the core's
 * jobs, one at a time, to `thread-runner.ts`. Bundled by `scripts/build.mjs` beside main as `task-worker.cjs`.
 */
import { parentPort } from 'node:worker_threads';
import { serveJobs } from '../../core/jobs/worker-protocol';

const port = parentPort;
if (!port) throw new Error('task-worker runs only as a worker thread');
serveJobs({ post: (message) => port.postMessage(message), listen: (handler) => port.on('message', handler) });
