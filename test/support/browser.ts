/**
 * Chromium for the UI tests, through playwright-core and the system's browser (apt package `chromium`):
 * Playwright cannot download a browser on these machines. Each launch gets a fresh profile folder.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = path.join(projectRoot, 'test-results', 'screenshots');

export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(`No Chromium at ${candidate}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  }
  return candidate;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** What every page of the tests sees: a laptop-sized window in Swedish, in Stockholm's time zone. */
export const PAGE_OPTIONS = {
  viewport: { width: 1440, height: 900 },
  locale: 'sv-SE',
  timezoneId: 'Europe/Stockholm',
} as const;

export type BrowserSession = { context: BrowserContext; close: () => Promise<void> };

/** One persistent context with its own profile folder (the bench measures the UI in it). */
export async function launchBrowser(): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'sambruk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    ...PAGE_OPTIONS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A browser whose contexts are fresh and private: the e2e tests open one per test (`test/e2e/fixture.ts`). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export type PageProblems = { errors: string[] };

/**
 * Records what must never happen on a page: console errors (CSP violations land here), uncaught errors,
 * and requests leaving the app's own origin. Check `problems.errors` at the end of the test.
 */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.errors.push(`request outside the app: ${url}`);
  });
  return problems;
}

/** Saves `test-results/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Finishes Fluent's open/close animations first, so a dialog is not caught half-faded.
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled' });
  return file;
}
