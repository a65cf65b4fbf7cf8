import { describe, expect, it } from 'vitest';
import type { InvoiceSummary } from '../../../../electron/contract/model/invoicing-views';
import {
  draftToForm,
  draftUpdateInput,
  filterFromQuery,
  fixTargetOfAssociation,
  fixTargetOfCustomer,
  formKeyOfField,
  invoiceTitle,
  lineAmountOre,
  listTotals,
  missingText,
  parseQuantity,
  parseWholeKronor,
  paymentFormFor,
  paymentInput,
  queryOfFilter,
  viewFromParams,
} from '../../../../renderer/features/fakturering/fakturering.view-model';
import { sampleInvoice } from '../../../fixtures/invoicing/sample-invoices';

const keys = () => {
  let n = 0;
  return () => `k${(n += 1)}`;
};

describe('Fakturering: the address', () => {
  it('opens the invoice list, a tab or one invoice', () => {
    expect(viewFromParams([])).toEqual({ kind: 'fakturor' });
    expect(viewFromParams(['korning'])).toEqual({ kind: 'korning' });
    expect(viewFromParams(['installningar'])).toEqual({ kind: 'installningar' });
    expect(viewFromParams(['faktura', 'inv-1'])).toEqual({ kind: 'faktura', invoiceId: 'inv-1' });
    expect(viewFromParams(['faktura'])).toEqual({ kind: 'fakturor' });
    expect(viewFromParams(['okand'])).toEqual({ kind: 'fakturor' });
  });

  it('reads the list filters in Swedish words, today’s year and every status by default', () => {
    expect(filterFromQuery(new URLSearchParams(''), 2022)).toEqual({ year: 2022, status: 'all' });
    expect(filterFromQuery(new URLSearchParams('ar=2021&status=obetalda'), 2022)).toEqual({ year: 2021, status: 'unpaid' });
    expect(filterFromQuery(new URLSearchParams('ar=alla&status=forfallna'), 2022)).toEqual({ year: undefined, status: 'overdue' });
    expect(filterFromQuery(new URLSearchParams('ar=20x&status=unpaid'), 2022)).toEqual({ year: 2022, status: 'all' });
  });

  it('writes the filters back so they read the same', () => {
    for (const filter of [
      { year: 2022, status: 'draft' as const },
      { year: undefined, status: 'paid' as const },
      { year: 2020, status: 'all' as const },
    ])
      expect(filterFromQuery(new URLSearchParams(queryOfFilter(filter)), 1999)).toEqual(filter);
    expect(queryOfFilter({ year: 2022, status: 'all' })).toEqual({ ar: '2022' });
  });
});

const summary = (over: Partial<InvoiceSummary>): InvoiceSummary => ({
  id: 'i',
  kind: 'invoice',
  state: 'unpaid',
  stateLabel: 'Obetald',
  year: 2022,
  organisationId: 'o',
  customerNumber: 1001,
  customerName: 'Ale kommun',
  netOre: 0,
  vatOre: 0,
  totalOre: 0,
  paidOre: 0,
  creditedOre: 0,
  remainingOre: 0,
  overdueDays: 0,
  reminders: [],
  ...over,
});

describe('Fakturering: the list', () => {
  it('sums what the invoices shown are worth, leaving credit notes out (they are in the invoices’ remaining)', () => {
    const rows = [
      summary({ totalOre: 100_000, paidOre: 40_000, remainingOre: 60_000 }),
      summary({ totalOre: 50_000, paidOre: 0, creditedOre: 50_000, remainingOre: 0, state: 'credited' }),
      summary({ kind: 'credit-note', totalOre: 50_000, state: 'credit-note' }),
    ];
    expect(listTotals(rows)).toEqual({ totalOre: 150_000, paidOre: 40_000, remainingOre: 60_000 });
  });

  it('names an invoice by its number once issued, a draft by its customer', () => {
    expect(invoiceTitle({ kind: 'invoice', customerName: 'Ale kommun' })).toBe('Utkast till Ale kommun');
    expect(invoiceTitle({ kind: 'invoice', number: '12', customerName: 'Ale kommun' })).toBe('Faktura 12 till Ale kommun');
    expect(invoiceTitle({ kind: 'credit-note', number: '13', customerName: 'Ale kommun' })).toBe('Kreditfaktura 13 till Ale kommun');
  });
});

describe('Fakturering: a draft’s lines', () => {
  it('reads quantities with a comma or a point, positive, at most three decimals', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1,5')).toBe(1.5);
    expect(parseQuantity(' 0.125 ')).toBe(0.125);
    expect(parseQuantity('0')).toBeUndefined();
    expect(parseQuantity('-1')).toBeUndefined();
    expect(parseQuantity('1,2345')).toBeUndefined();
    expect(parseQuantity('två')).toBeUndefined();
  });

  it('takes unit prices in whole kronor as the secretariat types them, and refuses öre', () => {
    expect(parseWholeKronor('1 667')).toEqual({ ok: true, ore: 166_700 });
    expect(parseWholeKronor('80000 kr')).toEqual({ ok: true, ore: 8_000_000 });
    expect(parseWholeKronor('−500')).toEqual({ ok: true, ore: -50_000 });
    expect(parseWholeKronor('1 666,67')).toMatchObject({ ok: false, message: 'Skriv ett belopp i hela kronor.' });
    expect(parseWholeKronor('')).toMatchObject({ ok: false });
  });

  it('turns an unchanged draft into the same lines, keeping each line’s id', () => {
    const form = draftToForm(sampleInvoice, keys());
    expect(form.lines[0]).toMatchObject({ invoiceLineId: 'l1', quantity: '1', description: 'Medlemsavgift 2022' });
    const built = draftUpdateInput('inv-1', form);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.input.lines).toEqual(
      sampleInvoice.lines.map((l) => ({ invoiceLineId: l.id, articleId: l.articleId, description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre })),
    );
    expect(built.input.buyerReference).toBe('ABC123');
  });

  it('adds and removes lines and clears an emptied note', () => {
    const form = draftToForm(sampleInvoice, keys());
    const changed = {
      ...form,
      note: '  ',
      lines: [...form.lines.slice(1), { key: 'new', articleId: 'art-x', description: ' Extra konsult ', quantity: '2', unitPrice: '1 500' }],
    };
    const built = draftUpdateInput('inv-1', changed);
    expect(built).toMatchObject({ ok: true });
    if (!built.ok) return;
    expect(built.input.note).toBeNull();
    expect(built.input.lines?.at(-1)).toEqual({ articleId: 'art-x', description: 'Extra konsult', quantity: 2, unitPriceOre: 150_000 });
    expect(built.input.lines?.some((l) => l.invoiceLineId === sampleInvoice.lines[0]?.id)).toBe(false);
  });

  it('says what is wrong on which line, and sends nothing', () => {
    const built = draftUpdateInput('inv-1', {
      note: '',
      buyerReference: '',
      lines: [
        { key: 'a', articleId: 'x', description: 'Ok', quantity: '1', unitPrice: '100' },
        { key: 'b', articleId: '', description: ' ', quantity: '0', unitPrice: '12,50' },
      ],
    });
    expect(built).toEqual({
      ok: false,
      errors: {
        'lines.1.description': 'Skriv vad raden avser.',
        'lines.1.articleId': 'Välj vad raden gäller.',
        'lines.1.quantity': 'Skriv ett antal större än 0, med högst tre decimaler.',
        'lines.1.unitPrice': 'Skriv ett belopp i hela kronor.',
      },
    });
    expect(draftUpdateInput('inv-1', { note: '', buyerReference: '', lines: [] })).toMatchObject({ ok: false, errors: { lines: 'En faktura behöver minst en rad.' } });
  });

  it('puts the core’s refusal of a line under the field typed in', () => {
    expect(formKeyOfField('lines.3.unitPriceOre')).toBe('lines.3.unitPrice');
    expect(formKeyOfField('lines.0.description')).toBe('lines.0.description');
    expect(formKeyOfField('buyerReference')).toBe('buyerReference');
    expect(formKeyOfField('invoiceId')).toBeUndefined();
  });

  it('shows a line’s amount as quantity × price in whole kronor while typing', () => {
    expect(lineAmountOre({ quantity: '3', unitPrice: '1 667' })).toBe(500_100);
    expect(lineAmountOre({ quantity: '1,5', unitPrice: '3' })).toBe(500);
    expect(lineAmountOre({ quantity: '', unitPrice: '3' })).toBeUndefined();
  });
});

describe('Fakturering: a payment', () => {
  it('starts at today and the whole remaining amount', () => {
    // The amount is written as the money format writes it (a no-break space between the groups).
    const form = paymentFormFor(1_234_500, '2022-06-30');
    expect({ ...form, amount: form.amount.replace(/\s/gu, ' ') }).toEqual({ date: '2022-06-30', amount: '12 345', note: '' });
    expect(paymentInput('inv-1', form)).toMatchObject({ ok: true, input: { amountOre: 1_234_500 } });
    expect(paymentFormFor(0, '2022-06-30').amount).toBe('');
  });

  it('takes a part payment with öre, and a negative one that reverses a wrong payment', () => {
    expect(paymentInput('inv-1', { date: '2022-07-01', amount: '5 000,50', note: '' })).toEqual({
      ok: true,
      input: { invoiceId: 'inv-1', date: '2022-07-01', amountOre: 500_050 },
    });
    expect(paymentInput('inv-1', { date: '2022-07-01', amount: '-100', note: 'Fel faktura' })).toMatchObject({ ok: true, input: { amountOre: -10_000, note: 'Fel faktura' } });
  });

  it('refuses a date that is no date, and nothing or zero paid', () => {
    expect(paymentInput('inv-1', { date: '2022-02-30', amount: '0', note: '' })).toEqual({
      ok: false,
      errors: { date: 'Skriv datumet som ÅÅÅÅ-MM-DD.', amountOre: 'Beloppet kan inte vara 0.' },
    });
    const empty = paymentInput('inv-1', { date: '2022-07-01', amount: '', note: '' });
    expect(empty.ok).toBe(false);
  });
});

describe('Fakturering: where a missing detail is fixed', () => {
  it('sends an association detail to its field under Inställningar, a customer’s to its row under Kunder', () => {
    expect(fixTargetOfAssociation({ field: 'bankgiro', label: 'Bankgiro eller IBAN' })).toEqual({ section: 'installningar', query: { falt: 'bankgiro' } });
    expect(fixTargetOfCustomer('org-ale')).toEqual({ section: 'kunder', query: { kund: 'org-ale' } });
    expect(missingText([{ field: 'a', label: 'Adress' }, { field: 'b', label: 'Er referens' }])).toBe('Adress, Er referens');
  });
});
