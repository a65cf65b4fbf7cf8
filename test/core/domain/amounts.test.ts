import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ABS_ORE, amountMessages, type AmountRefusal } from '../../../electron/contract/rules/amounts';
import {
  checkOre,
  chooseCompactUnit,
  formatOre,
  formatOreCompact,
  formatOreSigned,
  formatPercentChange,
  formatShare,
  parseAmount,
} from '../../../electron/core/domain/amounts';
import { kr, plain } from '../../fixtures/budget/plan-budget';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const intlWhole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const intlOre = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('parseAmount: what an accountant types', () => {
  it.each<[string, number]>([
    ['1 234 567', kr(1_234_567)],
    ['1234567', kr(1_234_567)],
    ['-15 948 991', kr(-15_948_991)],
    ['\u221215 948 991', kr(-15_948_991)],
    ['\u201315 948 991', kr(-15_948_991)],
    ['- 500', kr(-500)],
    ['+500', kr(500)],
    ['1 234,50', 123_450],
    ['1 234,5', 123_450],
    ['1234.50', 123_450],
    ['0,05', 5],
    [`1${NBSP}234${NBSP}567`, kr(1_234_567)],
    [`1${NNBSP}234${NNBSP}567`, kr(1_234_567)],
    [`-3${NBSP}099 061`, kr(-3_099_061)],
    ['1 234 567 kr', kr(1_234_567)],
    ['1 234 567kr', kr(1_234_567)],
    [`17 873 120${NBSP}kr`, kr(17_873_120)],
    ['502 KR', kr(502)],
    ['502 kr.', kr(502)],
    ['  42  ', kr(42)],
    ['007', kr(7)],
    ['0', 0],
    ['1 000 000 000', kr(1_000_000_000)],
    ['-1 000 000 000', kr(-1_000_000_000)],
    ['999 999 999,99', 99_999_999_999],
  ])('reads %j as %d öre', (text, ore) => {
    expect(parseAmount(text)).toEqual({ ok: true, ore });
  });

  it('never gives negative zero', () => {
    for (const text of ['-0', '−0,00', '- 0 kr']) {
      const parsed = parseAmount(text);
      expect(parsed.ok && Object.is(parsed.ore, 0)).toBe(true);
    }
  });

  it.each<[string, AmountRefusal]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not-a-number'],
    ['12a', 'not-a-number'],
    ['kr', 'not-a-number'],
    ['-', 'not-a-number'],
    ['--5', 'not-a-number'],
    ['1e6', 'not-a-number'],
    ['(1 234)', 'not-a-number'],
    ['1,', 'not-a-number'],
    [',50', 'not-a-number'],
    ['12,34,5', 'separators'],
    ['1.234.567', 'separators'],
    ['1.234,50', 'separators'],
    ['1 23 4', 'grouping'],
    ['1234 567', 'grouping'],
    ['1  234', 'grouping'],
    ['12 3456', 'grouping'],
    ['1,234', 'decimals'],
    ['1 234,567', 'decimals'],
    ['1 000 000 000,01', 'too-large'],
    ['-1 000 000 000,01', 'too-large'],
    ['10000000000', 'too-large'],
    ['1 000 000 000 000', 'too-large'],
    ['-99 999 999 999 999 999', 'too-large'],
  ])('refuses %j (%s) with a Swedish message', (text, reason) => {
    const parsed = parseAmount(text);
    expect(parsed).toEqual({ ok: false, reason, message: amountMessages[reason] });
  });

  it('words every refusal in Swedish', () => {
    expect(amountMessages).toEqual({
      empty: 'Skriv ett belopp, till exempel 1 234 567.',
      'not-a-number': 'Beloppet ska skrivas med siffror, till exempel 1 234 567, −15 948 991 eller 1 234,50.',
      separators: 'Beloppet får ha högst ett decimaltecken.',
      grouping: 'Skriv tusentalen i grupper om tre siffror (1 234 567) eller helt utan mellanrum (1234567).',
      decimals: 'Beloppet får ha högst två decimaler (hela ören).',
      'too-large': 'Beloppet är för stort: högst 1 000 000 000 kr, plus eller minus.',
      'not-whole-ore': 'Beloppet i öre ska vara ett heltal.',
    });
  });

  it('checks amounts given as öre', () => {
    expect(checkOre(-1_594_899_100)).toEqual({ ok: true, ore: -1_594_899_100 });
    expect(checkOre(12.5)).toMatchObject({ ok: false, reason: 'not-whole-ore' });
    expect(checkOre(MAX_ABS_ORE)).toEqual({ ok: true, ore: MAX_ABS_ORE });
    expect(checkOre(-MAX_ABS_ORE - 1)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('reads back everything it formats (with and without kr)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_ABS_ORE, max: MAX_ABS_ORE }), (ore) => {
        expect(parseAmount(formatOre(ore))).toEqual({ ok: true, ore });
        expect(parseAmount(formatOre(ore, { unit: false }))).toEqual({ ok: true, ore });
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatOre: Swedish amounts', () => {
  it('writes whole kronor with Intl sv-SE digits and a no-break space before kr', () => {
    expect(formatOre(kr(1_234_567))).toBe(`${intlWhole.format(1_234_567)}${NBSP}kr`);
    expect(plain(formatOre(kr(1_234_567)))).toBe('1 234 567 kr');
    expect(formatOre(kr(1_234_567))).not.toContain(' ');
  });

  it('shows öre only when there are some', () => {
    expect(formatOre(123_450)).toBe(`${intlOre.format(1234.5)}${NBSP}kr`);
    expect(plain(formatOre(123_450))).toBe('1 234,50 kr');
    expect(plain(formatOre(5))).toBe('0,05 kr');
    expect(plain(formatOre(kr(502)))).toBe('502 kr');
  });

  it('shows costs with the minus Intl gives (U+2212), as the plan shows them', () => {
    const text = formatOre(kr(-15_948_991), { unit: false });
    expect(text).toBe(intlWhole.format(-15_948_991));
    expect(text.startsWith('\u2212')).toBe(true);
    expect(plain(text)).toBe('−15 948 991');
  });

  it('writes zero without a sign', () => {
    expect(plain(formatOre(0))).toBe('0 kr');
    expect(plain(formatOre(-0))).toBe('0 kr');
  });

  it('shows the sign of a difference', () => {
    expect(plain(formatOreSigned(kr(50_000)))).toBe('+50 000 kr');
    expect(plain(formatOreSigned(kr(-1)))).toBe('−1 kr');
    expect(plain(formatOreSigned(0))).toBe('0 kr');
  });
});

describe('compact units for charts', () => {
  it('chooses mnkr from a million kronor, tkr from ten thousand', () => {
    expect(chooseCompactUnit(kr(17_873_120))).toBe('mnkr');
    expect(chooseCompactUnit(kr(-1_000_000))).toBe('mnkr');
    expect(chooseCompactUnit(kr(999_999))).toBe('tkr');
    expect(chooseCompactUnit(kr(10_000))).toBe('tkr');
    expect(chooseCompactUnit(kr(9_999))).toBe('kr');
  });

  it('writes 17,9 mnkr, 18 mnkr and 950 tkr', () => {
    expect(formatOreCompact(kr(17_873_120))).toBe(`${new Intl.NumberFormat('sv-SE').format(17.9)}${NBSP}mnkr`);
    expect(plain(formatOreCompact(kr(17_873_120)))).toBe('17,9 mnkr');
    expect(plain(formatOreCompact(kr(17_873_120), 'mnkr', 0))).toBe('18 mnkr');
    expect(plain(formatOreCompact(kr(18_000_000)))).toBe('18 mnkr');
    expect(plain(formatOreCompact(kr(950_000)))).toBe('950 tkr');
    expect(plain(formatOreCompact(kr(-17_460_714)))).toBe('−17,5 mnkr');
    expect(plain(formatOreCompact(kr(4_500)))).toBe('4 500 kr');
  });

  it('never shows −0', () => {
    expect(plain(formatOreCompact(kr(-40_000), 'mnkr', 1))).toBe('0 mnkr');
  });

  it('formats percentages the Swedish way', () => {
    expect(plain(formatPercentChange(4.3))).toBe('+4,3 %');
    expect(plain(formatPercentChange(-12))).toBe('−12 %');
    expect(plain(formatPercentChange(0))).toBe('0 %');
    expect(plain(formatShare(0.834))).toBe('83,4 %');
  });
});
