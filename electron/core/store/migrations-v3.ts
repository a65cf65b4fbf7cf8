/**
 * The 2 -> 3 migration, kept as a list of small steps so that each schema change of version 3 carries its own
 * reason. Every step takes the whole document and returns it with its part brought up to version 3; steps must not
 * depend on one another's order.
 */
type Step = (doc: Record<string, unknown>) => Record<string, unknown>;

const steps: readonly Step[] = [
  // One entry per schema change of version 3, each with a comment saying why.
  // Populations by year: a municipality's single figure moves into the dated `reference.populations`, and each
  // fee table states its population date (the year before) and its group rule, unconfirmed.
  populationsByYear,
];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function populationsByYear(doc: Record<string, unknown>): Record<string, unknown> {
  let next = doc;
  const reference = doc.reference;
  if (isObject(reference) && Array.isArray(reference.municipalities)) {
    const populations: unknown[] = Array.isArray(reference.populations) ? [...(reference.populations as unknown[])] : [];
    const municipalities = reference.municipalities.map((m: unknown) => {
      if (!isObject(m)) return m;
      const { population, populationDate, ...rest } = m;
      if (typeof population === 'number' && typeof populationDate === 'string' && typeof m.code === 'string') {
        populations.push({ code: m.code, date: populationDate, population, source: 'scb' });
      }
      return rest;
    });
    next = { ...next, reference: { ...reference, municipalities, populations } };
  }
  if (Array.isArray(doc.feeTables)) {
    next = {
      ...next,
      feeTables: doc.feeTables.map((t: unknown) =>
        isObject(t)
          ? {
              ...t,
              populationYearOffset: t.populationYearOffset ?? -1,
              groupRule: t.groupRule ?? { basis: 'combined-population', status: 'att-bekrafta', decision: '' },
            }
          : t,
      ),
    };
  }
  return next;
}

export function toVersion3(doc: Record<string, unknown>): Record<string, unknown> {
  return steps.reduce((current, step) => step(current), doc);
}
