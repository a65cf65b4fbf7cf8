/**
 * Example billing data for the default register (issue 17, point 10), so the whole invoicing flow can be tried
 * before the secretariat enters the real details. Everything here is marked `example: true` and says so wherever
 * it is shown; none of it is a real account or a real address.
 *
 * - The association's settings: an example organisation and VAT number, bankgiro 991-2346 (the receiving number
 *   in the file examples of Bankgirot's technical manual for Bankgiro Inbetalningar) and IBAN
 *   SE45 5000 0000 0583 9825 7466 (the example for Sweden in SWIFT's IBAN Registry); payment terms 30 days,
 *   invoice numbers from 1.
 * - Billing details for every organisation invoiced in 2022, customer numbers from 1001 in the invoice basis's
 *   order (Swedish order of names, then id), so the same build always hands out the same numbers.
 * - An organisation number comes from the reference data where municipalities.csv has one (it is then on the
 *   organisation already). Otherwise the Peppol ID is built from an example number `4020<kkkk>0<c>`: `kkkk` is the
 *   municipality code (or 9001, 9002, … for a body without one, which no code can be) and `c` the Luhn check digit.
 *   The first digit of a Swedish organisation number is a group number, and 4 is one Skatteverket does not hand
 *   out (1–3 and 5–9 are used), so no real organisation, municipality or other, can have these numbers. They are
 *   kept off the organisations themselves, so the member register holds no invented numbers.
 * - The two kommunalförbund are invoiced as members in their own right and pay their own invoices (no payer).
 */
import { defaultArticles } from '../../electron/core/domain/articles';
import { membershipFeesForYear } from '../../electron/core/domain/fees';
import { luhnCheckDigit } from '../../electron/contract/rules/luhn';
import { serviceRevenueForYear } from '../../electron/core/domain/pricing';
import { compareSv } from '../../electron/core/domain/swedish';
import type { BillingDetails, InvoiceSettings, Invoicing, Organisation, SambrukDocument } from '../../electron/core/store/schema';

/** The year whose invoiced organisations get example billing details. */
const EXAMPLE_BILLING_YEAR = 2022;
const FIRST_CUSTOMER_NUMBER = 1001;

/** `4020<key>0` + Luhn: an example organisation number no real organisation can have (see the module comment). */
function exampleOrgNumber(key: string): string {
  if (!/^\d{4}$/.test(key)) throw new Error(`exampleOrgNumber: ${key} is not four digits`);
  const base = `4020${key}0`;
  const digits = `${base}${luhnCheckDigit(base)}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

const ASSOCIATION_ORG_NUMBER = exampleOrgNumber('9999');

const exampleSettings: InvoiceSettings = {
  id: 'association',
  name: 'Föreningen Sambruk',
  orgNumber: ASSOCIATION_ORG_NUMBER,
  vatNumber: `SE${ASSOCIATION_ORG_NUMBER.replace('-', '')}01`,
  fSkatt: true,
  address: { street: 'Exempelgatan 1', postalCode: '123 45', city: 'Exempelstad', countryCode: 'SE' },
  email: 'fakturor@sambruk.exempel.se',
  phone: '',
  bankgiro: '991-2346',
  iban: 'SE4550000000058398257466',
  bic: 'ESSESESS',
  paymentTermsDays: 30,
  numberPrefix: '',
  nextInvoiceNumber: 1,
  nextCustomerNumber: FIRST_CUSTOMER_NUMBER,
  voucherSeries: 'F',
  nextVoucherNumber: 1,
  receivableAccount: '1510',
  outputVatAccount: '2611',
  bankAccount: '1930',
  lateInterestText: 'Vid betalning efter förfallodagen debiteras dröjsmålsränta enligt räntelagen.',
  example: true,
};

/** `Upplands Väsby` -> `upplands-vasby`: a name as the part of an example e-mail domain. */
function domainPart(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The organisations with something to invoice in the year: a membership fee or a service fee above 0 kr. */
function invoicedOrganisations(doc: SambrukDocument, year: number): Organisation[] {
  const ids = new Set<string>();
  for (const row of membershipFeesForYear(doc, year).rows) if (row.totalOre > 0) ids.add(row.organisationId);
  for (const service of serviceRevenueForYear(doc, year).services) for (const line of service.lines) if (line.amountOre > 0) ids.add(line.organisationId);
  return doc.organisations.filter((o) => ids.has(o.id)).sort((a, b) => compareSv(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The default register's `invoicing` part: example settings, example billing details, the default articles. */
export function exampleInvoicing(doc: SambrukDocument): Invoicing {
  let otherKey = 9001;
  const billing: BillingDetails[] = invoicedOrganisations(doc, EXAMPLE_BILLING_YEAR).map((org, i) => {
    const stub = org.id.replace(/^org-/, '');
    const orgNumber = org.orgNumber ?? exampleOrgNumber(org.municipalityCode ?? String(otherKey++));
    return {
      id: `bill-${stub}`,
      organisationId: org.id,
      customerNumber: FIRST_CUSTOMER_NUMBER + i,
      invoiceAddress: {
        street: `Exempelgatan ${i + 1}`,
        postalCode: '123 45',
        city: org.municipalityCode ? org.name : 'Exempelstad',
        countryCode: 'SE',
      },
      buyerReference: `EXEMPEL-${org.municipalityCode ?? stub.toUpperCase()}`,
      peppolId: `0007:${orgNumber.replace('-', '')}`,
      invoiceEmail: `fakturor@${domainPart(org.municipalityCode ? org.name : stub)}.exempel.se`,
      example: true,
    };
  });
  return {
    settings: [{ ...exampleSettings, nextCustomerNumber: FIRST_CUSTOMER_NUMBER + billing.length }],
    billing,
    articles: defaultArticles(doc.services),
    runs: [],
    invoices: [],
    payments: [],
  };
}
