/**
 * Invoicing (issue 17) in the shared register (issue 20): its six lists live in the `kansli_ekonomi` schema and
 * come back as they went in; only the accountant's role (kansli_ekonomi) drafts and issues invoices, records
 * payments and changes articles and the association's settings; the secretariat writes billing details and may
 * hand out the next customer number, nothing else of invoicing; the board reads. A refused change says in Swedish
 * what the role may not do, and nothing of it is written.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { parseDocumentText, serialiseDocument } from '../../../electron/core/store/parse-document';
import type { Repository } from '../../../electron/core/store/repository';
import type { Invoice, SambrukDocument } from '../../../electron/core/store/schema';
import { connectClient, missingRegisterTables, openSharedRegister, REGISTER_TABLES } from '../../../electron/node/postgres/pg-register';
import { REGISTER_SQL } from '../../../tools/lib/postgres-cluster';
import { withSampleInvoicing } from '../../fixtures/invoicing/sample-register';
import { sampleInvoice, sampleSettings } from '../../fixtures/invoicing/sample-invoices';
import { loadDefaultDocument } from '../../support/memory-document';
import { asAdmin, createPerson, describePg, pgUrl } from '../../support/postgres';
import { databaseRegister, filledDatabase, openAs } from '../../support/pg-register-helpers';

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
});

async function person(db: string, name: string, group: string) {
  const session = await openAs(db, name, group);
  opened.push(session.shared);
  return session;
}

const INVOICING_TABLES = ['invoice_settings', 'billing', 'articles', 'invoice_runs', 'invoices', 'payments'];

function draftFor(doc: SambrukDocument, id: string): Invoice {
  const billing = doc.invoicing.billing[0]!;
  return { id, kind: 'invoice', status: 'draft', runId: 'run-2022', organisationId: billing.organisationId, customerNumber: billing.customerNumber, lines: sampleInvoice.lines, reminders: [] };
}

/** What `repo.change` threw, for a closer look. */
async function refusal(repo: Repository, work: Parameters<Repository['change']>[1]): Promise<unknown> {
  return repo.change('Försök', work).then(
    () => 'saved',
    (error: unknown) => error,
  );
}

/** The register as the app reads it from a file: each record's fields in the schema's order. */
const canonical = (doc: SambrukDocument) => serialiseDocument(parseDocumentText(serialiseDocument(doc)));

async function waitFor(repo: Repository, seen: (doc: SambrukDocument) => boolean, ms = 2_000) {
  const start = Date.now();
  while (!seen(repo.get())) {
    if (Date.now() - start > ms) throw new Error(`not seen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describePg('invoicing in the shared register', () => {
  it('keeps every invoicing list in kansli_ekonomi, one row per record, and reads the register back the same', async () => {
    const doc = withSampleInvoicing(loadDefaultDocument());
    const db = await filledDatabase('inv_round', doc);
    for (const name of ['invoiceSettings', 'billing', 'articles', 'invoiceRuns', 'invoices', 'payments'] as const) {
      expect(REGISTER_TABLES[name].pgSchema).toBe('kansli_ekonomi');
    }
    const counts = await asAdmin<{ t: string; n: string }>(
      db,
      INVOICING_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::text AS n FROM kansli_ekonomi.${t}`).join(' UNION ALL '),
    );
    const { invoicing } = doc;
    expect(Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)]))).toEqual({
      invoice_settings: invoicing.settings.length,
      billing: invoicing.billing.length,
      articles: invoicing.articles.length,
      invoice_runs: invoicing.runs.length,
      invoices: invoicing.invoices.length,
      payments: invoicing.payments.length,
    });
    expect(invoicing.invoices.map((i) => i.kind)).toEqual(['invoice', 'invoice', 'credit-note']);
    const credit = await asAdmin<{ data: { creditOfInvoiceId: string } }>(db, "SELECT data FROM kansli_ekonomi.invoices WHERE data->>'kind' = 'credit-note'");
    expect(credit.rows[0]?.data.creditOfInvoiceId).toBe('inv-2');
    // Nothing of invoicing lands in the secretariat's schema.
    expect((await asAdmin(db, "SELECT 1 FROM pg_tables WHERE schemaname = 'kansli' AND tablename = ANY($1)", [INVOICING_TABLES])).rowCount).toBe(0);
    expect(serialiseDocument(await databaseRegister(db))).toBe(serialiseDocument(doc));
  });

  it("the secretariat's role may not draft an invoice or record a payment: refused in Swedish, nothing written", async () => {
    const db = await filledDatabase('inv_secretariat', withSampleInvoicing(loadDefaultDocument()));
    const before = serialiseDocument(await databaseRegister(db));
    const { repo } = await person(db, 'inv_sekreterare', 'kansli_sekretariat');
    const start = repo.get();

    const invoice = await refusal(repo, (tx) => tx.invoices.insert(draftFor(start, 'utkast-1')));
    expect(invoice).toBeInstanceOf(AppError);
    expect(invoice).toMatchObject({ code: 'forbidden', message: 'Din databasroll (inv_sekreterare) får inte skapa, ändra eller utfärda fakturor och kreditfakturor. Ändringen sparades inte.' });
    const payment = await refusal(repo, (tx) => tx.payments.insert({ id: 'bet-9', invoiceId: 'inv-2', date: '2022-06-30', amountOre: 100_00, recordedAt: '2022-06-30T10:00:00.000Z' }));
    expect(payment).toMatchObject({ code: 'forbidden', message: 'Din databasroll (inv_sekreterare) får inte registrera betalningar. Ändringen sparades inte.' });
    const article = await refusal(repo, (tx) => tx.articles.update('art-egil', { incomeAccount: '3011' }));
    expect(article).toMatchObject({ code: 'forbidden', message: 'Din databasroll (inv_sekreterare) får inte ändra artiklar (konton och moms). Ändringen sparades inte.' });
    const run = await refusal(repo, (tx) => tx.invoiceRuns.remove('run-2022'));
    expect(run).toMatchObject({ code: 'forbidden', message: 'Din databasroll (inv_sekreterare) får inte göra faktureringsomgångar. Ändringen sparades inte.' });
    // The settings: the bank details are the accountant's, even together with a customer number.
    const bank = await refusal(repo, (tx) => tx.invoiceSettings.update('association', { bankgiro: '9999-9999', nextCustomerNumber: sampleSettings.nextCustomerNumber + 1 }));
    expect(bank).toMatchObject({ code: 'forbidden', message: 'Din databasroll (inv_sekreterare) får inte ändra föreningens uppgifter för fakturering. Ändringen sparades inte.' });
    // One change with an allowed part and a refused part: none of it is kept.
    const org = start.organisations[0]!;
    const mixed = await refusal(repo, (tx) => {
      tx.organisations.update(org.id, { note: 'halvt sparad?' });
      tx.invoices.update('inv-1', { note: 'ändrad' });
    });
    expect(mixed).toMatchObject({ code: 'forbidden' });

    expect(repo.get()).toBe(start);
    expect(serialiseDocument(await databaseRegister(db))).toBe(before);
  });

  it('the secretariat keeps billing details and hands out the next customer number', async () => {
    const db = await filledDatabase('inv_billing', withSampleInvoicing(loadDefaultDocument()));
    const { repo } = await person(db, 'inv_sekreterare_b', 'kansli_sekretariat');
    const third = repo.get().organisations[2]!;
    await repo.change('Faktureringsuppgifter', (tx) => {
      const settings = tx.invoiceSettings.get('association')!;
      tx.invoiceSettings.update('association', { nextCustomerNumber: settings.nextCustomerNumber + 1 });
      tx.billing.insert({ id: 'bill-3', organisationId: third.id, customerNumber: settings.nextCustomerNumber, buyerReference: 'K-1', example: false });
      tx.billing.update('bill-1', { buyerReference: 'NY-REF' });
      tx.billing.remove('bill-2');
    });
    const stored = await databaseRegister(db);
    expect(stored.invoicing.billing.map((b) => [b.id, b.customerNumber, b.buyerReference])).toEqual([
      ['bill-1', 1001, 'NY-REF'],
      ['bill-3', 1003, 'K-1'],
    ]);
    expect(stored.invoicing.settings[0]!.nextCustomerNumber).toBe(1004);
    expect(serialiseDocument(stored)).toBe(serialiseDocument(repo.get()));
    // Moving the counter back would hand a number out twice: refused.
    const back = await refusal(repo, (tx) => tx.invoiceSettings.update('association', { nextCustomerNumber: 1001 }));
    expect(back).toMatchObject({ code: 'forbidden', message: 'Din databasroll (inv_sekreterare_b) får inte ändra föreningens uppgifter för fakturering. Ändringen sparades inte.' });
  });

  it("the accountant's role drafts, issues, credits and records payments; the secretariat's window shows it", async () => {
    const db = await filledDatabase('inv_economy', withSampleInvoicing(loadDefaultDocument()));
    const accountant = await person(db, 'inv_ekonom', 'kansli_ekonomi');
    const secretary = await person(db, 'inv_sekreterare_c', 'kansli_sekretariat');
    expect(accountant.shared.canWrite).toBe(true);
    const start = accountant.repo.get();

    await accountant.repo.change('Utkast', (tx) => {
      tx.invoices.insert(draftFor(start, 'utkast-1'));
      tx.invoices.insert(draftFor(start, 'utkast-2'));
    });
    await accountant.repo.change('Utfärda', (tx) => {
      tx.invoices.update('utkast-1', { status: 'issued', number: '4', issueDate: '2022-06-30', dueDate: '2022-07-30', ocr: '100100000429' });
      tx.invoiceSettings.update('association', { nextInvoiceNumber: 5, nextVoucherNumber: 6 });
      tx.invoices.remove('utkast-2');
    });
    await accountant.repo.change('Betalning', (tx) => tx.payments.insert({ id: 'bet-3', invoiceId: 'utkast-1', date: '2022-07-10', amountOre: 8_000_000, recordedAt: '2022-07-10T09:00:00.000Z' }));
    await accountant.repo.change('Artikel', (tx) => tx.articles.update('art-bibblix', { costCentre: 'BIB' }));
    await accountant.repo.change('Faktureringsuppgifter', (tx) => tx.billing.update('bill-2', { invoiceEmail: 'ekonomi@exempel.se' }));

    const stored = await databaseRegister(db);
    expect(stored.invoicing.invoices.map((i) => [i.id, i.status, i.number])).toEqual([
      ['inv-1', 'issued', '1'],
      ['inv-2', 'issued', '2'],
      ['cn-1', 'issued', '3'],
      ['utkast-1', 'issued', '4'],
    ]);
    expect(stored.invoicing.settings[0]).toMatchObject({ nextInvoiceNumber: 5, nextVoucherNumber: 6, bankgiro: sampleSettings.bankgiro });
    expect(stored.invoicing.payments.map((p) => p.id)).toEqual(['pay-1', 'pay-2', 'bet-3']);
    expect(stored.invoicing.articles.find((a) => a.id === 'art-bibblix')?.costCentre).toBe('BIB');
    expect(stored.changeLog.every((e) => e.by === 'inv_ekonom')).toBe(true);
    // The same register; the copy in memory keeps fields in the order the changes added them, so both are compared
    // as the app reads them.
    expect(serialiseDocument(stored)).toBe(canonical(accountant.repo.get()));
    // The other window heard of each change (NOTIFY), the removed draft included, and shows what the server holds.
    await waitFor(secretary.repo, (doc) => doc.meta.revision === stored.meta.revision);
    expect(secretary.repo.get().invoicing.invoices.some((i) => i.id === 'utkast-2')).toBe(false);
    expect(serialiseDocument(secretary.repo.get())).toBe(serialiseDocument(stored));
  });

  it("the board's role reads invoicing and may change none of it", async () => {
    const doc = withSampleInvoicing(loadDefaultDocument());
    const db = await filledDatabase('inv_board', doc);
    const { shared, repo } = await person(db, 'inv_styrelsen', 'kansli_las');
    expect(shared.canWrite).toBe(false);
    expect(repo.isReadOnly()).toBe(true);
    expect(serialiseDocument(repo.get())).toBe(serialiseDocument(doc));
    // Even a copy of the app that ignored read-only gets nowhere.
    repo.setReadOnly(false);
    const readOnly = { code: 'forbidden', message: 'Din databasroll (inv_styrelsen) får bara läsa registret. Ändringen sparades inte.' };
    expect(await refusal(repo, (tx) => tx.payments.remove('pay-1'))).toMatchObject(readOnly);
    expect(await refusal(repo, (tx) => tx.billing.update('bill-1', { buyerReference: 'X' }))).toMatchObject(readOnly);
    expect(await refusal(repo, (tx) => tx.invoiceSettings.update('association', { nextCustomerNumber: 2000 }))).toMatchObject(readOnly);
    // The tables refuse it too, should the revision ever be writable to the board.
    await asAdmin(db, 'GRANT UPDATE ON kansli.register TO kansli_las');
    expect(await refusal(repo, (tx) => tx.payments.remove('pay-1'))).toMatchObject({
      code: 'forbidden',
      message: 'Din databasroll (inv_styrelsen) får inte registrera betalningar. Ändringen sparades inte.',
    });
    expect(await refusal(repo, (tx) => tx.billing.update('bill-1', { buyerReference: 'X' }))).toMatchObject({
      code: 'forbidden',
      message: 'Din databasroll (inv_styrelsen) får inte ändra organisationernas faktureringsuppgifter. Ändringen sparades inte.',
    });
    expect(serialiseDocument(await databaseRegister(db))).toBe(serialiseDocument(doc));
  });
});

describePg('a database set up before invoicing', () => {
  it('opening it says in Swedish what to do; running register.sql again adds the tables and keeps the register', async () => {
    // A register from before invoicing has no invoicing data (the default data's example details came with it).
    const doc = { ...loadDefaultDocument(), invoicing: { settings: [], billing: [], articles: [], runs: [], invoices: [], payments: [] } };
    const db = await filledDatabase('inv_older', doc);
    // As register.sql left it before invoicing: the economy schema, empty.
    await asAdmin(db, `DROP TABLE ${INVOICING_TABLES.map((t) => `kansli_ekonomi.${t}`).join(', ')}`);
    const admin = await connectClient(pgUrl(db));
    try {
      expect(await missingRegisterTables(admin)).toEqual(INVOICING_TABLES.map((t) => `kansli_ekonomi.${t}`));
      await createPerson('inv_tidig', 'kansli_sekretariat');
      await expect(openSharedRegister(pgUrl(db, 'inv_tidig'))).rejects.toMatchObject({
        code: 'not-found',
        message: 'Databasen saknar tabeller som den här versionen av Sambruk Kansli behöver. Be databasens ägare köra register.sql igen (se README); den lägger till det som saknas och ändrar inget som finns.',
      });
      await admin.query(readFileSync(REGISTER_SQL, 'utf8'));
      expect(await missingRegisterTables(admin)).toEqual([]);
    } finally {
      await admin.end();
    }
    const { repo } = await person(db, 'inv_tidig', 'kansli_sekretariat');
    expect(serialiseDocument(repo.get())).toBe(serialiseDocument(doc));
  });
});

describePg('register.sql', () => {
  describe('the privileges on the invoicing tables, also after running it again', () => {
    it.each([
      ['kansli_las', { select: INVOICING_TABLES, insert: [], update: [], delete: [] }],
      ['kansli_sekretariat', { select: INVOICING_TABLES, insert: ['billing'], update: ['invoice_settings', 'billing'], delete: ['billing'] }],
      ['kansli_ekonomi', { select: INVOICING_TABLES, insert: INVOICING_TABLES, update: INVOICING_TABLES, delete: INVOICING_TABLES }],
    ])('%s', async (group, expected) => {
      const db = await filledDatabase(`inv_sql_${group}`, loadDefaultDocument());
      await asAdmin(db, readFileSync(REGISTER_SQL, 'utf8'));
      const granted = async (privilege: string) => {
        const rows = await asAdmin<{ t: string }>(
          db,
          `SELECT t FROM unnest($1::text[]) AS t WHERE has_table_privilege($2, 'kansli_ekonomi.' || t, $3) ORDER BY array_position($1::text[], t)`,
          [INVOICING_TABLES, group, privilege],
        );
        return rows.rows.map((r) => r.t);
      };
      expect({ select: await granted('SELECT'), insert: await granted('INSERT'), update: await granted('UPDATE'), delete: await granted('DELETE') }).toEqual(expected);
    });
  });
});
