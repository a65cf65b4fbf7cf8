/**
 * The network list's filters live in the address (`?typ=`, `?datum=`, `?arkiverade=ja`). A filter set right after
 * another, before the first one's hashchange has re-rendered the list, must build on the address as it is now:
 * built from the filters last rendered, the second change would quietly undo the first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, TODAY, useBrowser } from './fixture';

const t = sv.natverk;
const browser = useBrowser();
let page: Page;

beforeAll(async () => {
  page = await openApp(await browser.newPage(), '#/natverk', { clock: TODAY, heading: t.title });
  await page.locator('main [data-ready="true"]').waitFor();
});

/** Clicks the tab whose label starts with `tab`, then the «Visa arkiverade» switch, in one task of the page. */
function clickBoth(tab: string) {
  return page.evaluate(
    ([tabLabel, switchLabel]) => {
      [...document.querySelectorAll<HTMLElement>('main [role="tab"]')].find((el) => el.textContent?.startsWith(tabLabel))?.click();
      [...document.querySelectorAll<HTMLInputElement>('main input[role="switch"]')].find((el) => el.labels?.[0]?.textContent === switchLabel)?.click();
    },
    [tab, t.list.showArchived] as const,
  );
}

describe('the network list’s filters', () => {
  it('keeps a tab chosen a moment before «Visa arkiverade» is switched on, and the other way round', async () => {
    const projectTab = page.getByRole('tab', { name: new RegExp(`^${t.kinds.projekt}`) });
    const showArchived = page.getByRole('switch', { name: t.list.showArchived });
    await projectTab.waitFor();
    // Both clicks in one task: no hashchange, so no re-render, can come between them.
    await clickBoth(t.kinds.projekt);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/natverk?typ=projekt&arkiverade=ja');
    await expect.poll(() => showArchived.isChecked()).toBe(true);
    expect(await projectTab.getAttribute('aria-selected')).toBe('true');

    // And back: «Alla» and the switch off, again before either has re-rendered the list.
    await clickBoth(t.list.all);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/natverk');
    await expect.poll(() => showArchived.isChecked()).toBe(false);
  });
});
