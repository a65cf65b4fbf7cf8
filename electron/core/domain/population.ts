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
  for (const org of doc.organisations) {
    if (!ids.has(org.id)) continue;
    if (org.municipalityCode) {
      if (seenMunicipalities.has(org.municipalityCode)) continue;
      seenMunicipalities.add(org.municipalityCode);
      total += popMap.get(org.municipalityCode) ?? 0;
    }
  }
  return total;
}
