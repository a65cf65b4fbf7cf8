/**
 * Articles (issue 17): what the association sells, each with its income account, VAT treatment and cost centre.
 * The defaults (yearly fee, entry fee, one per service) are computed, not stored: they are stored when the
 * accountant saves one or when a run first puts one on an invoice, so reading never changes the register.
 * The accountant decides accounts and VAT; these are only the starting point.
 *
 * - Membership fees are outside the scope of VAT (category O, EN 16931): a non-profit association's fee for
 *   membership buys no specific service (DOMAIN.md). Account 3010: the BAS chart has no account of its own for
 *   membership fees, and they are the association's main income, so they take an account of their own in group 30
 *   («Huvudintäkter»), which BAS leaves free for such subdivision (3890, sometimes used, lies in group 38, which is
 *   not income from members).
 * - A service's fee is a service delivered to a member: 25 % VAT (category S), on BAS 3001 «Försäljning inom
 *   Sverige, 25 % moms», with a short key of the service's name as cost centre, so the books can follow each service.
 */
import type { Article, VatTreatment } from '../../contract/model/invoicing';
import type { ArticleView } from '../../contract/model/invoicing-views';
import type { Service } from '../store/schema';
import { compareSv } from './swedish';

/** Membership fees buy no specific service: outside the scope of VAT (the accountant may change it). */
export const MEMBERSHIP_VAT: VatTreatment = { category: 'O', ratePercent: 0, exemptionReason: 'Medlemsavgift utanför mervärdesskattens tillämpningsområde' };
/** Fees for services delivered to members: 25 %. */
export const SERVICE_VAT: VatTreatment = { category: 'S', ratePercent: 25 };

/** A service's short key as cost centre: letters and digits of its name, upper case, at most ten. */
function costCentreOf(service: Pick<Service, 'name'>): string {
  const letters = service.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]/gu, '')
    .toUpperCase();
  return letters.slice(0, 10) || 'TJANST';
}

const MEMBERSHIP_FEE_ACCOUNT = '3010';
const SERVICE_FEE_ACCOUNT = '3001';

export const YEARLY_FEE_ARTICLE_ID = 'article-yearly-fee';
export const ENTRY_FEE_ARTICLE_ID = 'article-entry-fee';
export const serviceArticleId = (serviceId: string): string => `article-service-${serviceId}`;

/** The default articles: yearly fee and entry fee (3010, outside VAT), each service's fee (3001, 25 %). */
export function defaultArticles(services: readonly Pick<Service, 'id' | 'name'>[]): Article[] {
  return [
    { id: YEARLY_FEE_ARTICLE_ID, kind: 'yearly-fee', name: 'Årsavgift', incomeAccount: MEMBERSHIP_FEE_ACCOUNT, vat: MEMBERSHIP_VAT, costCentre: 'MEDLEM' },
    { id: ENTRY_FEE_ARTICLE_ID, kind: 'entry-fee', name: 'Medlemsinsats', incomeAccount: MEMBERSHIP_FEE_ACCOUNT, vat: MEMBERSHIP_VAT, costCentre: 'MEDLEM' },
    ...services.map(
      (s): Article => ({ id: serviceArticleId(s.id), kind: 'service-fee', serviceId: s.id, name: `Tjänst: ${s.name}`, incomeAccount: SERVICE_FEE_ACCOUNT, vat: SERVICE_VAT, costCentre: costCentreOf(s) }),
    ),
  ];
}

/** Stored articles first in their own right, then the defaults not stored yet (by id). */
export function allArticles(stored: readonly Article[], services: readonly Pick<Service, 'id' | 'name'>[]): { article: Article; stored: boolean }[] {
  const ids = new Set(stored.map((a) => a.id));
  return [...stored.map((article) => ({ article, stored: true })), ...defaultArticles(services).filter((a) => !ids.has(a.id)).map((article) => ({ article, stored: false }))];
}

/** The article with this id: stored, or a default not stored yet. */
export function articleById(stored: readonly Article[], services: readonly Pick<Service, 'id' | 'name'>[], articleId: string): { article: Article; stored: boolean } | undefined {
  const own = stored.find((a) => a.id === articleId);
  if (own) return { article: own, stored: true };
  const fallback = defaultArticles(services).find((a) => a.id === articleId);
  return fallback ? { article: fallback, stored: false } : undefined;
}

const kindLabels: Record<Article['kind'], string> = { 'yearly-fee': 'Årsavgift', 'entry-fee': 'Medlemsinsats', 'service-fee': 'Tjänsteavgift' };

export function vatLabel(vat: VatTreatment): string {
  if (vat.category === 'S') return `Moms ${String(vat.ratePercent).replace('.', ',')} %`;
  if (vat.category === 'E') return 'Momsfri (undantagen)';
  return 'Utanför momsens tillämpningsområde';
}

export function articleView(article: Article, stored: boolean, services: readonly Pick<Service, 'id' | 'name'>[]): ArticleView {
  const serviceName = article.serviceId !== undefined ? services.find((s) => s.id === article.serviceId)?.name : undefined;
  return { ...article, kindLabel: kindLabels[article.kind], ...(serviceName !== undefined ? { serviceName } : {}), stored, vatLabel: vatLabel(article.vat) };
}

const kindOrder: Record<Article['kind'], number> = { 'yearly-fee': 0, 'entry-fee': 1, 'service-fee': 2 };

/** Every article as the list shows it: membership fees first, then services by name. */
export function articleViews(stored: readonly Article[], services: readonly Pick<Service, 'id' | 'name'>[]): ArticleView[] {
  return allArticles(stored, services)
    .map(({ article, stored: isStored }) => articleView(article, isStored, services))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || compareSv(a.name, b.name) || a.id.localeCompare(b.id));
}
