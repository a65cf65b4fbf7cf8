/** Small pure helpers of the Budget page that are not about the table or the charts. */

/** A year as typed in the add-column dialog: exactly four digits (spaces around allowed), else undefined. */
export function parseYearInput(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : undefined;
}
