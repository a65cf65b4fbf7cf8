/**
 * Figures computed once per register state (issue 21): `figure(name, key, doc, compute)` returns what
 * `compute(doc)` returned the last time it ran for the same name and key, as long as every part of the document it
 * read is still the same object.
 *
 * The repository hands out a new frozen document per change and copies only the tables the change touched
 * (store/transaction.ts), so "the same object" means "unchanged": a budget edit keeps the goals' figures, a goal
 * edit keeps the budget's and every other goal's. What a computation read is not declared but recorded: it gets
 * the document behind a proxy that notes each top-level part it reads (`organisations`, `reference`, `budget`...),
 * so a figure cannot forget a table it depends on. A figure computed inside another passes its parts on to it.
 * Values it depends on beyond the document (a goal record) go in `extra`, compared the same way.
 *
 * Only frozen parts are trusted to stay the same: a computation that read a part that is not frozen (a plain
 * document built by a test or a script, which may be changed in place) is computed every time and not kept.
 * Kept values are deep-frozen, since every caller shares them. The cache holds a bounded number of figures,
 * the least recently used leaving first.
 */
import { freeze } from 'immer';

type Entry = {
  /** The top-level parts of the document the computation read, and what each was then. */
  keys: readonly PropertyKey[];
  values: readonly unknown[];
  extra: readonly unknown[];
  value: unknown;
};

type Tracker = { raw: object; read: Map<PropertyKey, unknown> };

const MAX_ENTRIES = 2_000;
const entries = new Map<string, Entry>();
/** The proxies handed to computations, so a figure computed inside another reads the real document. */
const trackers = new WeakMap<object, Tracker>();

const stats = { hits: 0, misses: 0 };

/**
 * Parts whose fields are tracked one by one: `meta` is a new object with every change (its revision), but a
 * figure that reads only its `source` should not be computed again for that.
 */
const FIELDWISE: ReadonlySet<PropertyKey> = new Set(['meta']);
const FIELD = '\u0000';
const fieldKey = (part: string, field: string) => `${FIELD}${part}${FIELD}${field}`;

function valueAt(doc: Record<PropertyKey, unknown>, key: PropertyKey): unknown {
  if (typeof key === 'string' && key.startsWith(FIELD)) {
    const [, part = '', field = ''] = key.split(FIELD);
    return (doc[part] as Record<string, unknown> | undefined)?.[field];
  }
  return doc[key];
}

function unchanged(value: unknown): boolean {
  return typeof value !== 'object' || value === null || Object.isFrozen(value);
}

function stillValid(entry: Entry, raw: object, extra: readonly unknown[]): boolean {
  if (entry.extra.length !== extra.length) return false;
  for (let i = 0; i < extra.length; i++) if (entry.extra[i] !== extra[i]) return false;
  const doc = raw as Record<PropertyKey, unknown>;
  for (let i = 0; i < entry.keys.length; i++) if (valueAt(doc, entry.keys[i] as PropertyKey) !== entry.values[i]) return false;
  return true;
}

/** Tells the figure being computed around this one (if any) what this one read. */
function passOn(outer: Tracker | undefined, entry: Pick<Entry, 'keys' | 'values'>): void {
  if (!outer) return;
  for (let i = 0; i < entry.keys.length; i++) outer.read.set(entry.keys[i] as PropertyKey, entry.values[i]);
}

/** A read-only view of `target` that reports each property read (`note`) and hands out `inner(prop)` where given. */
function recorder(target: object, note: (prop: PropertyKey) => void, inner?: (prop: PropertyKey) => object | undefined): object {
  const source = target as Record<PropertyKey, unknown>;
  // The proxy's own target is an empty object, not the frozen document: a proxy of a frozen object must hand out
  // exactly its values, and `meta` is handed out as a view of its own.
  return new Proxy(Object.create(Object.getPrototypeOf(target) as object | null) as object, {
    get(_, prop) {
      const view = inner?.(prop);
      if (view) return view;
      note(prop);
      return source[prop];
    },
    has(_, prop) {
      note(prop);
      return prop in source;
    },
    ownKeys() {
      const keys = Reflect.ownKeys(source);
      for (const key of keys) note(key);
      return keys;
    },
    getOwnPropertyDescriptor(_, prop) {
      note(prop);
      const descriptor = Reflect.getOwnPropertyDescriptor(source, prop);
      return descriptor && { ...descriptor, value: inner?.(prop) ?? descriptor.value, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

function tracking(raw: object): { proxy: object; tracker: Tracker } {
  const tracker: Tracker = { raw, read: new Map() };
  const doc = raw as Record<PropertyKey, unknown>;
  const views = new Map<PropertyKey, object>();
  const inner = (prop: PropertyKey): object | undefined => {
    if (!FIELDWISE.has(prop) || typeof prop !== 'string') return undefined;
    const part = doc[prop];
    if (typeof part !== 'object' || part === null) return undefined;
    let view = views.get(prop);
    if (!view) {
      view = recorder(part, (field) => typeof field === 'string' && tracker.read.set(fieldKey(prop, field), (part as Record<string, unknown>)[field]));
      views.set(prop, view);
    }
    return view;
  };
  const proxy = recorder(raw, (prop) => tracker.read.set(prop, doc[prop]), inner);
  trackers.set(proxy, tracker);
  return { proxy, tracker };
}

/**
 * The figure `name` for `key` (the arguments besides the document, as text: a year, a date) over `doc`: kept
 * from an earlier call while what it read is unchanged, else computed by `compute` (which must read the document
 * only through the argument it is given, and nothing else that changes besides `key` and `extra`).
 */
export function figure<D extends object, T>(name: string, key: string, doc: D, compute: (doc: D) => T, extra: readonly unknown[] = []): T {
  const outer = trackers.get(doc);
  const raw = (outer?.raw ?? doc) as D;
  const id = `${name}\u0000${key}`;
  const kept = entries.get(id);
  if (kept && stillValid(kept, raw, extra)) {
    stats.hits += 1;
    // Most recently used last, so the oldest is the first to leave.
    entries.delete(id);
    entries.set(id, kept);
    passOn(outer, kept);
    return kept.value as T;
  }
  stats.misses += 1;
  const { proxy, tracker } = tracking(raw);
  const value = compute(proxy as D);
  const entry: Entry = { keys: [...tracker.read.keys()], values: [...tracker.read.values()], extra: [...extra], value };
  passOn(outer, entry);
  if (entry.values.every(unchanged) && entry.extra.every(unchanged)) {
    entry.value = freeze(value, true);
    entries.delete(id);
    entries.set(id, entry);
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
  } else if (kept) {
    entries.delete(id);
  }
  return entry.value as T;
}

/** How often a figure was reused or computed since the start (for tests and profiling). */
export function figureCacheStats(): { hits: number; misses: number; size: number } {
  return { ...stats, size: entries.size };
}

/** Forgets every kept figure (tests that measure from scratch). */
export function clearFigureCache(): void {
  entries.clear();
}
