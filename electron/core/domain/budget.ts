/**
 * Budget totals are always computed from the leaf lines, never typed: a line with sub-lines is the sum of
 * its sub-lines. Amounts are signed öre (costs negative), so the result is the plain sum of all leaves.
 *
 * Sub-lines and a parent's own amount: once a line has sub-lines its own stored amount is ignored. To keep
 * totals unchanged, the first sub-line added under a line takes over the line's amounts (in every column)
 * and the line's own entries are deleted; removing the last sub-line gives its amounts back to the line.
 * An own amount left on a parent by imported data is shown as a warning, never counted.
 *
 * Stated totals (`column.statedTotals`) are figures as the source printed them, keyed by a total key
 * (`sum-income`, `sum-cost`, `result`) or by a line id. They are compared with the computed figures and a
 * difference is flagged; they are never used as figures.
 */
import { budgetColumnKindLabels } from '../../contract/labels';
import { AppError } from '../../contract/result';
import type {
  BudgetCell,
  BudgetColumnView,
  BudgetRegisterSource,
  BudgetRow,
  BudgetSection,
  BudgetStated,
  BudgetTable,
  BudgetTotalKey,
  BudgetTotalRow,
  BudgetWarning,
  RegisterComparison,
  RegisterComparisonRow,
  RegisterFigure,
} from '../../contract/channels/budget.channels';
import { budgetColumnKinds, type Budget, type BudgetColumn, type BudgetColumnKind, type BudgetLine } from '../store/schema';
import { formatOre, formatOreSigned } from './amounts';
import { fieldError } from './field-errors';

export const budgetLabels = {
  columnKinds: budgetColumnKindLabels,
  sections: { income: 'Intäkter', cost: 'Kostnader' },
  totals: {
    'sum-income': 'Summa intäkter',
    'sum-cost': 'Summa kostnader',
    result: 'Verksamhetsresultat',
  } satisfies Record<BudgetTotalKey, string>,
  registerSources: {
    'membership-fees': 'Medlemsavgifter',
    'service-revenue': 'Nettoomsättning',
  } satisfies Record<BudgetRegisterSource, string>,
};

export function childrenOf(lines: readonly BudgetLine[], parentId: string | undefined): BudgetLine[] {
  return lines.filter((l) => l.parentId === parentId).sort((a, b) => a.order - b.order);
}

/** Lines of the statement itself: no parent, or a parent that no longer exists (so no amount is lost). */
export function rootLines(lines: readonly BudgetLine[]): BudgetLine[] {
  const ids = new Set(lines.map((l) => l.id));
  return lines.filter((l) => l.parentId === undefined || !ids.has(l.parentId)).sort((a, b) => a.order - b.order);
}

export function hasChildren(lines: readonly BudgetLine[], lineId: string): boolean {
  return lines.some((l) => l.parentId === lineId);
}

/**
 * Value of a line in a column: its own amount for a leaf, the sum of its children otherwise.
 * A parent chain that loops (only possible in hand-edited data) is cut where it repeats.
 */
export function lineAmount(
  lines: readonly BudgetLine[],
  column: BudgetColumn,
  lineId: string,
  seen: ReadonlySet<string> = new Set(),
  children: ChildLookup = childLookup(lines),
): number {
  if (seen.has(lineId)) return 0;
  const own = children(lineId);
  if (own.length === 0) return column.amounts[lineId] ?? 0;
  const path = new Set(seen).add(lineId);
  return own.reduce((sum, child) => sum + lineAmount(lines, column, child.id, path, children), 0);
}

/** A line's sub-lines, in the order of the lines. */
type ChildLookup = (lineId: string) => readonly BudgetLine[];

/**
 * The sub-lines of every line, found in one pass: a whole table sums thousands of cells, and filtering every
 * line for each of them grew with the square of the lines.
 */
function childLookup(lines: readonly BudgetLine[]): ChildLookup {
  const byParent = new Map<string, BudgetLine[]>();
  for (const line of lines) {
    if (line.parentId === undefined) continue;
    const list = byParent.get(line.parentId);
    if (list) list.push(line);
    else byParent.set(line.parentId, [line]);
  }
  return (lineId) => byParent.get(lineId) ?? [];
}

/** Income, costs (negative) and result of one column, from the lines. */
export function columnTotals(budget: Budget, column: BudgetColumn, children: ChildLookup = childLookup(budget.lines)) {
  let incomeOre = 0;
  let costOre = 0;
  for (const line of rootLines(budget.lines)) {
    const amount = lineAmount(budget.lines, column, line.id, new Set(), children);
    if (line.kind === 'income') incomeOre += amount;
    else costOre += amount;
  }
  return { incomeOre, costOre, resultOre: incomeOre + costOre };
}

const kindRank = (kind: BudgetColumnKind) => budgetColumnKinds.indexOf(kind);

/** By year, then utfall, budget, prognos. */
export function sortColumns<C extends Pick<BudgetColumn, 'year' | 'kind'>>(columns: readonly C[]): C[] {
  return [...columns].sort((a, b) => a.year - b.year || kindRank(a.kind) - kindRank(b.kind));
}

export function columnLabel(column: Pick<BudgetColumn, 'year' | 'kind'>): string {
  return `${budgetLabels.columnKinds[column.kind]} ${column.year}`;
}

function statedFor(column: BudgetColumn, key: string, computedOre: number): BudgetStated | undefined {
  const statedOre = column.statedTotals[key];
  if (statedOre === undefined) return undefined;
  const differenceOre = computedOre - statedOre;
  const accepted = differenceOre !== 0 ? acceptanceOf(column, key, statedOre, computedOre) : undefined;
  return { statedOre, differenceOre, differs: differenceOre !== 0, ...(accepted ? { accepted } : {}) };
}

/** Who accepted this very difference (the same stated and computed figures), if anyone did. */
function acceptanceOf(column: BudgetColumn, key: string, statedOre: number, computedOre: number) {
  const accepted = column.acceptedDifferences?.[key];
  return accepted && accepted.statedOre === statedOre && accepted.computedOre === computedOre ? { by: accepted.by, at: accepted.at } : undefined;
}

/** «2022-05-02 av anna» (the date of an ISO timestamp and, when known, the user), for an accepted difference. */
export function acceptedText(accepted: { by: string; at: string }): string {
  return `${accepted.at.slice(0, 10)}${accepted.by ? ` av ${accepted.by}` : ''}`;
}

/** The Budget screen's model. Pure: the same budget always gives the same table. */
export function budgetTable(budget: Budget): BudgetTable {
  const columns = sortColumns(budget.columns);
  const columnViews: BudgetColumnView[] = columns.map((c) => ({ id: c.id, year: c.year, kind: c.kind, label: columnLabel(c) }));
  const warnings: BudgetWarning[] = [];

  const statedWarning = (column: BudgetColumn, key: string, label: string, cell: BudgetCell) => {
    if (!cell.stated?.differs) return;
    const { statedOre, differenceOre } = cell.stated;
    const accepted = acceptanceOf(column, key, statedOre, cell.amountOre);
    warnings.push({
      kind: 'stated-total',
      columnId: column.id,
      key,
      label,
      computedOre: cell.amountOre,
      statedOre,
      differenceOre,
      message:
        `${label}, ${columnLabel(column)}: uträknat ${formatOre(cell.amountOre)}, ` +
        `men underlaget anger ${formatOre(statedOre)} (skillnad ${formatOreSigned(differenceOre)}).` +
        (accepted ? ` Skillnaden godtogs ${acceptedText(accepted)}.` : ''),
      ...(accepted ? { accepted } : {}),
    });
  };

  const subLines = childLookup(budget.lines);
  const rowsOf = (line: BudgetLine, depth: number, seen: Set<string>, out: BudgetRow[]) => {
    if (seen.has(line.id)) return;
    seen.add(line.id);
    const children = childrenOf(budget.lines, line.id);
    const isLeaf = children.length === 0;
    const cells = columns.map((column): BudgetCell => {
      const amountOre = lineAmount(budget.lines, column, line.id, new Set(), subLines);
      const own = column.amounts[line.id];
      const stated = statedFor(column, line.id, amountOre);
      const unusualSign = isLeaf && (line.kind === 'cost' ? amountOre > 0 : amountOre < 0);
      const cell: BudgetCell = {
        columnId: column.id,
        amountOre,
        entered: isLeaf ? own !== undefined : true,
        ...(stated ? { stated } : {}),
        ...(unusualSign ? { unusualSign } : {}),
      };
      statedWarning(column, line.id, line.name, cell);
      if (!isLeaf && own !== undefined && own !== 0) {
        warnings.push({
          kind: 'ignored-parent-amount',
          columnId: column.id,
          lineId: line.id,
          label: line.name,
          ignoredOre: own,
          message:
            `${line.name}, ${columnLabel(column)}: raden har underrader, så dess eget belopp ` +
            `${formatOre(own)} räknas inte. Summan av underraderna gäller.`,
        });
      }
      return cell;
    });
    out.push({
      lineId: line.id,
      ...(line.parentId !== undefined && depth > 0 ? { parentId: line.parentId } : {}),
      name: line.name,
      kind: line.kind,
      depth,
      isLeaf,
      ...(line.registerSource ? { registerSource: line.registerSource } : {}),
      cells,
    });
    for (const child of children) rowsOf(child, depth + 1, seen, out);
  };

  const totalsByColumn = columns.map((c) => columnTotals(budget, c, subLines));
  const totalRow = (key: BudgetTotalKey, pick: (t: ReturnType<typeof columnTotals>) => number): BudgetTotalRow => {
    const label = budgetLabels.totals[key];
    const cells = columns.map((column, i): BudgetCell => {
      const amountOre = pick(totalsByColumn[i] ?? { incomeOre: 0, costOre: 0, resultOre: 0 });
      const stated = statedFor(column, key, amountOre);
      const cell: BudgetCell = { columnId: column.id, amountOre, entered: true, ...(stated ? { stated } : {}) };
      return cell;
    });
    return { key, label, cells };
  };

  const seen = new Set<string>();
  const sections: BudgetSection[] = (['income', 'cost'] as const).map((kind) => {
    const rows: BudgetRow[] = [];
    for (const line of rootLines(budget.lines).filter((l) => l.kind === kind)) rowsOf(line, 0, seen, rows);
    const total = totalRow(kind === 'income' ? 'sum-income' : 'sum-cost', (t) => (kind === 'income' ? t.incomeOre : t.costOre));
    return { kind, label: budgetLabels.sections[kind], rows, total };
  });
  const result = totalRow('result', (t) => t.resultOre);

  for (const total of [...sections.map((s) => s.total), result]) {
    total.cells.forEach((cell, i) => {
      const column = columns[i];
      if (column) statedWarning(column, total.key, total.label, cell);
    });
  }
  return { columns: columnViews, sections, result, warnings };
}

// ---------------------------------------------------------------- changes (applied to an immer draft)

function requireColumn(budget: Budget, columnId: string): BudgetColumn {
  const column = budget.columns.find((c) => c.id === columnId);
  if (!column) throw new AppError('not-found', 'Kolumnen finns inte (den kan ha tagits bort).', { field: 'columnId' });
  return column;
}

function requireLine(budget: Budget, lineId: string, field = 'lineId'): BudgetLine {
  const line = budget.lines.find((l) => l.id === lineId);
  if (!line) throw new AppError('not-found', 'Budgetraden finns inte (den kan ha tagits bort).', { field });
  return line;
}

/** Collapses runs of spaces so «Övriga  intäkter» and «Övriga intäkter» are one name. */
export function normaliseLineName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function refuseDuplicateSibling(budget: Budget, parentId: string | undefined, name: string, exceptId?: string) {
  const key = name.toLocaleLowerCase('sv-SE');
  const clash = budget.lines.find(
    (l) => l.id !== exceptId && l.parentId === parentId && l.name.toLocaleLowerCase('sv-SE') === key,
  );
  if (clash) {
    throw new AppError('duplicate', `Namn: Det finns redan en rad som heter ”${clash.name}” på samma nivå.`, {
      field: 'name',
      existingId: clash.id,
    });
  }
}

/** Sets (or with `ore === undefined` empties) a leaf's amount. Refuses a line that has sub-lines. */
export function setLeafAmount(budget: Budget, columnId: string, lineId: string, ore: number | undefined) {
  const column = requireColumn(budget, columnId);
  const line = requireLine(budget, lineId);
  if (hasChildren(budget.lines, lineId)) {
    throw fieldError('validation', 'lineId', `”${line.name}” har underrader. Skriv beloppen på underraderna; raden visar deras summa.`);
  }
  const before = column.amounts[lineId];
  if (ore === undefined) delete column.amounts[lineId];
  else column.amounts[lineId] = ore;
  return { column, line, before, after: ore };
}

/** Adds the column for `year` and `kind`, refusing a second one; copies amounts (not stated totals) if asked. */
export function addColumn(
  budget: Budget,
  input: { id: string; year: number; kind: BudgetColumnKind; copyFromColumnId?: string },
) {
  const existing = budget.columns.find((c) => c.year === input.year && c.kind === input.kind);
  if (existing) {
    throw new AppError('duplicate', `Det finns redan en kolumn ${columnLabel(existing)}.`, {
      field: 'year',
      existingId: existing.id,
    });
  }
  const source = input.copyFromColumnId === undefined ? undefined : budget.columns.find((c) => c.id === input.copyFromColumnId);
  if (input.copyFromColumnId !== undefined && !source) {
    throw new AppError('not-found', 'Kolumnen att kopiera från finns inte.', { field: 'copyFromColumnId' });
  }
  const lineIds = new Set(budget.lines.map((l) => l.id));
  const amounts = Object.fromEntries(Object.entries(source?.amounts ?? {}).filter(([id]) => lineIds.has(id)));
  const column: BudgetColumn = { id: input.id, year: input.year, kind: input.kind, amounts, statedTotals: {} };
  budget.columns.push(column);
  return { column, source };
}

export function removeColumn(budget: Budget, columnId: string): BudgetColumn {
  const column = requireColumn(budget, columnId);
  const snapshot: BudgetColumn = JSON.parse(JSON.stringify(column));
  budget.columns.splice(budget.columns.indexOf(column), 1);
  return snapshot;
}

/**
 * Adds a line last among its siblings. A sub-line takes its parent's kind (a different `kind` is refused);
 * a line of the statement needs a kind. A register source may be on one line only.
 */
export function addLine(
  budget: Budget,
  input: { id: string; name: string; parentId?: string; kind?: BudgetLine['kind']; registerSource?: BudgetRegisterSource },
) {
  const name = normaliseLineName(input.name);
  const parent = input.parentId === undefined ? undefined : requireLine(budget, input.parentId, 'parentId');
  let kind = input.kind;
  if (parent) {
    if (kind !== undefined && kind !== parent.kind) {
      const word = parent.kind === 'income' ? 'intäkt' : 'kostnad';
      throw fieldError('validation', 'kind', `En underrad har samma typ som raden den ligger under (${word}).`);
    }
    kind = parent.kind;
  }
  if (kind === undefined) {
    throw fieldError('validation', 'kind', 'Välj om raden är en intäkt eller en kostnad.');
  }
  refuseDuplicateSibling(budget, parent?.id, name);
  if (input.registerSource) {
    const holder = budget.lines.find((l) => l.registerSource === input.registerSource);
    if (holder) {
      throw new AppError('duplicate', `Registerkälla: Raden ”${holder.name}” är redan kopplad till registret för detta.`, {
        field: 'registerSource',
        existingId: holder.id,
      });
    }
  }
  const siblings = budget.lines.filter((l) => l.parentId === parent?.id);
  const order = siblings.reduce((max, l) => Math.max(max, l.order), 0) + 1;
  const movedAmounts = parent !== undefined && siblings.length === 0;
  const line: BudgetLine = {
    id: input.id,
    name,
    kind,
    order,
    ...(parent ? { parentId: parent.id } : {}),
    ...(input.registerSource ? { registerSource: input.registerSource } : {}),
  };
  budget.lines.push(line);
  if (parent && movedAmounts) {
    for (const column of budget.columns) {
      const own = column.amounts[parent.id];
      if (own === undefined) continue;
      column.amounts[line.id] = own;
      delete column.amounts[parent.id];
    }
  }
  return { line, parent, movedAmounts };
}

export function renameLine(budget: Budget, lineId: string, newName: string) {
  const line = requireLine(budget, lineId);
  const name = normaliseLineName(newName);
  const before = line.name;
  if (name !== before) refuseDuplicateSibling(budget, line.parentId, name, line.id);
  line.name = name;
  return { line, before };
}

/** Ids of a line and all lines under it. */
export function subtreeIds(lines: readonly BudgetLine[], lineId: string): Set<string> {
  const ids = new Set([lineId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of lines) {
      if (l.parentId !== undefined && ids.has(l.parentId) && !ids.has(l.id)) {
        ids.add(l.id);
        grew = true;
      }
    }
  }
  return ids;
}

/**
 * Removes a line, its sub-lines and their amounts and stated figures. If it was its parent's only sub-line,
 * the parent gets the line's value back in each column where the line had an amount.
 */
export function removeLine(budget: Budget, lineId: string) {
  const line = requireLine(budget, lineId);
  const removed = subtreeIds(budget.lines, lineId);
  const parent = line.parentId === undefined ? undefined : budget.lines.find((l) => l.id === line.parentId);
  const lastChild = parent !== undefined && budget.lines.filter((l) => l.parentId === parent.id).length === 1;
  const snapshot = {
    lines: budget.lines.filter((l) => removed.has(l.id)).map((l) => ({ ...l })),
    amounts: {} as Record<string, Record<string, number>>,
  };
  for (const column of budget.columns) {
    const value = lineAmount(budget.lines, column, lineId);
    const hadAmount = [...removed].some((id) => column.amounts[id] !== undefined);
    for (const id of removed) {
      const v = column.amounts[id];
      if (v !== undefined) (snapshot.amounts[column.id] ??= {})[id] = v;
      delete column.amounts[id];
      delete column.statedTotals[id];
    }
    if (parent && lastChild) {
      if (hadAmount) column.amounts[parent.id] = value;
      else delete column.amounts[parent.id];
    }
  }
  budget.lines = budget.lines.filter((l) => !removed.has(l.id));
  return { line: { ...line }, parent, foldedBack: lastChild, snapshot };
}

/** The computed figure a stated one is compared with: a total key or a line id. */
function computedFor(budget: Budget, column: BudgetColumn, key: string): number | undefined {
  const totals = columnTotals(budget, column);
  if (key === 'sum-income') return totals.incomeOre;
  if (key === 'sum-cost') return totals.costOre;
  if (key === 'result') return totals.resultOre;
  return budget.lines.some((l) => l.id === key) ? lineAmount(budget.lines, column, key) : undefined;
}

/**
 * Accepts the «skillnad mot underlaget» of one stated figure as it stands: the stated and computed figures, who
 * and when are kept, and the warning shows as accepted until either figure changes. Refuses when there is no
 * difference to accept.
 */
export function acceptStatedDifference(budget: Budget, columnId: string, key: string, by: { by: string; at: string }) {
  const column = requireColumn(budget, columnId);
  const statedOre = column.statedTotals[key];
  const computedOre = computedFor(budget, column, key);
  if (statedOre === undefined || computedOre === undefined) {
    throw new AppError('not-found', 'Underlaget anger ingen sådan summa i den här kolumnen.');
  }
  if (statedOre === computedOre) throw new AppError('validation', 'Uträknat och underlaget stämmer redan; det finns ingen skillnad att godta.');
  const before = column.acceptedDifferences?.[key];
  column.acceptedDifferences = { ...(column.acceptedDifferences ?? {}), [key]: { statedOre, computedOre, by: by.by, at: by.at } };
  return { column, statedOre, computedOre, before };
}

// ---------------------------------------------------------------- one year: like with like

/** The kinds a year shows, in order after the reference column. */
const YEAR_KINDS: readonly BudgetColumnKind[] = ['budget', 'utfall', 'prognos'];

/**
 * The table for one year: the previous year's outcome as a reference, then the year's budget, outcome and
 * forecast. A column not in the register is there, empty and `missing`, so the reader sees what is not entered
 * rather than a column of another year in its place. Warnings are those of the columns shown.
 */
export function budgetYearTable(table: BudgetTable, year: number): BudgetTable {
  const wanted: { year: number; kind: BudgetColumnKind; reference?: true }[] = [
    { year: year - 1, kind: 'utfall', reference: true },
    ...YEAR_KINDS.map((kind) => ({ year, kind })),
  ];
  const columns: BudgetColumnView[] = wanted.map((w) => {
    const found = table.columns.find((c) => c.year === w.year && c.kind === w.kind);
    const notes = [...(w.reference ? ['jämförelse'] : []), ...(found ? [] : [`ej ${enteredWord(w.kind)}`])];
    return {
      id: found?.id ?? `saknas-${w.kind}-${w.year}`,
      year: w.year,
      kind: w.kind,
      label: notes.length > 0 ? `${columnLabel(w)} (${notes.join(', ')})` : columnLabel(w),
      ...(found ? {} : { missing: true as const }),
      ...(w.reference ? { reference: true as const } : {}),
    };
  });
  const pick = (cells: readonly BudgetCell[]): BudgetCell[] =>
    columns.map((c) => cells.find((cell) => cell.columnId === c.id) ?? { columnId: c.id, amountOre: 0, entered: false });
  const ids = new Set(columns.filter((c) => !c.missing).map((c) => c.id));
  return {
    columns,
    sections: table.sections.map((s) => ({
      ...s,
      rows: s.rows.map((r) => ({ ...r, cells: pick(r.cells) })),
      total: { ...s.total, cells: pick(s.total.cells) },
    })),
    result: { ...table.result, cells: pick(table.result.cells) },
    warnings: table.warnings.filter((w) => ids.has(w.columnId)),
  };
}

/**
 * What a year's figures are compared with: its outcome, and its forecast, each against the same year's budget.
 * Never another year's: the previous year's outcome is a reference, not a variance. Empty without a budget.
 */
export function yearVariancePairs(columns: readonly BudgetColumnView[], year: number): { actualColumnId: string; budgetColumnId: string }[] {
  const present = (kind: BudgetColumnKind) => columns.find((c) => c.year === year && c.kind === kind && !c.missing);
  const budget = present('budget');
  if (!budget) return [];
  return (['utfall', 'prognos'] as const).flatMap((kind) => {
    const actual = present(kind);
    return actual ? [{ actualColumnId: actual.id, budgetColumnId: budget.id }] : [];
  });
}

/** Sentences on what a year's view lacks: «Utfall 2022 är inte inlagt ännu.» for each missing column. */
export function missingColumnNotes(columns: readonly BudgetColumnView[]): string[] {
  return columns.filter((c) => c.missing).map((c) => `${columnLabel(c)} är inte ${enteredWord(c.kind)} ännu; kolumnen är tom tills den förs in.`);
}

/** «inlagt» after «utfall» (ett-ord), «inlagd» after «budget» and «prognos» (en-ord). */
const enteredWord = (kind: BudgetColumnKind) => (kind === 'utfall' ? 'inlagt' : 'inlagd');

// ---------------------------------------------------------------- register-based figures

const registerNouns: Record<BudgetRegisterSource, string> = {
  'membership-fees': 'medlemsavgifter',
  'service-revenue': 'avgifter för tjänsterna',
};

/**
 * Sets figures computed from the register (membership fees and service fees for `year`) against the lines
 * marked with `registerSource`, in the year's budget and outcome columns. A line with sub-lines counts as
 * the sum of its sub-lines. The register figures come in as arguments; this function only compares.
 */
export function budgetVsRegister(
  doc: { budget: Budget },
  year: number,
  computed: { membershipFeesOre: number; serviceRevenueOre: number },
): RegisterComparison {
  const { budget } = doc;
  const budgetColumn = budget.columns.find((c) => c.year === year && c.kind === 'budget');
  const outcomeColumn = budget.columns.find((c) => c.year === year && c.kind === 'utfall');
  const sources: [BudgetRegisterSource, number][] = [
    ['membership-fees', computed.membershipFeesOre],
    ['service-revenue', computed.serviceRevenueOre],
  ];

  const rows = sources.map(([source, registerOre]): RegisterComparisonRow => {
    const line = budget.lines.find((l) => l.registerSource === source);
    const noun = registerNouns[source];
    const opening = `Registret ger ${formatOre(registerOre)} i ${noun} för ${year}`;
    if (!line) {
      return {
        source,
        label: budgetLabels.registerSources[source],
        registerOre,
        explanation: `${opening}. Ingen budgetrad är kopplad till ${noun}, så beloppet kan inte jämföras med budgeten.`,
      };
    }
    const figure = (column: BudgetColumn | undefined): RegisterFigure | undefined => {
      if (!column) return undefined;
      const amountOre = lineAmount(budget.lines, column, line.id);
      return { columnId: column.id, amountOre, differenceOre: registerOre - amountOre };
    };
    const budgetFigure = figure(budgetColumn);
    const outcomeFigure = figure(outcomeColumn);
    const against = (f: RegisterFigure, what: string) =>
      f.differenceOre === 0
        ? `lika mycket som ${what} (${formatOre(f.amountOre)})`
        : `${formatOre(Math.abs(f.differenceOre))} ${f.differenceOre > 0 ? 'mer' : 'mindre'} än ${what} (${formatOre(f.amountOre)})`;
    const parts = [
      ...(budgetFigure ? [against(budgetFigure, 'budgeten')] : []),
      ...(outcomeFigure ? [against(outcomeFigure, 'utfallet')] : []),
    ];
    const missing =
      !budgetFigure && !outcomeFigure
        ? ` Det finns varken budget eller utfall för ${year} att jämföra med.`
        : !budgetFigure
          ? ` Budget för ${year} saknas.`
          : !outcomeFigure
            ? ` Utfall för ${year} saknas ännu.`
            : '';
    const explanation = parts.length > 0 ? `${opening}, ${parts.join(' och ')}.${missing}` : `${opening}.${missing}`;
    return {
      source,
      label: line.name,
      lineId: line.id,
      registerOre,
      ...(budgetFigure ? { budget: budgetFigure } : {}),
      ...(outcomeFigure ? { outcome: outcomeFigure } : {}),
      explanation,
    };
  });

  return {
    year,
    ...(budgetColumn ? { budgetColumnId: budgetColumn.id } : {}),
    ...(outcomeColumn ? { outcomeColumnId: outcomeColumn.id } : {}),
    rows,
  };
}
