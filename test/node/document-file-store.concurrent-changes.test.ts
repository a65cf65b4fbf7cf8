/**
 * 100 changes fired at once through the API (dispatch -> services -> repository -> the real file store):
 * each is saved exactly once, in a queue, and all of them are on disk afterwards.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/handlers/create-handlers';
import { dispatch } from '../../electron/core/handlers/dispatch';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { nodeStoreFs, type StoreFs } from '../../electron/node/durable-json-file';
import { openDocumentFile } from '../../electron/node/document-file-store';
import { defaultDocument, makeTempDir } from '../support/store-helpers';
import { createInProcessRunner } from '../../electron/core/jobs/in-process-runner';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('sambruk-concurrent-'));
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  await cleanup();
});

const N = 100;

describe('100 concurrent changes through the API', () => {
  it('are all saved, each exactly once, with one revision and one change-log entry apiece', async () => {
    const replaced: string[] = [];
    const counting: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        if (to === file) replaced.push(from);
        return nodeStoreFs.rename(from, to);
      },
    };
    const store = await openDocumentFile({ file, createDefault: defaultDocument, fs: counting });
    const startRevision = store.document.meta.revision;
    const startLog = store.document.changeLog.length;
    const startServices = store.document.services.length;
    replaced.length = 0;

    let id = 0;
    const { handlers } = createHandlers({
      clock: () => new Date('2026-03-02T09:00:00.000Z'),
      ids: () => `c-${++id}`,
      document: store.port,
      initial: store.document,
      loadReport: store.report,
      app: { version: 'test', mode: 'desktop', dataFile: file, backupDir: store.backupDir },
      runner: createInProcessRunner(),
    });

    const names = Array.from({ length: N }, (_, i) => `Samtidig tjänst ${String(i + 1).padStart(3, '0')}`);
    const results = await Promise.all(names.map((name) => dispatch(handlers, 'services/create', { name })));

    expect(results.filter((r) => !r.ok)).toEqual([]);
    // One durable replace of the file per change, no more, no fewer.
    expect(replaced).toHaveLength(N);
    expect(new Set(replaced).size).toBe(N);

    const onDisk = parseDocumentText(await readFile(file, 'utf8'));
    expect(onDisk.meta.revision).toBe(startRevision + N);
    const newLog = onDisk.changeLog.slice(startLog);
    expect(newLog).toHaveLength(N);
    expect(new Set(newLog.map((e) => e.id)).size).toBe(N);
    expect(onDisk.services).toHaveLength(startServices + N);
    for (const name of names) expect(onDisk.services.filter((s) => s.name === name), name).toHaveLength(1);

    // And a fresh start sees exactly the same.
    const reopened = await openDocumentFile({ file, createDefault: defaultDocument });
    expect(reopened.report.outcome).toBe('opened');
    expect(reopened.document).toEqual(onDisk);
  });
});
