/**
 * Öre as the plain decimal text that machine formats want (UBL amounts, SIE amounts): kronor, a dot and exactly two
 * decimals, a leading minus when negative, no thousands separators. Integer arithmetic only, so no amount is ever
 * off by a rounding of floating point.
 */
export function decimalAmount(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new Error(`Not whole öre: ${ore}`);
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
