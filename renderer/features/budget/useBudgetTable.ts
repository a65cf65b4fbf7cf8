/**
 * The budget table as server state. The first answer is the whole table; after a change (`store/changed`
 * refetches every query, and a typed amount answers at once) the screen asks only for what differs from the
 * table it holds (`budget/get-changes`) and applies it, so the rows that did not change stay the same objects
 * and are not drawn again. At thirty times the association the whole table is 310 lines by 60 columns.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { BudgetTableAnswer, BudgetTableChanges } from '../../../electron/contract';
import { applyBudgetTableChanges } from '../../../electron/core/domain/budget-table-changes';
import { apiQueryKey, useApiClient } from '../../app/api';
import type { ApiCallError } from '../../bridge/api-client';

const queryKey = apiQueryKey('budget/get', {});

/** The table held brought up to date with an answer; undefined when the answer does not follow from it. */
function applyBudgetAnswer(held: BudgetTableAnswer | undefined, answer: BudgetTableChanges): BudgetTableAnswer | undefined {
  if (answer.kind === 'full') return answer.table;
  if (!held || held.token !== answer.since) return undefined;
  if (answer.token === held.token) return held;
  const table = applyBudgetTableChanges(held, answer);
  return table && { ...table, token: answer.token };
}

/** The table the screen holds, for a change to say what it changed since. */
export function heldBudgetTable(queryClient: QueryClient): BudgetTableAnswer | undefined {
  return queryClient.getQueryData<BudgetTableAnswer>(queryKey);
}

/** Puts a change's answer into the table held; asks for the whole table when the answer does not fit it. */
export function storeBudgetAnswer(queryClient: QueryClient, answer: BudgetTableChanges): void {
  const next = applyBudgetAnswer(heldBudgetTable(queryClient), answer);
  if (next) queryClient.setQueryData(queryKey, next);
  else void queryClient.invalidateQueries({ queryKey });
}

export function useBudgetTable() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useQuery<BudgetTableAnswer, ApiCallError>({
    queryKey,
    queryFn: async () => {
      const held = heldBudgetTable(queryClient);
      if (held) {
        const next = applyBudgetAnswer(held, await client.request('budget/get-changes', { since: held.token }));
        if (next) return next;
      }
      return client.request('budget/get', {});
    },
    // The changes keep what did not change themselves; comparing the whole table deeply on every answer is
    // the cost this hook exists to avoid.
    structuralSharing: false,
    placeholderData: (previous) => previous,
  });
}
