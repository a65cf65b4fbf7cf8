/**
 * A shared register's role that only reads an area, as the screens show it: the secretariat's role on
 * Fakturering (a bar that says who may change invoicing, the run and article actions greyed out, the customers'
 * billing details still open) and the accountant's role on the register's screens. The web build is told the
 * role through its harness global, as the desktop is told by the server (test/main/app.shared-register.test.ts);
 * the refusal itself is the server's (test/node/postgres/pg-register.roles.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RoleAccess } from '../../electron/contract';
import { BOOT_ROLE_GLOBAL } from '../../renderer/bridge/web-bridge';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, screenshot, useBrowser } from './fixture';

const TODAY = '2022-06-30';
const t = sv.fakturering;
const browser = useBrowser();

async function openAs(role: RoleAccess, hash: string, heading: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(([name, value]) => ((globalThis as Record<string, unknown>)[name] = value), [BOOT_ROLE_GLOBAL, role] as const);
  return openApp(page, hash, { clock: TODAY, heading, dismissLoadReport: true });
}

async function go(page: Page, hash: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

const bar = (page: Page) => page.getByTestId('role-access');

describe('a shared register role that only reads an area', () => {
  it("the secretariat's role on Fakturering: told who may change invoicing, its actions greyed out, billing details open", async () => {
    const page = await openAs({ name: 'anna', readOnlyAreas: ['invoicing'] }, '#/fakturering/korning', t.title);
    await bar(page).waitFor();
    expect(await bar(page).textContent()).toContain(sv.roleAccess.invoicing('anna'));
    expect(await page.getByRole('button', { name: t.run.draftYear('2022') }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: t.run.draftJoiners }).isDisabled()).toBe(true);
    await screenshot(page, 'fakturering-roll-sekretariat');

    await go(page, '#/fakturering/artiklar');
    const editArticle = page.getByRole('button', { name: /^Ändra / }).first();
    await editArticle.waitFor();
    expect(await editArticle.isDisabled()).toBe(true);

    await go(page, '#/fakturering/installningar');
    const save = page.getByRole('button', { name: t.settings.save });
    await save.waitFor();
    expect(await save.isDisabled()).toBe(true);

    // Billing details are the secretariat's to write as well.
    await go(page, '#/fakturering/kunder');
    const editCustomer = page.getByRole('button', { name: /^Ändra faktureringsuppgifter för / }).first();
    await editCustomer.waitFor();
    expect(await editCustomer.isDisabled()).toBe(false);

    // The register's screens are the role's own: no bar there.
    await go(page, '#/medlemmar');
    await page.getByRole('heading', { level: 1, name: sv.medlemmar.title }).waitFor();
    await page.locator('main#innehall [data-ready="true"]').first().waitFor();
    expect(await bar(page).count()).toBe(0);
  });

  it("the accountant's role: the register's screens say it only reads them; Fakturering is its own", async () => {
    const page = await openAs({ name: 'erik', readOnlyAreas: ['register'] }, '#/medlemmar', sv.medlemmar.title);
    await bar(page).waitFor();
    expect(await bar(page).textContent()).toContain(sv.roleAccess.register('erik'));
    await screenshot(page, 'medlemmar-roll-ekonomi');
    await go(page, '#/fakturering/korning');
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    const draft = page.getByRole('button', { name: t.run.draftYear('2022') });
    await draft.waitFor();
    expect(await draft.isDisabled()).toBe(false);
    expect(await bar(page).count()).toBe(0);
  });
});
