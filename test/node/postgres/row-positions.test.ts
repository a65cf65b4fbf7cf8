import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowPositions } from '../../../electron/node/postgres/row-positions';

/** The rule as first written: for each row without a usable position, scan forward for the next usable one. */
function byScanning(keys: readonly string[], ownPos: (key: string) => number | undefined): number[] {
  const wanted: number[] = [];
  let last = -Infinity;
  let renumber = false;
  for (let i = 0; i < keys.length; i++) {
    const own = ownPos(keys[i] as string);
    if (own !== undefined && own > last) wanted[i] = own;
    else {
      let nextPos: number | undefined;
      for (let j = i + 1; j < keys.length; j++) {
        const p = ownPos(keys[j] as string);
        if (p !== undefined && p > last) {
          nextPos = p;
          break;
        }
      }
      const start = last === -Infinity ? 0 : last;
      const pos = nextPos === undefined ? start + 1 : (start + nextPos) / 2;
      if (!(pos > last) || (nextPos !== undefined && !(pos < nextPos))) renumber = true;
      wanted[i] = pos;
    }
    last = wanted[i] as number;
  }
  return renumber ? keys.map((_, i) => i + 1) : wanted;
}

/** A list as stored (positions 1..n, some rows gone), then reordered with new rows put in anywhere. */
const lists = fc
  .record({
    stored: fc.integer({ min: 0, max: 40 }),
    kept: fc.array(fc.boolean(), { maxLength: 40 }),
    added: fc.integer({ min: 0, max: 40 }),
    order: fc.array(fc.nat(), { maxLength: 80 }),
    spread: fc.constantFrom(1, 1e-12, 1e-300),
  })
  .map(({ stored, kept, added, order, spread }) => {
    const place = new Map<string, number>();
    for (let i = 0; i < stored; i++) if (kept[i] ?? true) place.set(`old${i}`, (i + 1) * spread);
    const keys = [...place.keys(), ...Array.from({ length: added }, (_, i) => `new${i}`)];
    // A stable shuffle by the generated weights: some rows move, most keep their order.
    const weighted = keys.map((key, i) => ({ key, w: (order[i] ?? i) % 7 === 0 ? (order[i] ?? 0) : i }));
    weighted.sort((a, b) => a.w - b.w);
    return { keys: weighted.map((x) => x.key), place };
  });

describe('rowPositions', () => {
  it('gives what scanning forward from every row gives, for any list and any order', () => {
    fc.assert(
      fc.property(lists, ({ keys, place }) => {
        const own = (key: string) => place.get(key);
        expect(rowPositions(keys, own)).toEqual(byScanning(keys, own));
      }),
      { numRuns: 500 },
    );
  });

  it('reads the list in its order: positions strictly rise', () => {
    fc.assert(
      fc.property(lists, ({ keys, place }) => {
        const positions = rowPositions(keys, (key) => place.get(key));
        for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1] as number);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves rows that keep their order where they are, so an edit writes one row', () => {
    const place = new Map([['a', 1], ['b', 2], ['c', 3]]);
    expect(rowPositions(['a', 'x', 'b', 'c'], (k) => place.get(k))).toEqual([1, 1.5, 2, 3]);
    expect(rowPositions(['a', 'c', 'b'], (k) => place.get(k))).toEqual([1, 3, 4]);
    expect(rowPositions(['y', 'a', 'b'], (k) => place.get(k))).toEqual([0.5, 1, 2]);
  });

  it('numbers the whole list again when no number fits between two neighbours', () => {
    const place = new Map([['a', 1], ['b', 1 + Number.EPSILON]]);
    expect(rowPositions(['a', 'x', 'b'], (k) => place.get(k))).toEqual([1, 2, 3]);
  });

  it('looks each row up a bounded number of times, so a first load of many new rows is linear', () => {
    let lookups = 0;
    const keys = Array.from({ length: 20_000 }, (_, i) => `r${i}`);
    const positions = rowPositions(keys, () => {
      lookups += 1;
      return undefined;
    });
    expect(positions.at(-1)).toBe(20_000);
    expect(lookups).toBeLessThanOrEqual(2 * keys.length);
  });
});
