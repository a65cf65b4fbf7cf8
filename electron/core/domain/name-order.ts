/**
 * Organisation names in Swedish order, once per state of the organisations: sorting a list of members or users
 * by these ranks gives exactly the order `compareSv` gives, with one comparison of texts per name and state
 * instead of one per pair of rows in every list (the board pack sorts the same members for several goals and
 * sections at two dates, and every council's users).
 */
import type { Organisation } from '../store/schema';
import { compareSv, svRanks } from './swedish';

const ranksMemo = new WeakMap<readonly Pick<Organisation, 'name'>[], ReadonlyMap<string, number>>();

/** Each organisation name's rank (names `compareSv` counts as equal share one), remembered for a frozen array. */
export function organisationNameRanks(organisations: readonly Pick<Organisation, 'name'>[]): ReadonlyMap<string, number> {
  const kept = ranksMemo.get(organisations);
  if (kept) return kept;
  const ranks = svRanks(organisations.map((o) => o.name));
  // A plain array may change in place: only the repository's frozen states are remembered.
  if (Object.isFrozen(organisations)) ranksMemo.set(organisations, ranks);
  return ranks;
}

/**
 * A comparison of names in `compareSv`'s order through `ranks`, falling back to `compareSv` for a name without a
 * rank (`Okänd organisation`); ranks follow `compareSv`, so the two never disagree.
 */
export function byNameRank(ranks: ReadonlyMap<string, number>): (a: string, b: string) => number {
  return (a, b) => {
    const x = ranks.get(a);
    const y = ranks.get(b);
    return x !== undefined && y !== undefined ? x - y : compareSv(a, b);
  };
}
