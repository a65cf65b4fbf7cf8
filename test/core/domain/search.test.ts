import { describe, expect, it } from 'vitest';
import { compareSv, identityKey, indexOfSv, rankMatch, searchText } from '../../../electron/core/domain/swedish';
import { listOrganisations } from '../../../electron/core/domain/search';
import { feeTable2020, latestPopulation, municipality, organisation, period, referenceDocument } from '../../fixtures/register/documents';
import type { Organisation } from '../../../electron/core/store/schema';

const matches = (name: string, query: string) => indexOfSv(searchText(name), searchText(query)) >= 0;

describe('Swedish search rule', () => {
  it('ignores case: sävsjö and SÄVSJÖ find Sävsjö', () => {
    expect(matches('Sävsjö', 'sävsjö')).toBe(true);
    expect(matches('Sävsjö', 'SÄVSJÖ')).toBe(true);
  });

  it('lets a query without diacritics find names with them: savsjo finds Sävsjö', () => {
    expect(matches('Sävsjö', 'savsjo')).toBe(true);
    expect(matches('Örebro', 'orebro')).toBe(true);
    expect(matches('Upplands Väsby', 'vasby')).toBe(true);
  });

  it('never folds a letter typed with a diacritic: håbo does not find Habo', () => {
    expect(matches('Habo', 'håbo')).toBe(false);
    expect(matches('Håbo', 'håbo')).toBe(true);
    expect(matches('Habo', 'habo')).toBe(true);
    expect(matches('Håbo', 'habo')).toBe(true);
  });

  it('checks each marked letter on its own: savsjö finds Sävsjö, sävsjo too, but säv does not find Savsjo', () => {
    expect(matches('Sävsjö', 'savsjö')).toBe(true);
    expect(matches('Sävsjö', 'sävsjo')).toBe(true);
    expect(matches('Savsjo', 'säv')).toBe(false);
  });

  it('reads hyphens and runs of spaces as one word break', () => {
    expect(matches('Upplands-Bro', 'upplands bro')).toBe(true);
    expect(matches('Upplands  Väsby', 'upplands väsby')).toBe(true);
  });

  it('finds text typed in decomposed form (NFD) as well', () => {
    expect(matches('Sävsjö', 'Sa\u0308vsjo\u0308')).toBe(true);
  });

  it('ranks exact before exact-without-diacritics before prefix before word before anywhere', () => {
    const q = searchText('habo');
    expect(rankMatch(searchText('Habo'), q)).toBe(0);
    expect(rankMatch(searchText('Håbo'), q)).toBe(1);
    expect(rankMatch(searchText('Habo kommun'), q)).toBe(2);
    expect(rankMatch(searchText('Föreningen Habo'), q)).toBe(3);
    expect(rankMatch(searchText('Nyhabo'), q)).toBe(4);
    expect(rankMatch(searchText('Mora'), q)).toBeUndefined();
  });

  it('sorts with Swedish collation: å, ä, ö after z', () => {
    const names = ['Örebro', 'Zeta', 'Älmhult', 'Åre', 'Avesta', 'Östersund', 'Ängelholm'];
    expect([...names].sort(compareSv)).toEqual(['Avesta', 'Zeta', 'Åre', 'Älmhult', 'Ängelholm', 'Örebro', 'Östersund']);
  });

  it('identity keys ignore case and spacing, never å/ä/ö', () => {
    expect(identityKey('Upplands Väsby')).toBe(identityKey('upplands  väsby'));
    expect(identityKey('Upplands Väsby')).toBe(identityKey('UpplandsVäsby'));
    expect(identityKey('Habo')).not.toBe(identityKey('Håbo'));
    expect(identityKey('Upplands-Bro')).not.toBe(identityKey('Upplands Bro'));
  });
});

describe('member list search and sorting', () => {
  const base = referenceDocument();
  const orgs: Organisation[] = [
    municipality(base, '0643'), // Habo
    municipality(base, '0305'), // Håbo
    municipality(base, '0684'), // Sävsjö
    municipality(base, '1880'), // Örebro
    municipality(base, '2321'), // Åre
    organisation('zink', 'Zinkgruvan Ekonomisk Förening', 'annan'),
    municipality(base, '0180', { archived: true }), // Stockholm, archived
  ];
  const doc = referenceDocument({ organisations: orgs, memberships: [period('kommun-0684', '2019-01-01')], feeTables: [feeTable2020] });

  it('savsjo (typed without diacritics, as the UI test types it) finds Sävsjö', () => {
    expect(listOrganisations(doc, { query: 'savsjo', date: '2022-06-30' }).rows.map((r) => r.name)).toEqual(['Sävsjö']);
  });

  it('sävsjö and SÄVSJÖ find Sävsjö', () => {
    expect(listOrganisations(doc, { query: 'sävsjö', date: '2022-06-30' }).rows.map((r) => r.name)).toEqual(['Sävsjö']);
    expect(listOrganisations(doc, { query: 'SÄVSJÖ', date: '2022-06-30' }).rows.map((r) => r.name)).toEqual(['Sävsjö']);
  });

  it('håbo finds Håbo only; habo lists Habo first and Håbo after it', () => {
    expect(listOrganisations(doc, { query: 'håbo', date: '2022-06-30' }).rows.map((r) => r.name)).toEqual(['Håbo']);
    expect(listOrganisations(doc, { query: 'habo', date: '2022-06-30' }).rows.map((r) => r.name)).toEqual(['Habo', 'Håbo']);
    expect(listOrganisations(doc, { query: 'HABO', date: '2022-06-30' }).rows[0]?.name).toBe('Habo');
  });

  it('sorts by name with Ö after Z, archived hidden by default', () => {
    const names = listOrganisations(doc, { date: '2022-06-30' }).rows.map((r) => r.name);
    expect(names).toEqual(['Habo', 'Håbo', 'Sävsjö', 'Zinkgruvan Ekonomisk Förening', 'Åre', 'Örebro']);
    const desc = listOrganisations(doc, { date: '2022-06-30', sort: { by: 'name', direction: 'desc' } }).rows.map((r) => r.name);
    expect(desc).toEqual([...names].reverse());
  });

  it('lists archived organisations when asked', () => {
    expect(listOrganisations(doc, { date: '2022-06-30', archived: 'archived' }).rows.map((r) => r.name)).toEqual(['Stockholm']);
    expect(listOrganisations(doc, { date: '2022-06-30', archived: 'all' }).count).toBe(7);
  });

  it('finds by organisation number with or without hyphen and by municipality code', () => {
    expect(listOrganisations(doc, { query: '212000-1967', date: '2022-06-30' }).rows.map((r) => r.name)).toEqual([]);
    const withNumber = referenceDocument({ organisations: [municipality(base, '1880', { orgNumber: '212000-1967' })] });
    expect(listOrganisations(withNumber, { query: '2120001967', date: '2022-06-30' }).count).toBe(1);
    expect(listOrganisations(withNumber, { query: '212000-1967', date: '2022-06-30' }).count).toBe(1);
    expect(listOrganisations(withNumber, { query: '1880', date: '2022-06-30' }).count).toBe(1);
  });

  it('derives county name, population, status, and fee for the date year', () => {
    const row = listOrganisations(doc, { query: 'sävsjö', date: '2022-06-30' }).rows[0];
    expect(row).toMatchObject({ countyName: 'Jönköpings län', population: latestPopulation(doc, '0684'), status: 'medlem', servicesUsed: 0 });
    // 11 563 inhabitants: band 7 000–14 999, 10 000 kr.
    expect(row?.feeOre).toBe(10_000_00);
    expect(listOrganisations(doc, { query: 'habo', date: '2022-06-30' }).rows[0]?.feeOre).toBeUndefined();
  });
});
