/**
 * The board pack's coverage figures without the rows (`coverageTotalsAt`) against the whole model's totals
 * (`coverageAt`), on the demo register at several dates: the two count by the same rules.
 */
import { describe, expect, it } from 'vitest';
import { coverageAt, coverageTotalsAt } from '../../../electron/core/domain/coverage';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import { contact, municipality, period, referenceDocument } from '../../fixtures/register/documents';

describe('coverage totals without the rows', () => {
  const demo = generateDemoDocument({ scale: 0.5, seed: 'coverage-totals', base: readDemoBase() });

  it.each(['2019-12-31', '2021-06-30', '2022-06-30', '2023-01-01'])('equal the whole model’s totals on the demo register at %s', (date) => {
    const model = coverageAt(demo, date);
    expect(model.totals.members).toBeGreaterThan(0);
    expect(coverageTotalsAt(demo, date)).toEqual({ confirmedSince: model.confirmedSince, totals: model.totals });
  });

  it('count a member without contacts as missing every area, and an ended or stale contact as the model does', () => {
    const base = referenceDocument();
    const habo = municipality(base, '0643');
    const savsjo = municipality(base, '0684');
    const doc = referenceDocument({
      organisations: [habo, savsjo],
      memberships: [period(habo.id, '2015-01-01'), period(savsjo.id, '2015-01-01')],
      contacts: [
        contact('c1', habo.id, 'Anna Alm', { businessAreas: ['skola', 'trafik'], confirmedAt: '2021-04-27' }),
        contact('c2', habo.id, 'Bo Berg', { businessAreas: ['fastighet'], endedAt: '2022-04-27', confirmedAt: '2022-01-01' }),
      ],
    });
    const { totals } = coverageTotalsAt(doc, '2022-04-28');
    expect(totals).toEqual(coverageAt(doc, '2022-04-28').totals);
    expect(totals).toMatchObject({ members: 2, fullyCovered: 0, membersMissingAny: 2, staleContacts: 1, membersWithStale: 1 });
    expect(totals.missingByArea).toEqual({ skola: 1, 'stod-och-bistand': 2, 'kultur-och-delaktighet': 2, trafik: 1, fastighet: 2 });
  });
});
