import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestServices } from '../../support/memory-document';
import { invoicingDocument, withoutInvoicingDetails } from '../../fixtures/invoicing/fee-document';
import type { ChannelInput, ChannelOutput, Result } from '../../../electron/contract';
import { isValidOcr } from '../../../electron/core/domain/invoice-math';
import { accountantModel } from '../../../electron/core/exports/accountant-model';
import { roundToKronor } from '../../../electron/core/domain/fees';

type Services = ReturnType<typeof createTestServices>;

/** The association's details, examples (never a real bank account: bankgiro 991-2346 is Bankgirot's own example). */
const association: ChannelInput<'invoicing/settings-save'> = {
  name: 'Sambruk',
  orgNumber: '802400-0005',
  vatNumber: 'SE802400000501',
  address: { street: 'Exempelgatan 1', postalCode: '111 22', city: 'Stockholm' },
  bankgiro: '991-2346',
  paymentTermsDays: 30,
  example: true,
};

async function data<T>(answer: Promise<Result<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function refused<T>(answer: Promise<Result<T>>) {
  const result = await answer;
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** The default register (with its example invoicing details), or with none entered yet (`bare`). */
function setup(options: { bare?: boolean } = {}, now = '2022-02-15T10:00:00.000Z') {
  const doc = invoicingDocument();
  return createTestServices({ initial: options.bare === true ? withoutInvoicingDetails(doc) : doc, now });
}

/** Every organisation the run invoices gets an address and an invoice e-mail. */
async function fillCustomers(s: Services, year = 2022) {
  const rows = await data(s.call('invoicing/billing-list', { year }));
  for (const row of rows.filter((r) => r.inBasis && r.missing.length > 0)) {
    await data(
      s.call('invoicing/billing-save', {
        organisationId: row.organisationId,
        invoiceAddress: { street: 'Exempelgatan 2', postalCode: '123 45', city: row.name },
        invoiceEmail: 'fakturor@exempel.se',
      }),
    );
  }
}

async function ready(s: Services) {
  await data(s.call('invoicing/settings-save', association));
  await fillCustomers(s);
  return data(s.call('invoicing/run-draft', { year: 2022 }));
}

const issuedNumbers = (s: Services) =>
  s.repo
    .get()
    .invoicing.invoices.filter((i) => i.status === 'issued')
    .map((i) => Number(i.number))
    .sort((a, b) => a - b);

describe('invoicing: settings, articles and billing details', () => {
  it('lists what the association lacks for issuing, in Swedish, until it is filled in', async () => {
    const s = setup({ bare: true });
    const empty = await data(s.call('invoicing/settings-get', {}));
    expect(empty.stored).toBe(false);
    // The fixture's priced service carries VAT, so the VAT number is required too.
    expect(empty.missingForIssuing.map((m) => m.label)).toEqual(['Föreningens namn', 'Organisationsnummer', 'Momsregistreringsnummer', 'Adress', 'Bankgiro eller IBAN']);
    const saved = await data(s.call('invoicing/settings-save', association));
    expect(saved.missingForIssuing).toEqual([]);
    expect(saved.settings).toMatchObject({ name: 'Sambruk', bankgiro: '991-2346', paymentTermsDays: 30, example: true });
    const bad = await refused(s.call('invoicing/settings-save', { bankgiro: '991-2347' }));
    expect(bad).toMatchObject({ field: 'bankgiro', label: 'Bankgiro' });
    expect(bad.message).toContain('kontrollsiffran');
  });

  it('reads the default register’s example details of the association as stored and complete, and says they are examples', async () => {
    const s = setup();
    const stored = await data(s.call('invoicing/settings-get', {}));
    expect(stored).toMatchObject({ stored: true, missingForIssuing: [], settings: { example: true, paymentTermsDays: 30 } });
    const articles = await data(s.call('invoicing/articles-list', {}));
    expect(articles.slice(0, 2).map((a) => [a.name, a.incomeAccount, a.vat.category, a.stored])).toEqual([
      ['Årsavgift', '3010', 'O', true],
      ['Medlemsinsats', '3010', 'O', true],
    ]);
  });

  it('offers the default articles without storing them, and stores one when it is saved', async () => {
    const s = setup({ bare: true });
    const list = await data(s.call('invoicing/articles-list', {}));
    expect(list.slice(0, 2).map((a) => [a.name, a.incomeAccount, a.vat.category, a.stored])).toEqual([
      ['Årsavgift', '3010', 'O', false],
      ['Medlemsinsats', '3010', 'O', false],
    ]);
    expect(s.repo.get().invoicing.articles).toEqual([]);
    const saved = await data(s.call('invoicing/articles-save', { articleId: 'art-arsavgift', incomeAccount: '3894', costCentre: '' }));
    expect(saved).toMatchObject({ incomeAccount: '3894', stored: true, vatLabel: 'Utanför momsens tillämpningsområde' });
    expect(saved).not.toHaveProperty('costCentre');
    const noReason = await refused(s.call('invoicing/articles-save', { articleId: 'art-insats', vat: { category: 'E', ratePercent: 0 } }));
    expect(noReason.field).toBe('vat.exemptionReason');
  });

  it('assigns a customer number on the first save and never changes it; a public body gets its default Peppol ID', async () => {
    const s = setup({ bare: true });
    const first = await data(s.call('invoicing/billing-save', { organisationId: 'org-kommun-1480', buyerReference: 'REF-1' }));
    expect(first.customerNumber).toBe(1001);
    expect(first.defaultPeppolId).toBe('0007:2120001355');
    expect(first.missing.map((m) => m.label)).toEqual(['Fakturaadress']);
    const again = await data(s.call('invoicing/billing-save', { organisationId: 'org-kommun-1480', buyerReference: null }));
    expect(again.customerNumber).toBe(1001);
    expect(again.details).not.toHaveProperty('buyerReference');
    expect(again.advice.map((m) => m.label)).toEqual(['Er referens']);
    const second = await data(s.call('invoicing/billing-save', { organisationId: 'org-kommun-1440', payerOrganisationId: 'org-kommun-1480' }));
    expect(second).toMatchObject({ customerNumber: 1002, payerName: 'Göteborg', missing: [] });
    const chain = await refused(s.call('invoicing/billing-save', { organisationId: 'org-kommun-1480', payerOrganisationId: 'org-kommun-1440' }));
    expect(chain.field).toBe('payerOrganisationId');
    const taken = await refused(s.call('invoicing/billing-save', { organisationId: 'org-kommun-1440', orgNumber: '212000-1355' }));
    expect(taken).toMatchObject({ code: 'duplicate', field: 'orgNumber' });
    const own = await data(s.call('invoicing/billing-save', { organisationId: 'org-kommun-1440', orgNumber: '2120001439' }));
    expect(own).toMatchObject({ orgNumber: '212000-1439', defaultPeppolId: '0007:2120001439' });
    const peppol = await refused(s.call('invoicing/billing-save', { organisationId: 'org-kommun-1480', peppolId: '2120001355' }));
    expect(peppol).toMatchObject({ field: 'peppolId', label: 'Peppol-ID' });
  });
});

describe('invoicing: a run from drafts to payments', () => {
  it('2022: draft, issue, credit, pay in part, overdue; every step in the change log', async () => {
    const s = setup();
    const run = await ready(s);
    const basis = accountantModel(s.repo.get(), { year: 2022 }).invoiceLines;
    expect(run.totalOre - run.vatOre).toBe(basis.reduce((sum, l) => sum + l.amountOre, 0));
    expect(run.basisRoundedOre).toBe(basis.reduce((sum, l) => sum + roundToKronor(l.exactOre ?? l.amountOre), 0));
    expect(run.basisExactOre).toBe(basis.reduce((sum, l) => sum + (l.exactOre ?? l.amountOre), 0));
    expect(run.roundingNote).toContain('avrundade till hela kronor');
    expect(run.splitNote).toContain('EN 16931');
    expect(run.missingAssociation).toEqual([]);
    expect(run.missingCustomers).toEqual([]);
    expect(run.draftCount).toBe(run.invoices.length);
    // The default data's rule for groups' fees is still to be confirmed: the run says to check those lines.
    const groupLines = basis.filter((l) => l.check !== undefined);
    expect(groupLines.length).toBeGreaterThan(0);
    expect(run.checks).toHaveLength(groupLines.length);
    expect(run.checks?.[0]).toMatch(/^.+, Årsavgift 2022: Regeln för gruppers avgift är inte beslutad \(att bekräfta\)\. Kontrollera beloppet innan fakturan utfärdas\.$/u);
    expect((await data(s.call('invoicing/runs-list', { year: 2022 })))[0]).not.toHaveProperty('checks');
    // The drafted run's checks come from the basis it was planned on; the run read afresh computes them again.
    expect((await data(s.call('invoicing/run-get', { runId: run.id }))).checks).toEqual(run.checks);

    const issued = await data(s.call('invoicing/issue', { runId: run.id, date: '2022-03-01' }));
    expect(issued.issued.map((i) => i.number)).toEqual(issued.issued.map((_, i) => String(i + 1)));
    for (const invoice of s.repo.get().invoicing.invoices) expect(isValidOcr(invoice.ocr ?? '')).toBe(true);
    const log = s.repo.get().changeLog.map((e) => e.summary);
    expect(log).toContain(`Utfärdade faktura 1 till ${issued.issued[0]?.customerName ?? ''}`);

    const target = issued.issued.find((i) => i.vatOre > 0) ?? (issued.issued[0] as (typeof issued.issued)[number]);
    const view = await data(s.call('invoicing/invoice-get', { invoiceId: target.id, date: '2022-03-01' }));
    const credit = await data(s.call('invoicing/credit', { invoiceId: target.id, invoiceLineIds: [view.invoice.lines[0]?.id ?? ''], reason: 'Fel period', date: '2022-03-02' }));
    expect(credit).toMatchObject({ kind: 'credit-note', state: 'credit-note', number: String(issued.issued.length + 1), creditOfNumber: target.number });

    const other = issued.issued.find((i) => i.id !== target.id) as (typeof issued.issued)[number];
    const part = await data(s.call('invoicing/payment-record', { invoiceId: other.id, date: '2022-03-20', amountOre: 100_000 }));
    expect(part).toMatchObject({ state: 'unpaid', paidOre: 100_000, remainingOre: other.totalOre - 100_000 });
    expect(part.payments[0]?.voucherNumber).toBe(issued.issued.length + 2);
    const overdue = await data(s.call('invoicing/invoices-list', { status: 'overdue', date: '2022-04-15' }));
    expect(overdue.map((i) => i.id)).toContain(other.id);
    expect(overdue.find((i) => i.id === other.id)).toMatchObject({ overdueDays: 15, stateLabel: 'Förfallen' });
    const reminded = await data(s.call('invoicing/reminder-record', { invoiceId: other.id, date: '2022-04-15' }));
    expect(reminded.reminders).toEqual(['2022-04-15']);
    const rest = await data(s.call('invoicing/payment-record', { invoiceId: other.id, date: '2022-04-20', amountOre: other.totalOre - 100_000 }));
    expect(rest).toMatchObject({ state: 'paid', remainingOre: 0 });
    const paid = await data(s.call('invoicing/invoices-list', { year: 2022, status: 'paid', date: '2022-04-20' }));
    expect(paid.map((i) => i.id)).toEqual([other.id]);
    expect(s.repo.get().changeLog.map((e) => e.summary)).toEqual(expect.arrayContaining([expect.stringMatching(/^Registrerade betalning 1\s000\skr på faktura \d+$/u)]));
  });

  it('undoes drafting and draft edits, but never past issuing or crediting', async () => {
    const s = setup();
    const run = await ready(s);
    const draft = run.invoices[0] as (typeof run.invoices)[number];
    const view = await data(s.call('invoicing/invoice-get', { invoiceId: draft.id }));
    const line = view.invoice.lines[0];
    await data(
      s.call('invoicing/draft-update', {
        invoiceId: draft.id,
        lines: [{ invoiceLineId: line?.id, articleId: line?.articleId ?? '', description: 'Ändrad rad', quantity: 2, unitPriceOre: 50_000 }],
        buyerReference: 'ABC',
      }),
    );
    expect(s.repo.get().invoicing.invoices.find((i) => i.id === draft.id)?.lines[0]).toMatchObject({ description: 'Ändrad rad', netOre: 100_000, quantity: 2 });
    await data(s.call('history/undo', {}));
    expect(s.repo.get().invoicing.invoices.find((i) => i.id === draft.id)?.lines[0]?.description).toBe(line?.description);
    await data(s.call('invoicing/issue', { invoiceIds: [draft.id], date: '2022-03-01' }));
    const state = await data(s.call('history/get-state', {}));
    expect(state.canUndo).toBe(false);
    expect(state.undoRefusal).toMatch(/^«Utfärdade faktura 1 till .+» kan inte ångras: utfärdade fakturor och kreditfakturor är slutgiltiga/u);
    const undo = await refused(s.call('history/undo', {}));
    expect(undo.message).toBe(state.undoRefusal);
    expect(s.repo.get().invoicing.invoices.find((i) => i.id === draft.id)?.status).toBe('issued');
  });

  it('refuses: issuing while a detail is missing, changing or deleting an issued invoice, paying a draft, crediting more than owed', async () => {
    const s = setup({ bare: true });
    await fillCustomers(s);
    const run = await data(s.call('invoicing/run-draft', { year: 2022 }));
    expect(run.missingAssociation.map((m) => m.label)).toEqual(['Föreningens namn', 'Organisationsnummer', 'Momsregistreringsnummer', 'Adress', 'Bankgiro eller IBAN']);
    const blocked = await refused(s.call('invoicing/issue', { runId: run.id }));
    expect(blocked.message).toBe('Inget utfärdades: Föreningens uppgifter saknar föreningens namn, organisationsnummer, momsregistreringsnummer, adress, bankgiro eller IBAN.');
    expect(s.repo.get().invoicing.invoices.every((i) => i.status === 'draft')).toBe(true);
    expect(s.repo.get().invoicing.settings[0]?.nextInvoiceNumber ?? 1).toBe(1);

    const draft = run.invoices[0] as (typeof run.invoices)[number];
    const payDraft = await refused(s.call('invoicing/payment-record', { invoiceId: draft.id, date: '2022-03-01', amountOre: 100 }));
    expect(payDraft.message).toBe('Betalningar registreras på utfärdade fakturor, inte på utkast.');

    await data(s.call('invoicing/settings-save', association));
    await data(s.call('invoicing/issue', { invoiceIds: [draft.id], date: '2022-03-01' }));
    const change = await refused(s.call('invoicing/draft-update', { invoiceId: draft.id, note: 'Ny text' }));
    expect(change.message).toBe('Faktura 1 är utfärdad och kan inte ändras eller tas bort. Rätta den med en kreditfaktura.');
    const remove = await refused(s.call('invoicing/draft-delete', { invoiceId: draft.id }));
    expect(remove.message).toBe(change.message);
    const again = await refused(s.call('invoicing/issue', { invoiceIds: [draft.id] }));
    expect(again.message).toContain('är redan utfärdad');

    await data(s.call('invoicing/payment-record', { invoiceId: draft.id, date: '2022-03-05', amountOre: 100 }));
    const tooMuch = await refused(s.call('invoicing/credit', { invoiceId: draft.id, reason: 'Allt', date: '2022-03-06' }));
    expect(tooMuch.message).toMatch(/^Kreditfakturan \(.+\) blir större än det som återstår att betala på faktura 1/u);
    const overpay = await refused(s.call('invoicing/payment-record', { invoiceId: draft.id, date: '2022-03-05', amountOre: draft.totalOre }));
    expect(overpay).toMatchObject({ field: 'amountOre', label: 'Belopp' });
    const mixed = await refused(
      s.call('invoicing/draft-update', {
        invoiceId: (run.invoices.find((i) => i.vatOre === 0 && i.state === 'draft' && i.id !== draft.id) ?? draft).id,
        lines: [
          { articleId: 'art-arsavgift', description: 'Årsavgift', quantity: 1, unitPriceOre: 100_000 },
          { articleId: 'art-tjanst-svc-fakturatest', description: 'Tjänst', quantity: 1, unitPriceOre: 100_000 },
        ],
      }),
    );
    expect(mixed.field).toBe('lines');
    const ore = await refused(s.call('invoicing/draft-update', { invoiceId: run.invoices[1]?.id ?? '', lines: [{ articleId: 'art-arsavgift', description: 'x', quantity: 1, unitPriceOre: 150 }] }));
    expect(ore.field).toBe('lines.0.unitPriceOre');
  });

  it('keeps the numbers unbroken after deleted drafts: deleting never uses a number, issuing always does', async () => {
    const s = setup();
    const run = await ready(s);
    const [a, b, c] = run.invoices;
    await data(s.call('invoicing/issue', { invoiceIds: [a?.id ?? ''], date: '2022-03-01' }));
    await data(s.call('invoicing/draft-delete', { invoiceId: b?.id ?? '' }));
    await data(s.call('invoicing/issue', { invoiceIds: [c?.id ?? ''], date: '2022-03-02' }));
    expect(issuedNumbers(s)).toEqual([1, 2]);
    // The deleted draft's basis lines are drafted again by the next run of the year.
    const next = await data(s.call('invoicing/run-draft', { year: 2022 }));
    expect(next.invoices.map((i) => i.organisationId)).toEqual([b?.organisationId]);
  });
});

describe('invoicing: drafts line by line', () => {
  it('adds a line (storing its default article), removes one, keeps a kept line’s basis reference, and undoes the run whole', async () => {
    const s = setup();
    const run = await ready(s);
    const target = run.invoices.find((i) => i.vatOre > 0) as (typeof run.invoices)[number];
    const before = (await data(s.call('invoicing/invoice-get', { invoiceId: target.id }))).invoice;
    const kept = before.lines[0];
    const view = await data(
      s.call('invoicing/draft-update', {
        invoiceId: target.id,
        lines: [
          { invoiceLineId: kept?.id, articleId: kept?.articleId ?? '', description: kept?.description ?? '', quantity: 1, unitPriceOre: kept?.unitPriceOre ?? 0 },
          { articleId: 'art-tjanst-svc-fakturatest', description: 'Extra utbildningsdag', quantity: 1.5, unitPriceOre: 1_000_00 },
        ],
        note: 'Enligt avtal.',
      }),
    );
    expect(view.invoice.lines).toHaveLength(2);
    expect(view.invoice.lines[0]).toMatchObject({ id: kept?.id, basisReference: kept?.basisReference, exactOre: kept?.exactOre });
    expect(view.invoice.lines[1]).toMatchObject({ description: 'Extra utbildningsdag', quantity: 1.5, netOre: 1_500_00, vat: { category: 'S', ratePercent: 25 } });
    expect(view).toMatchObject({ netOre: (kept?.netOre ?? 0) + 1_500_00, vatOre: ((kept?.netOre ?? 0) + 1_500_00) / 4 });
    expect(view.invoice.note).toBe('Enligt avtal.');
    expect(s.repo.get().invoicing.articles.map((a) => a.id)).toContain('art-tjanst-svc-fakturatest');
    const removed = await data(
      s.call('invoicing/draft-update', {
        invoiceId: target.id,
        lines: [{ articleId: 'art-tjanst-svc-fakturatest', description: 'Bara en rad', quantity: 1, unitPriceOre: 500_00 }],
      }),
    );
    expect(removed.invoice.lines.map((l) => l.description)).toEqual(['Bara en rad']);
    expect(removed.invoice.lines[0]).not.toHaveProperty('basisReference');
    // Undo three times: the two edits and the run itself; the register is as before the run.
    const beforeRun = s.repo.get().invoicing.runs.length - 1;
    for (let i = 0; i < 3; i++) await data(s.call('history/undo', {}));
    expect(s.repo.get().invoicing.runs).toHaveLength(beforeRun);
    expect(s.repo.get().invoicing.invoices).toEqual([]);
  });
});

describe('invoicing: numbering holds under any sequence', () => {
  type Step =
    | { kind: 'issue'; pick: number }
    | { kind: 'delete'; pick: number }
    | { kind: 'credit'; pick: number }
    | { kind: 'pay'; pick: number; share: number }
    | { kind: 'draft' };
  const step = fc.oneof(
    fc.record({ kind: fc.constant('issue' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('credit' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
    fc.constant({ kind: 'draft' as const }),
  );

  it('issued numbers are 1..n without gaps and every OCR is valid, after random draft/issue/credit/pay sequences', async () => {
    const s0 = setup();
    await data(s0.call('invoicing/settings-save', association));
    await fillCustomers(s0);
    const prepared = s0.repo.get();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps: Step[]) => {
        const s = createTestServices({ initial: prepared, now: '2022-02-15T10:00:00.000Z' });
        await data(s.call('invoicing/run-draft', { year: 2022 }));
        for (const st of steps) {
          const invoices = s.repo.get().invoicing.invoices;
          const drafts = invoices.filter((i) => i.status === 'draft');
          const open = invoices.filter((i) => i.status === 'issued' && i.kind === 'invoice');
          const pick = <T>(list: readonly T[], n: number) => list[n % Math.max(1, list.length)];
          let answer: Result<ChannelOutput<'invoicing/issue'> | unknown> | undefined;
          if (st.kind === 'issue' && drafts.length > 0) answer = await s.call('invoicing/issue', { invoiceIds: [pick(drafts, st.pick)?.id ?? ''], date: '2022-03-01' });
          if (st.kind === 'delete' && drafts.length > 0) answer = await s.call('invoicing/draft-delete', { invoiceId: pick(drafts, st.pick)?.id ?? '' });
          if (st.kind === 'draft') answer = await s.call('invoicing/run-draft', { year: 2022 });
          if (st.kind === 'credit' && open.length > 0) answer = await s.call('invoicing/credit', { invoiceId: pick(open, st.pick)?.id ?? '', reason: 'Test', date: '2022-03-10' });
          if (st.kind === 'pay' && open.length > 0) {
            const target = pick(open, st.pick);
            const owed = (await data(s.call('invoicing/invoice-get', { invoiceId: target?.id ?? '', date: '2022-03-10' }))).remainingOre;
            if (owed > 0) answer = await s.call('invoicing/payment-record', { invoiceId: target?.id ?? '', date: '2022-03-10', amountOre: Math.max(1, Math.floor(owed * st.share)) });
          }
          // Refusals are allowed (nothing left to draft, a fully paid invoice credited), but never an internal error.
          if (answer && !answer.ok) expect(answer.error.code).toBe('validation');
        }
        const numbers = issuedNumbers(s);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        const after = s.repo.get();
        expect(after.invoicing.settings[0]?.nextInvoiceNumber).toBe(numbers.length + 1);
        for (const invoice of after.invoicing.invoices.filter((i) => i.status === 'issued' && i.kind === 'invoice')) expect(isValidOcr(invoice.ocr ?? '')).toBe(true);
        const vouchers = [...after.invoicing.invoices.map((i) => i.voucherNumber), ...after.invoicing.payments.map((p) => p.voucherNumber)].filter((v) => v !== undefined).sort((x, y) => x - y);
        expect(vouchers).toEqual(vouchers.map((_, i) => i + 1));
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
