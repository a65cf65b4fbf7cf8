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
import { HistoryConflict, replaySteps, runTransaction, type EntryContext, type Step, type Transaction } from './transaction';

export type Persist = (doc: SambrukDocument) => Promise<void>;

/**
 * A register shared with other people (PostgreSQL, `node/postgres/`): a change computed on `base` is saved
 * only if nobody has changed the register since; otherwise the store brings the state up to date (`adopt`) and
 * runs the change again on it (`rerun`), which throws the change's own refusal when its rules no longer hold.
 */
export type SharedStore = {
  /** Resolves with the document now saved (the change, or the newer state when the rerun changes nothing). */
  commit(attempt: CommitAttempt): Promise<SambrukDocument>;
};

export type CommitAttempt = {
  base: SambrukDocument;
  next: SambrukDocument;
  /** The same change made on the register as others left it; returns `latest` itself when it changes nothing. */
  rerun(latest: SambrukDocument): SambrukDocument;
  /** The store learned of a newer state than `base`; it becomes the current one even if the change is refused. */
  adopt(latest: SambrukDocument): void;
};

/**
 * `final`: a change the books rest on (an invoice issued, a credit note): it cannot be undone, and nothing before
 * it either, since undo goes back step by step. The text says why, in Swedish.
 */
type HistoryEntry = {
  summary: string;
  steps: Step[];
  final?: string;
  /** Others' changes were adopted since it was recorded: its records are found by key, and checked unchanged. */
  afterOthers?: boolean;
};

export type ChangeOptions = {
  /** Makes the change final (see HistoryEntry): undo stops at it and says this. */
  final?: string;
};

export type Repository = ReturnType<typeof createRepository>;
export type { Transaction } from './transaction';

const HISTORY_LIMIT = 200;

export function createRepository(options: {
  initial: SambrukDocument;
  /** The file store: the document saved whole. */
  persist?: Persist;
  /** Or a store shared with others, which saves what changed (given instead of `persist`). */
  shared?: SharedStore;
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

  /**
   * Durable first, then visible and announced. A shared store may answer with the change made again on a newer
   * state (`rerun`); without one the change is simply saved.
   */
  async function commit(next: SambrukDocument, rerun?: (latest: SambrukDocument) => SambrukDocument): Promise<void> {
    if (!options.shared) {
      if (!options.persist) throw new Error('repository: neither persist nor shared');
      await options.persist(next);
      current = next;
      return;
    }
    const base = current;
    try {
      current = await options.shared.commit({
      base,
      next,
      rerun: rerun ?? (() => {
        throw new AppError('conflict', 'Någon annan har ändrat registret under tiden, så steget kan inte göras. Försök igen.');
      }),
        adopt: (latest) => adopt(latest),
      });
    } catch (error) {
      // A refused change still brought news: what others saved is shown.
      if (current !== base) announce();
      throw error;
    }
  }

  /**
   * A newer state saved by someone else. The history is kept: its steps now find their records by key, and a
   * step whose record someone else changed is refused when it comes to be undone (see `replay`).
   */
  function adopt(latest: SambrukDocument) {
    if (latest === current) return;
    current = freeze(latest, true);
    for (const entry of [...undoStack, ...redoStack]) entry.afterOthers = true;
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
    if (direction === 'undo' && entry.final !== undefined) throw new AppError('forbidden', entry.final);
    assertWritable();
    const ctx = context();
    const replayOn = (doc: SambrukDocument, byKey: boolean) => replaySteps(doc, entry.steps, direction, entry.summary, ctx, { byKey }).next;
    try {
      // Made again on the state others left, should they have saved meanwhile (the shared register).
      await commit(replayOn(current, entry.afterOthers === true), (latest) => replayOn(latest, true));
    } catch (error) {
      if (!(error instanceof HistoryConflict)) throw error;
      // Undo goes back step by step: nothing before a step that cannot be undone can be either.
      from.length = 0;
      announce();
      throw new AppError(
        'conflict',
        direction === 'undo'
          ? `«${entry.summary}» kan inte ångras: någon annan har ändrat samma uppgifter sedan dess. Det som gjordes före den kan inte heller ångras längre.`
          : `«${entry.summary}» kan inte göras om: någon annan har ändrat samma uppgifter sedan dess.`,
      );
    }
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
    change<T>(summary: string, work: (tx: Transaction) => T, changeOptions: ChangeOptions = {}): Promise<T> {
      return enqueue(async () => {
        assertWritable();
        let result = runTransaction(current, summary, context(), work);
        if (result.next === current) return result.value;
        let nothingLeft = false;
        await commit(result.next, (latest) => {
          result = runTransaction(latest, summary, context(), work);
          nothingLeft = result.next === latest;
          return result.next;
        });
        // The rerun on a newer state may have found nothing left to do: the newer state is still news.
        if (nothingLeft) {
          announce();
          return result.value;
        }
        if (result.steps.length > 0) {
          undoStack.push({ summary, steps: result.steps, ...(changeOptions.final !== undefined ? { final: changeOptions.final } : {}) });
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
        canUndo: !!u && u.final === undefined,
        canRedo: !!r,
        ...(u ? { undoSummary: u.summary } : {}),
        ...(u?.final !== undefined ? { undoRefusal: u.final } : {}),
        ...(r ? { redoSummary: r.summary } : {}),
      };
    },

    /**
     * Takes the state others saved (a shared register told us it changed) as the current one, keeping read-only
     * as it is; undo history is kept, checked record by record when used (see `adopt`).
     */
    adopt(latest: SambrukDocument): Promise<void> {
      return enqueue(async () => {
        if (latest === current || latest.meta.revision <= current.meta.revision) return;
        adopt(latest);
        announce();
      });
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
        const stamp = (base: SambrukDocument) =>
          freeze(
            produce(next, (draft) => {
              draft.meta.revision = Math.max(base.meta.revision, next.meta.revision) + 1;
              draft.meta.updatedAt = ctx.at;
              draft.changeLog.push(entry);
            }),
            true,
          );
        await commit(stamp(current), stamp);
        undoStack.length = 0;
        redoStack.length = 0;
        announce();
      });
    },
  };
}
