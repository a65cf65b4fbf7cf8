import { describe, expect, it } from 'vitest';
import { compareSv, svRanks } from '../../../electron/core/domain/swedish';

describe('svRanks', () => {
  it('ranks texts in Swedish order (å, ä, ö after z, numbers by value), equal texts sharing a rank', () => {
    const texts = ['Örebro', 'Ale', 'Åre', 'Zinkgruvan', 'Ale', 'Älvdalen', 'Tjänst 10', 'Tjänst 9'];
    const ranks = svRanks(texts);
    expect(ranks.size).toBe(7);
    const byRank = [...new Set(texts)].sort((a, b) => (ranks.get(a) as number) - (ranks.get(b) as number));
    expect(byRank).toEqual(['Ale', 'Tjänst 9', 'Tjänst 10', 'Zinkgruvan', 'Åre', 'Älvdalen', 'Örebro']);
    expect([...ranks.values()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('sorts rows as compareSv does, pair for pair', () => {
    const texts = ['b', 'B', 'a', 'å', 'ä', 'A', 'aa', 'Ö', 'o', 'ö', 'z', 'Z', '2', '10'];
    const ranks = svRanks(texts);
    for (const a of texts) {
      for (const b of texts) expect(Math.sign((ranks.get(a) as number) - (ranks.get(b) as number))).toBe(Math.sign(compareSv(a, b)));
    }
  });
});
