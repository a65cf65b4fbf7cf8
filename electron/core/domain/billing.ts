/**
 * Customers' billing details (issue 17, point 1): who pays for whom, where the invoice goes, and what is missing
 * before an invoice can be issued to them. A Swedish public body must get an e-invoice (lag 2018:1277), so it
 * needs a Peppol ID (by default `0007:<orgnr>`) or, failing that, an address the accountant mails a PDF to.
 */
import { invoiceSettingsSchema, type BillingDetails, type InvoiceSettings, type PostalAddress } from '../../contract/model/invoicing';
import type { MissingDetail } from '../../contract/model/invoicing-views';
import { defaultPeppolId } from '../../contract/rules/payment-details';
import type { Organisation } from '../store/schema';
import { fieldLabels } from '../i18n/validation-messages';
import type { EntryOptions, Transaction } from '../store/transaction';

const publicKinds: ReadonlySet<Organisation['kind']> = new Set(['kommun', 'region', 'kommunalforbund', 'gemensam-namnd']);

/** Municipalities, regions, federations and joint committees: bodies that must be sent e-invoices. */
export function isPublicBody(org: Pick<Organisation, 'kind'>): boolean {
  return publicKinds.has(org.kind);
}

const missing = (field: string, label = fieldLabels[field] ?? field): MissingDetail => ({ field, label });

export function addressComplete(address: PostalAddress | undefined): address is PostalAddress {
  return !!address && address.street.trim() !== '' && address.postalCode.trim() !== '' && address.city.trim() !== '';
}

/** The Peppol ID invoices go to: the one entered, or a public body's default from its organisation number. */
export function peppolIdOf(org: Pick<Organisation, 'kind' | 'orgNumber'>, details: Pick<BillingDetails, 'peppolId'> | undefined): string | undefined {
  return details?.peppolId ?? (isPublicBody(org) ? defaultPeppolId(org.orgNumber) : undefined);
}

/** What blocks issuing an invoice to this customer. */
export function customerMissing(org: Pick<Organisation, 'kind' | 'orgNumber'>, details: BillingDetails | undefined): MissingDetail[] {
  const found: MissingDetail[] = [];
  if (!addressComplete(details?.invoiceAddress)) found.push(missing('invoiceAddress'));
  if (isPublicBody(org) && peppolIdOf(org, details) === undefined && !details?.invoiceEmail)
    found.push(missing('peppolId', 'Peppol-ID (eller organisationsnummer) eller e-post för fakturor'));
  return found;
}

/** What is advised but does not block: Peppol and most municipalities want «Er referens». */
export function customerAdvice(details: BillingDetails | undefined): MissingDetail[] {
  return details?.buyerReference ? [] : [missing('buyerReference')];
}

/** What the association must have filled in before anything is issued; `withVat`: some line carries VAT. */
export function associationMissing(settings: InvoiceSettings, withVat: boolean): MissingDetail[] {
  const found: MissingDetail[] = [];
  if (settings.name.trim() === '') found.push(missing('name', 'Föreningens namn'));
  if (settings.orgNumber.trim() === '') found.push(missing('orgNumber'));
  if (withVat && settings.vatNumber.trim() === '') found.push(missing('vatNumber'));
  if (!addressComplete(settings.address)) found.push(missing('address'));
  if (settings.bankgiro.trim() === '' && settings.iban.trim() === '') found.push(missing('bankgiro', 'Bankgiro eller IBAN'));
  if (!(settings.paymentTermsDays > 0)) found.push(missing('paymentTermsDays'));
  return found;
}

/**
 * The next customer number, taken from the association's settings and the series moved on in the same change
 * (the one way a customer number is handed out outside an invoice run, whose plan numbers its new customers
 * itself). Numbers are never reused, so the series only grows; without a settings row yet, one is created.
 */
export function takeCustomerNumber(tx: Transaction, entry: EntryOptions): number {
  const settings = tx.invoiceSettings.get('association') ?? invoiceSettingsSchema.parse({ id: 'association' });
  const next = { ...settings, nextCustomerNumber: settings.nextCustomerNumber + 1 };
  if (tx.invoiceSettings.has('association')) tx.invoiceSettings.update('association', () => next, entry);
  else tx.invoiceSettings.insert(next, entry);
  return settings.nextCustomerNumber;
}
