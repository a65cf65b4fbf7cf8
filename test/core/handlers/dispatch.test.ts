import { describe, expect, it } from 'vitest';
import { dispatch, normaliseInput } from '../../../electron/core/handlers/dispatch';
import { createTestServices } from '../../support/memory-document';
import { AppError, channelNames, contract } from '../../../electron/contract';
import { fieldError } from '../../../electron/core/domain/field-errors';

describe('dispatch', () => {
  it('answers a valid call with data', async () => {
    const { call } = createTestServices();
    const result = await call('overview/get', { date: '2022-06-30' });
    expect(result.ok).toBe(true);
  });

  it('refuses an unknown channel without throwing', async () => {
    const { handlers } = createTestServices();
    const result = await dispatch(handlers, 'members/steal-everything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses extra keys with a Swedish message naming the field', async () => {
    const { handlers } = createTestServices();
    const result = await dispatch(handlers, 'overview/get', { date: '2022-06-30', hack: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!result.ok) expect(result.error.message).toContain('hack');
  });

  it.each(['2023-02-29', '0000-01-01', '2022-13-01', '22-01-01', 'igår'])('refuses the date %s, naming Datum', async (date) => {
    const { handlers } = createTestServices();
    const result = await dispatch(handlers, 'overview/get', { date });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.message).toMatch(/^Datum: /);
      expect(result.error).toMatchObject({ field: 'date', label: 'Datum' });
    }
  });

  it('keeps __proto__ keys as plain keys (then refused) and never pollutes prototypes', async () => {
    const { handlers } = createTestServices();
    const payload = JSON.parse('{"__proto__": {"polluted": true}, "date": "2022-01-01"}');
    const result = await dispatch(handlers, 'overview/get', payload);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('normalises strings to NFC', () => {
    const decomposed = 'Sa\u0308vsjo\u0308';
    expect(normaliseInput({ name: decomposed })).toEqual({ name: 'Sävsjö' });
  });

  it('every channel name reads domain/verb-noun', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+\/[a-z]+(-[a-z]+)*$/);
    expect(channelNames.length).toBe(Object.keys(contract).length);
  });

  it('turns an unexpected error into a Swedish internal error', async () => {
    const { handlers } = createTestServices();
    const broken = { ...handlers, 'overview/get': () => { throw new Error('boom'); } };
    const original = console.error;
    console.error = () => {};
    const result = await dispatch(broken, 'overview/get', {});
    console.error = original;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  describe('names the field at fault in `field`, the path of the input', () => {
    it('a nested array path, with the label of the innermost named key and its own sentence', async () => {
      const { handlers } = createTestServices();
      const table = {
        year: 2022,
        bands: [
          { minPopulation: 0, entryFeeOre: 0, yearlyFeeOre: 100 },
          { minPopulation: 0, entryFeeOre: 0, yearlyFeeOre: 100 },
        ],
        otherOrganisations: { entryFeeOre: 0, yearlyFeeOre: 0 },
      };
      const result = await dispatch(handlers, 'fees/save-table', { table });
      if (result.ok) throw new Error('expected a refusal');
      expect(result.error).toMatchObject({
        code: 'validation',
        field: 'table.bands.1.minPopulation',
        label: 'Lägsta invånarantal',
        fieldMessage: expect.stringMatching(/^Avgiftsklasserna ska stå i stigande ordning/),
      });
      expect(result.error.message).toBe(`Lägsta invånarantal: ${result.error.fieldMessage}`);
    });

    it('a key under a record, and zod\'s own message made a sentence beside the field', async () => {
      const { handlers } = createTestServices();
      const result = await dispatch(handlers, 'fees/save-table', {
        table: { year: 2022, bands: [{ minPopulation: 0, entryFeeOre: 0, yearlyFeeOre: 0 }], otherOrganisations: { entryFeeOre: 0, yearlyFeeOre: 'tio' } },
      });
      if (result.ok) throw new Error('expected a refusal');
      expect(result.error).toMatchObject({ code: 'validation', field: 'table.otherOrganisations.yearlyFeeOre', label: 'Årsavgift' });
      expect(result.error.fieldMessage).toMatch(/^\p{Lu}.*[.!?]$/u);
      expect(result.error.message.startsWith('Årsavgift: ')).toBe(true);
    });

    it('an unknown key inside an object, with the path down to it', async () => {
      const { handlers } = createTestServices();
      const result = await dispatch(handlers, 'fees/save-table', {
        table: { year: 2022, bands: [{ minPopulation: 0, entryFeeOre: 0, yearlyFeeOre: 0, rabatt: 1 }], otherOrganisations: { entryFeeOre: 0, yearlyFeeOre: 0 } },
      });
      if (result.ok) throw new Error('expected a refusal');
      expect(result.error).toMatchObject({ code: 'validation', field: 'table.bands.0.rabatt', label: 'Okänt fält' });
      expect(result.error.message).toContain('rabatt');
    });

    it('a lone surrogate deep in the input', async () => {
      const { handlers } = createTestServices();
      const result = await dispatch(handlers, 'fees/save-table', {
        table: { year: 2022, bands: [{ minPopulation: 0, entryFeeOre: 0, yearlyFeeOre: 0 }], otherOrganisations: { entryFeeOre: 0, yearlyFeeOre: 0 }, note: 'a\uD800b' },
      });
      if (result.ok) throw new Error('expected a refusal');
      expect(result.error).toMatchObject({ code: 'validation', field: 'table.note', label: 'Anteckning' });
      expect(result.error.fieldMessage).toBe('Texten innehåller ogiltiga tecken (halva teckenpar).');
    });

    it('a handler\'s refusal about a field: `field` lifted out of the details, which keep the rest', async () => {
      const { handlers } = createTestServices();
      const refusing = {
        ...handlers,
        'overview/get': () => {
          throw fieldError('conflict', 'membership.from', 'Perioden överlappar en annan.', { existingId: 'm1' });
        },
      };
      const result = await dispatch(refusing, 'overview/get', {});
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: 'Från och med: Perioden överlappar en annan.',
          field: 'membership.from',
          label: 'Från och med',
          fieldMessage: 'Perioden överlappar en annan.',
          details: { existingId: 'm1' },
        },
      });
    });

    it('a handler\'s validation refusal without a field is about the input as a whole; other refusals name none', async () => {
      const { handlers } = createTestServices();
      const throwing = (error: AppError) => ({ ...handlers, 'overview/get': () => { throw error; } });
      const whole = await dispatch(throwing(new AppError('validation', 'Filen kom inte fram.')), 'overview/get', {});
      expect(whole).toEqual({ ok: false, error: { code: 'validation', message: 'Filen kom inte fram.', field: '', label: 'Indata', fieldMessage: 'Filen kom inte fram.' } });
      const gone = await dispatch(throwing(new AppError('not-found', 'Posten finns inte.', { reason: 'gone' })), 'overview/get', {});
      expect(gone).toEqual({ ok: false, error: { code: 'not-found', message: 'Posten finns inte.', details: { reason: 'gone' } } });
    });
  });
});
