/**
 * Swedish number and date formatting through `Intl` (sv-SE). The thousands separator is whatever the
 * platform's ICU gives for Swedish (a no-break space, U+00A0 in Node 20 and current Chromium; newer CLDR
 * data may give the narrow U+202F): never build these strings by hand, and never parse them back.
 * Negative numbers use the Unicode minus sign (U+2212), as Intl does for Swedish.
 */
import { instantOf, ISO_DATE_SHAPE, utcMidnightMs } from '../../electron/contract/rules/calendar-date';

import { formatOre } from '../../electron/core/domain/amounts';

const LOCALE = 'sv-SE';

/**
 * Money for display, the same family as the core's sentences and workbooks (`formatOre`): `ore` is integer
 * öre, signed, shown exactly, with öre only when there are any (`1 234 567 kr`, `123,45 kr`). Never rounded to
 * whole kronor: money is integer öre, and a rounded figure would disagree with the workbook and the row sums.
 */
export function formatKr(ore: number): string {
  return formatOre(ore);
}

/**
 * Formatters by their options, made once: building an `Intl.NumberFormat` costs far more than formatting with
 * one, and the matrix formats two shares for each of a hundred columns on every refetch.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function remembered(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = make()));
  return format;
}

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, signDisplay: 'negative' });

/** A count or other plain number, grouped in threes; `maximumFractionDigits` defaults to 0 (rounds). */
export function formatNumber(value: number, maximumFractionDigits = 0): string {
  if (maximumFractionDigits === 0) return integerFormat.format(value);
  return remembered(`number:${maximumFractionDigits}`, () => new Intl.NumberFormat(LOCALE, { maximumFractionDigits, signDisplay: 'negative' })).format(value);
}

/**
 * A share as per cent: `fraction` is a ratio (0.123 = 12,3 %), shown with `fractionDigits` decimals
 * (default 1), e.g. `0.1234` -> `12,3 %`.
 */
export function formatPercent(fraction: number, fractionDigits = 1): string {
  return remembered(`percent:${fractionDigits}`, () =>
    new Intl.NumberFormat(LOCALE, {
      style: 'percent',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }),
  ).format(fraction);
}

const longDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' });
const stockholmDateTime = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

/**
 * A calendar date `YYYY-MM-DD`. `'short'` (default) keeps the Swedish numeric form `2022-06-30`;
 * `'long'` writes `30 juni 2022`. The date is a day, not an instant, so no time zone can shift it.
 * Anything that is not `YYYY-MM-DD` is returned unchanged rather than guessed at.
 */
export function formatDate(isoDate: string, style: 'short' | 'long' = 'short'): string {
  if (!ISO_DATE_SHAPE.test(isoDate)) return isoDate;
  if (style === 'short') return isoDate;
  return longDate.format(utcMidnightMs(isoDate));
}

/** An ISO 8601 timestamp as Swedish local time in Sweden, e.g. `2022-06-30 12:00`; invalid input unchanged. */
export function formatDateTime(timestamp: string): string {
  const instant = instantOf(timestamp);
  return instant === undefined ? timestamp : stockholmDateTime.format(instant);
}

/** A file size in bytes, e.g. `2048` -> `2 kB`, `1572864` -> `1,5 MB` (1 kB = 1024 bytes, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)}\u00a0B`;
  const units = ['kB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, value < 10 ? 1 : 0)}\u00a0${units[unit]}`;
}
