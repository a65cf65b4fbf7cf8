/**
 * The 2 -> 3 migration, kept as a list of small steps so that each schema change of version 3 carries its own
 * reason. Every step takes the whole document and returns it with its part brought up to version 3; steps must not
 * depend on one another's order.
 */
type Step = (doc: Record<string, unknown>) => Record<string, unknown>;

const steps: readonly Step[] = [
  // One entry per schema change of version 3, each with a comment saying why.
  // Saved selections (issue 18) are a new list; a version 2 register has none.
  (doc) => (Array.isArray(doc.selections) ? doc : { ...doc, selections: [] }),
];

export function toVersion3(doc: Record<string, unknown>): Record<string, unknown> {
  return steps.reduce((current, step) => step(current), doc);
}
