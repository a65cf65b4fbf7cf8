import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  bandFor,
  feeForOrganisation,
  feeTableFor,
  feeTableIssues,
  membershipFeesForYear,
  roundToKronor,
} from '../../../electron/core/domain/fees';
import type { FeeTable, Membership, Organisation } from '../../../electron/core/store/schema';
import { feeTable2020, municipality, organisation, period, referenceDocument, withPopulations } from '../../fixtures/register/documents';

const kr = (kronor: number) => kronor * 100;

describe('fee bands', () => {
  it.each([
    [0, 0, 5_000],
    [6_999, 0, 5_000],
    [7_000, 7_000, 10_000],
    [14_999, 7_000, 10_000],
    [15_000, 15_000, 25_000],
    [24_999, 15_000, 25_000],
    [25_000, 25_000, 35_000],
    [49_999, 25_000, 35_000],
    [50_000, 50_000, 50_000],
    [99_999, 50_000, 50_000],
    [100_000, 100_000, 65_000],
    [149_999, 100_000, 65_000],
    [150_000, 150_000, 80_000],
    [1_000_000, 150_000, 80_000],
  ])('a population of %i falls in the band from %i (%i kr a year)', (population, min, yearlyKr) => {
    const band = bandFor(feeTable2020, population);
    expect(band.minPopulation).toBe(min);
    expect(band.yearlyFeeOre).toBe(kr(yearlyKr));
  });

  it('labels bands with their inclusive bounds', () => {
    expect(bandFor(feeTable2020, 7_000).label).toMatch(/^7\s000–14\s999 invånare$/);
    expect(bandFor(feeTable2020, 10).label).toMatch(/^under 7\s000 invånare$/);
    expect(bandFor(feeTable2020, 150_000).label).toMatch(/^150\s000 invånare och fler$/);
  });

  it('applies the band edge to a municipality through the reference population', () => {
    const base = withPopulations(referenceDocument(), { '0643': 6_999, '0684': 7_000, '0686': 150_000 });
    const orgs = [municipality(base, '0643'), municipality(base, '0684'), municipality(base, '0686')];
    const doc = { ...base, organisations: orgs, memberships: orgs.map((o) => period(o.id, '2010-01-01')), feeTables: [feeTable2020] };
    expect(feeForOrganisation(doc, 'kommun-0643', 2022)?.totalOre).toBe(kr(5_000));
    expect(feeForOrganisation(doc, 'kommun-0684', 2022)?.totalOre).toBe(kr(10_000));
    expect(feeForOrganisation(doc, 'kommun-0686', 2022)?.totalOre).toBe(kr(80_000));
  });
});

describe('fee tables', () => {
  const later: FeeTable = { ...feeTable2020, year: 2023, otherOrganisations: { entryFeeOre: kr(6_000), yearlyFeeOre: kr(30_000) } };

  it('applies a table from its year until a later table', () => {
    expect(feeTableFor([later, feeTable2020], 2019)).toBeUndefined();
    expect(feeTableFor([later, feeTable2020], 2020)?.year).toBe(2020);
    expect(feeTableFor([later, feeTable2020], 2022)?.year).toBe(2020);
    expect(feeTableFor([later, feeTable2020], 2023)?.year).toBe(2023);
    expect(feeTableFor([later, feeTable2020], 2030)?.year).toBe(2023);
  });

  it('refuses to compute a year before the first table, in Swedish', () => {
    const doc = referenceDocument({ feeTables: [feeTable2020] });
    expect(() => membershipFeesForYear(doc, 2019)).toThrow(AppError);
    expect(() => membershipFeesForYear(doc, 2019)).toThrow(/ingen avgiftstabell för 2019/);
  });

  it('finds tables that cannot be applied', () => {
    expect(feeTableIssues(feeTable2020)).toEqual([]);
    const noZero = { ...feeTable2020, bands: feeTable2020.bands.slice(1) };
    expect(feeTableIssues(noZero)[0]).toMatchObject({ path: ['bands', 0, 'minPopulation'] });
    const unordered = { ...feeTable2020, bands: [feeTable2020.bands[0]!, feeTable2020.bands[2]!, feeTable2020.bands[1]!] };
    expect(feeTableIssues(unordered)[0]?.message).toMatch(/stigande ordning/);
  });
});

describe('first-year fee and entry fee', () => {
  // Sävsjö set to 10 000 inhabitants: 10 000 kr a year, 5 000 kr entry fee.
  const base = withPopulations(referenceDocument(), { '0684': 10_000 });
  const savsjo = municipality(base, '0684');
  const feeFor = (memberships: Membership[], year = 2022) =>
    feeForOrganisation({ ...base, organisations: [savsjo], memberships, feeTables: [feeTable2020] }, savsjo.id, year);

  it.each([
    [1, 11, 9_167],
    [2, 10, 8_333],
    [3, 9, 7_500],
    [4, 8, 6_667],
    [5, 7, 5_833],
    [6, 6, 5_000],
    [7, 5, 4_167],
    [8, 4, 3_333],
    [9, 3, 2_500],
    [10, 2, 1_667],
    [11, 1, 833],
    [12, 0, 0],
  ])('joining in month %i charges %i/12 of the yearly fee: %i kr, plus the 5 000 kr entry fee', (month, months, yearlyKr) => {
    const joined = `2022-${String(month).padStart(2, '0')}-15`;
    const fee = feeFor([period(savsjo.id, joined)]);
    expect(fee).toMatchObject({ months, chargedYearlyFeeOre: kr(yearlyKr), entryFeeOre: kr(5_000), totalOre: kr(yearlyKr + 5_000) });
  });

  it('counts from the month after joining even when joining on the first of January', () => {
    expect(feeFor([period(savsjo.id, '2022-01-01')])?.months).toBe(11);
  });

  it('charges the full fee, and no entry fee, the year after joining and while leaving', () => {
    expect(feeFor([period(savsjo.id, '2022-12-01')], 2023)).toMatchObject({ months: 12, chargedYearlyFeeOre: kr(10_000), entryFeeOre: 0 });
    expect(feeFor([period(savsjo.id, '2015-01-01', { left: '2022-01-01' })])).toMatchObject({ months: 12, totalOre: kr(10_000) });
    expect(feeFor([period(savsjo.id, '2015-01-01', { left: '2021-12-31' })])).toBeUndefined();
  });

  it('charges a re-joining member 50 % of the entry fee and prorates the year', () => {
    const fee = feeFor([period(savsjo.id, '2015-01-01', { left: '2019-12-31' }), period(savsjo.id, '2022-03-10')]);
    expect(fee).toMatchObject({ months: 9, chargedYearlyFeeOre: kr(7_500), entryFeeOre: kr(2_500), totalOre: kr(10_000) });
    expect(fee?.entryFees).toEqual([{ periodId: expect.any(String), joined: '2022-03-10', rejoin: true, ordinaryOre: kr(5_000), chargedOre: kr(2_500) }]);
    expect(fee?.explanation.join('\n')).toMatch(/Återinträde 2022-03-10: medlemsinsats 50 % av 5\s000\skr = 2\s500\skr/);
  });

  it('charges the full year when a member leaves and re-joins in the same year, plus the re-join entry fee', () => {
    const fee = feeFor([period(savsjo.id, '2018-01-01', { left: '2022-03-31' }), period(savsjo.id, '2022-09-01')]);
    expect(fee).toMatchObject({ months: 12, chargedYearlyFeeOre: kr(10_000), entryFeeOre: kr(2_500), totalOre: kr(12_500) });
  });

  it('rounds to whole kronor, half a krona up', () => {
    expect(roundToKronor(150)).toBe(200);
    expect(roundToKronor(149)).toBe(100);
    const odd: FeeTable = { ...feeTable2020, bands: [{ minPopulation: 0, entryFeeOre: 300, yearlyFeeOre: 1_800 }], rejoinEntryFeePercent: 50 };
    const doc = { ...base, organisations: [savsjo], memberships: [period(savsjo.id, '2010-01-01', { left: '2010-12-31' }), period(savsjo.id, '2022-11-02')], feeTables: [odd] };
    // 1/12 of 18 kr is 1,50 kr -> 2 kr; half of the 3 kr entry fee is 1,50 kr -> 2 kr.
    expect(feeForOrganisation(doc, savsjo.id, 2022)).toMatchObject({ chargedYearlyFeeOre: 200, entryFeeOre: 200 });
  });

  it('explains the fee in Swedish: population, band, months, entry fee', () => {
    const lines = feeFor([period(savsjo.id, '2022-04-20')])?.explanation ?? [];
    expect(lines[0]).toMatch(/^10\s000 invånare \(folkmängd 2021-12-31\): avgiftsklass 7\s000–14\s999 invånare, årsavgift 10\s000\skr\.$/);
    expect(lines.join('\n')).toMatch(/Inträde 2022-04-20: årsavgiften räknas från månaden efter inträdet, 8\/12 av 10\s000\skr = 6\s667\skr/);
    expect(lines.join('\n')).toMatch(/Medlemsinsats \(inträdesavgift\) vid inträdet 2022-04-20: 5\s000\skr/);
    expect(lines[lines.length - 1]).toMatch(/Att betala för 2022: 11\s667\skr\./);
  });
});

describe('groups and other organisations', () => {
  const base = withPopulations(referenceDocument(), { '0684': 10_000, '0686': 6_000, '0980': 60_000 });
  const savsjo = municipality(base, '0684');
  const eksjo = municipality(base, '0686');
  const group = organisation('hogland', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [savsjo.id, eksjo.id] });
  const emptyGroup = organisation('tom', 'Tom nämnd', 'gemensam-namnd');
  const region = organisation('region', 'Region Jönköpings län', 'region', { countyCode: '06', population: 370_000 });
  const other = organisation('annan', 'Inera AB', 'annan');
  const gotland = municipality(base, '0980', { id: 'gotland', kind: 'region', name: 'Region Gotland' });
  const orgs: Organisation[] = [savsjo, eksjo, group, emptyGroup, region, other, gotland];
  const doc = {
    ...base,
    organisations: orgs,
    memberships: [
      period(group.id, '2020-01-01'),
      period(eksjo.id, '2021-01-01'), // also a member on its own
      period(emptyGroup.id, '2020-01-01'),
      period(region.id, '2022-07-01'),
      period(other.id, '2019-01-01'),
      period(gotland.id, '2019-01-01'),
    ],
    feeTables: [feeTable2020],
  };
  const fees = membershipFeesForYear(doc, 2022);
  const row = (id: string) => fees.rows.find((r) => r.organisationId === id);

  it('invoices a group once, banded on its municipalities combined population', () => {
    // 10 000 + 6 000 = 16 000 inhabitants: band 15 000–24 999, 25 000 kr.
    expect(row(group.id)).toMatchObject({ basis: 'grupp', population: 16_000, yearlyFeeOre: kr(25_000), totalOre: kr(25_000) });
    expect(row(group.id)?.explanation[0]).toMatch(/gruppens 2 kommuner har tillsammans 16\s000 invånare/);
  });

  it('charges nothing to a municipality that is a member only through its group', () => {
    expect(row(savsjo.id)).toBeUndefined();
  });

  it('charges a municipality in a group that is also a member on its own its own fee', () => {
    expect(row(eksjo.id)).toMatchObject({ basis: 'band', totalOre: kr(5_000) });
  });

  it('charges a group with no listed municipality, a region and other bodies the other-organisations fee', () => {
    expect(row(emptyGroup.id)).toMatchObject({ basis: 'ovrig', totalOre: kr(25_000) });
    expect(row(other.id)).toMatchObject({ basis: 'ovrig', totalOre: kr(25_000) });
    // Joined 1 July: 5/12 of 25 000 kr = 10 417 kr, plus 5 000 kr entry fee.
    expect(row(region.id)).toMatchObject({ basis: 'ovrig', months: 5, chargedYearlyFeeOre: kr(10_417), entryFeeOre: kr(5_000) });
  });

  it('bands a region that is also a municipality (Gotland) by its population', () => {
    expect(row(gotland.id)).toMatchObject({ basis: 'band', population: 60_000, totalOre: kr(50_000) });
  });

  it('adds up the rows into the total, sorted by name', () => {
    expect(fees.rows.map((r) => r.name)).toEqual(['Eksjö', 'Höglandsförbundet', 'Inera AB', 'Region Gotland', 'Region Jönköpings län', 'Tom nämnd']);
    expect(fees.totalOre).toBe(kr(5_000 + 25_000 + 25_000 + 50_000 + 10_417 + 5_000 + 25_000));
    expect(fees.yearlyOre + fees.entryOre).toBe(fees.totalOre);
    expect(fees.tableYear).toBe(2020);
  });
});
