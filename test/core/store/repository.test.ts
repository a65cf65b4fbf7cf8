import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../electron/core/store/repository';
import { AppError } from '../../../electron/contract';
import { loadDefaultDocument, memoryPort } from '../../support/memory-document';

function setup(options: { user?: () => string } = {}) {
  const port = memoryPort();
  let n = 0;
  const repo = createRepository({
    initial: loadDefaultDocument(),
    persist: (doc) => port.save(doc),
    clock: () => new Date('2022-06-30T10:00:00.000Z'),
    ids: () => `id-${++n}`,
    ...options,
  });
  return { repo, port };
}

type Repo = ReturnType<typeof setup>['repo'];

/** Sets the note of the first organisation: an update of one record, logged. */
const setNote = (repo: Repo, note: string) =>
  repo.change(`Satte ${note}`, (tx) => {
    const org = tx.organisations.all()[0]!;
    tx.organisations.update(org.id, { note });
    return note;
  });

const firstNote = (repo: Repo) => repo.get().organisations[0]!.note;

describe('repository', () => {
  it('saves a change, bumps the revision and logs the operation with who and when', async () => {
    const { repo, port } = setup({ user: () => 'kansliet' });
    const before = repo.get();
    await setNote(repo, 'a');
    expect(firstNote(repo)).toBe('a');
    expect(repo.get().meta.revision).toBe(before.meta.revision + 1);
    expect(repo.get().meta.updatedAt).toBe('2022-06-30T10:00:00.000Z');
    const entry = repo.get().changeLog.at(-1)!;
    expect(entry).toMatchObject({
      at: '2022-06-30T10:00:00.000Z',
      by: 'kansliet',
      entity: 'organisation',
      entityId: before.organisations[0]!.id,
      organisationId: before.organisations[0]!.id,
      action: 'update',
      summary: 'Satte a',
      before: before.organisations[0],
      after: repo.get().organisations[0],
    });
    expect(port.saved).toHaveLength(1);
    expect(JSON.parse(port.saved[0]!).organisations[0].note).toBe('a');
  });

  it('leaves memory and history unchanged when the save fails', async () => {
    const { repo, port } = setup();
    await setNote(repo, 'a');
    const before = repo.get();
    const history = repo.history();
    port.failNext(new AppError('save-failed', 'Disken är full.'));
    await expect(setNote(repo, 'b')).rejects.toMatchObject({ code: 'save-failed' });
    expect(repo.get()).toBe(before);
    expect(repo.history()).toEqual(history);
    await setNote(repo, 'c');
    expect(firstNote(repo)).toBe('c');
  });

  it('runs 100 concurrent changes one at a time, each saved exactly once', async () => {
    const { repo, port } = setup();
    const start = repo.get().meta.revision;
    await Promise.all(Array.from({ length: 100 }, (_, i) => repo.change(`k${i}`, (tx) => tx.setSetting(`k${i}`, true))));
    expect(port.saved).toHaveLength(100);
    const revisions = port.saved.map((s) => JSON.parse(s).meta.revision);
    expect(revisions).toEqual(Array.from({ length: 100 }, (_, i) => start + i + 1));
    for (let i = 0; i < 100; i++) expect(repo.get().settings[`k${i}`]).toBe(true);
  });

  it('a change that changes nothing is not saved and leaves no undo step', async () => {
    const { repo, port } = setup();
    const before = repo.get();
    const org = before.organisations[0]!;
    const value = await repo.change('Inget', (tx) => tx.organisations.update(org.id, { note: org.note }));
    expect(value).toBe(org);
    expect(repo.get()).toBe(before);
    expect(port.saved).toHaveLength(0);
    expect(repo.history().canUndo).toBe(false);
  });

  it('undoes and redoes a change; each is logged as an entry of its own', async () => {
    const { repo } = setup({ user: () => 'anna' });
    const original = firstNote(repo);
    await setNote(repo, 'x');
    expect(repo.history()).toMatchObject({ canUndo: true, canRedo: false, undoSummary: 'Satte x' });
    expect(await repo.undo()).toBe('Satte x');
    expect(firstNote(repo)).toBe(original);
    expect(repo.history()).toMatchObject({ canUndo: false, canRedo: true, redoSummary: 'Satte x' });
    await repo.redo();
    expect(firstNote(repo)).toBe('x');
    expect(repo.history().canRedo).toBe(false);
    const log = repo.get().changeLog;
    expect(log.map((e) => [e.action, e.summary])).toEqual([
      ['update', 'Satte x'],
      ['undo', 'Ångrad: Satte x'],
      ['redo', 'Gjort om: Satte x'],
    ]);
    // The undo entry is about the same record, with before and after the other way round.
    expect(log[1]).toMatchObject({ entity: 'organisation', entityId: log[0]!.entityId, organisationId: log[0]!.organisationId, by: 'anna', before: log[0]!.after, after: log[0]!.before });
    expect(new Set(log.map((e) => e.changeId)).size).toBe(3);
  });

  it('undo of a change with no logged record (a setting) still leaves an entry', async () => {
    const { repo } = setup();
    await repo.change('Kom ihåg kolumnerna', (tx) => tx.setSetting('kolumner', ['a']));
    await repo.undo();
    expect(repo.get().settings.kolumner).toBeUndefined();
    expect(repo.get().changeLog.map((e) => [e.entity, e.action, e.summary])).toEqual([['history', 'undo', 'Ångrad: Kom ihåg kolumnerna']]);
  });

  it('a new change clears the redo stack', async () => {
    const { repo } = setup();
    await setNote(repo, 'x');
    await repo.undo();
    await setNote(repo, 'y');
    expect(repo.history().canRedo).toBe(false);
  });

  it('refuses changes, undo and redo when read-only and saves nothing', async () => {
    const { repo, port } = setup();
    await setNote(repo, 'x');
    repo.setReadOnly(true);
    await expect(setNote(repo, 'z')).rejects.toMatchObject({ code: 'read-only' });
    await expect(repo.undo()).rejects.toMatchObject({ code: 'read-only' });
    expect(port.saved).toHaveLength(1);
  });

  it('a refused change (AppError in the work) changes nothing, even after some operations', async () => {
    const { repo, port } = setup();
    const before = repo.get();
    await expect(
      repo.change('x', (tx) => {
        tx.organisations.update(before.organisations[0]!.id, { note: 'halvvägs' });
        throw new AppError('conflict', 'Nej.');
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(repo.get()).toBe(before);
    expect(port.saved).toHaveLength(0);
  });

  it('hands out frozen documents and records so nothing can change state behind the repository', async () => {
    const { repo } = setup();
    await setNote(repo, 'a');
    expect(() => {
      (repo.get().settings as Record<string, unknown>).evil = 1;
    }).toThrow();
    expect(() => {
      (repo.get().organisations[0] as { note: string }).note = 'ond';
    }).toThrow();
    expect(Object.isFrozen(repo.get().organisations)).toBe(true);
  });

  it('replaces the whole document as one logged change that cannot be undone', async () => {
    const { repo } = setup({ user: () => 'anna' });
    await setNote(repo, 'x');
    const restored = loadDefaultDocument();
    await repo.replace(restored, 'Återställde säkerhetskopian');
    expect(firstNote(repo)).toBe(restored.organisations[0]!.note);
    expect(repo.get().changeLog.at(-1)).toMatchObject({ entity: 'document', action: 'restore', by: 'anna', summary: 'Återställde säkerhetskopian' });
    expect(repo.history()).toMatchObject({ canUndo: false, canRedo: false });
  });
});

describe('repository events', () => {
  it('announces a change only after its undo step is recorded', async () => {
    const port = memoryPort();
    const seen: boolean[] = [];
    const repo = createRepository({
      initial: loadDefaultDocument(),
      persist: (doc) => port.save(doc),
      clock: () => new Date('2022-06-30T10:00:00.000Z'),
      ids: () => 'x',
      onChanged: () => seen.push(repo.history().canUndo),
    });
    await setNote(repo, 'a');
    expect(seen).toEqual([true]);
  });
});
