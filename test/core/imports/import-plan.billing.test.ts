/**
 * Billing details through the existing import (issue 17, point 1): invoice address, «Er referens», Peppol ID,
 * invoice e-mail and who pays, matched to organisations as the import matches them; a new customer gets the next
 * customer number when the import is applied, and bad values get Swedish row messages.
 */
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../electron/core/exports/base64';
import { readPeppolId, readPostalCode } from '../../../electron/core/imports/import-fields';
import type { ImportRowPlan } from '../../../electron/core/imports/import-plan';
import { createTestServices } from '../../support/memory-document';

type Services = ReturnType<typeof createTestServices>;

function csv(rows: string[][]): string {
  return encodeBase64(new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`));
}

const HEADER = ['Kommun', 'Org.nr', 'Fakturaadress', 'Postnummer', 'Postort', 'Er referens', 'Peppol-id', 'E-post för fakturor', 'Betalas av'];

async function preview(s: Services, file: string, decisions: Record<string, { accept?: boolean }> = {}) {
  const read = await s.call('imports/read', { fileName: 'fakturering.csv', bytesBase64: file });
  if (!read.ok) throw new Error(read.error.message);
  const sheet = read.data.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const result = await s.call('imports/preview', { fileName: 'fakturering.csv', bytesBase64: file, sheet: sheet.name, mapping: sheet.proposal.mapping, decisions });
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.data, sheet, byRow: (n: number) => result.data.rows.find((r) => r.rowNumber === n) as ImportRowPlan };
}

async function apply(s: Services, file: string, decisions: Record<string, { accept?: boolean }> = {}) {
  const p = await preview(s, file, decisions);
  const applied = await s.call('imports/apply', { fileName: 'fakturering.csv', bytesBase64: file, sheet: p.sheet.name, mapping: p.sheet.proposal.mapping, decisions, expectedRevision: p.revision });
  if (!applied.ok) throw new Error(applied.error.message);
  return applied.data;
}

describe('reading billing values', () => {
  it('takes a postal code with or without its space, and refuses anything else in Swedish', () => {
    expect(readPostalCode('12345')).toEqual({ ok: true, value: '123 45' });
    expect(readPostalCode(' 123 45 ')).toEqual({ ok: true, value: '123 45' });
    expect(readPostalCode('1234')).toEqual({ ok: false, message: '”1234” är inget postnummer. Ett postnummer har fem siffror, till exempel 123 45.' });
  });

  it('takes a Peppol ID as scheme:identifier, and under 0007 only a valid organisation number', () => {
    expect(readPeppolId('0007:2120000142')).toEqual({ ok: true, value: '0007:2120000142' });
    expect(readPeppolId(' 0088:7300010000001 ')).toEqual({ ok: true, value: '0088:7300010000001' });
    expect(readPeppolId('2120000142')).toMatchObject({ ok: false, message: expect.stringMatching(/^”2120000142” är inget Peppol-id\. Skriv schema och identitet med kolon emellan/) });
    expect(readPeppolId('0007:2120000143')).toMatchObject({ ok: false, message: expect.stringContaining('2120000143 är inget giltigt organisationsnummer') });
    expect(readPeppolId('0007:212000-0142')).toMatchObject({ ok: false });
  });
});

describe('importing billing details', () => {
  it('suggests the billing columns from their headers', async () => {
    const s = createTestServices();
    const p = await preview(s, csv([HEADER, ['Ale', '', 'Box 1', '44980', 'Alafors', 'R-1', '0007:2120001405', 'faktura@ale.se', 'Göteborgsregionen (GR)']]));
    expect(p.sheet.proposal.mapping).toEqual({
      organisation: 0,
      orgNumber: 1,
      invoiceStreet: 2,
      invoicePostalCode: 3,
      invoiceCity: 4,
      buyerReference: 5,
      peppolId: 6,
      invoiceEmail: 7,
      payer: 8,
    });
  });

  it('gives an organisation without billing details a new customer number from the series, with its payer, in one undoable change', async () => {
    const s = createTestServices();
    const before = s.repo.get();
    const next = before.invoicing.settings[0]?.nextCustomerNumber ?? 0;
    const file = csv([
      HEADER,
      ['Ale', '', 'Box 1', '44980', 'Alafors', 'R-1', '', 'faktura@ale.se', 'Göteborgsregionen (GR)'],
      ['Kiruna', '212000-2817', 'Stadshuset', '981 85', 'Kiruna', 'KIR-9', '0007:2120002817', '', ''],
    ]);
    const p = await preview(s, file);
    expect(p.byRow(2)).toMatchObject({
      outcome: 'update',
      included: true,
      changes: ['Faktureringsuppgifter (nytt kundnummer tilldelas): fakturaadress Box 1, postnummer 449 80, postort Alafors, «Er referens» R-1, e-post för fakturor faktura@ale.se, betalas av Göteborgsregionen (GR).'],
    });
    // Kiruna is not in the register: a new organisation with its billing details.
    expect(p.byRow(3)).toMatchObject({ outcome: 'new', included: true });
    expect(p.byRow(3).changes[1]).toMatch(/^Faktureringsuppgifter \(nytt kundnummer tilldelas\): fakturaadress Stadshuset/);

    const applied = await apply(s, file);
    expect(applied.message).toBe('1 ny organisation, 2 nya kunder med faktureringsuppgifter');
    const doc = s.repo.get();
    const ale = doc.invoicing.billing.find((b) => b.organisationId === 'org-kommun-1440');
    expect(ale).toMatchObject({
      customerNumber: next,
      payerOrganisationId: 'org-goteborgsregionen',
      invoiceAddress: { street: 'Box 1', postalCode: '449 80', city: 'Alafors', countryCode: 'SE' },
      buyerReference: 'R-1',
      invoiceEmail: 'faktura@ale.se',
      example: false,
    });
    expect(ale?.peppolId).toBeUndefined();
    const kiruna = doc.organisations.find((o) => o.municipalityCode === '2584');
    expect(doc.invoicing.billing.find((b) => b.organisationId === kiruna?.id)).toMatchObject({ customerNumber: next + 1, peppolId: '0007:2120002817' });
    expect(doc.invoicing.settings[0]?.nextCustomerNumber).toBe(next + 2);
    expect(doc.changeLog.some((e) => /faktureringsuppgifter för Ale: .* \(kundnummer \d+\)$/.test(e.summary))).toBe(true);

    // The whole import is one step: undo takes the billing details and the customer numbers back.
    await s.call('history/undo', {});
    expect(s.repo.get().invoicing).toEqual(before.invoicing);
  });

  it('adds what is missing to existing billing details and replaces a differing value only when the row is accepted', async () => {
    const s = createTestServices();
    const habo = s.repo.get().invoicing.billing.find((b) => b.organisationId === 'org-kommun-0643');
    if (!habo) throw new Error('Habo has no billing details');
    const file = csv([HEADER, ['Habo', '', 'Box 33', '', '', habo.buyerReference ?? '', '', '', '']]);
    const p = await preview(s, file);
    expect(p.byRow(2)).toMatchObject({ outcome: 'review', included: false, review: { kind: 'conflict' } });
    expect(p.byRow(2).issues).toEqual([
      expect.objectContaining({ severity: 'review', field: 'invoiceStreet', message: `Fakturaadress: registret har ${habo.invoiceAddress?.street}, filen har Box 33. Godkänn raden för att ersätta registrets värde.` }),
    ]);
    const applied = await apply(s, file, { '2': { accept: true } });
    expect(applied.message).toBe('1 ändrade faktureringsuppgifter');
    const after = s.repo.get().invoicing.billing.find((b) => b.id === habo.id);
    // The customer number stays; the rest of the address stays as it was.
    expect(after).toMatchObject({ customerNumber: habo.customerNumber, invoiceAddress: { ...habo.invoiceAddress, street: 'Box 33' } });
    // The same row again says nothing new.
    expect((await preview(s, file)).byRow(2).outcome).toBe('unchanged');
  });

  it('names each bad value and its column in Swedish, and imports nothing from that row', async () => {
    const s = createTestServices();
    const before = s.repo.get().invoicing;
    const file = csv([HEADER, ['Ale', '', 'Box 1', '4498', '', '', 'abc', 'faktura@', 'Ingen Sådan AB']]);
    const p = await preview(s, file);
    const row = p.byRow(2);
    expect(row.outcome).toBe('error');
    expect(row.included).toBe(false);
    expect(row.issues.map((i) => [i.field, i.columnLabel])).toEqual([
      ['invoicePostalCode', 'D – Postnummer'],
      ['peppolId', 'G – Peppol-id'],
      ['invoiceEmail', 'H – E-post för fakturor'],
      ['payer', 'I – Betalas av'],
    ]);
    expect(row.issues.map((i) => i.message)).toEqual([
      '”4498” är inget postnummer. Ett postnummer har fem siffror, till exempel 123 45.',
      expect.stringMatching(/^”abc” är inget Peppol-id\./),
      expect.any(String),
      'Ingen organisation i registret heter ”Ingen Sådan AB”. Skriv betalarens namn som det står i registret, eller lämna cellen tom.',
    ]);
    const applied = await s.call('imports/apply', { fileName: 'fakturering.csv', bytesBase64: file, sheet: p.sheet.name, mapping: p.sheet.proposal.mapping, decisions: {}, expectedRevision: p.revision });
    expect(applied).toMatchObject({ ok: false, error: { message: 'Det finns inget att importera: ingen rad som är med i importen ändrar registret.' } });
    expect(s.repo.get().invoicing).toEqual(before);
  });

  it('clears the payer when the file says the organisation pays itself', async () => {
    const s = createTestServices();
    await apply(s, csv([HEADER, ['Ale', '', '', '', '', '', '', '', 'Göteborgsregionen (GR)']]));
    expect(s.repo.get().invoicing.billing.find((b) => b.organisationId === 'org-kommun-1440')?.payerOrganisationId).toBe('org-goteborgsregionen');
    const file = csv([HEADER, ['Ale', '', '', '', '', '', '', '', 'Ale']]);
    expect((await preview(s, file)).byRow(2).issues[0]?.message).toBe('Betalas av: registret har Göteborgsregionen (GR), filen har organisationen själv. Godkänn raden för att ersätta registrets värde.');
    await apply(s, file, { '2': { accept: true } });
    expect(s.repo.get().invoicing.billing.find((b) => b.organisationId === 'org-kommun-1440')?.payerOrganisationId).toBeUndefined();
  });
});
