/**
 * Child process of the `main-memory` case, a stand-in for Electron's main process (which cannot run here):
 * opens the register with the node store, creates the core's services over it, and answers the first
 * screen's question once, as main does at start. Prints the RSS then (after a garbage collection) and the
 * kernel's peak RSS of the process (`process.resourceUsage().maxRSS`), which includes opening the file.
 * Electron's own main process adds its runtime (tens of MB) on top; this measures what our code holds.
 * Usage: main-memory.ts <register.json>
 */
import { openDocumentFile } from '../../electron/node/document-file-store';
import { printChildResult } from '../lib/child-output';
import { collectGarbage } from '../lib/measure';
import { benchServices, dataOf } from '../lib/services';

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error('usage: main-memory.ts <register.json>');

  const baseRssMb = process.memoryUsage().rss / 1_048_576;
  const t0 = performance.now();
  const opened = await openDocumentFile({
    file,
    createDefault: () => {
      throw new Error('The bench register must exist');
    },
  });
  const services = benchServices(opened.document, (doc) => opened.port.save(doc));
  dataOf(await services.call('overview/get', {}), 'overview/get');
  const openMs = performance.now() - t0;
  collectGarbage();
  collectGarbage();
  const heldRssMb = process.memoryUsage().rss / 1_048_576;
  const heapUsedMb = process.memoryUsage().heapUsed / 1_048_576;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  printChildResult({ baseRssMb, heldRssMb, heapUsedMb, peakRssMb, openMs });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
