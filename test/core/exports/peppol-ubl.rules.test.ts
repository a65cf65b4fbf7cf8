/**
 * The samples' Peppol files against the official rules (CEN EN 16931 and OpenPEPPOL with the Swedish national
 * rules), in one folder and one JVM per rule set. A deliberately broken file (no BuyerReference) lies in the same
 * folder and must fail, which proves the check can fail. Without java or Saxon-HE this skips locally and fails in CI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peppolInvoiceXml } from '../../../electron/core/exports/peppol-ubl';
import { sampleCreditNote, sampleInvoice, sampleRegionInvoice, sampleServiceInvoice, sampleSettings } from '../../fixtures/invoicing/sample-invoices';
import { describeFailures, fatalFailures, peppolToolsMissing, validatePeppolFolder, type RuleFailure } from '../../support/peppol-validate';

const missing = peppolToolsMissing();
if (missing) {
  if (process.env.CI === 'true') {
    it('has java, Saxon-HE and the Peppol rules (required in CI)', () => {
      throw new Error(`Peppol-reglerna kan inte köras: ${missing}`);
    });
  } else console.warn(`[peppol] SKIPPED: ${missing}; the Peppol rule tests do not run here.`);
}

const SAMPLES: Record<string, string> = {
  'faktura-1-medlemsavgift.xml': peppolInvoiceXml(sampleInvoice, sampleSettings),
  'faktura-2-tjanster.xml': peppolInvoiceXml(sampleServiceInvoice, sampleSettings),
  'faktura-4-region.xml': peppolInvoiceXml(sampleRegionInvoice, sampleSettings),
  'kreditfaktura-3.xml': peppolInvoiceXml(sampleCreditNote, sampleSettings, { creditedInvoice: sampleServiceInvoice }),
  // Variants the settings allow: a credit note outside VAT, and IBAN only without F-skatt.
  'kreditfaktura-5-medlemsavgift.xml': peppolInvoiceXml({ ...sampleInvoice, id: 'cn-2', kind: 'credit-note', number: '5', issueDate: '2022-04-02', creditOfInvoiceId: sampleInvoice.id }, sampleSettings, { creditedInvoice: sampleInvoice }),
  'faktura-2-iban-utan-f-skatt.xml': peppolInvoiceXml(sampleServiceInvoice, { ...sampleSettings, bankgiro: '', fSkatt: false }),
};
const BROKEN = 'trasig-utan-buyerreference.xml';

describe.skipIf(missing !== undefined)('Peppol BIS Billing 3.0 rules over the samples', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peppol-samples-'));
  let results: Map<string, RuleFailure[]>;

  beforeAll(async () => {
    for (const [name, xml] of Object.entries(SAMPLES)) fs.writeFileSync(path.join(dir, name), xml);
    const withoutReference = SAMPLES['faktura-2-tjanster.xml']!.replace(/\s*<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/u, '');
    expect(withoutReference).not.toContain('BuyerReference');
    fs.writeFileSync(path.join(dir, BROKEN), withoutReference);
    results = await validatePeppolFolder(dir);
  }, 600_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports on every file', () => {
    expect([...results.keys()].sort()).toEqual([...Object.keys(SAMPLES), BROKEN].sort());
  });

  it('passes every sample with no fatal failure', () => {
    const fatal = fatalFailures(new Map([...results].filter(([name]) => name !== BROKEN)));
    expect(fatal.size, `Fatal rule failures:\n${describeFailures(fatal)}`).toBe(0);
  });

  it('fails the file without BuyerReference on the Peppol rule that requires it', () => {
    const fatal = fatalFailures(results).get(BROKEN) ?? [];
    expect(fatal.map((f) => `${f.ruleSet} ${f.id}`)).toContain('PEPPOL-EN16931-UBL PEPPOL-EN16931-R003');
    expect(fatal.find((f) => f.id === 'PEPPOL-EN16931-R003')?.text).toMatch(/buyer reference/iu);
    expect(describeFailures(new Map([[BROKEN, fatal]]))).toMatch(/^trasig-utan-buyerreference\.xml: PEPPOL-EN16931-UBL: PEPPOL-EN16931-R003 /mu);
  });
});
