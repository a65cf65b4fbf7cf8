/**
 * Sorting by organisation-name ranks gives `compareSv`'s order, names it counts as equal keeping their places,
 * and the ranks of a frozen list are made once.
 */
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byNameRank, organisationNameRanks } from '../../../electron/core/domain/name-order';
import { compareSv } from '../../../electron/core/domain/swedish';

const names = ['Ödeshög', 'Åre', 'Ale', 'Älmhult', 'Habo', 'Håbo', 'Upplands Väsby', 'Upplands-Bro', 'Kommun 10', 'Kommun 9', 'ale'];

describe('organisation name ranks', () => {
  it('sort as compareSv sorts, a name without a rank compared by compareSv', () => {
    const compare = byNameRank(organisationNameRanks(names.map((name) => ({ name }))));
    const withUnknown = [...names, 'Okänd organisation'];
    expect([...withUnknown].sort(compare)).toEqual([...withUnknown].sort(compareSv));
  });

  it('agree with compareSv on any names, a stable sort keeping equal ones in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names, 'Göteborg', 'Gävle', 'Östra Göinge', 'Öckerö'), { maxLength: 40 }), fc.array(fc.nat(39), { maxLength: 20 }), (list, picks) => {
        const compare = byNameRank(organisationNameRanks(list.map((name) => ({ name }))));
        const rows = picks.map((i, n) => ({ name: list[i % Math.max(1, list.length)] ?? 'Okänd organisation', n }));
        expect([...rows].sort((a, b) => compare(a.name, b.name))).toEqual([...rows].sort((a, b) => compareSv(a.name, b.name)));
      }),
    );
  });

  it('are made once for a frozen list and afresh for a plain one', () => {
    const frozen = freeze(names.map((name) => ({ name })), true);
    expect(organisationNameRanks(frozen)).toBe(organisationNameRanks(frozen));
    const plain = names.map((name) => ({ name }));
    expect(organisationNameRanks(plain)).not.toBe(organisationNameRanks(plain));
  });
});
