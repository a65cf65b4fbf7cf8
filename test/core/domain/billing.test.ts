import { describe, expect, it } from 'vitest';
import { associationMissing, customerAdvice, customerMissing, isPublicBody, peppolIdOf } from '../../../electron/core/domain/billing';
import { sampleSettings } from '../../fixtures/invoicing/sample-invoices';
import type { BillingDetails } from '../../../electron/contract/model/invoicing';

const address = { street: 'Exempelgatan 2', postalCode: '123 45', city: 'Exempelstad', countryCode: 'SE' };
const details = (extra: Partial<BillingDetails> = {}): BillingDetails => ({ id: 'b', organisationId: 'o', customerNumber: 1001, example: false, ...extra });

describe('billing details', () => {
  it('calls municipalities, regions, federations and joint committees public bodies, others not', () => {
    expect((['kommun', 'region', 'kommunalforbund', 'gemensam-namnd', 'annan'] as const).map((kind) => isPublicBody({ kind }))).toEqual([true, true, true, true, false]);
  });

  it('reaches a public body at 0007:<orgnr> unless another Peppol ID is entered', () => {
    expect(peppolIdOf({ kind: 'kommun', orgNumber: '212000-1355' }, undefined)).toBe('0007:2120001355');
    expect(peppolIdOf({ kind: 'kommun', orgNumber: '212000-1355' }, details({ peppolId: '0088:7300010000001' }))).toBe('0088:7300010000001');
    expect(peppolIdOf({ kind: 'annan', orgNumber: '802400-0005' }, undefined)).toBeUndefined();
  });

  it('requires an address, and for a public body a way to get an e-invoice; advises «Er referens»', () => {
    expect(customerMissing({ kind: 'kommun', orgNumber: '212000-1355' }, undefined).map((m) => m.label)).toEqual(['Fakturaadress']);
    expect(customerMissing({ kind: 'kommun' }, details({ invoiceAddress: address })).map((m) => m.field)).toEqual(['peppolId']);
    expect(customerMissing({ kind: 'kommun' }, details({ invoiceAddress: address, invoiceEmail: 'f@exempel.se' }))).toEqual([]);
    expect(customerMissing({ kind: 'annan' }, details({ invoiceAddress: { ...address, city: ' ' } })).map((m) => m.field)).toEqual(['invoiceAddress']);
    expect(customerMissing({ kind: 'annan' }, details({ invoiceAddress: address }))).toEqual([]);
    expect(customerAdvice(details()).map((m) => m.label)).toEqual(['Er referens']);
    expect(customerAdvice(details({ buyerReference: 'X' }))).toEqual([]);
  });

  it('requires the VAT number of the association only when a line carries VAT', () => {
    expect(associationMissing(sampleSettings, true)).toEqual([]);
    const bare = { ...sampleSettings, vatNumber: '', bankgiro: '', iban: '5' };
    expect(associationMissing(bare, false)).toEqual([]);
    expect(associationMissing(bare, true).map((m) => m.label)).toEqual(['Momsregistreringsnummer']);
    expect(associationMissing({ ...bare, iban: '', name: '' }, false).map((m) => m.label)).toEqual(['Föreningens namn', 'Bankgiro eller IBAN']);
  });
});
