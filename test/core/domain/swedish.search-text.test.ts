/**
 * `searchText` takes quick paths for plain ASCII letters and digits and lower-cases without a locale lookup; it must
 * give exactly what the plain rule gives (Swedish lower-casing, every character folded through NFD), for any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchText } from '../../../electron/core/domain/swedish';

/** The rule written plainly, character by character, as it was before the quick paths. */
function plainSearchText(text: string): { lower: string; folded: string } {
  const breakChar = /[\s\-\u2010-\u2015_/.,]/u;
  let lower = '';
  let folded = '';
  let lastWasBreak = true;
  for (const raw of text.normalize('NFC').toLocaleLowerCase('sv-SE')) {
    if (breakChar.test(raw)) {
      if (!lastWasBreak) {
        lower += ' ';
        folded += ' ';
      }
      lastWasBreak = true;
      continue;
    }
    lastWasBreak = false;
    const ch = raw.length === 1 ? raw : '\uFFFD';
    const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '');
    lower += ch;
    folded += stripped.length === 1 ? stripped : ch.length === 1 ? ch : '\uFFFD';
  }
  if (lower.endsWith(' ')) {
    lower = lower.slice(0, -1);
    folded = folded.slice(0, -1);
  }
  return { lower, folded };
}

const swedishish = fc.string({ unit: fc.constantFrom(...'abcxyzABCXYZ019 -_/.,åäöÅÄÖéÉüÜøæØİıIŁłß\u0301\u0308\u00a0\u2013Σς'), maxLength: 40 });

describe('searchText', () => {
  it('is the plain rule for names, Swedish letters, marks, dashes and any Unicode text', () => {
    fc.assert(
      fc.property(fc.oneof(swedishish, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        expect(searchText(text)).toEqual(plainSearchText(text));
      }),
      { numRuns: 2000 },
    );
    expect(searchText('Upplands-Bro  Kommun')).toEqual({ lower: 'upplands bro kommun', folded: 'upplands bro kommun' });
    expect(searchText('Sävsjö')).toEqual({ lower: 'sävsjö', folded: 'savsjo' });
  });
});
