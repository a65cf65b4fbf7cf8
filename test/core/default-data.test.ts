import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DATA_PATH,
  buildDefaultData,
  readDefaultDataSources,
  serialiseDefaultData,
} from '../../scripts/build-default-data';
import { GROUPS, NAME_CORRECTIONS, createMunicipalityMatcher } from '../../scripts/default-data/names';
import { parseDocumentText } from '../../electron/core/store/parse-document';
import { columnTotals } from '../../electron/core/domain/budget';
import { memberIdsAt } from '../../electron/core/domain/memberships';
import { bandChoices } from '../../electron/core/domain/fees';
import type { SambrukDocument } from '../../electron/core/store/schema';
import { accountantModel } from '../../electron/core/exports/accountant-model';
import { defaultArticles } from '../../electron/core/domain/articles';
import { parseOrgNumber } from '../../electron/contract/rules/organisation-number';

const sources = readDefaultDataSources();
const committedText = readFileSync(DEFAULT_DATA_PATH, 'utf8');
const doc: SambrukDocument = parseDocumentText(committedText);
/** The plan as one line, whitespace collapsed (the export wraps lines in the middle of names). */
const planFlat = sources.plan.normalize('NFC').replace(/\s+/g, ' ');
const planLines = sources.plan.normalize('NFC').split('\n').map((l) => l.trim());

const officialByCode = new Map(doc.reference.municipalities.map((m) => [m.code, m.name]));
const orgById = new Map(doc.organisations.map((o) => [o.id, o]));

/** Name in the plan -> organisation id, from the official list, the documented corrections and the groups. */
function resolvePlanName(name: string): string | undefined {
  const group = GROUPS.find((g) => g.planName === name);
  if (group) return group.id;
  const official = NAME_CORRECTIONS.find((c) => c.planSpelling === name)?.officialName ?? name;
  const ref = doc.reference.municipalities.find((m) => m.name === official);
  return ref ? `org-kommun-${ref.code}` : undefined;
}

/** Text of the plan after `anchor`, between the next `start` and the following `end`. */
function between(anchor: string, start: string, end: string): string {
  const a = planFlat.indexOf(anchor);
  expect(a, `"${anchor}" i planen`).toBeGreaterThanOrEqual(0);
  const s = planFlat.indexOf(start, a);
  expect(s, `"${start}" efter "${anchor}"`).toBeGreaterThanOrEqual(0);
  const e = planFlat.indexOf(end, s + start.length);
  expect(e, `"${end}" efter "${start}"`).toBeGreaterThan(s);
  return planFlat.slice(s + start.length, e);
}

/** Every name in a list, hosts and partners alike; counts like "(13 kommuner)" dropped. */
function namesIn(list: string): string[] {
  return list
    .split(/,|\(|\)|\s&\s|\ssamt\s|\soch\s/)
    .map((n) => n.trim().replace(/\.$/, ''))
    .filter((n) => n !== '' && !/^\d+ kommuner$/.test(n));
}

const USER_LISTS = [
  { serviceId: 'svc-bibblix', list: () => between('Bibblix för folkbibliotek i Sverige', 'Användande kommuner', ' Egil ') },
  { serviceId: 'svc-egil', list: () => between('EGIL som bygger', 'Deltagande kommuner:', 'Deltagande projektparter') },
  { serviceId: 'svc-multifraga', list: () => between('Ekonomiskt bistånd', 'Användande kommuner - Multifråga', 'Användande kommuner – eAnsökan') },
  { serviceId: 'svc-fixamingata', list: () => between('Tjänsten FixaMinGata är', 'Användande kommuner', 'Förvaltning') },
  { serviceId: 'svc-provisum', list: () => between('Valter 2.0', 'Användande kommuner', 'Förvaltning') },
  { serviceId: 'svc-tillarbetslivet', list: () => between('Tillarbetslivet.nu skapar', 'Deltagande kommuner', 'Förvaltning') },
  { serviceId: 'svc-uka', list: () => between('aktivitetsansvar för de ungdomar', 'Användande kommuner', 'Kommuner som nyttjar') },
  { serviceId: 'svc-uka-beda', list: () => between('Kommuner som nyttjar integration UKA', 'BEDA', 'Förvaltning UKA') },
  { serviceId: 'svc-oppna-verksamhetssystem-skola', list: () => between('Öppna verksamhetssystem skola Sambruk har', 'Deltagande kommuner', 'Projekt') },
];

/** Swedish digit grouping as the plan prints kronor: `-15 948 991`. */
function kr(ore: number): string {
  expect(Number.isInteger(ore / 100), `${ore} öre är hela kronor`).toBe(true);
  const digits = Math.abs(ore / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return ore < 0 ? `-${digits}` : digits;
}

describe('default data set (assets/default-data.json)', () => {
  it('is a valid register document built from the 2022 plan', () => {
    expect(doc.meta.associationName).toBe('Föreningen Sambruk');
    expect(doc.meta.source).toBe('Verksamhetsplan 2022 (2022-04-28)');
    expect(doc.meta.createdAt).toBe('2022-04-28T00:00:00.000Z');
  });

  it('is exactly what the build script produces, byte for byte, every time', () => {
    const first = serialiseDefaultData(buildDefaultData(sources));
    expect(first).toBe(committedText);
    expect(serialiseDefaultData(buildDefaultData(readDefaultDataSources()))).toBe(first);
    expect(committedText.endsWith('}\n')).toBe(true);
  });

  it('holds all 290 municipalities with populations 2018–2024 that add up to Sweden on each date', () => {
    expect(doc.reference.municipalities).toHaveLength(290);
    expect(doc.reference.counties).toHaveLength(21);
    const dates = ['2018-12-31', '2019-12-31', '2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31'];
    expect(doc.reference.swedenPopulation.map((p) => p.date)).toEqual(dates);
    for (const date of dates) {
      const figures = doc.reference.populations.filter((p) => p.date === date);
      expect(figures).toHaveLength(290);
      const sum = figures.reduce((s, p) => s + p.population, 0);
      expect(sum, date).toBe(doc.reference.swedenPopulation.find((p) => p.date === date)?.population);
    }
    expect(doc.reference.swedenPopulation.find((p) => p.date === '2021-12-31')?.population).toBe(10_452_326);
    expect(doc.reference.swedenPopulation.find((p) => p.date === '2024-12-31')?.population).toBe(10_587_710);
    // Upplands Väsby, the example: 47 820 at the end of 2021, 50 323 at the end of 2024.
    const vasby = (date: string) => doc.reference.populations.find((p) => p.code === '0114' && p.date === date)?.population;
    expect([vasby('2021-12-31'), vasby('2024-12-31')]).toEqual([47_820, 50_323]);
    expect(doc.reference.populations.every((p) => p.source === 'scb')).toBe(true);
  });

  it('states the fee table’s population date (the year before) and marks the group rule «att bekräfta»', () => {
    for (const table of doc.feeTables) {
      expect(table.populationYearOffset).toBe(-1);
      expect(table.groupRule).toMatchObject({ basis: 'combined-population', status: 'att-bekrafta' });
    }
  });

  it('names every municipality organisation by the official short name of its code', () => {
    const municipalities = doc.organisations.filter((o) => o.kind === 'kommun');
    expect(municipalities.length).toBeGreaterThan(0);
    for (const org of municipalities) {
      expect(org.municipalityCode, org.id).toBeDefined();
      expect(org.id).toBe(`org-kommun-${org.municipalityCode ?? ''}`);
      expect(org.name).toBe(officialByCode.get(org.municipalityCode ?? ''));
    }
  });

  it('keeps Habo and Håbo apart', () => {
    const matcher = createMunicipalityMatcher(doc.reference.municipalities);
    const habo = matcher.codeOf('Habo');
    const haabo = matcher.codeOf('Håbo');
    expect(habo).toBe('0643');
    expect(haabo).toBe('0305');
    expect(habo).not.toBe(haabo);
    // The plan's Habo (a Bibblix user, Jönköpings län) is 0643, and Håbo uses nothing.
    expect(doc.usages.some((u) => u.serviceId === 'svc-bibblix' && u.organisationId === 'org-kommun-0643')).toBe(true);
    expect(doc.usages.some((u) => u.organisationId === 'org-kommun-0305')).toBe(false);
  });

  it('lets every group member id point at an existing municipality', () => {
    const groups = doc.organisations.filter((o) => o.groupMemberIds.length > 0);
    expect(groups.map((g) => g.id).sort()).toEqual(GROUPS.map((g) => g.id).sort());
    for (const group of groups) {
      for (const memberId of group.groupMemberIds) expect(orgById.get(memberId)?.kind, `${group.id} -> ${memberId}`).toBe('kommun');
    }
    expect(orgById.get('org-goteborgsregionen')?.groupMemberIds).toHaveLength(13);
  });

  it('records every using municipality the plan lists, re-read from the plan text', () => {
    for (const { serviceId, list } of USER_LISTS) {
      const names = namesIn(list());
      expect(names.length, serviceId).toBeGreaterThan(0);
      const unresolved = names.filter((n) => resolvePlanName(n) === undefined);
      expect(unresolved, serviceId).toEqual([]);
      const users = doc.usages.filter((u) => u.serviceId === serviceId);
      for (const name of names) {
        const id = resolvePlanName(name) ?? '';
        const ownRecord = users.some((u) => u.organisationId === id);
        // A municipality in a group that has a record uses the service through the group (usage-matrix.ts).
        const throughGroup = users.some((u) => orgById.get(u.organisationId)?.groupMemberIds.includes(id));
        expect(ownRecord || throughGroup, `${serviceId}: ${name}`).toBe(true);
      }
    }
    expect(doc.usages.filter((u) => u.serviceId === 'svc-eansokan-ekbist')).toEqual([]);
    expect(planFlat).toContain('Från och med 2021 finns för tillfället inte någon användarkommun till e-tjänsten');
  });

  it('records partners in parentheses as using the service through their host municipality or group', () => {
    const provisum = between('Valter 2.0', 'Användande kommuner', 'Förvaltning');
    const hosts = [...provisum.matchAll(/([^,()]+?)\s*\(([^)]*)\)/g)];
    expect(hosts.length).toBeGreaterThanOrEqual(8);
    const provisumUsages = doc.usages.filter((u) => u.serviceId === 'svc-provisum');
    for (const [, host = '', partners = ''] of hosts) {
      const hostId = resolvePlanName(host.trim().replace(/^samt\s+/, '')) ?? '';
      const hostOrg = orgById.get(hostId);
      expect(provisumUsages.some((u) => u.organisationId === hostId && u.viaOrganisationId === undefined), host).toBe(true);
      for (const partner of partners.split(',').map((p) => p.trim())) {
        const partnerId = resolvePlanName(partner) ?? '';
        if (hostOrg?.kind === 'kommun') {
          const usage = provisumUsages.find((u) => u.organisationId === partnerId);
          expect(usage?.viaOrganisationId, `${partner} via ${host}`).toBe(hostId);
        } else {
          expect(hostOrg?.groupMemberIds, `${partner} i ${host}`).toContain(partnerId);
        }
      }
    }
    // "Göteborgsregionen (13 kommuner)": one record on GR, whose 13 municipalities use EGIL through it.
    expect(doc.usages.some((u) => u.serviceId === 'svc-egil' && u.organisationId === 'org-goteborgsregionen')).toBe(true);
    for (const group of ['Göteborgsregionen', 'Höglandsförbundet']) {
      const stated = Number(new RegExp(`${group} \\((\\d+) kommuner\\)`).exec(planFlat)?.[1]);
      expect(orgById.get(resolvePlanName(group) ?? '')?.groupMemberIds, group).toHaveLength(stated);
    }
  });

  it('records as members only organisations the plan names as users, never more than the plan counts', () => {
    const stated = Number(/vid ingången av 2022 - (\d+) medlemmar/.exec(planFlat)?.[1]);
    expect(stated).toBe(109);
    const members = memberIdsAt(doc, '2022-01-01');
    expect(members.size).toBeLessThanOrEqual(stated);
    const directUsers = new Set(doc.usages.filter((u) => u.viaOrganisationId === undefined).map((u) => u.organisationId));
    for (const m of doc.memberships) expect(directUsers.has(m.organisationId), m.organisationId).toBe(true);
    // A municipality in a member group takes its status from the group; its own period would bill it twice.
    const inGroups = new Set(doc.memberships.flatMap((m) => orgById.get(m.organisationId)?.groupMemberIds ?? []));
    expect(doc.memberships.filter((m) => inGroups.has(m.organisationId))).toEqual([]);
  });

  it("carries the income statement with the plan's stated totals, and shows where the plan's own sums are off", () => {
    expect(doc.budget.columns.map((c) => `${c.year} ${c.kind}`)).toEqual(['2021 utfall', '2022 budget']);
    const [c2021, c2022] = doc.budget.columns;
    if (!c2021 || !c2022) throw new Error('two columns expected');
    // Each line's amounts, and each stated total, are the figures printed on that line of the plan.
    for (const line of doc.budget.lines) {
      expect(planLines, line.name).toContain(`${line.name} ${kr(c2021.amounts[line.id] ?? NaN)} ${kr(c2022.amounts[line.id] ?? NaN)}`);
    }
    const statedLabels = { 'sum-income': 'Summa föreningens intäkter', 'sum-cost': 'Summa föreningens kostnader', result: 'Verksamhetsresultat (före finans)' };
    for (const [key, label] of Object.entries(statedLabels)) {
      expect(planLines, label).toContain(`${label} ${kr(c2021.statedTotals[key] ?? NaN)} ${kr(c2022.statedTotals[key] ?? NaN)}`);
    }
    // Computed sum of the lines minus the plan's stated total, per column, in öre.
    const gap = (column: typeof c2021) => {
      const t = columnTotals(doc.budget, column);
      return {
        'sum-income': t.incomeOre - (column.statedTotals['sum-income'] ?? NaN),
        'sum-cost': t.costOre - (column.statedTotals['sum-cost'] ?? NaN),
        result: t.resultOre - (column.statedTotals.result ?? NaN),
      };
    };
    expect(gap(c2021)).toEqual({ 'sum-income': 0, 'sum-cost': 0, result: 0 });
    // 2022: -17 460 714 + -3 715 589 = -21 176 303, but the plan prints -21 176 302 and a result of 96 818
    // instead of 96 817: one krona of rounding in the source. The data keeps both; the app flags the gap.
    expect(gap(c2022)).toEqual({ 'sum-income': 0, 'sum-cost': -100, result: -100 });
    expect(doc.budget.lines.find((l) => l.name === 'Medlemsavgifter')?.registerSource).toBe('membership-fees');
    expect(doc.budget.lines.find((l) => l.name === 'Nettoomsättning')?.registerSource).toBe('service-revenue');
  });

  it('gives every service a governance council that points back at it', () => {
    expect(doc.services).toHaveLength(10);
    for (const service of doc.services) {
      const council = doc.networks.find((n) => n.id === service.councilNetworkId);
      expect(council?.kind, service.name).toBe('forvaltningsrad');
      expect(council?.serviceId).toBe(service.id);
    }
  });

  it('names fee bands in its note as the fee table shows them (7 000–14 999, not 7 000–15 000)', () => {
    for (const table of doc.feeTables) {
      const labels = bandChoices(table).map((band) => band.label.replace(/[\u00a0\u202f]/gu, ' '));
      const ranges = (table.note ?? '').replace(/[\u00a0\u202f]/gu, ' ').match(/\d[\d ]*–[\d ]*\d/gu) ?? [];
      expect(ranges.length, table.note).toBeGreaterThan(0);
      for (const range of ranges) expect(labels.some((label) => label.startsWith(`${range} invånare`)), range).toBe(true);
    }
  });

  it('uses unique ids and references only organisations and services that exist', () => {
    const ids = [
      ...doc.organisations,
      ...doc.memberships,
      ...doc.services,
      ...doc.usages,
      ...doc.networks,
      ...doc.networks.flatMap((n) => n.roster),
      ...doc.goals,
    ].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    const serviceIds = new Set(doc.services.map((s) => s.id));
    for (const u of doc.usages) {
      expect(orgById.has(u.organisationId), u.id).toBe(true);
      expect(serviceIds.has(u.serviceId), u.id).toBe(true);
      if (u.viaOrganisationId) expect(orgById.has(u.viaOrganisationId), u.id).toBe(true);
    }
    for (const r of doc.networks.flatMap((n) => n.roster)) {
      expect(r.organisationId !== undefined || r.externalName !== undefined, r.id).toBe(true);
      if (r.organisationId) expect(orgById.has(r.organisationId), r.id).toBe(true);
    }
    expect(doc.contacts).toEqual([]);
  });
});

describe('building from the plan', () => {
  it('fails on a name that is no municipality, listing it', () => {
    const plan = sources.plan.replace('Östra \nGöinge', 'Göinge');
    expect(plan).not.toBe(sources.plan);
    expect(() => buildDefaultData({ ...sources, plan })).toThrow(/"Göinge"/);
  });

  it('does not fold å into a: a misspelt Håbo for Habo would fail rather than match', () => {
    const plan = sources.plan.replace('Jönköping, Habo, Nyköping', 'Jönköping, Habbo, Nyköping');
    expect(plan).not.toBe(sources.plan);
    expect(() => buildDefaultData({ ...sources, plan })).toThrow(/"Habbo"/);
  });

  it('fails when a group count in the plan does not match the group', () => {
    const plan = sources.plan.replace('Göteborgsregionen (13 kommuner)', 'Göteborgsregionen (12 kommuner)');
    expect(plan).not.toBe(sources.plan);
    expect(() => buildDefaultData({ ...sources, plan })).toThrow(/Göteborgsregionen/);
  });

  it('reads the budget amounts from the plan, so a changed figure changes the data', () => {
    const plan = sources.plan.replace('Medlemsavgifter 3 172 048 3 400 000', 'Medlemsavgifter 3 172 048 3 500 000');
    const rebuilt = buildDefaultData({ ...sources, plan });
    const budget2022 = rebuilt.budget.columns.find((c) => c.year === 2022);
    expect(budget2022?.amounts['bl-medlemsavgifter']).toBe(350_000_000);
  });
});

describe('the default data’s example billing details (issue 17, point 10)', () => {
  const invoicing = doc.invoicing;
  const settings = invoicing.settings[0];
  const invoiced = accountantModel(doc, { year: 2022 }).invoiceLines;

  it('gives every organisation invoiced in 2022 billing details, customer numbers from 1001 in the basis’s order', () => {
    const customers = [...new Set(invoiced.map((l) => l.organisationId))];
    expect(invoicing.billing.map((b) => b.organisationId)).toEqual(customers);
    expect(invoicing.billing.map((b) => b.customerNumber)).toEqual(customers.map((_, i) => 1001 + i));
    expect(settings?.nextCustomerNumber).toBe(1001 + customers.length);
    // The basis then carries them: no «K?-» reference is left.
    expect(invoiced.every((l) => /^1\d{3}-2022-/.test(l.reference))).toBe(true);
  });

  it('marks everything as an example, with example addresses, references and e-mail', () => {
    expect(settings?.example).toBe(true);
    for (const b of invoicing.billing) {
      const org = orgById.get(b.organisationId);
      expect(b.example).toBe(true);
      expect(b.invoiceAddress?.street).toMatch(/^Exempelgatan \d+$/);
      expect(b.buyerReference).toBe(`EXEMPEL-${org?.municipalityCode ?? b.organisationId.replace(/^org-/, '').toUpperCase()}`);
      expect(b.invoiceEmail).toMatch(/^fakturor@[a-z0-9-]+\.exempel\.se$/);
      // The kommunalförbund pay their own invoices.
      expect(b.payerOrganisationId).toBeUndefined();
    }
  });

  it('builds each Peppol ID from the real organisation number where the reference data has one, else from an example number no organisation can have', () => {
    let real = 0;
    for (const b of invoicing.billing) {
      const org = orgById.get(b.organisationId);
      const digits = /^0007:(\d{10})$/.exec(b.peppolId ?? '')?.[1] ?? '';
      const parsed = parseOrgNumber(digits);
      expect(parsed.ok, b.peppolId).toBe(true);
      if (org?.orgNumber) {
        real += 1;
        expect(digits).toBe(org.orgNumber.replace('-', ''));
        expect(digits.startsWith('212000')).toBe(true);
      } else {
        // Group number 4 is not handed out, so the number cannot be any real organisation's.
        expect(digits).toMatch(/^4020\d{4}0\d$/);
        if (org?.municipalityCode) expect(digits.slice(4, 8)).toBe(org.municipalityCode);
      }
    }
    expect(real).toBe(invoicing.billing.filter((b) => orgById.get(b.organisationId)?.orgNumber).length);
    expect(real).toBeGreaterThan(0);
    // No invented number is put on an organisation.
    expect(doc.organisations.filter((o) => o.orgNumber?.startsWith('4'))).toEqual([]);
    expect(new Set(invoicing.billing.map((b) => b.peppolId)).size).toBe(invoicing.billing.length);
  });

  it('gives the association example payment details from official documentation, never a real account, and 30 days', () => {
    expect(settings?.bankgiro).toBe('991-2346');
    expect(settings?.iban).toBe('SE4550000000058398257466');
    expect(settings?.paymentTermsDays).toBe(30);
    expect(settings?.nextInvoiceNumber).toBe(1);
    expect(parseOrgNumber(settings?.orgNumber ?? '').ok).toBe(true);
    expect(settings?.orgNumber.startsWith('4')).toBe(true);
    expect(settings?.vatNumber).toBe(`SE${settings?.orgNumber.replace('-', '')}01`);
  });

  it('ships the default articles', () => {
    expect(invoicing.articles).toEqual(defaultArticles(doc.services));
  });
});
