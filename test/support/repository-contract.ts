/**
 * What every store behind the repository must do, run against each of them: the JSON file (in memory here,
 * `test/core/store/repository.test.ts`) and the shared PostgreSQL register (`test/node/postgres/pg-register.test.ts`).
 * A store under test makes a repository over the default register and says how to read back what it made
 * durable, how many saves it made, and how to make its next save fail for real.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import type { Repository } from '../../electron/core/store/repository';
import type { SambrukDocument } from '../../electron/core/store/schema';
import { serialiseDocument } from '../../electron/core/store/parse-document';
import { loadDefaultDocument } from './memory-document';

export type ContractStore = {
  repo: Repository;
  /** The name the change log gives the person making the changes. */
  user: string;
  /** Saves made durable since the start. */
  saves(): Promise<number>;
  /** The register as the store holds it durably now. */
  durable(): Promise<SambrukDocument>;
  /** Makes saves fail (a full disk, a role without the right); resolves the error code the refusal carries. */
  breakSaves(): Promise<string>;
  mendSaves(): Promise<void>;
  close(): Promise<void>;
};

export type MakeStore = (options: { initial: SambrukDocument; clock: () => Date; ids: () => string }) => Promise<ContractStore>;

type Repo = Repository;

/** Sets the note of the first organisation: an update of one record, logged. */
const setNote = (repo: Repo, note: string) =>
  repo.change(`Satte ${note}`, (tx) => {
    const org = tx.organisations.all()[0]!;
    tx.organisations.update(org.id, { note });
    return note;
  });

const firstNote = (repo: Repo) => repo.get().organisations[0]!.note;

export function repositoryContract(storeName: string, make: MakeStore) {
  async function setup() {
    let n = 0;
    const store = await make({ initial: loadDefaultDocument(), clock: () => new Date('2022-06-30T10:00:00.000Z'), ids: () => `id-${++n}` });
    return { ...store, repo: store.repo };
  }

  /** The durable register is, byte for byte, the one the repository shows. */
  async function expectDurableIsCurrent(store: ContractStore) {
    const durable = serialiseDocument(await store.durable());
    const shown = serialiseDocument(store.repo.get());
    // Where they part, in a few characters (the whole register is too long to read in a failure).
    let at = 0;
    while (at < durable.length && durable[at] === shown[at]) at++;
    expect({ durable: durable.slice(Math.max(0, at - 120), at + 120), length: durable.length }).toEqual({ durable: shown.slice(Math.max(0, at - 120), at + 120), length: shown.length });
  }

  async function using(test: (store: ContractStore) => Promise<void>) {
    const store = await setup();
    try {
      await test(store);
    } finally {
      await store.close();
    }
  }

  describe(`repository over ${storeName}`, () => {
    it('saves a change, bumps the revision and logs the operation with who and when', () =>
      using(async (store) => {
        const { repo } = store;
        const before = repo.get();
        await setNote(repo, 'a');
        expect(firstNote(repo)).toBe('a');
        expect(repo.get().meta.revision).toBe(before.meta.revision + 1);
        expect(repo.get().meta.updatedAt).toBe('2022-06-30T10:00:00.000Z');
        const entry = repo.get().changeLog.at(-1)!;
        expect(entry).toMatchObject({
          at: '2022-06-30T10:00:00.000Z',
          by: store.user,
          entity: 'organisation',
          entityId: before.organisations[0]!.id,
          organisationId: before.organisations[0]!.id,
          action: 'update',
          summary: 'Satte a',
          before: before.organisations[0],
          after: repo.get().organisations[0],
        });
        expect(await store.saves()).toBe(1);
        expect((await store.durable()).organisations[0]!.note).toBe('a');
        await expectDurableIsCurrent(store);
      }));

    it('leaves memory and history unchanged when the save fails', () =>
      using(async (store) => {
        const { repo } = store;
        await setNote(repo, 'a');
        const before = repo.get();
        const history = repo.history();
        const code = await store.breakSaves();
        const failed = await setNote(repo, 'b').then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failed).toBeInstanceOf(AppError);
        expect(failed).toMatchObject({ code });
        expect(repo.get()).toBe(before);
        expect(repo.history()).toEqual(history);
        await store.mendSaves();
        await setNote(repo, 'c');
        expect(firstNote(repo)).toBe('c');
        await expectDurableIsCurrent(store);
      }));

    it('runs 100 concurrent changes one at a time, each saved exactly once', () =>
      using(async (store) => {
        const { repo } = store;
        const start = repo.get().meta.revision;
        await Promise.all(Array.from({ length: 100 }, (_, i) => repo.change(`k${i}`, (tx) => tx.setSetting(`k${i}`, true))));
        expect(await store.saves()).toBe(100);
        expect(repo.get().meta.revision).toBe(start + 100);
        for (let i = 0; i < 100; i++) expect(repo.get().settings[`k${i}`]).toBe(true);
        await expectDurableIsCurrent(store);
      }));

    it('a change that changes nothing is not saved and leaves no undo step', () =>
      using(async (store) => {
        const { repo } = store;
        const before = repo.get();
        const org = before.organisations[0]!;
        const value = await repo.change('Inget', (tx) => tx.organisations.update(org.id, { note: org.note }));
        expect(value).toBe(org);
        expect(repo.get()).toBe(before);
        expect(await store.saves()).toBe(0);
        expect(repo.history().canUndo).toBe(false);
      }));

    it('undoes and redoes a change; each is logged as an entry of its own', () =>
      using(async (store) => {
        const { repo } = store;
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
        expect(log[1]).toMatchObject({ entity: 'organisation', entityId: log[0]!.entityId, organisationId: log[0]!.organisationId, by: store.user, before: log[0]!.after, after: log[0]!.before });
        expect(new Set(log.map((e) => e.changeId)).size).toBe(3);
        await expectDurableIsCurrent(store);
      }));

    it('undo of a change with no logged record (a setting) still leaves an entry', () =>
      using(async (store) => {
        const { repo } = store;
        await repo.change('Kom ihåg kolumnerna', (tx) => tx.setSetting('kolumner', ['a']));
        await repo.undo();
        expect(repo.get().settings.kolumner).toBeUndefined();
        expect(repo.get().changeLog.map((e) => [e.entity, e.action, e.summary])).toEqual([['history', 'undo', 'Ångrad: Kom ihåg kolumnerna']]);
        await expectDurableIsCurrent(store);
      }));

    it('undoes a removal and an insertion: the records come back in their places', () =>
      using(async (store) => {
        const { repo } = store;
        const original = repo.get().organisations.map((o) => o.id);
        const middle = original[Math.floor(original.length / 2)]!;
        await repo.change('Tog bort', (tx) => tx.organisations.remove(middle));
        expect(repo.get().organisations.map((o) => o.id)).not.toContain(middle);
        await expectDurableIsCurrent(store);
        await repo.undo();
        expect(repo.get().organisations.map((o) => o.id)).toEqual(original);
        await expectDurableIsCurrent(store);
      }));

    it('a new change clears the redo stack', () =>
      using(async (store) => {
        const { repo } = store;
        await setNote(repo, 'x');
        await repo.undo();
        await setNote(repo, 'y');
        expect(repo.history().canRedo).toBe(false);
      }));

    it('refuses changes, undo and redo when read-only and saves nothing', () =>
      using(async (store) => {
        const { repo } = store;
        await setNote(repo, 'x');
        repo.setReadOnly(true);
        await expect(setNote(repo, 'z')).rejects.toMatchObject({ code: 'read-only' });
        await expect(repo.undo()).rejects.toMatchObject({ code: 'read-only' });
        expect(await store.saves()).toBe(1);
      }));

    it('a refused change (AppError in the work) changes nothing, even after some operations', () =>
      using(async (store) => {
        const { repo } = store;
        const before = repo.get();
        await expect(
          repo.change('x', (tx) => {
            tx.organisations.update(before.organisations[0]!.id, { note: 'halvvägs' });
            throw new AppError('conflict', 'Nej.');
          }),
        ).rejects.toMatchObject({ code: 'conflict' });
        expect(repo.get()).toBe(before);
        expect(await store.saves()).toBe(0);
      }));

    it('hands out frozen documents and records so nothing can change state behind the repository', () =>
      using(async (store) => {
        const { repo } = store;
        await setNote(repo, 'a');
        expect(() => {
          (repo.get().settings as Record<string, unknown>).evil = 1;
        }).toThrow();
        expect(() => {
          (repo.get().organisations[0] as { note: string }).note = 'ond';
        }).toThrow();
        expect(Object.isFrozen(repo.get().organisations)).toBe(true);
      }));

    it('replaces the whole document as one logged change that cannot be undone', () =>
      using(async (store) => {
        const { repo } = store;
        await setNote(repo, 'x');
        const restored = loadDefaultDocument();
        await repo.replace(restored, 'Återställde säkerhetskopian');
        expect(firstNote(repo)).toBe(restored.organisations[0]!.note);
        expect(repo.get().changeLog.at(-1)).toMatchObject({ entity: 'document', action: 'restore', by: store.user, summary: 'Återställde säkerhetskopian' });
        expect(repo.history()).toMatchObject({ canUndo: false, canRedo: false });
        await expectDurableIsCurrent(store);
      }));
  });
}
