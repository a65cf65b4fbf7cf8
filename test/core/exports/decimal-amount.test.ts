import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalAmount } from '../../../electron/core/exports/decimal-amount';

describe('decimalAmount', () => {
  it('writes kronor with a dot and exactly two decimals', () => {
    expect(decimalAmount(0)).toBe('0.00');
    expect(decimalAmount(5)).toBe('0.05');
    expect(decimalAmount(-5)).toBe('-0.05');
    expect(decimalAmount(100)).toBe('1.00');
    expect(decimalAmount(1_166_675)).toBe('11666.75');
    expect(decimalAmount(-8_000_000)).toBe('-80000.00');
    expect(decimalAmount(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('reads back to the same öre for any whole amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => {
        const text = decimalAmount(ore);
        expect(text).toMatch(/^-?\d+\.\d{2}$/u);
        expect(Math.round(Number(text) * 100)).toBe(ore);
      }),
    );
  });

  it('refuses anything but whole öre', () => {
    expect(() => decimalAmount(1.5)).toThrow(/whole öre/u);
    expect(() => decimalAmount(Number.NaN)).toThrow(/whole öre/u);
    expect(() => decimalAmount(2 ** 60)).toThrow(/whole öre/u);
  });
});
