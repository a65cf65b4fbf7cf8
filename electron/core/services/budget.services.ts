import { AppError, type ServiceHandlers } from '../../contract';
import type { ServiceContext } from './create-services';
import {
  addColumn,
  addLine,
  budgetTable,
  columnLabel,
  hasChildren,
  normaliseLineName,
  removeColumn,
  removeLine,
  renameLine,
  setLeafAmount,
} from '../domain/budget';
import { checkOre, formatOre, parseAmount } from '../domain/amounts';
import { labelForPath } from '../i18n/validation-messages';

type BudgetChannel =
  | 'budget/get'
  | 'budget/set-amount'
  | 'budget/add-column'
  | 'budget/remove-column'
  | 'budget/add-line'
  | 'budget/rename-line'
  | 'budget/remove-line';

/**
 * `amount` from the UI -> öre, or `undefined` to empty the cell (null or blank text).
 * Parsing happens here, not in the UI, so every refusal is the same Swedish sentence wherever it is typed.
 */
function amountFromInput(amount: string | number | null): number | undefined {
  if (amount === null) return undefined;
  if (typeof amount === 'string' && amount.trim() === '') return undefined;
  const parsed = typeof amount === 'string' ? parseAmount(amount) : checkOre(amount);
  if (!parsed.ok) {
    throw new AppError('validation', `${labelForPath(['amount'])}: ${parsed.message}`, { field: 'amount', reason: parsed.reason });
  }
  return parsed.ore;
}

export function createBudgetServices({ repo, ports }: ServiceContext): Pick<ServiceHandlers, BudgetChannel> {
  const table = () => budgetTable(repo.get().budget);

  return {
    'budget/get': () => table(),

    'budget/set-amount': async ({ columnId, lineId, amount }) => {
      const ore = amountFromInput(amount);
      const { lines, columns } = repo.get().budget;
      const column = columns.find((c) => c.id === columnId);
      const current = lines.find((l) => l.id === lineId);
      // An unchanged cell (a blur without an edit) makes no change and no undo step.
      if (column && current && !hasChildren(lines, lineId) && column.amounts[lineId] === ore) return table();
      const name = current?.name ?? '';
      const label = column ? columnLabel(column) : '';
      const text = (v: number | undefined) => (v === undefined ? 'tomt' : formatOre(v));
      await repo.change(`Ändrade ${name}, ${label}`, (draft) => {
        const { before, after, line } = setLeafAmount(draft.budget, columnId, lineId, ore);
        return {
          value: undefined,
          records: [
            {
              entity: 'budget-column',
              entityId: columnId,
              action: 'update',
              summary: `${line.name}, ${label}: ${text(before)} → ${text(after)}`,
              before: { lineId, amountOre: before ?? null },
              after: { lineId, amountOre: after ?? null },
            },
          ],
        };
      });
      return table();
    },

    'budget/add-column': async ({ year, kind, copyFromColumnId }) => {
      const label = columnLabel({ year, kind });
      const columnId = await repo.change(`Lade till kolumnen ${label}`, (draft) => {
        const { column, source } = addColumn(draft.budget, {
          id: ports.ids(),
          year,
          kind,
          ...(copyFromColumnId !== undefined ? { copyFromColumnId } : {}),
        });
        const copied = source ? ` med beloppen från ${columnLabel(source)}` : '';
        return {
          value: column.id,
          records: [
            {
              entity: 'budget-column',
              entityId: column.id,
              action: 'create',
              summary: `Lade till kolumnen ${label}${copied}`,
              after: { year, kind, ...(source ? { copiedFrom: source.id } : {}) },
            },
          ],
        };
      });
      return { columnId, table: table() };
    },

    'budget/remove-column': async ({ columnId }) => {
      const existing = repo.get().budget.columns.find((c) => c.id === columnId);
      const label = existing ? columnLabel(existing) : '';
      await repo.change(`Tog bort kolumnen ${label}`, (draft) => {
        const before = removeColumn(draft.budget, columnId);
        return {
          value: undefined,
          records: [{ entity: 'budget-column', entityId: columnId, action: 'delete', summary: `Tog bort kolumnen ${label}`, before }],
        };
      });
      return table();
    },

    'budget/add-line': async ({ name, parentId, kind, registerSource }) => {
      const lineId = await repo.change(`Lade till budgetraden ${normaliseLineName(name)}`, (draft) => {
        const added = addLine(draft.budget, {
          id: ports.ids(),
          name,
          ...(parentId !== undefined ? { parentId } : {}),
          ...(kind !== undefined ? { kind } : {}),
          ...(registerSource !== undefined ? { registerSource } : {}),
        });
        const under = added.parent ? ` under ${added.parent.name}` : '';
        const moved = added.movedAmounts ? ` (tog över beloppen från ${added.parent?.name ?? ''})` : '';
        return {
          value: added.line.id,
          records: [
            {
              entity: 'budget-line',
              entityId: added.line.id,
              action: 'create',
              summary: `Lade till budgetraden ${added.line.name}${under}${moved}`,
              after: { ...added.line },
            },
          ],
        };
      });
      return { lineId, table: table() };
    },

    'budget/rename-line': async ({ lineId, name }) => {
      await repo.change(`Bytte namn på budgetraden ${normaliseLineName(name)}`, (draft) => {
        const { line, before } = renameLine(draft.budget, lineId, name);
        return {
          value: undefined,
          records: [
            {
              entity: 'budget-line',
              entityId: lineId,
              action: 'update',
              summary: `Bytte namn på budgetraden ${before} till ${line.name}`,
              before: { name: before },
              after: { name: line.name },
            },
          ],
        };
      });
      return table();
    },

    'budget/remove-line': async ({ lineId }) => {
      const name = repo.get().budget.lines.find((l) => l.id === lineId)?.name ?? '';
      await repo.change(`Tog bort budgetraden ${name}`, (draft) => {
        const { line, parent, foldedBack, snapshot } = removeLine(draft.budget, lineId);
        const back = foldedBack && parent ? ` (beloppen gick tillbaka till ${parent.name})` : '';
        return {
          value: undefined,
          records: [
            {
              entity: 'budget-line',
              entityId: lineId,
              action: 'delete',
              summary: `Tog bort budgetraden ${line.name}${back}`,
              before: snapshot,
            },
          ],
        };
      });
      return table();
    },
  };
}
