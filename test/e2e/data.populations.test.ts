/**
 * Issue 16, point 1 in the browser: the Data screen's «Folkmängd per år» card corrects one figure with a reason
 * (the fee follows it), and reads SCB's yearly table into a review that shows what would change before anything
 * is written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WindowApi } from '../../electron/contract';
import { folkmangdSv as t } from '../../renderer/lib/i18n/folkmangd.sv';
import { sv } from '../../renderer/lib/i18n/sv';
import { loadDefaultDocument } from '../support/memory-document';
import { scbXlsx } from '../core/imports/scb-population-fixtures';
import { openApp, screenshot, useBrowser } from './fixture';

const browser = useBrowser();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sambruk-populations-e2e-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function openData(): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  return openApp(page, '#/data', { heading: sv.data.title });
}

async function vasbyFee2022(page: Page): Promise<{ population?: number; explanation: string[] } | undefined> {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api;
    const result = await api.invoke('fees/compute', { year: 2022 });
    if (!result.ok) throw new Error(result.error.message);
    return result.data.rows.find((r) => r.name === 'Upplands Väsby');
  });
}

describe('Populations by year on the Data screen', () => {
  it('corrects Upplands Väsby’s 2021 figure with a reason, and the 2022 fee follows it', async () => {
    const page = await openData();
    const card = page.getByTestId('population-card');
    await card.scrollIntoViewIfNeeded();
    await expect.poll(() => card.getByRole('cell', { name: '2021-12-31', exact: true }).isVisible()).toBe(true);
    expect((await vasbyFee2022(page))?.population).toBe(47_820);
    await card.getByRole('button', { name: t.correct('2021-12-31') }).click();
    const dialog = page.getByRole('dialog', { name: t.correctTitle('Upplands Väsby', '2021-12-31') });
    await dialog.getByRole('button', { name: t.correctButton }).click();
    // Without a reason the core refuses, and the dialog stays open with the message at the field.
    await expect.poll(() => dialog.getByText(/Skriv varför siffran rättas/).first().isVisible()).toBe(true);
    await dialog.getByLabel(t.newFigure).fill('50 100');
    await dialog.getByLabel(t.reason).fill('SCB:s rättelse 2022-03-01');
    await screenshot(page, 'data-population-correct');
    await dialog.getByRole('button', { name: t.correctButton }).click();
    await expect.poll(() => card.getByText(t.source.rattad('SCB:s rättelse 2022-03-01')).isVisible()).toBe(true);
    const fee = await vasbyFee2022(page);
    expect(fee?.population).toBe(50_100);
    // The explanation names the date and that the figure was corrected, with the reason.
    expect(fee?.explanation[0]).toContain('(folkmängd 2021-12-31, rättad: SCB:s rättelse 2022-03-01)');
  });

  it('reviews an SCB file before importing it, and imports it', async () => {
    const file = path.join(dir, 'be0101-folkmangd-2021.xlsx');
    writeFileSync(file, await scbXlsx(loadDefaultDocument(), { year: 2021, override: { '0114': 47_900, '0115': 34_300 } }));
    const page = await openData();
    const card = page.getByTestId('population-card');
    await card.getByLabel(t.fileInputLabel).setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: t.reviewTitle('2021-12-31') });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText(t.reviewSummary(2, 288)).isVisible()).toBe(true);
    expect(await dialog.getByRole('row').count()).toBe(3);
    await screenshot(page, 'data-population-import-review');
    expect((await vasbyFee2022(page))?.population).toBe(47_820);
    await dialog.getByRole('button', { name: t.apply }).click();
    await expect.poll(async () => (await vasbyFee2022(page))?.population).toBe(47_900);
  });
});
