import {
  AppError,
  type BudgetRegisterComparison,
  type BudgetRegisterRow,
  type BudgetTable,
  type BudgetTableAnswer,
  type BudgetTableChanges,
  type BudgetTotalKey,
  type ChannelHandlers,
  type ServiceRevenueReport,
} from '../../contract';
import { produce } from 'immer';
import type { Budget, SambrukDocument } from '../store/schema';
import type { EntryOptions, Transaction } from '../store/transaction';
import type { HandlerContext } from './create-handlers';
import {
  acceptStatedDifference,
  addColumn,
  addLine,
  budgetLabels,
  budgetVsRegister,
  columnLabel,
  hasChildren,
  normaliseLineName,
  removeColumn,
  removeLine,
  renameLine,
  setLeafAmount,
} from '../domain/budget';
import { checkOre, formatOre, parseAmount } from '../domain/amounts';
import { membershipFeesForYear, type MembershipFees } from '../domain/fees';
import { memberIdsAt } from '../domain/memberships';
import { serviceRevenueForYear } from '../domain/pricing';
import { fieldError } from '../domain/field-errors';
import { lastDayOfYear } from '../../contract/rules/calendar-date';
import { countOf } from '../domain/swedish';
import { figure } from '../domain/figure-cache';
import { budgetTableAfter, budgetTableChanges } from '../domain/budget-table-changes';

/**
 * Runs a budget edit of the domain (which works on a whole budget) on a copy of the budget and writes the lines
 * and columns it changed through the transaction. `edit` returns the summary of the log entries (and a value).
 */
function editBudget<T>(tx: Transaction, edit: (budget: Budget) => { entry: EntryOptions; value: T }): T {
  let result: { entry: EntryOptions; value: T } | undefined;
  const next = produce(tx.doc.budget, (draft) => {
    result = edit(draft);
  });
  if (!result) throw new Error('budget: the edit returned nothing');
  tx.budgetLines.replaceAll(next.lines, result.entry);
  tx.budgetColumns.replaceAll(next.columns, result.entry);
  return result.value;
}

type BudgetChannel =
  | 'budget/get'
  | 'budget/get-changes'
  | 'budget/set-amount'
  | 'budget/add-column'
  | 'budget/remove-column'
  | 'budget/add-line'
  | 'budget/rename-line'
  | 'budget/remove-line'
  | 'budget/register-comparison'
  | 'budget/accept-difference';

/**
 * `amount` from the UI -> öre, or `undefined` to empty the cell (null or blank text).
 * Parsing happens here, not in the UI, so every refusal is the same Swedish sentence wherever it is typed.
 */
function amountFromInput(amount: string | number | null): number | undefined {
  if (amount === null) return undefined;
  if (typeof amount === 'string' && amount.trim() === '') return undefined;
  const parsed = typeof amount === 'string' ? parseAmount(amount) : checkOre(amount);
  if (!parsed.ok) {
    throw fieldError('validation', 'amount', parsed.message, { reason: parsed.reason });
  }
  return parsed.ore;
}

// ---------------------------------------------------------------- what the register says

const countFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const listFormat = new Intl.ListFormat('sv-SE', { style: 'long', type: 'conjunction' });
const count = (n: number, one: string, other: string) => countOf(n, { one, other });

/** Register minus budget (or minus outcome when the year has no budget); undefined when nothing to compare. */
function comparedDifference(row: Pick<BudgetRegisterRow, 'budget' | 'outcome'>): number | undefined {
  return row.budget?.differenceOre ?? row.outcome?.differenceOre;
}

function membershipFeesOrUndefined(doc: SambrukDocument, year: number): MembershipFees | undefined {
  try {
    return membershipFeesForYear(doc, year);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') return undefined;
    throw error;
  }
}

/** Sentences on what the membership-fee figure is made of, and what can make the budget differ from it. */
function membershipReasons(doc: SambrukDocument, year: number, fees: MembershipFees | undefined, difference: number | undefined): string[] {
  if (!fees) {
    return [
      `Det finns ingen avgiftstabell för ${year} eller tidigare år, så registret kan inte räkna fram några medlemsavgifter. ` +
        'Lägg in avgiftstabellen under Medlemmar.',
    ];
  }
  const reasons = [
    `Registret räknar med ${count(fees.rows.length, 'betalande medlem', 'betalande medlemmar')} och avgiftstabellen från ${fees.tableYear}: ` +
      `${formatOre(fees.yearlyOre)} i årsavgifter och ${formatOre(fees.entryOre)} i medlemsinsatser.`,
  ];
  const partYear = fees.rows.filter((r) => r.months < 12).length;
  if (partYear > 0) {
    reasons.push(`${count(partYear, 'av dem gick', 'av dem gick')} med under ${year} och betalar bara för månaderna efter inträdet.`);
  }
  const paying = new Set(fees.rows.map((r) => r.organisationId));
  const throughGroup = [...memberIdsAt(doc, lastDayOfYear(year))].filter((id) => !paying.has(id)).length;
  if (throughGroup > 0) {
    reasons.push(
      `${count(throughGroup, 'medlem är', 'medlemmar är')} med genom en grupp (kommunalförbund eller gemensam nämnd) ` +
        'och betalar ingen egen avgift: gruppen betalar en avgift för alla sina kommuner.',
    );
  }
  if (difference !== undefined && difference < 0) {
    reasons.push('Registret räknar bara med medlemmar som finns i det. En högre budget kan räkna med nya medlemmar under året eller med andra avgifter.');
  } else if (difference !== undefined && difference > 0) {
    reasons.push('En lägre budget kan ha räknat med färre medlemmar eller lägre avgifter än registret har nu.');
  }
  return reasons;
}

/** Sentences on what the service-revenue figure is made of; a missing pricing model is the usual cause. */
function serviceReasons(revenue: ServiceRevenueReport, year: number, difference: number | undefined): string[] {
  const used = revenue.services.filter((s) => s.userCount > 0);
  if (used.length === 0) return [`Registret har inga användare av tjänsterna under ${year}, så det ger inga avgifter för tjänsterna.`];
  const unpriced = new Set(revenue.unpricedServiceIds);
  const unpricedNames = used.filter((s) => unpriced.has(s.serviceId)).map((s) => s.name);
  const priced = used.filter((s) => !unpriced.has(s.serviceId));
  const lower = difference !== undefined && difference < 0;
  const reasons: string[] = [];
  if (priced.length > 0) {
    const users = priced.reduce((sum, s) => sum + s.userCount, 0);
    reasons.push(
      `Registret räknar med ${count(users, 'användare', 'användare')} av ${count(priced.length, 'tjänst', 'tjänster')} med prismodell, ` +
        `efter antalet månader i bruk under ${year}.`,
    );
  }
  if (unpricedNames.length > 0) {
    const names = listFormat.format(unpricedNames);
    const all = unpricedNames.length === used.length;
    const what = !all
      ? `${count(unpricedNames.length, 'tjänst', 'tjänster')} med användare saknar prismodell för ${year}`
      : used.length === 1
        ? `den enda tjänsten som har användare saknar prismodell för ${year}`
        : `ingen av de ${countFormat.format(used.length)} tjänsterna som har användare har en prismodell för ${year}`;
    const them = unpricedNames.length === 1 ? 'den' : 'dem';
    const lead = lower ? (all ? 'Skillnaden beror på att' : 'Skillnaden beror delvis på att') : 'Observera att';
    reasons.push(`${lead} ${what}, så registret räknar ${them} som 0 kr: ${names}. Lägg in prismodellerna under Tjänster.`);
  }
  return reasons;
}

/**
 * The register's figures for `year` against the budget and outcome lines that carry them. The register
 * side is computed here from the document (fees.ts, pricing.ts); the comparison itself is `budgetVsRegister`.
 */
export function registerComparison(doc: SambrukDocument, year: number): BudgetRegisterComparison {
  // The register's side once per state of the tables it reads, so a budget edit recomputes only the comparison.
  const fees = figure('membership-fees', String(year), doc, (d) => membershipFeesOrUndefined(d, year));
  const revenue = figure('service-revenue', String(year), doc, (d) => serviceRevenueForYear(d, year));
  const comparison = budgetVsRegister(doc, year, { membershipFeesOre: fees?.totalOre ?? 0, serviceRevenueOre: revenue.totalOre });
  return {
    ...comparison,
    rows: comparison.rows.map((row) => ({
      ...row,
      reasons:
        row.source === 'membership-fees'
          ? membershipReasons(doc, year, fees, comparedDifference(row))
          : serviceReasons(revenue, year, comparedDifference(row)),
    })),
  };
}

/** Answers remembered by token: the screen holds one table; a few more cover an answer overtaken in flight. */
const REMEMBERED_TABLES = 4;

/**
 * Names each table answer with a token, so that after a change the screen can ask for what differs from the
 * table it holds (`budget/get-changes`) instead of copying and comparing the whole table again.
 */
function tableTokens() {
  // The prefix tells this core's tokens from those of a core before it (another file opened in the same window).
  const prefix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let sequence = 0;
  const answers = new WeakMap<BudgetTable, BudgetTableAnswer>();
  const remembered = new Map<string, BudgetTableAnswer>();

  /** The answer for `table`: the same object (and token) for the same table, so an unchanged register answers alike. */
  function answer(table: BudgetTable): BudgetTableAnswer {
    let found = answers.get(table);
    if (!found) {
      sequence += 1;
      found = { ...table, token: `${prefix}-${sequence}` };
      answers.set(table, found);
    }
    remembered.delete(found.token);
    remembered.set(found.token, found);
    if (remembered.size > REMEMBERED_TABLES) remembered.delete(remembered.keys().next().value as string);
    return found;
  }

  /** What differs from the answer `since`, or the whole table when it is not known or the lines or columns changed. */
  function changesSince(since: string | undefined, table: BudgetTable): BudgetTableChanges {
    const held = since === undefined ? undefined : remembered.get(since);
    const now = answer(table);
    const diff = held && budgetTableChanges(held, now);
    if (!held || !diff) return { kind: 'full', table: now };
    return { kind: 'changes', token: now.token, since: held.token, ...diff };
  }

  return { answer, changesSince };
}

export function createBudgetHandlers({ repo, ports }: HandlerContext): Pick<ChannelHandlers, BudgetChannel> {
  // Both once per register state (figure-cache.ts): the table changes only with the budget, the comparison
  // with the budget, the members, the usages, the services and the reference data.
  // A new state's table starts from the last one computed: an amount typed recomputes its column only.
  let last: { budget: Budget; table: BudgetTable } | undefined;
  const table = () =>
    figure('budget/table', '', repo.get(), (doc) => {
      const next = budgetTableAfter(last, doc.budget);
      last = { budget: doc.budget, table: next };
      return next;
    });
  const tokens = tableTokens();

  return {
    'budget/get': () => tokens.answer(table()),

    'budget/get-changes': ({ since }) => tokens.changesSince(since, table()),

    'budget/set-amount': async ({ since, columnId, lineId, amount }) => {
      const ore = amountFromInput(amount);
      const { lines, columns } = repo.get().budget;
      const column = columns.find((c) => c.id === columnId);
      const current = lines.find((l) => l.id === lineId);
      // An unchanged cell (a blur without an edit) makes no change and no undo step.
      if (column && current && !hasChildren(lines, lineId) && column.amounts[lineId] === ore) return tokens.changesSince(since, table());
      const name = current?.name ?? '';
      const label = column ? columnLabel(column) : '';
      const text = (v: number | undefined) => (v === undefined ? 'tomt' : formatOre(v));
      await repo.change(`Ändrade ${name}, ${label}`, (tx) =>
        editBudget(tx, (budget) => {
          const { before, after, line } = setLeafAmount(budget, columnId, lineId, ore);
          return { entry: { summary: `${line.name}, ${label}: ${text(before)} → ${text(after)}` }, value: undefined };
        }),
      );
      return tokens.changesSince(since, table());
    },

    'budget/add-column': async ({ year, kind, copyFromColumnId }) => {
      const label = columnLabel({ year, kind });
      const columnId = await repo.change(`Lade till kolumnen ${label}`, (tx) =>
        editBudget(tx, (budget) => {
          const { column, source } = addColumn(budget, {
            id: ports.ids(),
            year,
            kind,
            ...(copyFromColumnId !== undefined ? { copyFromColumnId } : {}),
          });
          const copied = source ? ` med beloppen från ${columnLabel(source)}` : '';
          return { entry: { summary: `Lade till kolumnen ${label}${copied}` }, value: column.id };
        }),
      );
      return { columnId, table: table() };
    },

    'budget/accept-difference': async ({ columnId, key }) => {
      const doc = repo.get();
      const column = doc.budget.columns.find((c) => c.id === columnId);
      const what = budgetLabels.totals[key as BudgetTotalKey] ?? doc.budget.lines.find((l) => l.id === key)?.name ?? key;
      const label = column ? `${what}, ${columnLabel(column)}` : what;
      // Who and when as the change log records them: the user port and the clock.
      const by = { by: ports.user?.() ?? '', at: ports.clock().toISOString() };
      await repo.change(`Godtog skillnaden mot underlaget: ${label}`, (tx) =>
        editBudget(tx, (budget) => {
          const { statedOre, computedOre } = acceptStatedDifference(budget, columnId, key, by);
          return {
            entry: { summary: `Godtog skillnaden mot underlaget: ${label} (uträknat ${formatOre(computedOre)}, underlaget ${formatOre(statedOre)})` },
            value: undefined,
          };
        }),
      );
      return table();
    },

    'budget/remove-column': async ({ columnId }) => {
      const existing = repo.get().budget.columns.find((c) => c.id === columnId);
      const label = existing ? columnLabel(existing) : '';
      await repo.change(`Tog bort kolumnen ${label}`, (tx) =>
        editBudget(tx, (budget) => {
          removeColumn(budget, columnId);
          return { entry: { summary: `Tog bort kolumnen ${label}` }, value: undefined };
        }),
      );
      return table();
    },

    'budget/add-line': async ({ name, parentId, kind, registerSource }) => {
      const lineId = await repo.change(`Lade till budgetraden ${normaliseLineName(name)}`, (tx) =>
        editBudget(tx, (budget) => {
          const added = addLine(budget, {
            id: ports.ids(),
            name,
            ...(parentId !== undefined ? { parentId } : {}),
            ...(kind !== undefined ? { kind } : {}),
            ...(registerSource !== undefined ? { registerSource } : {}),
          });
          const under = added.parent ? ` under ${added.parent.name}` : '';
          const moved = added.movedAmounts ? ` (tog över beloppen från ${added.parent?.name ?? ''})` : '';
          return { entry: { summary: `Lade till budgetraden ${added.line.name}${under}${moved}` }, value: added.line.id };
        }),
      );
      return { lineId, table: table() };
    },

    'budget/rename-line': async ({ lineId, name }) => {
      await repo.change(`Bytte namn på budgetraden ${normaliseLineName(name)}`, (tx) =>
        editBudget(tx, (budget) => {
          const { line, before } = renameLine(budget, lineId, name);
          return { entry: { summary: `Bytte namn på budgetraden ${before} till ${line.name}` }, value: undefined };
        }),
      );
      return table();
    },

    'budget/register-comparison': ({ year }) => figure('budget/register-comparison', String(year), repo.get(), (doc) => registerComparison(doc, year)),

    'budget/remove-line': async ({ lineId }) => {
      const name = repo.get().budget.lines.find((l) => l.id === lineId)?.name ?? '';
      await repo.change(`Tog bort budgetraden ${name}`, (tx) =>
        editBudget(tx, (budget) => {
          const { line, parent, foldedBack } = removeLine(budget, lineId);
          const back = foldedBack && parent ? ` (beloppen gick tillbaka till ${parent.name})` : '';
          return { entry: { summary: `Tog bort budgetraden ${line.name}${back}` }, value: undefined };
        }),
      );
      return table();
    },
  };
}
