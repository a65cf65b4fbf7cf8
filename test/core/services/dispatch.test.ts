import { describe, expect, it } from 'vitest';
import { dispatch, normaliseInput } from '../../../electron/core/services/dispatch';
import { createTestServices } from '../../support/memory-document';
import { channelNames, contract } from '../../../electron/contract';

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
});
