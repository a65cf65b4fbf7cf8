import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../electron/contract/rules/calendar-date';
import { confirmationStale, createdOn, formatPhone, parseEmail, parsePhone } from '../../../electron/core/domain/contacts';

describe('e-mail policy', () => {
  it.each([
    ['info@räksmörgås.se', 'info@räksmörgås.se'],
    ['åsa.öberg@kommun.se', 'åsa.öberg@kommun.se'],
    ['Anna.Svensson@Sävsjö.SE', 'Anna.Svensson@sävsjö.se'],
    ['  kansliet@sambruk.se  ', 'kansliet@sambruk.se'],
    ["o'brien+it@example.co.uk", "o'brien+it@example.co.uk"],
    ['it@xn--rksmrgs-5wao1o.se', 'it@xn--rksmrgs-5wao1o.se'],
    ['a@b.xn--p1ai', 'a@b.xn--p1ai'],
  ])('accepts %s as %s', (input, stored) => {
    expect(parseEmail(input)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['namn.kommun.se', 'missing-at'],
    ['namn@@kommun.se', 'several-at'],
    ['na@mn@kommun.se', 'several-at'],
    ['anna svensson@kommun.se', 'spaces'],
    ['anna@kom mun.se', 'spaces'],
    ['anna..svensson@kommun.se', 'double-dot'],
    ['anna@kommun..se', 'double-dot'],
    ['.anna@kommun.se', 'dot-edge'],
    ['anna.@kommun.se', 'dot-edge'],
    ['anna@.kommun.se', 'dot-edge'],
    ['anna@kommun.se.', 'dot-edge'],
    ['@kommun.se', 'local-empty'],
    ['anna@', 'domain-empty'],
    ['anna@kommun', 'domain-no-dot'],
    ['anna@-kommun.se', 'domain-chars'],
    ['anna@kommun_x.se', 'domain-chars'],
    ['anna(x)@kommun.se', 'local-chars'],
    ['anna@kommun.s', 'tld'],
    ['anna@kommun.123', 'tld'],
    [`${'a'.repeat(65)}@kommun.se`, 'too-long'],
    ['', 'empty'],
  ])('refuses %s (%s) with a Swedish message', (input, reason) => {
    const result = parseEmail(input);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });
});

describe('phone policy', () => {
  it.each([
    ['070-123 45 67', '+46701234567'],
    ['08-123 456 78', '+46812345678'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0046 70 123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    ['(08) 123 456 78', '+46812345678'],
    ['013-12 34 56', '+4613123456'],
    ['+47 22 12 34 56', '+4722123456'],
  ])('normalises %s to %s', (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ['070-12', 'invalid'],
    ['123', 'invalid'],
    ['+4670123456789', 'invalid'],
    ['070-123 45 67 ankn. 12', 'chars'],
    ['070 1234567x', 'chars'],
    ['telefon', 'chars'],
    ['', 'empty'],
  ])('refuses %s (%s)', (input, reason) => {
    const result = parsePhone(input);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message).toMatch(/Telefonnumret|telefonnummer/);
  });

  it('shows Swedish numbers the Swedish way and foreign ones internationally', () => {
    expect(formatPhone('+46701234567')).toBe('070-123 45 67');
    expect(formatPhone('+46812345678')).toBe('08-123 456 78');
    expect(formatPhone('+4722123456')).toBe('+47 22 12 34 56');
  });
});

describe('confirmation within 12 months', () => {
  it('moves by months and clamps to the month end', () => {
    expect(addMonths('2022-04-28', -12)).toBe('2021-04-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2022-03-31', -1)).toBe('2022-02-28');
    expect(addMonths('2022-01-15', -13)).toBe('2020-12-15');
  });

  it('treats a confirmation exactly 12 months back as current and a day more as stale', () => {
    const old = '2019-01-01T09:00:00.000Z';
    expect(confirmationStale({ confirmedAt: '2021-04-28', createdAt: old }, '2022-04-28')).toBe(false);
    expect(confirmationStale({ confirmedAt: '2021-04-27', createdAt: old }, '2022-04-28')).toBe(true);
    expect(confirmationStale({ createdAt: old }, '2022-04-28')).toBe(true);
  });

  it('counts a never-confirmed contact from the day it was created', () => {
    // Created today: not «Ej bekräftad på 12 månader».
    expect(confirmationStale({ createdAt: '2022-04-28T10:00:00.000Z' }, '2022-04-28')).toBe(false);
    expect(confirmationStale({ createdAt: '2021-04-28T10:00:00.000Z' }, '2022-04-28')).toBe(false);
    expect(confirmationStale({ createdAt: '2021-04-27T10:00:00.000Z' }, '2022-04-28')).toBe(true);
    // The Swedish day counts: 23:30 UTC on 27 April is 28 April in Stockholm.
    expect(createdOn({ createdAt: '2021-04-27T23:30:00.000Z' })).toBe('2021-04-28');
    expect(confirmationStale({ createdAt: '2021-04-27T23:30:00.000Z' }, '2022-04-28')).toBe(false);
    // A later confirmation wins over the creation, an earlier one too: the confirmation is what was checked.
    expect(confirmationStale({ confirmedAt: '2020-01-01', createdAt: '2022-04-01T10:00:00.000Z' }, '2022-04-28')).toBe(true);
  });
});
