import type { CompactUnit } from '../../contract/model/goals';
import { amountMessages, MAX_ABS_KRONOR, MAX_ABS_ORE, type AmountRefusal } from '../../contract/rules/amounts';

export type { CompactUnit } from '../../contract/model/goals';
/**
 * Money as the secretariat types and reads it. Amounts are integer öre (1 kr = 100 öre), signed.
 *
 * Parsing accepts what an accountant types or pastes from Word/Excel:
 * - `1 234 567`, `1234567`, `-15 948 991`, `−15 948 991` (U+2212 minus), `–15 948 991` (en dash, which Word
 *   makes of a typed hyphen), `+500`, with or without a space after the sign;
 * - thousands separated by one space per group: regular (U+0020), no-break (U+00A0), narrow no-break (U+202F),
 *   thin (U+2009) or figure space (U+2007). When spaces are used, every group after the first has exactly three
 *   digits and the first one to three (`1 23 4` and `1234 567` are refused: they are typing slips, not amounts);
 * - one decimal separator, comma (Swedish) or full stop (English keyboards and pasted figures), followed by
 *   one or two digits (`1 234,5` is 1 234,50 kr); more than two decimals is refused, since öre are the smallest unit;
 * - an optional `kr` (or `kr.`) at the end.
 * A full stop is never a thousands separator (`1.234.567` is refused), so no pasted figure is silently read
 * a thousand times too small. Amounts beyond ±1 000 000 000 kr are refused (a budget line's bound; the bounds and their reasons are in contract/rules/amounts.ts).
 *
 * Formatting follows `Intl.NumberFormat('sv-SE')`: its group separator (a no-break space, narrow in newer ICU)
 * and its minus sign U+2212, which is what the plan's figures look like when typeset and what screen readers
 * read as "minus". `parseAmount` reads every string `formatOre` writes, so copy and paste round-trips.
 */

export type ParsedAmount = { ok: true; ore: number } | { ok: false; reason: AmountRefusal; message: string };

const SPACE = '[\\u0020\\u00A0\\u202F\\u2009\\u2007]';
const GROUPED = new RegExp(`^\\d{1,3}(?:${SPACE}\\d{3})+$`);
const ANY_SPACE = new RegExp(SPACE);
const UNIT = new RegExp(`${SPACE}*kr\\.?$`, 'i');
const SIGN = new RegExp(`^([-\\u2212\\u2013+])${SPACE}*`);
const BODY = new RegExp(`^[\\d,.]+(?:${SPACE}+[\\d,.]+)*$`);

function refuse(reason: AmountRefusal): ParsedAmount {
  return { ok: false, reason, message: amountMessages[reason] };
}

/** Text as typed -> integer öre, or a refusal with a Swedish message. Never throws. */
export function parseAmount(text: string): ParsedAmount {
  let s = text.trim();
  if (s === '') return refuse('empty');
  s = s.replace(UNIT, '');
  let negative = false;
  const sign = SIGN.exec(s);
  if (sign) {
    negative = sign[1] !== '+';
    s = s.slice(sign[0].length);
  }
  if (s === '' || !BODY.test(s)) return refuse('not-a-number');

  const separators = s.match(/[,.]/g)?.length ?? 0;
  if (separators > 1) return refuse('separators');
  const [intPart = '', fracPart] = s.split(/[,.]/);
  if (intPart === '') return refuse('not-a-number');
  if (fracPart !== undefined) {
    if (fracPart === '' || !/^\d+$/.test(fracPart)) return refuse('not-a-number');
    if (fracPart.length > 2) return refuse('decimals');
  }
  if (ANY_SPACE.test(intPart) && !GROUPED.test(intPart)) return refuse('grouping');

  const digits = intPart.replace(new RegExp(SPACE, 'g'), '').replace(/^0+(?=\d)/, '');
  // More digits than the bound has can only be too large, and checking length first keeps Number exact.
  if (digits.length > String(MAX_ABS_KRONOR).length) return refuse('too-large');
  const ore = Number(digits) * 100 + Number((fracPart ?? '').padEnd(2, '0'));
  if (ore > MAX_ABS_ORE) return refuse('too-large');
  return { ok: true, ore: negative && ore !== 0 ? -ore : ore };
}

/** Checks an amount given as a number of öre (from a program, not typed): whole and within bounds. */
export function checkOre(value: number): ParsedAmount {
  if (!Number.isInteger(value)) return refuse('not-whole-ore');
  if (Math.abs(value) > MAX_ABS_ORE) return refuse('too-large');
  return { ok: true, ore: value === 0 ? 0 : value };
}

const NBSP = '\u00A0';
// signDisplay 'negative' keeps a rounded-away negative (or −0) from showing as `−0`.
const wholeKronor = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0, signDisplay: 'negative' });
const withOre = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'negative' });

/**
 * `1 234 567 kr`, `1 234,50 kr`, `−15 948 991 kr`: Intl sv-SE digits, öre only when non-zero, and a no-break
 * space before `kr` so the unit never wraps onto a line of its own. `unit: false` gives the bare figure, as
 * the plan's table shows it (`−15 948 991`).
 */
export function formatOre(ore: number, options: { unit?: boolean } = {}): string {
  const kronor = ore / 100;
  const figure = ore % 100 === 0 ? wholeKronor.format(kronor) : withOre.format(kronor);
  return options.unit === false ? figure : `${figure}${NBSP}kr`;
}

/** A difference with its sign always shown (`+50 000 kr`, `−1 kr`, `0 kr`). */
export function formatOreSigned(ore: number, options: { unit?: boolean } = {}): string {
  const text = formatOre(ore, options);
  return ore > 0 ? `+${text}` : text;
}

// ---------------------------------------------------------------- compact units for charts

export const compactUnits: Record<CompactUnit, { divisorKronor: number; label: string; spoken: string }> = {
  kr: { divisorKronor: 1, label: 'kr', spoken: 'kronor' },
  tkr: { divisorKronor: 1_000, label: 'tkr', spoken: 'tusental kronor' },
  mnkr: { divisorKronor: 1_000_000, label: 'mnkr', spoken: 'miljoner kronor' },
};

/**
 * The unit for a chart whose values reach `maxAbsOre`: mnkr from one million kronor, tkr from ten thousand,
 * kronor below (a scale up to 5 000 kr reads better as `5 000 kr` than as `5 tkr`).
 */
export function chooseCompactUnit(maxAbsOre: number): CompactUnit {
  const kronor = Math.abs(maxAbsOre) / 100;
  if (kronor >= 1_000_000) return 'mnkr';
  if (kronor >= 10_000) return 'tkr';
  return 'kr';
}

// Made once per number of decimals: building an Intl.NumberFormat costs far more than formatting with one.
const compactFormats = new Map<number, Intl.NumberFormat>();
function compactFormat(decimals: number): Intl.NumberFormat {
  let format = compactFormats.get(decimals);
  if (!format) compactFormats.set(decimals, (format = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: decimals, signDisplay: 'negative' })));
  return format;
}

/**
 * `17,9 mnkr`, `18 mnkr`, `950 tkr`. `decimals` is the most shown (trailing zeros dropped, default 1);
 * the unit defaults to the one `chooseCompactUnit` picks for the value itself. Never shows `−0`.
 */
export function formatOreCompact(ore: number, unit: CompactUnit = chooseCompactUnit(ore), decimals = 1): string {
  const value = ore / 100 / compactUnits[unit].divisorKronor;
  return `${compactFormat(decimals).format(value)}${NBSP}${compactUnits[unit].label}`;
}

const percentFormat = new Intl.NumberFormat('sv-SE', {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const shareFormat = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

/** A change in per cent with its sign: `+4,3 %`, `−12 %`. `percent` is in per cent (4.3 means 4,3 %). */
export function formatPercentChange(percent: number): string {
  return percentFormat.format(percent / 100);
}

/** A share of a whole: `83,4 %`. `share` is a fraction (0.834). */
export function formatShare(share: number): string {
  return shareFormat.format(share);
}
