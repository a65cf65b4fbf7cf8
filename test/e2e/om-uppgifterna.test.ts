/**
 * Issue 16, point 14 in the browser: «Om uppgifterna» lists the register's assumptions grouped, with links to
 * where each is dealt with, and is reached from Översikt and from Hjälp. Confirming the group rule removes its item.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WindowApi } from '../../electron/contract';
import { omUppgifternaSv as t } from '../../renderer/lib/i18n/om-uppgifterna.sv';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, screenshot, useBrowser } from './fixture';

const browser = useBrowser();

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  return page;
}

describe('Om uppgifterna', () => {
  it('is reached from Översikt and lists the plan’s assumptions grouped, with where each is dealt with', async () => {
    const page = await openApp(await newPage(), '#/oversikt', { heading: sv.oversikt.title });
    await page.getByTestId('about-data-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'om-uppgifterna-oversikt-card');
    await page.getByTestId('about-data-card').getByRole('link', { name: t.overviewCard }).click();
    await page.getByRole('heading', { level: 1, name: t.title, exact: true }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/om-uppgifterna');

    const items = page.getByTestId('assumption');
    await items.first().waitFor();
    const text = (await items.allTextContents()).join('\n');
    expect(text).toContain('78 medlemskap börjar «före 2022-01-01» (inträdesdatum okänt)');
    expect(text).toContain('Gruppregeln för kommunalförbund är att bekräfta');
    expect(text).toContain('Planen anger 109; registret namnger 96');
    expect(text).toContain('räknar bara konferens');
    const headings = await page.locator('main h2, [role="main"] h2').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['Medlemskap', 'Avgifter', 'Planens uppgifter och registrets', 'Mål', t.sources]));
    const sources = await page.getByTestId('data-sources').textContent();
    expect(sources).toContain('2018-12-31 (290 kommuner)');
    expect(sources).toContain('Verksamhetsplan 2022');
    await screenshot(page, 'om-uppgifterna');

    // The fee-rule item links to the fee table, where the rule is confirmed.
    await page.getByTestId('assumptions-avgifter').getByRole('link', { name: t.places.avgiftstabell }).first().click();
    await page.waitForURL(/#\/medlemmar\/avgifter$/u);
  });

  it('is reached from Hjälp, and an item goes once the register settles it', async () => {
    const page = await openApp(await newPage(), '#/hjalp', { heading: sv.hjalp.title });
    await screenshot(page, 'om-uppgifterna-hjalp-link');
    await page.getByTestId('guide-about-data').click();
    await page.getByRole('heading', { level: 1, name: t.title, exact: true }).waitFor();
    await page.getByText('Gruppregeln för kommunalförbund är att bekräfta').waitFor();

    await page.evaluate(async () => {
      const api = (window as unknown as { api: WindowApi }).api;
      const confirmed = await api.invoke('fees/confirm-group-rule', { tableYear: 2020, basis: 'combined-population', decision: 'Styrelsen 2022-05-10 § 7' });
      if (!confirmed.ok) throw new Error(confirmed.error.message);
    });
    // The page follows the register: reopened, the group-rule item is gone and the rest stays.
    await page.goto(page.url().replace('#/om-uppgifterna', '#/oversikt'));
    await page.goto(page.url().replace('#/oversikt', '#/om-uppgifterna'));
    await page.getByText('78 medlemskap börjar «före 2022-01-01» (inträdesdatum okänt)').waitFor();
    expect(await page.getByText('Gruppregeln för kommunalförbund är att bekräfta').count()).toBe(0);
  });

  it('the board pack names the assumptions behind its figures below the plan figures', async () => {
    const page = await openApp(await newPage(), '#/styrelserapport', { heading: sv.styrelserapport.title });
    const list = page.getByTestId('pack-assumptions');
    await list.scrollIntoViewIfNeeded();
    expect(await list.textContent()).toContain('78 medlemskap börjar «före 2022-01-01»');
    await screenshot(page, 'om-uppgifterna-styrelserapport');
  });
});
