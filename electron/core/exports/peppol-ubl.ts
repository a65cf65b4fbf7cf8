/**
 * Peppol BIS Billing 3.0: an issued invoice as a UBL 2.1 `Invoice`, a credit note as a UBL 2.1 `CreditNote`, the
 * e-invoice Swedish public bodies must receive (lag 2018:1277). Everything is read from the invoice as issued (its
 * lines and the snapshots of seller and buyer) and from the association's settings (F-skatt, bankgiro, IBAN, terms);
 * the figures come from `invoiceTotals`, as on the PDF and in the books.
 *
 * The file passes the official rules (CEN EN 16931 and OpenPEPPOL, the Swedish national rules SE-R-* included)
 * only when the data allows it, so `peppolProblems` checks those rules' preconditions first and names, in Swedish,
 * what is missing; `peppolInvoiceXml` refuses to write a file the network would reject.
 */
import type { Invoice, InvoiceLine, InvoiceSettings, PartySnapshot, PostalAddress } from '../../contract/model/invoicing';
import { AppError } from '../../contract/result';
import { parseOrgNumber } from '../../contract/rules/organisation-number';
import { formatOre } from '../domain/amounts';
import { invoiceTotals, isValidOcr, type InvoiceTotals, type VatBreakdown } from '../domain/invoice-math';
import { decimalAmount } from './decimal-amount';
import { el, optionalTextEl, textEl, xmlDocument, type XmlElement } from './xml-writer';

export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

const CURRENCY = 'SEK';
/** UN/ECE Recommendation 20: «one» (a fee, a year's service). */
const UNIT_CODE = 'C62';
/** The VATEX code for «outside the scope of VAT»; the text reason is sent beside it. */
const VATEX_OUTSIDE_SCOPE = 'VATEX-EU-O';
/** SE-R-006: the only standard rates a Swedish seller may use. */
const SWEDISH_RATES = [25, 12, 6];
/** SE-R-005: the exact wording of the Swedish tax registration (BT-32). */
export const F_SKATT_TEXT = 'Godkänd för F-skatt';

export type PeppolContext = {
  /** For a credit note: the invoice it credits, whose number and issue date go into BillingReference (BT-25, BT-26). */
  creditedInvoice?: Pick<Invoice, 'number' | 'issueDate'> | undefined;
};

/** `scheme:identifier` split; undefined when the text is not of that shape. */
function splitPeppolId(peppolId: string): { scheme: string; id: string } | undefined {
  const m = /^(\d{4}):(\S+)$/u.exec(peppolId.trim());
  return m ? { scheme: m[1]!, id: m[2]! } : undefined;
}

/** The ten digits of a valid Swedish organisation number, or undefined. */
function orgDigits(orgNumber: string | undefined): string | undefined {
  if (!orgNumber) return undefined;
  const parsed = parseOrgNumber(orgNumber);
  return parsed.ok ? parsed.canonical.replace('-', '') : undefined;
}

/** The party's e-invoice address: its Peppol ID, else `0007:<organisation number>` (the Swedish default). */
function endpointOf(party: PartySnapshot): { scheme: string; id: string } | undefined {
  if (party.peppolId?.trim()) return splitPeppolId(party.peppolId);
  const digits = orgDigits(party.orgNumber);
  return digits ? { scheme: '0007', id: digits } : undefined;
}

function bankgiroDigits(bankgiro: string): string {
  return bankgiro.replace(/[\s-]/gu, '');
}

function ibanText(iban: string): string {
  return iban.replace(/\s/gu, '').toUpperCase();
}

/** True when an invoice carries lines outside the scope of VAT (category O): EN 16931 then forbids VAT numbers. */
function isOutsideScope(invoice: Invoice): boolean {
  return invoice.lines.some((line) => line.vat.category === 'O');
}

/** What stops the invoice from becoming a valid Peppol file, as Swedish sentences; empty when nothing does. */
export function peppolProblems(invoice: Invoice, settings: InvoiceSettings, context: PeppolContext = {}): string[] {
  const problems: string[] = [];
  const creditNote = invoice.kind === 'credit-note';
  const what = creditNote ? 'Kreditfakturan' : 'Fakturan';
  if (invoice.status !== 'issued') problems.push(`${what} är inte utfärdad; bara utfärdade fakturor kan skickas som e-faktura.`);
  if (!invoice.number) problems.push(`${what} saknar nummer.`);
  if (!invoice.issueDate) problems.push(`${what} saknar fakturadatum.`);
  if (!creditNote && !invoice.dueDate) problems.push('Fakturan saknar förfallodag.');
  if (!invoice.buyerReference?.trim()) problems.push(`${what} saknar köparens referens («Er referens»), som Peppol kräver.`);
  if (invoice.lines.length === 0) problems.push(`${what} har inga rader.`);
  if (creditNote && (!context.creditedInvoice?.number || !context.creditedInvoice.issueDate)) {
    problems.push('Kreditfakturan saknar nummer och datum på fakturan den krediterar.');
  }

  const categories = new Set(invoice.lines.map((line) => line.vat.category));
  if (categories.has('O') && categories.size > 1) {
    problems.push(`${what} blandar rader utanför momsens tillämpningsområde med momspliktiga eller momsfria rader; EN 16931 kräver en egen faktura för dem.`);
  }
  invoice.lines.forEach((line, index) => {
    const row = `Rad ${index + 1} («${line.description}»)`;
    if (line.vat.category === 'S' && !SWEDISH_RATES.includes(line.vat.ratePercent)) problems.push(`${row}: momssatsen ${line.vat.ratePercent} % är inte en svensk momssats (25, 12 eller 6 %).`);
    if (line.vat.category !== 'S' && line.vat.ratePercent !== 0) problems.push(`${row}: rader utan moms ska ha momssatsen 0 %.`);
    if (line.vat.category !== 'S' && !line.vat.exemptionReason?.trim()) problems.push(`${row}: skälet till att moms inte tas ut saknas.`);
    // PEPPOL-EN16931-R120 allows two öre between quantity × price and the line amount.
    if (Math.abs(line.quantity * line.unitPriceOre - line.netOre) > 2) problems.push(`${row}: antal × pris stämmer inte med radens belopp.`);
    if (line.periodStart && line.periodEnd && line.periodEnd < line.periodStart) problems.push(`${row}: perioden slutar före den börjar.`);
  });

  const seller = invoice.seller;
  if (!seller) problems.push(`${what} saknar säljarens uppgifter.`);
  else {
    if (!orgDigits(seller.orgNumber)) problems.push(`Föreningens organisationsnummer «${seller.orgNumber ?? ''}» är inte ett giltigt svenskt organisationsnummer.`);
    if (!endpointOf(seller)) problems.push('Föreningens e-fakturaadress (Peppol-ID) saknas eller har fel form; den ska vara «schema:id», till exempel 0007:2120000142.');
    const needsVatNumber = categories.has('S') || categories.has('E');
    if (needsVatNumber && !/^SE\d{12}$/u.test(seller.vatNumber ?? '')) problems.push('Föreningens momsregistreringsnummer saknas eller har fel form (SE, tolv siffror, till exempel SE212000014201); det krävs när fakturan har rader med eller utan moms.');
    if (!seller.address.countryCode) problems.push('Föreningens adress saknar land.');
  }
  const buyer = invoice.buyer;
  if (!buyer) problems.push(`${what} saknar köparens uppgifter.`);
  else {
    const endpoint = endpointOf(buyer);
    if (!endpoint) problems.push(`${buyer.name}: e-fakturaadress (Peppol-ID) saknas eller har fel form; den ska vara «schema:id», till exempel 0007:2120000142.`);
    else if (endpoint.scheme === '0007' && !orgDigits(endpoint.id)) problems.push(`${buyer.name}: Peppol-ID:t ${endpoint.scheme}:${endpoint.id} är inte ett giltigt organisationsnummer.`);
    if (buyer.orgNumber && !orgDigits(buyer.orgNumber)) problems.push(`${buyer.name}: organisationsnumret «${buyer.orgNumber}» är inte giltigt.`);
    if (!buyer.address.countryCode) problems.push(`${buyer.name}: adressen saknar land.`);
  }

  if (!creditNote) {
    const bankgiro = bankgiroDigits(settings.bankgiro);
    const iban = ibanText(settings.iban);
    if (!bankgiro && !iban) problems.push('Föreningen saknar både bankgiro och IBAN; fakturan kan inte säga vart betalningen ska.');
    if (bankgiro && !/^\d{7,8}$/u.test(bankgiro)) problems.push(`Bankgironumret «${settings.bankgiro}» ska ha sju eller åtta siffror.`);
    if (iban && !/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/u.test(iban)) problems.push(`IBAN «${settings.iban}» har fel form.`);
    if (!invoice.ocr || !isValidOcr(invoice.ocr)) problems.push('Fakturan saknar en giltig OCR-referens.');
  }
  return problems;
}

function amount(name: string, ore: number): XmlElement {
  return textEl(`cbc:${name}`, decimalAmount(ore), { currencyID: CURRENCY });
}

/** Quantities as plain decimals (no exponent). */
function quantityText(quantity: number): string {
  return Number.isInteger(quantity) ? String(quantity) : quantity.toFixed(6).replace(/0+$/u, '');
}

const VAT_SCHEME = el('cac:TaxScheme', {}, textEl('cbc:ID', 'VAT'));

function address(value: PostalAddress): XmlElement {
  return el(
    'cac:PostalAddress',
    {},
    optionalTextEl('cbc:StreetName', value.street),
    optionalTextEl('cbc:AdditionalStreetName', value.street2),
    optionalTextEl('cbc:CityName', value.city),
    optionalTextEl('cbc:PostalZone', value.postalCode),
    el('cac:Country', {}, textEl('cbc:IdentificationCode', value.countryCode)),
  );
}

function endpoint(party: PartySnapshot): XmlElement {
  const found = endpointOf(party);
  if (!found) throw new Error('endpoint checked by peppolProblems');
  return textEl('cbc:EndpointID', found.id, { schemeID: found.scheme });
}

function sellerParty(invoice: Invoice, seller: PartySnapshot, settings: InvoiceSettings): XmlElement {
  const outside = isOutsideScope(invoice);
  const contactEmail = seller.email?.trim() || settings.email.trim();
  return el(
    'cac:AccountingSupplierParty',
    {},
    el(
      'cac:Party',
      {},
      endpoint(seller),
      el('cac:PartyName', {}, textEl('cbc:Name', seller.name)),
      address(seller.address),
      // BT-31 is forbidden on an invoice with lines outside the scope of VAT (BR-O-02).
      !outside && seller.vatNumber?.trim() && el('cac:PartyTaxScheme', {}, textEl('cbc:CompanyID', seller.vatNumber.trim()), VAT_SCHEME),
      settings.fSkatt && el('cac:PartyTaxScheme', {}, textEl('cbc:CompanyID', F_SKATT_TEXT), el('cac:TaxScheme', {}, textEl('cbc:ID', 'TAX'))),
      el('cac:PartyLegalEntity', {}, textEl('cbc:RegistrationName', seller.name), textEl('cbc:CompanyID', orgDigits(seller.orgNumber) ?? '', { schemeID: '0007' })),
      (contactEmail?.trim() || settings.phone.trim()) &&
        el('cac:Contact', {}, optionalTextEl('cbc:Telephone', settings.phone), optionalTextEl('cbc:ElectronicMail', contactEmail)),
    ),
  );
}

function buyerParty(invoice: Invoice, buyer: PartySnapshot): XmlElement {
  const outside = isOutsideScope(invoice);
  const digits = orgDigits(buyer.orgNumber);
  return el(
    'cac:AccountingCustomerParty',
    {},
    el(
      'cac:Party',
      {},
      endpoint(buyer),
      el('cac:PartyIdentification', {}, textEl('cbc:ID', String(invoice.customerNumber))),
      el('cac:PartyName', {}, textEl('cbc:Name', buyer.name)),
      address(buyer.address),
      // BT-48 is forbidden on an invoice with lines outside the scope of VAT (BR-O-02).
      !outside && buyer.vatNumber?.trim() && el('cac:PartyTaxScheme', {}, textEl('cbc:CompanyID', buyer.vatNumber.trim()), VAT_SCHEME),
      el('cac:PartyLegalEntity', {}, textEl('cbc:RegistrationName', buyer.name), digits && textEl('cbc:CompanyID', digits, { schemeID: '0007' })),
      buyer.email?.trim() && el('cac:Contact', {}, textEl('cbc:ElectronicMail', buyer.email.trim())),
    ),
  );
}

/** The period the lines cover: the earliest start and the latest end. */
function periodOf(lines: readonly Pick<InvoiceLine, 'periodStart' | 'periodEnd'>[]): XmlElement | undefined {
  const starts = lines.flatMap((line) => (line.periodStart ? [line.periodStart] : [])).sort();
  const ends = lines.flatMap((line) => (line.periodEnd ? [line.periodEnd] : [])).sort();
  if (starts.length === 0 && ends.length === 0) return undefined;
  return el('cac:InvoicePeriod', {}, optionalTextEl('cbc:StartDate', starts[0]), optionalTextEl('cbc:EndDate', ends[ends.length - 1]));
}

function paymentMeans(invoice: Invoice, settings: InvoiceSettings): XmlElement[] {
  const means: XmlElement[] = [];
  const bankgiro = bankgiroDigits(settings.bankgiro);
  const iban = ibanText(settings.iban);
  const paymentId = optionalTextEl('cbc:PaymentID', invoice.ocr);
  // Code 30 (credit transfer) with SE:BANKGIRO as the branch is how Swedish rules name a bankgiro (SE-R-011).
  if (bankgiro) {
    means.push(
      el(
        'cac:PaymentMeans',
        {},
        textEl('cbc:PaymentMeansCode', '30'),
        paymentId,
        el('cac:PayeeFinancialAccount', {}, textEl('cbc:ID', bankgiro), textEl('cbc:Name', invoice.seller?.name ?? settings.name), el('cac:FinancialInstitutionBranch', {}, textEl('cbc:ID', 'SE:BANKGIRO'))),
      ),
    );
  }
  if (iban) {
    means.push(
      el(
        'cac:PaymentMeans',
        {},
        textEl('cbc:PaymentMeansCode', '30'),
        paymentId,
        el('cac:PayeeFinancialAccount', {}, textEl('cbc:ID', iban), textEl('cbc:Name', invoice.seller?.name ?? settings.name), settings.bic.trim() && el('cac:FinancialInstitutionBranch', {}, textEl('cbc:ID', settings.bic.trim()))),
      ),
    );
  }
  return means;
}

function paymentTerms(invoice: Invoice, settings: InvoiceSettings, context: PeppolContext): XmlElement {
  const sentences =
    invoice.kind === 'credit-note'
      ? [`Kreditering av faktura ${context.creditedInvoice?.number ?? ''}; beloppet dras av från det som ska betalas.`]
      : [`Betalning inom ${settings.paymentTermsDays} dagar, senast ${invoice.dueDate ?? ''}. Ange OCR ${invoice.ocr ?? ''}.`, settings.lateInterestText.trim()];
  return el('cac:PaymentTerms', {}, textEl('cbc:Note', sentences.filter(Boolean).join(' ')));
}

function taxCategory(name: 'cac:TaxCategory' | 'cac:ClassifiedTaxCategory', row: Pick<VatBreakdown, 'category' | 'ratePercent' | 'exemptionReason'>, withReason: boolean): XmlElement {
  return el(
    name,
    {},
    textEl('cbc:ID', row.category),
    // A line or breakdown outside the scope of VAT carries no rate at all (BR-O-05, BR-O-09); an exempt one 0.
    row.category !== 'O' && textEl('cbc:Percent', String(row.ratePercent)),
    withReason && row.category === 'O' && textEl('cbc:TaxExemptionReasonCode', VATEX_OUTSIDE_SCOPE),
    withReason && row.category !== 'S' && optionalTextEl('cbc:TaxExemptionReason', row.exemptionReason),
    VAT_SCHEME,
  );
}

function taxTotal(totals: InvoiceTotals): XmlElement {
  return el(
    'cac:TaxTotal',
    {},
    amount('TaxAmount', totals.vatOre),
    totals.breakdown.map((row) => el('cac:TaxSubtotal', {}, amount('TaxableAmount', row.taxableOre), amount('TaxAmount', row.vatOre), taxCategory('cac:TaxCategory', row, true))),
  );
}

function monetaryTotal(totals: InvoiceTotals): XmlElement {
  return el(
    'cac:LegalMonetaryTotal',
    {},
    amount('LineExtensionAmount', totals.netOre),
    amount('TaxExclusiveAmount', totals.netOre),
    amount('TaxInclusiveAmount', totals.totalOre),
    amount('PayableAmount', totals.totalOre),
  );
}

function lineNote(value: InvoiceLine): string {
  const parts = [
    value.basisReference ? `Fakturaunderlag ${value.basisReference}` : '',
    value.exactOre !== undefined && value.exactOre !== value.netOre ? `avrundat till hela kronor från ${formatOre(value.exactOre)}` : '',
  ].filter(Boolean);
  return parts.join('; ');
}

function line(kind: Invoice['kind'], value: InvoiceLine, index: number): XmlElement {
  const credit = kind === 'credit-note';
  // The price must not be negative (BR-27); a negative line carries its sign in the quantity instead.
  const sign = value.unitPriceOre < 0 ? -1 : 1;
  return el(
    credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine',
    {},
    textEl('cbc:ID', String(index + 1)),
    // The invoice basis line it came from, so the buyer can match it, and the öre rounding when there was one (BT-127).
    optionalTextEl('cbc:Note', lineNote(value)),
    textEl(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', quantityText(sign * value.quantity), { unitCode: UNIT_CODE }),
    amount('LineExtensionAmount', value.netOre),
    periodOf([value]),
    el(
      'cac:Item',
      {},
      textEl('cbc:Name', value.description),
      taxCategory('cac:ClassifiedTaxCategory', value.vat, false),
    ),
    el('cac:Price', {}, amount('PriceAmount', Math.abs(value.unitPriceOre))),
  );
}

/**
 * The Peppol BIS Billing 3.0 UBL file of an issued invoice or credit note, as UTF-8 XML text. Throws an `AppError`
 * listing `peppolProblems` in Swedish when the invoice cannot make a valid file.
 */
export function peppolInvoiceXml(invoice: Invoice, settings: InvoiceSettings, context: PeppolContext = {}): string {
  const problems = peppolProblems(invoice, settings, context);
  if (problems.length > 0) {
    const name = invoice.kind === 'credit-note' ? 'Kreditfakturan' : 'Fakturan';
    throw new AppError('conflict', `${name} ${invoice.number ?? ''} kan inte skickas som e-faktura: ${problems.join(' ')}`.replace(/\s+/gu, ' '), { problems });
  }
  const seller = invoice.seller!;
  const buyer = invoice.buyer!;
  const credit = invoice.kind === 'credit-note';
  const totals = invoiceTotals(invoice.lines);
  const credited = context.creditedInvoice;
  return xmlDocument(
    el(
      credit ? 'CreditNote' : 'Invoice',
      { xmlns: credit ? NS.creditNote : NS.invoice, 'xmlns:cac': NS.cac, 'xmlns:cbc': NS.cbc },
      textEl('cbc:CustomizationID', PEPPOL_CUSTOMIZATION_ID),
      textEl('cbc:ProfileID', PEPPOL_PROFILE_ID),
      textEl('cbc:ID', invoice.number!),
      textEl('cbc:IssueDate', invoice.issueDate!),
      !credit && textEl('cbc:DueDate', invoice.dueDate!),
      textEl(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', credit ? '381' : '380'),
      optionalTextEl('cbc:Note', invoice.note),
      textEl('cbc:DocumentCurrencyCode', CURRENCY),
      textEl('cbc:BuyerReference', invoice.buyerReference!.trim()),
      periodOf(invoice.lines),
      credit && credited && el('cac:BillingReference', {}, el('cac:InvoiceDocumentReference', {}, textEl('cbc:ID', credited.number!), textEl('cbc:IssueDate', credited.issueDate!))),
      sellerParty(invoice, seller, settings),
      buyerParty(invoice, buyer),
      !credit && paymentMeans(invoice, settings),
      paymentTerms(invoice, settings, context),
      taxTotal(totals),
      monetaryTotal(totals),
      invoice.lines.map((value, index) => line(invoice.kind, value, index)),
    ),
  );
}
