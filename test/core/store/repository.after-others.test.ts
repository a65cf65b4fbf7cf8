/**
 * Undo and redo after others' changes reached the register (a shared register adopts them): the history is kept,
 * each step finds its record by key wherever the others' changes moved it, and a step whose record someone else
 * changed is refused in Swedish with nothing changed, and with nothing older left to undo.
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { createRepository, type CommitAttempt } from '../../../electron/core/store/repository';
import type { Organisation, SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';

/** A shared store that saves what it is given, or (once, when told) first finds that others saved `meanwhile`. */
function sharedRepository() {
  let meanwhile: SambrukDocument | undefined;
  let n = 0;
  const repo = createRepository({
    initial: loadDefaultDocument(),
    shared: {
      async commit(attempt: CommitAttempt) {
        const latest = meanwhile;
        meanwhile = undefined;
        if (!latest) return attempt.next;
        attempt.adopt(latest);
        return attempt.rerun(latest);
      },
    },
    clock: () => new Date('2022-06-30T10:00:00.000Z'),
    ids: () => `id-${++n}`,
    user: () => 'anna',
  });
  return { repo, othersSaveBeforeNextCommit: (doc: SambrukDocument) => (meanwhile = doc) };
}

/** What a colleague saved on top of `doc`: a new organisation first in the list, and one more edit. */
function colleague(doc: SambrukDocument, edit: (d: { organisations: Organisation[] }) => void): SambrukDocument {
  return produce(doc, (d) => {
    d.organisations.unshift({ ...d.organisations[5]!, id: 'kollegans-org', name: 'Kollegans organisation' });
    edit(d);
    d.meta.revision += 1;
  });
}

const org = (doc: SambrukDocument, id: string) => doc.organisations.find((o) => o.id === id);

describe('undo after others’ changes were adopted', () => {
  it('undoes my change where the others’ changes moved it, and keeps theirs', async () => {
    const { repo } = sharedRepository();
    const [mine, theirs] = repo.get().organisations;
    await repo.change('Min anteckning', (tx) => tx.organisations.update(mine!.id, { note: 'min' }));
    await repo.adopt(colleague(repo.get(), (d) => (d.organisations.find((o) => o.id === theirs!.id)!.note = 'deras')));
    expect(repo.history()).toMatchObject({ canUndo: true, undoSummary: 'Min anteckning' });

    expect(await repo.undo()).toBe('Min anteckning');
    expect(org(repo.get(), mine!.id)?.note).toBe(mine!.note);
    expect(org(repo.get(), theirs!.id)?.note).toBe('deras');
    expect(org(repo.get(), 'kollegans-org')).toBeDefined();
    expect(repo.get().changeLog.at(-1)?.summary).toMatch(/^Ångrad: /u);

    // And made again, on the same state.
    expect(await repo.redo()).toBe('Min anteckning');
    expect(org(repo.get(), mine!.id)?.note).toBe('min');
    expect(org(repo.get(), theirs!.id)?.note).toBe('deras');
  });

  it('undoes an organisation I added and puts back one I removed, though the list moved', async () => {
    const { repo } = sharedRepository();
    const removed = repo.get().organisations[3]!;
    const added = { ...repo.get().organisations[0]!, id: 'min-nya', name: 'Min nya organisation' };
    await repo.change('Tog bort', (tx) => tx.organisations.remove(removed.id));
    await repo.change('Lade till', (tx) => tx.organisations.insert(added));
    await repo.adopt(colleague(repo.get(), () => undefined));

    await repo.undo();
    expect(org(repo.get(), 'min-nya')).toBeUndefined();
    await repo.undo();
    expect(org(repo.get(), removed.id)).toEqual(removed);
    expect(repo.get().organisations.filter((o) => o.id === removed.id)).toHaveLength(1);
    expect(org(repo.get(), 'kollegans-org')).toBeDefined();
  });

  it('finds my record when the server gave it back with its keys in another order', async () => {
    const { repo } = sharedRepository();
    const mine = repo.get().organisations[0]!;
    await repo.change('Min anteckning', (tx) => tx.organisations.update(mine.id, { note: 'min' }));
    const reordered = produce(repo.get(), (d) => {
      const at = d.organisations.findIndex((o) => o.id === mine.id);
      const record = d.organisations[at]!;
      d.organisations[at] = Object.fromEntries(Object.entries(record).reverse()) as Organisation;
      d.meta.revision += 1;
    });
    await repo.adopt(reordered);
    await repo.undo();
    expect(org(repo.get(), mine.id)?.note).toBe(mine.note);
  });

  it('refuses, in Swedish and changing nothing, to undo what someone else has changed since; nothing older either', async () => {
    const { repo } = sharedRepository();
    const [first, second] = repo.get().organisations;
    await repo.change('Första', (tx) => tx.organisations.update(second!.id, { note: 'först' }));
    await repo.change('Min anteckning', (tx) => tx.organisations.update(first!.id, { note: 'min' }));
    await repo.adopt(colleague(repo.get(), (d) => (d.organisations.find((o) => o.id === first!.id)!.note = 'deras')));
    const before = repo.get();

    const refusal = await repo.undo().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: 'conflict',
      message: '«Min anteckning» kan inte ångras: någon annan har ändrat samma uppgifter sedan dess. Det som gjordes före den kan inte heller ångras längre.',
    });
    expect(repo.get()).toBe(before);
    expect(repo.history()).toMatchObject({ canUndo: false, canRedo: false });
  });

  it('refuses to put back a record someone else has created again under its id', async () => {
    const { repo } = sharedRepository();
    const removed = repo.get().organisations[2]!;
    await repo.change('Tog bort', (tx) => tx.organisations.remove(removed.id));
    await repo.adopt(produce(repo.get(), (d) => {
      d.organisations.push({ ...removed, name: 'Återskapad av någon annan' });
      d.meta.revision += 1;
    }));
    await expect(repo.undo()).rejects.toMatchObject({ code: 'conflict' });
    expect(repo.get().organisations.filter((o) => o.id === removed.id)).toHaveLength(1);
  });

  it('undoes on the state others saved while the undo was on its way to the server', async () => {
    const { repo, othersSaveBeforeNextCommit } = sharedRepository();
    const [mine, theirs] = repo.get().organisations;
    await repo.change('Min anteckning', (tx) => tx.organisations.update(mine!.id, { note: 'min' }));
    othersSaveBeforeNextCommit(colleague(repo.get(), (d) => (d.organisations.find((o) => o.id === theirs!.id)!.note = 'deras')));
    expect(await repo.undo()).toBe('Min anteckning');
    expect(org(repo.get(), mine!.id)?.note).toBe(mine!.note);
    expect(org(repo.get(), theirs!.id)?.note).toBe('deras');
    expect(repo.history()).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('keeps my history through a change of mine that had to be made again on the others’ state', async () => {
    const { repo, othersSaveBeforeNextCommit } = sharedRepository();
    const [a, b, c] = repo.get().organisations;
    await repo.change('A', (tx) => tx.organisations.update(a!.id, { note: 'a' }));
    othersSaveBeforeNextCommit(colleague(repo.get(), (d) => (d.organisations.find((o) => o.id === c!.id)!.note = 'deras')));
    await repo.change('B', (tx) => tx.organisations.update(b!.id, { note: 'b' }));
    await repo.undo();
    await repo.undo();
    expect([org(repo.get(), a!.id)?.note, org(repo.get(), b!.id)?.note, org(repo.get(), c!.id)?.note]).toEqual([a!.note, b!.note, 'deras']);
  });

  it('a setting someone else changed since cannot be undone', async () => {
    const { repo } = sharedRepository();
    await repo.change('Inställning', (tx) => tx.setSetting('test', 1));
    await repo.adopt(produce(repo.get(), (d) => {
      d.settings.test = 2;
      d.meta.revision += 1;
    }));
    await expect(repo.undo()).rejects.toMatchObject({ code: 'conflict' });
    expect(repo.get().settings.test).toBe(2);
  });
});
