import { describe, expect, it } from 'vitest';
import { defaultPeppolId, parseBankgiro, parseBic, parseIban, parsePeppolId, parseVatNumber } from '../../../electron/contract/rules/payment-details';

describe('payment details', () => {
  it('reads a VAT number with or without spaces, checking the organisation number inside it', () => {
    expect(parseVatNumber('se 212000-0142 01')).toEqual({ ok: true, value: 'SE212000014201' });
    expect(parseVatNumber('SE212000014202')).toEqual({ ok: false, message: 'Momsregistreringsnumret ska sluta på 01.' });
    expect(parseVatNumber('SE212000014301').ok).toBe(false);
    expect(parseVatNumber('2120000142')).toMatchObject({ ok: false, message: expect.stringContaining('SE') });
  });

  it('reads a bankgiro number of seven or eight digits with its check digit', () => {
    expect(parseBankgiro('5050 1055')).toEqual({ ok: true, value: '5050-1055' });
    expect(parseBankgiro('505-1055')).toMatchObject({ ok: false });
    expect(parseBankgiro('5050-1056')).toEqual({ ok: false, message: 'Bankgironumret stämmer inte: kontrollsiffran (den sista) är fel.' });
    expect(parseBankgiro('12')).toMatchObject({ ok: false, message: expect.stringContaining('sju eller åtta siffror') });
  });

  it('checks an IBAN by ISO 13616 (mod 97) and a BIC by its shape', () => {
    expect(parseIban('SE45 5000 0000 0583 9825 7466')).toEqual({ ok: true, value: 'SE4550000000058398257466' });
    expect(parseIban('SE46 5000 0000 0583 9825 7466')).toMatchObject({ ok: false, message: expect.stringContaining('kontrollsiffrorna') });
    expect(parseBic('esse se ss')).toEqual({ ok: true, value: 'ESSESESS' });
    expect(parseBic('ESSE').ok).toBe(false);
  });

  it('reads a Peppol ID as scheme:identifier and builds a public body’s default from its organisation number', () => {
    expect(parsePeppolId(' 0007:2120001355 ')).toEqual({ ok: true, value: '0007:2120001355' });
    expect(parsePeppolId('2120001355').ok).toBe(false);
    expect(parsePeppolId('7:2120001355').ok).toBe(false);
    expect(defaultPeppolId('212000-1355')).toBe('0007:2120001355');
    expect(defaultPeppolId(undefined)).toBeUndefined();
  });
});
