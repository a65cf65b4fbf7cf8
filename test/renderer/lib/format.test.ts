import { describe, expect, it } from 'vitest';
import { formatOre } from '../../../electron/core/domain/amounts';
import { formatBytes, formatDate, formatDateTime, formatKr, formatNumber, formatPercent } from '../../../renderer/lib/format';

/** Swedish groups digits with a no-break space; ICU gives U+00A0 or, in newer CLDR data, U+202F. */
const NBSP = '[\u00a0\u202f]';
const MINUS = '\u2212';
const re = (pattern: string) => new RegExp(`^${pattern}$`);

describe('formatKr', () => {
  it('shows whole kronor from öre, grouped in threes, with kr after a no-break space', () => {
    expect(formatKr(123_456_700)).toMatch(re(`1${NBSP}234${NBSP}567${NBSP}kr`));
  });

  it('shows öre exactly when there are any, never rounding them away (money is integer öre)', () => {
    expect(formatKr(149)).toMatch(re(`1,49${NBSP}kr`));
    expect(formatKr(150)).toMatch(re(`1,50${NBSP}kr`));
    expect(formatKr(-150)).toMatch(re(`${MINUS}1,50${NBSP}kr`));
  });

  it('writes costs with the minus sign and never shows minus zero', () => {
    expect(formatKr(-1_790_000_00)).toMatch(re(`${MINUS}1${NBSP}790${NBSP}000${NBSP}kr`));
    expect(formatKr(-40)).toMatch(re(`${MINUS}0,40${NBSP}kr`));
    expect(formatKr(0)).toMatch(re(`0${NBSP}kr`));
    expect(formatKr(-0)).toMatch(re(`0${NBSP}kr`));
  });

  it('shows öre with a decimal comma, as the core’s sentences and workbooks do', () => {
    expect(formatKr(12_345)).toMatch(re(`123,45${NBSP}kr`));
    expect(formatKr(100_000_05)).toMatch(re(`100${NBSP}000,05${NBSP}kr`));
    expect(formatKr(100_000_05)).toBe(formatOre(100_000_05));
  });
});

describe('formatNumber', () => {
  it('groups counts and population figures in threes', () => {
    expect(formatNumber(10_452_326)).toMatch(re(`10${NBSP}452${NBSP}326`));
    expect(formatNumber(109)).toBe('109');
  });

  it('uses a decimal comma when decimals are asked for', () => {
    expect(formatNumber(1234.56, 1)).toMatch(re(`1${NBSP}234,6`));
  });
});

describe('formatPercent', () => {
  it('treats the input as a ratio and shows one decimal by default', () => {
    expect(formatPercent(0.1234)).toMatch(re(`12,3${NBSP}%`));
    expect(formatPercent(0.5, 0)).toMatch(re(`50${NBSP}%`));
    expect(formatPercent(0)).toMatch(re(`0,0${NBSP}%`));
  });
});

describe('formatDate', () => {
  it('keeps the Swedish numeric form by default', () => {
    expect(formatDate('2022-06-30')).toBe('2022-06-30');
  });

  it('writes the long form with the Swedish month name, on the same day whatever the time zone', () => {
    expect(formatDate('2022-06-30', 'long')).toBe('30 juni 2022');
    expect(formatDate('2022-01-01', 'long')).toBe('1 januari 2022');
    expect(formatDate('2021-12-31', 'long')).toBe('31 december 2021');
  });

  it('returns input that is not a date unchanged', () => {
    expect(formatDate('30/6', 'long')).toBe('30/6');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in Swedish local time (summer and winter time)', () => {
    expect(formatDateTime('2022-06-30T10:00:00.000Z')).toBe('2022-06-30 12:00');
    expect(formatDateTime('2022-01-15T23:30:00.000Z')).toBe('2022-01-16 00:30');
  });

  it('returns an unparseable timestamp unchanged', () => {
    expect(formatDateTime('igår')).toBe('igår');
  });
});

describe('formatBytes', () => {
  it('uses binary units with a Swedish decimal comma', () => {
    expect(formatBytes(512)).toMatch(re(`512${NBSP}B`));
    expect(formatBytes(2048)).toMatch(re(`2${NBSP}kB`));
    expect(formatBytes(1_572_864)).toMatch(re(`1,5${NBSP}MB`));
    expect(formatBytes(300 * 1024)).toMatch(re(`300${NBSP}kB`));
  });
});
