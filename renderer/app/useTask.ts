/**
 * One long call at a time that the core reports on (`task/progress`) and the user can stop (`tasks/cancel`):
 * `begin()` names a new task and returns its id for the call's `taskId`; `task.progress` is its latest report;
 * `cancel(id)` answers whether the core will stop it; `end()` forgets it (late reports are then dropped).
 */
import { useCallback, useEffect, useState } from 'react';
import type { TaskProgress } from '../../electron/contract';
import { useApiClient } from './api';

export type RunningTask = { taskId: string; progress?: TaskProgress };

let counter = 0;

/** A fresh task id: a UUID where the page has one (the app's origin and localhost are secure contexts). */
export function newTaskId(): string {
  counter += 1;
  const uuid = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : undefined;
  return uuid ?? `task-${Date.now().toString(36)}-${counter}`;
}

export function useTask() {
  const client = useApiClient();
  const [task, setTask] = useState<RunningTask>();

  useEffect(
    () => client.on('task/progress', (progress) => setTask((t) => (t && t.taskId === progress.taskId ? { ...t, progress } : t))),
    [client],
  );

  const begin = useCallback((): string => {
    const taskId = newTaskId();
    setTask({ taskId });
    return taskId;
  }, []);
  const end = useCallback(() => setTask(undefined), []);
  const cancel = useCallback(
    async (taskId: string): Promise<boolean> => {
      const result = await client.call('tasks/cancel', { taskId });
      return result.ok && result.data.cancelled;
    },
    [client],
  );

  return { task, begin, end, cancel };
}
