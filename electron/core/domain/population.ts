import type { Organisation, SambrukDocument } from '../store/schema';

/** Population of an organisation: the reference figure for a municipality, the stored figure otherwise. */
export function populationOf(org: Organisation, municipalityPopulation: ReadonlyMap<string, number>): number {
  if (org.municipalityCode) return municipalityPopulation.get(org.municipalityCode) ?? 0;
  return org.population ?? 0;
}

export function municipalityPopulationMap(doc: Pick<SambrukDocument, 'reference'>): Map<string, number> {
  return new Map(doc.reference.municipalities.map((m) => [m.code, m.population]));
}

/** Sweden's population at the latest reference date on or before `date` (or the earliest known). */
export function swedenPopulationAt(doc: Pick<SambrukDocument, 'reference'>, date: string) {
  const sorted = [...doc.reference.swedenPopulation].sort((a, b) => a.date.localeCompare(b.date));
  let best = sorted[0];
  for (const entry of sorted) if (entry.date <= date) best = entry;
  return best;
}

/**
 * Population represented by a set of organisations: the municipalities among them, each counted once.
 * Regions and groups add nothing of their own, since their inhabitants live in municipalities already
 * counted (a group's municipalities are in the set through `memberIdsAt`).
 */
export function populationCovered(doc: Pick<SambrukDocument, 'organisations' | 'reference'>, ids: ReadonlySet<string>): number {
  const popMap = municipalityPopulationMap(doc);
  const seenMunicipalities = new Set<string>();
  let total = 0;
  // Walks the set, not the register: a service's users are a few of thousands of organisations.
  const byId = organisationsById(doc.organisations);
  for (const id of ids) {
    const org = byId.get(id);
    if (org?.municipalityCode) {
      if (seenMunicipalities.has(org.municipalityCode)) continue;
      seenMunicipalities.add(org.municipalityCode);
      total += popMap.get(org.municipalityCode) ?? 0;
    }
  }
  return total;
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
