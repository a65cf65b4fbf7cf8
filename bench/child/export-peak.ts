/**
 * Child process of the `export` case: holds the register as main does (read, validated, services created),
 * then makes one accountant workbook. Prints the RSS before the export and the kernel's peak RSS of the
 * process after it (`process.resourceUsage().maxRSS`, which no sampling interval can miss).
 * Usage: export-peak.ts <register.json> <year>
 */
import { readFile } from 'node:fs/promises';
import { parseDocumentBytes } from '../../electron/core/store/parse-document';
import { printChildResult } from '../lib/child-output';
import { collectGarbage } from '../lib/measure';
import { benchServices, dataOf } from '../lib/services';

async function main(): Promise<void> {
  const [file, yearText] = process.argv.slice(2);
  if (!file || !yearText) throw new Error('usage: export-peak.ts <register.json> <year>');

  const document = parseDocumentBytes(await readFile(file));
  const services = benchServices(document);
  collectGarbage();
  const rssBeforeMb = process.memoryUsage().rss / 1_048_576;
  const t0 = performance.now();
  const data = dataOf<{ sizeBytes: number }>(await services.call('exports/accountant-workbook', { year: Number(yearText) }), 'export');
  const ms = performance.now() - t0;
  // maxRSS is in kibibytes on Linux and macOS.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  printChildResult({ rssBeforeMb, peakRssMb, ms, sizeBytes: data.sizeBytes });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
