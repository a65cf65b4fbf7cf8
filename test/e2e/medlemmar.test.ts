import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ERASED_SUMMARY } from '../../electron/core/domain/change-log';
import { coverageAt } from '../../electron/core/domain/coverage';
import { membershipFeesForYear } from '../../electron/core/domain/fees';
import { orgNumberMessages } from '../../electron/contract/rules/organisation-number';
import { membershipIndex } from '../../electron/core/domain/memberships';
import { findDuplicate } from '../../electron/core/domain/organisations';
import { registerFigures } from '../../electron/core/domain/register-figures';
import { listOrganisations } from '../../electron/core/domain/search';
import { searchText } from '../../electron/core/domain/swedish';
import type { MunicipalityRef } from '../../electron/core/store/schema';
import { countText, NAME_MIN_WIDTH, serviceUseCell } from '../../renderer/features/medlemmar/member-list.view-model';
import { municipalityText } from '../../renderer/features/medlemmar/organisation-form.view-model';
import { formatKr, formatNumber } from '../../renderer/lib/format';
import { sv } from '../../renderer/lib/i18n/sv';
import { createTestServices, loadDefaultDocument } from '../support/memory-document';
import { openApp as openScreen, screenshot, useBrowser } from './fixture';

const TODAY = '2022-06-30';
const YEAR = 2022;
const t = sv.medlemmar;
const doc = loadDefaultDocument();
const countyName = (code: string) => doc.reference.counties.find((c) => c.code === code)?.name ?? '';
const option = (m: MunicipalityRef) => municipalityText({ ...m, countyName: countyName(m.countyCode) });
const folded = (name: string) => searchText(name).folded;

/**
 * A municipality the default register lacks, with å, ä or ö in its one-word name, whose name without
 * diacritics names no other organisation: searching `osteraker`-style must find exactly it.
 */
const newcomer = (() => {
  const inRegister = new Set(doc.organisations.map((o) => o.municipalityCode));
  const found = doc.reference.municipalities.find(
    (m) =>
      !inRegister.has(m.code) &&
      /[åäöÅÄÖ]/u.test(m.name) &&
      /^\p{L}+$/u.test(m.name) &&
      !doc.organisations.some((o) => folded(o.name).includes(folded(m.name))) &&
      doc.reference.municipalities.filter((other) => folded(other.name).includes(folded(m.name))).length === 1,
  );
  if (!found) throw new Error('The default register has every municipality with å, ä or ö.');
  return found;
})();

/** A municipality that is already in the register, to be refused as a duplicate. */
const existing = (() => {
  const org = doc.organisations.find((o) => o.kind === 'kommun' && o.municipalityCode !== undefined && !o.archived && /^\p{L}+$/u.test(o.name));
  const ref = doc.reference.municipalities.find((m) => m.code === org?.municipalityCode);
  if (!org || !ref) throw new Error('The default register has no municipality.');
  return { org, ref };
})();

const browser = useBrowser();

async function openApp(hash: string) {
  // The web build's notice about the in-memory register is the shell's; closed here to give the screen room.
  return openScreen(await browser.newPage(), hash, { clock: TODAY, dismissLoadReport: true });
}

/** Whether a toast says `text` (the toast itself, not the screen reader's copy of it). */
async function toastShown(page: Page, text: string): Promise<boolean> {
  const matches = page.getByText(text, { exact: true });
  return (await matches.count()) > 0 && matches.last().isVisible();
}

/** A screenshot of the page from its top, as one sees it on arrival. */
async function screenshotFromTop(page: Page, name: string) {
  await page.locator('#innehall').evaluate((el) => el.scrollTo(0, 0));
  await screenshot(page, name);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const rowNames = (page: Page) => page.getByTestId('member-scroller').locator('tbody tr[data-row-id] a').allTextContents();
const search = (page: Page) => page.getByRole('searchbox', { name: t.list.searchLabel });

/** The text the accessibility tree reads out for a field's description (its validation message and hint). */
async function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

async function pickMunicipality(page: Page, dialog: Locator, m: MunicipalityRef) {
  const combobox = dialog.getByRole('combobox', { name: t.form.municipality });
  await combobox.click();
  await combobox.fill(folded(m.name));
  await page.getByRole('option', { name: option(m), exact: true }).click();
  await expect.poll(() => dialog.getByTestId('municipality-facts').textContent()).toContain(countyName(m.countyCode));
}

describe('Medlemmar: the member list', () => {
  it('lists the register with instant Swedish search, sorting by header, filters and a remembered column choice', async () => {
    const page = await openApp('#/medlemmar');
    await expect.poll(() => heading(page, t.title).isVisible()).toBe(true);
    const all = listOrganisations(doc, { date: TODAY });
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(all));
    // Virtualised: only the rows in view (and a margin) are in the page.
    const rendered = await page.getByTestId('member-scroller').locator('tbody tr[data-row-id]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(all.count);
    expect((await rowNames(page)).slice(0, 3)).toEqual(all.rows.slice(0, 3).map((r) => r.name));
    // The default columns fit without scrolling sideways.
    expect(await page.getByTestId('member-scroller').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.getByRole('columnheader', { name: t.list.column.fee(String(YEAR)) }).isVisible()).toBe(true);
    // Services reached through a group count, and the cell says through which («1 (1 via Göteborgsregionen (GR))»).
    const ale = all.rows.find((r) => r.name === 'Ale');
    expect(ale?.servicesUsedBreakdown.via.map((v) => v.name)).toEqual(['Göteborgsregionen (GR)']);
    const aleRow = page.getByTestId('member-scroller').locator(`tbody tr[data-row-id="${ale?.id}"]`);
    expect(await aleRow.locator(`td[title="${serviceUseCell(ale!.servicesUsedBreakdown)}"]`).count()).toBe(1);
    await screenshot(page, 'medlemmar-lista');

    // Scrolling to the end brings the last rows in.
    await page.getByTestId('member-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(async () => (await rowNames(page)).at(-1)).toBe(all.rows.at(-1)?.name);

    // Without diacritics a letter matches with or without them; typed with them it matches only itself.
    const withRing = doc.organisations.find((o) => /[åäö]/u.test(o.name) && o.kind === 'kommun' && !o.archived)!;
    await search(page).fill(folded(withRing.name));
    const foldedHits = listOrganisations(doc, { date: TODAY, query: folded(withRing.name) });
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(foldedHits));
    expect(await rowNames(page)).toEqual(foldedHits.rows.map((r) => r.name));
    expect(await rowNames(page)).toContain(withRing.name);
    await search(page).fill('håbo');
    const strict = listOrganisations(doc, { date: TODAY, query: 'håbo' });
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(strict));
    expect(await rowNames(page)).not.toContain('Habo');
    await search(page).fill('');

    // Sorting by clicking a header: population, largest first; again, smallest first.
    await page.getByRole('columnheader', { name: t.list.column.population }).getByRole('button').click();
    const byPopulation = listOrganisations(doc, { date: TODAY, sort: { by: 'population', direction: 'desc' } });
    await expect.poll(async () => (await rowNames(page)).slice(0, 3)).toEqual(byPopulation.rows.slice(0, 3).map((r) => r.name));
    expect(await page.getByRole('columnheader', { name: t.list.column.population }).getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('columnheader', { name: t.list.column.population }).getByRole('button').click();
    await expect.poll(() => page.getByRole('columnheader', { name: t.list.column.population }).getAttribute('aria-sort')).toBe('ascending');

    // Filters: kind and member status at a date, combined.
    await page.getByRole('combobox', { name: t.list.kindFilter }).click();
    // A multi-select list: its options are checkable menu items.
    await page.getByRole('menuitemcheckbox', { name: t.kinds.kommunalforbund }).click();
    await page.keyboard.press('Escape');
    const federations = listOrganisations(doc, { date: TODAY, kinds: ['kommunalforbund'], sort: { by: 'population', direction: 'asc' } });
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(federations));
    expect(await rowNames(page)).toEqual(federations.rows.map((r) => r.name));
    await page.getByRole('button', { name: t.list.clearFilters }).click();
    await page.getByRole('combobox', { name: t.list.servicesFilter }).click();
    await page.getByRole('option', { name: t.list.services['minst-2'] }).click();
    const twoServices = listOrganisations(doc, { date: TODAY, servicesUsedMin: 2 });
    await expect.poll(() => page.getByTestId('member-count').textContent()).toBe(countText(twoServices));

    // The column choice is a menu of checkboxes and survives a reload.
    await page.getByRole('button', { name: t.list.columns }).click();
    await page.getByRole('menuitemcheckbox', { name: t.list.column.orgNumber }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('columnheader', { name: t.list.column.orgNumber }).isVisible()).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('columnheader', { name: t.list.column.orgNumber }).isVisible()).toBe(true);

    // However many columns are chosen, the names keep their room (the table scrolls sideways instead).
    await page.getByRole('button', { name: t.list.columns }).click();
    await page.getByRole('menuitemcheckbox', { name: t.list.column.municipalityCode }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('columnheader', { name: t.list.column.municipalityCode }).isVisible()).toBe(true);
    const nameHeader = await page.getByRole('columnheader', { name: t.list.column.name }).boundingBox();
    expect(nameHeader?.width).toBeGreaterThanOrEqual(NAME_MIN_WIDTH);
  });
});

describe('Medlemmar: adding a member', () => {
  it('folds the names for searching once the list is drawn, before the search box is touched', async () => {
    const page = await browser.newPage();
    // Records every channel the screen asks, by wrapping `window.api` as the web bridge installs it.
    await page.addInitScript(() => {
      const asked: string[] = [];
      let api: { invoke: (channel: string, input: unknown) => Promise<unknown> } | undefined;
      Object.defineProperty(window, '__asked', { value: asked });
      Object.defineProperty(window, 'api', {
        configurable: true,
        get: () => api,
        set: (value: NonNullable<typeof api>) => {
          const invoke = value.invoke.bind(value);
          value.invoke = (channel, input) => {
            asked.push(channel);
            return invoke(channel, input);
          };
          api = value;
        },
      });
    });
    await openScreen(page, '#/medlemmar', { clock: TODAY, dismissLoadReport: true });
    await page.locator('main [data-ready="true"]').waitFor();
    const asked = () => page.evaluate(() => (window as unknown as { __asked: string[] }).__asked);
    // A click into the box and a letter typed at once come before any idle moment after the focus, so the
    // preparation cannot wait for the focus.
    await expect.poll(async () => (await asked()).includes('members/prepare-search')).toBe(true);
    expect(await search(page).evaluate((el) => el === document.activeElement)).toBe(false);
    // Typing still finds, through the prepared names: without diacritics, the best match first.
    const withRing = doc.organisations.find((o) => /[åäö]/u.test(o.name) && o.kind === 'kommun' && !o.archived)!;
    const first = listOrganisations(doc, { date: TODAY, query: folded(withRing.name) }).rows[0]?.name;
    expect(first).toBe(withRing.name);
    // The first letter moves nothing: «Rensa filter» keeps its room, hidden (and out of reach) until a filter is set.
    const clear = page.getByRole('button', { name: t.list.clearFilters });
    expect(await clear.count()).toBe(0);
    const listTop = () => page.getByTestId('member-scroller').evaluate((el) => el.getBoundingClientRect().top);
    const topBefore = await listTop();
    await search(page).fill(folded(withRing.name));
    await expect.poll(async () => (await rowNames(page)).at(0)).toBe(first);
    expect(await clear.isVisible()).toBe(true);
    expect(await listTop()).toBe(topBefore);
  });

  it('adds a municipality as a member, finds it without diacritics, shows the core’s fee, adds a contact, closes the coverage gap and undoes', async () => {
    // The same changes through the core in this process give the figures the screen must show.
    const core = createTestServices({ initial: doc, now: `${TODAY}T10:00:00.000Z` });
    const created = await core.call('members/create', { kind: 'kommun', municipalityCode: newcomer.code });
    if (!created.ok) throw new Error(created.error.message);
    await core.call('memberships/add', { organisationId: created.data.id, joined: TODAY });
    const expectedFee = membershipFeesForYear(core.repo.get(), YEAR).rows.find((r) => r.organisationId === created.data.id);
    if (!expectedFee) throw new Error('The core charges the newcomer no fee.');
    const gapBefore = coverageAt(core.repo.get(), TODAY).totals.missingByArea.skola;

    const page = await openApp('#/medlemmar');
    await page.getByRole('button', { name: t.list.newOrganisation }).click();
    const dialog = page.getByRole('dialog', { name: t.form.createTitle });
    await pickMunicipality(page, dialog, newcomer);
    const facts = await dialog.getByTestId('municipality-facts').textContent();
    expect(facts).toContain(newcomer.code);
    const newest = doc.reference.populations.filter((p) => p.code === newcomer.code).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
    expect(facts).toContain(formatNumber(newest?.population ?? NaN));
    expect(await dialog.getByLabel(t.form.joined).inputValue()).toBe(TODAY);
    await dialog.getByRole('button', { name: t.form.submitCreate }).click();
    await expect.poll(() => toastShown(page, t.form.createdMember(newcomer.name, TODAY))).toBe(true);
    await expect.poll(() => dialog.count()).toBe(0);

    await expect.poll(() => heading(page, newcomer.name).isVisible()).toBe(true);
    expect(await page.getByTestId('member-status').textContent()).toBe(t.statuses.medlem);
    await expect.poll(() => page.getByTestId('fee-total').textContent()).toBe(formatKr(expectedFee.totalOre));
    expect(await page.getByTestId('fee-explanation').locator('li').allTextContents()).toEqual(expectedFee.explanation);
    expect(await page.getByTestId('period-row').count()).toBe(1);
    // The fee of another year, with the core's reason when there is none.
    const lastYear = await core.call('members/get', { id: created.data.id, year: YEAR - 1 });
    if (!lastYear.ok || lastYear.data.feeMessage === undefined) throw new Error('The core charges the newcomer for the year before it joined.');
    await page.getByRole('combobox', { name: t.page.feeYear }).click();
    await page.getByRole('option', { name: String(YEAR - 1), exact: true }).click();
    await expect.poll(() => page.getByTestId('fee-message').textContent()).toBe(lastYear.data.feeMessage);
    await page.getByRole('combobox', { name: t.page.feeYear }).click();
    await page.getByRole('option', { name: String(YEAR), exact: true }).click();
    await expect.poll(() => page.getByTestId('fee-total').textContent()).toBe(formatKr(expectedFee.totalOre));

    // Found from the list by its name without å, ä, ö.
    await page.getByRole('link', { name: t.page.back }).click();
    await search(page).fill(folded(newcomer.name));
    await expect.poll(() => rowNames(page)).toEqual([newcomer.name]);

    // Coverage: the new member has no contact for Skola yet.
    await page.getByRole('tab', { name: t.tabs.tackning }).click();
    const row = page.locator(`[data-testid="coverage-row"]`, { has: page.getByRole('link', { name: newcomer.name, exact: true }) });
    await expect.poll(() => row.locator('[data-area="skola"] [data-covered]').getAttribute('data-covered')).toBe('false');
    expect(await row.locator('[data-area="skola"]').textContent()).toContain(t.coverage.missing);
    expect(await page.getByTestId('coverage-totals').locator('[data-area="skola"]').textContent()).toBe(formatNumber(gapBefore));

    // A contact for Skola, with å/ä/ö in the e-mail address and a phone number as Swedes write it.
    await row.getByRole('link', { name: newcomer.name }).click();
    await expect.poll(() => heading(page, newcomer.name).isVisible()).toBe(true);
    await page.getByRole('button', { name: t.contacts.add }).click();
    const contactDialog = page.getByRole('dialog', { name: t.contacts.addTitle });
    await contactDialog.getByLabel(t.contacts.name).fill('Åsa Öberg');
    await contactDialog.getByLabel(t.contacts.title).fill('Skolchef');
    await contactDialog.getByLabel(t.contacts.email).fill('åsa.öberg@kommunen.se');
    await contactDialog.getByLabel(t.contacts.phone).fill('0701234567');
    await contactDialog.getByRole('checkbox', { name: t.areas.skola }).check();
    await contactDialog.getByRole('button', { name: t.contacts.confirmToday }).click();
    expect(await contactDialog.getByLabel(t.contacts.confirmedAt).inputValue()).toBe(TODAY);
    await contactDialog.getByRole('button', { name: t.common.save }).click();
    await expect.poll(() => toastShown(page, t.contacts.created('Åsa Öberg'))).toBe(true);
    await expect.poll(() => contactDialog.count()).toBe(0);
    const contact = page.getByTestId('contact-row').filter({ hasText: 'Åsa Öberg' });
    await expect.poll(() => contact.count()).toBe(1);
    expect(await contact.getByTestId('contact-phone').textContent()).toBe('070-123 45 67');
    // Role queries wait: the page behind a closing dialog leaves the accessibility tree's shadow a moment later.
    await expect.poll(() => contact.getByRole('link', { name: 'åsa.öberg@kommunen.se' }).isVisible()).toBe(true);
    expect(await contact.textContent()).toContain(t.areas.skola);
    expect(await contact.textContent()).toContain(t.legalBasesShort['allmant-intresse']);
    await expect.poll(() => page.getByTestId('changes-section').getByTestId('change-row').count()).toBeGreaterThanOrEqual(3);
    await screenshotFromTop(page, 'medlemmar-organisation');
    await page.getByTestId('fee-section').scrollIntoViewIfNeeded();
    await screenshot(page, 'medlemmar-organisation-nedre');

    // «Exportera uppgifter» downloads the person's data as JSON.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await contact.getByRole('button', { name: t.common.moreActions('Åsa Öberg') }).click();
        await page.getByRole('menuitem', { name: t.contacts.export }).click();
      })(),
    ]);
    expect(download.suggestedFilename()).toBe(`personuppgifter-asa-oberg-${TODAY}.json`);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { contact: { name: string; phone: string; email: string } };
    expect(exported.contact).toMatchObject({ name: 'Åsa Öberg', phone: '+46701234567', email: 'åsa.öberg@kommunen.se' });

    // The gap closes.
    await page.getByRole('link', { name: t.page.back }).click();
    await page.getByRole('tab', { name: t.tabs.tackning }).click();
    await expect.poll(() => row.locator('[data-area="skola"] [data-covered]').getAttribute('data-covered')).toBe('true');
    expect(await row.locator('[data-area="skola"]').textContent()).toContain('Åsa Öberg');
    expect(await page.getByTestId('coverage-totals').locator('[data-area="skola"]').textContent()).toBe(formatNumber(gapBefore - 1));

    // Ctrl+Z undoes the contact: the gap opens again and the person is gone from the page.
    await page.locator('body').press('Control+z');
    await expect.poll(() => row.locator('[data-area="skola"] [data-covered]').getAttribute('data-covered')).toBe('false');
    await row.getByRole('link', { name: newcomer.name }).click();
    await expect.poll(() => heading(page, newcomer.name).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('contacts-section').getByText(t.contacts.none).isVisible()).toBe(true);
    expect(await page.getByTestId('contact-row').count()).toBe(0);
  });
});

describe('Medlemmar: refusals', () => {
  it('refuses a municipality already in the register with the core’s message and a working link to it', async () => {
    const duplicate = findDuplicate(doc.organisations, { municipalityCode: existing.ref.code });
    if (!duplicate) throw new Error('No duplicate found for a municipality in the register.');
    const page = await openApp('#/medlemmar');
    await page.getByRole('button', { name: t.list.newOrganisation }).click();
    const dialog = page.getByRole('dialog', { name: t.form.createTitle });
    await pickMunicipality(page, dialog, existing.ref);
    await expect.poll(() => dialog.getByTestId('duplicate-message').textContent()).toContain(duplicate.message);
    expect(await dialog.getByTestId('duplicate-message').getAttribute('data-refused')).toBe('false');
    await dialog.getByRole('button', { name: t.form.submitCreate }).click();
    // Refused by the core on saving: its sentence, and the link to the existing record; nothing was added.
    await expect.poll(() => dialog.getByTestId('duplicate-message').getAttribute('data-refused')).toBe('true');
    expect(await dialog.getByTestId('duplicate-message').textContent()).toContain(duplicate.message);
    expect(await page.getByTestId('member-count').textContent()).toBe(countText(listOrganisations(doc, { date: TODAY })));
    await screenshot(page, 'medlemmar-dubblett');
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('link', { name: t.form.openExisting(existing.org.name) }).click();
    await expect.poll(() => heading(page, existing.org.name).isVisible()).toBe(true);
    expect(new URL(page.url()).hash).toBe(`#/medlemmar/${existing.org.id}`);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('shows the Swedish reason at the field for an invalid organisation number, and the canonical form for a valid one', async () => {
    const page = await openApp('#/medlemmar');
    await page.getByRole('button', { name: t.list.newOrganisation }).click();
    const dialog = page.getByRole('dialog', { name: t.form.createTitle });
    await dialog.getByRole('combobox', { name: t.form.kind }).click();
    await page.getByRole('option', { name: t.kinds.annan }).click();
    await dialog.getByLabel(t.form.name).fill('Testbolaget i Sävsjö');
    const orgNumber = dialog.getByLabel(t.form.orgNumber);
    await orgNumber.fill('212000-0143');
    await expect.poll(() => descriptionOf(orgNumber)).toContain(orgNumberMessages['check-digit']);
    expect(await orgNumber.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'medlemmar-organisationsnummer');
    await dialog.getByRole('button', { name: t.form.submitCreate }).click();
    await expect.poll(() => descriptionOf(orgNumber)).toContain(orgNumberMessages['check-digit']);
    expect(await dialog.isVisible()).toBe(true);

    await orgNumber.fill('16 2120000142');
    await expect.poll(() => descriptionOf(orgNumber)).toContain(t.form.orgNumberCanonical('212000-0142'));
    expect(await orgNumber.getAttribute('aria-invalid')).not.toBe('true');
    await dialog.getByRole('button', { name: t.common.cancel }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await search(page).fill('testbolaget');
    await expect.poll(() => page.getByText(t.list.empty).isVisible()).toBe(true);
  });

  it('never saves half: a mistyped «Medlem från och med» is marked at the field, the dialog stays open and nothing is added', async () => {
    const mistyped = await createTestServices({ initial: doc, now: `${TODAY}T10:00:00.000Z` }).call('members/create', {
      kind: 'kommun',
      municipalityCode: newcomer.code,
      membership: { joined: '15/3/2022' },
    });
    if (mistyped.ok || mistyped.error.fieldMessage === undefined) throw new Error('fixture: the core must refuse the mistyped date');
    expect(mistyped.error.field).toBe('membership.joined');

    const page = await openApp('#/medlemmar');
    await page.setViewportSize({ width: 1366, height: 768 });
    const countBefore = await page.getByTestId('member-count').textContent();
    await page.getByRole('button', { name: t.list.newOrganisation }).click();
    const dialog = page.getByRole('dialog', { name: t.form.createTitle });
    await pickMunicipality(page, dialog, newcomer);
    const joined = dialog.getByLabel(t.form.joined);
    await joined.fill('15/3/2022');
    await dialog.getByRole('button', { name: t.form.submitCreate }).click();

    await expect.poll(() => joined.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(joined)).toBe(mistyped.error.fieldMessage);
    await joined.scrollIntoViewIfNeeded();
    await screenshot(page, 'medlemmar-ny-organisation-fel-datum');
    expect(await dialog.isVisible()).toBe(true);
    // Nothing saved: the list behind the dialog still counts what it did.
    expect(await page.getByTestId('member-count').textContent()).toBe(countBefore);

    // Corrected as «före»: saved once, shown as «Medlem sedan före», with no entry fee.
    await dialog.getByRole('radio', { name: sv.medlemmar.period.startBefore }).check();
    const before = dialog.getByLabel(sv.medlemmar.period.joinedBefore);
    await before.fill('2022-01-01');
    await screenshot(page, 'medlemmar-ny-organisation-fore');
    await dialog.getByRole('button', { name: t.form.submitCreate }).click();
    await expect.poll(() => toastShown(page, t.form.createdMemberBefore(newcomer.name, '2022-01-01'))).toBe(true);
    await expect.poll(() => heading(page, newcomer.name).isVisible()).toBe(true);
    expect(await page.getByText(t.page.memberSinceBefore('2022-01-01'), { exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('period-row').allTextContents()).toEqual([expect.stringContaining('före 2022-01-01')]);
    await screenshotFromTop(page, 'medlemmar-medlem-sedan-fore');
  });

  it('marks the field the core’s refusal names in `field`, with the core’s sentence for it and not the label again', async () => {
    const input = { kind: 'annan', name: 'Testbolaget i Sävsjö', website: 'inte en adress' } as const;
    const refused = await createTestServices({ initial: doc, now: `${TODAY}T10:00:00.000Z` }).call('members/create', input);
    if (refused.ok || refused.error.fieldMessage === undefined) throw new Error('fixture: the core must refuse the website');
    expect(refused.error.field).toBe('website');

    const page = await openApp('#/medlemmar');
    await page.getByRole('button', { name: t.list.newOrganisation }).click();
    const dialog = page.getByRole('dialog', { name: t.form.createTitle });
    await dialog.getByRole('combobox', { name: t.form.kind }).click();
    await page.getByRole('option', { name: t.kinds.annan }).click();
    await dialog.getByLabel(t.form.name).fill(input.name);
    const website = dialog.getByLabel(t.form.website);
    await website.fill(input.website);
    expect(await website.getAttribute('aria-invalid')).not.toBe('true');
    await dialog.getByRole('button', { name: t.form.submitCreate }).click();

    await expect.poll(() => website.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(website)).toBe(refused.error.fieldMessage);
    expect(await dialog.getByText(refused.error.message).count()).toBe(0);
    expect(await dialog.getByLabel(t.form.name).getAttribute('aria-invalid')).not.toBe('true');
    await dialog.getByRole('button', { name: t.common.cancel }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

describe('Medlemmar: coverage, figures and the fee table', () => {
  it('shows coverage with totals and prints it on its own on A4 landscape', async () => {
    // A contact for Trafik last confirmed more than 12 months ago, made through window.api as a screen would.
    const member = coverageAt(doc, TODAY).rows[0]!;
    const core = createTestServices({ initial: doc, now: `${TODAY}T10:00:00.000Z` });
    const person = { organisationId: member.organisationId, name: 'Gunnel Gammal', businessAreas: ['trafik' as const], confirmedAt: '2021-01-15' };
    expect((await core.call('contacts/create', person)).ok).toBe(true);
    const expected = coverageAt(core.repo.get(), TODAY);
    expect(expected.totals.staleContacts).toBe(1);

    const page = await openApp('#/medlemmar/tackning');
    const created = await page.evaluate(
      (input) => (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean }> } }).api.invoke('contacts/create', input),
      person,
    );
    expect(created.ok).toBe(true);
    const row = page.locator(`[data-testid="coverage-row"][data-organisation-id="${member.organisationId}"]`);
    await expect.poll(() => row.locator('[data-area="trafik"]').textContent()).toBe(`${t.coverage.covered}: Gunnel Gammal (${t.coverage.staleMark})`);
    expect(await row.locator('td').last().textContent()).toBe('Gunnel Gammal');
    await expect.poll(() => page.getByTestId('coverage-row').count()).toBe(expected.rows.length);
    const stats = await page.getByTestId('coverage-stat').allTextContents();
    expect(stats).toEqual([expected.totals.members, expected.totals.fullyCovered, expected.totals.membersMissingAny, expected.totals.staleContacts].map((n) => formatNumber(n)));
    for (const { area } of expected.areas) {
      expect(await page.getByTestId('coverage-totals').locator(`[data-area="${area}"]`).textContent()).toBe(formatNumber(expected.totals.missingByArea[area]));
    }
    await screenshot(page, 'medlemmar-tackning');

    expect(await page.getByRole('button', { name: t.coverage.print }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const navigation = page.locator('nav, [role="navigation"]').first();
    expect(await navigation.count()).toBe(1);
    expect(await navigation.isVisible()).toBe(false);
    expect(await page.getByTestId('coverage-print').isVisible()).toBe(true);
    expect(await page.getByTestId('coverage-print').locator('tbody tr').count()).toBe(expected.rows.length);
    await page.setViewportSize({ width: 1123, height: 794 });
    await screenshot(page, 'medlemmar-tackning-utskrift');
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 landscape is 841.9 × 595.3 points; every page of the printout is one.
    const boxes = pdf.match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toMatch(/^\/MediaBox \[0 0 841\.\d+ 59[45]\.\d+\]$/);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the register figures of a chosen year as the core counts them', async () => {
    const page = await openApp('#/medlemmar/siffror');
    const figures = registerFigures(doc, YEAR);
    const values = page.getByTestId('figure-value');
    await expect.poll(() => values.first().textContent()).toBe(formatNumber(figures.membersAtStart));
    expect((await values.allTextContents()).slice(0, 4)).toEqual([figures.membersAtStart, figures.membersAtEnd, figures.joinedDuring, figures.leftDuring].map((n) => formatNumber(n)));
    await page.getByRole('combobox', { name: t.figures.year }).click();
    await page.getByRole('option', { name: String(YEAR - 1) }).click();
    const previous = registerFigures(doc, YEAR - 1);
    await expect.poll(() => values.first().textContent()).toBe(formatNumber(previous.membersAtStart));
  });

  it('edits the fee table for a year, refusing what the core refuses, and the year’s fees follow', async () => {
    const page = await openApp('#/medlemmar/avgifter');
    const sum = page.getByTestId('fee-sum');
    await expect.poll(() => sum.textContent()).toContain(formatKr(membershipFeesForYear(doc, YEAR).totalOre));
    await page.getByRole('button', { name: t.feeTable.newForYear(String(YEAR)) }).click();
    const editor = page.getByTestId('fee-table-editor');
    const first = editor.getByLabel(t.feeTable.minPopulationLabel(1));
    await first.fill('5');
    await editor.getByRole('button', { name: t.common.save }).click();
    await expect.poll(() => descriptionOf(first)).toContain('Den första avgiftsklassen ska börja på 0 invånare');
    await first.fill('0');
    await editor.getByLabel(t.feeTable.yearlyFeeLabel(1)).fill('6 000');
    await editor.getByRole('button', { name: t.common.save }).click();
    await expect.poll(() => toastShown(page, t.feeTable.saved(String(YEAR)))).toBe(true);

    const table = doc.feeTables[0]!;
    const changed = { ...doc, feeTables: [...doc.feeTables, { ...table, year: YEAR, bands: table.bands.map((b, i) => (i === 0 ? { ...b, yearlyFeeOre: 6_000_00 } : b)) }] };
    await expect.poll(() => sum.textContent()).toContain(formatKr(membershipFeesForYear(changed, YEAR).totalOre));
    await expect.poll(() => page.getByTestId('fee-table').textContent()).toContain(t.feeTable.inForceOwn(String(YEAR)));
    await page.locator('body').press('Control+z');
    await expect.poll(() => sum.textContent()).toContain(formatKr(membershipFeesForYear(doc, YEAR).totalOre));
  });
});

/** A municipality that is a member on its own today through one open period, and nothing else. */
const directMember = (() => {
  const index = membershipIndex(doc);
  const org = doc.organisations.find((o) => {
    const periods = index.periodsOf(o.id);
    return o.kind === 'kommun' && !o.archived && periods.length === 1 && periods[0]!.left === undefined && periods[0]!.joined < TODAY && index.groupsOf(o.id).length === 0;
  });
  if (!org) throw new Error('The default register has no plain direct member.');
  return { org, period: index.periodsOf(org.id)[0]! };
})();

describe('Medlemmar: memberships, archiving and personal data', () => {
  it('ends a membership with notice, refuses to archive a member, and re-joins with a new period', async () => {
    const core = createTestServices({ initial: doc, now: `${TODAY}T10:00:00.000Z` });
    const ended = await core.call('memberships/end', { id: directMember.period.id, left: '2022-12-31', noticeGiven: TODAY, reason: 'Besparingar' });
    expect(ended.ok).toBe(true);
    const refusedArchive = await core.call('members/archive', { id: directMember.org.id });
    const overlap = await core.call('memberships/add', { organisationId: directMember.org.id, joined: '2022-12-01' });
    if (refusedArchive.ok || overlap.ok) throw new Error('The core accepted what the screen must refuse.');

    const page = await openApp(`#/medlemmar/${directMember.org.id}`);
    const section = page.getByTestId('membership-section');
    // The default data's members joined on a day nobody recorded: «före 2022-01-01».
    expect(directMember.period.startKnown).toBe('before');
    await section.getByRole('button', { name: t.common.moreActions(`${t.page.periodKinds.before} ${t.page.before(directMember.period.joined)}`) }).click();
    await page.getByRole('menuitem', { name: t.page.endPeriod }).click();
    const endDialog = page.getByRole('dialog', { name: t.period.endTitle });
    expect(await endDialog.getByLabel(t.period.left).inputValue()).toBe(TODAY);
    await endDialog.getByLabel(t.period.noticeGiven).fill(TODAY);
    await endDialog.getByLabel(t.period.left).fill('2022-12-31');
    await endDialog.getByLabel(t.period.reason).fill('Besparingar');
    await endDialog.getByRole('button', { name: t.common.save }).click();
    await expect.poll(() => endDialog.count()).toBe(0);
    await expect.poll(() => page.getByTestId('member-status').textContent()).toBe(t.statuses.uppsagd);
    expect(await page.getByTestId('period-row').first().textContent()).toContain('2022-12-31');
    expect(await page.getByTestId('period-row').first().textContent()).toContain('Besparingar');

    await page.getByRole('button', { name: t.page.archive }).click();
    const archiveDialog = page.getByRole('alertdialog', { name: t.page.archiveTitle(directMember.org.name) });
    await archiveDialog.getByRole('button', { name: t.page.archive }).click();
    await expect.poll(() => archiveDialog.getByText(refusedArchive.error.message).isVisible()).toBe(true);
    await archiveDialog.getByRole('button', { name: t.common.cancel }).click();
    await expect.poll(() => archiveDialog.count()).toBe(0);

    await section.getByRole('button', { name: t.page.rejoin }).click();
    const rejoin = page.getByRole('dialog', { name: t.period.rejoinTitle });
    const joined = rejoin.getByLabel(t.period.joined);
    await joined.fill('2022-12-01');
    await rejoin.getByRole('button', { name: t.common.save }).click();
    await expect.poll(() => descriptionOf(joined)).toContain(overlap.error.message.replace(/^[^:]+: /, ''));
    await joined.fill('2023-01-01');
    await rejoin.getByRole('button', { name: t.common.save }).click();
    await expect.poll(() => rejoin.count()).toBe(0);
    await expect.poll(() => page.getByTestId('period-row').count()).toBe(2);
    expect(await page.getByTestId('period-row').first().textContent()).toContain(t.page.periodKinds.rejoin);
    await screenshotFromTop(page, 'medlemmar-aterintrade');

    await page.locator('body').press('Control+z');
    await expect.poll(() => page.getByTestId('period-row').count()).toBe(1);
  });

  it('archives an organisation that is not a member; the list hides it until archived ones are asked for', async () => {
    const never = listOrganisations(doc, { date: TODAY, statuses: ['aldrig-medlem'] }).rows.find((r) => /^\p{L}+$/u.test(r.name))!;
    const page = await openApp(`#/medlemmar/${never.id}`);
    await page.getByRole('button', { name: t.page.archive }).click();
    const confirm = page.getByRole('alertdialog', { name: t.page.archiveTitle(never.name) });
    await confirm.getByRole('button', { name: t.page.archive }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: t.page.unarchive }).isVisible()).toBe(true);
    expect(await page.getByText(t.page.archivedBadge, { exact: true }).isVisible()).toBe(true);

    await page.getByRole('link', { name: t.page.back }).click();
    await search(page).fill(folded(never.name));
    await expect.poll(() => page.getByText(t.list.empty).isVisible()).toBe(true);
    await page.getByRole('switch', { name: t.list.showArchived }).check();
    await expect.poll(() => rowNames(page)).toEqual([never.name]);
    expect(await page.getByTestId('member-scroller').getByText(t.list.archived, { exact: true }).isVisible()).toBe(true);
  });

  it('edits a person’s legal basis, then erases the person after a warning that it cannot be undone', async () => {
    const page = await openApp(`#/medlemmar/${directMember.org.id}`);
    const created = await page.evaluate(
      (organisationId) =>
        (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean }> } }).api.invoke('contacts/create', {
          organisationId,
          name: 'Örjan Ålund',
          email: 'orjan@exempel.se',
          businessAreas: ['fastighet'],
        }),
      directMember.org.id,
    );
    expect(created.ok).toBe(true);
    const row = page.getByTestId('contact-row').filter({ hasText: 'Örjan Ålund' });
    await expect.poll(() => row.count()).toBe(1);

    await row.getByRole('button', { name: t.common.moreActions('Örjan Ålund') }).click();
    await page.getByRole('menuitem', { name: t.common.edit }).click();
    const edit = page.getByRole('dialog', { name: t.contacts.editTitle('Örjan Ålund') });
    await edit.getByRole('combobox', { name: t.contacts.legalBasis }).click();
    await page.getByRole('option', { name: t.legalBases.samtycke }).click();
    await edit.getByRole('button', { name: t.common.save }).click();
    await expect.poll(() => edit.count()).toBe(0);
    await expect.poll(() => row.textContent()).toContain(t.legalBases.samtycke);

    await row.getByRole('button', { name: t.common.moreActions('Örjan Ålund') }).click();
    await page.getByRole('menuitem', { name: t.contacts.erase }).click();
    const erase = page.getByRole('alertdialog', { name: t.contacts.eraseTitle('Örjan Ålund') });
    expect(await erase.textContent()).toContain(t.contacts.eraseIrreversible);
    expect(await erase.textContent()).toContain(t.contacts.eraseBody);
    expect(await erase.textContent()).toContain(t.legalBases.samtycke);
    await erase.getByRole('radio', { name: t.erasureGrounds['behovs-inte'] }).check();
    await screenshot(page, 'medlemmar-radera');
    await erase.getByRole('button', { name: t.contacts.eraseConfirm }).click();
    await expect.poll(() => erase.count()).toBe(0);
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => page.getByTestId('changes-section').getByText(ERASED_SUMMARY).first().isVisible()).toBe(true);
    expect(await page.getByTestId('changes-section').textContent()).not.toContain('Örjan');
    // Undo cannot bring the person back: the history was cleared.
    await expect.poll(() => page.getByRole('button', { name: sv.header.undo }).isEnabled()).toBe(false);
  });
});
