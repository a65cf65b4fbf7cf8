import { describe, expect, it } from 'vitest';
import { coverageAt } from '../../../electron/core/domain/coverage';
import { contact, municipality, organisation, period, referenceDocument } from '../../fixtures/register/documents';

describe('contact coverage', () => {
  const base = referenceDocument();
  const habo = municipality(base, '0643');
  const savsjo = municipality(base, '0684');
  const orebro = municipality(base, '1880'); // not a member
  const group = organisation('grp', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [savsjo.id] });
  const doc = referenceDocument({
    organisations: [habo, savsjo, orebro, group],
    memberships: [period(habo.id, '2015-01-01'), period(group.id, '2020-01-01')],
    contacts: [
      contact('c1', habo.id, 'Anna Alm', { businessAreas: ['skola', 'trafik'], confirmedAt: '2021-04-28' }),
      contact('c2', habo.id, 'Bo Berg', { businessAreas: ['fastighet'], confirmedAt: '2021-04-27' }),
      contact('c3', habo.id, 'Cecilia Ek', { businessAreas: ['stod-och-bistand'], endedAt: '2022-04-27', confirmedAt: '2022-01-01' }),
      contact('c4', savsjo.id, 'Dan Dahl', { businessAreas: ['skola', 'stod-och-bistand', 'kultur-och-delaktighet', 'trafik', 'fastighet'], confirmedAt: '2022-04-01' }),
      contact('c5', orebro.id, 'Eva Ek', { businessAreas: ['skola'] }),
    ],
  });
  const model = coverageAt(doc, '2022-04-28');
  const row = (id: string) => model.rows.find((r) => r.organisationId === id);

  it('has one row per member at the date, groups and their municipalities included, by name', () => {
    expect(model.rows.map((r) => r.name)).toEqual(['Habo', 'Höglandsförbundet', 'Sävsjö']);
    expect(model.areas.map((a) => a.label)).toEqual(['Skola', 'Stöd och bistånd', 'Kultur och delaktighet', 'Trafik', 'Fastighet']);
  });

  it('lists the business areas without an active contact (an ended contact does not count)', () => {
    expect(row(habo.id)?.missingAreas).toEqual(['stod-och-bistand', 'kultur-och-delaktighet']);
    expect(row(savsjo.id)?.missingAreas).toEqual([]);
    expect(row(group.id)?.missingAreas).toHaveLength(5);
    expect(row(habo.id)?.cells.find((c) => c.area === 'skola')?.contacts.map((c) => c.name)).toEqual(['Anna Alm']);
  });

  it('flags contacts not confirmed within the last 12 months (exactly 12 months back is still current)', () => {
    expect(model.confirmedSince).toBe('2021-04-28');
    expect(row(habo.id)?.staleContacts.map((c) => c.name)).toEqual(['Bo Berg']);
    expect(row(habo.id)?.cells.find((c) => c.area === 'skola')?.contacts[0]?.stale).toBe(false);
  });

  it('adds up per area and overall', () => {
    expect(model.totals).toEqual({
      members: 3,
      fullyCovered: 1,
      membersMissingAny: 2,
      missingByArea: { skola: 1, 'stod-och-bistand': 2, 'kultur-och-delaktighet': 2, trafik: 1, fastighet: 1 },
      staleContacts: 1,
      membersWithStale: 1,
    });
  });

  it('moves with the date: the ended contact still covers its area the day it ended', () => {
    expect(coverageAt(doc, '2022-04-27').rows.find((r) => r.organisationId === habo.id)?.missingAreas).toEqual(['kultur-och-delaktighet']);
  });
});
