import { z } from 'zod';
import { channel } from '../define';
import { REGISTER_YEARS, REGISTER_YEARS_TEXT } from '../rules/calendar-date';
import { budgetColumnKinds, budgetLineKinds, isSafeName, unsafeNameMessage, type BudgetColumnKind } from '../model/records';

const empty = z.strictObject({});
const entityId = z.string({ error: 'Ange ett id.' }).min(1, 'Ange ett id.').max(64, 'Id:t är för långt.');
const lineName = z
  .string({ error: 'Skriv ett namn.' })
  .trim()
  .min(1, 'Skriv ett namn.')
  .max(200, 'Namnet får vara högst 200 tecken.')
  .refine(isSafeName, { message: unsafeNameMessage });
const columnYear = z
  .number({ error: 'Skriv året med fyra siffror.' })
  .int('Skriv året med fyra siffror.')
  .min(REGISTER_YEARS.first, `Året ska ligga ${REGISTER_YEARS_TEXT}.`)
  .max(REGISTER_YEARS.last, `Året ska ligga ${REGISTER_YEARS_TEXT}.`);
const columnKind = z.enum(budgetColumnKinds, { error: 'Välj utfall, budget eller prognos.' });
const lineKind = z.enum(budgetLineKinds, { error: 'Välj intäkt eller kostnad.' });

export type BudgetLineKind = (typeof budgetLineKinds)[number];
export type BudgetRegisterSource = 'membership-fees' | 'service-revenue';
/** Keys of the computed totals, also the keys the default data uses for stated totals. */
export type BudgetTotalKey = 'sum-income' | 'sum-cost' | 'result';

export type BudgetColumnView = {
  id: string;
  year: number;
  kind: BudgetColumnKind;
  /** `Utfall 2021`, `Budget 2022`. */
  label: string;
  /**
   * Only in a year's view (`budgetYearTable`): `missing` for a column of the year (or the reference) not yet in
   * the register, shown empty so a reader sees it is not entered; `reference` for the previous year's outcome,
   * shown beside the year but never compared with it.
   */
  missing?: true;
  reference?: true;
};

/** A stated total (from the source of the data) beside the computed one. */
export type BudgetStated = {
  statedOre: number;
  /** Computed minus stated. */
  differenceOre: number;
  differs: boolean;
  /** Who accepted this very difference and when (see `budget/accept-difference`). */
  accepted?: { by: string; at: string };
};

export type BudgetCell = {
  columnId: string;
  /** Signed öre: a leaf's own amount, or for a line with sub-lines and for totals, the computed sum. */
  amountOre: number;
  /** Whether an amount is stored for a leaf (false: empty, counts as 0). Always true for computed cells. */
  entered: boolean;
  stated?: BudgetStated;
  /** A positive cost or a negative income: allowed (a reversal), but worth a second look. */
  unusualSign?: boolean;
};

export type BudgetRow = {
  lineId: string;
  parentId?: string;
  name: string;
  kind: BudgetLineKind;
  /** 0 for a line of the statement, 1 for a sub-line, … */
  depth: number;
  /** Only leaves take typed amounts; a line with sub-lines shows their sum. */
  isLeaf: boolean;
  registerSource?: BudgetRegisterSource;
  /** One cell per column, in the order of `BudgetTable.columns`. */
  cells: BudgetCell[];
};

export type BudgetTotalRow = { key: BudgetTotalKey; label: string; cells: BudgetCell[] };

export type BudgetSection = {
  kind: BudgetLineKind;
  /** `Intäkter`, `Kostnader`. */
  label: string;
  /** Depth first: a line, then its sub-lines, then the next line. */
  rows: BudgetRow[];
  total: BudgetTotalRow;
};

export type BudgetWarning =
  | {
      kind: 'stated-total';
      columnId: string;
      /** A total key (`sum-income`, …) or a line id. */
      key: string;
      label: string;
      computedOre: number;
      statedOre: number;
      differenceOre: number;
      /** A Swedish sentence for the screen. */
      message: string;
      /** Set when someone accepted exactly this difference (same stated and computed figure); the note stays. */
      accepted?: { by: string; at: string };
    }
  | {
      kind: 'ignored-parent-amount';
      columnId: string;
      lineId: string;
      label: string;
      ignoredOre: number;
      message: string;
    };

/** The Budget screen: columns sorted by year then kind (utfall, budget, prognos), lines as rows, computed totals. */
export type BudgetTable = {
  columns: BudgetColumnView[];
  sections: BudgetSection[];
  /** Verksamhetsresultat: income plus (negative) costs. */
  result: BudgetTotalRow;
  warnings: BudgetWarning[];
};

/** `budget/get`'s answer: the table, and a token naming this answer for `budget/get-changes`. */
export type BudgetTableAnswer = BudgetTable & { token: string };

/**
 * What changed in the budget table since the answer `since`:
 * - `changes`: the columns, the sections' totals (in section order), the result and the warnings as they are
 *   now, and the rows that differ (`rows`, by line id); every other row is as in the answer held. Only when the
 *   table has the same columns and the same lines in the same order (an amount typed, a difference accepted, a
 *   line renamed);
 * - `full`: the whole table, when the core no longer knows `since` (it remembers a few answers) or columns or
 *   lines were added, removed or moved.
 */
export type BudgetTableChanges =
  | { kind: 'full'; table: BudgetTableAnswer }
  | {
      kind: 'changes';
      token: string;
      since: string;
      columns: BudgetColumnView[];
      rows: BudgetRow[];
      totals: BudgetTotalRow[];
      result: BudgetTotalRow;
      warnings: BudgetWarning[];
    };

const token = z.string({ error: 'Ange en token.' }).min(1, 'Ange en token.').max(100, 'Token är för lång.');

export type RegisterFigure = { columnId: string; amountOre: number; /** Register minus budget line. */ differenceOre: number };

export type RegisterComparisonRow = {
  source: BudgetRegisterSource;
  /** The line's name, or the usual name when no line is marked with the source. */
  label: string;
  lineId?: string;
  /** What the register gives for the year (positive: income). */
  registerOre: number;
  budget?: RegisterFigure;
  outcome?: RegisterFigure;
  /** One or two Swedish sentences for the screen and the board pack. */
  explanation: string;
};

export type RegisterComparison = {
  year: number;
  budgetColumnId?: string;
  outcomeColumnId?: string;
  rows: RegisterComparisonRow[];
};

/** What the register gives for one source, set against the line that budgets it. */
export type BudgetRegisterRow = RegisterComparisonRow & {
  /**
   * Swedish sentences on what the register figure is made of and what explains a difference from the
   * budget (a service without a pricing model, members through a group, no fee table …). Empty when the
   * register and the budget agree and there is nothing to add.
   */
  reasons: string[];
};

/** `budgetVsRegister` for a year, with the register's figures computed from the document. */
export type BudgetRegisterComparison = Omit<RegisterComparison, 'rows'> & { rows: BudgetRegisterRow[] };

export const budgetChannels = {
  /** The whole budget table, every total computed from the lines. */
  'budget/get': channel<BudgetTableAnswer>()(empty),
  /** What differs from the answer `since` (a token of `budget/get` or of another changes answer). */
  'budget/get-changes': channel<BudgetTableChanges>()(z.strictObject({ since: token })),
  /**
   * Sets one leaf line's amount in one column. `amount` is text as typed (`-15 948 991`, `1 234,50 kr`, parsed
   * in the core so refusals are Swedish), a number of öre, or `null` / blank text to empty the cell. Answers
   * with what changed since the table the screen holds (`since`), the whole table without it.
   */
  'budget/set-amount': channel<BudgetTableChanges>()(
    z.strictObject({
      since: token.optional(),
      columnId: entityId,
      lineId: entityId,
      amount: z.union([z.string().max(60, 'Beloppet är för långt.'), z.number(), z.null()], {
        error: 'Skriv beloppet som text eller som ett antal öre.',
      }),
    }),
  ),
  /** Adds the column for a year and kind (one per pair); optionally copies the amounts of another column. */
  'budget/add-column': channel<{ columnId: string; table: BudgetTable }>()(
    z.strictObject({ year: columnYear, kind: columnKind, copyFromColumnId: entityId.optional() }),
  ),
  'budget/remove-column': channel<BudgetTable>()(z.strictObject({ columnId: entityId })),
  /**
   * Adds a line last among its siblings. A sub-line takes its parent's kind; the first sub-line of a line
   * takes over the line's amounts, so no total changes.
   */
  'budget/add-line': channel<{ lineId: string; table: BudgetTable }>()(
    z.strictObject({
      name: lineName,
      parentId: entityId.optional(),
      kind: lineKind.optional(),
      registerSource: z.enum(['membership-fees', 'service-revenue'], { error: 'Okänd registerkälla.' }).optional(),
    }),
  ),
  'budget/rename-line': channel<BudgetTable>()(z.strictObject({ lineId: entityId, name: lineName })),
  /**
   * Removes a line with its sub-lines and their amounts. When it is the last sub-line of its parent, its
   * amounts go back to the parent, so the parent keeps its value.
   */
  'budget/remove-line': channel<BudgetTable>()(z.strictObject({ lineId: entityId })),
  /**
   * Membership fees (register and fee table) and service revenue (usage matrix and pricing models) computed
   * for `year`, against the lines marked with a register source in that year's budget and outcome columns.
   * Never fails for a year without a fee table or prices: the register figure is then 0 and a reason says why.
   */
  'budget/register-comparison': channel<BudgetRegisterComparison>()(z.strictObject({ year: columnYear })),
  /**
   * Accepts a «skillnad mot underlaget» as it stands (`key`: a total key or a line id): the column keeps both
   * figures, who and when, and the warning shows as accepted until either figure changes. Undoable.
   */
  'budget/accept-difference': channel<BudgetTable>()(
    z.strictObject({ columnId: entityId, key: z.string({ error: 'Ange vilken summa.' }).min(1, 'Ange vilken summa.').max(64, 'Nyckeln är för lång.') }),
  ),
};
