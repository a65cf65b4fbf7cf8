import { describe, expect, it } from 'vitest';
import type { Invoice, InvoiceLine } from '../../../electron/contract/model/invoicing';
import { AppError } from '../../../electron/contract/result';
import { F_SKATT_TEXT, PEPPOL_CUSTOMIZATION_ID, PEPPOL_PROFILE_ID, peppolInvoiceXml, peppolProblems } from '../../../electron/core/exports/peppol-ubl';
import { sampleCreditNote, sampleInvoice, sampleRegionInvoice, sampleServiceInvoice, sampleSettings } from '../../fixtures/invoicing/sample-invoices';

/** The text of every element with this (prefixed) name, in document order. */
function texts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'gu'))].map((m) => m[1]!);
}

/** The first element with this name, with its content. */
function block(xml: string, name: string): string {
  const m = new RegExp(`<${name}(?: [^>]*)?>[\\s\\S]*?</${name}>`, 'u').exec(xml);
  if (!m) throw new Error(`no ${name}`);
  return m[0];
}

const credit = { creditedInvoice: sampleServiceInvoice };

describe('peppolInvoiceXml: an invoice', () => {
  const xml = peppolInvoiceXml(sampleServiceInvoice, sampleSettings);

  it('is a UBL Invoice of Peppol BIS Billing 3.0 with the invoice number, dates, currency and buyer reference', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"')).toBe(true);
    expect(texts(xml, 'cbc:CustomizationID')).toEqual([PEPPOL_CUSTOMIZATION_ID]);
    expect(texts(xml, 'cbc:ProfileID')).toEqual([PEPPOL_PROFILE_ID]);
    expect(texts(xml, 'cbc:InvoiceTypeCode')).toEqual(['380']);
    expect(texts(xml, 'cbc:IssueDate')).toEqual(['2022-02-01']);
    expect(texts(xml, 'cbc:DueDate')).toEqual(['2022-03-03']);
    expect(texts(xml, 'cbc:DocumentCurrencyCode')).toEqual(['SEK']);
    expect(texts(xml, 'cbc:BuyerReference')).toEqual(['REF-77']);
    // The header elements in UBL's order.
    const order = ['cbc:ID', 'cbc:IssueDate', 'cbc:DueDate', 'cbc:InvoiceTypeCode', 'cbc:Note', 'cbc:DocumentCurrencyCode', 'cbc:BuyerReference', 'cac:InvoicePeriod', 'cac:AccountingSupplierParty', 'cac:AccountingCustomerParty', 'cac:PaymentMeans', 'cac:PaymentTerms', 'cac:TaxTotal', 'cac:LegalMonetaryTotal', 'cac:InvoiceLine'];
    const positions = order.map((name) => xml.indexOf(`<${name}>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('names the seller by 0007 endpoint, legal registration, VAT number and «Godkänd för F-skatt»', () => {
    const seller = block(xml, 'cac:AccountingSupplierParty');
    expect(seller).toContain('<cbc:EndpointID schemeID="0007">8024000005</cbc:EndpointID>');
    expect(seller).toContain('<cbc:CompanyID schemeID="0007">8024000005</cbc:CompanyID>');
    expect(seller).toMatch(/<cbc:CompanyID>SE802400000501<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>VAT<\/cbc:ID>/u);
    expect(seller).toMatch(new RegExp(`<cbc:CompanyID>${F_SKATT_TEXT}</cbc:CompanyID>\\s*<cac:TaxScheme>\\s*<cbc:ID>TAX</cbc:ID>`, 'u'));
    const withoutFSkatt = peppolInvoiceXml(sampleServiceInvoice, { ...sampleSettings, fSkatt: false });
    expect(withoutFSkatt).not.toContain(F_SKATT_TEXT);
  });

  it('names the buyer by its Peppol ID, customer number and organisation number', () => {
    const buyer = block(xml, 'cac:AccountingCustomerParty');
    expect(buyer).toContain('<cbc:EndpointID schemeID="0007">2120001355</cbc:EndpointID>');
    expect(buyer).toContain('<cbc:ID>1002</cbc:ID>');
    expect(buyer).toContain('<cbc:RegistrationName>Göteborgs Stad</cbc:RegistrationName>');
    expect(buyer).toContain('<cbc:CompanyID schemeID="0007">2120001355</cbc:CompanyID>');
    // Without a Peppol ID the organisation number is the e-invoice address.
    const { peppolId: _, ...buyerWithoutId } = sampleServiceInvoice.buyer!;
    const fallback = peppolInvoiceXml({ ...sampleServiceInvoice, buyer: buyerWithoutId }, sampleSettings);
    expect(block(fallback, 'cac:AccountingCustomerParty')).toContain('<cbc:EndpointID schemeID="0007">2120001355</cbc:EndpointID>');
  });

  it('pays to the bankgiro (code 30, SE:BANKGIRO) and the IBAN with the OCR as payment ID', () => {
    const means = [...xml.matchAll(/<cac:PaymentMeans>[\s\S]*?<\/cac:PaymentMeans>/gu)].map((m) => m[0]);
    expect(means).toHaveLength(2);
    expect(texts(means[0]!, 'cbc:PaymentMeansCode')).toEqual(['30']);
    expect(texts(means[0]!, 'cbc:PaymentID')).toEqual(['100200000220']);
    expect(texts(means[0]!, 'cbc:ID')).toEqual(['9912346', 'SE:BANKGIRO']);
    expect(texts(means[1]!, 'cbc:ID')).toEqual(['SE4550000000058398257466', 'ESSESESS']);
    const bankgiroOnly = peppolInvoiceXml(sampleServiceInvoice, { ...sampleSettings, iban: '', bic: '' });
    expect(bankgiroOnly.match(/<cac:PaymentMeans>/gu)).toHaveLength(1);
    const ibanOnly = peppolInvoiceXml(sampleServiceInvoice, { ...sampleSettings, bankgiro: '' });
    expect(texts(block(ibanOnly, 'cac:PaymentMeans'), 'cbc:ID')).toEqual(['SE4550000000058398257466', 'ESSESESS']);
    expect(texts(xml, 'cbc:Note')).toContain('Betalning inom 30 dagar, senast 2022-03-03. Ange OCR 100200000220. Dröjsmålsränta enligt räntelagen.');
  });

  it('states the VAT per category from invoiceTotals and the totals with two decimals', () => {
    const tax = block(xml, 'cac:TaxTotal');
    expect(texts(tax, 'cbc:TaxAmount')).toEqual(['11666.75', '11666.75']);
    expect(texts(tax, 'cbc:TaxableAmount')).toEqual(['46667.00']);
    expect(texts(tax, 'cbc:Percent')).toEqual(['25']);
    const totals = block(xml, 'cac:LegalMonetaryTotal');
    expect(texts(totals, 'cbc:LineExtensionAmount')).toEqual(['46667.00']);
    expect(texts(totals, 'cbc:TaxInclusiveAmount')).toEqual(['58333.75']);
    expect(texts(totals, 'cbc:PayableAmount')).toEqual(['58333.75']);
    expect(xml).toContain('<cbc:TaxAmount currencyID="SEK">11666.75</cbc:TaxAmount>');
  });

  it('writes each line with quantity, amount, period, name, VAT category and price', () => {
    const lines = [...xml.matchAll(/<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/gu)].map((m) => m[0]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('<cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity>');
    expect(texts(lines[1]!, 'cbc:Name')).toEqual(['Bibblix 2022']);
    expect(texts(lines[1]!, 'cbc:LineExtensionAmount')).toEqual(['1667.00']);
    expect(texts(lines[1]!, 'cbc:PriceAmount')).toEqual(['1667.00']);
    expect(texts(lines[1]!, 'cbc:Note')).toEqual(['Fakturaunderlag 1002-2022-tjanst-bibblix; avrundat till hela kronor från 1\u00a0666,67\u00a0kr']);
    expect(texts(lines[0]!, 'cbc:Note')).toEqual(['Fakturaunderlag 1002-2022-tjanst-egil']);
    expect(texts(lines[1]!, 'cbc:StartDate')).toEqual(['2022-01-01']);
  });

  it('spans the invoice period from the earliest line start to the latest line end', () => {
    const lines: InvoiceLine[] = [
      { ...sampleServiceInvoice.lines[0]!, periodStart: '2022-03-01', periodEnd: '2022-06-30' },
      { ...sampleServiceInvoice.lines[1]!, periodStart: '2022-01-15', periodEnd: '2022-04-30' },
    ];
    const period = block(peppolInvoiceXml({ ...sampleServiceInvoice, lines }, sampleSettings), 'cac:InvoicePeriod');
    expect(texts(period, 'cbc:StartDate')).toEqual(['2022-01-15']);
    expect(texts(period, 'cbc:EndDate')).toEqual(['2022-06-30']);
    const noPeriod = sampleServiceInvoice.lines.map(({ periodStart: _s, periodEnd: _e, ...line }) => line);
    expect(peppolInvoiceXml({ ...sampleServiceInvoice, lines: noPeriod }, sampleSettings)).not.toContain('InvoicePeriod');
  });
});

describe('peppolInvoiceXml: outside the scope of VAT (category O)', () => {
  const xml = peppolInvoiceXml(sampleInvoice, sampleSettings);

  it('leaves out the seller VAT number (BR-O-02) but keeps the legal registration and F-skatt', () => {
    expect(xml).not.toContain('SE802400000501');
    expect(xml).not.toMatch(/<cbc:ID>VAT<\/cbc:ID>\s*<\/cac:TaxScheme>\s*<\/cac:PartyTaxScheme>/u);
    expect(xml).toContain('<cbc:CompanyID schemeID="0007">8024000005</cbc:CompanyID>');
    expect(xml).toContain(F_SKATT_TEXT);
  });

  it('leaves out a buyer VAT number too, and sends the reason with the VATEX code and no rate', () => {
    const withBuyerVat = peppolInvoiceXml({ ...sampleInvoice, buyer: { ...sampleInvoice.buyer!, vatNumber: 'SE212000014201' } }, sampleSettings);
    expect(withBuyerVat).not.toContain('SE212000014201');
    const category = block(block(xml, 'cac:TaxTotal'), 'cac:TaxCategory');
    expect(texts(category, 'cbc:ID')).toEqual(['O', 'VAT']);
    expect(texts(category, 'cbc:TaxExemptionReasonCode')).toEqual(['VATEX-EU-O']);
    expect(texts(category, 'cbc:TaxExemptionReason')).toEqual(['Medlemsavgift utanför mervärdesskattens tillämpningsområde']);
    expect(xml).not.toContain('<cbc:Percent>');
    expect(texts(block(xml, 'cac:TaxTotal'), 'cbc:TaxAmount')).toEqual(['0.00', '0.00']);
  });
});

describe('peppolInvoiceXml: mixed categories, escaping and signs', () => {
  it('writes an exempt line beside a 25 % line with rate 0 and its reason, and the buyer VAT number', () => {
    const xml = peppolInvoiceXml(sampleRegionInvoice, sampleSettings);
    const subtotals = [...xml.matchAll(/<cac:TaxSubtotal>[\s\S]*?<\/cac:TaxSubtotal>/gu)].map((m) => m[0]);
    expect(subtotals.map((s) => texts(s, 'cbc:Percent'))).toEqual([['25'], ['0']]);
    expect(texts(subtotals[1]!, 'cbc:TaxExemptionReason')).toEqual(['Undantaget från skatteplikt enligt 10 kap. mervärdesskattelagen']);
    expect(xml).toContain('<cbc:CompanyID>SE232100001601</cbc:CompanyID>');
    expect(xml).toContain('<cbc:InvoicedQuantity unitCode="C62">3</cbc:InvoicedQuantity>');
    expect(texts(xml, 'cbc:PayableAmount')).toEqual(['12998.75']);
  });

  it('escapes every text taken from the register', () => {
    const xml = peppolInvoiceXml(sampleRegionInvoice, sampleSettings);
    expect(texts(xml, 'cbc:BuyerReference')).toEqual(['Hälso- &amp; sjukvård &lt;HS&gt;']);
    expect(xml).toContain('<cbc:Note>Utbildning "Peppol &amp; SIE" för regionens handläggare.</cbc:Note>');
    expect(xml).toContain('<cbc:AdditionalStreetName>Ekonomiavdelningen, fakturor &amp; kvitton</cbc:AdditionalStreetName>');
    const hostile: Invoice = { ...sampleRegionInvoice, note: '</cbc:Note><cbc:ID>999</cbc:ID>]]>\u0001', buyer: { ...sampleRegionInvoice.buyer!, name: 'A & B <"C">' } };
    const out = peppolInvoiceXml(hostile, sampleSettings);
    expect(texts(out, 'cbc:ID')).not.toContain('999');
    expect(out).toContain('<cbc:Note>&lt;/cbc:Note&gt;&lt;cbc:ID&gt;999&lt;/cbc:ID&gt;]]&gt; </cbc:Note>');
    expect(out).toContain('<cbc:Name>A &amp; B &lt;"C"&gt;</cbc:Name>');
  });

  it('keeps the price positive on a negative line and carries the sign in the quantity (BR-27)', () => {
    const discount: InvoiceLine = { ...sampleServiceInvoice.lines[0]!, id: 'neg', description: 'Rabatt', unitPriceOre: -100_000, netOre: -100_000 };
    const xml = peppolInvoiceXml({ ...sampleServiceInvoice, lines: [...sampleServiceInvoice.lines, discount] }, sampleSettings);
    const line = [...xml.matchAll(/<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/gu)][2]![0];
    expect(line).toContain('<cbc:InvoicedQuantity unitCode="C62">-1</cbc:InvoicedQuantity>');
    expect(texts(line, 'cbc:LineExtensionAmount')).toEqual(['-1000.00']);
    expect(texts(line, 'cbc:PriceAmount')).toEqual(['1000.00']);
  });
});

describe('peppolInvoiceXml: a credit note', () => {
  const xml = peppolInvoiceXml(sampleCreditNote, sampleSettings, credit);

  it('is a UBL CreditNote (381) referring to the credited invoice by number and date', () => {
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(texts(xml, 'cbc:CreditNoteTypeCode')).toEqual(['381']);
    const reference = block(xml, 'cac:BillingReference');
    expect(texts(reference, 'cbc:ID')).toEqual(['2']);
    expect(texts(reference, 'cbc:IssueDate')).toEqual(['2022-02-01']);
    expect(xml).not.toContain('InvoiceLine');
    expect(xml).not.toContain('cbc:DueDate');
    expect(xml).not.toContain('PaymentMeans');
  });

  it('has positive amounts and credited quantities, as UBL wants', () => {
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="C62">1</cbc:CreditedQuantity>');
    expect(texts(block(xml, 'cac:LegalMonetaryTotal'), 'cbc:PayableAmount')).toEqual(['2083.75']);
    expect(texts(block(xml, 'cac:PaymentTerms'), 'cbc:Note')).toEqual(['Kreditering av faktura 2; beloppet dras av från det som ska betalas.']);
  });
});

describe('peppolProblems: what stops a valid file, in Swedish', () => {
  const problemsOf = (invoice: Invoice, settings = sampleSettings, context = {}) => peppolProblems(invoice, settings, context);

  it('finds nothing in the samples', () => {
    expect(problemsOf(sampleInvoice)).toEqual([]);
    expect(problemsOf(sampleServiceInvoice)).toEqual([]);
    expect(problemsOf(sampleRegionInvoice)).toEqual([]);
    expect(problemsOf(sampleCreditNote, sampleSettings, credit)).toEqual([]);
  });

  it('names each missing or wrong detail', () => {
    const cases: [Invoice, string][] = [
      [{ ...sampleServiceInvoice, buyerReference: ' ' }, 'Fakturan saknar köparens referens («Er referens»), som Peppol kräver.'],
      [{ ...sampleServiceInvoice, status: 'draft' }, 'Fakturan är inte utfärdad; bara utfärdade fakturor kan skickas som e-faktura.'],
      [{ ...sampleServiceInvoice, lines: [] }, 'Fakturan har inga rader.'],
      [{ ...sampleServiceInvoice, ocr: '100200000221' }, 'Fakturan saknar en giltig OCR-referens.'],
      [{ ...sampleServiceInvoice, lines: [...sampleInvoice.lines, ...sampleServiceInvoice.lines] }, 'Fakturan blandar rader utanför momsens tillämpningsområde med momspliktiga eller momsfria rader; EN 16931 kräver en egen faktura för dem.'],
      [{ ...sampleServiceInvoice, lines: [{ ...sampleServiceInvoice.lines[0]!, vat: { category: 'S', ratePercent: 10 } }] }, 'Rad 1 («EGIL 2022»): momssatsen 10 % är inte en svensk momssats (25, 12 eller 6 %).'],
      [{ ...sampleServiceInvoice, lines: [{ ...sampleServiceInvoice.lines[0]!, vat: { category: 'E', ratePercent: 0 } }] }, 'Rad 1 («EGIL 2022»): skälet till att moms inte tas ut saknas.'],
      [{ ...sampleServiceInvoice, lines: [{ ...sampleServiceInvoice.lines[0]!, quantity: 2 }] }, 'Rad 1 («EGIL 2022»): antal × pris stämmer inte med radens belopp.'],
      [{ ...sampleServiceInvoice, seller: { ...sampleServiceInvoice.seller!, orgNumber: '802400-0000' } }, 'Föreningens organisationsnummer «802400-0000» är inte ett giltigt svenskt organisationsnummer.'],
      [{ ...sampleServiceInvoice, seller: { ...sampleServiceInvoice.seller!, vatNumber: '' } }, 'Föreningens momsregistreringsnummer saknas eller har fel form (SE, tolv siffror, till exempel SE212000014201); det krävs när fakturan har rader med eller utan moms.'],
      [{ ...sampleServiceInvoice, buyer: { ...sampleServiceInvoice.buyer!, peppolId: 'fel' } }, 'Göteborgs Stad: e-fakturaadress (Peppol-ID) saknas eller har fel form; den ska vara «schema:id», till exempel 0007:2120000142.'],
      [{ ...sampleServiceInvoice, buyer: { ...sampleServiceInvoice.buyer!, peppolId: '0007:2120001356' } }, 'Göteborgs Stad: Peppol-ID:t 0007:2120001356 är inte ett giltigt organisationsnummer.'],
      [{ ...sampleServiceInvoice, buyer: { name: 'Utan nummer', address: sampleServiceInvoice.buyer!.address } }, 'Utan nummer: e-fakturaadress (Peppol-ID) saknas eller har fel form; den ska vara «schema:id», till exempel 0007:2120000142.'],
    ];
    for (const [invoice, message] of cases) expect(problemsOf(invoice), message).toContain(message);
  });

  it('asks for a way to pay and a credited invoice', () => {
    expect(problemsOf(sampleServiceInvoice, { ...sampleSettings, bankgiro: '', iban: '' })).toEqual(['Föreningen saknar både bankgiro och IBAN; fakturan kan inte säga vart betalningen ska.']);
    expect(problemsOf(sampleServiceInvoice, { ...sampleSettings, bankgiro: '123-45' })).toEqual(['Bankgironumret «123-45» ska ha sju eller åtta siffror.']);
    expect(problemsOf(sampleCreditNote)).toEqual(['Kreditfakturan saknar nummer och datum på fakturan den krediterar.']);
    // A credit note is not paid to the association: no bankgiro needed.
    expect(problemsOf(sampleCreditNote, { ...sampleSettings, bankgiro: '', iban: '' }, credit)).toEqual([]);
  });

  it('makes peppolInvoiceXml refuse with every problem and write nothing', () => {
    const bad: Invoice = { ...sampleServiceInvoice, buyerReference: undefined, ocr: undefined };
    let thrown: unknown;
    try {
      peppolInvoiceXml(bad, sampleSettings);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Fakturan 2 kan inte skickas som e-faktura: Fakturan saknar köparens referens («Er referens»), som Peppol kräver. Fakturan saknar en giltig OCR-referens.');
    expect(error.details).toEqual({ problems: ['Fakturan saknar köparens referens («Er referens»), som Peppol kräver.', 'Fakturan saknar en giltig OCR-referens.'] });
  });
});
