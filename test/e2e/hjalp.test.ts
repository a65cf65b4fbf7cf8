import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sv } from '../../renderer/lib/i18n/sv';
import { launchBrowser, screenshot, watchPage, type BrowserSession, type PageProblems } from '../support/browser';

const TODAY = '2022-06-30';
const t = sv.hjalp;
const titleOf = (id: string) => t.sections.find((s) => s.id === id)?.title ?? id;

const webUrl = inject('webUrl');
let session: BrowserSession;
let open: { page: Page; problems: PageProblems } | undefined;

beforeAll(async () => {
  session = await launchBrowser();
});

afterAll(async () => {
  await session?.close();
});

afterEach(async () => {
  if (!open) return;
  const { page, problems } = open;
  open = undefined;
  await page.close();
  expect(problems.errors).toEqual([]);
});

/** Opens the web build at a fixed "today", optionally at a route (`#/data`), and waits for the page heading. */
async function openApp(hash = '') {
  const page = await session.context.newPage();
  const problems = watchPage(page, new URL(webUrl).origin);
  open = { page, problems };
  await page.goto(`${webUrl}?clock=${TODAY}${hash}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const sectionTitles = (page: Page) => page.getByTestId('guide-sections').locator('h2').allTextContents();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('Hjälp, the user guide', () => {
  it('opens with F1 on Medlemmar at the member section, with focus on its heading', async () => {
    const page = await openApp('#/medlemmar');
    await h1(page, sv.medlemmar.title).waitFor();
    await page.keyboard.press('F1');
    await h1(page, t.title).waitFor();
    expect(new URL(page.url()).hash).toBe('#/hjalp/ny-medlem');
    await expect.poll(() => focusedId(page)).toBe('rubrik-ny-medlem');
    expect(await page.getByRole('heading', { level: 2, name: titleOf('ny-medlem') }).isVisible()).toBe(true);
    expect(await page.locator('[data-section="ny-medlem"]').getByText('«Ny organisation»', { exact: false }).first().isVisible()).toBe(true);
    // F1 on the guide itself stays where it is.
    await page.keyboard.press('F1');
    expect(new URL(page.url()).hash).toBe('#/hjalp/ny-medlem');
  });

  it('opens at the section for a tab: the fee table on Medlemmar', async () => {
    const page = await openApp('#/medlemmar/avgifter');
    await h1(page, sv.medlemmar.title).waitFor();
    await page.keyboard.press('F1');
    await h1(page, t.title).waitFor();
    expect(new URL(page.url()).hash).toBe('#/hjalp/avgifter');
  });

  it('opens from the Hjälp menu in the header too, at the section for the screen in view', async () => {
    const page = await openApp('#/data');
    await h1(page, sv.data.title).waitFor();
    await page.getByRole('button', { name: sv.header.help }).click();
    await page.getByRole('menuitem', { name: new RegExp(sv.header.guide) }).click();
    await h1(page, t.title).waitFor();
    expect(new URL(page.url()).hash).toBe('#/hjalp/import');
  });

  it('finds «import» and says how many sections answer; an unknown word finds none and says so', async () => {
    const page = await openApp('#/hjalp');
    const search = page.getByRole('searchbox', { name: t.search });
    await search.fill('import');
    await expect.poll(() => sectionTitles(page).then((titles) => titles[0])).toBe(titleOf('import'));
    const titles = await sectionTitles(page);
    expect(titles).not.toContain(titleOf('budget'));
    expect(await page.getByTestId('guide-status').textContent()).toBe(t.found(titles.length, 'import'));

    await search.fill('xyzzy');
    await expect.poll(() => page.getByTestId('guide-status').textContent()).toBe(t.nothingFound('xyzzy'));
    expect(await sectionTitles(page)).toEqual([]);

    await search.fill('');
    await expect.poll(() => sectionTitles(page).then((s) => s.length)).toBe(t.sections.length);
  });

  it('lists the keyboard shortcuts, F1 among them', async () => {
    const page = await openApp('#/hjalp/kortkommandon');
    const table = page.getByRole('table', { name: t.shortcutsLabel });
    await table.waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'F1' }).count()).toBeGreaterThan(0);
    expect(await table.getByRole('row').filter({ hasText: 'Ctrl+Z' }).count()).toBeGreaterThan(0);
  });

  it('fits 1366×768 without text running out of its box', async () => {
    const page = await openApp('#/hjalp/import');
    await page.setViewportSize({ width: 1366, height: 768 });
    await h1(page, t.title).waitFor();
    await page.getByRole('heading', { level: 2, name: titleOf('import') }).waitFor();
    const overflowing = await page.evaluate(() => {
      const main = document.querySelector('main');
      const found: string[] = [];
      if (main && main.scrollWidth > main.clientWidth + 1) found.push(`main ${main.scrollWidth} > ${main.clientWidth}`);
      for (const el of Array.from(main?.querySelectorAll('h1, h2, p, li, a, td, th, kbd, span') ?? [])) {
        const box = el as HTMLElement;
        // Only boxes with text: the search box's empty icon slots are sized by Fluent, not by words.
        if (!box.textContent?.trim()) continue;
        if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).display !== 'inline') found.push(`${box.tagName} «${box.textContent?.slice(0, 40)}»`);
      }
      return found;
    });
    expect(overflowing).toEqual([]);
    await screenshot(page, 'hjalp-1366x768');
    await page.getByRole('searchbox', { name: t.search }).fill('import');
    await screenshot(page, 'hjalp-sok-import-1366x768');
  });
});
