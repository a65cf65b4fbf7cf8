/**
 * Every screen at 1366×768 and at 200 % zoom (a 683×384 CSS viewport): no text cut or spilling out of its box, no
 * control without a Swedish accessible name; and the keyboard: focus comes back after a dialog or to the row that
 * was left, a table is one Tab stop with the arrow keys inside. Also Översikt's «Att göra» and the contact
 * dialog's «finns redan», which are reached the same way. One browser and one page for the screen sweep.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, screenshot, TODAY, useBrowser } from './fixture';
import { loadDefaultDocument } from '../support/memory-document';

const browser = useBrowser();
const doc = loadDefaultDocument();
const organisation = doc.organisations.find((o) => o.kind === 'kommun' && !o.archived);
const service = doc.services.find((s) => !s.archived);
const network = doc.networks.find((n) => n.kind === 'kompetensnatverk' && n.roster.length > 0);
if (!organisation || !service || !network) throw new Error('the default register lacks a municipality, a service or a network with a roster');

/** Every route in the navigation, each tab of the screens that have them, and one page of each kind of record. */
const screens: { name: string; hash: string }[] = [
  { name: 'oversikt', hash: '#/oversikt' },
  { name: 'medlemmar', hash: '#/medlemmar' },
  { name: 'medlemmar-tackning', hash: '#/medlemmar/tackning' },
  { name: 'medlemmar-siffror', hash: '#/medlemmar/siffror' },
  { name: 'medlemmar-avgifter', hash: '#/medlemmar/avgifter' },
  { name: 'organisation', hash: `#/medlemmar/${organisation.id}` },
  { name: 'tjanster', hash: '#/tjanster' },
  { name: 'tjanster-matris', hash: '#/tjanster/matris' },
  { name: 'tjanster-anvandning', hash: '#/tjanster/anvandning' },
  { name: 'tjanst', hash: `#/tjanster/${service.id}` },
  { name: 'natverk', hash: '#/natverk' },
  { name: 'natverk-detalj', hash: `#/natverk/${network.id}` },
  { name: 'natverk-moten', hash: `#/natverk/${network.id}?flik=moten` },
  { name: 'natverk-narvaro', hash: `#/natverk/${network.id}?flik=narvaro` },
  { name: 'budget', hash: '#/budget' },
  { name: 'fakturering', hash: '#/fakturering' },
  { name: 'fakturering-korning', hash: '#/fakturering/korning' },
  { name: 'fakturering-kunder', hash: '#/fakturering/kunder' },
  { name: 'fakturering-artiklar', hash: '#/fakturering/artiklar' },
  { name: 'fakturering-installningar', hash: '#/fakturering/installningar' },
  { name: 'styrelserapport', hash: '#/styrelserapport' },
  { name: 'andringslogg', hash: '#/andringslogg' },
  { name: 'data', hash: '#/data' },
  { name: 'hjalp', hash: '#/hjalp' },
  { name: 'kontakter', hash: '#/kontakter' },
  { name: 'om-uppgifterna', hash: '#/om-uppgifterna' },
];
// Every navigation entry too, so a new screen cannot be left out of the check.
for (const id of Object.keys(sv.nav)) if (!screens.some((s) => s.hash === `#/${id}`)) screens.push({ name: id, hash: `#/${id}` });

type Finding = { kind: 'cut' | 'spill'; text: string; where: string };

/**
 * Text that does not fit: an element with text of its own whose content is wider than its box while the box
 * clips it (overflow hidden/clip or an ellipsis), or whose box reaches out of its parent's. Text meant to be
 * shortened carries its whole wording in a `title` (on it or an ancestor) and is left out.
 */
function findOverflow(): Finding[] {
  const found: Finding[] = [];
  const describe = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
      const id = e.getAttribute('data-testid') ?? e.getAttribute('role') ?? '';
      parts.push(`${e.tagName.toLowerCase()}${id ? `[${id}]` : ''}`);
    }
    return parts.join(' < ');
  };
  for (const el of document.querySelectorAll('body *')) {
    if (!(el instanceof HTMLElement)) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (!own) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (el.closest('[title], [aria-hidden="true"], svg, [data-overflow-ok]')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.position === 'absolute' && style.clip !== 'auto') continue;
    const text = (el.textContent ?? '').trim().slice(0, 60);
    const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1) {
      found.push({ kind: 'cut', text, where: describe(el) });
      continue;
    }
    const parent = el.parentElement;
    if (!parent || style.display === 'inline' || style.position === 'fixed' || style.position === 'absolute') continue;
    const parentStyle = getComputedStyle(parent);
    if (parentStyle.display === 'contents' || parentStyle.overflowX === 'auto' || parentStyle.overflowX === 'scroll') continue;
    const box = parent.getBoundingClientRect();
    if (rect.right > box.right + 1 || rect.left < box.left - 1) found.push({ kind: 'spill', text, where: describe(el) });
  }
  return found;
}

const CONTROL_ROLES = 'button|link|textbox|searchbox|combobox|checkbox|switch|radio|tab|menuitem|menuitemcheckbox|spinbutton|slider|option|listbox';
/** English words Fluent puts on controls when a screen forgets to name them («Open» on a combobox's button). */
const ENGLISH = /^(open|close|clear|dismiss|more|next|previous|expand|collapse|remove|select|toggle)$/i;

/** Controls without a name, or with an English one, in the accessibility tree Chromium exposes. */
async function unnamedControls(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  const bad: string[] = [];
  for (const line of tree.split('\n')) {
    // `- button "Spara"`, `- button /Spara \d+/` (a name the snapshot shows as a pattern), or `- button` unnamed.
    const match = new RegExp(`^\\s*- (?:${CONTROL_ROLES})(?=$|[\\s:])( "((?:[^"\\\\]|\\\\.)*)"| /)?`).exec(line);
    if (!match) continue;
    const name = match[2];
    if (match[1] === undefined || (name !== undefined && (name.trim() === '' || ENGLISH.test(name.trim())))) bad.push(line.trim());
  }
  return bad;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Lets charts and virtual lists measure themselves.
  await page.waitForTimeout(300);
}

describe('every screen fits at 1366×768 and at 200 %, and names its controls in Swedish', () => {
  it('has no cut or spilling text and no unnamed control', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    for (const size of [
      { label: '1366x768', width: 1366, height: 768 },
      { label: '200', width: 683, height: 384 },
    ]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const screen of screens) {
        await openApp(page, screen.hash);
        const dismiss = page.getByRole('button', { name: sv.loadReport.dismiss });
        if (await dismiss.isVisible()) await dismiss.click();
        await settle(page);
        for (const f of await page.evaluate(findOverflow)) problems.push(`${size.label} ${screen.name}: ${f.kind} «${f.text}» (${f.where})`);
        if (size.label === '1366x768') for (const line of await unnamedControls(page)) problems.push(`${screen.name}: unnamed ${line}`);
        await screenshot(page, `layout-${size.label}-${screen.name}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

async function active(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}|${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`;
  });
}

describe('focus after a dialog, and back to the row that was left', () => {
  it('returns to the button that opened a dialog after Esc and after «Avbryt»', async () => {
    const page = await openApp(await browser.newPage(), '#/medlemmar', { dismissLoadReport: true });
    const opener = page.getByRole('button', { name: sv.medlemmar.list.newOrganisation });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => active(page)).toBe(`button|${sv.medlemmar.list.newOrganisation}`);

    await opener.click();
    await dialog.getByRole('button', { name: sv.medlemmar.common.cancel }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => active(page)).toBe(`button|${sv.medlemmar.list.newOrganisation}`);
  });

  it('returns to the row’s menu button after a dialog opened from the row’s menu is saved', async () => {
    const page = await openApp(await browser.newPage(), `#/medlemmar/${organisation.id}`, { dismissLoadReport: true });
    const created = await page.evaluate(
      (organisationId) =>
        (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean }> } }).api.invoke('contacts/create', {
          organisationId,
          name: 'Ada Andersson',
          email: 'ada@example.se',
        }),
      organisation.id,
    );
    expect(created.ok).toBe(true);
    const menuName = sv.medlemmar.common.moreActions('Ada Andersson');
    const menu = page.getByRole('button', { name: menuName });
    await menu.click();
    await page.getByRole('menuitem', { name: sv.medlemmar.common.edit }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: sv.medlemmar.common.save }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => active(page)).toBe(`button|${menuName}`);
  });

  it('lands on the organisation’s title after Enter in the list, and on its row again after «Alla organisationer»', async () => {
    const page = await openApp(await browser.newPage(), '#/medlemmar', { dismissLoadReport: true });
    const link = page.getByRole('table', { name: sv.medlemmar.list.tableLabel }).getByRole('link').nth(3);
    const name = (await link.textContent()) ?? '';
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expect.poll(() => active(page)).toBe(`h1|${name}`);
    await page.getByRole('link', { name: sv.medlemmar.page.back }).first().click();
    await expect.poll(() => active(page)).toBe(`a|${name}`);
  });
});

describe('tables are one Tab stop', () => {
  it('leaves the member list with one Tab, comes back to the same row, and moves between rows with the arrows', async () => {
    const page = await openApp(await browser.newPage(), '#/medlemmar', { dismissLoadReport: true });
    const table = page.getByRole('table', { name: sv.medlemmar.list.tableLabel });
    const links = table.getByRole('link');
    await expect.poll(() => links.count()).toBeGreaterThan(5);
    await links.first().focus();
    const first = await active(page);
    await page.keyboard.press('ArrowDown');
    const second = await active(page);
    expect(second).not.toBe(first);
    expect(second.startsWith('a|')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('table') === null)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await active(page)).toBe(second);
  });
});

describe('Översikt says what needs doing', () => {
  it('lists the goals behind and opens the goal’s row on the board pack screen', async () => {
    const page = await openApp(await browser.newPage(), '#/oversikt', { dismissLoadReport: true });
    const attention = page.getByRole('region', { name: sv.oversikt.attention.title });
    const goals = attention.getByRole('region', { name: new RegExp(`^${sv.oversikt.attention.kinds['goal-behind'].title}`) });
    await expect.poll(() => goals.getByTestId('attention-item').count()).toBeGreaterThan(0);
    const first = goals.getByTestId('attention-item').first().getByRole('link');
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: sv.nav.styrelserapport }).waitFor();
    await expect.poll(() => active(page)).toBe(`button|${sv.styrelserapport.goals.actionsLabel(title)}`);
    await screenshot(page, 'oversikt-goal-focused');
  });

  it('opens an unconfirmed contact’s row, and a meeting without attendance in its attendance dialog', async () => {
    const page = await openApp(await browser.newPage(), '#/oversikt', { dismissLoadReport: true });
    const invoke = (channel: string, input: unknown) =>
      page.evaluate(
        ([c, i]) => (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean }> } }).api.invoke(c as string, i),
        [channel, input] as const,
      );
    expect((await invoke('contacts/create', { organisationId: organisation.id, name: 'Gunnel Gammal', confirmedAt: '2021-01-15' })).ok).toBe(true);
    const person = await page.evaluate(
      (organisationId) =>
        (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: true; data: { id: string } }> } }).api.invoke('contacts/create', {
          organisationId,
          name: 'Maja Möte',
          confirmedAt: '2022-06-01',
        }),
      organisation.id,
    );
    expect((await invoke('networks/add-entry', { networkId: network.id, organisationId: organisation.id, contactId: person.data.id, from: '2022-01-01' })).ok).toBe(true);
    expect((await invoke('networks/add-meeting', { networkId: network.id, date: '2022-05-10', kind: 'mote', title: 'Vårmötet' })).ok).toBe(true);
    const attention = page.getByRole('region', { name: sv.oversikt.attention.title });

    await attention.getByRole('link', { name: 'Gunnel Gammal' }).click();
    await page.getByRole('heading', { level: 1, name: organisation.name }).waitFor();
    await expect.poll(() => active(page)).toBe(`button|${sv.medlemmar.common.moreActions('Gunnel Gammal')}`);

    await page.goBack();
    await attention.getByRole('link', { name: 'Vårmötet' }).click();
    const dialog = page.getByRole('dialog', { name: sv.natverk.meetings.attendanceTitle('Vårmötet', '2022-05-10') });
    await dialog.waitFor();
    await screenshot(page, 'oversikt-meeting-attendance');
  });

  it('makes every figure card a link to its place', async () => {
    const page = await openApp(await browser.newPage(), '#/oversikt', { dismissLoadReport: true });
    await page.getByRole('link', { name: new RegExp(`^${sv.oversikt.services}: `) }).click();
    await page.getByRole('heading', { level: 1, name: sv.tjanster.title }).waitFor();
  });
});

describe('the contact dialog catches duplicates', () => {
  it('says «finns redan» as the user types and the save is refused on the name field', async () => {
    const page = await openApp(await browser.newPage(), `#/medlemmar/${organisation.id}`, { dismissLoadReport: true, clock: TODAY });
    await page.evaluate(
      (organisationId) =>
        (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<unknown> } }).api.invoke('contacts/create', {
          organisationId,
          name: 'Bo Berg',
          email: 'bo.berg@example.se',
        }),
      organisation.id,
    );
    await page.getByRole('button', { name: sv.medlemmar.contacts.add }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(sv.medlemmar.contacts.email).fill('BO.BERG@example.se');
    const warning = dialog.getByTestId('contact-duplicates');
    await expect.poll(() => warning.textContent()).toContain(`Bo Berg (${organisation.name}) finns redan: samma e-postadress.`);
    await dialog.getByLabel(sv.medlemmar.contacts.name).fill('bo berg');
    await expect.poll(() => warning.textContent()).toContain('samma namn och e-postadress');
    await screenshot(page, 'contact-duplicate');
    await dialog.getByRole('button', { name: sv.medlemmar.common.save }).click();
    const name = dialog.getByLabel(sv.medlemmar.contacts.name);
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    // Nothing saved: still one Bo Berg.
    await dialog.getByRole('button', { name: sv.medlemmar.common.cancel }).click();
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(1);
  });
});
