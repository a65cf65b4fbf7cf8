import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../electron/core/store/repository';
import { AppError } from '../../../electron/contract';
import { parseDocumentText } from '../../../electron/core/store/parse-document';
import { loadDefaultDocument, memoryPort } from '../../support/memory-document';
import { repositoryContract } from '../../support/repository-contract';

// The JSON file's store as the repository sees it: every save is the whole document (in memory here; the
// file itself is tested in test/node/document-file-store*.test.ts). The same contract runs against PostgreSQL.
repositoryContract('the file store (in memory)', async ({ initial, clock, ids }) => {
  const port = memoryPort();
  let broken = false;
  const repo = createRepository({
    initial,
    persist: (doc) => {
      if (broken) port.failNext(new AppError('save-failed', 'Disken är full.'));
      return port.save(doc);
    },
    clock,
    ids,
    user: () => 'kansliet',
  });
  return {
    repo,
    user: 'kansliet',
    saves: async () => port.saved.length,
    durable: async () => parseDocumentText(port.saved.at(-1) ?? JSON.stringify(initial)),
    breakSaves: async () => {
      broken = true;
      return 'save-failed';
    },
    mendSaves: async () => {
      broken = false;
    },
    close: async () => undefined,
  };
});

/** Sets the note of the first organisation: an update of one record, logged. */
const setNote = (repo: ReturnType<typeof createRepository>, note: string) =>
  repo.change(`Satte ${note}`, (tx) => {
    const org = tx.organisations.all()[0]!;
    tx.organisations.update(org.id, { note });
    return note;
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
