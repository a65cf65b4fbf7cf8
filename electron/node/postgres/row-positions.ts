/**
 * Where each row of a list goes in the shared register's `pos` column, so that reading by `pos` gives the list's
 * order. A row keeps the position it had while the order allows (so an edit writes only that row); a new or moved
 * row goes halfway between its neighbours; when no number fits between them, the whole list is numbered again.
 */

/**
 * The positions for `keys` in their order. `ownPos` gives a row's present position, undefined for a new row.
 * Linear in the rows: the next neighbour with a position above the last one given is found by one cursor that
 * never moves back, since both the row and the last position only grow.
 */
export function rowPositions(keys: readonly string[], ownPos: (key: string) => number | undefined): number[] {
  const n = keys.length;
  const posAt = (j: number) => ownPos(keys[j] as string);
  const wanted = new Array<number>(n);
  let last = -Infinity;
  let renumber = false;
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const own = posAt(i);
    if (own !== undefined && own > last) {
      wanted[i] = own;
    } else {
      if (cursor <= i) cursor = i + 1;
      for (; cursor < n; cursor++) {
        const p = posAt(cursor);
        if (p !== undefined && p > last) break;
      }
      const nextPos = cursor < n ? posAt(cursor) : undefined;
      const start = last === -Infinity ? 0 : last;
      const pos = nextPos === undefined ? start + 1 : (start + nextPos) / 2;
      if (!(pos > last) || (nextPos !== undefined && !(pos < nextPos))) renumber = true;
      wanted[i] = pos;
    }
    last = wanted[i] as number;
  }
  if (renumber) for (let i = 0; i < n; i++) wanted[i] = i + 1;
  return wanted;
}
