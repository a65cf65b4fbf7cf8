/**
 * The committed JSON's exact bytes: two-space indentation, object keys sorted (code-unit order, so no
 * locale can reorder them), arrays in their built order, a trailing newline.
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export function serialiseDefaultData(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}
