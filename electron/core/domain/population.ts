/**
 * Populations by reference date. The register holds each municipality's count per 31 December
 * (`reference.populations`) and Sweden's total per date (`reference.swedenPopulation`). Every figure is
 * looked up for the date it is needed at:
 * - **a municipality at a date** is the figure of that date; where it is missing, the figure of the nearest
 *   known date (the later one on a tie, being the newer count), and the answer says which date was wanted;
 * - **a share of Sweden** divides municipal figures by Sweden's total of the same date (`shareBasisDate`),
 *   never one year's municipalities by another year's total.
 */
import type { Organisation, PopulationFigure, Reference, SambrukDocument } from '../store/schema';
import { dayNumber, lastDayOfYear, yearOf } from '../../contract/rules/calendar-date';

/** A municipality's population as looked up for `wantedDate`. */
export type PopulationAt = {
  population: number;
  /** The reference date of the figure used. */
  date: string;
  /** The date asked for; equal to `date` unless that figure is missing. */
  wantedDate: string;
  source: PopulationFigure['source'];
  sourceNote?: string;
};

export type PopulationIndex = {
  /** Figures per municipality code, by date ascending. */
  byCode: ReadonlyMap<string, readonly PopulationFigure[]>;
  /** Figures by `code date`, for the common exact look-up. */
  exact: ReadonlyMap<string, PopulationFigure>;
  /** Every reference date with at least one municipal figure, ascending. */
  dates: readonly string[];
};

const indexCache = new WeakMap<readonly PopulationFigure[], PopulationIndex>();

export function populationIndex(reference: Pick<Reference, 'populations'>): PopulationIndex {
  const figures = reference.populations;
  const cached = indexCache.get(figures);
  if (cached) return cached;
  const byCode = new Map<string, PopulationFigure[]>();
  const exact = new Map<string, PopulationFigure>();
  const dates = new Set<string>();
  for (const f of figures) {
    dates.add(f.date);
    exact.set(`${f.code} ${f.date}`, f);
    const list = byCode.get(f.code);
    if (list) list.push(f);
    else byCode.set(f.code, [f]);
  }
  for (const list of byCode.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  const index: PopulationIndex = { byCode, exact, dates: [...dates].sort() };
  indexCache.set(figures, index);
  return index;
}

function dayDistance(a: string, b: string): number {
  return Math.abs(dayNumber(a) - dayNumber(b));
}

/** The figure for `code` at `date`, or the nearest known one; undefined when the municipality has none. */
export function municipalityPopulationAt(index: PopulationIndex, code: string, date: string): PopulationAt | undefined {
  let f = index.exact.get(`${code} ${date}`);
  if (!f) {
    const list = index.byCode.get(code);
    if (!list || list.length === 0) return undefined;
    // Ascending order and `<=` make the later of two equally near figures win.
    for (const candidate of list) if (!f || dayDistance(candidate.date, date) <= dayDistance(f.date, date)) f = candidate;
    if (!f) return undefined;
  }
  return { population: f.population, date: f.date, wantedDate: date, source: f.source, ...(f.sourceNote !== undefined ? { sourceNote: f.sourceNote } : {}) };
}

/** The newest figure known for `code` (what the organisation page shows). */
export function latestMunicipalityPopulation(index: PopulationIndex, code: string): PopulationAt | undefined {
  const list = index.byCode.get(code);
  const last = list?.[list.length - 1];
  return last ? municipalityPopulationAt(index, code, last.date) : undefined;
}

/** The reference date that decides a fee year under a table's offset: 31 December of `year + offset`. */
export function feePopulationDate(year: number, populationYearOffset: number): string {
  return lastDayOfYear(year + populationYearOffset);
}

/** «folkmängd 2024-12-31; 2021 saknas» when the wanted year is missing, «folkmängd 2021-12-31» otherwise. */
export function populationDateText(at: Pick<PopulationAt, 'date' | 'wantedDate'>): string {
  return at.date === at.wantedDate ? `folkmängd ${at.date}` : `folkmängd ${at.date}; ${yearOf(at.wantedDate)} saknas`;
}

/**
 * «rättad: <reason>» for a corrected figure, undefined for SCB's own: a fee or a charge that rests on a
 * corrected count says so wherever it names the count's date.
 */
export function correctionText(at: Pick<PopulationAt, 'source' | 'sourceNote'>): string | undefined {
  if (at.source !== 'rattad') return undefined;
  const reason = at.sourceNote?.trim();
  return reason ? `rättad: ${reason}` : 'rättad';
}

/** The date text of one municipality's figure with its correction: «folkmängd 2021-12-31, rättad: <reason>». */
export function populationBasisText(at: PopulationAt): string {
  const corrected = correctionText(at);
  return corrected ? `${populationDateText(at)}, ${corrected}` : populationDateText(at);
}

/** Population of an organisation: the reference figure for a municipality, the stored figure otherwise. */
export function populationOf(org: Organisation, municipalityPopulation: ReadonlyMap<string, number>): number {
  if (org.municipalityCode) return municipalityPopulation.get(org.municipalityCode) ?? 0;
  return org.population ?? 0;
}

const atDateCache = new WeakMap<PopulationIndex, Map<string, ReadonlyMap<string, number>>>();

/** Every municipality's population at `date` (nearest known figure where missing), worked out once per index and date. */
function populationsAt(index: PopulationIndex, date: string): ReadonlyMap<string, number> {
  let byDate = atDateCache.get(index);
  if (!byDate) {
    byDate = new Map();
    atDateCache.set(index, byDate);
  }
  let map = byDate.get(date);
  if (!map) {
    const built = new Map<string, number>();
    for (const code of index.byCode.keys()) {
      const at = municipalityPopulationAt(index, code, date);
      if (at) built.set(code, at.population);
    }
    map = built;
    byDate.set(date, map);
  }
  return map;
}

/** Every municipality's population at `date` (nearest known figure where that date is missing). */
export function municipalityPopulationMap(doc: Pick<SambrukDocument, 'reference'>, date: string): ReadonlyMap<string, number> {
  return populationsAt(populationIndex(doc.reference), date);
}

/**
 * The reference date shares at `date` use: the latest date on or before it that has both Sweden's total and
 * municipal figures (or, before any, the earliest such date). Undefined when no date has both.
 */
export function shareBasisDate(doc: Pick<SambrukDocument, 'reference'>, date: string): string | undefined {
  const municipal = new Set(populationIndex(doc.reference).dates);
  const both = doc.reference.swedenPopulation.map((p) => p.date).filter((d) => municipal.has(d)).sort();
  let best = both[0];
  for (const d of both) if (d <= date) best = d;
  return best;
}

/**
 * Sweden's population for shares at `date`: the total of `shareBasisDate`, or, without municipal figures of
 * any such date, the latest total on or before `date` (the earliest known before all).
 */
export function swedenPopulationAt(doc: Pick<SambrukDocument, 'reference'>, date: string) {
  const basis = shareBasisDate(doc, date);
  if (basis) return doc.reference.swedenPopulation.find((p) => p.date === basis);
  const sorted = [...doc.reference.swedenPopulation].sort((a, b) => a.date.localeCompare(b.date));
  let best = sorted[0];
  for (const entry of sorted) if (entry.date <= date) best = entry;
  return best;
}

/**
 * Population represented by a set of organisations at the reference date `populationDate`: the municipalities
 * among them, each counted once. Regions and groups add nothing of their own, since their inhabitants live in
 * municipalities already counted (a group's municipalities are in the set through `memberIdsAt`).
 */
export function populationCovered(
  doc: Pick<SambrukDocument, 'organisations' | 'reference'>,
  ids: ReadonlySet<string>,
  populationDate: string,
): number {
  const atDate = populationsAt(populationIndex(doc.reference), populationDate);
  const seenMunicipalities = new Set<string>();
  let total = 0;
  // Walks the set, not the register: a service's users are a few of thousands of organisations.
  const byId = organisationsById(doc.organisations);
  for (const id of ids) {
    const org = byId.get(id);
    if (org?.municipalityCode) {
      if (seenMunicipalities.has(org.municipalityCode)) continue;
      seenMunicipalities.add(org.municipalityCode);
      total += atDate.get(org.municipalityCode) ?? 0;
    }
  }
  return total;
}

/** The date shares at `date` count municipal populations at: the share basis, else `date`'s latest year end. */
export function coverageDate(doc: Pick<SambrukDocument, 'reference'>, date: string): string {
  return shareBasisDate(doc, date) ?? swedenPopulationAt(doc, date)?.date ?? date;
}

const byIdMemo = new WeakMap<readonly Organisation[], ReadonlyMap<string, Organisation>>();

/** Organisations by id, made once per organisations array (the repository replaces it on every change to it). */
function organisationsById(organisations: readonly Organisation[]): ReadonlyMap<string, Organisation> {
  // Only a frozen array (the repository's states) can be remembered: a plain one may change in place.
  if (!Object.isFrozen(organisations)) return new Map(organisations.map((o) => [o.id, o]));
  let map = byIdMemo.get(organisations);
  if (!map) {
    map = new Map(organisations.map((o) => [o.id, o]));
    byIdMemo.set(organisations, map);
  }
  return map;
}
