/** What the store did to make room on a full disk reaches the window with the save it was for. */
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../electron/contract';
import { trackSaves } from '../../electron/main/register-file';
import { validateDocument } from '../../electron/core/store/parse-document';
import defaultData from '../../assets/default-data.json';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const doc = validateDocument(structuredClone(defaultData));

describe('trackSaves: notices from the store', () => {
  it("adds the store's notice to the «saved» status, once", async () => {
    const notice = 'Disken var full. Den äldsta säkerhetskopian togs bort så att ändringen kunde sparas.';
    const notices = [notice];
    const send = vi.fn();
    const tracked = trackSaves(
      { save: vi.fn(async () => undefined), listBackups: vi.fn(async () => []), readBackup: vi.fn(async () => doc) },
      send,
      () => undefined,
      () => notices.splice(0),
    );
    await tracked.port.save(doc);
    await tracked.port.save(doc);
    const statuses = send.mock.calls.filter((c) => c[0] === 'store/status').map((c) => c[1] as { state: string; message?: string });
    expect(statuses).toEqual([
      { state: 'saving', revision: doc.meta.revision },
      { state: 'saved', revision: doc.meta.revision, message: notice },
      { state: 'saving', revision: doc.meta.revision },
      { state: 'saved', revision: doc.meta.revision },
    ]);
  });

  it('adds it to the refusal when dropping backups was not enough', async () => {
    const send = vi.fn();
    const tracked = trackSaves(
      {
        save: vi.fn(async () => {
          throw new AppError('save-failed', 'Ändringen kunde inte sparas: disken är full. Inget har ändrats.');
        }),
        listBackups: vi.fn(async () => []),
        readBackup: vi.fn(async () => doc),
      },
      send,
      () => undefined,
      () => ['Disken är full. De 2 äldsta säkerhetskopiorna togs bort, men det räckte inte för att spara ändringen.'],
    );
    await expect(tracked.port.save(doc)).rejects.toBeInstanceOf(AppError);
    expect(send.mock.calls.at(-1)).toEqual([
      'store/status',
      {
        state: 'failed',
        revision: doc.meta.revision,
        message:
          'Ändringen kunde inte sparas: disken är full. Inget har ändrats. Disken är full. De 2 äldsta säkerhetskopiorna togs bort, men det räckte inte för att spara ändringen.',
      },
    ]);
  });
});
