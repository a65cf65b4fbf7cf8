/** Shared by the store tests: a temp folder per test, the real default document, and small disk readers. */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import type { SambrukDocument } from '../../electron/core/store/schema';

export const DEFAULT_DATA_PATH = fileURLToPath(new URL('../../assets/default-data.json', import.meta.url));

const defaultText = readFileSync(DEFAULT_DATA_PATH, 'utf8');

/** A fresh, validated copy of assets/default-data.json each call. */
export function defaultDocument(): SambrukDocument {
  return parseDocumentText(defaultText);
}

/** The same document at another revision (a stand-in for "a saved change"). */
export function atRevision(doc: SambrukDocument, revision: number): SambrukDocument {
  return { ...doc, meta: { ...doc.meta, revision, updatedAt: new Date(Date.UTC(2026, 0, 1) + revision * 1000).toISOString() } };
}

export async function makeTempDir(prefix = 'sambruk-store-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function tempFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
}

export async function modeOf(file: string): Promise<number> {
  return (await stat(file)).mode & 0o777;
}

export async function revisionOnDisk(file: string): Promise<number> {
  return parseDocumentText(await readFile(file, 'utf8')).meta.revision;
}

/** A clock the test moves by hand. */
export function manualClock(start: Date) {
  let now = start.getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set(d: Date) {
      now = d.getTime();
    },
    advance(ms: number) {
      now += ms;
    },
  });
}
