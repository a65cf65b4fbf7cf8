/** A matrix row's cells packed into one string and back: nothing lost, whatever the ids hold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packCells, unpackCells, type PackedCell } from '../../../electron/contract/rules/matrix-cells';

const cell: fc.Arbitrary<PackedCell> = fc
  .record({
    from: fc.constantFrom('2021-01-01', '2022-06-30'),
    to: fc.option(fc.constantFrom('2022-12-31', '2030-01-31'), { nil: undefined }),
    source: fc.constantFrom('direct' as const, 'group' as const),
    // Ids are any text of 1–64 characters: the form's own separators and percent signs included.
    viaOrganisationId: fc.option(fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), fc.constantFrom(',', ';', '%', '%2C', 'gr;1,2', 'Göteborgsregionen')), { nil: undefined }),
  })
  .map(({ to, viaOrganisationId, ...rest }) => ({ ...rest, ...(to !== undefined ? { to } : {}), ...(viaOrganisationId !== undefined ? { viaOrganisationId } : {}) }));

describe('packed matrix cells', () => {
  it('unpacks to the very cells packed, by column place', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.nat({ max: 400 }), cell), { selector: ([column]) => column, maxLength: 30 }), (cells) => {
        expect(unpackCells(packCells(cells))).toEqual(new Map(cells));
      }),
    );
  });

  it('packs a row with no cells as the empty string, and leaves out what is not in the form', () => {
    expect(packCells([])).toBe('');
    expect(unpackCells('').size).toBe(0);
    expect(packCells([[3, { from: '2021-01-01', source: 'group', viaOrganisationId: 'a;b' }]])).toBe('3,2021-01-01,,g,a%3Bb');
    expect(unpackCells('x,2021-01-01,,d,;2,,,d,;4,2021-01-01,,q,;5,2021-01-01,,d,%E0%A4%A;6,2021-01-01,,d,')).toEqual(
      new Map([[6, { from: '2021-01-01', source: 'direct' }]]),
    );
  });
});
