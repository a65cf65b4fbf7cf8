/**
 * Fakturering over the web build, as a user on the default data: the association's details, the 2022 run, a draft
 * changed line by line, the refusal while a detail is missing (naming it), issuing behind the confirmation that
 * says it is final, a credit note, a part payment and the unpaid list. Which customer and what it is invoiced come
 * from the core run on the same default register, never from figures written here. Screenshots of every tab.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { serialiseDocumentText } from '../../electron/core/store/serialise-document';
import { BOOT_DOCUMENT_GLOBAL } from '../../renderer/bridge/web-bridge';
import { sv } from '../../renderer/lib/i18n/sv';
import { formatKr } from '../../renderer/lib/format';
import { openApp as openScreen, screenshot, useBrowser } from './fixture';
import { createTestServices } from '../support/memory-document';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const TODAY = '2022-06-30';
/**
 * The default register as it is before the secretariat enters any billing details: the default data's example
 * details left out, as in a register made before invoicing existed. The refusals the test walks through need
 * missing details; the example details' own flow is the CLI's and the Peppol rules test's.
 */
const withoutBilling = (() => {
  const doc = parseDocumentText(readFileSync(path.join(projectRoot, 'assets/default-data.json'), 'utf8'));
  return { ...doc, invoicing: { settings: [], billing: [], articles: [], runs: [], invoices: [], payments: [] } };
})();
const defaultText = serialiseDocumentText(withoutBilling);
const t = sv.fakturering;

/** The core over the same default register the web build loads, at the same "today". */
async function expected() {
  const core = createTestServices({ initial: parseDocumentText(defaultText), now: `${TODAY}T10:00:00.000Z` });
  const drafted = await core.call('invoicing/run-draft', { year: 2022, kind: 'year' });
  if (!drafted.ok) throw new Error(drafted.error.message);
  const run = drafted.data;
  // Two drafts to two customers: one is credited, the other paid in part.
  const [first, second] = run.invoices;
  if (!first || !second || first.organisationId === second.organisationId) throw new Error('the 2022 run of the default data lacks two customers');
  return { run, first, second };
}

const browser = useBrowser();
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });

/** In-app navigation: the web build's register lives in the page, so a reload would lose what the test did. */
async function go(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** The open billing dialog: an address, a reference and (no organisation number, so no default Peppol ID) an e-mail. */
async function fillCustomer(page: Page, shot?: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: t.customers.street, exact: true }).fill('Box 100');
  await dialog.getByRole('textbox', { name: t.customers.postalCode }).fill('123 45');
  await dialog.getByRole('textbox', { name: t.customers.city }).fill('Exempelstad');
  await dialog.getByRole('textbox', { name: t.customers.buyerReference }).fill('KS-2022');
  await dialog.getByRole('textbox', { name: t.customers.invoiceEmail }).fill('fakturor@exempel.se');
  if (shot !== undefined) await screenshot(page, shot);
  await dialog.getByRole('button', { name: t.customers.save }).click();
  await dialog.waitFor({ state: 'detached' });
}

const main = (page: Page) => page.locator('main#innehall');
const ready = (page: Page) => main(page).locator('[data-ready="true"]').first().waitFor();

describe('Fakturering', () => {
  it('drafts the 2022 run, edits a draft, refuses to issue while a detail is missing, issues, credits and takes a part payment', { timeout: 120_000 }, async () => {
    const { run, first, second } = await expected();
    const customer = first.customerName;
    const other = second.customerName;
    const fresh = await browser.newPage();
    await fresh.addInitScript({ content: `window[${JSON.stringify(BOOT_DOCUMENT_GLOBAL)}] = ${JSON.stringify(defaultText)};` });
    const page = await openScreen(fresh, '#/fakturering/korning', { clock: TODAY, heading: t.title });
    // The laptop screen the secretariat works on; the screenshots show what fits on it.
    await page.setViewportSize({ width: 1366, height: 768 });

    // The run: one draft per paying customer and VAT scope, with what blocks issuing.
    await page.getByRole('button', { name: t.run.draftYear('2022') }).click();
    const detail = page.getByTestId('run-detail');
    await detail.waitFor();
    await poll(() => detail.locator('[data-fact="invoices"]').textContent()).toBe(String(run.invoices.length));
    await poll(() => detail.locator('[data-fact="total"]').textContent()).toBe(formatKr(run.totalOre));
    const blocking = page.getByTestId('run-blocking');
    await expect.poll(() => blocking.textContent()).toContain('Föreningens namn');
    await expect.poll(() => blocking.textContent()).toContain(customer);
    await screenshot(page, 'fakturering-korning');
    await detail.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'fakturering-korning-detalj');
    // The web build's register makes its own ids: each draft is found by its customer in the run's table.
    const idOf = async (name: string) => {
      const row = detail.locator('tr[data-invoice]').filter({ has: page.getByRole('cell', { name, exact: true }) });
      const id = await row.first().getAttribute('data-invoice');
      if (id === null) throw new Error(`no draft to ${name} in the run`);
      return id;
    };
    const firstId = await idOf(customer);
    const secondId = await idOf(other);

    // A draft: the refusal names what is missing, in the confirmation dialog, and nothing is issued.
    await go(page, `#/fakturering/faktura/${firstId}`);
    await page.getByRole('heading', { name: t.invoice.draftTitle(customer) }).waitFor();
    await poll(() => page.getByTestId('invoice-blocking').textContent()).toContain('Fakturaadress');
    const issueButton = page.getByRole('button', { name: t.invoice.issue });
    await issueButton.click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toContain('slutgiltigt');
    await confirm.getByRole('button', { name: t.invoice.issueConfirm, exact: true }).click();
    await expect.poll(() => confirm.textContent()).toContain('Inget utfärdades');
    await expect.poll(() => confirm.textContent()).toContain('föreningens namn');
    await expect.poll(() => confirm.textContent()).toContain(`${customer} saknar fakturaadress`);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await poll(() => issueButton.evaluate((el) => el === document.activeElement)).toBe(true);

    // Change a line: a price with öre is refused on its line; whole kronor are saved.
    await page.getByRole('button', { name: t.invoice.edit }).click();
    const description = page.getByRole('textbox', { name: t.invoice.lineLabel(t.invoice.columns.description, 1) });
    const price = page.getByRole('textbox', { name: t.invoice.lineLabel(t.invoice.columns.unitPrice, 1) });
    await description.fill('Medlemsavgift 2022, enligt beslut');
    await price.fill('1 000,50');
    await screenshot(page, 'fakturering-utkast');
    await page.getByRole('button', { name: t.invoice.saveDraft }).click();
    await page.getByText(t.invoice.lineErrors.unitPrice).waitFor();
    await price.fill('12 000');
    // A line added: an extra fee on the same article.
    await page.getByRole('button', { name: t.invoice.addLine }).click();
    await page.getByRole('textbox', { name: t.invoice.lineLabel(t.invoice.columns.description, 2) }).fill('Extra avgift');
    await page.getByRole('textbox', { name: t.invoice.lineLabel(t.invoice.columns.unitPrice, 2) }).fill('500');
    await page.getByRole('button', { name: t.invoice.saveDraft }).click();
    await page.getByRole('cell', { name: 'Medlemsavgift 2022, enligt beslut' }).waitFor();
    await page.getByRole('cell', { name: 'Extra avgift' }).waitFor();
    await poll(() => page.getByTestId('invoice-totals').textContent()).toContain(formatKr(12_500_00));

    // The association's details: the draft's link opens Inställningar at the first missing field.
    await page.getByRole('link', { name: t.invoice.fixAssociation }).click();
    const nameField = page.getByRole('textbox', { name: t.settings.name });
    await poll(() => nameField.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'fakturering-installningar');
    await nameField.fill('Föreningen Sambruk');
    await page.getByRole('textbox', { name: t.settings.orgNumber }).fill('802400-0005');
    await page.getByRole('textbox', { name: t.settings.vatNumber }).fill('SE802400000501');
    await page.getByRole('textbox', { name: t.settings.street, exact: true }).fill('Exempelgatan 1');
    await page.getByRole('textbox', { name: t.settings.postalCode }).fill('111 22');
    await page.getByRole('textbox', { name: t.settings.city }).fill('Stockholm');
    // A bankgiro with a wrong check digit is refused beside the field, and nothing is saved.
    await page.getByRole('textbox', { name: t.settings.bankgiro }).fill('5050-1056');
    await page.getByRole('button', { name: t.settings.save }).click();
    await page.getByText(t.settings.failed).waitFor();
    await page.getByRole('textbox', { name: t.settings.bankgiro }).fill('5050-1055');
    await page.getByRole('button', { name: t.settings.save }).click();
    await page.getByText(t.settings.complete).waitFor();

    // The customer's address: the draft's link opens Kunder with the row's button focused; Enter opens the dialog.
    await go(page, `#/fakturering/faktura/${firstId}`);
    await page.getByRole('link', { name: t.invoice.fixCustomer }).click();
    const edit = page.getByRole('button', { name: t.customers.edit(customer) });
    await poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'fakturering-kunder');
    await page.keyboard.press('Enter');
    await fillCustomer(page, 'fakturering-kund-dialog');
    await poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);

    // The other customer from the list «Saknar uppgifter för nästa körning», which the first has left.
    await page.getByRole('switch', { name: t.customers.onlyMissing }).click();
    await poll(() => page.getByRole('button', { name: t.customers.edit(customer) }).count()).toBe(0);
    await page.getByRole('button', { name: t.customers.edit(other) }).click();
    await fillCustomer(page);

    // Issue: the dialog says it is final; the invoice gets number 1, dates and an OCR number.
    await go(page, `#/fakturering/faktura/${firstId}`);
    await page.getByRole('heading', { name: t.invoice.draftTitle(customer) }).waitFor();
    await page.getByRole('button', { name: t.invoice.issue }).click();
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain('kan inte ändras');
    await screenshot(page, 'fakturering-utfarda');
    await page.getByRole('alertdialog').getByRole('button', { name: t.invoice.issueConfirm, exact: true }).click();
    await page.getByRole('heading', { name: t.invoice.title('1', customer) }).waitFor();
    await poll(() => page.locator('[data-fact="ocr"]').textContent()).toMatch(/^\d+$/u);
    await poll(() => page.locator('[data-fact="buyerReference"]').textContent()).toBe('KS-2022');

    // The other customer's invoice, issued the same way: number 2.
    await go(page, `#/fakturering/faktura/${secondId}`);
    await page.getByRole('heading', { name: t.invoice.draftTitle(other) }).waitFor();
    await page.getByRole('button', { name: t.invoice.issue }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: t.invoice.issueConfirm, exact: true }).click();
    await page.getByRole('heading', { name: t.invoice.title('2', other) }).waitFor();

    // A part payment of half the total: the rest remains and the invoice stays unpaid.
    const half = Math.round(second.totalOre / 200) * 100;
    await page.getByRole('button', { name: t.invoice.pay }).click();
    const pay = page.getByRole('dialog');
    await pay.getByRole('textbox', { name: t.invoice.payAmount }).fill(String(half / 100));
    await screenshot(page, 'fakturering-betalning');
    await pay.getByRole('button', { name: t.invoice.payConfirm }).click();
    await pay.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('payments').textContent()).toContain(formatKr(half));
    await poll(() => page.getByTestId('invoice-totals').textContent()).toContain(formatKr(second.totalOre - half));
    await screenshot(page, 'fakturering-faktura');

    // The invoice as PDF: a download named by number and customer.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.invoice.pdf }).click()]);
    expect(download.suggestedFilename()).toBe(`Faktura 2 ${other}.pdf`);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Credit invoice 1 entirely: the dialog says it is final; a credit note refers to it.
    await go(page, `#/fakturering/faktura/${firstId}`);
    await page.getByRole('heading', { name: t.invoice.title('1', customer) }).waitFor();
    await page.getByRole('button', { name: t.invoice.credit }).click();
    const credit = page.getByRole('dialog');
    await expect.poll(() => credit.textContent()).toContain('slutgiltig');
    await credit.getByRole('button', { name: t.invoice.creditConfirm }).click();
    await credit.getByText(t.invoice.creditNoReason).waitFor();
    await credit.getByRole('textbox', { name: t.invoice.creditReason }).fill('Fel avgiftsklass');
    await screenshot(page, 'fakturering-kreditera');
    await credit.getByRole('button', { name: t.invoice.creditConfirm }).click();
    await credit.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: t.invoice.creditTitle('3', customer) }).waitFor();
    await poll(() => main(page).locator('[data-state]').first().textContent()).toBe(t.states.credited);

    // «Obetalda»: invoice 2 (part paid) is there, the credited invoice 1 and the drafts are not.
    await go(page, '#/fakturering?ar=2022');
    await ready(page);
    await page.getByRole('combobox', { name: t.list.status }).click();
    await page.getByRole('option', { name: t.list.statuses.unpaid }).click();
    await poll(() => page.evaluate(() => window.location.hash)).toContain('status=obetalda');
    const rows = main(page).locator('tr[data-invoice]');
    await poll(() => rows.count()).toBe(1);
    await poll(() => rows.first().textContent()).toContain(formatKr(second.totalOre - half));
    await screenshot(page, 'fakturering-fakturor');

    // The year's bookkeeping file: SIE 4I in CP437, one voucher per issued invoice, credit note and payment.
    const [sieDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.list.sie(2022) }).click()]);
    expect(sieDownload.suggestedFilename()).toMatch(/\.se$/);
    const sie = (await readFile(await sieDownload.path())).toString('latin1');
    expect(sie).toContain('#SIETYP 4');
    expect(sie.match(/^#VER /gm)).toHaveLength(4);

    // The keyboard: Enter on the row opens the invoice; Back returns to the list with focus on that row again.
    const rowLink = rows.first().getByRole('link');
    await rowLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: t.invoice.title('2', other) }).waitFor();
    await page.goBack();
    await poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-invoice') ?? null)).toBe(secondId);

    await go(page, '#/fakturering/artiklar');
    await page.getByText(t.articles.accountantNote).first().waitFor();
    await ready(page);
    await screenshot(page, 'fakturering-artiklar');
  });

  it('drafts a run for new members from a date in the year, and refuses a date in another year beside the field', { timeout: 60_000 }, async () => {
    const page = await openScreen(await browser.newPage(), '#/fakturering/korning?ar=2022', { clock: TODAY, dismissLoadReport: true, heading: t.title });
    const from = page.getByRole('textbox', { name: t.run.joinedFrom });
    await poll(() => from.inputValue()).toBe(TODAY);
    await from.fill('2021-05-01');
    await page.getByRole('button', { name: t.run.draftJoiners }).click();
    // The core's refusal of the date stands beside the date field.
    const field = page.locator('.fui-Field').filter({ has: from });
    await field.getByText('Datumet ska ligga i det år som faktureras.').waitFor();
    await poll(() => main(page).locator('tr[data-run]').count()).toBe(0);
    await from.fill('2022-13-01');
    await page.getByRole('button', { name: t.run.draftJoiners }).click();
    await page.getByText(t.run.joinedFromInvalid).waitFor();
    // From the year's first day: what the core answers on the same register, a run or the reason there is none.
    const core = createTestServices({ initial: parseDocumentText(defaultText), now: `${TODAY}T10:00:00.000Z` });
    const answer = await core.call('invoicing/run-draft', { year: 2022, kind: 'joiners', joinedFrom: '2022-01-01' });
    await from.fill('2022-01-01');
    await page.getByRole('button', { name: t.run.draftJoiners }).click();
    if (answer.ok) await page.getByTestId('run-detail').getByRole('heading', { name: answer.data.title }).waitFor();
    else await page.getByRole('alert').getByText(answer.error.message).waitFor();
    await poll(() => main(page).locator('tr[data-run]').count()).toBe(answer.ok ? 1 : 0);
  });
});
