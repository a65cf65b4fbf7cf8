/**
 * Swedish text rules used by search and sorting.
 * - Sorting uses the sv collation: å, ä, ö after z.
 * - Identity (duplicates, import matching) never folds å, ä, ö: Habo and Håbo are two municipalities.
 */
const collator = new Intl.Collator('sv-SE', { sensitivity: 'variant', numeric: true });
export const compareSv = (a: string, b: string): number => collator.compare(a, b);
