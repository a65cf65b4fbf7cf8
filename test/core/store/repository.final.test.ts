import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../electron/core/store/repository';
import { AppError } from '../../../electron/contract';
import { loadDefaultDocument, memoryPort } from '../../support/memory-document';

function repository() {
  const port = memoryPort();
  let n = 0;
  const repo = createRepository({
    initial: loadDefaultDocument(),
    persist: (doc) => port.save(doc),
    clock: () => new Date('2022-06-30T10:00:00.000Z'),
    ids: () => `id-${++n}`,
    user: () => 'kansliet',
  });
  return { repo, port };
}

const setNote = (repo: ReturnType<typeof createRepository>, note: string, final?: string) =>
  repo.change(
    `Anteckning ${note}`,
    (tx) => {
      const first = tx.organisations.all()[0];
      if (first) tx.organisations.update(first.id, { note });
    },
    final !== undefined ? { final } : {},
  );

describe('final changes (issuing an invoice): undo stops at them', () => {
  it('refuses to undo a final change with its own Swedish reason, and changes nothing', async () => {
    const { repo, port } = repository();
    await setNote(repo, 'före');
    await setNote(repo, 'utfärdad', '«Utfärdade faktura 1» kan inte ångras.');
    expect(repo.history()).toMatchObject({ canUndo: false, undoSummary: 'Anteckning utfärdad', undoRefusal: '«Utfärdade faktura 1» kan inte ångras.' });
    const before = repo.get();
    const saves = port.saved.length;
    await expect(repo.undo()).rejects.toEqual(new AppError('forbidden', '«Utfärdade faktura 1» kan inte ångras.'));
    expect(repo.get()).toBe(before);
    expect(port.saved.length).toBe(saves);
  });

  it('undoes what came after a final change, down to it and no further', async () => {
    const { repo } = repository();
    await setNote(repo, 'utfärdad', 'slutgiltig');
    await setNote(repo, 'efter');
    expect(repo.history().canUndo).toBe(true);
    await expect(repo.undo()).resolves.toBe('Anteckning efter');
    expect(repo.get().organisations[0]?.note).toBe('utfärdad');
    await expect(repo.undo()).rejects.toThrow('slutgiltig');
    // Redo of the undone change still works.
    await expect(repo.redo()).resolves.toBe('Anteckning efter');
  });
});
