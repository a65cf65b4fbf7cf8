/**
 * The 2 -> 3 migration, kept as a list of small steps so that each schema change of version 3 carries its own
 * reason. Every step takes the whole document and returns it with its part brought up to version 3; steps must not
 * depend on one another's order.
 */
type Step = (doc: Record<string, unknown>) => Record<string, unknown>;

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
  // Issue 16: each conference goal says which meeting kinds it counts (the plan's goal 7: conferences only).
  eventGoalKinds,
];

export function toVersion3(doc: Record<string, unknown>): Record<string, unknown> {
  return steps.reduce((current, step) => step(current), doc);
}
