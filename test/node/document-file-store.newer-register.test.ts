/**
 * A register written by a newer version of the app (a higher schema version) is never rolled back: it opens
 * read-only, or not at all, and the file, its backups and its folder stay exactly as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NewerSchemaError, serialiseDocument } from '../../electron/core/store/parse-document';
import { openDocumentFile, type OpenDocumentOptions } from '../../electron/node/document-file-store';
import { atRevision, defaultDocument, makeTempDir } from '../support/store-helpers';
import { SCHEMA_VERSION } from '../../electron/core/store/schema';

const NEWER = SCHEMA_VERSION + 1;

let dir: string;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('sambruk-newer-'));
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  await cleanup();
});

function open(extra: Partial<OpenDocumentOptions> = {}) {
  return openDocumentFile({ file, createDefault: defaultDocument, ...extra });
}

/** The register as schema version 2 would write it: a field this version does not know, or (broken) a changed type. */
function newerText(broken = false): string {
  const raw = JSON.parse(serialiseDocument(atRevision(defaultDocument(), 41))) as Record<string, unknown>;
  raw.schemaVersion = NEWER;
  raw.invoices = [{ id: 'f-1' }];
  if (broken) (raw.meta as Record<string, unknown>).revision = 'fyrtioett';
  return JSON.stringify(raw);
}

/** Every entry under `root` with its kind, mode, size, modification time and bytes: what "nothing changed" compares. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(d: string) {
    for (const name of (await readdir(d)).sort()) {
      const p = path.join(d, name);
      const s = await lstat(p);
      const key = path.relative(root, p);
      if (s.isDirectory()) {
        out[key] = `dir ${s.mode & 0o777} ${s.mtimeMs}`;
        await walk(p);
      } else {
        out[key] = `file ${s.mode & 0o777} ${s.size} ${s.mtimeMs} ${s.ino} ${(await readFile(p)).toString('base64')}`;
      }
    }
  }
  await walk(root);
  return out;
}

/** A valid backup of an older version of the register, as this app made it before the colleague upgraded. */
async function withOldBackup(): Promise<string> {
  const backupDir = path.join(dir, 'register-sakerhetskopior');
  await mkdir(backupDir, { mode: 0o700 });
  const name = 'rullande-20260101T090000000Z-r40.json';
  await writeFile(path.join(backupDir, name), serialiseDocument(atRevision(defaultDocument(), 40)), { mode: 0o600 });
  return name;
}

describe('a register written by a newer version', () => {
  it('opens read-only with a Swedish reason naming both versions, and touches nothing on disk', async () => {
    await withOldBackup();
    await writeFile(file, newerText(), { mode: 0o644 });
    // A temp file a crashed newer version left: not ours to clean up while we may not write.
    await writeFile(path.join(dir, '.register.json.999.1.abcd.tmp'), 'x');
    const before = await snapshot(dir);

    const opened = await open();
    expect(opened.readOnly).toBe(true);
    expect(opened.newerSchema).toEqual({ found: NEWER, known: SCHEMA_VERSION, omittedFields: true });
    expect(opened.document.meta.revision).toBe(41);
    expect(opened.report.outcome).toBe('opened');
    expect(opened.report.quarantinedFile).toBeUndefined();
    expect(opened.report.readOnlyReason).toMatch(new RegExp(String.raw`nyare version av Sambruk Kansli \(schemaversion ${NEWER}\); den här versionen känner bara till schemaversion ${SCHEMA_VERSION}`));
    expect(opened.report.readOnlyReason).toMatch(/Installera den nyare versionen av Sambruk Kansli/);

    await expect(opened.port.save(atRevision(opened.document, 42))).rejects.toMatchObject({ code: 'read-only' });
    expect(await opened.port.listBackups()).toHaveLength(1);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('without any backup folder yet: none is made', async () => {
    await writeFile(file, newerText());
    const before = await snapshot(dir);
    const opened = await open();
    expect(opened.readOnly).toBe(true);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('that this version cannot show: refused with the reason, never quarantined or replaced by a backup', async () => {
    await withOldBackup();
    await writeFile(file, newerText(true));
    await chmod(file, 0o644);
    const before = await snapshot(dir);

    const err = await open({ onUnrecoverable: 'create-default' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewerSchemaError);
    expect((err as Error).message).toMatch(new RegExp(String.raw`schemaversion ${NEWER}.*schemaversion ${SCHEMA_VERSION}.*Installera den nyare versionen.*Filen och dess säkerhetskopior har inte ändrats`));
    expect(await snapshot(dir)).toEqual(before);
  });

  it('when another copy holds the register (read-only asked for): read-only with the same reason', async () => {
    await writeFile(file, newerText());
    const before = await snapshot(dir);
    const opened = await open({ readOnly: true });
    expect(opened.readOnly).toBe(true);
    expect(opened.report.readOnlyReason).toMatch(new RegExp(String.raw`schemaversion ${NEWER}`));
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a newer backup is not restored over a current register, and a newer file is not reloaded as ours', async () => {
    await writeFile(file, serialiseDocument(atRevision(defaultDocument(), 5)));
    const opened = await open();
    expect(opened.readOnly).toBe(false);
    await opened.port.save(atRevision(opened.document, 6));
    const [backup] = await opened.port.listBackups();
    await writeFile(path.join(opened.backupDir, backup!.name), newerText());
    await expect(opened.port.readBackup(backup!.name)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(new RegExp(String.raw`^Säkerhetskopian rullande-.*-r5\.json är skapad av en nyare version av Sambruk Kansli \(schemaversion ${NEWER}\).*schemaversion ${SCHEMA_VERSION} och kan inte återställa den`)),
    });

    await writeFile(file, newerText());
    await expect(opened.external.reload()).rejects.toBeInstanceOf(NewerSchemaError);
    expect(await readFile(file, 'utf8')).toBe(newerText());
  });
});
