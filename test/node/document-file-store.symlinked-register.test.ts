/**
 * A register that is a symbolic link (a file kept in a synced folder, linked from where the app looks): saves go
 * through to the link's target, the link stays a link, and backups are copies of the target's versions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lstat, mkdir, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocumentText, serialiseDocument } from '../../electron/core/store/parse-document';
import { openDocumentFile } from '../../electron/node/document-file-store';
import { nodeStoreFs, resolveWriteTarget } from '../../electron/node/durable-json-file';
import { atRevision, defaultDocument, makeTempDir, modeOf, revisionOnDisk, tempFilesIn } from '../support/store-helpers';

let dir: string;
let cleanup: () => Promise<void>;
/** The link the app is given, in `app/`, and the real file it points to, in `synk/`. */
let link: string;
let target: string;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('sambruk-symlink-'));
  await mkdir(path.join(dir, 'app'));
  await mkdir(path.join(dir, 'synk'));
  link = path.join(dir, 'app', 'register.json');
  target = path.join(dir, 'synk', 'register.json');
});
afterEach(async () => {
  await cleanup();
});

const open = () => openDocumentFile({ file: link, createDefault: defaultDocument });

describe('a register that is a relative symbolic link', () => {
  beforeEach(async () => {
    await writeFile(target, serialiseDocument(atRevision(defaultDocument(), 1)), { mode: 0o600 });
    await symlink('../synk/register.json', link);
  });

  it('saves through to the target; the link stays the same link; no temp file is left in either folder', async () => {
    const opened = await open();
    expect(opened.document.meta.revision).toBe(1);
    await opened.port.save(atRevision(opened.document, 2));
    await opened.port.save(atRevision(opened.document, 3));

    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('../synk/register.json');
    expect(await revisionOnDisk(target)).toBe(3);
    expect(await revisionOnDisk(link)).toBe(3);
    expect(await modeOf(target)).toBe(0o600);
    expect(await tempFilesIn(path.join(dir, 'app'))).toEqual([]);
    expect(await tempFilesIn(path.join(dir, 'synk'))).toEqual([]);
    // No change is taken for someone else's: the link and its target are one file.
    expect(await opened.external.changed()).toBe(false);
  });

  it('keeps backups as plain files holding the versions the target had, readable after the link is gone', async () => {
    const opened = await open();
    await opened.port.save(atRevision(opened.document, 2));
    await opened.port.save(atRevision(opened.document, 3));

    const backups = await opened.port.listBackups();
    expect(backups.map((b) => b.name)).toEqual([expect.stringMatching(/-r2\.json$/), expect.stringMatching(/-r1\.json$/)]);
    for (const b of backups) {
      const file = path.join(opened.backupDir, b.name);
      expect((await lstat(file)).isSymbolicLink()).toBe(false);
      expect((await stat(file)).ino).not.toBe((await stat(target)).ino);
      expect(await modeOf(file)).toBe(0o600);
    }
    // The backup folder sits beside the link, where the app was told the register is.
    expect(path.dirname(opened.backupDir)).toBe(path.join(dir, 'app'));
    await rm(link);
    expect(parseDocumentText(await readFile(path.join(opened.backupDir, backups[1]!.name), 'utf8')).meta.revision).toBe(1);
  });

  it('a damaged target: quarantined as a plain private copy, and the restored backup written through the link', async () => {
    const first = await open();
    await first.port.save(atRevision(first.document, 2));
    await writeFile(target, '{"schemaVersion": 1, "meta": ', { mode: 0o644 });

    const reopened = await open();
    expect(reopened.report.outcome).toBe('restored-backup');
    const quarantined = reopened.report.quarantinedFile!;
    expect((await lstat(quarantined)).isSymbolicLink()).toBe(false);
    expect(await readFile(quarantined, 'utf8')).toBe('{"schemaVersion": 1, "meta": ');
    expect(await modeOf(quarantined)).toBe(0o600);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await revisionOnDisk(target)).toBe(1);
  });
});

describe('a symbolic link whose target does not exist yet', () => {
  it('creates the register at the target on the first start, and the link stays a link', async () => {
    await symlink('../synk/register.json', link);
    const opened = await open();
    expect(opened.report.outcome).toBe('created-default');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((await lstat(target)).isFile()).toBe(true);
    await opened.port.save(atRevision(opened.document, 9));
    expect(await revisionOnDisk(target)).toBe(9);
    expect(await readdir(path.join(dir, 'synk'))).toEqual(['register.json']);
  });

  it('pointing into a folder that is gone: refuses to open in Swedish, and the link is not replaced by a file', async () => {
    await symlink('../borta/register.json', link);
    await expect(open()).rejects.toMatchObject({ code: 'save-failed', message: expect.stringMatching(/mappen finns inte längre/) });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });
});

describe('resolveWriteTarget', () => {
  it('writes the path as given where the volume cannot resolve paths, but never loops', async () => {
    const file = path.join(dir, 'app', 'register.json');
    const unresolvable = { ...nodeStoreFs, realpath: async () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })) };
    expect(await resolveWriteTarget(unresolvable, file)).toBe(file);
    await symlink('b.json', path.join(dir, 'app', 'a.json'));
    await symlink('a.json', path.join(dir, 'app', 'b.json'));
    await expect(resolveWriteTarget(nodeStoreFs, path.join(dir, 'app', 'a.json'))).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
