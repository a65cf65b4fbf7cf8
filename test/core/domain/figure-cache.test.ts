import { describe, expect, it } from 'vitest';
import { freeze } from 'immer';
import { clearFigureCache, figure, figureCacheStats } from '../../../electron/core/domain/figure-cache';

type Doc = { a: readonly number[]; b: readonly number[]; meta: { revision: number } };

const frozenDoc = (a: number[], b: number[], revision = 1): Doc => freeze({ a, b, meta: { revision } }, true);
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** A figure that counts its computations. */
function counted(name: string, read: (doc: Doc) => number) {
  let runs = 0;
  return {
    get: (doc: Doc, key = '') =>
      figure(name, key, doc, (d) => {
        runs += 1;
        return read(d);
      }),
    runs: () => runs,
  };
}

describe('figure', () => {
  it('reuses a figure while the parts of the document it read are the same objects, across documents', () => {
    clearFigureCache();
    const f = counted('sum-a', (d) => sum(d.a));
    const first = frozenDoc([1, 2], [3]);
    expect(f.get(first)).toBe(3);
    expect(f.get(first)).toBe(3);
    // A new state that changed only `b` and `meta` (as a change through the repository would): still reused.
    const next = freeze({ ...first, b: [4], meta: { revision: 2 } }, true);
    expect(f.get(next)).toBe(3);
    expect(f.runs()).toBe(1);
  });

  it('computes again when a part it read changed, and only then', () => {
    clearFigureCache();
    const f = counted('sum-a-changed', (d) => sum(d.a));
    const first = frozenDoc([1, 2], [3]);
    expect(f.get(first)).toBe(3);
    const next = freeze({ ...first, a: [1, 2, 3] }, true);
    expect(f.get(next)).toBe(6);
    expect(f.get(next)).toBe(6);
    expect(f.runs()).toBe(2);
  });

  it('records what was read, also what a branch reads only sometimes', () => {
    clearFigureCache();
    const f = counted('branch', (d) => (sum(d.a) > 2 ? sum(d.b) : 0));
    const small = frozenDoc([1], [10]);
    expect(f.get(small)).toBe(0);
    // `b` was not read: changing it keeps the figure.
    expect(f.get(freeze({ ...small, b: [20] }, true))).toBe(0);
    const big = frozenDoc([5], [10]);
    expect(f.get(big)).toBe(10);
    // Now `b` was read: changing it computes again.
    expect(f.get(freeze({ ...big, b: [20] }, true))).toBe(20);
    expect(f.runs()).toBe(3);
  });

  it('tracks the fields of `meta` one by one: a new revision keeps a figure that read only its source', () => {
    clearFigureCache();
    type WithMeta = { a: readonly number[]; meta: { revision: number; source: string } };
    let runs = 0;
    const get = (doc: WithMeta) =>
      figure('meta-source', '', doc, (d) => {
        runs += 1;
        return `${d.meta.source}: ${sum(d.a)}`;
      });
    const doc: WithMeta = freeze({ a: [1], meta: { revision: 1, source: 'Planen' } }, true);
    expect(get(doc)).toBe('Planen: 1');
    expect(get(freeze({ ...doc, meta: { revision: 2, source: 'Planen' } }, true))).toBe('Planen: 1');
    expect(runs).toBe(1);
    expect(get(freeze({ ...doc, meta: { revision: 3, source: 'Annat' } }, true))).toBe('Annat: 1');
    expect(runs).toBe(2);
    // A figure that reads the revision is computed again for each one.
    expect(figure('meta-revision', '', doc, (d) => d.meta.revision)).toBe(1);
    expect(figure('meta-revision', '', freeze({ ...doc, meta: { revision: 2, source: 'Planen' } }, true), (d) => d.meta.revision)).toBe(2);
  });

  it('hands the computation a view it cannot change', () => {
    clearFigureCache();
    const doc = frozenDoc([1], [2]);
    expect(() =>
      figure('writes', '', doc, (d) => {
        (d as { a: readonly number[] }).a = [];
        return 0;
      }),
    ).toThrow(TypeError);
    expect(doc.a).toEqual([1]);
  });

  it('keeps figures apart by name and key', () => {
    clearFigureCache();
    const doc = frozenDoc([1, 2], [3]);
    expect(figure('scaled', '2', doc, (d) => sum(d.a) * 2)).toBe(6);
    expect(figure('scaled', '3', doc, (d) => sum(d.a) * 3)).toBe(9);
    expect(figure('scaled', '2', doc, () => -1)).toBe(6);
    expect(figure('other', '2', doc, () => -1)).toBe(-1);
  });

  it('compares the extra values it is given by identity', () => {
    clearFigureCache();
    const doc = frozenDoc([1], [2]);
    const goal = Object.freeze({ target: 5 });
    expect(figure('with-goal', 'g', doc, (d) => sum(d.a) + goal.target, [goal])).toBe(6);
    expect(figure('with-goal', 'g', doc, () => -1, [goal])).toBe(6);
    const changed = Object.freeze({ target: 7 });
    expect(figure('with-goal', 'g', doc, (d) => sum(d.a) + changed.target, [changed])).toBe(8);
  });

  it('hands a figure computed inside another what the inner one read, also when the inner one is reused', () => {
    clearFigureCache();
    const inner = counted('inner', (d) => sum(d.b));
    let outerRuns = 0;
    const outer = (doc: Doc) =>
      figure('outer', '', doc, (d) => {
        outerRuns += 1;
        return sum(d.a) + inner.get(d);
      });
    const doc = frozenDoc([1], [2]);
    // The inner figure is computed (and kept) first, on its own.
    expect(inner.get(doc)).toBe(2);
    expect(outer(doc)).toBe(3);
    expect(inner.runs()).toBe(1);
    // `b` is read only by the inner figure, which was reused: the outer one must still notice it changed.
    expect(outer(freeze({ ...doc, b: [10] }, true))).toBe(11);
    expect(outerRuns).toBe(2);
  });

  it('never keeps a figure that read a part that is not frozen, which may change in place', () => {
    clearFigureCache();
    const doc: Doc = { a: [1, 2], b: [3], meta: { revision: 1 } };
    const f = counted('unfrozen', (d) => sum(d.a));
    expect(f.get(doc)).toBe(3);
    (doc.a as number[]).push(10);
    expect(f.get(doc)).toBe(13);
    expect(f.runs()).toBe(2);
    // Nor does such a result come back frozen: the caller owns it.
    const list = figure('unfrozen-list', '', doc, (d) => [...d.a]);
    expect(Object.isFrozen(list)).toBe(false);
  });

  it('freezes what it keeps, since every caller shares it', () => {
    clearFigureCache();
    const doc = frozenDoc([1], [2]);
    const value = figure('kept', '', doc, (d) => ({ list: [...d.a], nested: { n: 1 } }));
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.nested)).toBe(true);
    expect(() => value.list.push(3)).toThrow(TypeError);
  });

  it('keeps nothing of a computation that throws', () => {
    clearFigureCache();
    const doc = frozenDoc([1], [2]);
    expect(() =>
      figure('throws', '', doc, () => {
        throw new Error('nej');
      }),
    ).toThrow('nej');
    expect(figure('throws', '', doc, (d) => sum(d.a))).toBe(1);
  });

  it('holds a bounded number of figures, letting the least recently used go first', () => {
    clearFigureCache();
    const doc = frozenDoc([1], [2]);
    let runs = 0;
    const get = (key: number) =>
      figure('many', String(key), doc, () => {
        runs += 1;
        return key;
      });
    get(0);
    for (let i = 1; i <= 2_000; i++) {
      get(i);
      // The first one stays in use, so it is never the oldest.
      if (i % 500 === 0) get(0);
    }
    expect(figureCacheStats().size).toBe(2_000);
    runs = 0;
    get(0);
    expect(runs).toBe(0);
    get(1);
    expect(runs).toBe(1);
  });
});
