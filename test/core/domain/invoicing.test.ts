import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { invoicingDocument, FEE_SERVICE_ID } from '../../fixtures/invoicing/fee-document';
import { sampleInvoice, sampleSettings } from '../../fixtures/invoicing/sample-invoices';
import { accountantModel } from '../../../electron/core/exports/accountant-model';
import { roundToKronor } from '../../../electron/core/domain/fees';
import { invoiceTotals, isValidOcr } from '../../../electron/core/domain/invoice-math';
import {
  basisReference,
  ledgerOf,
  planCredit,
  planIssue,
  planPayment,
  planRun,
  roundingNote,
  splitNote,
  summarise,
} from '../../../electron/core/domain/invoicing';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import type { Invoice } from '../../../electron/contract/model/invoicing';
import { AppError } from '../../../electron/contract/result';

function counter() {
  let n = 0;
  return () => `t-${++n}`;
}
const now = '2022-02-01T09:00:00.000Z';

/** The document after a plan was written as the handlers write it. */
function apply(doc: SambrukDocument, plan: ReturnType<typeof planRun>): SambrukDocument {
  return produce(doc, (d) => {
    d.invoicing.billing.push(...plan.newBilling);
    d.invoicing.articles.push(...plan.newArticles);
    d.invoicing.runs.push(plan.run);
    d.invoicing.invoices.push(...plan.invoices);
    d.invoicing.settings = [{ ...sampleSettings, nextInvoiceNumber: 1, nextVoucherNumber: 1, nextCustomerNumber: plan.nextCustomerNumber }];
  });
}

/** Every customer gets an address and an e-mail, so nothing but the rule under test blocks issuing. */
function withAddresses(doc: SambrukDocument): SambrukDocument {
  return produce(doc, (d) => {
    for (const b of d.invoicing.billing) {
      b.invoiceAddress = { street: 'Exempelgatan 2', postalCode: '123 45', city: 'Exempelstad', countryCode: 'SE' };
      b.invoiceEmail = 'fakturor@exempel.se';
    }
  });
}

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('planRun', () => {
  const doc = invoicingDocument();
  const plan = planRun(doc, { year: 2022, kind: 'year' }, { ids: counter(), now });
  const basis = accountantModel(doc, { year: 2022 }).invoiceLines;

  it('drafts every basis line once, in whole kronor: the total is the basis rounded line by line', () => {
    const lines = plan.invoices.flatMap((i) => i.lines);
    expect(lines).toHaveLength(basis.length);
    const total = plan.invoices.reduce((sum, i) => sum + invoiceTotals(i.lines).netOre, 0);
    expect(total).toBe(basis.reduce((sum, l) => sum + roundToKronor(l.amountOre), 0));
    // The basis states lines in whole kronor and keeps the fee rules' öre beside them (`exactOre`).
    expect(plan.basisExactOre).toBe(basis.reduce((sum, l) => sum + (l.exactOre ?? l.amountOre), 0));
    expect(plan.basisRoundedOre).toBe(total);
    for (const line of lines) expect(line.netOre % 100).toBe(0);
  });

  it('keeps the exact amount where the fee rules gave öre and states the rounding', () => {
    const service = plan.invoices.flatMap((i) => i.lines).filter((l) => l.articleId === `art-tjanst-${FEE_SERVICE_ID}`);
    const full = service.find((l) => l.exactOre === 166_667);
    expect(full).toMatchObject({ netOre: 166_700, unitPriceOre: 166_700, quantity: 1 });
    const april = service.find((l) => l.periodStart === '2022-04-01');
    expect(april).toMatchObject({ netOre: 125_000, description: 'Tjänst: Fakturatjänst (9 månader)' });
    expect(april).not.toHaveProperty('exactOre');
    const note = roundingNote(plan.invoices.flatMap((i) => i.lines));
    expect(note?.replace(/\s/gu, ' ')).toMatch(/^Beloppen är avrundade till hela kronor per rad \(18 rader med ören\): \+5,94 kr jämfört med fakturaunderlaget\.$/u);
  });

  it('puts membership fees outside VAT and service fees with VAT on separate invoices, and says why', () => {
    for (const invoice of plan.invoices) expect(new Set(invoice.lines.map((l) => l.vat.category)).size).toBe(1);
    const upplandsVasby = plan.invoices.filter((i) => i.organisationId === 'org-kommun-0114');
    expect(upplandsVasby.map((i) => i.lines.map((l) => l.vat.category))).toEqual([['O'], ['S']]);
    expect(splitNote(plan.invoices)).toContain('EN 16931');
    expect(splitNote(plan.invoices.filter((i) => i.organisationId === 'org-kommun-1440'))).toBeUndefined();
  });

  it('gives each customer a customer number once, in the basis order, and stable basis references', () => {
    const numbers = plan.newBilling.map((b) => b.customerNumber);
    expect(numbers).toEqual(numbers.map((_, i) => 1001 + i));
    expect(plan.nextCustomerNumber).toBe(1001 + numbers.length);
    const again = planRun(apply(doc, plan), { year: 2023, kind: 'year' }, { ids: counter(), now });
    expect(again.newBilling).toEqual([]);
    const ale = plan.newBilling.find((b) => b.organisationId === 'org-kommun-1440');
    const line = plan.invoices.flatMap((i) => i.lines).find((l) => l.basisReference === basisReference(ale?.customerNumber ?? 0, 2022, `tjanst-${FEE_SERVICE_ID}`));
    expect(line?.description).toBe('Tjänst: Fakturatjänst');
  });

  it('never drafts a basis line twice: a second run of the year is refused when all is drafted', () => {
    const after = apply(doc, plan);
    const error = refusal(() => planRun(after, { year: 2022, kind: 'year' }, { ids: counter(), now }));
    expect(error.message).toBe('Fakturaunderlaget för 2022 är redan fakturerat: varje rad finns redan på en faktura eller ett utkast.');
  });

  it('drafts a joiners run for memberships starting on or after the date, and only what is not invoiced yet', () => {
    const joined = produce(doc, (d) => {
      d.memberships.push({ id: 'm-new', organisationId: 'org-kommun-0114', joined: '2022-05-01', note: '' });
    });
    const joiners = planRun(joined, { year: 2022, kind: 'joiners', joinedFrom: '2022-05-01' }, { ids: counter(), now });
    expect(new Set(joiners.invoices.map((i) => i.organisationId))).toEqual(new Set(['org-kommun-0114']));
    expect(joiners.run).toMatchObject({ kind: 'joiners', joinedFrom: '2022-05-01', title: 'Nya medlemmar 2022 från 2022-05-01' });
    const afterYear = apply(joined, planRun(joined, { year: 2022, kind: 'year' }, { ids: counter(), now }));
    expect(refusal(() => planRun(afterYear, { year: 2022, kind: 'joiners', joinedFrom: '2022-05-01' }, { ids: counter(), now })).message).toContain('redan fakturerat');
    expect(refusal(() => planRun(doc, { year: 2022, kind: 'joiners', joinedFrom: '2022-11-01' }, { ids: counter(), now })).message).toBe(
      'Fakturaunderlaget för nya medlemmar från 2022-11-01 har inga rader att fakturera.',
    );
  });

  it('uses the article the accountant stored for what a line sells, whatever its id, and stores only missing defaults', () => {
    const own = produce(doc, (d) => {
      d.invoicing.articles.push({ id: 'eget-id', kind: 'yearly-fee', name: 'Medlemsavgift', incomeAccount: '3011', vat: { category: 'E', ratePercent: 0, exemptionReason: 'Undantaget' } });
    });
    const run = planRun(own, { year: 2022, kind: 'year' }, { ids: counter(), now });
    const yearly = run.invoices.flatMap((i) => i.lines).filter((l) => l.description.startsWith('Årsavgift'));
    expect(yearly.length).toBeGreaterThan(0);
    expect(yearly.every((l) => l.articleId === 'eget-id' && l.incomeAccount === '3011' && l.vat.category === 'E')).toBe(true);
    expect(run.newArticles.map((a) => a.kind)).toEqual(['service-fee']);
  });

  it('bills a member to the payer its billing details name, with the member named on the line', () => {
    const paid = produce(doc, (d) => {
      d.invoicing.billing.push(
        { id: 'b-gbg', organisationId: 'org-kommun-1480', customerNumber: 5001, example: false },
        { id: 'b-ale', organisationId: 'org-kommun-1440', customerNumber: 5002, payerOrganisationId: 'org-kommun-1480', example: false },
      );
    });
    const run = planRun(paid, { year: 2022, kind: 'year' }, { ids: counter(), now });
    expect(run.invoices.some((i) => i.organisationId === 'org-kommun-1440')).toBe(false);
    const gbg = run.invoices.filter((i) => i.organisationId === 'org-kommun-1480');
    expect(gbg.every((i) => i.customerNumber === 5001)).toBe(true);
    expect(gbg.flatMap((i) => i.lines.map((l) => l.description))).toContain('Ale: Tjänst: Fakturatjänst');
  });
});

describe('planIssue, planCredit, planPayment and summarise', () => {
  const base = invoicingDocument();
  const plan = planRun(base, { year: 2022, kind: 'year' }, { ids: counter(), now });
  const drafted = withAddresses(apply(base, plan));
  const context = { date: '2022-03-01', now, by: 'kansliet' };

  it('numbers drafts from the series without gaps, with due dates, valid OCR and voucher numbers', () => {
    const drafts = drafted.invoicing.invoices.slice(0, 3);
    const { issued, settings } = planIssue(drafted, drafts, context);
    expect(issued.map((i) => i.number)).toEqual(['1', '2', '3']);
    expect(issued.map((i) => i.voucherNumber)).toEqual([1, 2, 3]);
    expect(issued.every((i) => i.dueDate === '2022-03-31' && i.issueDate === '2022-03-01' && isValidOcr(i.ocr ?? ''))).toBe(true);
    expect(settings).toMatchObject({ nextInvoiceNumber: 4, nextVoucherNumber: 4 });
    // Outside VAT: no VAT number of the seller's on it (BR-O-02); with VAT, it is there.
    const outside = drafted.invoicing.invoices.find((i) => i.lines[0]?.vat.category === 'O') as Invoice;
    expect(planIssue(drafted, [outside], context).issued[0]?.seller).not.toHaveProperty('vatNumber');
    const withVat = drafted.invoicing.invoices.find((i) => i.lines[0]?.vat.category === 'S') as Invoice;
    expect(planIssue(drafted, [withVat], context).issued[0]?.seller?.vatNumber).toBe(sampleSettings.vatNumber);
  });

  it('refuses, naming what, when a detail of the association or a customer is missing, and issues nothing', () => {
    const noBank = produce(drafted, (d) => {
      const s = d.invoicing.settings[0];
      if (s) {
        s.bankgiro = '';
        s.iban = '';
      }
      const first = d.invoicing.billing.find((b) => b.organisationId === d.invoicing.invoices[0]?.organisationId);
      if (first) {
        delete first.invoiceAddress;
        delete first.invoiceEmail;
      }
    });
    const error = refusal(() => planIssue(noBank, noBank.invoicing.invoices.slice(0, 2), context));
    // Ale is a municipality without an organisation number in the register: no default Peppol ID either.
    expect(error.message).toBe('Inget utfärdades: Föreningens uppgifter saknar bankgiro eller IBAN; Ale saknar fakturaadress, Peppol-ID (eller organisationsnummer) eller e-post för fakturor.');
  });

  it('a part payment leaves it unpaid, overdue after the due date; paid in full it is paid', () => {
    const { issued } = planIssue(drafted, [drafted.invoicing.invoices[0] as Invoice], context);
    const invoice = issued[0] as Invoice;
    const doc = produce(drafted, (d) => {
      d.invoicing.invoices[0] = invoice;
    });
    const total = invoiceTotals(invoice.lines).totalOre;
    const { payment } = planPayment(doc, invoice, { date: '2022-03-10', amountOre: 100_000 }, { ids: counter(), now, by: '' });
    const paidPart = produce(doc, (d) => {
      d.invoicing.payments.push(payment);
    });
    expect(summarise(invoice, ledgerOf(paidPart), '2022-03-31')).toMatchObject({ state: 'unpaid', paidOre: 100_000, remainingOre: total - 100_000, overdueDays: 0 });
    expect(summarise(invoice, ledgerOf(paidPart), '2022-04-10')).toMatchObject({ state: 'overdue', overdueDays: 10, stateLabel: 'Förfallen' });
    expect(refusal(() => planPayment(paidPart, invoice, { date: '2022-04-10', amountOre: total }, { ids: counter(), now, by: '' })).field).toBe('amountOre');
    expect(refusal(() => planPayment(paidPart, invoice, { date: '2022-04-10', amountOre: -100 }, { ids: counter(), now, by: '' })).field).toBe('note');
    expect(refusal(() => planPayment(paidPart, invoice, { date: '2022-02-01', amountOre: 100 }, { ids: counter(), now, by: '' })).field).toBe('date');
    const rest = planPayment(paidPart, invoice, { date: '2022-04-10', amountOre: total - 100_000 }, { ids: counter(), now, by: '' }).payment;
    const paid = produce(paidPart, (d) => {
      d.invoicing.payments.push(rest);
    });
    expect(summarise(invoice, ledgerOf(paid), '2022-12-31')).toMatchObject({ state: 'paid', remainingOre: 0, overdueDays: 0 });
  });

  it('refuses a payment on a draft and on a credit note', () => {
    const draft = drafted.invoicing.invoices[0] as Invoice;
    expect(refusal(() => planPayment(drafted, draft, { date: '2022-03-10', amountOre: 100 }, { ids: counter(), now, by: '' })).message).toBe(
      'Betalningar registreras på utfärdade fakturor, inte på utkast.',
    );
  });

  it('credits at most what remains: a full credit after a part payment is refused, the rest is allowed', () => {
    const { issued, settings } = planIssue(drafted, [drafted.invoicing.invoices[0] as Invoice], context);
    const invoice = issued[0] as Invoice;
    const doc = produce(drafted, (d) => {
      d.invoicing.invoices[0] = invoice;
      d.invoicing.settings = [settings];
    });
    const full = planCredit(doc, invoice, { reason: 'Fel belopp', date: '2022-03-05' }, { ids: counter(), now, by: '' });
    const note = full.issued[0] as Invoice;
    expect(note).toMatchObject({ kind: 'credit-note', status: 'issued', number: '2', creditOfInvoiceId: invoice.id, note: 'Kreditering av faktura 1: Fel belopp' });
    expect(invoiceTotals(note.lines).totalOre).toBe(invoiceTotals(invoice.lines).totalOre);
    const credited = produce(doc, (d) => {
      d.invoicing.invoices.push(note);
    });
    expect(summarise(invoice, ledgerOf(credited), '2022-12-31')).toMatchObject({ state: 'credited', remainingOre: 0 });
    expect(summarise(note, ledgerOf(credited), '2022-12-31')).toMatchObject({ state: 'credit-note', creditOfNumber: '1' });
    expect(refusal(() => planCredit(credited, invoice, { reason: 'Igen', date: '2022-03-06' }, { ids: counter(), now, by: '' })).message).toContain('blir större än det som återstår');
    expect(refusal(() => planCredit(credited, note, { reason: 'Igen', date: '2022-03-06' }, { ids: counter(), now, by: '' })).message).toBe('En kreditfaktura kan inte krediteras.');
  });
});

describe('summarise on the shared sample', () => {
  it('reads the sample invoice as unpaid before its due date', () => {
    const doc = produce(invoicingDocument(), (d) => {
      d.invoicing.invoices.push(sampleInvoice);
    });
    expect(summarise(sampleInvoice, ledgerOf(doc), sampleInvoice.issueDate ?? '2022-01-01').state).toBe('unpaid');
  });
});
