/**
 * Every assumption the register's figures rest on, computed from the register itself (issue 16, point 14): the
 * «Om uppgifterna» page, the first sheet of the accountant workbook and the board pack list the same items.
 * An item appears only while the data gives it cause: a confirmed group rule, a dated join or a population year
 * that is present leaves no item behind, so the list never claims what the register no longer assumes.
 */
import type { Assumption, AssumptionsReport, DataSource } from '../../contract/model/assumptions';
import { meetingKindLabels } from '../../contract/labels';
import { meetingKinds } from '../../contract/model/records';
import { yearOf } from '../../contract/rules/calendar-date';
import type { SambrukDocument } from '../store/schema';
import { feeTableFor } from './fees';
import { memberIdsAt } from './memberships';
import { isGroupKind } from './organisations';
import { planFigureComparisons } from './plan-figures';
import { feePopulationDate, municipalityPopulationAt, populationIndex } from './population';
import { countOf, nouns } from './swedish';

export type { AssumptionsReport } from '../../contract/model/assumptions';

const count = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const memberships = { one: 'medlemskap', other: 'medlemskap' };
const usages = { one: 'användning', other: 'användningar' };

/** A record note that says it rests on an assumption (the default data writes «… är ett antagande»). */
const ASSUMPTION_NOTE = /antagande/i;

/** Memberships that start «före» a date: the join date is unknown, so no entry fee and no part-year fee. */
function unknownJoinDates(doc: SambrukDocument): Assumption[] {
  const byDate = new Map<string, number>();
  for (const m of doc.memberships) if (m.startKnown === 'before') byDate.set(m.joined, (byDate.get(m.joined) ?? 0) + 1);
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, n]) => ({
      id: `join-before-${date}`,
      group: 'medlemmar',
      title: `${countOf(n, memberships)} börjar «före ${date}» (inträdesdatum okänt)`,
      text:
        `Inträdesdatumet är okänt; registret vet bara att organisationen var medlem den ${date}. ` +
        'Perioden räknas som medlemskap även före datumet men ger aldrig medlemsinsats eller del av årsavgift: ' +
        'varje år debiteras hel årsavgift, och perioden räknas inte som inträde i översikten, rapporten eller målen.',
      source: doc.meta.source ? `${doc.meta.source}: medlemmarna vid ${date}, inte sedan när` : 'Inträdesdatum saknas i underlaget',
      count: n,
      place: 'medlemmar',
    }));
}

/** The fee years the register speaks of: from the first fee table to this year (or a later year asked for). */
function feeYears(doc: SambrukDocument, today: string, throughYear: number): number[] {
  const firstTable = Math.min(...doc.feeTables.map((t) => t.year));
  if (!Number.isFinite(firstTable)) return [];
  const years: number[] = [];
  for (let y = firstTable; y <= Math.max(yearOf(today), throughYear); y++) years.push(y);
  return years;
}

/** Fee years whose population date is missing, so the nearest known year decides the band instead. */
function populationYears(doc: SambrukDocument, today: string, throughYear: number): Assumption[] {
  const index = populationIndex(doc.reference);
  if (index.dates.length === 0) return [];
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const items: Assumption[] = [];
  for (const year of feeYears(doc, today, throughYear)) {
    const table = feeTableFor(doc.feeTables, year);
    if (!table) continue;
    const wanted = feePopulationDate(year, table.populationYearOffset);
    if (index.dates.includes(wanted)) continue;
    const codes = new Set<string>();
    let used: string | undefined;
    for (const id of memberIdsAt(doc, `${year}-12-31`)) {
      const code = orgById.get(id)?.municipalityCode;
      if (code === undefined || codes.has(code)) continue;
      const at = municipalityPopulationAt(index, code, wanted);
      if (!at || at.date === wanted) continue;
      codes.add(code);
      used ??= at.date;
    }
    if (codes.size === 0 || used === undefined) continue;
    items.push({
      id: `population-${year}`,
      group: 'folkmangd',
      title: `Folkmängd ${wanted} saknas; ${yearOf(used)} används för avgiftsår ${year}`,
      text:
        `Avgiftsåret ${year} bandas på folkmängden ${wanted}, som inte finns i registret. ` +
        `För ${countOf(codes.size, nouns.medlemskommun)} används närmaste kända år (${used}); ` +
        'avgiften kan ändras när SCB:s siffror läses in.',
      source: `SCB, «Folkmängd i riket, län och kommuner 31 december ${yearOf(wanted)}» (inte inläst)`,
      count: codes.size,
      place: 'folkmangd',
    });
  }
  return items;
}

/** Which year's population decides a fee year: a reading of the fee decision, which names no date. */
function feePopulationRule(doc: SambrukDocument, today: string): Assumption[] {
  const table = feeTableFor(doc.feeTables, yearOf(today)) ?? [...doc.feeTables].sort((a, b) => b.year - a.year)[0];
  if (!table) return [];
  const offset = table.populationYearOffset;
  const which = offset === 0 ? 'samma år' : offset === -1 ? 'året före' : `${-offset} år före`;
  return [
    {
      id: `population-date-${table.year}`,
      group: 'avgifter',
      title: `Avgiften bandas på folkmängden 31 december ${which}`,
      text:
        `Avgiftstabellen från ${table.year} läser avgiftsbeslutet så att folkmängden 31 december ${which} avgiftsåret ` +
        'avgör avgiftsklassen (den senaste räkning som finns när avgiften faktureras). Det påverkar varje kommuns avgift och pris per invånare.',
      source: 'Antagande: avgiftsbeslutet anger inget datum för folkmängden',
      place: 'avgiftstabell',
    },
  ];
}

/** A group fee rule still «att bekräfta» while groups are members under it. */
function groupRule(doc: SambrukDocument, today: string): Assumption[] {
  const table = feeTableFor(doc.feeTables, yearOf(today)) ?? [...doc.feeTables].sort((a, b) => b.year - a.year)[0];
  if (!table || table.groupRule.status !== 'att-bekrafta') return [];
  const members = memberIdsAt(doc, today);
  const groups = doc.organisations.filter((o) => isGroupKind(o.kind) && o.groupMemberIds.length > 0 && members.has(o.id));
  if (groups.length === 0) return [];
  const rule =
    table.groupRule.basis === 'combined-population'
      ? 'avgiftsklass efter medlemskommunernas sammanlagda folkmängd'
      : 'avgift som övriga organisationer';
  return [
    {
      id: `group-rule-${table.year}`,
      group: 'avgifter',
      title: 'Gruppregeln för kommunalförbund är att bekräfta',
      text:
        `Hur en grupp (kommunalförbund, gemensam nämnd) betalar är inte beslutat. Registret räknar tills vidare ${rule}. ` +
        `Det gäller ${groups.map((g) => g.name).join(', ')}; deras rader flaggas i fakturaunderlaget tills regeln bekräftas.`,
      source: 'Beslut saknas: avgiftsbeslutet definierar bara «andra organisationer»',
      count: groups.length,
      place: 'avgiftstabell',
    },
  ];
}

/** Corrected population figures: a person's figure stands where SCB's did. */
function correctedPopulations(doc: SambrukDocument): Assumption[] {
  const corrected = doc.reference.populations.filter((p) => p.source === 'rattad');
  if (corrected.length === 0) return [];
  return [
    {
      id: 'population-corrected',
      group: 'folkmangd',
      title: `${countOf(corrected.length, { one: 'folkmängdsuppgift', other: 'folkmängdsuppgifter' })} rättade för hand`,
      text: 'Uppgifterna avviker från SCB:s och används för avgifter och andelar; skälet står vid varje uppgift och i ändringsloggen.',
      source: 'Kansliets rättelse',
      count: corrected.length,
      place: 'folkmangd',
    },
  ];
}

/** Figures the plan states that the register does not reproduce. */
function planFigures(doc: SambrukDocument): Assumption[] {
  return planFigureComparisons(doc)
    .filter((c) => c.difference !== 0)
    .map((c) => ({
      id: `plan-figure-${c.id}`,
      group: 'planen',
      title: `${c.label} den ${c.date}: ${c.text}`,
      text:
        `${c.note ? `${c.note} ` : ''}Båda visas: planens siffra används aldrig i stället för registrets` +
        (c.subject === 'members' ? ', utom som ingångsvärde för målet om antalet medlemmar.' : '.'),
      source: c.source,
      count: Math.abs(c.difference),
      place: 'oversikt',
    }));
}

/** Goals that hold by construction, and event goals that count only some kinds of meeting. */
function goals(doc: SambrukDocument): Assumption[] {
  const items: Assumption[] = [];
  for (const goal of [...doc.goals].sort((a, b) => a.year - b.year || a.order - b.order)) {
    if (goal.byConstruction !== undefined && goal.byConstruction.trim() !== '') {
      items.push({
        id: `goal-by-construction-${goal.id}`,
        group: 'mal',
        title: `Målet «${goal.title}» (${goal.year}) är uppnått per definition`,
        text: goal.byConstruction,
        source: 'Så som registret byggdes',
        place: 'mal',
      });
    }
    if (goal.metric === 'conferences-held' && goal.eventKinds !== undefined && goal.eventKinds.length < meetingKinds.length) {
      const counted = goal.eventKinds.map((k) => meetingKindLabels[k].toLowerCase());
      const other = meetingKinds.filter((k) => !goal.eventKinds?.includes(k)).map((k) => meetingKindLabels[k].toLowerCase());
      items.push({
        id: `goal-event-kinds-${goal.id}`,
        group: 'mal',
        title: `Målet «${goal.title}» (${goal.year}) räknar bara ${counted.join(' och ')}`,
        text: `Andra slag av evenemang (${other.join(', ')}) räknas inte, och möten efter dagens datum räknas först när de har hållits.`,
        source: 'Läsning av planens mål',
        place: 'mal',
      });
    }
  }
  return items;
}

/** Usages and organisations whose note says they rest on an assumption (start dates, a group's form). */
function notedAssumptions(doc: SambrukDocument): Assumption[] {
  const items: Assumption[] = [];
  const noted = doc.usages.filter((u) => ASSUMPTION_NOTE.test(u.note));
  if (noted.length > 0) {
    const notes = [...new Set(noted.map((u) => u.note.trim()))];
    items.push({
      id: 'usage-notes',
      group: 'tjanster',
      title: `${countOf(noted.length, usages)} har ett antaget startdatum`,
      text: `${notes.slice(0, 2).join(' ')} Det påverkar vilka som räknas som användare före datumet och avgifterna för tjänster.`,
      source: doc.meta.source || 'Anteckningen vid användningen',
      count: noted.length,
      place: 'tjanster',
    });
  }
  const orgs = doc.organisations.filter((o) => !o.archived && ASSUMPTION_NOTE.test(o.note));
  if (orgs.length > 0) {
    items.push({
      id: 'organisation-notes',
      group: 'tjanster',
      title: `${countOf(orgs.length, nouns.organisation)} med antagen form eller roll`,
      text: orgs.map((o) => `${o.name}: ${o.note.trim()}`).join(' '),
      source: doc.meta.source || 'Anteckningen vid organisationen',
      count: orgs.length,
      place: 'organisationer',
    });
  }
  return items;
}

/** Where the register's reference data come from. */
function dataSources(doc: SambrukDocument): DataSource[] {
  const sources: DataSource[] = [];
  if (doc.meta.source) sources.push({ title: 'Underlag', detail: `${doc.meta.source}: medlemmar, tjänster, nätverk, mål, budget och planens uppgifter.` });
  const byDate = new Map<string, { scb: number; imported: number; corrected: number }>();
  for (const p of doc.reference.populations) {
    const entry = byDate.get(p.date) ?? { scb: 0, imported: 0, corrected: 0 };
    if (p.source === 'scb') entry.scb += 1;
    else if (p.source === 'scb-import') entry.imported += 1;
    else entry.corrected += 1;
    byDate.set(p.date, entry);
  }
  const dates = [...byDate.keys()].sort();
  if (dates.length > 0) {
    const parts = dates.map((d) => {
      const e = byDate.get(d) as { scb: number; imported: number; corrected: number };
      const total = e.scb + e.imported + e.corrected;
      const extra = [e.imported > 0 ? `${count.format(e.imported)} inlästa` : '', e.corrected > 0 ? `${count.format(e.corrected)} rättade` : ''].filter((s) => s !== '');
      return `${d} (${countOf(total, nouns.kommun)}${extra.length > 0 ? `, varav ${extra.join(', ')}` : ''})`;
    });
    sources.push({ title: 'Kommunernas folkmängd (SCB)', detail: `Folkmängd 31 december: ${parts.join('; ')}.` });
  }
  const sweden = [...doc.reference.swedenPopulation].sort((a, b) => a.date.localeCompare(b.date));
  if (sweden.length > 0) {
    sources.push({ title: 'Rikets folkmängd (SCB)', detail: sweden.map((s) => `${s.date}: ${count.format(s.population)}`).join('; ') + '.' });
  }
  return sources;
}

/**
 * Billing details and the association's payment details that are examples (the default data's, issue 17): an
 * invoice must not go out with them, so they are listed until the secretariat has entered the real ones.
 */
function exampleBilling(doc: SambrukDocument): Assumption[] {
  const billing = doc.invoicing.billing.filter((b) => b.example).length;
  const settings = doc.invoicing.settings.some((s) => s.example);
  if (billing === 0 && !settings) return [];
  const parts = [
    ...(settings ? ['föreningens egna uppgifter på fakturorna (organisationsnummer, momsnummer, bankgiro, IBAN)'] : []),
    ...(billing > 0 ? [`faktureringsuppgifterna för ${countOf(billing, { one: 'organisation', other: 'organisationer' })}`] : []),
  ];
  return [
    {
      id: 'example-billing',
      group: 'avgifter',
      title: 'Faktureringsuppgifterna är exempel',
      text:
        `Exempel, inte riktiga uppgifter: ${parts.join(' och ')}. De finns för att faktureringen ska gå att prova; ` +
        'bankgiro och IBAN är exempelnummer ur bankernas dokumentation och inga riktiga konton. ' +
        'De gäller tills kansliet för in de riktiga uppgifterna under Fakturering eller importerar dem.',
      source: 'Standarddata: påhittade exempel, märkta som exempel',
      ...(billing > 0 ? { count: billing } : {}),
      place: 'organisationer',
    },
  ];
}

/**
 * The register's assumptions at `today`, grouped in the order of `assumptionGroups`; `throughYear` extends the
 * fee years looked at (a workbook for a coming year).
 */
/**
 * The assumptions behind a board pack's figures are those of the report's groups `folkmangd`, `medlemmar` and
 * `mal`, in its order: the register's (these two functions' first) and the goals' own (the second), apart so that
 * a goal edit works out only the goals' again.
 */
export function registerAssumptionsForPack(doc: SambrukDocument, today: string): Assumption[] {
  return [...populationYears(doc, today, yearOf(today)), ...correctedPopulations(doc), ...unknownJoinDates(doc)];
}

export function goalAssumptions(doc: SambrukDocument): Assumption[] {
  return goals(doc);
}

export function assumptionsReport(doc: SambrukDocument, today: string, options: { throughYear?: number } = {}): AssumptionsReport {
  const items = [
    ...populationYears(doc, today, options.throughYear ?? yearOf(today)),
    ...correctedPopulations(doc),
    ...unknownJoinDates(doc),
    ...feePopulationRule(doc, today),
    ...groupRule(doc, today),
    ...planFigures(doc),
    ...goals(doc),
    ...notedAssumptions(doc),
    ...exampleBilling(doc),
  ];
  return { date: today, items, sources: dataSources(doc) };
}
