import { describe, expect, it } from 'vitest';
import { parseOrgNumber } from '../../../electron/contract/rules/organisation-number';
import { luhnValid } from '../../../electron/contract/rules/luhn';

/** The Luhn check digit for nine digits, so tests can make valid and invalid numbers on purpose. */
function withCheckDigit(nine: string): string {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(nine + d)) return `${nine.slice(0, 6)}-${nine.slice(6)}${d}`;
  throw new Error('unreachable');
}

describe('organisation numbers', () => {
  it.each([
    ['212000-0142', '212000-0142'],
    ['2120000142', '212000-0142'],
    ['16212000-0142', '212000-0142'],
    ['162120000142', '212000-0142'],
    ['  212000-1355 ', '212000-1355'],
    ['212000 1124', '212000-1124'],
    ['556016-0680', '556016-0680'],
  ])('accepts %s and stores it as %s', (input, canonical) => {
    expect(parseOrgNumber(input)).toEqual({ ok: true, canonical });
  });

  it('refuses a wrong check digit, saying so in Swedish', () => {
    const result = parseOrgNumber('212000-0143');
    expect(result).toMatchObject({ ok: false, reason: 'check-digit' });
    if (!result.ok) expect(result.message).toMatch(/kontrollsiffran/);
  });

  it('refuses every wrong check digit of a valid number', () => {
    for (let d = 0; d <= 9; d += 1) {
      const candidate = `212000-014${d}`;
      expect(parseOrgNumber(candidate).ok).toBe(d === 2);
    }
  });

  it.each(['12345', '212000-01423', '21200-00142', '19212000-0142', 'abcdef-ghij', '212000+0142', '212000--0142'])('refuses the format of %s', (input) => {
    expect(parseOrgNumber(input)).toMatchObject({ ok: false, reason: 'format' });
  });

  it('refuses an empty value', () => {
    expect(parseOrgNumber('   ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses a personal identity number (a sole trader), which the library would accept', () => {
    const personal = withCheckDigit('811228987');
    expect(parseOrgNumber(personal)).toMatchObject({ ok: false, reason: 'personal-number' });
  });

  it('refuses a Luhn-valid number whose third digit is below 2 and is no date', () => {
    const number = withCheckDigit('551310123');
    expect(luhnValid(number.replace('-', ''))).toBe(true);
    expect(parseOrgNumber(number)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
