/**
 * The register's assumptions come from the data: each item appears while the register gives it cause and goes
 * when the secretariat settles it (a confirmed group rule, a dated join, a year's populations read in).
 */
import { describe, expect, it } from 'vitest';
import { assumptionsReport } from '../../../electron/core/domain/assumptions';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';
import { makeDocument, municipality } from '../../fixtures/services/documents';

const TODAY = '2026-12-07';
const fresh = (): SambrukDocument => structuredClone(loadDefaultDocument());
const ids = (doc: SambrukDocument, today = TODAY) => assumptionsReport(doc, today).items.map((i) => i.id);
const item = (doc: SambrukDocument, id: string, today = TODAY) => assumptionsReport(doc, today).items.find((i) => i.id === id);

describe('assumptions of the default data', () => {
  const report = assumptionsReport(fresh(), TODAY);
  const titles = report.items.map((i) => i.title);

  it('names the plan’s readings with their counts', () => {
    expect(titles).toContain('78 medlemskap börjar «före 2022-01-01» (inträdesdatum okänt)');
    expect(titles).toContain('Gruppregeln för kommunalförbund är att bekräfta');
    expect(titles).toContain('Folkmängd 2025-12-31 saknas; 2024 används för avgiftsår 2026');
    expect(titles).toContain('Medlemmar den 2022-01-01: Planen anger 109; registret namnger 96 (13 färre).');
    expect(titles).toContain('Målet «1–2 digitala konferenser per år» (2022) räknar bara konferens');
    expect(titles.some((t) => t.endsWith('är uppnått per definition'))).toBe(true);
    expect(item(fresh(), 'join-before-2022-01-01')?.count).toBe(78);
    expect(item(fresh(), 'group-rule-2020')?.count).toBe(2);
  });

  it('counts the usages whose start is assumed and the groups whose form is', () => {
    const usages = item(fresh(), 'usage-notes');
    expect(usages?.count).toBe(fresh().usages.length);
    expect(usages?.title).toMatch(/användningar har ett antaget startdatum$/u);
    expect(item(fresh(), 'organisation-notes')?.text).toContain('Norrort');
  });

  it('lists only plan figures that differ (Bibblix’s 39 is the register’s too)', () => {
    const planIds = report.items.filter((i) => i.group === 'planen').map((i) => i.id);
    expect(planIds).toContain('plan-figure-plan-members-2022');
    expect(planIds.some((id) => id.includes('bibblix'))).toBe(false);
  });

  it('names SCB’s population dates and the plan as sources', () => {
    const detail = report.sources.map((s) => `${s.title}: ${s.detail}`).join('\n');
    expect(detail).toContain('2018-12-31 (290 kommuner)');
    expect(detail).toMatch(/2024-12-31: 10\s587\s710/u);
    expect(detail).toContain('Verksamhetsplan 2022');
  });
});

describe('assumptions that the register no longer makes', () => {
  it('drops the group rule once it is confirmed', () => {
    const doc = fresh();
    for (const table of doc.feeTables) table.groupRule = { ...table.groupRule, status: 'bekraftad', decision: 'Styrelsen 2026-03-01 § 4', confirmedAt: '2026-03-01' };
    expect(ids(doc)).not.toContain('group-rule-2020');
    expect(ids(fresh())).toContain('group-rule-2020');
  });

  it('has no group-rule item when no group is a member', () => {
    const doc = fresh();
    const groupIds = new Set(doc.organisations.filter((o) => o.groupMemberIds.length > 0).map((o) => o.id));
    doc.memberships = doc.memberships.filter((m) => !groupIds.has(m.organisationId));
    expect(ids(doc)).not.toContain('group-rule-2020');
  });

  it('counts only memberships that start «före», and drops the item when every join is dated', () => {
    const doc = fresh();
    const [first, ...rest] = doc.memberships;
    if (first) delete first.startKnown;
    expect(item(doc, 'join-before-2022-01-01')?.count).toBe(rest.length);
    for (const m of rest) delete m.startKnown;
    expect(ids(doc).filter((id) => id.startsWith('join-before'))).toEqual([]);
  });

  it('flags a missing population year only for fee years in the register', () => {
    expect(ids(fresh(), '2025-06-30').filter((id) => id.startsWith('population-20'))).toEqual([]);
    expect(ids(fresh(), TODAY).filter((id) => id.startsWith('population-20'))).toEqual(['population-2026']);
    // The fee year 2026 reads 2025-12-31 once SCB's table for it is in the register.
    const doc = fresh();
    const extra = doc.reference.populations.filter((p) => p.date === '2024-12-31').map((p) => ({ ...p, date: '2025-12-31', source: 'scb-import' as const }));
    doc.reference.populations = [...doc.reference.populations, ...extra];
    expect(ids(doc).filter((id) => id.startsWith('population-20'))).toEqual([]);
    expect(assumptionsReport(doc, TODAY).sources.some((s) => s.detail.includes('2025-12-31 (290 kommuner, varav 290 inlästa)'))).toBe(true);
  });

  it('lists a hand-corrected population figure', () => {
    const doc = fresh();
    const [first] = doc.reference.populations;
    if (first) Object.assign(first, { source: 'rattad', sourceNote: 'Fel i SCB-filen' });
    expect(item(doc, 'population-corrected')?.count).toBe(1);
    expect(ids(fresh())).not.toContain('population-corrected');
  });

  it('drops a plan figure the register reaches, a goal without byConstruction and one counting every kind', () => {
    const doc = fresh();
    for (const f of doc.planFigures) if (f.id === 'plan-members-2022') f.value = 96;
    for (const g of doc.goals) {
      delete g.byConstruction;
      if (g.eventKinds) g.eventKinds = ['mote', 'seminarium', 'webinar', 'konferens'];
    }
    const left = ids(doc);
    expect(left).not.toContain('plan-figure-plan-members-2022');
    expect(left.some((id) => id.startsWith('goal-'))).toBe(false);
  });

  it('drops the usage item when no usage note speaks of an assumption', () => {
    const doc = fresh();
    for (const u of doc.usages) u.note = '';
    expect(ids(doc)).not.toContain('usage-notes');
  });

  it('says the default data’s billing details and payment details are examples, until real ones replace them', () => {
    const example = item(fresh(), 'example-billing');
    expect(example?.title).toBe('Faktureringsuppgifterna är exempel');
    expect(example?.count).toBe(78);
    expect(example?.text).toContain('föreningens egna uppgifter på fakturorna (organisationsnummer, momsnummer, bankgiro, IBAN) och faktureringsuppgifterna för 78 organisationer');
    // Real association details entered: only the organisations' examples remain.
    const settled = fresh();
    settled.invoicing.settings = settled.invoicing.settings.map((s) => ({ ...s, example: false }));
    expect(item(settled, 'example-billing')?.text).not.toContain('föreningens egna uppgifter');
    // And once every billing row is real too, the item goes.
    settled.invoicing.billing = settled.invoicing.billing.map((b) => ({ ...b, example: false }));
    expect(ids(settled)).not.toContain('example-billing');
  });

  it('gives an empty list for a register without fee tables, goals or plan figures', () => {
    const doc = makeDocument({ organisations: [municipality('Ale')] });
    expect(assumptionsReport(doc, TODAY).items).toEqual([]);
  });
});
