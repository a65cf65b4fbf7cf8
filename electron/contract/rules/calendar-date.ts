/**
 * Calendar dates: the one module that parses, checks and computes with dates (lint forbids `new Date(` and
 * `Date.UTC` elsewhere). Core, contract, shell and renderer all import it; it is pure and depends only on date-fns
 * and @date-fns/utc.
 *
 * A calendar date is a `YYYY-MM-DD` string: a day, not an instant. The arithmetic is date-fns' on `UTCDate`s
 * (@date-fns/utc), so neither the machine's time zone nor a daylight-saving change can move a day; with local
 * Dates a day can vanish (Samoa skipped 2011-12-30) or a midnight not exist.
 * Strings in this form sort like the days they name, so `<`, `<=` and `localeCompare` compare them correctly.
 *
 * Bounds, one set for the whole register:
 * - a date lies in the years 1900–2199 (`DATE_YEARS`): old enough for any founding or joining date, far
 *   enough ahead for any planned end;
 * - a year the register charges, plans or reports for (fee table, budget column, goal, pricing, exports) lies in
 *   1990–2199 (`REGISTER_YEARS`): no member, budget or price of the association predates 1990.
 */
import { UTCDate } from '@date-fns/utc';
import {
  addDays as addDaysFns,
  addMonths as addMonthsFns,
  differenceInCalendarMonths,
  formatISO,
  getDaysInMonth,
} from 'date-fns';
import { millisecondsInDay } from 'date-fns/constants';

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/** The years a date of the register may lie in. */
export const DATE_YEARS = Object.freeze({ first: 1900, last: 2199 });
/** The years the register charges, plans or reports for (fee tables, budget columns, goals, pricing, exports). */
export const REGISTER_YEARS = Object.freeze({ first: 1990, last: 2199 });
/** `1900–2199`, for messages. */
export const DATE_YEARS_TEXT = `${DATE_YEARS.first}–${DATE_YEARS.last}`;
/** `mellan 1990 och 2199`, for messages. */
export const REGISTER_YEARS_TEXT = `mellan ${REGISTER_YEARS.first} och ${REGISTER_YEARS.last}`;

/** The shape `YYYY-MM-DD` (existence and bounds are `isCalendarDate`'s). */
export const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------- parsing and checking

/** Whether `value` is `YYYY-MM-DD`, exists in the calendar (no 2023-02-29) and lies within `DATE_YEARS`. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE_SHAPE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < DATE_YEARS.first || y > DATE_YEARS.last || mo < 1 || mo > 12 || d < 1) return false;
  // Every month has 28 days; only later days need the calendar (a document holds many dates, all checked on load).
  return d <= 28 || d <= daysInMonth(y, mo);
}

/** `value` when it is a calendar date of the register (see `isCalendarDate`), else undefined. */
export function parseCalendarDate(value: string | null | undefined): IsoDate | undefined {
  return typeof value === 'string' && isCalendarDate(value) ? value : undefined;
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const LOOSE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * The `YYYY-MM-DD` a typed or imported text has the shape of, before any calendar check (that is
 * `isCalendarDate`'s): `YYYY-MM-DD` and `YYYYMMDD` always; with `loose`, also `YYYY-M-D`; with `time`, also
 * `YYYY-MM-DD HH:MM[:SS]` (a date cell with a time of day). Undefined when the text has no such shape.
 */
export function dateShapeOf(text: string, options: { loose?: boolean; time?: boolean } = {}): IsoDate | undefined {
  const value = text.trim();
  const m = (options.time ? WITH_TIME : ISO_DATE_SHAPE).exec(value) ?? COMPACT.exec(value) ?? (options.loose ? LOOSE.exec(value) : null);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

/** Whether `year` is a whole year within `REGISTER_YEARS`. */
export function isRegisterYear(year: number): boolean {
  return Number.isInteger(year) && year >= REGISTER_YEARS.first && year <= REGISTER_YEARS.last;
}

/** A year as typed: four digits (spaces around allowed) within `REGISTER_YEARS`, else undefined. */
export function parseYear(text: string): number | undefined {
  const value = text.trim();
  if (!/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return isRegisterYear(year) ? year : undefined;
}

// ---------------------------------------------------------------- parts

/** The year of a calendar date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The month of a calendar date, 1–12. */
export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

/** `YYYY-MM` of a calendar date: the key of its month. */
export function monthKeyOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** Months since January of year 0: consecutive months get consecutive numbers. */
export function monthSerial(date: IsoDate): number {
  return yearOf(date) * 12 + monthOf(date) - 1;
}

/** Whether `year` has a 29 February. */
export function isLeapYear(year: number): boolean {
  return daysInMonth(year, 2) === 29;
}

/** How many days month `month` (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(new UTCDate(year, month - 1, 1));
}

/** The date of day `day` of month `month` (1–12) of `year`, without a calendar check (see `isCalendarDate`). */
export function dateFromParts(year: number, month: number, day: number): IsoDate {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** 1 January of `year`. */
export function firstDayOfYear(year: number): IsoDate {
  return `${pad4(year)}-01-01`;
}

/** 31 December of `year`. */
export function lastDayOfYear(year: number): IsoDate {
  return `${pad4(year)}-12-31`;
}

/** The first day of month `month` (1–12) of `year`. */
export function firstDayOfMonth(year: number, month: number): IsoDate {
  return `${pad4(year)}-${pad2(month)}-01`;
}

/** The last day of month `month` (1–12) of `year`. */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return `${pad4(year)}-${pad2(month)}-${pad2(daysInMonth(year, month))}`;
}

// ---------------------------------------------------------------- arithmetic

/** `date` moved by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toIso(addDaysFns(toUtc(date), days));
}

/** `date` moved by whole months; a day the target month lacks becomes its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return toIso(addMonthsFns(toUtc(date), months));
}

/** -1, 0 or 1 as `a` is before, the same day as, or after `b` (a comparator for `sort`). */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two dates. */
export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier). A UTC day is always `millisecondsInDay` long,
 * so the difference of the two UTC midnights counts the days exactly (date-fns' local-time correction is not needed).
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (utcMidnightMs(to) - utcMidnightMs(from)) / millisecondsInDay;
}

/** Calendar months from `from` to `to`, counting month boundaries crossed (negative when `to` is earlier). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarMonths(toUtc(to), toUtc(from));
}

/** Days since 1970-01-01 (negative before): a position on a day axis. */
export function dayNumber(date: IsoDate): number {
  return daysBetween('1970-01-01', date);
}

/** The date `day` days after 1970-01-01 (the inverse of `dayNumber`). */
export function dateOfDayNumber(day: number): IsoDate {
  return addDays('1970-01-01', day);
}

/** `from`, then the first day of every following month up to and including `to`. */
export function monthStartsFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates = [from];
  for (let date = firstDayOfMonth(yearOf(from), monthOf(from)); ; ) {
    date = addMonths(date, 1);
    if (date > to) return dates;
    dates.push(date);
  }
}

// ---------------------------------------------------------------- month fractions for fees

/**
 * The months of a membership fee charged in the year of joining: from the month after the joining month, whatever
 * the day (joining in January gives 11, in December 0).
 */
export function monthsChargedAfterJoining(joined: IsoDate): number {
  return 12 - monthOf(joined);
}

/** `yearly × months / 12`, unrounded: the part of a yearly amount for `months` months (each caller rounds as its rule says). */
export function partOfYear(yearly: number, months: number): number {
  return (yearly * months) / 12;
}

/**
 * The months of `year` a period touches, as a 12-bit mask (bit 0 = January). A period is contiguous, so
 * the mask is the run of months from its first to its last day within the year.
 */
export function monthMask(period: { from: IsoDate; to?: IsoDate | undefined }, year: number): number {
  const yearStart = firstDayOfYear(year);
  const yearEnd = lastDayOfYear(year);
  if (period.from > yearEnd || (period.to !== undefined && period.to < yearStart)) return 0;
  const start = period.from < yearStart ? 1 : monthOf(period.from);
  const end = period.to === undefined || period.to > yearEnd ? 12 : monthOf(period.to);
  let mask = 0;
  for (let m = start; m <= end; m += 1) mask |= 1 << (m - 1);
  return mask;
}

/** How many months a 12-bit mask holds. */
export function monthsInMask(mask: number): number {
  let n = 0;
  for (let bits = mask; bits; bits &= bits - 1) n += 1;
  return n;
}

/** First and last day of the months in a 12-bit mask (bit 0 = January); the whole year for an empty mask. */
export function maskPeriod(mask: number, year: number): { from: IsoDate; to: IsoDate } {
  let first = 12;
  let last = 1;
  for (let m = 1; m <= 12; m++) {
    if (mask & (1 << (m - 1))) {
      first = Math.min(first, m);
      last = Math.max(last, m);
    }
  }
  if (first > last) return { from: firstDayOfYear(year), to: lastDayOfYear(year) };
  return { from: firstDayOfMonth(year, first), to: lastDayOfMonth(year, last) };
}

// ---------------------------------------------------------------- instants: the clock, formatters, Excel

/** The machine's clock: the one place that asks for the current instant (the core's clock port defaults to it). */
export function systemClock(): Date {
  return new Date();
}

const dayInZone = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at instant `now` in `timeZone`; Sweden's by default, which is what "today" means to the secretariat. */
export function dateAt(now: Date, timeZone = 'Europe/Stockholm'): IsoDate {
  let format = dayInZone.get(timeZone);
  if (!format) {
    // sv-SE writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayInZone.set(timeZone, format);
  }
  return format.format(now);
}

/** The calendar date of an instant in UTC (an Excel cell's date, read by ExcelJS as UTC). */
export function utcDateOf(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}

/**
 * UTC midnight of a calendar date, in milliseconds: what a formatter with `timeZone: 'UTC'` shows as that day, and
 * what ExcelJS writes as that day in every time zone.
 */
export function utcMidnightMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** UTC midnight of a calendar date as a Date (see `utcMidnightMs`). */
export function utcMidnight(date: IsoDate): Date {
  return instantAt(utcMidnightMs(date));
}

/** The instant `ms` milliseconds after 1970-01-01T00:00Z. */
export function instantAt(ms: number): Date {
  return new Date(ms);
}

/** The UTC calendar day and time of day of an instant, for formats that store them as numbers (ZIP's DOS time). */
export function utcPartsOf(instant: Date): { year: number; month: number; day: number; hours: number; minutes: number; seconds: number } {
  return {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
    hours: instant.getUTCHours(),
    minutes: instant.getUTCMinutes(),
    seconds: instant.getUTCSeconds(),
  };
}

/** An instant from an ISO 8601 timestamp, or undefined when the text is none. */
export function instantOf(timestamp: string): Date | undefined {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : instantAt(ms);
}

/** The instant of 10:00 UTC on `date`: 11:00 or 12:00 in Sweden, the same calendar day there whatever the season. */
export function swedishMorningOf(date: IsoDate): Date {
  return instantAt(utcMidnightMs(date) + 10 * 3_600_000);
}

// ---------------------------------------------------------------- internals

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

function toUtc(date: IsoDate): UTCDate {
  return new UTCDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function toIso(date: Date): IsoDate {
  return formatISO(date, { representation: 'date' });
}
