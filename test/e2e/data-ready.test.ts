/**
 * Every screen marks itself `data-ready="true"` once its data is shown (the marker the bench measures screens
 * by, bench/cases/ui-page-helpers.ts). One page visits every route in turn, the way a user clicks through the
 * navigation, and each must bring a new marker into `main` within a short time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, useBrowser } from './fixture';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const register = parseDocumentText(readFileSync(path.join(projectRoot, 'assets/default-data.json'), 'utf8'));
const firstOf = <T extends { id: string; archived?: boolean }>(rows: readonly T[], what: string): string => {
  const row = rows.find((r) => !r.archived);
  if (!row) throw new Error(`the default register has no active ${what}`);
  return row.id;
};

/** Every entry of the navigation (a new screen adds its label to `sv.nav`), then the pages reached from them. */
const routes: readonly { name: string; hash: string }[] = [
  ...(Object.entries(sv.nav) as [string, string][]).map(([id, label]) => ({ name: label, hash: `#/${id}` })),
  { name: sv.header.help, hash: '#/hjalp' },
  { name: 'Medlemmar: täckning', hash: '#/medlemmar/tackning' },
  { name: 'Medlemmar: siffror', hash: '#/medlemmar/siffror' },
  { name: 'Medlemmar: avgifter', hash: '#/medlemmar/avgifter' },
  { name: 'en organisation', hash: `#/medlemmar/${encodeURIComponent(firstOf(register.organisations, 'organisation'))}` },
  { name: 'Fakturering: körning', hash: '#/fakturering/korning' },
  { name: 'Fakturering: kunder', hash: '#/fakturering/kunder' },
  { name: 'Fakturering: artiklar', hash: '#/fakturering/artiklar' },
  { name: 'Fakturering: inställningar', hash: '#/fakturering/installningar' },
  { name: 'Tjänster: matris', hash: '#/tjanster/matris' },
  { name: 'Tjänster: användning', hash: '#/tjanster/anvandning' },
  { name: 'en tjänst', hash: `#/tjanster/${encodeURIComponent(firstOf(register.services, 'service'))}` },
  { name: 'ett nätverk', hash: `#/natverk/${encodeURIComponent(firstOf(register.networks, 'network'))}` },
];

/** Short: the default register is small, so a screen that shows its data does so well within it. */
const READY_TIMEOUT_MS = 10_000;

/** Goes to `hash` and waits for a `[data-ready="true"]` in `main` that was not there before; false if none comes. */
async function reachesReady(page: Page, hash: string): Promise<boolean> {
  await page.evaluate((h) => {
    for (const el of document.querySelectorAll('[data-ready]')) (el as Element & { __seen?: true }).__seen = true;
    location.hash = h;
  }, hash);
  try {
    await page.waitForFunction(
      () => [...document.querySelectorAll('main#innehall [data-ready="true"]')].some((el) => !(el as Element & { __seen?: true }).__seen),
      undefined,
      { timeout: READY_TIMEOUT_MS },
    );
    return true;
  } catch {
    return false;
  }
}

const browser = useBrowser();

describe('the data-ready marker', () => {
  it('is set by every screen once its data is shown', { timeout: 180_000 }, async () => {
    const page = await openApp(await browser.newPage(), '#/bank-start');
    const missing: string[] = [];
    for (const route of routes) {
      if (!(await reachesReady(page, route.hash))) missing.push(`${route.name} (${route.hash})`);
    }
    expect(missing, 'screens that never set data-ready="true"').toEqual([]);
  });

  it('lists the routes it visits, so a screen cannot drop out of the check unnoticed', () => {
    expect(routes.map((r) => r.hash)).toEqual(expect.arrayContaining(['#/oversikt', '#/kontakter', '#/andringslogg', '#/data', '#/hjalp']));
    expect(new Set(routes.map((r) => r.hash)).size).toBe(routes.length);
  });
});
