import { describe, expect, it } from 'vitest';
import { commonImportFields, foldHeader, suggestMapping } from '../../../electron/core/imports/column-mapping';

const f = commonImportFields;
const contactFields = [f.municipalityCode, f.organisation, f.orgNumber, f.name, f.title, f.email, f.phone];

describe('suggestMapping', () => {
  it('maps Swedish headers and their synonyms, ignoring case, spaces, punctuation and diacritics', () => {
    const headers = ['KOMMUNNAMN', 'Org.nr', 'Kontaktperson', 'E-post', 'Mobil', 'Befattning', 'Kommun-nr'];
    const s = suggestMapping(headers, contactFields);
    expect(s.mapping).toEqual({ organisation: 0, orgNumber: 1, name: 2, email: 3, phone: 4, title: 5, municipalityCode: 6 });
    expect(s.matches.every((m) => m.confidence === 'exact')).toBe(true);
    expect(s.unmappedColumns).toEqual([]);
    expect(s.unmappedFields).toEqual([]);
  });

  it('accepts the other spellings: Kommun, Organisationsnummer, Epost, Telefon', () => {
    const s = suggestMapping(['Kommun', 'Organisationsnummer', 'Epost', 'Telefon'], contactFields);
    expect(s.mapping).toEqual({ organisation: 0, orgNumber: 1, email: 2, phone: 3 });
    expect(s.unmappedFields).toEqual(['municipalityCode', 'name', 'title']);
  });

  it('gives each field one column and each column one field: the leftmost exact match wins', () => {
    const s = suggestMapping(['Telefon', 'Mobil', 'Organisation', 'Kommun'], contactFields);
    expect(s.mapping.phone).toBe(0);
    expect(s.mapping.organisation).toBe(2);
    expect(s.unmappedColumns).toEqual([1, 3]);
  });

  it('prefers an exact header over one that only contains a synonym, and marks partial matches', () => {
    const s = suggestMapping(['E-postadress arbete', 'Namn', 'e-post'], contactFields);
    expect(s.mapping.email).toBe(2);
    const partial = suggestMapping(['E-postadress arbete', 'Telefon (växel)'], contactFields);
    expect(partial.matches).toEqual([
      { field: 'email', column: 0, header: 'E-postadress arbete', confidence: 'partial' },
      { field: 'phone', column: 1, header: 'Telefon (växel)', confidence: 'partial' },
    ]);
  });

  it('does not match short synonyms inside longer words, nor empty headers', () => {
    const s = suggestMapping(['Kodverk', '', 'Telnummer'], contactFields);
    expect(s.mapping).toEqual({});
    expect(s.unmappedColumns).toEqual([0, 1, 2]);
  });

  it('"Kommunkod" is the code, not the municipality name', () => {
    const s = suggestMapping(['Kommunkod', 'Kommun'], contactFields);
    expect(s.mapping).toEqual({ municipalityCode: 0, organisation: 1 });
  });

  it('folds headers for comparison only', () => {
    expect(foldHeader(' Org.-nr ')).toBe('orgnr');
    expect(foldHeader('Förvaltning/Område')).toBe('forvaltningomrade');
  });
});
