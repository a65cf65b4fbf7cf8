/**
 * Membership fees (medlemsavgifter) computed from the fee table in force and the membership periods.
 *
 * The rules, as decided by the general meeting and read here:
 * - **Table.** A fee table applies from its `year` until a table with a later year (`feeTableFor`).
 * - **Band.** A municipality's band is the highest band whose `minPopulation` is at or below its population,
 *   so band edges belong to the band above: with edges 7 000 and 15 000, a population of exactly 7 000 pays
 *   the 7 000–14 999 fee and 15 000 the next one.
 * - **Population date.** The table states which count decides a fee year: 31 December of the fee year plus
 *   `populationYearOffset` (−1 by default, the year before). Where the register lacks that date for a
 *   municipality, the nearest known count is used and the explanation says so («folkmängd 2024-12-31;
 *   2021 saknas»). Every explanation names the date used.
 * - **Who pays.** An organisation pays for a year when one of its *own* periods covers at least one day of
 *   it. Municipalities (and a region with a municipality code, Gotland) pay by band; regions and other
 *   bodies pay `otherOrganisations`.
 * - **Groups** (kommunalförbund, gemensam nämnd) that join as one are invoiced once, as the member, under the
 *   table's `groupRule`: by band on the combined population of the municipalities they list (each counted
 *   once), or as `otherOrganisations`. While the rule is «att bekräfta» every group's row is flagged
 *   (`groupRuleUnconfirmed`). Those municipalities are members through the group and pay nothing for it; a
 *   municipality that is also a member on its own pays its own fee as well. A group that lists no
 *   municipality in the register (none, or only removed ones) has no population to band and pays
 *   `otherOrganisations`.
 * - **First year.** A member joining in the year pays the yearly fee from the month after the joining month:
 *   (12 − joining month)/12 of it, whatever the day (joining in January gives 11/12, in December 0/12).
 *   A period known only to start «före» a date (`startKnown: 'before'`) has no joining month: full yearly fee.
 *   Leaving does not reduce the year's fee: the rules prorate only the first year.
 * - **Entry fee** (medlemsinsats) for every period that starts in the year: the ordinary one for the first
 *   period, `rejoinEntryFeePercent` of it for a later period (a re-join; an earlier membership through a
 *   group does not count, since the municipality paid no entry fee then). A «före» period starts in no year,
 *   so it never gives an entry fee.
 * - **Rounding.** Prorated and percentage amounts are rounded to whole kronor, half a krona up, each amount
 *   on its own before they are added.
 */
import type { FeeTable, Membership, Organisation, SambrukDocument } from '../store/schema';
import { AppError } from '../../contract/result';
import { formatOre } from './amounts';
import { firstDayOfYear, lastDayOfYear, monthsChargedAfterJoining, partOfYear, yearOf } from '../../contract/rules/calendar-date';
import { membershipIndex, periodStart } from './memberships';
import { correctionText, feePopulationDate, municipalityPopulationAt, populationDateText } from './population';
import { isGroupKind, organisationFacts, organisationKindLabels, referenceMaps, type ReferenceMaps } from './organisations';
import { compareSv, countOf, nouns } from './swedish';
import type { BandChoice, EntryFee, FeeBasis, FeeRow, MembershipFees } from '../../contract/model/members';

export type { BandChoice, FeeRow, MembershipFees } from '../../contract/model/members';

const integerFormat = new Intl.NumberFormat('sv-SE');
const formatCount = (n: number) => integerFormat.format(n);

export { feeTableIssues } from '../../contract/rules/fee-table';

// ---------------------------------------------------------------- tables

/** The table in force for `year`: the one with the latest `year` at or before it; undefined before the first. */
export function feeTableFor(tables: readonly FeeTable[], year: number): FeeTable | undefined {
  let best: FeeTable | undefined;
  for (const table of tables) if (table.year <= year && (!best || table.year > best.year)) best = table;
  return best;
}

/** Bands in ascending order of `minPopulation`. */
export function sortedBands(table: FeeTable): FeeTable['bands'] {
  return [...table.bands].sort((a, b) => a.minPopulation - b.minPopulation);
}

const bandCache = new WeakMap<FeeTable, BandChoice[]>();

/** The table's bands in ascending order with their upper bounds and labels, worked out once per table. */
export function bandChoices(table: FeeTable): BandChoice[] {
  const cached = bandCache.get(table);
  if (cached) return cached;
  const bands = sortedBands(table);
  const choices = bands.map((band, index) => {
    const next = bands[index + 1];
    return {
      index,
      minPopulation: band.minPopulation,
      ...(next ? { maxPopulation: next.minPopulation - 1 } : {}),
      entryFeeOre: band.entryFeeOre,
      yearlyFeeOre: band.yearlyFeeOre,
      label: bandLabel(band.minPopulation, next?.minPopulation),
    };
  });
  bandCache.set(table, choices);
  return choices;
}

/** The band for a population: the highest band whose `minPopulation` ≤ population (edges belong to the band above). */
export function bandFor(table: FeeTable, population: number): BandChoice {
  const choices = bandChoices(table);
  let found = choices[0];
  for (const choice of choices) if (choice.minPopulation <= population) found = choice;
  if (!found) throw new AppError('validation', 'Avgiftstabellen saknar avgiftsklasser.');
  return found;
}

/** `under 7 000 invånare`, `7 000–14 999 invånare`, `150 000 invånare och fler`. */
export function bandLabel(minPopulation: number, nextMin: number | undefined): string {
  if (nextMin === undefined) return `${formatCount(minPopulation)} invånare och fler`;
  if (minPopulation === 0) return `under ${formatCount(nextMin)} invånare`;
  return `${formatCount(minPopulation)}–${formatCount(nextMin - 1)} invånare`;
}

// ---------------------------------------------------------------- one organisation

/** Rounds öre to whole kronor, half a krona up. */
export function roundToKronor(ore: number): number {
  return Math.round(ore / 100) * 100;
}

export type FeeDoc = Pick<SambrukDocument, 'organisations' | 'memberships' | 'reference' | 'feeTables'>;

type FeeContext = {
  refs: ReferenceMaps;
  orgsById: ReadonlyMap<string, Organisation>;
  periodsOf: (id: string) => readonly Membership[];
};

function feeContext(doc: Pick<SambrukDocument, 'organisations' | 'memberships' | 'reference'>): FeeContext {
  const index = membershipIndex(doc);
  return { refs: referenceMaps(doc), orgsById: new Map(doc.organisations.map((o) => [o.id, o])), periodsOf: index.periodsOf };
}

/** The fee of one organisation for `year` under `table`, or undefined when no own period touches the year. */
function computeFee(ctx: FeeContext, table: FeeTable, org: Organisation, year: number, explain = true): FeeRow | undefined {
  const first = firstDayOfYear(year);
  const last = lastDayOfYear(year);
  const periods = ctx.periodsOf(org.id);
  const inYear = periods.filter((p) => periodStart(p) <= last && (p.left === undefined || p.left >= first));
  if (inYear.length === 0) return undefined;

  const explanation: string[] = [];
  // Formatting the sentences costs more than the arithmetic; the member list only needs the totals.
  const say = (line: () => string) => {
    if (explain) explanation.push(line());
  };
  const wantedDate = feePopulationDate(year, table.populationYearOffset);
  const facts = organisationFacts(ctx.refs, org, ctx.orgsById, wantedDate);
  // Only listed organisations still in the register count: a group listing none of them has no population to band.
  const listed = isGroupKind(org.kind) ? groupMembers(ctx, org) : [];
  const isGroup = listed.length > 0;
  const rule = table.groupRule;
  const basis: FeeBasis = org.municipalityCode ? 'band' : isGroup && rule.basis === 'combined-population' ? 'grupp' : 'ovrig';
  const population = basis === 'ovrig' ? undefined : facts.population;
  const band = population === undefined ? undefined : bandFor(table, population);
  const yearlyFeeOre = band ? band.yearlyFeeOre : table.otherOrganisations.yearlyFeeOre;
  const ordinaryEntryOre = band ? band.entryFeeOre : table.otherOrganisations.entryFeeOre;
  const dates = basis === 'band' ? populationDatesOf(ctx, [org], wantedDate) : basis === 'grupp' ? populationDatesOf(ctx, listed, wantedDate) : undefined;
  const groupRuleUnconfirmed = isGroup && rule.status === 'att-bekrafta';
  const ruleText = () =>
    groupRuleUnconfirmed
      ? ' Regeln för gruppers avgift är inte beslutad (att bekräfta).'
      : isGroup
        ? ` Regeln för gruppers avgift enligt beslut: ${rule.decision}.`
        : '';
  if (basis === 'band' && band) {
    say(() => `${formatCount(facts.population)} invånare (${dates?.text ?? 'folkmängd saknas'}): avgiftsklass ${band.label}, årsavgift ${formatOre(yearlyFeeOre)}.`);
  } else if (basis === 'grupp' && band) {
    say(
      () =>
        `${organisationKindLabels[org.kind]} som är medlem som grupp: gruppens ${countOf(listed.length, nouns.kommun)} har tillsammans ${formatCount(facts.population)} invånare (${dates?.text ?? 'folkmängd saknas'}), avgiftsklass ${band.label}, årsavgift ${formatOre(yearlyFeeOre)}. Kommunerna betalar ingen egen avgift för gruppens medlemskap.${ruleText()}`,
    );
  } else if (isGroup) {
    say(() => `${organisationKindLabels[org.kind]} som är medlem som grupp, avgift som övrig organisation: årsavgift ${formatOre(yearlyFeeOre)}.${ruleText()}`);
  } else {
    say(() => `Övrig organisation (${organisationKindLabels[org.kind].toLocaleLowerCase('sv-SE')}): årsavgift ${formatOre(yearlyFeeOre)}.`);
  }
  say(() => `Avgiftstabell från ${table.year}; folkmängden ${wantedDate} avgör avgiften för ${year}.`);

  let months = 12;
  let chargedYearlyFeeOre = yearlyFeeOre;
  const memberBefore = inYear.some((p) => periodStart(p) < first);
  const undatedSince = inYear.find((p) => p.startKnown === 'before');
  if (!memberBefore) {
    const firstJoined = inYear.reduce((min, p) => (p.joined < min ? p.joined : min), last);
    months = monthsChargedAfterJoining(firstJoined);
    chargedYearlyFeeOre = roundToKronor(partOfYear(yearlyFeeOre, months));
    say(
      () =>
        `Inträde ${firstJoined}: årsavgiften räknas från månaden efter inträdet, ${months}/12 av ${formatOre(yearlyFeeOre)} = ${formatOre(chargedYearlyFeeOre)} (avrundat till hela kronor).`,
    );
  } else if (undatedSince) {
    say(() => `Medlem sedan före ${undatedSince.joined} (inträdesdatum okänt): hel årsavgift ${formatOre(yearlyFeeOre)}, ingen medlemsinsats.`);
  } else {
    say(() => `Medlem sedan före ${year}: hel årsavgift ${formatOre(yearlyFeeOre)}.`);
  }

  const entryFees: EntryFee[] = [];
  for (const p of inYear) {
    if (periodStart(p) < first) continue;
    const rejoin = periods.some((other) => other.id !== p.id && periodStart(other) < p.joined);
    const chargedOre = rejoin ? roundToKronor((ordinaryEntryOre * table.rejoinEntryFeePercent) / 100) : ordinaryEntryOre;
    entryFees.push({ periodId: p.id, joined: p.joined, rejoin, ordinaryOre: ordinaryEntryOre, chargedOre });
    say(() =>
      rejoin
        ? `Återinträde ${p.joined}: medlemsinsats ${table.rejoinEntryFeePercent} % av ${formatOre(ordinaryEntryOre)} = ${formatOre(chargedOre)}.`
        : `Medlemsinsats (inträdesavgift) vid inträdet ${p.joined}: ${formatOre(chargedOre)}.`,
    );
  }
  const entryFeeOre = entryFees.reduce((sum, e) => sum + e.chargedOre, 0);
  const totalOre = chargedYearlyFeeOre + entryFeeOre;
  say(() => `Att betala för ${year}: ${formatOre(totalOre)}.`);

  return {
    organisationId: org.id,
    name: org.name,
    kind: org.kind,
    kindLabel: organisationKindLabels[org.kind],
    ...(org.orgNumber ? { orgNumber: org.orgNumber } : {}),
    year,
    tableYear: table.year,
    basis,
    ...(population !== undefined ? { population } : {}),
    populationWantedDate: wantedDate,
    ...(dates ? { populationDates: dates.used, populationText: dates.text } : {}),
    ...(isGroup ? { groupRuleUnconfirmed } : {}),
    ...(band ? { band } : {}),
    yearlyFeeOre,
    months,
    chargedYearlyFeeOre,
    entryFees,
    entryFeeOre,
    totalOre,
    explanation,
  };
}

/** The organisations a group lists that are in the register, each once. */
function groupMembers(ctx: FeeContext, group: Organisation): Organisation[] {
  return [...new Set(group.groupMemberIds)].flatMap((memberId) => {
    const member = ctx.orgsById.get(memberId);
    return member ? [member] : [];
  });
}

/**
 * The reference dates the municipalities among `orgs` were counted at for `wantedDate`, and the text naming
 * them: «folkmängd 2021-12-31», or «folkmängd 2024-12-31; 2021 saknas» where the wanted count is missing. A
 * corrected figure is named with its reason: «…, rättad: <reason>» for one municipality, «…; rättad för
 * <kommun>: <reason>» among a group's.
 */
function populationDatesOf(ctx: FeeContext, orgs: readonly Organisation[], wantedDate: string): { used: string[]; text: string } {
  const used = new Set<string>();
  const corrections: { name: string; text: string }[] = [];
  for (const o of orgs) {
    if (!o.municipalityCode) continue;
    const at = municipalityPopulationAt(ctx.refs.populations, o.municipalityCode, wantedDate);
    if (!at) continue;
    used.add(at.date);
    const corrected = correctionText(at);
    if (corrected) corrections.push({ name: o.name, text: corrected });
  }
  const sorted = [...used].sort();
  if (sorted.length === 0) return { used: sorted, text: `folkmängd ${wantedDate} saknas` };
  const other = sorted.filter((d) => d !== wantedDate);
  const dates = other.length === 0 ? populationDateText({ date: wantedDate, wantedDate }) : `folkmängd ${other.join(', ')}; ${yearOf(wantedDate)} saknas`;
  if (corrections.length === 0) return { used: sorted, text: dates };
  if (orgs.length === 1) return { used: sorted, text: `${dates}, ${corrections.map((c) => c.text).join('')}` };
  return { used: sorted, text: [dates, ...corrections.map((c) => c.text.replace(/^rättad/, `rättad för ${c.name}`))].join('; ') };
}

/** The fee of one organisation for `year`, or undefined when it pays none (not a member on its own, or no table). */
export function feeForOrganisation(doc: FeeDoc, organisationId: string, year: number): FeeRow | undefined {
  const table = feeTableFor(doc.feeTables, year);
  const org = doc.organisations.find((o) => o.id === organisationId);
  if (!table || !org) return undefined;
  return computeFee(feeContext(doc), table, org, year);
}

/**
 * Every organisation's membership fee for `year`, by name (Swedish collation), with the totals in öre.
 * The invoice basis for the accountant and the budget's "Medlemsavgifter". Throws `not-found` when no fee
 * table applies to the year. `explain: false` leaves each row's `explanation` empty (see `feesByOrganisation`).
 */
export function membershipFeesForYear(doc: FeeDoc, year: number, options: { explain?: boolean } = {}): MembershipFees {
  const table = feeTableFor(doc.feeTables, year);
  if (!table) {
    throw new AppError('not-found', `Det finns ingen avgiftstabell för ${year} eller tidigare år. Lägg in avgiftstabellen först.`, { field: 'year' });
  }
  const rows = [...feesByOrganisation(doc, year, options).values()].sort((a, b) => compareSv(a.name, b.name));
  const yearlyOre = rows.reduce((sum, r) => sum + r.chargedYearlyFeeOre, 0);
  const entryOre = rows.reduce((sum, r) => sum + r.entryFeeOre, 0);
  return { year, tableYear: table.year, rows, totalOre: yearlyOre + entryOre, yearlyOre, entryOre };
}

/**
 * Fees of every paying organisation for `year`, keyed by organisation id; empty when no table applies.
 * `explain: false` leaves `explanation` empty, for lists that show only the amounts.
 */
export function feesByOrganisation(doc: FeeDoc, year: number, options: { explain?: boolean } = {}): Map<string, FeeRow> {
  const table = feeTableFor(doc.feeTables, year);
  const result = new Map<string, FeeRow>();
  if (!table) return result;
  const ctx = feeContext(doc);
  for (const org of doc.organisations) {
    const row = computeFee(ctx, table, org, year, options.explain ?? true);
    if (row) result.set(org.id, row);
  }
  return result;
}
