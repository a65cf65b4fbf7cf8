/**
 * The 2 -> 3 migration, kept as a list of small steps so that each schema change of version 3 carries its own
 * reason. Every step takes the whole document and returns it with its part brought up to version 3; steps must not
 * depend on one another's order.
 */
type Step = (doc: Record<string, unknown>) => Record<string, unknown>;

/** The note version 2's default data put on every membership whose 2021-01-01 start it had invented. */
export const V2_ASSUMED_JOIN_NOTE = 'Medlem enligt Verksamhetsplan 2022 (användare av en tjänst). Inträdesdatum okänt: 2021-01-01 är ett antagande.';

/** What such a period becomes: a member since before 2022-01-01, the date the plan's member list describes. */
export const PLAN_MEMBERS_BEFORE = '2022-01-01';
export const PLAN_MEMBERS_NOTE = `Medlem enligt Verksamhetsplan 2022 (användare av en tjänst). Inträdesdatum okänt: medlem sedan före ${PLAN_MEMBERS_BEFORE}.`;

/**
 * Memberships may start «före» a date (`startKnown: 'before'`). The periods whose 2021-01-01 start the default
 * data invented (recognised by that data's own note, so no period a user entered is touched) become what the
 * plan says: members since before 2022-01-01, so no entry fee or part-year fee is charged for an invented join.
 */
function unknownJoinDates(doc: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(doc.memberships)) return doc;
  const memberships = doc.memberships.map((m: unknown) => {
    if (!isObject(m) || m.joined !== '2021-01-01' || m.note !== V2_ASSUMED_JOIN_NOTE || 'startKnown' in m) return m;
    if (typeof m.left === 'string' && m.left < PLAN_MEMBERS_BEFORE) return m;
    return { ...m, joined: PLAN_MEMBERS_BEFORE, startKnown: 'before', note: PLAN_MEMBERS_NOTE };
  });
  return { ...doc, memberships };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Goals now name the meeting kinds they count; a stored conference goal counted conferences and webinars as one,
 * where the plan's goal counts conferences (webinars present the services, a separate aim), so it says so.
 */
function eventGoalKinds(doc: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(doc.goals)) return doc;
  const goals = doc.goals.map((goal: unknown) => {
    if (typeof goal !== 'object' || goal === null) return goal;
    const g = goal as Record<string, unknown>;
    return g.metric === 'conferences-held' && g.eventKinds === undefined ? { ...g, eventKinds: ['konferens'] } : g;
  });
  return { ...doc, goals };
}

const steps: readonly Step[] = [
  // One entry per schema change of version 3, each with a comment saying why.
  // Join dates the default data invented become «före 2022-01-01» (issue 16, point 2).
  unknownJoinDates,
  // Saved selections (issue 18) are a new list; a version 2 register has none.
  (doc) => (Array.isArray(doc.selections) ? doc : { ...doc, selections: [] }),
  // Populations by year: a municipality's single figure moves into the dated `reference.populations`, and each
  // fee table states its population date (the year before) and its group rule, unconfirmed.
  populationsByYear,
  // Issue 16: each conference goal says which meeting kinds it counts (the plan's goal 7: conferences only).
  eventGoalKinds,
];


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
