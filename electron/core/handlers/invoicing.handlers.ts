/**
 * Invoicing channels (issue 17): settings, articles, billing details, runs, drafts, issuing, credit notes,
 * payments and reminders. Every change goes through `repo.change` with a Swedish summary; drafting and editing
 * drafts can be undone, issuing and crediting are final (the repository refuses to undo past them).
 *
 * Every change plans on the document as it stands when it runs (`tx.doc`), never on one read before: in the
 * shared register a change is run again on a newer state, and a number series or a draft someone else has just
 * issued must be read there, or two invoices would get one number.
 */
import { AppError, type ChannelHandlers } from '../../contract';
import type { BillingDetails, Invoice, InvoiceLine, InvoiceSettings } from '../../contract/model/invoicing';
import type { BillingRow, InvoiceRunView, InvoiceView } from '../../contract/model/invoicing-views';
import { defaultPeppolId } from '../../contract/rules/payment-details';
import type { SambrukDocument } from '../store/schema';
import type { Transaction } from '../store/transaction';
import type { HandlerContext } from './create-handlers';
import { allArticles, articleById, articleView, articleViews } from '../domain/articles';
import { associationMissing, customerAdvice, customerMissing, isPublicBody, takeCustomerNumber } from '../domain/billing';
import {
  anyVat,
  checkReminder,
  issueBlockers,
  ledgerOf,
  planCredit,
  planIssue,
  planPayment,
  planRun,
  roundingNote,
  runTitle,
  settingsOf,
  splitNote,
  summarise,
  type Ledger,
} from '../domain/invoicing';
import { invoiceTotals } from '../domain/invoice-math';
import { invoiceBasis, type InvoiceLine as BasisLine } from '../exports/invoice-basis';
import { formatOre } from '../domain/amounts';
import { countOf, compareSv } from '../domain/swedish';
import { assertNotDuplicate } from '../domain/organisations';
import { roundToKronor } from '../domain/fees';

// The file channels (`invoicing/export-…`) are in invoicing-files.handlers.ts.
type InvoicingChannel = Exclude<Extract<keyof ChannelHandlers, `invoicing/${string}`>, `invoicing/export-${string}`>;

/** Why issuing cannot be undone, said by the undo it refuses. */
const FINAL = 'kan inte ångras: utfärdade fakturor och kreditfakturor är slutgiltiga (bokföringslagen). Rätta med en kreditfaktura.';

function findInvoice(doc: Pick<SambrukDocument, 'invoicing'>, invoiceId: string): Invoice {
  const invoice = doc.invoicing.invoices.find((i) => i.id === invoiceId);
  if (!invoice) throw new AppError('not-found', 'Fakturan finns inte (det kan vara ett utkast som har tagits bort).', { field: 'invoiceId' });
  return invoice;
}

function requireDraft(invoice: Invoice): void {
  if (invoice.status !== 'draft')
    throw new AppError('validation', `Faktura ${invoice.number ?? ''} är utfärdad och kan inte ändras eller tas bort. Rätta den med en kreditfaktura.`, { field: 'invoiceId' });
}

/** Writes the settings row (inserting it the first time). */
function writeSettings(tx: Transaction, next: InvoiceSettings, summary?: string | false): void {
  // `false`: the series moved on as part of a change another entry describes (an invoice issued, a payment).
  const entry = summary === false ? { logged: false } : summary !== undefined ? { summary } : undefined;
  if (tx.invoiceSettings.has('association')) tx.invoiceSettings.update('association', () => next, entry);
  else tx.invoiceSettings.insert(next, entry);
}

function customerName(doc: Pick<SambrukDocument, 'organisations'>, organisationId: string): string {
  return doc.organisations.find((o) => o.id === organisationId)?.name ?? organisationId;
}

export function createInvoicingHandlers({ repo, ports, today }: HandlerContext): Pick<ChannelHandlers, InvoicingChannel> {
  const now = () => ports.clock().toISOString();
  const by = () => ports.user?.() ?? '';

  function settingsView() {
    const doc = repo.get();
    const settings = settingsOf(doc);
    // VAT is charged when a draft has it, or an article with VAT will be invoiced (a priced service, a fee).
    const priced = new Set(doc.services.filter((sv) => sv.pricing.length > 0).map((sv) => sv.id));
    const withVat =
      anyVat(doc.invoicing.invoices.filter((i) => i.status === 'draft')) ||
      allArticles(doc.invoicing.articles, doc.services).some(({ article }) => article.vat.category !== 'O' && (article.serviceId === undefined || priced.has(article.serviceId)));
    return {
      settings,
      stored: doc.invoicing.settings.length > 0,
      missingForIssuing: associationMissing(settings, withVat),
      anyIssued: doc.invoicing.invoices.some((i) => i.status === 'issued'),
    };
  }

  function invoiceView(doc: SambrukDocument, invoice: Invoice, date: string, ledger: Ledger = ledgerOf(doc)): InvoiceView {
    const summary = summarise(invoice, ledger, date);
    const totals = invoiceTotals(invoice.lines);
    const rounding = roundingNote(invoice.lines);
    const siblings = invoice.runId !== undefined ? doc.invoicing.invoices.filter((i) => i.runId === invoice.runId && i.organisationId === invoice.organisationId) : [invoice];
    const split = splitNote(siblings);
    const blockers = invoice.status === 'draft' ? issueBlockers(doc, [invoice]) : { association: [], customers: [] };
    const billing = doc.invoicing.billing.find((b) => b.organisationId === invoice.organisationId);
    const address = invoice.buyer?.address ?? billing?.invoiceAddress;
    return {
      ...summary,
      invoice,
      breakdown: totals.breakdown.map((b) => ({
        category: b.category,
        ratePercent: b.ratePercent,
        taxableOre: b.taxableOre,
        vatOre: b.vatOre,
        ...(b.exemptionReason !== undefined ? { exemptionReason: b.exemptionReason } : {}),
      })),
      payments: [...(ledger.paymentsByInvoice.get(invoice.id) ?? [])],
      creditNotes: (ledger.creditNotesByInvoice.get(invoice.id) ?? []).map((c) => summarise(c, ledger, date)),
      ...(rounding !== undefined ? { roundingNote: rounding } : {}),
      ...(split !== undefined ? { splitNote: split } : {}),
      blocking: [...blockers.association, ...blockers.customers.flatMap((c) => c.missing)],
      ...(address !== undefined ? { buyerAddress: address } : {}),
    };
  }

  /**
   * The basis's warnings for the organisations the drafts bill (themselves and those they pay for). `basis` is the
   * year's basis when the caller has it already (a run just drafted from it; its checks do not depend on billing).
   */
  function basisChecks(doc: SambrukDocument, year: number, drafts: readonly Invoice[], basis?: readonly BasisLine[]): string[] {
    if (drafts.length === 0) return [];
    const payers = new Set(drafts.map((d) => d.organisationId));
    const covered = new Set([...payers, ...doc.invoicing.billing.filter((b) => b.payerOrganisationId !== undefined && payers.has(b.payerOrganisationId)).map((b) => b.organisationId)]);
    const texts = new Set<string>();
    for (const line of basis ?? invoiceBasis(doc, { year }).lines) {
      if (line.check !== undefined && covered.has(line.organisationId)) texts.add(`${line.customer}, ${line.item}: ${line.check}. Kontrollera beloppet innan fakturan utfärdas.`);
    }
    return [...texts];
  }

  function runView(doc: SambrukDocument, runId: string, date: string, withChecks = true, basis?: readonly BasisLine[]): InvoiceRunView {
    const run = doc.invoicing.runs.find((r) => r.id === runId);
    if (!run) throw new AppError('not-found', 'Fakturakörningen finns inte (den kan ha ångrats).', { field: 'runId' });
    const ledger = ledgerOf(doc);
    const invoices = doc.invoicing.invoices.filter((i) => i.runId === runId && i.kind === 'invoice');
    const summaries = invoices.map((i) => summarise(i, ledger, date));
    const lines = invoices.flatMap((i) => i.lines);
    const drafts = invoices.filter((i) => i.status === 'draft');
    const blockers = drafts.length > 0 ? issueBlockers(doc, drafts) : { association: [], customers: [] };
    const basisLines = lines.filter((l) => l.basisReference !== undefined);
    const rounding = roundingNote(lines);
    const split = splitNote(invoices);
    const checks = withChecks ? basisChecks(doc, run.year, drafts, basis) : [];
    return {
      id: run.id,
      year: run.year,
      kind: run.kind,
      ...(run.joinedFrom !== undefined ? { joinedFrom: run.joinedFrom } : {}),
      title: run.title,
      createdAt: run.createdAt,
      draftCount: drafts.length,
      issuedCount: invoices.length - drafts.length,
      totalOre: summaries.reduce((sum, s) => sum + s.totalOre, 0),
      invoices: summaries,
      netOre: summaries.reduce((sum, s) => sum + s.netOre, 0),
      vatOre: summaries.reduce((sum, s) => sum + s.vatOre, 0),
      basisExactOre: basisLines.reduce((sum, l) => sum + (l.exactOre ?? l.netOre), 0),
      basisRoundedOre: basisLines.reduce((sum, l) => sum + roundToKronor(l.exactOre ?? l.netOre), 0),
      ...(rounding !== undefined ? { roundingNote: rounding } : {}),
      ...(split !== undefined ? { splitNote: split } : {}),
      missingAssociation: blockers.association,
      missingCustomers: blockers.customers,
      ...(withChecks ? { checks } : {}),
    };
  }

  function billingRows(doc: SambrukDocument, year: number): BillingRow[] {
    const inBasis = new Set(invoiceBasis(doc, { year }).lines.map((l) => l.organisationId));
    const billingByOrg = new Map(doc.invoicing.billing.map((b) => [b.organisationId, b]));
    // The payers of those in the basis are invoiced too.
    for (const id of [...inBasis]) {
      const payer = billingByOrg.get(id)?.payerOrganisationId;
      if (payer !== undefined) inBasis.add(payer);
    }
    const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
    const rows: BillingRow[] = [];
    for (const org of doc.organisations) {
      const details = billingByOrg.get(org.id);
      if (!details && !inBasis.has(org.id)) continue;
      const paidByOther = details?.payerOrganisationId !== undefined;
      const payerName = paidByOther ? orgById.get(details.payerOrganisationId as string)?.name : undefined;
      const defaultId = isPublicBody(org) ? defaultPeppolId(org.orgNumber) : undefined;
      rows.push({
        organisationId: org.id,
        name: org.name,
        kind: org.kind,
        ...(org.orgNumber !== undefined ? { orgNumber: org.orgNumber } : {}),
        ...(details ? { customerNumber: details.customerNumber, details } : {}),
        ...(payerName !== undefined ? { payerName } : {}),
        ...(defaultId !== undefined ? { defaultPeppolId: defaultId } : {}),
        inBasis: inBasis.has(org.id),
        // Whoever pays for it gets the invoice: nothing is missing on its own account.
        missing: paidByOther ? [] : customerMissing(org, details),
        advice: paidByOther ? [] : customerAdvice(details),
        example: details?.example ?? false,
      });
    }
    return rows.sort((a, b) => compareSv(a.name, b.name) || a.organisationId.localeCompare(b.organisationId));
  }

  function billingRow(organisationId: string): BillingRow {
    const doc = repo.get();
    const row = billingRows(doc, Number(today().slice(0, 4))).find((r) => r.organisationId === organisationId);
    if (!row) throw new AppError('internal', 'Faktureringsuppgifterna sparades men kunde inte läsas.');
    return row;
  }

  return {
    'invoicing/settings-get': () => settingsView(),

    'invoicing/settings-save': async ({ example, address, ...patch }) => {
      await repo.change('Ändrade föreningens faktureringsuppgifter', (tx) => {
        const current = settingsOf(tx.doc);
        const anyIssued = tx.doc.invoicing.invoices.some((i) => i.status === 'issued');
        if (patch.nextInvoiceNumber !== undefined && patch.nextInvoiceNumber !== current.nextInvoiceNumber && anyIssued) {
          const fieldMessage = 'Nummerserien kan inte ändras när fakturor har utfärdats: numren ska vara obrutna.';
          throw new AppError('validation', `Nästa fakturanummer: ${fieldMessage}`, { field: 'nextInvoiceNumber' }, fieldMessage);
        }
        const next: InvoiceSettings = { ...current };
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) (next as Record<string, unknown>)[key] = value;
        if (address !== undefined) {
          const { street2, ...rest } = address;
          next.address = { ...rest, ...(street2 ? { street2 } : {}) };
        }
        if (example !== undefined) next.example = example;
        writeSettings(tx, next);
      });
      return settingsView();
    },

    'invoicing/articles-list': () => {
      const doc = repo.get();
      return articleViews(doc.invoicing.articles, doc.services);
    },

    'invoicing/articles-save': async ({ articleId, name, incomeAccount, vat, costCentre }) => {
      const named = articleById(repo.get().invoicing.articles, repo.get().services, articleId);
      if (!named) throw new AppError('not-found', 'Artikeln finns inte.', { field: 'articleId' });
      const saved = await repo.change(`Ändrade artikeln ${name ?? named.article.name}`, (tx) => {
        const found = articleById(tx.doc.invoicing.articles, tx.doc.services, articleId);
        if (!found) throw new AppError('not-found', 'Artikeln finns inte.', { field: 'articleId' });
        const next = { ...found.article };
        if (name !== undefined) next.name = name;
        if (incomeAccount !== undefined) next.incomeAccount = incomeAccount;
        if (vat !== undefined) {
          next.vat = { category: vat.category, ratePercent: vat.ratePercent, ...(vat.category !== 'S' && vat.exemptionReason ? { exemptionReason: vat.exemptionReason } : {}) };
        }
        if (costCentre !== undefined) {
          if (costCentre === '') delete next.costCentre;
          else next.costCentre = costCentre;
        }
        return tx.articles.has(articleId) ? tx.articles.update(articleId, () => next) : tx.articles.insert(next);
      });
      return articleView(saved, true, repo.get().services);
    },

    'invoicing/billing-list': ({ year }) => billingRows(repo.get(), year ?? Number(today().slice(0, 4))),

    'invoicing/billing-save': async ({ organisationId, orgNumber, invoiceAddress, buyerReference, peppolId, invoiceEmail, payerOrganisationId }) => {
      const named = repo.get().organisations.find((o) => o.id === organisationId);
      if (!named) throw new AppError('not-found', 'Organisationen finns inte.', { field: 'organisationId' });
      await repo.change(`Ändrade faktureringsuppgifter för ${named.name}`, (tx) => {
        const doc = tx.doc;
        const org = doc.organisations.find((o) => o.id === organisationId);
        if (!org) throw new AppError('not-found', 'Organisationen finns inte.', { field: 'organisationId' });
        if (payerOrganisationId) {
          const payer = doc.organisations.find((o) => o.id === payerOrganisationId);
          const refuse = (fieldMessage: string) => new AppError('validation', `Betalas av: ${fieldMessage}`, { field: 'payerOrganisationId' }, fieldMessage);
          if (!payer) throw refuse('Den organisationen finns inte.');
          if (payer.id === org.id) throw refuse('En organisation kan inte betala genom sig själv; lämna fältet tomt.');
          if (doc.invoicing.billing.some((b) => b.organisationId === payer.id && b.payerOrganisationId !== undefined))
            throw refuse(`${payer.name} betalas i sin tur av en annan organisation; välj den som betalar.`);
          if (doc.invoicing.billing.some((b) => b.payerOrganisationId === org.id))
            throw refuse(`${org.name} betalar för andra och kan inte själv betalas av någon annan.`);
        }
        if (orgNumber !== undefined && orgNumber !== org.orgNumber) {
          // The organisation's own number, under the register's rule: two organisations never share one.
          assertNotDuplicate(doc.organisations, { name: '', orgNumber }, org.id);
          tx.organisations.update(org.id, { orgNumber });
        }
        const existing = tx.billing.all().find((b) => b.organisationId === org.id);
        let details: BillingDetails;
        if (existing) details = { ...existing };
        else {
          const customerNumber = takeCustomerNumber(tx, { summary: `Gav ${org.name} kundnummer ${settingsOf(tx.doc).nextCustomerNumber}` });
          details = { id: ports.ids(), organisationId: org.id, customerNumber, example: false };
        }
        const set = <K extends keyof BillingDetails>(key: K, value: BillingDetails[K] | null | undefined) => {
          if (value === undefined) return;
          if (value === null || value === '') delete details[key];
          else details[key] = value;
        };
        if (invoiceAddress === null) delete details.invoiceAddress;
        else if (invoiceAddress !== undefined) {
          const { street2, ...rest } = invoiceAddress;
          details.invoiceAddress = { ...rest, ...(street2 ? { street2 } : {}) };
        }
        set('buyerReference', buyerReference);
        set('peppolId', peppolId);
        set('invoiceEmail', invoiceEmail);
        set('payerOrganisationId', payerOrganisationId);
        if (existing) tx.billing.update(existing.id, () => details);
        else tx.billing.insert(details);
      });
      return billingRow(organisationId);
    },

    'invoicing/runs-list': ({ year }) => {
      const doc = repo.get();
      return doc.invoicing.runs
        .filter((r) => year === undefined || r.year === year)
        .map((r) => {
          const { invoices: _invoices, netOre: _net, vatOre: _vat, basisExactOre: _e, basisRoundedOre: _r, missingAssociation: _a, missingCustomers: _c, roundingNote: _n, splitNote: _s, checks: _k, ...summary } = runView(doc, r.id, today(), false);
          return summary;
        })
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    'invoicing/run-draft': async ({ year, kind, joinedFrom }) => {
      const summary = `Skapade ${runTitle({ year, kind, joinedFrom })}`;
      const plan = await repo.change(summary, (tx) => {
        const plan = planRun(tx.doc, { year, kind, joinedFrom }, { ids: ports.ids, now: now() });
        const settings = settingsOf(tx.doc);
        const names = new Map(tx.doc.organisations.map((o) => [o.id, o.name]));
        const nameOf = (organisationId: string) => names.get(organisationId) ?? organisationId;
        if (plan.newBilling.length > 0) {
          writeSettings(tx, { ...settings, nextCustomerNumber: plan.nextCustomerNumber }, `Gav ${countOf(plan.newBilling.length, { one: 'kund', other: 'kunder' })} kundnummer`);
          for (const b of plan.newBilling) tx.billing.insert(b, { summary: `Gav ${nameOf(b.organisationId)} kundnummer ${b.customerNumber}` });
        }
        for (const a of plan.newArticles) tx.articles.insert(a, { summary: `Lade till artikeln ${a.name}` });
        tx.invoiceRuns.insert(plan.run);
        for (const invoice of plan.invoices) {
          tx.invoices.insert(invoice, {
            summary: `Skapade fakturautkast till ${nameOf(invoice.organisationId)} (${formatOre(invoiceTotals(invoice.lines).totalOre, { unit: true })})`,
          });
        }
        return plan;
      });
      return runView(repo.get(), plan.run.id, today(), true, plan.basis);
    },

    'invoicing/run-get': ({ runId, date }) => runView(repo.get(), runId, date ?? today()),

    'invoicing/invoice-get': ({ invoiceId, date }) => {
      const doc = repo.get();
      return invoiceView(doc, findInvoice(doc, invoiceId), date ?? today());
    },

    'invoicing/draft-update': async ({ invoiceId, lines, note, buyerReference }) => {
      const name = customerName(repo.get(), findInvoice(repo.get(), invoiceId).organisationId);
      await repo.change(`Ändrade fakturautkastet till ${name}`, (tx) => {
        const doc = tx.doc;
        const invoice = findInvoice(doc, invoiceId);
        requireDraft(invoice);
        const next: Invoice = { ...invoice };
        if (lines !== undefined) {
          const byId = new Map(invoice.lines.map((l) => [l.id, l]));
          next.lines = lines.map((input, index): InvoiceLine => {
            const field = `lines.${index}`;
            const kept = input.invoiceLineId !== undefined ? byId.get(input.invoiceLineId) : undefined;
            if (input.invoiceLineId !== undefined && !kept) throw new AppError('validation', 'Fakturarad: raden finns inte på utkastet.', { field: `${field}.invoiceLineId` }, 'Raden finns inte på utkastet.');
            const found = articleById(doc.invoicing.articles, doc.services, input.articleId);
            if (!found) throw new AppError('validation', 'Artikel: artikeln finns inte.', { field: `${field}.articleId` }, 'Artikeln finns inte.');
            const netOre = roundToKronor(input.quantity * input.unitPriceOre);
            const article = found.article;
            const sameArticle = kept?.articleId === article.id;
            const line: InvoiceLine = {
              // A kept line keeps its basis reference and period; its VAT and account follow the article chosen.
              ...(kept ?? {}),
              id: kept?.id ?? ports.ids(),
              articleId: article.id,
              description: input.description,
              quantity: input.quantity,
              unitPriceOre: input.unitPriceOre,
              netOre,
              vat: sameArticle ? (kept as InvoiceLine).vat : article.vat,
              incomeAccount: sameArticle ? (kept as InvoiceLine).incomeAccount : article.incomeAccount,
            };
            if (!sameArticle) {
              if (article.costCentre !== undefined) line.costCentre = article.costCentre;
              else delete line.costCentre;
            }
            // The exact basis amount stays only while the line still says what the basis said.
            if (kept?.exactOre !== undefined && (netOre !== kept.netOre || !sameArticle)) delete line.exactOre;
            return line;
          });
          const categories = new Set(next.lines.map((l) => l.vat.category === 'O'));
          if (categories.size > 1) {
            const fieldMessage = 'Rader utanför momsens tillämpningsområde (medlemsavgifter) kan inte stå på samma faktura som rader med moms (EN 16931). Lägg dem på en egen faktura.';
            throw new AppError('validation', `Fakturarader: ${fieldMessage}`, { field: 'lines' }, fieldMessage);
          }
        }
        if (note === null || note === '') delete next.note;
        else if (note !== undefined) next.note = note;
        if (buyerReference === null || buyerReference === '') delete next.buyerReference;
        else if (buyerReference !== undefined) next.buyerReference = buyerReference;
        const newArticles = next.lines.map((l) => articleById(doc.invoicing.articles, doc.services, l.articleId)).filter((f) => f !== undefined && !f.stored);
        for (const found of newArticles) if (found && !tx.articles.has(found.article.id)) tx.articles.insert(found.article, { summary: `Lade till artikeln ${found.article.name}` });
        tx.invoices.update(invoiceId, () => next);
      });
      return invoiceView(repo.get(), findInvoice(repo.get(), invoiceId), today());
    },

    'invoicing/draft-delete': async ({ invoiceId }) => {
      const name = customerName(repo.get(), findInvoice(repo.get(), invoiceId).organisationId);
      await repo.change(`Tog bort fakturautkastet till ${name}`, (tx) => {
        requireDraft(findInvoice(tx.doc, invoiceId));
        tx.invoices.remove(invoiceId);
      });
      return { deleted: invoiceId };
    },

    'invoicing/issue': async (input) => {
      const date = input.date ?? today();
      const draftsOf = (doc: SambrukDocument): Invoice[] => {
        let drafts: Invoice[];
        if ('runId' in input) {
          if (!doc.invoicing.runs.some((r) => r.id === input.runId)) throw new AppError('not-found', 'Fakturakörningen finns inte.', { field: 'runId' });
          drafts = doc.invoicing.invoices.filter((i) => i.runId === input.runId && i.status === 'draft');
          if (drafts.length === 0) throw new AppError('validation', 'Körningen har inga utkast kvar att utfärda.', { field: 'runId' });
        } else {
          const wanted = new Set(input.invoiceIds);
          for (const id of wanted) findInvoice(doc, id);
          // The register's order, so numbers follow the run's order whatever order the ids came in.
          drafts = doc.invoicing.invoices.filter((i) => wanted.has(i.id));
        }
        return drafts;
      };
      // Planned once to name the change, then again on the state the change runs on (numbers included).
      const preview = planIssue(repo.get(), draftsOf(repo.get()), { date, now: now(), by: by() });
      const first = preview.issued[0] as Invoice;
      const last = preview.issued[preview.issued.length - 1] as Invoice;
      const summary =
        preview.issued.length === 1
          ? `Utfärdade faktura ${first.number ?? ''} till ${first.buyer?.name ?? ''}`
          : `Utfärdade ${countOf(preview.issued.length, { one: 'faktura', other: 'fakturor' })} (nr ${first.number ?? ''}–${last.number ?? ''})`;
      const plan = await repo.change(
        summary,
        (tx) => {
          const plan = planIssue(tx.doc, draftsOf(tx.doc), { date, now: now(), by: by() });
          for (const invoice of plan.issued) tx.invoices.update(invoice.id, () => invoice, { summary: `Utfärdade faktura ${invoice.number ?? ''} till ${invoice.buyer?.name ?? ''}` });
          writeSettings(tx, plan.settings, false);
          return plan;
        },
        { final: `«${summary}» ${FINAL}` },
      );
      const after = repo.get();
      const ledger = ledgerOf(after);
      return { issued: plan.issued.map((i) => summarise(ledger.byId.get(i.id) ?? i, ledger, date)) };
    },

    'invoicing/credit': async ({ invoiceId, invoiceLineIds, reason, date }) => {
      const request = { lineIds: invoiceLineIds, reason, date: date ?? today() };
      const plan = (doc: SambrukDocument) => planCredit(doc, findInvoice(doc, invoiceId), request, { ids: ports.ids, now: now(), by: by() });
      const doc = repo.get();
      const invoice = findInvoice(doc, invoiceId);
      const preview = plan(doc).issued[0] as Invoice;
      const summary = `Utfärdade kreditfaktura ${preview.number ?? ''} för faktura ${invoice.number ?? ''} till ${invoice.buyer?.name ?? customerName(doc, invoice.organisationId)}`;
      const note = await repo.change(
        summary,
        (tx) => {
          const planned = plan(tx.doc);
          const issued = planned.issued[0] as Invoice;
          tx.invoices.insert(issued, { summary: `Utfärdade kreditfaktura ${issued.number ?? ''} för faktura ${invoice.number ?? ''}` });
          writeSettings(tx, planned.settings, false);
          return issued;
        },
        { final: `«${summary}» ${FINAL}` },
      );
      const after = repo.get();
      return invoiceView(after, findInvoice(after, note.id), date ?? today());
    },

    'invoicing/payment-record': async ({ invoiceId, date, amountOre, note }) => {
      const invoice = findInvoice(repo.get(), invoiceId);
      const verb = amountOre < 0 ? 'Återförde' : 'Registrerade';
      const summary = `${verb} betalning ${formatOre(Math.abs(amountOre), { unit: true })} på faktura ${invoice.number ?? ''}`;
      await repo.change(summary, (tx) => {
        const plan = planPayment(tx.doc, findInvoice(tx.doc, invoiceId), { date, amountOre, note }, { ids: ports.ids, now: now(), by: by() });
        tx.payments.insert(plan.payment, { organisationId: invoice.organisationId });
        writeSettings(tx, plan.settings, false);
      });
      const after = repo.get();
      return invoiceView(after, findInvoice(after, invoiceId), date);
    },

    'invoicing/invoices-list': ({ year, status, date, runId }) => {
      const doc = repo.get();
      const ledger = ledgerOf(doc);
      const at = date ?? today();
      const wanted: Record<typeof status, (s: ReturnType<typeof summarise>) => boolean> = {
        all: () => true,
        draft: (s) => s.state === 'draft',
        unpaid: (s) => s.state === 'unpaid' || s.state === 'overdue',
        overdue: (s) => s.state === 'overdue',
        paid: (s) => s.state === 'paid',
      };
      return doc.invoicing.invoices
        .filter((i) => runId === undefined || i.runId === runId)
        .map((i) => summarise(i, ledger, at))
        .filter((s) => (year === undefined || s.year === year) && wanted[status](s))
        .sort(
          (a, b) =>
            (b.issueDate ?? '9999').localeCompare(a.issueDate ?? '9999') ||
            (b.number ?? '').length - (a.number ?? '').length ||
            (b.number ?? '').localeCompare(a.number ?? '') ||
            compareSv(a.customerName, b.customerName),
        );
    },

    'invoicing/reminder-record': async ({ invoiceId, date }) => {
      const invoice = findInvoice(repo.get(), invoiceId);
      await repo.change(`Skickade påminnelse för faktura ${invoice.number ?? ''} (${date})`, (tx) => {
        const current = findInvoice(tx.doc, invoiceId);
        checkReminder(current, ledgerOf(tx.doc), date);
        // A second reminder the same day is the same reminder: nothing changes.
        if (current.reminders.includes(date)) return;
        tx.invoices.update(invoiceId, (draft) => {
          draft.reminders.push(date);
        });
      });
      const after = repo.get();
      return invoiceView(after, findInvoice(after, invoiceId), date);
    },
  };
}
