/** Dates typed into the Tjänster screen's date fields. */

/** Whether `value` is a calendar date `YYYY-MM-DD` between 1900 and 2199 (the core's range). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * The date a field stands for: what was typed if it is a real date, else `fallback` (today), so figures keep
 * showing while the user is halfway through typing. `error` says whether to mark the field.
 */
export function effectiveDate(typed: string | null, fallback: string): { date: string; error: boolean } {
  if (typed === null) return { date: fallback, error: false };
  return isIsoDate(typed) ? { date: typed, error: false } : { date: fallback, error: true };
}

/** The date the figures are shown at, kept while moving between the catalogue, matrix, adoption and a service. */
export type ViewDate = {
  /** Today by the core's clock. */
  today: string;
  /** What the user typed, or null before they typed anything (the date is then today). */
  typed: string | null;
  date: string;
  error: boolean;
  setTyped: (value: string) => void;
};
