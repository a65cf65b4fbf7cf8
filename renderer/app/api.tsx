/**
 * Server state for every feature: TanStack Query over the typed client. Query keys are
 * `[channel, input]`, and every query is refetched when the core says `store/changed`, since everything
 * shown derives from the one document. Features use `useApiQuery` / `useApiMutation`, never `window.api`.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { ApiEvents, Channel, ChannelInput, ChannelOutput } from '../../electron/contract';
import type { ApiCallError, ApiClient } from '../bridge/api-client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApiClient utanför ApiProvider');
  return client;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The core is local and answers the same way twice: retrying only delays the error message, and data
      // only goes stale through `store/changed`.
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

export const apiQueryKey = <C extends Channel>(channel: C, input: ChannelInput<C>) => [channel, input] as const;

export function useApiQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: Omit<UseQueryOptions<ChannelOutput<C>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  const client = useApiClient();
  return useQuery<ChannelOutput<C>, ApiCallError>({
    queryKey: apiQueryKey(channel, input),
    queryFn: () => client.request(channel, input),
    ...options,
  });
}

/** A mutation over a channel. No manual invalidation needed: the core's `store/changed` refetches. */
export function useApiMutation<C extends Channel>(
  channel: C,
  options: Omit<UseMutationOptions<ChannelOutput<C>, ApiCallError, ChannelInput<C>>, 'mutationFn'> = {},
) {
  const client = useApiClient();
  return useMutation<ChannelOutput<C>, ApiCallError, ChannelInput<C>>({
    mutationFn: (input) => client.request(channel, input),
    ...options,
  });
}

/** Refetches every query when the document changed (edit, undo, restore, reload). */
export function useStoreChangedRefetch(): void {
  const client = useApiClient();
  const queryClient = useQueryClient();
  useEffect(() => client.on('store/changed', () => void queryClient.invalidateQueries()), [client, queryClient]);
}

export type SaveState = { state: 'saved' | 'saving' | 'failed'; message?: string; revision: number; lastSavedAt?: string };

/** The save state: the latest `store/status` event, or the core's answer before any event has come. */
export function useSaveStatus(): SaveState | undefined {
  const client = useApiClient();
  const status = useApiQuery('store/get-status', {});
  const [event, setEvent] = useState<ApiEvents['store/status']>();
  useEffect(() => client.on('store/status', setEvent), [client]);
  if (event) {
    const lastSavedAt = status.data?.lastSavedAt;
    return lastSavedAt === undefined ? event : { ...event, lastSavedAt };
  }
  return status.data;
}
