import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, readFile, readdir, writeFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { openDocumentFile, UnrecoverableDocumentError, type OpenDocumentOptions } from '../../electron/node/document-file-store';
import { AppError } from '../../electron/contract/result';
import { serialiseDocument } from '../../electron/core/store/parse-document';
import { createRepository } from '../../electron/core/store/repository';
import { createFaultyFs } from '../support/store-faulty-fs';
import {
  atRevision,
  defaultDocument,
  makeTempDir,
  manualClock,
  modeOf,
  revisionOnDisk,
  tempFilesIn,
} from '../support/store-helpers';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  file = path.join(dir, 'register.json');
});
afterEach(async () => {
  await cleanup();
});

function open(extra: Partial<OpenDocumentOptions> = {}) {
  return openDocumentFile({ file, createDefault: defaultDocument, ...extra });
}

const backupDirOf = () => path.join(dir, 'register-sakerhetskopior');

describe('openDocumentFile: opening and saving', () => {
  it('creates the default document durably when the file is missing, then opens it', async () => {
    const first = await open();
    expect(first.report.outcome).toBe('created-default');
    expect(first.report.messages.join(' ')).toContain(file);
    expect(first.file).toBe(file);
    expect(first.backupDir).toBe(backupDirOf());
    expect(first.document).toEqual(defaultDocument());
    expect(await readFile(file, 'utf8')).toBe(serialiseDocument(defaultDocument()));
    expect(await modeOf(file)).toBe(0o600);

    const second = await open();
    expect(second.report).toEqual({ outcome: 'opened', messages: [] });
    expect(second.document).toEqual(defaultDocument());
  });

  it('round-trips saves; the file is 0600 after every save and no temp file is left behind', async () => {
    const { port } = await open();
    for (let r = 1; r <= 5; r++) {
      const doc = atRevision(defaultDocument(), r);
      await port.save(doc);
      expect(await readFile(file, 'utf8')).toBe(serialiseDocument(doc));
      expect(await modeOf(file)).toBe(0o600);
      expect(await tempFilesIn(dir)).toEqual([]);
      expect(await tempFilesIn(backupDirOf())).toEqual([]);
    }
    const reopened = await open();
    expect(reopened.document.meta.revision).toBe(5);
  });

  it('makes a world-readable existing file private when it opens it', async () => {
    await writeFile(file, serialiseDocument(defaultDocument()), { mode: 0o644 });
    expect(await modeOf(file)).toBe(0o644);
    expect((await open()).report.outcome).toBe('opened');
    expect(await modeOf(file)).toBe(0o600);
  });

  it('removes temp files left by a write that never finished', async () => {
    await open();
    const stale = path.join(dir, '.register.json.12345.1.deadbeef.tmp');
    await writeFile(stale, '{"half":');
    const unrelated = path.join(dir, 'notes.tmp');
    await writeFile(unrelated, 'keep me');
    await open();
    expect(await readdir(dir)).not.toContain(path.basename(stale));
    expect(await readFile(unrelated, 'utf8')).toBe('keep me');
  });

  it('refuses to open when the file cannot be read for a reason other than its content, and changes nothing', async () => {
    await mkdir(file); // a folder where the file should be
    await expect(open()).rejects.toMatchObject({ code: 'internal' });
    expect((await stat(file)).isDirectory()).toBe(true);
    expect((await readdir(dir)).filter((n) => n.includes('trasig'))).toEqual([]);
  });
});

describe('openDocumentFile: a bad file at start', () => {
  const valid = serialiseDocument(atRevision(defaultDocument(), 3));
  const badFiles: { name: string; bytes: Buffer }[] = [
    { name: 'an empty file', bytes: Buffer.alloc(0) },
    { name: 'a truncated file', bytes: Buffer.from(valid.slice(0, Math.floor(valid.length / 2))) },
    { name: 'a file holding null', bytes: Buffer.from('null') },
    {
      name: 'schema-invalid JSON',
      bytes: Buffer.from(JSON.stringify({ ...JSON.parse(valid), meta: { ...JSON.parse(valid).meta, revision: -1 } })),
    },
    { name: 'non-JSON garbage', bytes: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x7b, 0x22, 0xc3, 0x28, 0x0a]) },
  ];

  /** Opens, saves revisions 1..3 (so backups hold 0, 1 and 2), then damages the file. */
  async function withHistoryThenDamage(bytes: Buffer) {
    const clock = manualClock(new Date('2026-01-15T12:00:00.000Z'));
    const { port } = await open({ clock });
    for (let r = 1; r <= 3; r++) {
      clock.advance(60_000);
      await port.save(atRevision(defaultDocument(), r));
    }
    const backupsBefore = await snapshot(backupDirOf());
    await writeFile(file, bytes);
    return { clock, backupsBefore };
  }

  for (const bad of badFiles) {
    it(`${bad.name}: quarantined byte for byte, newest valid backup restored, nothing overwritten`, async () => {
      const { clock, backupsBefore } = await withHistoryThenDamage(bad.bytes);
      clock.advance(60_000);
      const opened = await open({ clock });

      expect(opened.report.outcome).toBe('restored-backup');
      const quarantined = opened.report.quarantinedFile!;
      expect(path.dirname(quarantined)).toBe(dir);
      expect(path.basename(quarantined)).toMatch(/^register\.trasig-\d{8}T\d{9}Z\.json$/);
      expect(Buffer.compare(await readFile(quarantined), bad.bytes)).toBe(0);

      const backups = await opened.port.listBackups();
      expect(opened.report.restoredFrom).toBe(backups[0]!.name);
      expect(opened.report.restoredFrom).toMatch(/-r2\.json$/);
      expect(opened.document.meta.revision).toBe(2);
      expect(await revisionOnDisk(file)).toBe(2);
      expect(await modeOf(file)).toBe(0o600);

      const text = opened.report.messages.join(' ');
      expect(text).toContain(path.basename(quarantined));
      expect(text).toContain(opened.report.restoredFrom!);
      expect(text).toMatch(/sparats undan/);
      expect(text).toMatch(/har lästs in/);

      // Every backup that existed is still there with the same bytes; the bad file was not taken as a backup.
      const after = await snapshot(backupDirOf());
      for (const [name, bytes] of backupsBefore) expect(after.get(name)?.equals(bytes), name).toBe(true);
      for (const bytes of after.values()) expect(Buffer.compare(bytes, bad.bytes)).not.toBe(0);

      // Saving on goes on from the restored document.
      await opened.port.save(atRevision(opened.document, 3));
      expect(await revisionOnDisk(file)).toBe(3);
    });
  }

  it('skips backups that do not validate and says so', async () => {
    const { clock } = await withHistoryThenDamage(Buffer.from('{"trunc'));
    const backups = (await readdir(backupDirOf())).sort();
    const newest = backups[backups.length - 1]!;
    expect(newest).toMatch(/-r2\.json$/);
    await writeFile(path.join(backupDirOf(), newest), '');
    clock.advance(60_000);
    const opened = await open({ clock });
    expect(opened.report.outcome).toBe('restored-backup');
    expect(opened.report.restoredFrom).toMatch(/-r1\.json$/);
    expect(opened.document.meta.revision).toBe(1);
    expect(opened.report.messages.join(' ')).toMatch(/1 nyare säkerhetskopia gick inte heller att läsa/);
  });

  it('with no valid backup: throws UnrecoverableDocumentError, the bad file stays and a copy is quarantined', async () => {
    const bytes = Buffer.from('{"schemaVersion":1,');
    await writeFile(file, bytes);
    const err = await open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnrecoverableDocumentError);
    const u = err as UnrecoverableDocumentError;
    expect(u.message).toMatch(/kunde inte läsas/);
    expect(u.message).toMatch(/ingen säkerhetskopia/i);
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
    expect(Buffer.compare(await readFile(u.quarantinedFile!), bytes)).toBe(0);

    // Asking again does not pile up copies of the same bytes.
    const again = (await open().catch((e: unknown) => e)) as UnrecoverableDocumentError;
    expect(again.quarantinedFile).toBe(u.quarantinedFile);
    expect((await readdir(dir)).filter((n) => n.includes('.trasig-'))).toHaveLength(1);
  });

  it('with every backup bad as well: still unrecoverable, nothing deleted', async () => {
    await withHistoryThenDamage(Buffer.from('null'));
    for (const name of await readdir(backupDirOf())) await writeFile(path.join(backupDirOf(), name), '{');
    await expect(open()).rejects.toBeInstanceOf(UnrecoverableDocumentError);
    expect(await readFile(file, 'utf8')).toBe('null');
    expect((await readdir(backupDirOf())).length).toBeGreaterThan(0);
  });

  it("with onUnrecoverable 'create-default': starts a new register and says so, the bad bytes kept", async () => {
    const bytes = Buffer.from('{{{');
    await writeFile(file, bytes);
    const opened = await open({ onUnrecoverable: 'create-default' });
    expect(opened.report.outcome).toBe('recovered-empty');
    expect(opened.report.messages.join(' ')).toMatch(/nytt register med grunddata/);
    expect(opened.document).toEqual(defaultDocument());
    expect(await revisionOnDisk(file)).toBe(0);
    expect(Buffer.compare(await readFile(opened.report.quarantinedFile!), bytes)).toBe(0);
  });
});

describe('saving when the disk fails', () => {
  it('ENOSPC mid-write: save-failed in Swedish, the file bytes unchanged, no temp file left', async () => {
    const faulty = createFaultyFs();
    const { port } = await open({ fs: faulty.fs });
    await port.save(atRevision(defaultDocument(), 1));
    const before = await readFile(file);
    const backupsBefore = await readdir(backupDirOf());

    faulty.failNext('write', 'ENOSPC');
    const err = await port.save(atRevision(defaultDocument(), 2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'save-failed', details: { cause: 'ENOSPC' } });
    expect((err as AppError).message).toBe('Ändringen kunde inte sparas: disken är full. Inget har ändrats.');
    expect(faulty.calls.filter((c) => c.op === 'write').length).toBeGreaterThanOrEqual(2);

    expect(Buffer.compare(await readFile(file), before)).toBe(0);
    expect(await tempFilesIn(dir)).toEqual([]);
    expect(await readdir(backupDirOf())).toEqual(backupsBefore);
  });

  it('through the repository: the in-memory document is unchanged after the failed change', async () => {
    const faulty = createFaultyFs();
    const opened = await open({ fs: faulty.fs });
    let n = 0;
    const repo = createRepository({
      initial: opened.document,
      persist: (doc) => opened.port.save(doc),
      clock: () => new Date('2026-01-15T12:00:00.000Z'),
      ids: () => `id-${++n}`,
    });
    await repo.change('Första', (tx) => tx.setSetting('first', true));
    const good = repo.get();
    const bytes = await readFile(file);

    faulty.failNext('write', 'ENOSPC');
    await expect(
      repo.change('Andra', (tx) => tx.setSetting('second', true)),
    ).rejects.toMatchObject({ code: 'save-failed' });

    expect(repo.get()).toBe(good);
    expect(repo.get().settings).toEqual({ first: true });
    expect(repo.history()).toMatchObject({ canUndo: true, undoSummary: 'Första' });
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0);
    expect(await tempFilesIn(dir)).toEqual([]);

    // The disk has room again: the next change is saved on top of the last good state.
    await repo.change('Tredje', (tx) => tx.setSetting('third', true));
    expect((await open()).document.settings).toEqual({ first: true, third: true });
  });

  it('a backup that cannot be made does not fail the save, and is reported', async () => {
    const faulty = createFaultyFs();
    const backupErrors: unknown[] = [];
    const { port } = await open({ fs: faulty.fs, onBackupError: (e) => backupErrors.push(e) });
    faulty.failNext('link', 'EPERM'); // the link fails: falls back to a copy
    await port.save(atRevision(defaultDocument(), 1));
    expect(backupErrors).toEqual([]);
    const [copy] = await port.listBackups();
    expect(copy!.name).toMatch(/-r0\.json$/);
    expect((await port.readBackup(copy!.name)).meta.revision).toBe(0);
    expect(await modeOf(path.join(backupDirOf(), copy!.name))).toBe(0o600);

    faulty.failNext('link', 'EPERM');
    faulty.failNext('open', 'ENOSPC', (f) => f.startsWith(backupDirOf())); // and the copy fails too
    await port.save(atRevision(defaultDocument(), 2));
    expect(await revisionOnDisk(file)).toBe(2);
    expect(backupErrors).toHaveLength(1);
    expect(backupErrors[0]).toMatchObject({ code: 'ENOSPC' });
  });
});

describe('backups', () => {
  it('rotate: the newest rolling ones, then one per day (its last version) for the newest days', async () => {
    const clock = manualClock(new Date('2026-01-10T12:00:00.000Z'));
    const { port } = await open({ clock, keepRolling: 2, keepDaily: 2 });
    // Each save keeps the version it replaces, stamped with the time it was replaced.
    const plan: [number, string][] = [
      [1, '2026-01-11T10:00:00.000Z'],
      [2, '2026-01-11T11:00:00.000Z'],
      [3, '2026-01-12T10:00:00.000Z'],
      [4, '2026-01-12T11:00:00.000Z'],
      [5, '2026-01-13T10:00:00.000Z'],
      [6, '2026-01-14T10:00:00.000Z'],
      [7, '2026-01-15T10:00:00.000Z'],
    ];
    for (const [revision, at] of plan) {
      clock.set(new Date(at));
      await port.save(atRevision(defaultDocument(), revision));
    }
    const backups = await port.listBackups();
    expect(backups.map((b) => [b.name, b.kind])).toEqual([
      ['rullande-20260115T100000000Z-r6.json', 'rolling'],
      ['rullande-20260114T100000000Z-r5.json', 'rolling'],
      ['dag-2026-01-13.json', 'daily'],
      ['dag-2026-01-12.json', 'daily'],
    ]);
    const revisions = await Promise.all(backups.map(async (b) => (await port.readBackup(b.name)).meta.revision));
    expect(revisions).toEqual([6, 5, 4, 3]);
    expect(backups[0]!.createdAt).toBe('2026-01-15T10:00:00.000Z');
    for (const b of backups) {
      const full = path.join(backupDirOf(), b.name);
      expect(b.sizeBytes).toBe((await stat(full)).size);
      expect(await modeOf(full)).toBe(0o600);
    }
  });

  it('keep the rolling limit over many saves on one day, and backups never share the live file', async () => {
    const clock = manualClock(new Date('2026-01-15T08:00:00.000Z'));
    const { port } = await open({ clock, keepRolling: 10 });
    for (let r = 1; r <= 25; r++) {
      clock.advance(1000);
      await port.save(atRevision(defaultDocument(), r));
    }
    const backups = await port.listBackups();
    expect(backups.filter((b) => b.kind === 'rolling').map((b) => b.name.replace(/^.*-r/, ''))).toEqual(
      [24, 23, 22, 21, 20, 19, 18, 17, 16, 15].map((r) => `${r}.json`),
    );
    expect(backups.filter((b) => b.kind === 'daily').map((b) => b.name)).toEqual(['dag-2026-01-15.json']);
    expect((await port.readBackup('dag-2026-01-15.json')).meta.revision).toBe(14);
    const live = await stat(file);
    for (const b of backups) expect((await stat(path.join(backupDirOf(), b.name))).ino).not.toBe(live.ino);
  });

  it('age out cleanly when a crash left two backup names for one version', async () => {
    const clock = manualClock(new Date('2026-01-15T12:00:00.000Z'));
    const { port } = await open({ clock, keepRolling: 2 });
    await port.save(atRevision(defaultDocument(), 1));
    // As if a save had linked the live file into the backups and then died before its rename.
    await link(file, path.join(backupDirOf(), 'rullande-20260115T120000500Z-r1.json'));
    for (let r = 2; r <= 5; r++) {
      clock.advance(1000);
      await port.save(atRevision(defaultDocument(), r));
    }
    const backups = await port.listBackups();
    expect(backups.map((b) => b.name)).toEqual([
      'rullande-20260115T120004000Z-r4.json',
      'rullande-20260115T120003000Z-r3.json',
      'dag-2026-01-15.json',
    ]);
    expect((await port.readBackup('dag-2026-01-15.json')).meta.revision).toBe(2);
    expect(await readdir(backupDirOf())).toHaveLength(3);
  });

  it('names stay in time order when the clock stands still or goes back', async () => {
    const clock = manualClock(new Date('2026-01-15T12:00:00.000Z'));
    const { port } = await open({ clock });
    await port.save(atRevision(defaultDocument(), 1));
    await port.save(atRevision(defaultDocument(), 2));
    clock.advance(-3_600_000);
    await port.save(atRevision(defaultDocument(), 3));
    const names = (await port.listBackups()).map((b) => b.name);
    expect(names).toEqual([
      'rullande-20260115T120000002Z-r2.json',
      'rullande-20260115T120000001Z-r1.json',
      'rullande-20260115T120000000Z-r0.json',
    ]);
  });

  it('readBackup refuses anything but a plain backup name in the backup folder', async () => {
    const { port } = await open();
    await port.save(atRevision(defaultDocument(), 1));
    const [backup] = await port.listBackups();
    await writeFile(path.join(dir, 'x'), serialiseDocument(defaultDocument()));
    const refused = [
      '../x',
      '../register.json',
      'a/b',
      'a\\b',
      '/etc/passwd',
      path.join(backupDirOf(), backup!.name),
      'C:\\register.json',
      '',
      '.',
      '..',
      'notes.json',
      `${backup!.name}\0`,
    ];
    for (const name of refused) {
      await expect(port.readBackup(name), JSON.stringify(name)).rejects.toMatchObject({ code: 'validation' });
    }
    expect((await port.readBackup(backup!.name)).meta.revision).toBe(0);
    await expect(port.readBackup('rullande-20200101T000000000Z-r9.json')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('readBackup validates the content', async () => {
    const { port } = await open();
    await port.save(atRevision(defaultDocument(), 1));
    const [backup] = await port.listBackups();
    await writeFile(path.join(backupDirOf(), backup!.name), '{"schemaVersion":1}');
    const err = (await port.readBackup(backup!.name).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('validation');
    expect(err.message).toContain(backup!.name);
  });

  it('uses the backup folder it is given', async () => {
    const elsewhere = path.join(dir, 'elsewhere', 'kopior');
    const { port, backupDir } = await open({ backupDir: elsewhere });
    expect(backupDir).toBe(elsewhere);
    await port.save(atRevision(defaultDocument(), 1));
    expect(await readdir(elsewhere)).toHaveLength(1);
  });
});

async function snapshot(folder: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of await readdir(folder)) out.set(name, await readFile(path.join(folder, name)));
  return out;
}
