/**
 * Issue 16, point 4 in the browser: the fee table states its population date and the group rule; while the rule
 * is «att bekräfta» the fee sum flags the groups, and confirming it with a decision reference clears the flag.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WindowApi } from '../../electron/contract';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, screenshot, useBrowser } from './fixture';

const browser = useBrowser();
const t = sv.medlemmar.feeTable;

async function groupRule(page: Page) {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api;
    const result = await api.invoke('fees/list-tables', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.data[0]?.groupRule;
  });
}

describe('The fee table’s population date and group rule', () => {
  it('flags the groups until the rule is confirmed with a decision reference', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page, '#/medlemmar/avgifter');
    await expect.poll(() => page.getByTestId('fee-population-date').textContent()).toContain('31 december året före avgiftsåret (2021-12-31 för 2022)');
    await expect.poll(() => page.getByTestId('fee-sum-unconfirmed').isVisible()).toBe(true);
    expect(await page.getByTestId('fee-sum-unconfirmed').textContent()).toMatch(/Göteborgsregionen/);
    await screenshot(page, 'medlemmar-avgifter-group-rule');

    await page.getByRole('button', { name: t.confirmRule }).click();
    const dialog = page.getByRole('dialog', { name: t.confirmTitle });
    await dialog.getByLabel(t.confirmDecision).fill('Styrelsen 2022-03-15 § 12');
    await dialog.getByRole('button', { name: t.confirmSubmit }).click();
    await expect.poll(async () => (await groupRule(page))?.status).toBe('bekraftad');
    expect(await groupRule(page)).toMatchObject({ basis: 'combined-population', decision: 'Styrelsen 2022-03-15 § 12', confirmedAt: '2022-06-30' });
    await expect.poll(() => page.getByTestId('fee-sum-unconfirmed').count()).toBe(0);
    await expect.poll(() => page.getByTestId('group-rule').textContent()).toMatch(/enligt beslut Styrelsen 2022-03-15 § 12/);
  });
});
