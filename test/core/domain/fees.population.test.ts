import { describe, expect, it } from 'vitest';
import { feeForOrganisation, membershipFeesForYear } from '../../../electron/core/domain/fees';
import type { FeeTable, SambrukDocument } from '../../../electron/core/store/schema';
import { feeTable2020, municipality, organisation, period, populationOn, referenceDocument } from '../../fixtures/register/documents';
import { loadDefaultDocument } from '../../support/memory-document';

const kr = (kronor: number) => kronor * 100;

describe('the population that decides a fee year', () => {
  const base = referenceDocument();
  const vasby = municipality(base, '0114');
  const doc: SambrukDocument = { ...base, organisations: [vasby], memberships: [period(vasby.id, '2015-01-01')], feeTables: [feeTable2020] };

  it('bands Upplands Väsby’s 2022 fee on 31 December 2021 (47 820: 35 000 kr), not on 2024 (50 323: 50 000 kr)', () => {
    expect(populationOn(base, '0114', '2021-12-31')).toBe(47_820);
    expect(populationOn(base, '0114', '2024-12-31')).toBe(50_323);
    const fee = feeForOrganisation(doc, vasby.id, 2022);
    expect(fee).toMatchObject({ population: 47_820, yearlyFeeOre: kr(35_000), populationWantedDate: '2021-12-31', populationDates: ['2021-12-31'] });
    expect(fee?.populationText).toBe('folkmängd 2021-12-31');
    expect(fee?.explanation[0]).toMatch(/^47\s820 invånare \(folkmängd 2021-12-31\): avgiftsklass 25\s000–49\s999 invånare, årsavgift 35\s000\skr\.$/);
    expect(fee?.explanation[1]).toBe('Avgiftstabell från 2020; folkmängden 2021-12-31 avgör avgiften för 2022.');
    // 2025 is decided by the end of 2024.
    expect(feeForOrganisation(doc, vasby.id, 2025)).toMatchObject({ population: 50_323, yearlyFeeOre: kr(50_000) });
  });

  it('does the same in the shipped register', () => {
    const shipped = loadDefaultDocument();
    const org = shipped.organisations.find((o) => o.municipalityCode === '0114');
    expect(org, 'Upplands Väsby is a member in the default data').toBeDefined();
    const fee = membershipFeesForYear(shipped, 2022).rows.find((r) => r.organisationId === org?.id);
    expect(fee).toMatchObject({ population: 47_820, yearlyFeeOre: kr(35_000), populationText: 'folkmängd 2021-12-31' });
  });

  it('follows the table’s stated date: the same year’s end when the offset is 0', () => {
    const sameYear: FeeTable = { ...feeTable2020, populationYearOffset: 0 };
    const fee = feeForOrganisation({ ...doc, feeTables: [sameYear] }, vasby.id, 2022);
    expect(fee).toMatchObject({ population: populationOn(base, '0114', '2022-12-31'), populationWantedDate: '2022-12-31' });
    expect(fee?.explanation[1]).toBe('Avgiftstabell från 2020; folkmängden 2022-12-31 avgör avgiften för 2022.');
  });

  it('uses the nearest known year where the wanted one is missing, and says so', () => {
    const only2024: SambrukDocument = {
      ...doc,
      reference: { ...base.reference, populations: base.reference.populations.filter((p) => p.date === '2024-12-31') },
    };
    const fee = feeForOrganisation(only2024, vasby.id, 2022);
    expect(fee).toMatchObject({ population: 50_323, yearlyFeeOre: kr(50_000), populationWantedDate: '2021-12-31', populationDates: ['2024-12-31'] });
    expect(fee?.populationText).toBe('folkmängd 2024-12-31; 2021 saknas');
    expect(fee?.explanation[0]).toContain('(folkmängd 2024-12-31; 2021 saknas)');
  });

  it('says when the figure was corrected, with the reason, in the explanation and the invoice basis text', () => {
    const corrected: SambrukDocument = {
      ...doc,
      reference: {
        ...base.reference,
        populations: base.reference.populations.map((p) =>
          p.code === '0114' && p.date === '2021-12-31' ? { ...p, population: 52_000, source: 'rattad' as const, sourceNote: 'SCB:s rättelse 2022-03-01' } : p,
        ),
      },
    };
    const fee = feeForOrganisation(corrected, vasby.id, 2022);
    expect(fee).toMatchObject({ population: 52_000, yearlyFeeOre: kr(50_000) });
    expect(fee?.populationText).toBe('folkmängd 2021-12-31, rättad: SCB:s rättelse 2022-03-01');
    expect(fee?.explanation[0]).toContain('(folkmängd 2021-12-31, rättad: SCB:s rättelse 2022-03-01)');
    // A correction of another year leaves this fee's text as it was.
    expect(feeForOrganisation(corrected, vasby.id, 2025)?.populationText).toBe('folkmängd 2024-12-31');
  });

  it('takes the nearer of two neighbours, the later one on a tie', () => {
    const without2021 = (keep: (date: string) => boolean): SambrukDocument => ({
      ...doc,
      reference: { ...base.reference, populations: base.reference.populations.filter((p) => p.date !== '2021-12-31' && keep(p.date)) },
    });
    // 2020 and 2022 are equally near 2021: the newer count wins.
    expect(feeForOrganisation(without2021(() => true), vasby.id, 2022)?.populationText).toBe('folkmängd 2022-12-31; 2021 saknas');
    // Without 2022 and later, 2020 is nearest.
    expect(feeForOrganisation(without2021((d) => d < '2021-12-31'), vasby.id, 2022)?.populationText).toBe('folkmängd 2020-12-31; 2021 saknas');
  });
});

describe('the group rule', () => {
  const base = referenceDocument();
  const savsjo = municipality(base, '0684');
  const eksjo = municipality(base, '0686');
  const group = organisation('grp', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [savsjo.id, eksjo.id] });
  const ofTable = (table: FeeTable): SambrukDocument => ({
    ...base,
    organisations: [savsjo, eksjo, group],
    memberships: [period(group.id, '2015-01-01')],
    feeTables: [table],
  });
  const combined2021 = populationOn(base, '0684', '2021-12-31') + populationOn(base, '0686', '2021-12-31');

  it('bands a group on its municipalities’ combined population at the fee date, flagged while «att bekräfta»', () => {
    const fee = feeForOrganisation(ofTable(feeTable2020), group.id, 2022);
    expect(fee).toMatchObject({ basis: 'grupp', population: combined2021, groupRuleUnconfirmed: true, populationText: 'folkmängd 2021-12-31' });
    expect(fee?.explanation[0]).toContain('(folkmängd 2021-12-31)');
    expect(fee?.explanation[0]).toContain('Regeln för gruppers avgift är inte beslutad (att bekräfta).');
  });

  it('names a corrected figure among the group’s municipalities with the municipality', () => {
    const doc = ofTable(feeTable2020);
    const corrected: SambrukDocument = {
      ...doc,
      reference: {
        ...doc.reference,
        populations: doc.reference.populations.map((p) => (p.code === '0686' && p.date === '2021-12-31' ? { ...p, source: 'rattad' as const, sourceNote: 'dubbelräknad' } : p)),
      },
    };
    const fee = feeForOrganisation(corrected, group.id, 2022);
    expect(fee?.populationText).toBe(`folkmängd 2021-12-31; rättad för ${eksjo.name}: dubbelräknad`);
    expect(fee?.explanation[0]).toContain(`(folkmängd 2021-12-31; rättad för ${eksjo.name}: dubbelräknad)`);
  });

  it('charges a group as «andra organisationer» when that rule is confirmed, naming the decision', () => {
    const table: FeeTable = { ...feeTable2020, groupRule: { basis: 'other-organisations', status: 'bekraftad', decision: 'Styrelsen 2022-03-15 § 12', confirmedAt: '2022-03-16' } };
    const fee = feeForOrganisation(ofTable(table), group.id, 2022);
    expect(fee).toMatchObject({ basis: 'ovrig', yearlyFeeOre: kr(25_000), groupRuleUnconfirmed: false });
    expect(fee?.population).toBeUndefined();
    expect(fee?.explanation[0]).toMatch(
      /^Kommunalförbund som är medlem som grupp, avgift som övrig organisation: årsavgift 25\s000\skr\. Regeln för gruppers avgift enligt beslut: Styrelsen 2022-03-15 § 12\.$/,
    );
  });

  it('keeps banding on the combined population once that rule is confirmed, without the flag', () => {
    const table: FeeTable = { ...feeTable2020, groupRule: { basis: 'combined-population', status: 'bekraftad', decision: 'Stämman 2022-05-20 § 7' } };
    const fee = feeForOrganisation(ofTable(table), group.id, 2022);
    expect(fee).toMatchObject({ basis: 'grupp', groupRuleUnconfirmed: false });
    expect(fee?.explanation[0]).toContain('enligt beslut: Stämman 2022-05-20 § 7');
  });

  it('never flags a municipality or another organisation', () => {
    const other = organisation('oth', 'Inera', 'annan');
    const d: SambrukDocument = { ...ofTable(feeTable2020), organisations: [savsjo, eksjo, group, other], memberships: [period(savsjo.id, '2015-01-01'), period(other.id, '2015-01-01')] };
    expect(feeForOrganisation(d, savsjo.id, 2022)?.groupRuleUnconfirmed).toBeUndefined();
    expect(feeForOrganisation(d, other.id, 2022)?.groupRuleUnconfirmed).toBeUndefined();
  });
});
