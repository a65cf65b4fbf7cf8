import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WindowApi } from '../../electron/contract';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp as openScreen, screenshot, TODAY, useBrowser } from './fixture';

const t = sv.kontakter;
const browser = useBrowser();

async function openApp(hash: string) {
  const page = await openScreen(await browser.newPage({ permissions: ['clipboard-read', 'clipboard-write'] }), hash, { clock: TODAY });
  await page.setViewportSize({ width: 1366, height: 768 });
  return page;
}

/** Adds contact persons through the page's own `window.api` (the default register has none). */
async function addContacts(page: Page) {
  await page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api;
    const call = async (channel: string, input: unknown) => {
      const result = (await api.invoke(channel as never, input as never)) as { ok: boolean; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
    };
    // Habo uses Bibblix only; Kil is a member too. Anna was never confirmed but is added today, so she is as current
    // as one confirmed today; Bo was last confirmed more than twelve months before TODAY (2022-06-30): unconfirmed.
    await call('contacts/create', { organisationId: 'org-kommun-0643', name: 'Anna Andersson', email: 'anna@habo.se', businessAreas: ['skola'], legalBasis: 'samtycke' });
    await call('contacts/create', { organisationId: 'org-kommun-0643', name: 'Bo Berg', email: 'bo@habo.se', businessAreas: ['skola', 'trafik'], confirmedAt: '2021-06-29' });
    await call('contacts/create', { organisationId: 'org-kommun-0643', name: 'Cilla Trafik', email: 'cilla@habo.se', businessAreas: ['trafik'], confirmedAt: '2022-06-01' });
  });
}

describe('Kontakter', () => {
  it('filters the directory, reaches the filtered list with consent respected, and saves it as a selection', async () => {
    const page = await openApp('#/kontakter');
    await addContacts(page);
    await expect.poll(() => page.getByTestId('directory-count').textContent()).toBe(t.directory.count(3, 3));

    await page.getByRole('combobox', { name: t.directory.businessArea }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Skola' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('directory-count').textContent()).toBe(t.directory.count(2, 3));
    const reach = page.getByTestId('directory-reach');
    await expect.poll(() => reach.getByTestId('reach-summary').textContent()).toBe('2 adresser');

    await reach.getByTestId('reach-kind').click();
    await page.getByRole('option', { name: t.reach.kinds.utskick }).click();
    await expect.poll(() => reach.getByTestId('reach-summary').textContent()).toBe('1 adress; 1 utelämnad: saknar samtycke för nyhetsbrev');
    expect(await reach.getByTestId('reach-omitted').textContent()).toContain('Bo Berg, Habo: saknar samtycke för nyhetsbrev');
    await reach.getByRole('button', { name: t.reach.copy }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('anna@habo.se');
    expect(await reach.getByTestId('reach-open').textContent()).toBe(t.reach.open);

    await page.getByTestId('directory-confirmed').click();
    await page.getByRole('option', { name: t.directory.confirmedOptions.obekraftade }).click();
    // Skola and unconfirmed: Bo, whose confirmation has run out, and not Anna, added today and never confirmed.
    await expect.poll(() => page.getByTestId('directory-count').textContent()).toBe(t.directory.count(1, 3));
    const table = page.getByTestId('directory-table');
    expect(await table.getByText('Bo Berg').count()).toBe(1);
    expect(await table.getByText('Anna Andersson').count()).toBe(0);
    await screenshot(page, 'kontakter-katalog-1366');

    await page.getByTestId('save-selection').click();
    await page.getByTestId('selection-name').fill('Skolkontakter');
    await page.getByRole('dialog').getByRole('button', { name: t.selections.save, exact: true }).click();
    await expect.poll(() => page.getByTestId('selection-item').count()).toBe(1);
    expect(await page.getByTestId('selection-item').textContent()).toContain('Kontaktpersoner: Skola · ej bekräftade');
  });

  it('searches the whole register, tolerant of «kommun», and offers a municipality not in the register for adding', async () => {
    const page = await openApp('#/kontakter');
    await addContacts(page);
    await page.getByTestId('global-search').fill('Habo kommun');
    const results = page.getByTestId('search-results');
    await expect.poll(() => results.getByRole('link', { name: 'Habo', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('search-missing').count()).toBe(0);

    await page.getByTestId('global-search').fill('andersson');
    await expect.poll(() => results.getByRole('link', { name: 'Anna Andersson' }).count()).toBe(1);

    await page.getByTestId('global-search').fill('bo@habo');
    await expect.poll(() => results.getByRole('link', { name: 'Bo Berg' }).count()).toBe(1);

    await page.getByTestId('global-search').fill('Håbo');
    await expect.poll(() => page.getByTestId('search-missing').count()).toBe(1);
    expect(await results.getByRole('link', { name: 'Habo', exact: true }).count()).toBe(0);
    await screenshot(page, 'kontakter-sok-1366');
    await page.getByRole('button', { name: t.search.add('Håbo') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('municipality-combobox').inputValue()).toContain('Håbo');
  });
});

describe('«Använder inte» on a service', () => {
  it('lists the members that do not use EGIL with their skola contacts, adds non-members on request, and is reached from the matrix', async () => {
    const page = await openApp('#/tjanster/matris');
    await addContacts(page);
    await page.getByTestId('matrix-non-users').click();
    await page.getByRole('menuitem', { name: 'EGIL', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'EGIL' }).waitFor();
    const section = page.getByTestId('non-users');
    await expect.poll(() => section.getByTestId('non-users-count').textContent()).toMatch(/^\d+ organisationer · /);
    const members = Number((await section.getByTestId('non-users-count').textContent())?.split(' ')[0]);
    const habo = section.getByRole('row').filter({ has: page.getByRole('link', { name: 'Habo', exact: true }) });
    await expect.poll(() => habo.count()).toBe(1);
    const haboText = await habo.textContent();
    expect(haboText).toContain('Anna Andersson <anna@habo.se>');
    expect(haboText).toContain('Jönköpings län');
    expect(haboText).not.toContain('Cilla');
    await section.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'tjanst-anvander-inte-1366');

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: t.nonUsers.export }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Använder inte EGIL.*\.xlsx$/);

    await section.getByTestId('non-users-all').click();
    await expect.poll(async () => Number((await section.getByTestId('non-users-count').textContent())?.split(' ')[0])).toBeGreaterThan(members + 100);
    await expect.poll(() => section.getByTestId('reach-summary').textContent()).toBe('2 adresser');
  });
});

describe('Reaching a roster', () => {
  it('opens the reach panel on a network with its persons, consent respected for a newsletter', async () => {
    const page = await openApp('#/kontakter');
    await addContacts(page);
    await page.evaluate(async () => {
      const api = (window as unknown as { api: WindowApi }).api;
      const list = (await api.invoke('contacts/directory', { filter: {} })) as { ok: boolean; data: { rows: { id: string; name: string }[] } };
      for (const row of list.data.rows.filter((r) => r.name !== 'Cilla Trafik')) {
        await api.invoke('networks/add-entry', { networkId: 'net-digital-signering', contactId: row.id, from: '2022-01-01' });
      }
    });
    await page.goto(page.url().replace('#/kontakter', '#/natverk/net-digital-signering'));
    await page.getByRole('heading', { level: 1, name: 'Digital signering' }).waitFor();
    await page.getByTestId('roster-reach-toggle').click();
    const reach = page.getByTestId('roster-reach');
    await expect.poll(() => reach.getByTestId('reach-summary').textContent()).toBe('2 adresser');
    await reach.getByTestId('reach-kind').click();
    await page.getByRole('option', { name: t.reach.kinds.utskick }).click();
    await expect.poll(() => reach.getByTestId('reach-summary').textContent()).toBe('1 adress; 1 utelämnad: saknar samtycke för nyhetsbrev');
    await screenshot(page, 'natverk-na-deltagarna-1366');
  });
});

describe('Many addresses', () => {
  it('splits them into mail batches of at most 50, one button each', async () => {
    const page = await openApp('#/kontakter');
    await page.evaluate(async () => {
      const api = (window as unknown as { api: WindowApi }).api;
      for (let i = 0; i < 120; i += 1) {
        await api.invoke('contacts/create', { organisationId: 'org-kommun-0643', name: `Person ${i}`, email: `person${i}@habo.se` });
      }
    });
    const reach = page.getByTestId('directory-reach');
    await expect.poll(() => reach.getByTestId('reach-summary').textContent()).toBe('120 adresser');
    expect(await reach.getByTestId('reach-open').allTextContents()).toEqual([t.reach.openBatch(1, 3), t.reach.openBatch(2, 3), t.reach.openBatch(3, 3)]);
  });
});
