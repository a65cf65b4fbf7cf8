/**
 * The only code that changes the document. Every change:
 * - runs one at a time (a queue), so concurrent calls are each saved exactly once, in order;
 * - is computed on an immutable copy (immer), persisted durably, and only then becomes the current state,
 *   so a failed save leaves memory as it was;
 * - is recorded for undo/redo (inverse patches, kept until the app closes).
 *
 * Record lists can hold tens of thousands of records, and immer's cost for a changed array grows with its
 * length. So mutators change them with `records.ts` (a new frozen array), the history keeps index-level
 * patches rather than whole arrays, and undo/redo applies those without immer (`array-patches.ts`).
 */
import { enablePatches, produce, produceWithPatches, freeze, type Draft, type Patch } from 'immer';
import { AppError } from '../../contract/result';
import type { ChangeLogEntry, SambrukDocument } from './schema';
import type { Clock, IdSource } from '../services/ports';
import { applyHistoryPatches, indexLevelHistory } from './array-patches';
import { appendRecords } from './records';

enablePatches();

export type Persist = (doc: SambrukDocument) => Promise<void>;

type HistoryEntry = { summary: string; patches: Patch[]; inverse: Patch[] };

export type ChangeRecord = Omit<ChangeLogEntry, 'id' | 'at'>;

export type Repository = ReturnType<typeof createRepository>;

const HISTORY_LIMIT = 200;
/** Sections of the document that undo must not roll back: the log keeps the truth of what happened. */
const UNDO_EXCLUDED_ROOTS = new Set(['changeLog', 'meta']);

export function createRepository(options: {
  initial: SambrukDocument;
  persist: Persist;
  clock: Clock;
  ids: IdSource;
  readOnly?: boolean;
  onChanged?: (doc: SambrukDocument) => void;
}) {
  let current: SambrukDocument = freeze(options.initial, true);
  let queue: Promise<unknown> = Promise.resolve();
  const undoStack: HistoryEntry[] = [];
  const redoStack: HistoryEntry[] = [];
  let readOnly = options.readOnly ?? false;

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Durable first, then visible. Callers announce the change (`announce`) once their history is updated. */
  async function commit(next: SambrukDocument): Promise<void> {
    await options.persist(next);
    current = next;
  }

  function announce() {
    options.onChanged?.(current);
  }

  function stamp(draft: Draft<SambrukDocument>, records: ChangeRecord[]) {
    const at = options.clock().toISOString();
    draft.meta.revision += 1;
    draft.meta.updatedAt = at;
    // The log only grows (thousands of entries): a push through the draft would have immer walk all of it.
    appendRecords(draft, 'changeLog', ...records.map((record) => ({ ...record, id: options.ids(), at }) as ChangeLogEntry));
  }

  /** The undo step of a change from `before` to `after`: without the sections undo leaves alone, index-level. */
  function historyEntry(summary: string, before: SambrukDocument, after: SambrukDocument, patches: Patch[], inverse: Patch[]): HistoryEntry {
    const undoable = (list: Patch[]) => list.filter((p) => !UNDO_EXCLUDED_ROOTS.has(String(p.path[0])));
    return { summary, ...indexLevelHistory(before, after, undoable(patches), undoable(inverse)) };
  }

  return {
    get: (): SambrukDocument => current,
    isReadOnly: () => readOnly,
    setReadOnly(value: boolean) {
      readOnly = value;
    },

    /**
     * Applies `mutate` to a draft and saves. `mutate` returns the change-log records describing the change
     * (or throws an AppError to refuse it). Resolves with the mutator's value once the change is durable.
     */
    change<T>(summary: string, mutate: (draft: Draft<SambrukDocument>) => { records: ChangeRecord[]; value: T }): Promise<T> {
      return enqueue(async () => {
        if (readOnly) throw new AppError('read-only', 'Registret är öppnat skrivskyddat. Ändringen sparades inte.');
        let value: T | undefined;
        const before = current;
        const [next, patches, inverse] = produceWithPatches(before, (draft) => {
          const out = mutate(draft);
          value = out.value;
          stamp(draft, out.records);
        });
        // Computed before the save, so nothing of this change is kept if the save fails.
        const entry = historyEntry(summary, before, next, patches, inverse);
        await commit(next);
        undoStack.push(entry);
        if (undoStack.length > HISTORY_LIMIT) undoStack.shift();
        redoStack.length = 0;
        announce();
        return value as T;
      });
    },

    undo(): Promise<string | undefined> {
      return enqueue(async () => {
        const entry = undoStack[undoStack.length - 1];
        if (!entry) return undefined;
        await replay(entry.inverse, `Ångrade: ${entry.summary}`);
        undoStack.pop();
        redoStack.push(entry);
        announce();
        return entry.summary;
      });
    },

    redo(): Promise<string | undefined> {
      return enqueue(async () => {
        const entry = redoStack[redoStack.length - 1];
        if (!entry) return undefined;
        await replay(entry.patches, `Gjorde om: ${entry.summary}`);
        redoStack.pop();
        undoStack.push(entry);
        announce();
        return entry.summary;
      });
    },

    history() {
      const u = undoStack[undoStack.length - 1];
      const r = redoStack[redoStack.length - 1];
      return {
        canUndo: !!u,
        canRedo: !!r,
        ...(u ? { undoSummary: u.summary } : {}),
        ...(r ? { redoSummary: r.summary } : {}),
      };
    },

    /** Forget undo history, e.g. after erasing a person, so no copy of erased data stays in memory. */
    clearHistory() {
      undoStack.length = 0;
      redoStack.length = 0;
    },

    /**
     * Takes a document just read from disk as the current state, without saving it, and makes the register
     * writable: the register reopened for writing after being read-only (the file may have changed meanwhile).
     * Undo history is forgotten, as it refers to the state before.
     */
    load(next: SambrukDocument): Promise<void> {
      return enqueue(async () => {
        current = freeze(next, true);
        readOnly = false;
        undoStack.length = 0;
        redoStack.length = 0;
        announce();
      });
    },

    /** Replaces the whole document (restore from backup, reload from disk, apply an import) as one change. */
    replace(next: SambrukDocument, summary: string): Promise<void> {
      return enqueue(async () => {
        if (readOnly) throw new AppError('read-only', 'Registret är öppnat skrivskyddat.');
        const [stamped] = produceWithPatches(next, (draft) => {
          draft.meta.revision = Math.max(current.meta.revision, next.meta.revision);
          stamp(draft, [{ entity: 'document', entityId: 'document', action: 'restore', summary }]);
        });
        await commit(freeze(stamped, true));
        undoStack.length = 0;
        redoStack.length = 0;
        announce();
      });
    },
  };

  async function replay(patches: Patch[], summary: string) {
    if (readOnly) throw new AppError('read-only', 'Registret är öppnat skrivskyddat.');
    const applied = applyHistoryPatches(current, patches);
    const next = produce(applied, (draft) => {
      stamp(draft, [{ entity: 'history', entityId: 'history', action: 'update', summary }]);
    });
    await commit(next);
  }
}
