/**
 * The one browser set-up of the e2e tests. `useBrowser()` at the top of a test file launches Chromium once for
 * the file; `newPage()` gives a page in a fresh, private context, so no test sees another's storage or
 * permissions; `openApp(page, route)` opens the web build at a fixed "today". After each test every page it opened
 * is closed and must have logged no console error (CSP violations land there), no uncaught error and no request
 * outside the app; a page opened in `beforeAll` lives for the whole file and is checked after each test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sv } from '../../renderer/lib/i18n/sv';
import { launchChromium, PAGE_OPTIONS, watchPage, type PageProblems } from '../support/browser';

export { screenshot, SCREENSHOT_DIR } from '../support/browser';

/** The "today" the tests run at unless they say otherwise: the middle of the default data's year. */
export const TODAY = '2022-06-30';

type Opened = { context: BrowserContext; problems: PageProblems };

export type NewPageOptions = {
  /** Browser permissions for the app's origin, e.g. the clipboard. */
  permissions?: string[];
};

export type TestBrowser = {
  /** A page in a fresh context, watched for errors; closed after the test (or after the file, from `beforeAll`). */
  newPage: (options?: NewPageOptions) => Promise<Page>;
  /** What went wrong on a page so far; a test that provokes an error on purpose removes it here. */
  problemsOf: (page: Page) => PageProblems;
};

/** The web build's address, served by `global-setup.ts`. */
export function webUrl(): string {
  return inject('webUrl');
}

/** The address of a screen of the web build at a fixed "today": `appUrl('#/data')`. */
export function appUrl(route = '', options: { clock?: string } = {}): string {
  return `${webUrl()}?clock=${options.clock ?? TODAY}${route}`;
}

/** Registers the file's hooks: one browser for the file, the pages of each test closed and checked after it. */
export function useBrowser(): TestBrowser {
  let browser: Browser | undefined;
  const forTest = new Map<Page, Opened>();
  const forFile = new Map<Page, Opened>();
  let inTest = false;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const { context } of forFile.values()) await context.close();
    await browser?.close();
  });

  beforeEach(() => {
    inTest = true;
  });

  afterEach(async () => {
    inTest = false;
    const pages = [...forTest.values(), ...forFile.values()];
    const errors = pages.flatMap(({ problems }) => problems.errors.splice(0));
    for (const { context } of forTest.values()) await context.close();
    forTest.clear();
    expect(errors).toEqual([]);
  });

  return {
    async newPage(options = {}) {
      if (!browser) throw new Error('newPage() before the browser was launched: call useBrowser() at the top of the file.');
      const context = await browser.newContext(PAGE_OPTIONS);
      const origin = new URL(webUrl()).origin;
      if (options.permissions) await context.grantPermissions(options.permissions, { origin });
      const page = await context.newPage();
      (inTest ? forTest : forFile).set(page, { context, problems: watchPage(page, origin) });
      return page;
    },
    problemsOf(page) {
      const opened = forTest.get(page) ?? forFile.get(page);
      if (!opened) throw new Error('problemsOf() for a page newPage() did not open.');
      return opened.problems;
    },
  };
}

export type OpenAppOptions = {
  /** "Today" for the app (`?clock=`); the default data's mid-year unless given. */
  clock?: string;
  /** The page heading to wait for; any level-1 heading when left out. */
  heading?: string;
  /** Closes the shell's load report (the web build's note about its in-memory register) to give the screen room. */
  dismissLoadReport?: boolean;
};

/** Opens `route` (`#/budget`) of the web build in `page` and waits for the screen's heading. */
export async function openApp(page: Page, route = '', options: OpenAppOptions = {}): Promise<Page> {
  await page.goto(appUrl(route, options));
  await page.getByRole('heading', { level: 1, ...(options.heading ? { name: options.heading, exact: true } : {}) }).waitFor();
  if (options.dismissLoadReport) await page.getByRole('button', { name: sv.loadReport.dismiss }).click();
  return page;
}
