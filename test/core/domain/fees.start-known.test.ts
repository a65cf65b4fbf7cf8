import { describe, expect, it } from 'vitest';
import { bandFor, feeForOrganisation, membershipFeesForYear } from '../../../electron/core/domain/fees';
import { accountantModel } from '../../../electron/core/exports/accountant-model';
import { feeTable2020, latestPopulation, municipality, period, referenceDocument } from '../../fixtures/register/documents';
import { loadDefaultDocument } from '../../support/memory-document';

/** Habo, member since before `joined` (start unknown) or from `joined` exactly. */
function habo(joined: string, startKnown?: 'before') {
  const base = referenceDocument();
  const org = municipality(base, '0643');
  return referenceDocument({
    organisations: [org],
    memberships: [period(org.id, joined, startKnown ? { startKnown } : {})],
    feeTables: [feeTable2020],
  });
}

describe('fees of a membership that started «före» a date', () => {
  const doc = habo('2022-01-01');
  const yearly = bandFor(feeTable2020, latestPopulation(doc, '0643')).yearlyFeeOre;

  it('charges the full yearly fee and no entry fee in the year before the date (the first year in the register)', () => {
    const row = feeForOrganisation(habo('2022-01-01', 'before'), 'kommun-0643', 2021);
    expect(row).toMatchObject({ months: 12, chargedYearlyFeeOre: yearly, entryFees: [], entryFeeOre: 0, totalOre: yearly });
    expect(row?.explanation.join(' ')).toContain('Medlem sedan före 2022-01-01 (inträdesdatum okänt): hel årsavgift');
  });

  it('charges the full yearly fee and no entry fee in the year of the date, even when the date is mid-year', () => {
    for (const [joined, year] of [['2022-01-01', 2022], ['2022-06-15', 2022], ['2022-06-15', 2020]] as const) {
      const row = feeForOrganisation(habo(joined, 'before'), 'kommun-0643', year);
      expect(row, `${joined} in ${year}`).toMatchObject({ months: 12, chargedYearlyFeeOre: yearly, entryFeeOre: 0 });
    }
  });

  it('an exact start on the same date still gives an entry fee and a part-year fee (the rule the flag turns off)', () => {
    const row = feeForOrganisation(habo('2022-06-15'), 'kommun-0643', 2022);
    expect(row?.months).toBe(6);
    expect(row?.entryFeeOre).toBeGreaterThan(0);
    expect(feeForOrganisation(habo('2022-01-01'), 'kommun-0643', 2021)).toBeUndefined();
  });

  it('a later exact period after a «före» period is a re-join with the reduced entry fee', () => {
    const base = referenceDocument();
    const org = municipality(base, '0643');
    const doc2 = referenceDocument({
      organisations: [org],
      memberships: [period(org.id, '2015-01-01', { startKnown: 'before', left: '2018-12-31' }), period(org.id, '2022-03-10')],
      feeTables: [feeTable2020],
    });
    const row = feeForOrganisation(doc2, org.id, 2022);
    expect(row?.entryFees).toEqual([expect.objectContaining({ rejoin: true })]);
    expect(row?.months).toBe(9);
  });
});

describe('the default data: members since before 2022-01-01', () => {
  const doc = loadDefaultDocument();

  it('every own membership of the plan starts «före 2022-01-01»', () => {
    expect(doc.memberships.length).toBeGreaterThan(0);
    for (const m of doc.memberships) expect(m).toMatchObject({ joined: '2022-01-01', startKnown: 'before' });
  });

  it.each([2021, 2022])('%i: full yearly fees for every payer and no entry fee at all', (year) => {
    const fees = membershipFeesForYear(doc, year);
    expect(fees.rows.length).toBe(doc.memberships.length);
    expect(fees.entryOre).toBe(0);
    for (const row of fees.rows) expect(row).toMatchObject({ months: 12, chargedYearlyFeeOre: row.yearlyFeeOre, entryFees: [] });
  });

  it('the 2021 workbook model charges 0 kr in entry fees and says «före 2022-01-01» where the join date was', () => {
    const model = accountantModel(doc, { year: 2021 });
    expect(model.fees.entryOre).toBe(0);
    const own = model.members.filter((m) => m.joined !== undefined);
    expect(own.length).toBe(doc.memberships.length);
    for (const m of own) expect(m.joined).toBe('före 2022-01-01');
  });
});
