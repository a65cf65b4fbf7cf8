/**
 * The fee rules at their edges: which of several tables applies, tables with few or no bands, unsorted bands,
 * rounding at half a krona, several periods in one year, groups whose municipalities are missing, and the
 * Swedish explanation of each kind of payer. Amounts are exact, in öre.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  bandChoices,
  bandFor,
  bandLabel,
  feeForOrganisation,
  feesByOrganisation,
  feeTableFor,
  membershipFeesForYear,
  roundToKronor,
  sortedBands,
} from '../../../electron/core/domain/fees';
import type { FeeTable, Membership, Organisation } from '../../../electron/core/store/schema';
import { feeTable2020, municipality, organisation, period, referenceDocument, withPopulations } from '../../fixtures/register/documents';

const kr = (kronor: number) => kronor * 100;

const table = (year: number, yearlyKr: number, extra: Partial<FeeTable> = {}): FeeTable => ({
  ...feeTable2020,
  year,
  bands: [{ minPopulation: 0, entryFeeOre: kr(1_000), yearlyFeeOre: kr(yearlyKr) }],
  ...extra,
});

describe('choosing the fee table', () => {
  const t2020 = table(2020, 1_000);
  const t2022 = table(2022, 2_000);
  const t2025 = table(2025, 3_000);

  it('takes the latest table at or before the year, whatever order the tables are stored in', () => {
    for (const tables of [[t2020, t2022, t2025], [t2025, t2022, t2020], [t2022, t2025, t2020]]) {
      expect(feeTableFor(tables, 2019)).toBeUndefined();
      expect(feeTableFor(tables, 2020)).toBe(t2020);
      expect(feeTableFor(tables, 2021)).toBe(t2020);
      expect(feeTableFor(tables, 2022)).toBe(t2022);
      expect(feeTableFor(tables, 2024)).toBe(t2022);
      expect(feeTableFor(tables, 2025)).toBe(t2025);
      expect(feeTableFor(tables, 2040)).toBe(t2025);
    }
  });

  it('has no table without tables', () => {
    expect(feeTableFor([], 2022)).toBeUndefined();
  });

  it('charges each year under its own table when a new table starts', () => {
    const base = withPopulations(referenceDocument(), { '0684': 10_000 });
    const savsjo = municipality(base, '0684');
    const doc = { ...base, organisations: [savsjo], memberships: [period(savsjo.id, '2010-01-01')], feeTables: [t2025, t2020, t2022] };
    expect(feeForOrganisation(doc, savsjo.id, 2021)).toMatchObject({ tableYear: 2020, totalOre: kr(1_000) });
    expect(feeForOrganisation(doc, savsjo.id, 2022)).toMatchObject({ tableYear: 2022, totalOre: kr(2_000) });
    expect(feeForOrganisation(doc, savsjo.id, 2026)).toMatchObject({ tableYear: 2025, totalOre: kr(3_000) });
    expect(membershipFeesForYear(doc, 2024)).toMatchObject({ year: 2024, tableYear: 2022, totalOre: kr(2_000) });
    expect(feeForOrganisation(doc, savsjo.id, 2019)).toBeUndefined();
    expect(feesByOrganisation(doc, 2019).size).toBe(0);
    // The year field is named, so the screen can mark it.
    let refusal: AppError | undefined;
    try {
      membershipFeesForYear(doc, 2019);
    } catch (e) {
      refusal = e as AppError;
    }
    expect(refusal).toMatchObject({ code: 'not-found', field: 'year' });
  });

  it('carries the band a municipality was charged by', () => {
    const base = withPopulations(referenceDocument(), { '0684': 10_000 });
    const savsjo = municipality(base, '0684');
    const doc = { ...base, organisations: [savsjo], memberships: [period(savsjo.id, '2010-01-01')], feeTables: [feeTable2020] };
    expect(feeForOrganisation(doc, savsjo.id, 2022)?.band).toMatchObject({ index: 1, minPopulation: 7_000, maxPopulation: 14_999, yearlyFeeOre: kr(10_000) });
  });
});

describe('bands', () => {
  const unsorted: FeeTable = {
    ...feeTable2020,
    bands: [
      { minPopulation: 20_000, entryFeeOre: kr(300), yearlyFeeOre: kr(3_000) },
      { minPopulation: 0, entryFeeOre: kr(100), yearlyFeeOre: kr(1_000) },
      { minPopulation: 10_000, entryFeeOre: kr(200), yearlyFeeOre: kr(2_000) },
    ],
  };

  it('sorts bands by population without changing the stored table', () => {
    expect(sortedBands(unsorted).map((b) => b.minPopulation)).toEqual([0, 10_000, 20_000]);
    expect(unsorted.bands.map((b) => b.minPopulation)).toEqual([20_000, 0, 10_000]);
  });

  it('gives each band its index, bounds, fees and label', () => {
    expect(bandChoices(unsorted)).toEqual([
      { index: 0, minPopulation: 0, maxPopulation: 9_999, entryFeeOre: kr(100), yearlyFeeOre: kr(1_000), label: expect.stringMatching(/^under 10\s000 invånare$/) },
      { index: 1, minPopulation: 10_000, maxPopulation: 19_999, entryFeeOre: kr(200), yearlyFeeOre: kr(2_000), label: expect.stringMatching(/^10\s000–19\s999 invånare$/) },
      { index: 2, minPopulation: 20_000, entryFeeOre: kr(300), yearlyFeeOre: kr(3_000), label: expect.stringMatching(/^20\s000 invånare och fler$/) },
    ]);
    expect(bandChoices(unsorted)[2]).not.toHaveProperty('maxPopulation');
  });

  it.each([
    [0, 1_000],
    [9_999, 1_000],
    [10_000, 2_000],
    [19_999, 2_000],
    [20_000, 3_000],
  ])('puts %i inhabitants in the band of %i kr even when the bands are stored out of order', (population, yearlyKr) => {
    expect(bandFor(unsorted, population).yearlyFeeOre).toBe(kr(yearlyKr));
  });

  it('puts a population below the first band in the first band', () => {
    const noZero: FeeTable = { ...feeTable2020, bands: [{ minPopulation: 5_000, entryFeeOre: 0, yearlyFeeOre: kr(700) }, { minPopulation: 9_000, entryFeeOre: 0, yearlyFeeOre: kr(900) }] };
    expect(bandFor(noZero, 10).yearlyFeeOre).toBe(kr(700));
  });

  it('bands every population alike in a table with a single band', () => {
    const single = table(2020, 4_000);
    expect(bandChoices(single)).toHaveLength(1);
    expect(bandFor(single, 0).label).toBe('0 invånare och fler');
    expect(bandFor(single, 2_000_000)).toMatchObject({ index: 0, yearlyFeeOre: kr(4_000) });
  });

  it('refuses, in Swedish, to band a population in a table with no bands', () => {
    const empty: FeeTable = { ...feeTable2020, bands: [] };
    expect(() => bandFor(empty, 10_000)).toThrow(AppError);
    expect(() => bandFor(empty, 10_000)).toThrow('Avgiftstabellen saknar avgiftsklasser.');
    try {
      bandFor(empty, 10_000);
    } catch (e) {
      expect((e as AppError).code).toBe('validation');
    }
  });

  it('still charges other organisations under a table with no bands, and refuses a municipality', () => {
    const base = withPopulations(referenceDocument(), { '0684': 10_000 });
    const savsjo = municipality(base, '0684');
    const inera = organisation('inera', 'Inera AB', 'annan');
    const empty: FeeTable = { ...feeTable2020, bands: [] };
    const doc = { ...base, organisations: [inera], memberships: [period(inera.id, '2015-01-01')], feeTables: [empty] };
    expect(feeForOrganisation(doc, inera.id, 2022)).toMatchObject({ basis: 'ovrig', totalOre: kr(25_000) });
    const withMunicipality = { ...doc, organisations: [inera, savsjo], memberships: [...doc.memberships, period(savsjo.id, '2015-01-01')] };
    expect(() => feeForOrganisation(withMunicipality, savsjo.id, 2022)).toThrow('Avgiftstabellen saknar avgiftsklasser.');
  });

  it('labels bands in Swedish with inclusive bounds', () => {
    expect(bandLabel(0, 7_000)).toMatch(/^under 7\s000 invånare$/);
    expect(bandLabel(7_000, 15_000)).toMatch(/^7\s000–14\s999 invånare$/);
    expect(bandLabel(1, 2)).toBe('1–1 invånare');
    expect(bandLabel(150_000, undefined)).toMatch(/^150\s000 invånare och fler$/);
    expect(bandLabel(0, undefined)).toBe('0 invånare och fler');
  });
});

describe('rounding to whole kronor', () => {
  it.each([
    [0, 0],
    [49, 0],
    [50, 100],
    [149, 100],
    [150, 200],
    [250, 300],
    [1_234_549, 1_234_500],
    [1_234_550, 1_234_600],
  ])('rounds %i öre to %i öre', (ore, rounded) => {
    expect(roundToKronor(ore)).toBe(rounded);
  });
});

describe('several periods in a year', () => {
  const base = withPopulations(referenceDocument(), { '0684': 10_000 });
  const savsjo = municipality(base, '0684');
  const feeFor = (memberships: Membership[], year = 2022) =>
    feeForOrganisation({ ...base, organisations: [savsjo], memberships, feeTables: [feeTable2020] }, savsjo.id, year);

  it('prorates from the first joining of the year when a new member leaves and re-joins in it', () => {
    // Joined 10 March (9/12 of 10 000 kr = 7 500 kr), left in May, re-joined in October: first entry fee 5 000 kr, re-join 2 500 kr.
    const fee = feeFor([period(savsjo.id, '2022-10-01'), period(savsjo.id, '2022-03-10', { left: '2022-05-31' })]);
    expect(fee).toMatchObject({ months: 9, chargedYearlyFeeOre: kr(7_500), entryFeeOre: kr(7_500), totalOre: kr(15_000) });
    expect(fee?.entryFees.map((e) => [e.joined, e.rejoin, e.chargedOre])).toEqual([
      ['2022-03-10', false, kr(5_000)],
      ['2022-10-01', true, kr(2_500)],
    ]);
  });

  it('charges a period that ended before the year nothing, and one starting after it nothing', () => {
    expect(feeFor([period(savsjo.id, '2023-01-01')])).toBeUndefined();
    expect(feeFor([period(savsjo.id, '2010-01-01', { left: '2021-12-31' }), period(savsjo.id, '2023-01-01')])).toBeUndefined();
  });

  it('charges a period that starts on 31 December and one that ends on 1 January', () => {
    expect(feeFor([period(savsjo.id, '2022-12-31')])).toMatchObject({ months: 0, chargedYearlyFeeOre: 0, entryFeeOre: kr(5_000) });
    expect(feeFor([period(savsjo.id, '2010-06-01', { left: '2022-01-01' })])).toMatchObject({ months: 12, chargedYearlyFeeOre: kr(10_000), entryFeeOre: 0 });
  });

  it('counts a membership that starts on 1 January of the year as joining in it', () => {
    expect(feeFor([period(savsjo.id, '2022-01-01')])).toMatchObject({ months: 11, entryFeeOre: kr(5_000) });
    expect(feeFor([period(savsjo.id, '2021-12-31')])).toMatchObject({ months: 12, entryFeeOre: 0 });
  });

  it('rounds a re-join entry fee at another percentage to whole kronor', () => {
    const odd: FeeTable = { ...feeTable2020, rejoinEntryFeePercent: 33 };
    const doc = { ...base, organisations: [savsjo], memberships: [period(savsjo.id, '2010-01-01', { left: '2015-12-31' }), period(savsjo.id, '2022-12-05')], feeTables: [odd] };
    // 33 % of 5 000 kr is 1 650 kr exactly; 33 % of 5 001,50 kr would be 1 650,495 kr.
    expect(feeForOrganisation(doc, savsjo.id, 2022)?.entryFees[0]).toMatchObject({ rejoin: true, ordinaryOre: kr(5_000), chargedOre: kr(1_650) });
    const uneven: FeeTable = { ...odd, bands: [{ minPopulation: 0, entryFeeOre: 500_150, yearlyFeeOre: 0 }] };
    expect(feeForOrganisation({ ...doc, feeTables: [uneven] }, savsjo.id, 2022)?.entryFees[0]?.chargedOre).toBe(165_000);
  });
});

describe('who pays and what the explanation says', () => {
  const base = withPopulations(referenceDocument(), { '0684': 10_000, '0686': 6_000 });
  const savsjo = municipality(base, '0684', { orgNumber: '212000-0548' });
  const eksjo = municipality(base, '0686');
  const group = organisation('hogland', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [savsjo.id, eksjo.id, 'borttagen', savsjo.id] });
  const inera = organisation('inera', 'Inera AB', 'annan');
  const orgs: Organisation[] = [savsjo, eksjo, group, inera];
  const doc = {
    ...base,
    organisations: orgs,
    memberships: [period(group.id, '2019-01-01'), period(savsjo.id, '2018-05-01'), period(inera.id, '2016-01-01')],
    feeTables: [feeTable2020],
  };

  it('carries the organisation number when there is one, and leaves it out otherwise', () => {
    expect(feeForOrganisation(doc, savsjo.id, 2022)).toMatchObject({ orgNumber: '212000-0548', name: 'Sävsjö', kind: 'kommun', kindLabel: 'Kommun' });
    expect(feeForOrganisation(doc, inera.id, 2022)).not.toHaveProperty('orgNumber');
  });

  it('gives no fee for an organisation that is not in the register', () => {
    expect(feeForOrganisation(doc, 'finns-inte', 2022)).toBeUndefined();
  });

  it('bands a group on the municipalities it lists that exist, each once, skipping a removed one', () => {
    const row = feeForOrganisation(doc, group.id, 2022);
    expect(row).toMatchObject({ basis: 'grupp', population: 16_000, yearlyFeeOre: kr(25_000), populationDates: ['2021-12-31'], populationText: 'folkmängd 2021-12-31', groupRuleUnconfirmed: true });
    expect(row?.explanation[0]).toMatch(
      /^Kommunalförbund som är medlem som grupp: gruppens 2 kommuner har tillsammans 16\s000 invånare \(folkmängd 2021-12-31\), avgiftsklass 15\s000–24\s999 invånare, årsavgift 25\s000\skr\. Kommunerna betalar ingen egen avgift för gruppens medlemskap\. Regeln för gruppers avgift är inte beslutad \(att bekräfta\)\.$/,
    );
  });

  it('says the decided rule for a group banded under a confirmed rule', () => {
    const confirmed: FeeTable = { ...feeTable2020, groupRule: { basis: 'combined-population', status: 'bekraftad', decision: 'styrelsen 2021-05-01' } };
    const row = feeForOrganisation({ ...doc, feeTables: [confirmed] }, group.id, 2022);
    expect(row).toMatchObject({ basis: 'grupp', groupRuleUnconfirmed: false });
    expect(row?.explanation[0]).toMatch(/Regeln för gruppers avgift enligt beslut: styrelsen 2021-05-01\.$/);
  });

  it('explains a full year for a member since before the year, and for other organisations', () => {
    const own = feeForOrganisation(doc, savsjo.id, 2022);
    expect(own).toMatchObject({ basis: 'band', months: 12, entryFees: [], entryFeeOre: 0, totalOre: kr(10_000) });
    expect(own?.explanation).toEqual([
      expect.stringMatching(/^10\s000 invånare \(folkmängd 2021-12-31\): avgiftsklass 7\s000–14\s999 invånare, årsavgift 10\s000\skr\.$/),
      'Avgiftstabell från 2020; folkmängden 2021-12-31 avgör avgiften för 2022.',
      expect.stringMatching(/^Medlem sedan före 2022: hel årsavgift 10\s000\skr\.$/),
      expect.stringMatching(/^Att betala för 2022: 10\s000\skr\.$/),
    ]);
    const other = feeForOrganisation(doc, inera.id, 2022);
    expect(other).not.toHaveProperty('groupRuleUnconfirmed');
    expect(other).not.toHaveProperty('population');
    expect(other).not.toHaveProperty('band');
    expect(other).not.toHaveProperty('populationText');
    expect(other?.explanation[0]).toMatch(/^Övrig organisation \(annan organisation\): årsavgift 25\s000\skr\.$/);
  });

  it('explains a group without municipalities as paying the other-organisations fee, with the rule', () => {
    const empty = organisation('tom', 'Tom nämnd', 'gemensam-namnd');
    const d = { ...doc, organisations: [...orgs, empty], memberships: [...doc.memberships, period(empty.id, '2016-01-01')] };
    const row = feeForOrganisation(d, empty.id, 2022);
    expect(row).toMatchObject({ basis: 'ovrig', totalOre: kr(25_000) });
    expect(row).not.toHaveProperty('groupRuleUnconfirmed');
    expect(row?.explanation[0]).toMatch(/^Övrig organisation \(gemensam nämnd\): årsavgift 25\s000\skr\.$/);
  });

  it('charges a group listing only removed municipalities as another organisation, not on a population of 0', () => {
    const orphaned = organisation('forvaist', 'Gamla förbundet', 'kommunalforbund', { groupMemberIds: ['borttagen', 'aven-borttagen'] });
    const d = { ...doc, organisations: [...orgs, orphaned], memberships: [...doc.memberships, period(orphaned.id, '2016-01-01')] };
    const row = feeForOrganisation(d, orphaned.id, 2022);
    expect(row).toMatchObject({ basis: 'ovrig', yearlyFeeOre: kr(25_000), totalOre: kr(25_000) });
    expect(row).not.toHaveProperty('population');
    expect(row).not.toHaveProperty('band');
    expect(row).not.toHaveProperty('groupRuleUnconfirmed');
    expect(row?.explanation[0]).toMatch(/^Övrig organisation \(kommunalförbund\): årsavgift 25\s000\skr\.$/);
  });

  it('dates a group’s population only by the municipalities with a count, and says so when none has one', () => {
    const region = organisation('region', 'Region Jönköpings län', 'region', { population: 300_000 });
    const mixed = organisation('blandad', 'Blandade nämnden', 'gemensam-namnd', { groupMemberIds: [savsjo.id, eksjo.id, region.id] });
    // Eksjö has no population figure at all: it adds nothing and no date, and is not named as missing a year.
    const noEksjo = { ...doc.reference, populations: doc.reference.populations.filter((p) => p.code !== '0686') };
    const d = { ...doc, reference: noEksjo, organisations: [...orgs, region, mixed], memberships: [period(mixed.id, '2016-01-01')] };
    expect(feeForOrganisation(d, mixed.id, 2022)).toMatchObject({
      basis: 'grupp',
      population: 310_000,
      yearlyFeeOre: kr(80_000),
      populationDates: ['2021-12-31'],
      populationText: 'folkmängd 2021-12-31',
    });
    const onlyEksjo = organisation('ensam', 'Eksjö nämnd', 'gemensam-namnd', { groupMemberIds: [eksjo.id] });
    const d2 = { ...d, organisations: [...d.organisations, onlyEksjo], memberships: [period(onlyEksjo.id, '2016-01-01')] };
    expect(feeForOrganisation(d2, onlyEksjo.id, 2022)).toMatchObject({ basis: 'grupp', population: 0, populationDates: [], populationText: 'folkmängd 2021-12-31 saknas' });
  });

  it('explains a group charged as another organisation under that rule, naming the decision', () => {
    const asOther: FeeTable = { ...feeTable2020, groupRule: { basis: 'other-organisations', status: 'bekraftad', decision: 'årsmötet 2021' } };
    const row = feeForOrganisation({ ...doc, feeTables: [asOther] }, group.id, 2022);
    expect(row).toMatchObject({ basis: 'ovrig', yearlyFeeOre: kr(25_000), groupRuleUnconfirmed: false });
    expect(row).not.toHaveProperty('population');
    expect(row?.explanation[0]).toMatch(/^Kommunalförbund som är medlem som grupp, avgift som övrig organisation: årsavgift 25\s000\skr\. Regeln för gruppers avgift enligt beslut: årsmötet 2021\.$/);
    const unconfirmed: FeeTable = { ...asOther, groupRule: { ...asOther.groupRule, status: 'att-bekrafta' } };
    expect(feeForOrganisation({ ...doc, feeTables: [unconfirmed] }, group.id, 2022)?.explanation[0]).toMatch(/avgift som övrig organisation: årsavgift 25\s000\skr\. Regeln för gruppers avgift är inte beslutad \(att bekräfta\)\.$/);
  });

  it('explains a «före» period as a full year without entry fee', () => {
    const d = { ...doc, memberships: [period(savsjo.id, '2022-06-01', { startKnown: 'before' })] };
    const row = feeForOrganisation(d, savsjo.id, 2022);
    expect(row).toMatchObject({ months: 12, chargedYearlyFeeOre: kr(10_000), entryFeeOre: 0 });
    expect(row?.explanation[2]).toMatch(/^Medlem sedan före 2022-06-01 \(inträdesdatum okänt\): hel årsavgift 10\s000\skr, ingen medlemsinsats\.$/);
  });

  it('leaves the explanation out when asked for amounts only, with the same amounts', () => {
    const quiet = feesByOrganisation(doc, 2022, { explain: false });
    const loud = feesByOrganisation(doc, 2022);
    expect([...quiet.keys()].sort()).toEqual([group.id, inera.id, savsjo.id].sort());
    for (const [id, row] of quiet) {
      expect(row.explanation).toEqual([]);
      expect(row.totalOre).toBe(loud.get(id)?.totalOre);
      expect(loud.get(id)?.explanation.length).toBeGreaterThan(2);
    }
  });

  it('adds yearly fees and entry fees into separate totals', () => {
    const d = { ...doc, memberships: [...doc.memberships, period(eksjo.id, '2022-07-20')] };
    const fees = membershipFeesForYear(d, 2022);
    // Eksjö joins 20 July: 5/12 of 5 000 kr = 2 083 kr, entry fee 5 000 kr.
    expect(fees.yearlyOre).toBe(kr(25_000 + 10_000 + 25_000 + 2_083));
    expect(fees.entryOre).toBe(kr(5_000));
    expect(fees.totalOre).toBe(kr(25_000 + 10_000 + 25_000 + 2_083 + 5_000));
  });
});

describe('where the population is missing', () => {
  const base = referenceDocument();
  const savsjo = municipality(base, '0684');
  const noFigures = { ...base, reference: { ...base.reference, populations: base.reference.populations.filter((p) => p.code !== '0684') } };

  it('names the wanted date as missing when the municipality has no count at all', () => {
    const doc = { ...noFigures, organisations: [savsjo], memberships: [period(savsjo.id, '2015-01-01')], feeTables: [feeTable2020] };
    const row = feeForOrganisation(doc, savsjo.id, 2022);
    expect(row).toMatchObject({ populationDates: [], populationText: 'folkmängd 2021-12-31 saknas' });
  });
});
