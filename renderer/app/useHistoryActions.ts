import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HistoryState } from '../../electron/contract';
import { sv } from '../lib/i18n/sv';
import { apiQueryKey, useApiClient, useApiQuery } from './api';
import { useNotify } from './notify';

/** Undo and redo of saved changes through the core (`history/undo`, `history/redo`), with a toast saying what. */
export function useHistoryActions() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const history = useApiQuery('history/get-state', {});

  const run = useCallback(
    async (action: 'undo' | 'redo') => {
      const before = history.data;
      if (before && !(action === 'undo' ? before.canUndo : before.canRedo)) return;
      const result = await client.call(action === 'undo' ? 'history/undo' : 'history/redo', {});
      if (!result.ok) {
        notify((action === 'undo' ? sv.header.undoFailed : sv.header.redoFailed)(result.error.message), 'error');
        // A refusal may have emptied the history (a step someone else changed since): show what is left.
        void queryClient.invalidateQueries({ queryKey: apiQueryKey('history/get-state', {}) });
        return;
      }
      queryClient.setQueryData<HistoryState>(apiQueryKey('history/get-state', {}), result.data);
      const summary = action === 'undo' ? before?.undoSummary : before?.redoSummary;
      if (summary) notify((action === 'undo' ? sv.header.undone : sv.header.redone)(summary), 'info');
    },
    [client, history.data, notify, queryClient],
  );

  return {
    state: history.data,
    undo: useCallback(() => run('undo'), [run]),
    redo: useCallback(() => run('redo'), [run]),
  };
}
