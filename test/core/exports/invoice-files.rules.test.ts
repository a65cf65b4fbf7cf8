/**
 * Every e-invoice the default register produces, against the official Peppol rules (issue 17, point 6): the 2022
 * run drafted and issued through the channels, one invoice credited, and every issued invoice and credit note to
 * a public body written by `invoicing/export-ubl` into one folder, validated with one JVM per rule set. Zero fatal
 * failures, listed by file and rule otherwise. Without java or Saxon-HE this skips locally and fails in CI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/contract';
import { decodeBase64 } from '../../../electron/core/exports/base64';
import { isPublicBody } from '../../../electron/core/domain/billing';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';
import { describeFailures, fatalFailures, peppolToolsMissing, validatePeppolFolder, type RuleFailure } from '../../support/peppol-validate';

const missing = peppolToolsMissing();
if (missing) {
  if (process.env.CI === 'true') {
    it('has java, Saxon-HE and the Peppol rules (required in CI)', () => {
      throw new Error(`Peppol-reglerna kan inte köras: ${missing}`);
    });
  } else console.warn(`[peppol] SKIPPED: ${missing}; the default data's e-invoices are not checked here.`);
}

async function data<T>(answer: Promise<Result<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe.skipIf(missing !== undefined)('Peppol BIS Billing 3.0 rules over every e-invoice of the default data', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peppol-default-data-'));
  let results: Map<string, RuleFailure[]>;
  let expected: string[];

  beforeAll(async () => {
    const doc = loadDefaultDocument();
    const s = createTestServices({ initial: doc, now: '2022-02-01T09:00:00.000Z' });
    const run = await data(s.call('invoicing/run-draft', { year: 2022 }));
    const { issued } = await data(s.call('invoicing/issue', { runId: run.id, date: '2022-02-01' }));
    // One invoice credited in part (its first line) and one whole: both credit notes go to the buyer as e-invoices.
    const [first, second] = issued;
    const view = await data(s.call('invoicing/invoice-get', { invoiceId: first?.id ?? '' }));
    await data(s.call('invoicing/credit', { invoiceId: first?.id ?? '', invoiceLineIds: [view.invoice.lines[0]?.id ?? ''], reason: 'Fel belopp', date: '2022-02-10' }));
    await data(s.call('invoicing/credit', { invoiceId: second?.id ?? '', reason: 'Fakturerad av misstag', date: '2022-02-11' }));

    const publicBodies = new Set(doc.organisations.filter(isPublicBody).map((o) => o.id));
    const all = s.repo.get().invoicing.invoices.filter((i) => i.status === 'issued');
    expect(all.filter((i) => i.kind === 'credit-note')).toHaveLength(2);
    expected = [];
    for (const invoice of all.filter((i) => publicBodies.has(i.organisationId))) {
      const file = await data(s.call('invoicing/export-ubl', { invoiceId: invoice.id }));
      const name = `${invoice.kind === 'credit-note' ? 'kreditfaktura' : 'faktura'}-${invoice.number ?? ''}.xml`;
      fs.writeFileSync(path.join(dir, name), decodeBase64(file.bytesBase64) ?? new Uint8Array());
      expected.push(name);
    }
    results = await validatePeppolFolder(dir);
  }, 600_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes an e-invoice for every invoice and credit note to a public body, and a report on each', () => {
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.filter((n) => n.startsWith('kreditfaktura-'))).toHaveLength(2);
    expect([...results.keys()].sort()).toEqual([...expected].sort());
  });

  it('has no fatal failure in any of them', () => {
    const fatal = fatalFailures(results);
    expect(fatal.size, `Fatal rule failures:\n${describeFailures(fatal)}`).toBe(0);
  });
});
