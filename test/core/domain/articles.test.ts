import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../../electron/core/store/schema';
import { articleById, articleViews, defaultArticles, vatLabel } from '../../../electron/core/domain/articles';

const services = [
  { id: 's1', name: 'Bibblix' },
  { id: 's2', name: 'Åtgärdsbanken' },
];

describe('articles', () => {
  it('defaults: yearly and entry fee outside VAT on 3010, each service at 25 % on 3001 with a short cost centre', () => {
    const list = defaultArticles(services);
    expect(list.map((a) => [a.id, a.kind, a.incomeAccount, a.vat.category, a.vat.ratePercent, a.costCentre])).toEqual([
      ['article-yearly-fee', 'yearly-fee', '3010', 'O', 0, 'MEDLEM'],
      ['article-entry-fee', 'entry-fee', '3010', 'O', 0, 'MEDLEM'],
      ['article-service-s1', 'service-fee', '3001', 'S', 25, 'BIBBLIX'],
      ['article-service-s2', 'service-fee', '3001', 'S', 25, 'ATGARDSBAN'],
    ]);
    expect(list[0]?.vat.exemptionReason).toBe('Medlemsavgift utanför mervärdesskattens tillämpningsområde');
  });

  it('a stored article replaces its default; the list says which are stored', () => {
    const stored = [{ ...defaultArticles(services)[2]!, incomeAccount: '3011' }];
    expect(articleById(stored, services, 'article-service-s1')).toMatchObject({ stored: true, article: { incomeAccount: '3011' } });
    expect(articleById(stored, services, 'article-yearly-fee')).toMatchObject({ stored: false });
    expect(articleById(stored, services, 'nothing')).toBeUndefined();
    const views = articleViews(stored, services);
    expect(views.map((v) => [v.name, v.stored, v.vatLabel])).toEqual([
      ['Årsavgift', false, 'Utanför momsens tillämpningsområde'],
      ['Medlemsinsats', false, 'Utanför momsens tillämpningsområde'],
      ['Tjänst: Bibblix', true, 'Moms 25 %'],
      ['Tjänst: Åtgärdsbanken', false, 'Moms 25 %'],
    ]);
    expect(vatLabel({ category: 'E', ratePercent: 0, exemptionReason: 'x' })).toBe('Momsfri (undantagen)');
    expect(vatLabel({ category: 'S', ratePercent: 12.5 })).toBe('Moms 12,5 %');
  });

  it('state why no VAT is charged on membership fees and only there, and are valid stored articles with unique ids', () => {
    const list = defaultArticles(services);
    expect(list.filter((a) => a.vat.exemptionReason !== undefined).map((a) => a.kind)).toEqual(['yearly-fee', 'entry-fee']);
    for (const article of list) expect(articleSchema.parse(article)).toEqual(article);
    expect(new Set(list.map((a) => a.id)).size).toBe(list.length);
  });
});
