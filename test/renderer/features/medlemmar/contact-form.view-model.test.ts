import { describe, expect, it } from 'vitest';
import { contactRows } from '../../../../electron/core/domain/contacts';
import {
  areaOrder,
  contactCreateInput,
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
