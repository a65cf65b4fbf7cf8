import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../electron/core/store/repository';
import { AppError } from '../../../electron/contract';
import { loadDefaultDocument, memoryPort } from '../../support/memory-document';

function setup() {
  const port = memoryPort();
  let n = 0;
  const repo = createRepository({
    initial: loadDefaultDocument(),
    persist: (doc) => port.save(doc),
    clock: () => new Date('2022-06-30T10:00:00.000Z'),
    ids: () => `id-${++n}`,
  });
  return { repo, port };
}

const addNote = (repo: ReturnType<typeof setup>['repo'], key: string) =>
  repo.change(`Satte ${key}`, (draft) => {
    draft.settings[key] = true;
    return { records: [{ entity: 'settings', entityId: key, action: 'update', summary: `Satte ${key}` }], value: key };
  });

describe('repository', () => {
  it('saves a change, bumps the revision and logs it', async () => {
    const { repo, port } = setup();
    const before = repo.get().meta.revision;
    await addNote(repo, 'a');
    expect(repo.get().settings.a).toBe(true);
    expect(repo.get().meta.revision).toBe(before + 1);
    expect(repo.get().changeLog.at(-1)?.summary).toBe('Satte a');
    expect(port.saved).toHaveLength(1);
    expect(JSON.parse(port.saved[0]!).settings.a).toBe(true);
  });

  it('leaves memory unchanged when the save fails', async () => {
    const { repo, port } = setup();
    const before = repo.get();
    port.failNext(new AppError('save-failed', 'Disken är full.'));
    await expect(addNote(repo, 'b')).rejects.toMatchObject({ code: 'save-failed' });
    expect(repo.get()).toBe(before);
    expect(repo.get().settings.b).toBeUndefined();
    await addNote(repo, 'c');
    expect(repo.get().settings.c).toBe(true);
  });

  it('runs 100 concurrent changes one at a time, each saved exactly once', async () => {
    const { repo, port } = setup();
    const start = repo.get().meta.revision;
    await Promise.all(Array.from({ length: 100 }, (_, i) => addNote(repo, `k${i}`)));
    expect(port.saved).toHaveLength(100);
    const revisions = port.saved.map((s) => JSON.parse(s).meta.revision);
    expect(revisions).toEqual(Array.from({ length: 100 }, (_, i) => start + i + 1));
    for (let i = 0; i < 100; i++) expect(repo.get().settings[`k${i}`]).toBe(true);
  });

  it('undoes and redoes a change, keeping the change log', async () => {
    const { repo } = setup();
    await addNote(repo, 'x');
    expect(repo.history()).toMatchObject({ canUndo: true, canRedo: false, undoSummary: 'Satte x' });
    await repo.undo();
    expect(repo.get().settings.x).toBeUndefined();
    expect(repo.history()).toMatchObject({ canUndo: false, canRedo: true, redoSummary: 'Satte x' });
    expect(repo.get().changeLog.map((c) => c.summary)).toEqual(['Satte x', 'Ångrade: Satte x']);
    await repo.redo();
    expect(repo.get().settings.x).toBe(true);
    expect(repo.history().canRedo).toBe(false);
  });

  it('a new change clears the redo stack', async () => {
    const { repo } = setup();
    await addNote(repo, 'x');
    await repo.undo();
    await addNote(repo, 'y');
    expect(repo.history().canRedo).toBe(false);
  });

  it('refuses changes when read-only and saves nothing', async () => {
    const { repo, port } = setup();
    repo.setReadOnly(true);
    await expect(addNote(repo, 'z')).rejects.toMatchObject({ code: 'read-only' });
    expect(port.saved).toHaveLength(0);
  });

  it('a refused change (AppError in the mutator) changes nothing', async () => {
    const { repo, port } = setup();
    const before = repo.get();
    await expect(
      repo.change('x', () => {
        throw new AppError('conflict', 'Nej.');
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(repo.get()).toBe(before);
    expect(port.saved).toHaveLength(0);
  });

  it('hands out frozen documents so nothing can change state behind the repository', async () => {
    const { repo } = setup();
    expect(() => {
      (repo.get().settings as Record<string, unknown>).evil = 1;
    }).toThrow();
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
    await addNote(repo, 'a');
    expect(seen).toEqual([true]);
  });
});
