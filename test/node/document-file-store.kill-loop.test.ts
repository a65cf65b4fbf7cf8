/**
 * Crash safety under kill -9: a child saves in a loop and is killed at a random moment; the file must then
 * always parse and validate, and hold at least the last revision the child acknowledged. The same file is
 * reused across iterations so crashes (and left-over temp files) accumulate.
 *
 * STORE_KILL_ITERATIONS sets the number of iterations (default 200; a soak run can use 1000).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { openDocumentFile } from '../../electron/node/document-file-store';
import { DEFAULT_DATA_PATH, defaultDocument, makeTempDir } from '../support/store-helpers';

const ITERATIONS = Number(process.env.STORE_KILL_ITERATIONS ?? 200);
const SEED = Number(process.env.STORE_KILL_SEED ?? 20260115);
const CHILD_SOURCE = fileURLToPath(new URL('../support/store-save-child.ts', import.meta.url));

/** mulberry32: small, seeded, good enough to spread kill moments. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type RunResult = { opened: string; openedRevision: number; lastAck: number; acks: number; signal: string | null; stderr: string };

/** Spawns the child, kills it `delayMs` after its first ACK, resolves when it is gone. */
function runOnce(bundle: string, file: string, delayMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, file, DEFAULT_DATA_PATH], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let opened = '';
    let openedRevision = -1;
    let lastAck = -1;
    let acks = 0;
    let killTimer: NodeJS.Timeout | undefined;
    // A child that never acknowledges is a failure, not a hang.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const [word, a, b] = line.split(' ');
        if (word === 'OPEN') {
          opened = a ?? '';
          openedRevision = Number(b);
        } else if (word === 'ACK') {
          lastAck = Number(a);
          acks += 1;
          killTimer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      if (killTimer) clearTimeout(killTimer);
      resolve({ opened, openedRevision, lastAck, acks, signal, stderr });
    });
  });
}

describe('kill -9 during saves', () => {
  let workDir: string;
  let cleanup: () => Promise<void>;
  let bundle: string;

  beforeAll(async () => {
    ({ dir: workDir, cleanup } = await makeTempDir('sambruk-kill-'));
    bundle = path.join(workDir, 'store-save-child.mjs');
    await build({
      entryPoints: [CHILD_SOURCE],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
    });
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it(`the file is always whole and holds every acknowledged save (${ITERATIONS} kills)`, async () => {
    const dataDir = path.join(workDir, 'data');
    const file = path.join(dataDir, 'register.json');
    const random = seededRandom(SEED);
    let floor = 0; // revision known to be durable: the last ACK seen so far
    let totalAcks = 0;

    for (let i = 0; i < ITERATIONS; i++) {
      const delayMs = 1 + Math.floor(random() * 40);
      const run = await runOnce(bundle, file, delayMs);
      const where = `iteration ${i} (kill ${delayMs} ms after first ACK)`;

      expect(run.signal, `${where}: child was not killed; stderr: ${run.stderr}`).toBe('SIGKILL');
      expect(run.acks, `${where}: no ACK; stderr: ${run.stderr}`).toBeGreaterThan(0);
      // The child must never have needed a repair: every start finds a whole file.
      expect(run.opened, where).toBe(i === 0 ? 'created-default' : 'opened');
      expect(run.openedRevision, where).toBeGreaterThanOrEqual(floor);

      // Read the file straight off the disk, as the next start will: it must parse and validate.
      const doc = parseDocumentText(await readFile(file, 'utf8'));
      expect(doc.meta.revision, where).toBeGreaterThanOrEqual(run.lastAck);
      expect(doc.settings.counter, where).toBe(doc.meta.revision);
      // At most the save in flight can be ahead of the last ACK.
      expect(doc.meta.revision, where).toBeLessThanOrEqual(run.lastAck + 1);
      floor = run.lastAck;
      totalAcks += run.acks;
    }

    // After all the crashes, a normal open cleans up and the backups are within their limits.
    const opened = await openDocumentFile({ file, createDefault: defaultDocument });
    expect(opened.report.outcome).toBe('opened');
    expect(opened.document.meta.revision).toBeGreaterThanOrEqual(floor);
    expect((await readdir(dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const backups = await opened.port.listBackups();
    expect(backups.filter((b) => b.kind === 'rolling').length).toBeLessThanOrEqual(10 + 1);
    // Every backup is a whole, valid version from the past.
    for (const b of backups) expect((await opened.port.readBackup(b.name)).meta.revision).toBeLessThanOrEqual(opened.document.meta.revision);
    expect(totalAcks).toBeGreaterThanOrEqual(ITERATIONS);
    // About a third of a second per iteration here (mostly the child's start); generous so a busy machine or a
    // 1000-iteration soak does not time out. Not a timing assertion.
  }, Math.max(120_000, ITERATIONS * 1500));
});
