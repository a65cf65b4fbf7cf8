import { describe, expect, it } from 'vitest';
import { articleIds, defaultArticles, MEMBERSHIP_FEE_VAT_REASON } from '../../../electron/core/domain/articles';
import { articleSchema } from '../../../electron/core/store/schema';

describe('default articles', () => {
  const articles = defaultArticles([
    { id: 'svc-egil', name: 'EGIL' },
    { id: '3f2a9c1e-0b7d-4c55-9a21-6d0e8f4b2c10', name: 'Ny tjänst' },
  ]);

  it('are the yearly fee and the entry fee outside VAT, then one fee per service at 25 %', () => {
    expect(articles.map((a) => [a.id, a.kind, a.incomeAccount, a.vat.category, a.vat.ratePercent, a.costCentre])).toEqual([
      ['art-arsavgift', 'yearly-fee', '3010', 'O', 0, 'MEDLEM'],
      ['art-insats', 'entry-fee', '3010', 'O', 0, 'MEDLEM'],
      ['art-tjanst-egil', 'service-fee', '3001', 'S', 25, 'EGIL'],
      ['art-tjanst-3f2a9c1e-0b7d-4c55-9a21-6d0e8f4b2c10', 'service-fee', '3001', 'S', 25, '3F2A9C1E-0B7D-4C55-9A21-6D0E8F4B2C10'],
    ]);
    expect(articles[2]?.serviceId).toBe('svc-egil');
    expect(articles[2]?.name).toBe('Tjänst: EGIL');
  });

  it('state why no VAT is charged on membership fees, and only there', () => {
    expect(articles.filter((a) => a.vat.exemptionReason === MEMBERSHIP_FEE_VAT_REASON).map((a) => a.id)).toEqual([articleIds.yearlyFee, articleIds.entryFee]);
    expect(articles.filter((a) => a.vat.category === 'S').every((a) => a.vat.exemptionReason === undefined)).toBe(true);
  });

  it('are valid stored articles with unique ids', () => {
    for (const article of articles) expect(articleSchema.parse(article)).toEqual(article);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });
});
