import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WindowApi } from '../../electron/contract';
import { sv } from '../../renderer/lib/i18n/sv';
import { appUrl, openApp as openScreen, screenshot, TODAY, useBrowser } from './fixture';

const t = sv.andringslogg;
const browser = useBrowser();

async function openApp(hash: string) {
  return openScreen(await browser.newPage(), hash, { clock: TODAY });
}

/** Changes the register through the same `window.api` the screens use (quicker than filling in forms). */
async function changeRegister(page: Page) {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api;
    const call = async (channel: string, input: unknown) => {
      const result = (await api.invoke(channel as never, input as never)) as { ok: boolean; data?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.data as { id: string; name: string; organisations?: unknown };
    };
    const list = (await call('members/list', {})) as unknown as { rows: { id: string; name: string }[] };
    const [first, second] = list.rows;
    const person = await call('contacts/create', { organisationId: first!.id, name: 'Bo Ek', email: 'bo@exempel.se' });
    await call('members/update', { id: second!.id, note: 'Ny anteckning' });
    return { first: first!, second: second!, person };
  });
}

const rows = (page: Page) => page.getByTestId('log-row');

describe('Ändringslogg', () => {
  it('lists the register’s changes with who made them, undo as an entry of its own, and filters by kind, organisation, person and days', async () => {
    const page = await openApp('#/andringslogg');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: t.title }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(t.empty).isVisible()).toBe(true);

    const { first, second } = await changeRegister(page);
    await expect.poll(() => rows(page).count()).toBe(2);
    // «Ångra» in the header undoes the note; the log shows it as an entry of its own, on top.
    await page.getByRole('button', { name: sv.header.undo }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    const top = rows(page).first();
    expect(await top.textContent()).toContain(`Ångrad: Ändrade anteckning för ${second.name}`);
    expect(await top.textContent()).toContain('webbläget');
    expect(await top.textContent()).toContain(second.name);
    await screenshot(page, 'andringslogg');

    // Kind of record: only the person.
    await page.getByLabel(t.entity).selectOption({ label: 'Kontaktperson' });
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(page.url()).toContain('slag=contact');
    expect(await rows(page).first().textContent()).toContain(`Lade till kontaktpersonen Bo Ek (${first.name})`);

    // Organisation, on top of the kind: nothing; alone: its two entries.
    await page.getByLabel(t.organisation).selectOption({ label: second.name });
    await expect.poll(() => page.getByText(t.emptyFiltered).isVisible()).toBe(true);
    await page.getByLabel(t.entity).selectOption({ label: t.all });
    await expect.poll(() => rows(page).count()).toBe(2);

    // Person.
    await page.getByRole('button', { name: t.clear }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.getByLabel(t.person).selectOption({ label: 'Bo Ek' });
    await expect.poll(() => rows(page).count()).toBe(1);

    // Days: the changes were made today; from tomorrow there is nothing, and a range backwards is explained.
    await page.getByRole('button', { name: t.clear }).click();
    await page.getByLabel(t.from).fill('2022-07-01');
    await expect.poll(() => page.getByText(t.emptyFiltered).isVisible()).toBe(true);
    await page.getByLabel(t.to).fill('2022-06-01');
    await expect.poll(() => page.getByText(t.badRange).first().isVisible()).toBe(true);
    await page.getByLabel(t.from).fill(TODAY);
    await page.getByLabel(t.to).fill(TODAY);
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(page.url()).toContain(`fran=${TODAY}`);

    // An organisation's page leads to the log filtered to it.
    await page.goto(appUrl(`#/medlemmar/${second.id}`));
    await page.getByRole('heading', { level: 1, name: second.name }).waitFor();
    await page.getByTestId('changes-section').getByRole('link', { name: sv.medlemmar.page.changesInLog }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    expect(await page.getByLabel(t.organisation).inputValue()).toBe(second.id);
  });
});
