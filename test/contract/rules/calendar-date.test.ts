import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  dateAt,
  dateFromParts,
  dateOfDayNumber,
  dateShapeOf,
  dayNumber,
  daysBetween,
  daysInMonth,
  earlierDate,
  firstDayOfMonth,
  firstDayOfYear,
  isCalendarDate,
  isLeapYear,
  isRegisterYear,
  lastDayOfMonth,
  lastDayOfYear,
  laterDate,
  maskPeriod,
  monthKeyOf,
  monthMask,
  monthOf,
  monthsBetween,
  monthsChargedAfterJoining,
  monthSerial,
  monthsInMask,
  monthStartsFrom,
  parseCalendarDate,
  parseYear,
  partOfYear,
  swedishMorningOf,
  utcDateOf,
  utcMidnight,
  utcMidnightMs,
  yearOf,
} from '../../../electron/contract/rules/calendar-date';

// ---------------------------------------------------------------- a naive model of the Gregorian calendar

const naiveLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const naiveDaysInMonth = (y: number, m: number) => [31, naiveLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const text = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Days since 1600-01-01, counted month by month. */
function naiveIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let n = 0;
  for (let yy = 1600; yy < y; yy += 1) n += naiveLeap(yy) ? 366 : 365;
  for (let mm = 1; mm < m; mm += 1) n += naiveDaysInMonth(y, mm);
  return n + d - 1;
}

function naiveFromIndex(index: number): string {
  let y = 1600;
  let n = index;
  while (n >= (naiveLeap(y) ? 366 : 365)) {
    n -= naiveLeap(y) ? 366 : 365;
    y += 1;
  }
  let m = 1;
  while (n >= naiveDaysInMonth(y, m)) {
    n -= naiveDaysInMonth(y, m);
    m += 1;
  }
  return text(y, m, n + 1);
}

function naiveAddMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return text(ty, tm, Math.min(d, naiveDaysInMonth(ty, tm)));
}

/** Any real date of 1900–2199. */
const realDate = fc
  .record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => text(y, m, Math.min(d, naiveDaysInMonth(y, m))));
/** Month ends and leap days are where calendars go wrong: draw them often. */
const edgeDate = fc.oneof(
  realDate,
  fc.record({ y: fc.integer({ min: 1900, max: 2199 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => text(y, m, naiveDaysInMonth(y, m))),
  fc.constantFrom('2000-02-29', '2024-02-29', '1900-02-28', '2100-02-28', '2199-12-31', '1900-01-01'),
);

describe('calendar dates against a naive model', () => {
  it('checks existence and bounds like the model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2300 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const expected = y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= naiveDaysInMonth(y, m);
        expect(isCalendarDate(text(y, m, d))).toBe(expected);
        expect(parseCalendarDate(text(y, m, d))).toBe(expected ? text(y, m, d) : undefined);
      }),
    );
  });

  it('adds days as the model counts them, and daysBetween is its inverse', () => {
    fc.assert(
      fc.property(edgeDate, fc.integer({ min: -40_000, max: 40_000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(moved).toBe(naiveFromIndex(naiveIndex(date) + n));
        expect(daysBetween(date, moved)).toBe(n);
        expect(dateOfDayNumber(dayNumber(date))).toBe(date);
      }),
    );
  });

  it('adds months as the model does, a missing day becoming the month end', () => {
    fc.assert(
      fc.property(edgeDate, fc.integer({ min: -1200, max: 1200 }), (date, n) => {
        const moved = addMonths(date, n);
        expect(moved).toBe(naiveAddMonths(date, n));
        expect(monthsBetween(date, moved)).toBe(n);
        expect(monthSerial(moved) - monthSerial(date)).toBe(n);
      }),
    );
  });

  it('compares like the day count, and the string order is the day order', () => {
    fc.assert(
      fc.property(realDate, realDate, (a, b) => {
        const sign = Math.sign(naiveIndex(a) - naiveIndex(b));
        expect(compareDates(a, b)).toBe(sign);
        expect(Math.sign(a.localeCompare(b))).toBe(sign);
        expect(Math.sign(daysBetween(b, a))).toBe(sign);
        expect(earlierDate(a, b)).toBe(sign <= 0 ? a : b);
        expect(laterDate(a, b)).toBe(sign >= 0 ? a : b);
      }),
    );
  });

  it('knows the leap years and the month lengths', () => {
    for (let y = 1600; y <= 2400; y += 1) expect(isLeapYear(y), String(y)).toBe(naiveLeap(y));
    expect([1900, 2000, 2100, 2024, 2023].map(isLeapYear)).toEqual([false, true, false, true, false]);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(daysInMonth(y, m)).toBe(naiveDaysInMonth(y, m));
        expect(lastDayOfMonth(y, m)).toBe(text(y, m, naiveDaysInMonth(y, m)));
        expect(firstDayOfMonth(y, m)).toBe(text(y, m, 1));
        expect(addDays(lastDayOfMonth(y, m), 1)).toBe(m === 12 ? firstDayOfYear(y + 1) : firstDayOfMonth(y, m + 1));
      }),
    );
  });
});

describe('month ends and leap days', () => {
  it('keeps 31 January + 1 month inside February', () => {
    expect(addMonths('2022-01-31', 1)).toBe('2022-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2022-03-31', -1)).toBe('2022-02-28');
    expect(addMonths('2022-08-31', 1)).toBe('2022-09-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2022-04-28', -12)).toBe('2021-04-28');
  });

  it('steps over month, year and leap-day boundaries by days', () => {
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(daysBetween('2022-01-01', '2022-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
  });

  it('does not depend on the machine time zone, even where a day was skipped', () => {
    const before = process.env.TZ;
    try {
      // Samoa skipped 30 December 2011: a local-time Date for that day lands on the 31st.
      process.env.TZ = 'Pacific/Apia';
      expect(new Date(2011, 11, 30).getDate()).toBe(31);
      expect(isCalendarDate('2011-12-30')).toBe(true);
      expect(addDays('2011-12-29', 1)).toBe('2011-12-30');
      expect(daysBetween('2011-12-29', '2011-12-31')).toBe(2);
      process.env.TZ = 'Europe/Stockholm';
      expect(addDays('2022-03-26', 1)).toBe('2022-03-27');
      expect(addDays('2022-03-27', 1)).toBe('2022-03-28');
      expect(daysBetween('2022-03-01', '2022-04-01')).toBe(31);
      expect(addMonths('2022-10-30', 1)).toBe('2022-11-30');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('bounds, one set for the register', () => {
  it('takes dates of 1900–2199 only', () => {
    expect(isCalendarDate('1900-01-01')).toBe(true);
    expect(isCalendarDate('2199-12-31')).toBe(true);
    expect(isCalendarDate('1899-12-31')).toBe(false);
    expect(isCalendarDate('2200-01-01')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
    for (const bad of ['2022-6-30', '2022-06-30 ', '20220630', '', '2022-02-30', '2022-13-01', '2022-00-10', '2022-01-00']) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
    expect(parseCalendarDate(null)).toBeUndefined();
    expect(parseCalendarDate('30/6 2022')).toBeUndefined();
  });

  it('reads a typed year of four digits within 1990–2199', () => {
    expect(parseYear(' 2022 ')).toBe(2022);
    expect(parseYear('1990')).toBe(1990);
    expect(parseYear('2199')).toBe(2199);
    for (const bad of ['1989', '2200', '20 22', '', '23', '2023a', '12345', '-2022']) expect(parseYear(bad), bad).toBeUndefined();
    expect(isRegisterYear(2022.5)).toBe(false);
  });

  it('reads the shapes a person or a spreadsheet writes a date in', () => {
    expect(dateShapeOf('20220630')).toBe('2022-06-30');
    expect(dateShapeOf(' 2022-06-30 ')).toBe('2022-06-30');
    expect(dateShapeOf('2022-6-3')).toBeUndefined();
    expect(dateShapeOf('2022-6-3', { loose: true })).toBe('2022-06-03');
    expect(dateShapeOf('2022-06-30 10:15')).toBeUndefined();
    expect(dateShapeOf('2022-06-30 10:15', { time: true })).toBe('2022-06-30');
    expect(dateShapeOf('2022-06-30T10:15:30', { time: true })).toBe('2022-06-30');
    expect(dateShapeOf('2022-02-30')).toBe('2022-02-30'); // the shape only: the calendar check is isCalendarDate's
    expect(dateShapeOf('30 juni')).toBeUndefined();
  });
});

describe('parts', () => {
  it('takes year, month and month key from a date', () => {
    expect(yearOf('2022-06-30')).toBe(2022);
    expect(monthOf('2022-06-30')).toBe(6);
    expect(monthOf('2022-03')).toBe(3);
    expect(monthKeyOf('2022-06-30')).toBe('2022-06');
    expect(firstDayOfYear(2022)).toBe('2022-01-01');
    expect(lastDayOfYear(2022)).toBe('2022-12-31');
    expect(dateFromParts(2022, 6, 3)).toBe('2022-06-03');
  });

  it('lists the first days of the months after a date', () => {
    expect(monthStartsFrom('2021-11-15', '2022-02-01')).toEqual(['2021-11-15', '2021-12-01', '2022-01-01', '2022-02-01']);
    expect(monthStartsFrom('2022-01-01', '2022-01-31')).toEqual(['2022-01-01']);
    expect(monthStartsFrom('2022-03-01', '2022-02-01')).toEqual(['2022-03-01']);
  });
});

describe('month fractions for fees', () => {
  it('charges a membership from the month after joining, whatever the day', () => {
    fc.assert(
      fc.property(realDate, (joined) => {
        expect(monthsChargedAfterJoining(joined)).toBe(12 - Number(joined.slice(5, 7)));
      }),
    );
    expect(monthsChargedAfterJoining('2022-01-31')).toBe(11);
    expect(monthsChargedAfterJoining('2022-12-01')).toBe(0);
    expect(partOfYear(1_200_000, 7)).toBe(700_000);
    expect(partOfYear(1_000, 12)).toBe(1_000);
  });

  it('masks the months a period touches like the model', () => {
    const period = fc
      .tuple(realDate, fc.option(realDate, { nil: undefined }))
      .map(([a, b]) => (b === undefined ? { from: a } : a <= b ? { from: a, to: b } : { from: b, to: a }));
    fc.assert(
      fc.property(period, fc.integer({ min: 1990, max: 2199 }), (p, year) => {
        let expected = 0;
        for (let m = 1; m <= 12; m += 1) {
          const first = text(year, m, 1);
          const last = text(year, m, naiveDaysInMonth(year, m));
          if (p.from <= last && (p.to === undefined || p.to >= first)) expected |= 1 << (m - 1);
        }
        const mask = monthMask(p, year);
        expect(mask).toBe(expected);
        expect(monthsInMask(mask)).toBe(expected.toString(2).split('').filter((c) => c === '1').length);
        const covered = maskPeriod(mask, year);
        if (mask !== 0) {
          expect(covered.from <= (p.from < firstDayOfYear(year) ? firstDayOfYear(year) : p.from)).toBe(true);
          expect(monthMask(covered, year)).toBe(mask);
        } else {
          expect(covered).toEqual({ from: firstDayOfYear(year), to: lastDayOfYear(year) });
        }
      }),
    );
    expect(monthsInMask(monthMask({ from: '2022-06-30', to: '2022-07-01' }, 2022))).toBe(2);
    expect(maskPeriod(0b0000_0110_0000, 2024)).toEqual({ from: '2024-06-01', to: '2024-07-31' });
    expect(maskPeriod(0b0000_0000_0010, 2024)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

describe('instants', () => {
  it('gives the Swedish calendar date of an instant', () => {
    expect(dateAt(new Date('2022-06-30T21:59:00Z'))).toBe('2022-06-30');
    expect(dateAt(new Date('2022-06-30T22:00:00Z'))).toBe('2022-07-01');
    expect(dateAt(new Date('2022-12-31T22:59:00Z'))).toBe('2022-12-31');
    expect(dateAt(new Date('2022-12-31T23:00:00Z'))).toBe('2023-01-01');
    expect(dateAt(new Date('2022-06-30T22:00:00Z'), 'UTC')).toBe('2022-06-30');
  });

  it('keeps a fixed clock on its day in Sweden in every season', () => {
    fc.assert(
      fc.property(realDate, (date) => {
        expect(dateAt(swedishMorningOf(date))).toBe(date);
      }),
    );
  });

  it('puts a date at UTC midnight for formatters and Excel, and reads it back', () => {
    expect(utcMidnightMs('1970-01-02')).toBe(86_400_000);
    expect(utcMidnight('2022-06-30').toISOString()).toBe('2022-06-30T00:00:00.000Z');
    fc.assert(
      fc.property(realDate, (date) => {
        expect(utcDateOf(utcMidnight(date))).toBe(date);
        expect(utcMidnightMs(date) / 86_400_000).toBe(dayNumber(date));
      }),
    );
  });
});
