import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { luhnCheckDigit, luhnValid } from '../../../electron/contract/rules/luhn';

describe('Luhn', () => {
  it('gives the check digits of the textbook, Bankgirot and Bolagsverket examples', () => {
    // 7992739871 has check digit 3; Bankgirot's example 123456789 has 7; Bolagsverket's number 556016-0680 ends in 0.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('123456789')).toBe(7);
    expect(luhnValid('5560160680')).toBe(true);
    expect(luhnValid('5560160681')).toBe(false);
    // Odd and even counts of digits: the doubling is counted from the right.
    expect(luhnValid('9912346')).toBe(true);
    expect(luhnValid('09912346')).toBe(true);
  });

  it('refuses what is not digits, and a single digit', () => {
    expect(() => luhnCheckDigit('12a')).toThrow();
    expect(() => luhnCheckDigit('')).toThrow();
    expect(luhnValid('7')).toBe(false);
    expect(luhnValid('12-3')).toBe(false);
  });

  it('catches every changed digit and every swap of two different neighbours except 0 and 9', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/u), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, bump) => {
        const number = `${body}${luhnCheckDigit(body)}`;
        expect(luhnValid(number)).toBe(true);
        const i = at % number.length;
        const changed = `${number.slice(0, i)}${(Number(number[i]) + bump) % 10}${number.slice(i + 1)}`;
        expect(luhnValid(changed)).toBe(false);
        const j = at % (number.length - 1);
        const [a, b] = [number[j] ?? '', number[j + 1] ?? ''];
        if (a !== b && `${a}${b}` !== '09' && `${a}${b}` !== '90') {
          expect(luhnValid(`${number.slice(0, j)}${b}${a}${number.slice(j + 2)}`)).toBe(false);
        }
      }),
    );
  });
});
