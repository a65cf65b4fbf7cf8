/**
 * Two first-ever starts at the same moment (issue 19, F8): two real processes run the app's open path on a
 * folder with no register yet, released together. Each time, exactly one creates the register (the default
 * data written once) and writes; the other waits for that register and reads it; neither fails.
 *
 * REGISTER_RACE_ITERATIONS sets the number of rounds (default 20).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { DEFAULT_DATA_PATH, makeTempDir } from '../support/store-helpers';
import { buildOpenChild, OpenChild } from '../support/register-open-runner';

const ITERATIONS = Number(process.env.REGISTER_RACE_ITERATIONS ?? 20);

describe('two first starts at once', () => {
  let workDir: string;
  let cleanup: () => Promise<void>;
  let bundle: string;

  beforeAll(async () => {
    ({ dir: workDir, cleanup } = await makeTempDir('sambruk-first-start-'));
    bundle = await buildOpenChild(workDir);
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it(`end with one register, one writer and one reader (${ITERATIONS} rounds)`, async () => {
    const defaultRevision = parseDocumentText(await readFile(DEFAULT_DATA_PATH, 'utf8')).meta.revision;
    for (let i = 0; i < ITERATIONS; i++) {
      const dataDir = path.join(workDir, `round-${i}`, 'data');
      const file = path.join(dataDir, 'register.json');
      const children = [0, 1].map(() => new OpenChild(bundle, [file, DEFAULT_DATA_PATH, '--wait-go', '--hold']));
      try {
        await Promise.all(children.map((c) => c.line('READY')));
        // Released in the same tick: both look for the lock and the file at about the same moment.
        for (const c of children) c.send('GO');
        const results = await Promise.all(children.map((c) => c.result()));
        const where = `round ${i}: ${JSON.stringify(results.map((r) => [r.readOnly, r.reason, r.outcome]))}`;

        const writers = results.filter((r) => !r.readOnly);
        const readers = results.filter((r) => r.readOnly);
        expect(writers, where).toHaveLength(1);
        expect(readers, where).toHaveLength(1);
        expect(writers[0]?.outcome, where).toBe('created-default');
        expect(readers[0], where).toMatchObject({ reason: 'locked', outcome: 'opened' });
        // The reader sees exactly the register the writer created.
        expect(readers[0]?.digest, where).toBe(writers[0]?.digest);
        expect(readers[0]?.revision, where).toBe(defaultRevision);

        // Both windows work: the writer saves, the reader is refused as read-only.
        for (const c of children) c.send('SAVE');
        const saves = await Promise.all(children.map((c) => c.line('SAVE')));
        expect(saves.sort(), where).toEqual(['ok', 'read-only']);
      } finally {
        await Promise.all(children.map((c) => c.end()));
      }
      // One register, no quarantine, no conflict copy, no temp file, and the lock gone with its holder.
      const names = (await readdir(dataDir)).sort();
      expect(names, `round ${i}`).toEqual(['register-sakerhetskopior', 'register.json']);
      expect(parseDocumentText(await readFile(file, 'utf8')).meta.revision, `round ${i}`).toBe(defaultRevision + 1);
    }
  }, Math.max(120_000, ITERATIONS * 6000));
});
