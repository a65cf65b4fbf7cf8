/**
 * Cheap changes to the document's record lists (`usages`, `changeLog`, `organisations`, ...) inside a
 * `repository.change` mutator.
 *
 * Immer's cost for touching one element of a big array through a draft grows with the array: finalizing walks
 * every element, and the array's patches compare every index (a `splice` in the middle even yields a patch for
 * every index after it). At ten times the association's size `usages` has 40 000 records, so a push costs
 * ~9 ms and a splice ~180 ms. These helpers instead give the draft a new frozen array, which immer takes as it
 * is (a frozen value is not walked). The repository turns the resulting whole-array patch into index-level
 * patches for its undo history (`array-patches.ts`), so history stays small.
 *
 * Records are compared by identity: pass the record as read from `recordsOf` (or from `original(draft)`).
 * Once a section is changed with these helpers, change it only with them for the rest of that change: a record
 * drafted earlier belongs to the replaced array, so a write through it would be lost.
 */
import { current, freeze, isDraft, isDraftable, type Draft } from 'immer';
import type { SambrukDocument } from './schema';

/** The document's sections that are lists of records. */
export type RecordSection = { [K in keyof SambrukDocument]: SambrukDocument[K] extends readonly unknown[] ? K : never }[keyof SambrukDocument];
export type RecordOf<K extends RecordSection> = SambrukDocument[K][number];

type AnyDraft = Draft<SambrukDocument> | SambrukDocument;

/**
 * The section as it stands in this change, as a frozen array of plain records, without drafting any record.
 * Reading `draft[key]` only creates a proxy for the array itself (no copy); unless the mutator changed the
 * array through the draft, that proxy's `current` is the base array. If it did, `current` is a snapshot, frozen
 * here so it can be reused as is.
 */
export function recordsOf<K extends RecordSection>(draft: AnyDraft, key: K): SambrukDocument[K] {
  const value = (draft as SambrukDocument)[key];
  if (!isDraft(value)) return value; // a plain document, or already replaced in this change by one of these helpers
  return freeze(current(value as Draft<SambrukDocument[K]>), true);
}

/**
 * Replaces the whole section with `next`. New records are deep-frozen here, as immer would on finishing the
 * change; a draft found among them is replaced by its snapshot (a frozen array is not walked by immer, so a
 * draft left inside would end up, revoked, in the saved state).
 */
export function setRecords<K extends RecordSection>(draft: AnyDraft, key: K, next: readonly RecordOf<K>[]): void {
  put(draft, key, next.map(keepable));
}

/** Appends records at the end of the section (as `push`). */
export function appendRecords<K extends RecordSection>(draft: AnyDraft, key: K, ...records: RecordOf<K>[]): void {
  if (records.length === 0) return; // leave the section untouched: no patch, no new array
  const array = [...(recordsOf(draft, key) as readonly RecordOf<K>[])];
  for (const record of records) array.push(keepable(record));
  put(draft, key, array);
}

/** Puts `next` where `record` is. */
export function replaceRecord<K extends RecordSection>(draft: AnyDraft, key: K, record: RecordOf<K>, next: RecordOf<K>): void {
  const array = [...(recordsOf(draft, key) as readonly RecordOf<K>[])];
  array[indexOfRecord(array, key, record)] = keepable(next);
  put(draft, key, array);
}

/** Removes `record` from the section (as `splice(index, 1)`). */
export function removeRecord<K extends RecordSection>(draft: AnyDraft, key: K, record: RecordOf<K>): void {
  const array = [...(recordsOf(draft, key) as readonly RecordOf<K>[])];
  array.splice(indexOfRecord(array, key, record), 1);
  put(draft, key, array);
}

// Arrays are copied by spreading: `slice()` of a frozen array is several times slower in V8 (1.5 ms against
// 0.2 ms for 40 000 records). Only the array itself is frozen here, shallowly: its records are frozen already
// (`keepable`), and a deep freeze would visit all 40 000 of them again.
function put<K extends RecordSection>(draft: AnyDraft, key: K, array: RecordOf<K>[]): void {
  (draft as SambrukDocument)[key] = Object.freeze(array) as unknown as SambrukDocument[K];
}

function indexOfRecord<T>(records: readonly T[], key: string, record: T): number {
  // A record read through the draft is a proxy: look for the record it stands for.
  const index = records.indexOf(isDraft(record) ? (current(record as Draft<T>) as T) : record);
  // A programming error, not the user's: the record must come from this change's current section.
  if (index < 0) throw new Error(`records: the record is not in ${key} as it stands in this change`);
  return index;
}

/** A record ready to be kept in the state: drafts inside replaced by their snapshots, deep-frozen. */
function keepable<T>(value: T): T {
  return Object.isFrozen(value) ? value : freeze(settled(value), true);
}

/** A value with any draft inside it replaced by the draft's snapshot, so it can be frozen and kept. */
function settled<T>(value: T): T {
  if (isDraft(value)) return current(value as Draft<T>) as T;
  if (!isDraftable(value) || Object.isFrozen(value)) return value; // frozen values hold no drafts
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const child = object[key];
    const plainChild = settled(child);
    if (plainChild !== child) object[key] = plainChild;
  }
  return value;
}
