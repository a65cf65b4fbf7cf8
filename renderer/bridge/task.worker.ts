/**
 * The web entry's task worker (a Web Worker): serves the core's jobs, one at a time, to `web-task-runner.ts`, so
 * reading a large sheet or building a workbook never freezes the page. Vite bundles it as a file of its own.
 */
import { serveJobs, type FromWorker } from '../../electron/core/jobs/worker-protocol';

const scope = self as unknown as { postMessage(message: FromWorker): void; addEventListener(type: 'message', listener: (event: MessageEvent) => void): void };
serveJobs({ post: (message) => scope.postMessage(message), listen: (handler) => scope.addEventListener('message', (event) => handler(event.data)) });
