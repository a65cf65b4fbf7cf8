/**
 * The Luhn (modulus 10) check digit, the one rule behind Swedish organisation numbers, bankgiro numbers, VAT
 * numbers and OCR references. Counted from the right, so it holds for any number of digits.
 */

/** The check digit for `digits` (the digits before it). Throws on anything but digits: a caller's mistake. */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/u.test(digits)) throw new Error(`Not digits: ${digits}`);
  let sum = 0;
  // From the right, the digit next to the check digit is doubled.
  for (let i = 0; i < digits.length; i += 1) {
    let v = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `digits` (at least two) end in the Luhn check digit of the rest. */
export function luhnValid(digits: string): boolean {
  return /^\d{2,}$/u.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}
