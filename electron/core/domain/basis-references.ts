/**
 * The reference of an invoice basis line (issue 17, point 7): `<customer number>-<year>-<article key>`, e.g.
 * `1001-2022-arsavgift`, `1001-2022-insats`, `1001-2022-tjanst-egil`. It names the customer and what is sold, never
 * a position, so adding or removing any other line (another member, another service's price) leaves it as it is.
 * The invoice run copies it onto each drafted line (`InvoiceLine.basisReference`), which ties an invoice back to
 * the basis the accountant received.
 *
 * An organisation without billing details has no customer number yet: its lines read `K?-<municipality code or
 * the organisation's id>-…` until one is handed out, and the basis says that customer numbers are missing.
 */
import type { BillingDetails, Organisation, Service } from '../store/schema';

/** What a basis line sells: the yearly fee, an entry fee (a re-join dated by its first day) or a service's fee. */
export type BasisArticle = { kind: 'arsavgift' } | { kind: 'insats'; rejoinedOn?: string } | { kind: 'tjanst'; serviceId: string };

const SERVICE_ID_PREFIX = 'svc-';

/**
 * A service's short key: its id without the `svc-` prefix the default data gives (`svc-egil` -> `egil`), else the
 * whole id. Ids never change, so neither does the key (a name would change with a renamed service).
 */
export function serviceKey(service: Pick<Service, 'id'> | string): string {
  const id = typeof service === 'string' ? service : service.id;
  return id.startsWith(SERVICE_ID_PREFIX) && id.length > SERVICE_ID_PREFIX.length ? id.slice(SERVICE_ID_PREFIX.length) : id;
}

/**
 * `arsavgift`, `insats`, `tjanst-<service key>`. An organisation pays the ordinary entry fee once in its life, so
 * `insats` is unique; a re-join (two can fall in one year) carries its date: `insats-20220915`.
 */
export function basisArticleKey(article: BasisArticle): string {
  switch (article.kind) {
    case 'arsavgift':
      return 'arsavgift';
    case 'insats':
      return article.rejoinedOn === undefined ? 'insats' : `insats-${article.rejoinedOn.replaceAll('-', '')}`;
    case 'tjanst':
      return `tjanst-${serviceKey(article.serviceId)}`;
  }
}

/** The prefix of a customer without a customer number. */
const MISSING_CUSTOMER_PREFIX = 'K?-';

/** The customer part: the customer number, else `K?-<municipality code or organisation id>`. */
export function customerKey(organisation: Pick<Organisation, 'id' | 'municipalityCode'>, billing: Pick<BillingDetails, 'customerNumber'> | undefined): string {
  return billing ? String(billing.customerNumber) : `${MISSING_CUSTOMER_PREFIX}${organisation.municipalityCode ?? organisation.id}`;
}

/** The reference of one basis line (see the module comment). */
export function basisReference(
  organisation: Pick<Organisation, 'id' | 'municipalityCode'>,
  billing: Pick<BillingDetails, 'customerNumber'> | undefined,
  year: number,
  article: BasisArticle,
): string {
  return `${customerKey(organisation, billing)}-${year}-${basisArticleKey(article)}`;
}
