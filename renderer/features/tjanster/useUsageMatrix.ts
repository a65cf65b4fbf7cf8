/**
 * The usage matrix as server state. The first answer is the whole matrix; when the register changes
 * (`store/changed` refetches every query), the screen asks only for what differs from the matrix it holds
 * (`usage/get-matrix-changes`) and applies it (`applyMatrixChanges`). At ten times the association's size that
 * turns a toggle's refetch from two megabytes copied and compared into one row.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput, UsageMatrixAnswer } from '../../../electron/contract';
import { apiQueryKey, useApiClient } from '../../app/api';
import type { ApiCallError } from '../../bridge/api-client';
import { applyMatrixChanges } from './matrix-changes';

export function useUsageMatrix(input: ChannelInput<'usage/get-matrix'>) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const queryKey = apiQueryKey('usage/get-matrix', input);
  return useQuery<UsageMatrixAnswer, ApiCallError>({
    queryKey,
    queryFn: async () => {
      const held = queryClient.getQueryData<UsageMatrixAnswer>(queryKey);
      if (held) {
        const answer = await client.request('usage/get-matrix-changes', { ...input, since: held.token });
        const next = answer.kind === 'full' ? answer.matrix : applyMatrixChanges(held, answer);
        if (next) return next;
      }
      return client.request('usage/get-matrix', input);
    },
    // `applyMatrixChanges` keeps what did not change itself; comparing two megabytes deeply on every answer
    // is the cost this hook exists to avoid.
    structuralSharing: false,
    placeholderData: (previous) => previous,
  });
}
