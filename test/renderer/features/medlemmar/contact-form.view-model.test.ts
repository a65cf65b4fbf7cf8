import { describe, expect, it } from 'vitest';
import { contactRows } from '../../../../electron/core/domain/contacts';
import {
  areaOrder,
  contactCreateInput,
  contactDuplicateInput,
  duplicateLines,
  contactFormFrom,
  contactUpdateInput,
  emptyContactForm,
  exportFileName,
  toggleIn,
} from '../../../../renderer/features/medlemmar/contact-form.view-model';
import { contact, municipality, referenceDocument } from '../../../fixtures/register/documents';

const base = referenceDocument();
const habo = municipality(base, '0643');

describe('the contact form', () => {
  it('edits a stored contact with the phone as Swedes write it', () => {
    const doc = referenceDocument({ organisations: [habo], contacts: [contact('c1', habo.id, 'Åsa', { phone: '+46701234567', confirmedAt: '2022-01-01', roles: ['it'] })] });
    const [row] = contactRows(doc, { organisationId: habo.id, date: '2022-06-30' });
    expect(contactFormFrom(row!)).toMatchObject({ name: 'Åsa', phone: '070-123 45 67', confirmedAt: '2022-01-01', endedAt: '', roles: ['it'] });
  });

  it('keeps business areas in their canonical order whatever order they are ticked in', () => {
    let areas = toggleIn(areaOrder, [], 'trafik', true);
    areas = toggleIn(areaOrder, areas, 'skola', true);
    expect(areas).toEqual(['skola', 'trafik']);
    expect(toggleIn(areaOrder, areas, 'trafik', false)).toEqual(['skola']);
  });

  it('sends dates only when given on create, and clears blank dates with null on update', () => {
    const form = { ...emptyContactForm(), name: 'Åsa', email: 'åsa@räksmörgås.se' };
    expect(contactCreateInput('o', form)).toEqual({
      organisationId: 'o',
      name: 'Åsa',
      title: '',
      email: 'åsa@räksmörgås.se',
      phone: '',
      businessAreas: [],
      roles: [],
      legalBasis: 'allmant-intresse',
      note: '',
    });
    expect(contactUpdateInput('c1', form)).toMatchObject({ id: 'c1', confirmedAt: null, endedAt: null });
    expect(contactUpdateInput('c1', { ...form, confirmedAt: '2022-06-30' })).toMatchObject({ confirmedAt: '2022-06-30' });
  });

  it('names the export file after the person in plain letters and the date', () => {
    expect(exportFileName('Åsa Öberg-Ärlig', '2022-06-30')).toBe('personuppgifter-asa-oberg-arlig-2022-06-30.json');
    expect(exportFileName('!!!', '2022-06-30')).toBe('personuppgifter-kontakt-2022-06-30.json');
  });
});

describe('«finns redan» in the contact dialog', () => {
  it('names each stored contact and what is the same', () => {
    const base = { email: 'a@b.se', organisationId: 'o', organisationName: 'Habo' };
    expect(
      duplicateLines([
        { ...base, id: '1', name: 'Anna Ek', reasons: ['email'], ended: false },
        { ...base, id: '2', name: 'Bo Berg', reasons: ['name'], ended: true },
        { ...base, id: '3', name: 'Cia Dahl', reasons: ['email', 'name'], ended: false },
      ]),
    ).toEqual([
      'Anna Ek (Habo) finns redan: samma e-postadress.',
      'Bo Berg (Habo, avslutad) finns redan: samma namn hos organisationen.',
      'Cia Dahl (Habo) finns redan: samma namn och e-postadress.',
    ]);
    expect(duplicateLines([])).toEqual([]);
  });

  it('asks with the edited contact left out', () => {
    expect(contactDuplicateInput('o', { name: 'Anna', email: 'a@b.se' }, 'c1')).toEqual({ organisationId: 'o', name: 'Anna', email: 'a@b.se', ignoreId: 'c1' });
    expect(contactDuplicateInput('o', { name: '', email: '' })).toEqual({ organisationId: 'o', name: '', email: '' });
  });
});
