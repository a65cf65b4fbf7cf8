/** The Ekonomiunderlag form on the Data screen. */

/** A year as typed: four digits between 1990 and 2199 (what the core accepts), else undefined. */
export function parseYear(text: string): number | undefined {
  const value = text.trim();
  if (!/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= 1990 && year <= 2199 ? year : undefined;
}
