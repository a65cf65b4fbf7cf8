/**
 * The board as a roster, end to end over the web build: adding a person asks whether they work with IT, so three
 * board members outside IT reach the plan's board goal on Styrelserapport; and a past meeting takes attendance from
 * an organisation on the roster and from a person added today «från och med» a date before the meeting.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { goalStatusText } from '../../electron/core/domain/goals';
import type { NetworkDetail, OrganisationList } from '../../electron/contract';
import type { Meeting } from '../../electron/core/store/schema';
import { sv } from '../../renderer/lib/i18n/sv';
import { openApp, screenshot, useBrowser } from './fixture';

const TODAY = '2022-06-30';
const t = sv.natverk;
const BOARD = 'Styrelsen';

const browser = useBrowser();
let page: Page;

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const result = (await page.evaluate(
    ([c, i]) => (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<unknown> } }).api.invoke(c, i),
    [channel, input] as const,
  )) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data;
}

const rosterRows = () => page.getByTestId('roster-row');

async function openBoard(): Promise<NetworkDetail> {
  await page.goto(page.url().replace(/#.*$/, '#/natverk'));
  await page.getByRole('heading', { level: 1, name: t.title, exact: true }).waitFor();
  await page.getByRole('row').filter({ has: page.getByRole('link', { name: BOARD, exact: true }) }).getByRole('link', { name: BOARD, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: BOARD, exact: true }).waitFor();
  const list = await invoke<{ id: string; name: string }[]>('networks/list', {});
  const board = list.find((n) => n.name === BOARD);
  if (!board) throw new Error('no board in the default data');
  return invoke<NetworkDetail>('networks/get', { networkId: board.id });
}

/** Types into a picker and presses Enter, then waits for the roster to grow by one. */
async function addWithPicker(label: string, text: string) {
  const picker = page.getByRole('combobox', { name: label, exact: true });
  const before = await rosterRows().count();
  await picker.fill(text);
  await picker.press('Enter');
  await expect.poll(() => rosterRows().count()).toBe(before + 1);
}

let members: OrganisationList['rows'] = [];

beforeAll(async () => {
  page = await openApp(await browser.newPage(), '#/natverk', { clock: TODAY, heading: t.title });
  members = (await invoke<OrganisationList>('members/list', { date: TODAY, archived: 'active', statuses: ['medlem'] })).rows.filter((r) => r.kind === 'kommun');
});

describe('the board roster', () => {
  it('asks whether a person works with IT when adding, and three outside IT reach the board goal', async () => {
    const names = ['Astrid Styrelse', 'Bengt Styrelse', 'Cilla Styrelse'];
    for (const [i, name] of names.entries()) await invoke('contacts/create', { organisationId: members[i]!.id, name });
    await openBoard();
    const question = page.getByLabel(t.roster.addWorksWithIt);
    await question.selectOption('nej');
    for (const name of names) await addWithPicker(t.roster.addPerson, name);
    await screenshot(page, 'natverk-styrelse-lagg-till');
    const detail = await openBoard();
    expect(detail.roster.filter((e) => names.includes(e.displayName)).map((e) => e.worksWithIt)).toEqual([false, false, false]);
    for (const name of names) expect(await rosterRows().filter({ hasText: name }).textContent()).toContain(t.roster.notWorksWithIt);

    await page.goto(page.url().replace(/#.*$/, '#/styrelserapport'));
    await page.getByRole('heading', { level: 1, name: sv.styrelserapport.title }).waitFor();
    const pack = await invoke<{ goals: { goalId: string; metric: string; value: number; status: string; byConstruction?: boolean }[] }>('packs/compute', {});
    const goal = pack.goals.find((g) => g.metric === 'board-members-outside-it');
    expect(goal).toMatchObject({ value: 3, status: 'reached' });
    const row = page.locator(`main tr[data-goal="${goal!.goalId}"]`);
    await expect.poll(() => row.getByTestId('goal-value').textContent()).toBe('3');
    expect(await row.locator('[data-status="reached"]').textContent()).toBe(goalStatusText(goal as Parameters<typeof goalStatusText>[0]));
    await screenshot(page, 'styrelserapport-styrelsemal');
  });

  it('marks an organisation present at a past meeting, and a person added today from a past date', async () => {
    const detail = await openBoard();
    const meeting = await invoke<Meeting>('networks/add-meeting', { networkId: detail.id, date: '2022-03-15', kind: 'mote', title: 'Marsmötet' });
    const organisation = members[5]!;
    await invoke('contacts/create', { organisationId: members[6]!.id, name: 'Dagny Efterhand' });
    await page.getByLabel(t.roster.from).fill('2022-03-01');
    await page.getByLabel(t.roster.addWorksWithIt).selectOption('ja');
    await addWithPicker(t.roster.addOrganisation, organisation.name);
    await addWithPicker(t.roster.addPerson, 'Dagny Efterhand');

    await page.getByRole('tab', { name: t.detail.tabs.meetings }).click();
    await page.getByRole('button', { name: t.meetings.rowMenu('Marsmötet') }).click();
    await page.getByRole('menuitem', { name: t.meetings.attendance }).click();
    const dialog = page.getByRole('dialog', { name: t.meetings.attendanceTitle('Marsmötet', '2022-03-15') });
    await dialog.getByRole('group', { name: t.meetings.organisations }).getByRole('checkbox', { name: organisation.name }).check();
    await dialog.getByRole('checkbox', { name: /Dagny Efterhand/ }).check();
    await screenshot(page, 'natverk-styrelse-narvaro');
    await dialog.getByRole('button', { name: t.meetings.save }).click();
    await dialog.waitFor({ state: 'detached' });

    const after = await invoke<NetworkDetail>('networks/get', { networkId: detail.id });
    const saved = after.meetings.find((m) => m.id === meeting.id);
    const dagny = after.roster.find((e) => e.displayName === 'Dagny Efterhand');
    expect(dagny).toMatchObject({ from: '2022-03-01', worksWithIt: true });
    expect(saved?.attendeeOrganisationIds).toEqual([organisation.id]);
    expect(saved?.attendeeContactIds).toEqual([dagny?.contactId]);
  });
});
