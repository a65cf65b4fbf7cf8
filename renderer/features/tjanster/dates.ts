/** Dates typed into the Tjänster screen's date fields. */
import { isCalendarDate } from '../../../electron/contract/rules/calendar-date';

/**
 * The date a field stands for: what was typed if it is a real date, else `fallback` (today), so figures keep
 * showing while the user is halfway through typing. `error` says whether to mark the field.
 */
export function effectiveDate(typed: string | null, fallback: string): { date: string; error: boolean } {
  if (typed === null) return { date: fallback, error: false };
  return isCalendarDate(typed) ? { date: typed, error: false } : { date: fallback, error: true };
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
