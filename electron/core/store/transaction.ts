/**
 * The one way to change the register: typed tables inside a transaction.
 *
 * `runTransaction(doc, work, context)` hands `work` a `Transaction` whose tables (`tx.usages`, `tx.networks`,
 * ...) read and change the document's record lists. Every operation is recorded twice: as a change-log entry
 * (what, when, who, before and after) and as an index-level step for undo and redo. Nothing is drafted: a
 * changed list is copied once per transaction and frozen, records are looked up through an id index kept per
 * list version, so an operation costs about the same in a list of 40 000 records as in one of 40.
 *
 * `replaySteps` applies recorded steps forwards (redo) or backwards (undo) with the same machinery.
 */
import { freeze, produce, type Draft } from 'immer';
import type { ChangeAction, ChangeLogEntry, SambrukDocument } from './schema';

// ---------------------------------------------------------------- the tables

type TableSpec<T> = {
  /** The kind of record named in the change log (`organisation`, `usage`, ...). */
  entity: string;
  read(doc: SambrukDocument): readonly T[];
  write(doc: SambrukDocument, rows: readonly T[]): SambrukDocument;
  key(record: T): string;
  organisationOf?: (record: T) => string | undefined;
  contactOf?: (record: T) => string | undefined;
};

type Row<K extends keyof SambrukDocument> = SambrukDocument[K] extends readonly (infer T)[] ? T : never;

function rootTable<K extends keyof SambrukDocument>(key: K, entity: string, extra: Partial<TableSpec<Row<K>>> = {}): TableSpec<Row<K>> {
  return {
    entity,
    read: (doc) => doc[key] as unknown as readonly Row<K>[],
    write: (doc, rows) => ({ ...doc, [key]: rows }),
    key: (record) => (record as { id: string }).id,
    ...extra,
  };
}

const byOwnOrganisation = { organisationOf: (r: { organisationId?: string | undefined }) => r.organisationId };

/** Every record list of the document that handlers change, by the name the transaction offers it under. */
/** A record list inside the document's `invoicing` part. */
function invoicingTable<K extends keyof SambrukDocument['invoicing']>(key: K, entity: string, extra: Partial<TableSpec<SambrukDocument['invoicing'][K][number]>> = {}): TableSpec<SambrukDocument['invoicing'][K][number]> {
  return {
    entity,
    read: (doc) => doc.invoicing[key],
    write: (doc, rows) => ({ ...doc, invoicing: Object.freeze({ ...doc.invoicing, [key]: rows }) }),
    key: (record) => record.id,
    ...extra,
  };
}

export const tableSpecs = {
  organisations: rootTable('organisations', 'organisation', { organisationOf: (o) => o.id }),
  memberships: rootTable('memberships', 'membership', byOwnOrganisation),
  contacts: rootTable('contacts', 'contact', { ...byOwnOrganisation, contactOf: (c) => c.id }),
  services: rootTable('services', 'service'),
  usages: rootTable('usages', 'usage', byOwnOrganisation),
  networks: rootTable('networks', 'network'),
  feeTables: rootTable('feeTables', 'feeTable', { key: (t) => String(t.year) }),
  goals: rootTable('goals', 'goal'),
  boardPacks: rootTable('boardPacks', 'board-pack'),
  selections: rootTable('selections', 'selection'),
  planFigures: rootTable('planFigures', 'plan-figure'),
  populations: {
    entity: 'population',
    read: (doc) => doc.reference.populations,
    write: (doc, rows) => ({ ...doc, reference: Object.freeze({ ...doc.reference, populations: rows as SambrukDocument['reference']['populations'] }) }),
    key: (figure) => `${figure.code} ${figure.date}`,
  } satisfies TableSpec<SambrukDocument['reference']['populations'][number]>,
  swedenPopulation: {
    entity: 'sweden-population',
    read: (doc) => doc.reference.swedenPopulation,
    write: (doc, rows) => ({ ...doc, reference: Object.freeze({ ...doc.reference, swedenPopulation: rows as SambrukDocument['reference']['swedenPopulation'] }) }),
    key: (total) => total.date,
  } satisfies TableSpec<SambrukDocument['reference']['swedenPopulation'][number]>,
  invoiceSettings: invoicingTable('settings', 'invoice-settings'),
  billing: invoicingTable('billing', 'billing-details', byOwnOrganisation),
  articles: invoicingTable('articles', 'article'),
  invoiceRuns: invoicingTable('runs', 'invoice-run'),
  invoices: invoicingTable('invoices', 'invoice', byOwnOrganisation),
  payments: invoicingTable('payments', 'payment'),
  budgetLines: {
    entity: 'budget-line',
    read: (doc) => doc.budget.lines,
    write: (doc, rows) => ({ ...doc, budget: Object.freeze({ ...doc.budget, lines: rows as SambrukDocument['budget']['lines'] }) }),
    key: (line) => line.id,
  } satisfies TableSpec<SambrukDocument['budget']['lines'][number]>,
  budgetColumns: {
    entity: 'budget-column',
    read: (doc) => doc.budget.columns,
    write: (doc, rows) => ({ ...doc, budget: Object.freeze({ ...doc.budget, columns: rows as SambrukDocument['budget']['columns'] }) }),
    key: (column) => column.id,
  } satisfies TableSpec<SambrukDocument['budget']['columns'][number]>,
};

export type TableName = keyof typeof tableSpecs;
export type RecordOf<N extends TableName> = ReturnType<(typeof tableSpecs)[N]['read']>[number];

type NestedSpec<T> = {
  parent: TableName;
  /** The parent's field holding the list. */
  field: string;
  /** The name the log entries give the parent's key (`networkId`), beside the inner record. */
  parentField: string;
  entity: string;
  organisationOf?: (record: T) => string | undefined;
  contactOf?: (record: T) => string | undefined;
};

type Network = SambrukDocument['networks'][number];

/** Lists inside records: a network's roster and its meetings. */
const nestedSpecs = {
  roster: {
    parent: 'networks',
    field: 'roster',
    parentField: 'networkId',
    entity: 'roster-entry',
    organisationOf: (e) => e.organisationId,
    contactOf: (e) => e.contactId,
  } satisfies NestedSpec<Network['roster'][number]>,
  meetings: { parent: 'networks', field: 'meetings', parentField: 'networkId', entity: 'meeting' } satisfies NestedSpec<Network['meetings'][number]>,
};

export type NestedName = keyof typeof nestedSpecs;
export type NestedRecordOf<N extends NestedName> = N extends 'roster' ? Network['roster'][number] : Network['meetings'][number];

// ---------------------------------------------------------------- the transaction's API

/** How an operation is described in the change log; everything has a default. */
export type EntryOptions = {
  /** The entry's text; default: the change's summary. */
  summary?: string;
  /** Default: `create` for insert, `update` for update, `delete` for remove. */
  action?: ChangeAction;
  /** Default: the record's own organisation (organisations, memberships, contacts, usages). */
  organisationId?: string;
  /** The person the change concerns; default: the contact itself in `contacts`. */
  contactId?: string;
  /** What the entry keeps instead of the record before and after (e.g. an erasure keeps no personal data). */
  before?: unknown;
  after?: unknown;
  /**
   * `false`: the operation is part of a change that another entry of the same transaction describes (an
   * erasure scrubbing texts elsewhere) and must not put the old values into the log.
   */
  logged?: boolean;
};

export type Table<T> = {
  /** The records as they stand in this transaction (frozen; do not keep them past it). */
  all(): readonly T[];
  get(key: string): T | undefined;
  has(key: string): boolean;
  /** Adds a record at the end. A key already in the table is a programming error. */
  insert(record: T, entry?: EntryOptions): T;
  /**
   * Changes a record: `change` is a partial record to merge, or a recipe that edits a draft of the record (or
   * returns a new one). Returns the record after; if nothing changed, nothing is recorded.
   */
  update(key: string, change: Partial<T> | ((draft: Draft<T>) => T | void), entry?: EntryOptions): T;
  /** Takes a record out; returns it. */
  remove(key: string, entry?: EntryOptions): T;
  /**
   * Makes the table hold `next`: records not in it are removed, changed ones updated, new ones added at the end
   * (for a domain function that computes a whole new list). Each is an operation of its own.
   */
  replaceAll(next: readonly T[], entry?: EntryOptions): void;
};

/** A list inside the records of a table, addressed by the parent's key (`tx.meetings.insert(networkId, m)`). */
export type NestedTable<T> = {
  all(parentKey: string): readonly T[];
  get(parentKey: string, key: string): T | undefined;
  insert(parentKey: string, record: T, entry?: EntryOptions): T;
  update(parentKey: string, key: string, change: Partial<T> | ((draft: Draft<T>) => T | void), entry?: EntryOptions): T;
  remove(parentKey: string, key: string, entry?: EntryOptions): T;
};

export type Transaction = { [N in TableName]: Table<RecordOf<N>> } & { [N in NestedName]: NestedTable<NestedRecordOf<N>> } & {
  /** The document as it stands in this transaction, for reading (domain checks and look-ups). */
  readonly doc: SambrukDocument;
  /** A UI preference kept in the document (import mappings); undoable, not logged. */
  setSetting(key: string, value: unknown): void;
  /**
   * Rewrites the change log (an erasure scrubbing a person's data out of it). The log is not undone, so this
   * is not undoable either.
   */
  rewriteLog(rewrite: (entry: ChangeLogEntry) => ChangeLogEntry): void;
};

// ---------------------------------------------------------------- steps (undo/redo) and entries

/** What an operation did, by index, with enough to do it again or undo it. */
export type Step =
  | { kind: 'insert'; table: TableName; index: number; after: unknown; entry: StepEntry }
  | { kind: 'update'; table: TableName; index: number; before: unknown; after: unknown; entry: StepEntry }
  | { kind: 'remove'; table: TableName; index: number; before: unknown; entry: StepEntry }
  | { kind: 'setting'; key: string; had: boolean; before: unknown; after: unknown };

/** The log entry an operation wrote, so undo and redo can write their own about the same record. */
export type StepEntry = {
  entity: string;
  entityId: string;
  summary: string;
  organisationId?: string;
  contactId?: string;
  logged: boolean;
  /** What the entry kept as before and after; undo's entry swaps them. */
  before?: unknown;
  after?: unknown;
};

export type EntryContext = { at: string; by: string; ids: () => string };

export type TransactionResult<T> = {
  value: T;
  /** The document after, frozen; the same object as the input when nothing changed. */
  next: SambrukDocument;
  steps: Step[];
  /** Entries appended to the change log. */
  entries: ChangeLogEntry[];
};

// ---------------------------------------------------------------- the id index

/**
 * Key → index per version of a list. A map may know more keys than its list (a list grown by appending shares
 * its parent's map), so every hit is checked against the list; a list that lost or moved records gets a new one.
 */
const indexCache = new WeakMap<readonly unknown[], Map<string, number>>();

function buildIndex<T>(rows: readonly T[], key: (r: T) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) map.set(key(rows[i] as T), i);
  return map;
}

/** The working copy of one table inside a transaction or a replay. */
class TableState<T> {
  private rows: T[] | undefined;
  private index: Map<string, number> | undefined;
  /** The index still holds every key at its position (only appends and in-place updates so far). */
  private indexKept = true;

  constructor(
    readonly spec: TableSpec<T>,
    private readonly base: readonly T[],
  ) {}

  get changed(): boolean {
    return this.rows !== undefined;
  }

  current(): readonly T[] {
    return this.rows ?? this.base;
  }

  indexOf(key: string): number {
    const rows = this.current();
    if (!this.index) {
      // Only a frozen list (the base) is cached here; the working copy's index is cached when it is finished.
      const cached = this.rows ? undefined : indexCache.get(rows);
      this.index = cached ?? buildIndex(rows, this.spec.key);
      if (!this.rows && !cached) indexCache.set(rows, this.index);
      this.indexKept = true;
    }
    const at = this.index.get(key);
    if (at === undefined) return -1;
    const found = rows[at];
    if (found !== undefined && this.spec.key(found) === key) return at;
    // A key the map learned from another version of the list (one grown by appending shares its parent's map):
    // look for it the slow way, and start a fresh map if it is here after all.
    const scanned = rows.findIndex((r) => this.spec.key(r) === key);
    if (scanned >= 0) this.index = buildIndex(rows, this.spec.key);
    return scanned;
  }

  private writable(): T[] {
    // Spread, not `slice()`: copying a frozen array with `slice()` is much slower in V8.
    this.rows ??= [...this.base];
    return this.rows;
  }

  set(at: number, record: T): void {
    this.writable()[at] = record;
  }

  insertAt(at: number, record: T): void {
    const rows = this.writable();
    if (at === rows.length) {
      rows.push(record);
      this.index?.set(this.spec.key(record), at);
    } else {
      rows.splice(at, 0, record);
      this.dropIndex();
    }
  }

  removeAt(at: number): void {
    this.writable().splice(at, 1);
    this.dropIndex();
  }

  private dropIndex() {
    this.index = undefined;
    this.indexKept = false;
  }

  /** The new list, frozen; its index is remembered for the next transaction when it is still whole. */
  finish(): readonly T[] {
    const rows = Object.freeze(this.rows ?? [...this.base]);
    if (this.index && this.indexKept) indexCache.set(rows, this.index);
    return rows;
  }
}

// ---------------------------------------------------------------- running a transaction

/** Deep-frozen, so the record can be kept in the state and shared with the log and the history. */
function keepable<T>(record: T): T {
  return Object.isFrozen(record) ? record : freeze(record, true);
}

function sameRecord(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

class Working {
  private readonly tables = new Map<TableName, TableState<unknown>>();
  private settings: Record<string, unknown> | undefined;
  private changeLog: ChangeLogEntry[] | undefined;
  private view: SambrukDocument | undefined;

  constructor(readonly base: SambrukDocument) {}

  table<N extends TableName>(name: N): TableState<RecordOf<N>> {
    let state = this.tables.get(name);
    if (!state) {
      const spec = tableSpecs[name] as unknown as TableSpec<unknown>;
      state = new TableState(spec, spec.read(this.base));
      this.tables.set(name, state);
    }
    this.view = undefined;
    return state as unknown as TableState<RecordOf<N>>;
  }

  readTable<N extends TableName>(name: N): readonly RecordOf<N>[] {
    const state = this.tables.get(name);
    return (state ? state.current() : tableSpecs[name].read(this.base)) as readonly RecordOf<N>[];
  }

  setting(key: string, value: unknown, remove: boolean) {
    this.settings ??= { ...this.base.settings };
    if (remove) delete this.settings[key];
    else this.settings[key] = value;
    this.view = undefined;
  }

  rewriteLog(rewrite: (entry: ChangeLogEntry) => ChangeLogEntry) {
    this.changeLog = (this.changeLog ?? this.base.changeLog).map((e) => keepable(rewrite(e)));
    this.view = undefined;
  }

  /** A read view: the document with this transaction's lists. */
  doc(): SambrukDocument {
    if (this.view) return this.view;
    let doc: SambrukDocument = { ...this.base };
    for (const state of this.tables.values()) if (state.changed) doc = state.spec.write(doc, state.current());
    if (this.settings) doc = { ...doc, settings: this.settings };
    if (this.changeLog) doc = { ...doc, changeLog: this.changeLog };
    this.view = doc;
    return doc;
  }

  get touched(): boolean {
    return [...this.tables.values()].some((t) => t.changed) || this.settings !== undefined || this.changeLog !== undefined;
  }

  /** The new document, frozen, with `entries` appended to the log and the revision stamped. */
  finish(entries: readonly ChangeLogEntry[], at: string): SambrukDocument {
    let doc: SambrukDocument = { ...this.base };
    for (const state of this.tables.values()) if (state.changed) doc = state.spec.write(doc, state.finish());
    if (this.settings) doc.settings = Object.freeze(this.settings);
    // The log only grows (thousands of entries): one copy per change.
    const log = this.changeLog ?? [...this.base.changeLog];
    for (const entry of entries) log.push(keepable(entry));
    doc.changeLog = Object.freeze(log) as SambrukDocument['changeLog'];
    doc.meta = Object.freeze({ ...doc.meta, revision: doc.meta.revision + 1, updatedAt: at });
    return Object.freeze(doc);
  }
}

function logEntry(ctx: EntryContext, changeId: string, step: StepEntry, action: ChangeAction, before: unknown, after: unknown): ChangeLogEntry {
  return {
    id: ctx.ids(),
    at: ctx.at,
    by: ctx.by,
    changeId,
    entity: step.entity,
    entityId: step.entityId,
    ...(step.organisationId !== undefined ? { organisationId: step.organisationId } : {}),
    ...(step.contactId !== undefined ? { contactId: step.contactId } : {}),
    action,
    summary: step.summary.slice(0, 500),
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

/**
 * Runs `work` against `doc`. If `work` throws, nothing is kept. If it changed nothing, `next` is `doc` itself
 * and no entry is written.
 */
export function runTransaction<T>(doc: SambrukDocument, summary: string, ctx: EntryContext, work: (tx: Transaction) => T): TransactionResult<T> {
  const working = new Working(doc);
  const steps: Step[] = [];
  const entries: ChangeLogEntry[] = [];
  // Made with the first entry: a transaction that changes nothing takes no id.
  let changeId: string | undefined;

  /** The entry of one operation (also kept in its step, for the entries of undo and redo). */
  function describe(
    about: { entity: string; entityId: string; organisationId: string | undefined; contactId: string | undefined },
    action: ChangeAction,
    before: unknown,
    after: unknown,
    options: EntryOptions | undefined,
  ): StepEntry {
    const organisationId = options?.organisationId ?? about.organisationId;
    const contactId = options?.contactId ?? about.contactId;
    const kept = {
      before: options && 'before' in options ? options.before : before,
      after: options && 'after' in options ? options.after : after,
    };
    const entry: StepEntry = {
      entity: about.entity,
      entityId: about.entityId,
      summary: options?.summary ?? summary,
      ...(organisationId !== undefined ? { organisationId } : {}),
      ...(contactId !== undefined ? { contactId } : {}),
      logged: options?.logged ?? true,
      ...(kept.before !== undefined ? { before: kept.before } : {}),
      ...(kept.after !== undefined ? { after: kept.after } : {}),
    };
    if (entry.logged) entries.push(logEntry(ctx, (changeId ??= ctx.ids()), entry, options?.action ?? action, entry.before, entry.after));
    return entry;
  }

  function aboutRecord<R>(spec: TableSpec<R>, key: string, record: R) {
    return { entity: spec.entity, entityId: key, organisationId: spec.organisationOf?.(record), contactId: spec.contactOf?.(record) };
  }

  function edit<R>(before: R, change: Partial<R> | ((draft: Draft<R>) => R | void)): R {
    return typeof change === 'function' ? (produce(before, change as unknown as (draft: Draft<R>) => void) as R) : ({ ...before, ...change } as R);
  }

  function table<N extends TableName>(name: N): Table<RecordOf<N>> {
    type R = RecordOf<N>;
    const spec = tableSpecs[name] as unknown as TableSpec<R>;
    const state = () => working.table(name) as TableState<R>;
    const find = (key: string): number => state().indexOf(key);
    return {
      all: () => working.readTable(name),
      get: (key) => {
        const at = find(key);
        return at < 0 ? undefined : working.readTable(name)[at];
      },
      has: (key) => find(key) >= 0,
      insert(input, options) {
        const after = keepable(input);
        const key = spec.key(after);
        if (find(key) >= 0) throw new Error(`${name}: ${key} is already in the table`);
        const s = state();
        const index = s.current().length;
        s.insertAt(index, after);
        steps.push({ kind: 'insert', table: name, index, after, entry: describe(aboutRecord(spec, key, after), 'create', undefined, after, options) });
        return after;
      },
      update(key, change, options) {
        const index = requireIndex(name, find(key), key);
        const s = state();
        const before = s.current()[index] as R;
        const produced = edit(before, change);
        if (sameRecord(before, produced)) return before;
        const after = keepable(produced);
        if (spec.key(after) !== key) throw new Error(`${name}: an update may not change the key ${key}`);
        s.set(index, after);
        steps.push({ kind: 'update', table: name, index, before, after, entry: describe(aboutRecord(spec, key, after), 'update', before, after, options) });
        return after;
      },
      remove(key, options) {
        const index = requireIndex(name, find(key), key);
        const s = state();
        const before = s.current()[index] as R;
        s.removeAt(index);
        steps.push({ kind: 'remove', table: name, index, before, entry: describe(aboutRecord(spec, key, before), 'delete', before, undefined, options) });
        return before;
      },
      replaceAll(next, options) {
        const wanted = new Map(next.map((r) => [spec.key(r), r]));
        for (const r of working.readTable(name)) if (!wanted.has(spec.key(r))) this.remove(spec.key(r), options);
        for (const r of next) {
          const key = spec.key(r);
          if (find(key) >= 0) this.update(key, () => r, options);
          else this.insert(r, options);
        }
      },
    };
  }

  /**
   * A list inside the records of a table (a network's roster or meetings). A change is an update of the
   * parent (that is the undo step); its log entry is about the inner record.
   */
  function nested<N extends NestedName>(name: N): NestedTable<NestedRecordOf<N>> {
    type R = NestedRecordOf<N>;
    const spec = nestedSpecs[name] as unknown as NestedSpec<R>;
    const parents = () => working.table(spec.parent) as unknown as TableState<Record<string, unknown>>;
    const parentIndex = (parentKey: string) => requireIndex(spec.parent, parents().indexOf(parentKey), parentKey);
    const listOf = (parent: Record<string, unknown>) => parent[spec.field] as readonly R[];
    const about = (parentKey: string, record: R) => ({
      entity: spec.entity,
      entityId: record.id,
      organisationId: spec.organisationOf?.(record),
      contactId: spec.contactOf?.(record),
      parentKey,
    });
    const inContext = (parentKey: string, record: R | undefined) => (record === undefined ? undefined : { ...record, [spec.parentField]: parentKey });

    function write(parentKey: string, list: (rows: R[]) => void, record: R, action: ChangeAction, before: R | undefined, after: R | undefined, options: EntryOptions | undefined) {
      const index = parentIndex(parentKey);
      const s = parents();
      const parentBefore = s.current()[index] as Record<string, unknown>;
      const rows = [...listOf(parentBefore)];
      list(rows);
      const parentAfter = keepable({ ...parentBefore, [spec.field]: rows });
      s.set(index, parentAfter);
      const entry = describe(about(parentKey, record), action, inContext(parentKey, before), inContext(parentKey, after), options);
      steps.push({ kind: 'update', table: spec.parent, index, before: parentBefore, after: parentAfter, entry });
    }
    const all = (parentKey: string): readonly R[] => listOf(parents().current()[parentIndex(parentKey)] as Record<string, unknown>);
    const position = (parentKey: string, key: string) => {
      const at = all(parentKey).findIndex((r) => r.id === key);
      if (at < 0) throw new Error(`${name}: no record ${key} in ${parentKey}`);
      return at;
    };
    return {
      all,
      get: (parentKey, key) => all(parentKey).find((r) => r.id === key),
      insert(parentKey, input, options) {
        const after = keepable(input);
        if (all(parentKey).some((r) => r.id === after.id)) throw new Error(`${name}: ${after.id} is already in ${parentKey}`);
        write(parentKey, (rows) => rows.push(after), after, 'create', undefined, after, options);
        return after;
      },
      update(parentKey, key, change, options) {
        const at = position(parentKey, key);
        const before = all(parentKey)[at] as R;
        const produced = edit(before, change);
        if (sameRecord(before, produced)) return before;
        const after = keepable(produced);
        if (after.id !== key) throw new Error(`${name}: an update may not change the key ${key}`);
        write(parentKey, (rows) => void (rows[at] = after), after, 'update', before, after, options);
        return after;
      },
      remove(parentKey, key, options) {
        const at = position(parentKey, key);
        const before = all(parentKey)[at] as R;
        write(parentKey, (rows) => void rows.splice(at, 1), before, 'delete', before, undefined, options);
        return before;
      },
    };
  }

  const tx = Object.fromEntries([
    ...(Object.keys(tableSpecs) as TableName[]).map((name) => [name, table(name)]),
    ...(Object.keys(nestedSpecs) as NestedName[]).map((name) => [name, nested(name)]),
  ]) as Omit<Transaction, 'doc' | 'setSetting' | 'rewriteLog'>;
  // `doc` is a getter on the object itself (Object.assign would copy its value once).
  const transaction = Object.defineProperties(tx, {
    doc: { get: () => working.doc(), enumerable: true },
    setSetting: {
      value(key: string, value: unknown) {
        const current = working.doc().settings;
        const had = Object.hasOwn(current, key);
        if (had && sameRecord(current[key], value)) return;
        const after = keepable(value);
        steps.push({ kind: 'setting', key, had, before: current[key], after });
        working.setting(key, after, false);
      },
    },
    rewriteLog: {
      value(rewrite: (entry: ChangeLogEntry) => ChangeLogEntry) {
        working.rewriteLog(rewrite);
      },
    },
  }) as Transaction;

  const value = work(transaction);
  if (!working.touched && entries.length === 0) return { value, next: doc, steps, entries };
  return { value, next: working.finish(entries, ctx.at), steps, entries };
}

function requireIndex(name: string, index: number, key: string): number {
  // A programming error, not the user's: handlers check that a record exists before they change it.
  if (index < 0) throw new Error(`${name}: no record ${key}`);
  return index;
}

// ---------------------------------------------------------------- undo and redo

/** Two records with the same content, whatever the order of their keys (a shared register's JSONB reorders them). */
function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => Object.hasOwn(b, k) && sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A step that no longer fits because someone else changed its record since (a shared register): the change
 * cannot be undone or redone. Carries the step's own summary to name what.
 */
export class HistoryConflict extends Error {
  constructor(readonly what: string) {
    super(`history: ${what} was changed by someone else`);
  }
}

/**
 * Applies `steps` backwards (`undo`) or forwards (`redo`) to `doc` and logs each as an entry of its own
 * («Ångrad: …», «Gjort om: …»). A step whose record is not where it was means the history no longer fits the
 * document; that is a programming error, and nothing is changed.
 *
 * `byKey`: the document may have changed under the history (others' changes adopted from a shared register).
 * Each record is then found by its key rather than its position, and a record that is not as the step left it
 * (or one to insert that is there already) throws `HistoryConflict`, and nothing is changed.
 */
export function replaySteps(
  doc: SambrukDocument,
  steps: readonly Step[],
  direction: 'undo' | 'redo',
  summary: string,
  ctx: EntryContext,
  options: { byKey?: boolean } = {},
): { next: SambrukDocument; entries: ChangeLogEntry[] } {
  const working = new Working(doc);
  const entries: ChangeLogEntry[] = [];
  const changeId = ctx.ids();
  const prefix = direction === 'undo' ? 'Ångrad: ' : 'Gjort om: ';
  const ordered = direction === 'undo' ? [...steps].reverse() : steps;

  const expect = (state: TableState<unknown>, index: number, record: unknown) => {
    if (state.current()[index] !== record) throw new Error(`history: ${state.spec.entity} at ${index} is not the record the step expects`);
  };
  /** Where the step's record is now: at its index, or (by key) wherever it went, unchanged. */
  const locate = (state: TableState<unknown>, step: Exclude<Step, { kind: 'setting' }>, record: unknown): number => {
    if (!options.byKey) {
      expect(state, step.index, record);
      return step.index;
    }
    if (state.current()[step.index] === record) return step.index;
    const at = state.indexOf(state.spec.key(record));
    if (at < 0 || !sameContent(state.current()[at], record)) throw new HistoryConflict(step.entry.summary);
    return at;
  };
  /** Where a record goes back in: its old index (the end, if the list is shorter now); never a second copy. */
  const placeFor = (state: TableState<unknown>, step: Exclude<Step, { kind: 'setting' }>, record: unknown): number => {
    if (!options.byKey) return step.index;
    if (state.indexOf(state.spec.key(record)) >= 0) throw new HistoryConflict(step.entry.summary);
    return Math.min(step.index, state.current().length);
  };

  for (const step of ordered) {
    if (step.kind === 'setting') {
      const [had, value] = direction === 'undo' ? [step.had, step.before] : [true, step.after];
      if (options.byKey) {
        // The setting must still be as the step left it (absent, when redoing one that was not there before).
        const settings = working.doc().settings;
        const [hasNow, expected] = direction === 'undo' ? [true, step.after] : [step.had, step.before];
        if (Object.hasOwn(settings, step.key) !== hasNow || (hasNow && !sameContent(settings[step.key], expected))) throw new HistoryConflict(step.key);
      }
      working.setting(step.key, value, !had);
      continue;
    }
    const state = working.table(step.table) as TableState<unknown>;
    const forward = direction === 'redo';
    let before: unknown;
    let after: unknown;
    if (step.kind === 'update') {
      [before, after] = forward ? [step.before, step.after] : [step.after, step.before];
      state.set(locate(state, step, before), after);
    } else if ((step.kind === 'insert') === forward) {
      after = step.kind === 'insert' ? step.after : step.before;
      state.insertAt(placeFor(state, step, after), after);
    } else {
      before = step.kind === 'insert' ? step.after : step.before;
      state.removeAt(locate(state, step, before));
    }
    if (!step.entry.logged) continue;
    const [loggedBefore, loggedAfter] = forward ? [step.entry.before, step.entry.after] : [step.entry.after, step.entry.before];
    entries.push(logEntry(ctx, changeId, { ...step.entry, summary: prefix + step.entry.summary }, direction, loggedBefore, loggedAfter));
  }
  if (entries.length === 0) {
    entries.push(logEntry(ctx, changeId, { entity: 'history', entityId: changeId, summary: prefix + summary, logged: true }, direction, undefined, undefined));
  }
  return { next: working.finish(entries, ctx.at), entries };
}
