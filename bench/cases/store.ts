/**
 * `open` and `save`: the file store as the desktop app uses it.
 *
 * - open: `openDocumentFile` on the register (read, strict UTF-8 decode, parse, migrate, zod validation,
 *   backup folder check) against reading the same bytes and `JSON.parse` alone.
 * - save: one change made durable through `createRepository` over the opened store (immer change, change-log
 *   record, serialise, temp file, fsync, rename, folder fsync, rolling backup) against writing and fsyncing
 *   the same bytes with plain `fs` (open, write, fsync, close).
 */
import { copyFile, mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { openDocumentFile } from '../../electron/node/document-file-store';
import { createRepository } from '../../electron/core/store/repository';
import { serialiseDocument } from '../../electron/core/store/parse-document';
import type { BenchContext } from '../lib/context';
import { collectGarbage, measure } from '../lib/measure';
import { timed, type BenchResult } from '../lib/results';

const refuseDefault = () => {
  throw new Error('The bench register must exist');
};

export async function benchOpen(ctx: BenchContext): Promise<BenchResult> {
  const dir = path.join(ctx.dir, 'open');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'register.json');
  await copyFile(ctx.documentFile, file);
  const budgetMs = 8_000 * Math.max(1, ctx.scale / 5);
  collectGarbage();
  const ours = await measure(async () => {
    const opened = await openDocumentFile({ file, createDefault: refuseDefault });
    if (opened.report.outcome !== 'opened') throw new Error(`open: ${opened.report.outcome}`);
  }, { budgetMs });
  collectGarbage();
  const baseline = await measure(async () => {
    JSON.parse((await readFile(file)).toString('utf8'));
  }, { budgetMs });
  return timed('open', ours, { baseline: { label: 'readFile + JSON.parse', samples: baseline } });
}

export async function benchSave(ctx: BenchContext): Promise<BenchResult> {
  const dir = path.join(ctx.dir, 'save');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'register.json');
  await copyFile(ctx.documentFile, file);
  const opened = await openDocumentFile({ file, createDefault: refuseDefault });
  let id = 0;
  const repo = createRepository({
    initial: opened.document,
    persist: (doc) => opened.port.save(doc),
    clock: () => new Date(),
    ids: () => `bench-${++id}`,
  });
  const organisations = repo.get().organisations;
  const budgetMs = 8_000 * Math.max(1, ctx.scale / 5);
  collectGarbage();
  const ours = await measure(async (i) => {
    const index = (i * 7919) % organisations.length;
    await repo.change('Bänkändring', (tx) => {
      const org = organisations[index];
      if (!org) throw new Error('no organisation');
      tx.organisations.update(org.id, { note: `Bänkändring ${i}` }, { summary: `Ändrade anteckningen för ${org.name}` });
    });
  }, { budgetMs, maxSamples: 40 });

  // The same bytes the store just wrote, written the plainest durable way.
  const bytes = Buffer.from(serialiseDocument(repo.get()), 'utf8');
  const plain = path.join(dir, 'plain.json');
  collectGarbage();
  const baseline = await measure(async () => {
    const handle = await open(plain, 'w');
    try {
      await handle.write(bytes, 0, bytes.length, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }, { budgetMs, maxSamples: 40 });
  return timed('save', ours, { baseline: { label: 'fs open/write/fsync/close', samples: baseline } });
}
