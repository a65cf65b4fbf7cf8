/**
 * The articles the association sells (issue 17, point 3) as the app ships them: the yearly fee, the entry fee and
 * one fee per service, each with an income account, a VAT treatment and a cost centre. They are defaults for the
 * accountant to change, never rules: the accountant decides accounts and VAT.
 *
 * - Membership fees are outside the scope of VAT (category O, EN 16931): a non-profit association's fee for
 *   membership buys no specific service (DOMAIN.md). Account 3010: the BAS chart has no account of its own for
 *   membership fees, and they are the association's main income, so they take an account of its own in group 30
 *   («Huvudintäkter»), which BAS leaves free for such subdivision. (3890, sometimes used, lies in group 38,
 *   «Aktiverat arbete för egen räkning», which is not income from members.)
 * - A service's fee is a service delivered to a member: 25 % VAT (category S), on BAS 3001 «Försäljning inom
 *   Sverige, 25 % moms», with the service's short key as cost centre, so the books can follow each service.
 */
import type { Article, Service, VatTreatment } from '../store/schema';
import { serviceKey } from './basis-references';

export const MEMBERSHIP_FEE_VAT_REASON = 'Medlemsavgift utanför mervärdesskattens tillämpningsområde';

const membershipVat: VatTreatment = { category: 'O', ratePercent: 0, exemptionReason: MEMBERSHIP_FEE_VAT_REASON };
const serviceVat: VatTreatment = { category: 'S', ratePercent: 25 };

const MEMBERSHIP_FEE_ACCOUNT = '3010';
const SERVICE_FEE_ACCOUNT = '3001';
/** The cost centre of the membership fees. */
const MEMBERSHIP_COST_CENTRE = 'MEDLEM';

/** The article ids: fixed for the membership fees, from the service's key for its fee. */
export const articleIds = {
  yearlyFee: 'art-arsavgift',
  entryFee: 'art-insats',
  service: (service: Pick<Service, 'id'>) => `art-tjanst-${serviceKey(service)}`,
};

/** The default articles: yearly fee, entry fee, then one per service in the order given (archived ones too). */
export function defaultArticles(services: readonly Pick<Service, 'id' | 'name'>[]): Article[] {
  return [
    { id: articleIds.yearlyFee, kind: 'yearly-fee', name: 'Årsavgift', incomeAccount: MEMBERSHIP_FEE_ACCOUNT, vat: membershipVat, costCentre: MEMBERSHIP_COST_CENTRE },
    { id: articleIds.entryFee, kind: 'entry-fee', name: 'Medlemsinsats', incomeAccount: MEMBERSHIP_FEE_ACCOUNT, vat: membershipVat, costCentre: MEMBERSHIP_COST_CENTRE },
    ...services.map(
      (service): Article => ({
        id: articleIds.service(service),
        kind: 'service-fee',
        serviceId: service.id,
        name: `Tjänst: ${service.name}`,
        incomeAccount: SERVICE_FEE_ACCOUNT,
        vat: serviceVat,
        costCentre: serviceKey(service).toUpperCase(),
      }),
    ),
  ];
}
