/**
 * The only code that changes the document, and the one way to do it: `change(summary, tx => ...)`, whose
 * typed tables (`transaction.ts`) record every operation in the change log and in the undo history. Every change:
 * - runs one at a time (a queue), so concurrent calls are each saved exactly once, in order;
 * - is computed as a new frozen document, persisted durably, and only then becomes the current state, so a
 *   failed save leaves memory and history as they were;
 * - can be undone and redone (index-level steps, kept until the app closes); undo and redo are logged too.
 */
import { freeze, produce } from 'immer';
import { AppError } from '../../contract/result';
import type { ChangeLogEntry, SambrukDocument } from './schema';
import type { Clock, IdSource } from '../handlers/ports';
import { replaySteps, runTransaction, type EntryContext, type Step, type Transaction } from './transaction';

export type Persist = (doc: SambrukDocument) => Promise<void>;

type HistoryEntry = { summary: string; steps: Step[] };

export type Repository = ReturnType<typeof createRepository>;
export type { Transaction } from './transaction';

const HISTORY_LIMIT = 200;

export function createRepository(options: {
  initial: SambrukDocument;
  persist: Persist;
  clock: Clock;
  ids: IdSource;
  /** Who makes the changes (the OS user name on the desktop), for the change log. */
  user?: () => string;
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

  function context(): EntryContext {
    return { at: options.clock().toISOString(), by: options.user?.() ?? '', ids: options.ids };
  }

  /** Durable first, then visible and announced. */
  async function commit(next: SambrukDocument): Promise<void> {
    await options.persist(next);
    current = next;
  }

  function announce() {
    options.onChanged?.(current);
  }

  function assertWritable() {
    if (readOnly) throw new AppError('read-only', 'Registret är öppnat skrivskyddat. Ändringen sparades inte.');
  }

  async function replay(from: HistoryEntry[], to: HistoryEntry[], direction: 'undo' | 'redo'): Promise<string | undefined> {
    const entry = from[from.length - 1];
    if (!entry) return undefined;
    assertWritable();
    const { next } = replaySteps(current, entry.steps, direction, entry.summary, context());
    await commit(next);
    from.pop();
    to.push(entry);
    announce();
    return entry.summary;
  }

  return {
    get: (): SambrukDocument => current,
    isReadOnly: () => readOnly,
    setReadOnly(value: boolean) {
      readOnly = value;
    },

    /**
     * Runs `work` on the tables of the current document (or lets it throw an AppError to refuse the change) and
     * saves the result. Resolves with `work`'s value once the change is durable; a change that changed nothing
     * is not saved.
     */
    change<T>(summary: string, work: (tx: Transaction) => T): Promise<T> {
      return enqueue(async () => {
        assertWritable();
        const result = runTransaction(current, summary, context(), work);
        if (result.next === current) return result.value;
        await commit(result.next);
        if (result.steps.length > 0) {
          undoStack.push({ summary, steps: result.steps });
          if (undoStack.length > HISTORY_LIMIT) undoStack.shift();
          redoStack.length = 0;
        }
        announce();
        return result.value;
      });
    },

    undo: (): Promise<string | undefined> => enqueue(() => replay(undoStack, redoStack, 'undo')),
    redo: (): Promise<string | undefined> => enqueue(() => replay(redoStack, undoStack, 'redo')),

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

    /** Replaces the whole document (restore from backup, reload from disk) as one change that cannot be undone. */
    replace(next: SambrukDocument, summary: string): Promise<void> {
      return enqueue(async () => {
        if (readOnly) throw new AppError('read-only', 'Registret är öppnat skrivskyddat.');
        const ctx = context();
        const entry: ChangeLogEntry = { id: ctx.ids(), at: ctx.at, by: ctx.by, entity: 'document', entityId: 'document', action: 'restore', summary: summary.slice(0, 500) };
        const stamped = produce(next, (draft) => {
          draft.meta.revision = Math.max(current.meta.revision, next.meta.revision) + 1;
          draft.meta.updatedAt = ctx.at;
          draft.changeLog.push(entry);
        });
        await commit(freeze(stamped, true));
        undoStack.length = 0;
        redoStack.length = 0;
        announce();
      });
    },
  };
}
