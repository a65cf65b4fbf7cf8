/**
 * The undo history's patches for the document's record lists, kept small and replayed cheaply.
 *
 * - `indexLevelHistory`: a mutator that gives a root section a new array (`records.ts`) makes immer record one
 *   patch holding the whole old and the whole new array. Up to 200 history entries of 40 000-record arrays would
 *   keep every version of the list alive, so such a patch is rewritten into the index-level patches immer itself
 *   writes for arrays (`replace`/`add`/`remove` at `[section, index]`), found by comparing the two arrays by
 *   identity: the common start and end are skipped, the window between is replaced, added to or removed from.
 * - `applyHistoryPatches`: immer's `applyPatches` drafts the array and finalizes it, which walks every element
 *   (and a `splice` on a draft marks every index as changed). Patches at exactly `[section, index]` are
 *   applied here to a copy of the array instead, with immer's meaning of each operation.
 */
import { applyPatches, freeze, produce, type Patch } from 'immer';

type Root = Record<string, unknown>;

/**
 * The undo step's two lists with each patch that replaces a whole root array (path `[section]`, old and new
 * values both arrays) rewritten into index-level patches with the same effect. `before` is the state
 * `patches` apply to, `after` the one `inverse` applies to. Only a section with that one patch in its list is
 * rewritten: it is then the only change to the section, so the array it replaces is `before[section]` (or
 * `after[section]`). Order is kept: the rewritten patches take the place of the one they replace.
 */
export function indexLevelHistory(
  before: object,
  after: object,
  patches: readonly Patch[],
  inverse: readonly Patch[],
): { patches: Patch[]; inverse: Patch[] } {
  // The window that differs is the same both ways: find it once per section (each scan is O(n)).
  const windows = new Map<string, Window>();
  return { patches: rewrite(before as Root, patches, windows), inverse: rewrite(after as Root, inverse, windows) };
}

function rewrite(root: Root, patches: readonly Patch[], windows: Map<string, Window>): Patch[] {
  const count = new Map<unknown, number>();
  for (const p of patches) if (p.path.length > 0) count.set(p.path[0], (count.get(p.path[0]) ?? 0) + 1);
  const out: Patch[] = [];
  for (const p of patches) {
    const section = p.path[0];
    const old = typeof section === 'string' && Object.hasOwn(root, section) ? root[section] : undefined;
    if (p.path.length === 1 && p.op === 'replace' && typeof section === 'string' && count.get(section) === 1 && Array.isArray(old) && Array.isArray(p.value)) {
      const to = p.value as readonly unknown[];
      let window = windows.get(section);
      if (!window || !((window.a === old && window.b === to) || (window.a === to && window.b === old))) {
        window = { a: old, b: to, ...commonEnds(old, to) };
        windows.set(section, window);
      }
      out.push(...windowPatches(section, old, to, window.start, window.tail));
    } else {
      out.push(p);
    }
  }
  return out;
}

type Window = { a: readonly unknown[]; b: readonly unknown[]; start: number; tail: number };

/** The lengths of the common prefix and suffix (by `===`, not overlapping) of two arrays; symmetric. */
function commonEnds(from: readonly unknown[], to: readonly unknown[]): { start: number; tail: number } {
  const shorter = Math.min(from.length, to.length);
  let start = 0;
  while (start < shorter && from[start] === to[start]) start++;
  let tail = 0;
  while (tail < shorter - start && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  return { start, tail };
}

/**
 * The patches that turn `from` into `to` at `[section, index]`: the common prefix and suffix (by `===`) are
 * left alone; in the window between, indices both arrays have are replaced where they differ, then the longer
 * side's rest is added (ascending, each an insert) or removed (descending, so earlier indices stay put).
 */
export function arrayDiff(section: string, from: readonly unknown[], to: readonly unknown[]): Patch[] {
  const { start, tail } = commonEnds(from, to);
  return windowPatches(section, from, to, start, tail);
}

function windowPatches(section: string, from: readonly unknown[], to: readonly unknown[], start: number, tail: number): Patch[] {
  const fromEnd = from.length - tail;
  const toEnd = to.length - tail;
  const both = Math.min(fromEnd, toEnd);
  const out: Patch[] = [];
  for (let i = start; i < both; i++) if (from[i] !== to[i]) out.push({ op: 'replace', path: [section, i], value: to[i] });
  for (let i = both; i < toEnd; i++) out.push({ op: 'add', path: [section, i], value: to[i] });
  for (let i = fromEnd - 1; i >= both; i--) out.push({ op: 'remove', path: [section, i] });
  return out;
}

/** True for a patch immer applies to an array element by index: `replace`/`remove` at an index, `add` at an index or `-`. */
function isIndexPatch(p: Patch): boolean {
  if (p.path.length !== 2) return false;
  const index = p.path[1];
  const atIndex = typeof index === 'number' && Number.isInteger(index) && index >= 0;
  if (p.op === 'add') return atIndex || index === '-';
  return atIndex && (p.op === 'replace' || p.op === 'remove');
}

/**
 * `applyPatches(doc, patches)`, with the patches of some root arrays applied without immer. A section takes
 * that path only if every patch of it in the list is at `[section, index]` and the section is an array: patches
 * of different root sections touch different parts of the document, so applying them per section, each in
 * its order, is what applying the whole list in order does. A patch at the root itself (`[]`) would touch
 * every section, so then all go through immer.
 */
export function applyHistoryPatches<T extends object>(doc: T, patches: readonly Patch[]): T {
  const root = doc as Root;
  const fast = new Map<string, Patch[]>();
  const slow = new Set<unknown>();
  for (const p of patches) {
    if (p.path.length === 0) return applyPatches(doc, patches);
    const section = p.path[0];
    if (slow.has(section)) continue;
    if (typeof section === 'string' && Object.hasOwn(root, section) && Array.isArray(root[section]) && isIndexPatch(p)) {
      const list = fast.get(section);
      if (list) list.push(p);
      else fast.set(section, [p]);
    } else {
      slow.add(section);
      fast.delete(section as string);
    }
  }
  if (fast.size === 0) return applyPatches(doc, patches);
  const rest = slow.size > 0 ? patches.filter((p) => slow.has(p.path[0])) : [];
  const arrays = [...fast].map(([section, list]) => [section, applyIndexPatches(root[section] as readonly unknown[], list)] as const);
  const applied = rest.length > 0 ? applyPatches(doc, rest) : doc;
  // The new arrays are frozen, so immer keeps them as they are; only the root is copied.
  return produce(applied, (draft) => {
    for (const [section, array] of arrays) (draft as Root)[section] = array;
  });
}

/** Immer's meaning of each operation on an array (`add` inserts, `remove` takes out, both by `splice`). */
function applyIndexPatches(base: readonly unknown[], patches: readonly Patch[]): readonly unknown[] {
  const array = [...base]; // not `slice()`: much slower on a frozen array in V8
  for (const p of patches) {
    const index = p.path[1];
    // Values are kept in the state as they are in the history: frozen, like everything immer hands out, so
    // sharing them is safe (immer would deep-clone and then freeze the clone).
    const value: unknown = p.op === 'remove' ? undefined : freeze(p.value, true);
    if (p.op === 'replace') array[index as number] = value;
    else if (p.op === 'add') {
      if (index === '-') array.push(value);
      else array.splice(index as number, 0, value);
    } else array.splice(index as number, 1);
  }
  return Object.freeze(array);
}
