/**
 * Long calls (`imports/read`, `imports/preview`, `imports/apply`, `exports/accountant-workbook`) take an optional
 * `taskId` chosen by the UI. While such a call runs, the core reports its progress as `task/progress` events
 * carrying that id, and `tasks/cancel` stops it: the worker doing its heavy work (reading, planning, building the
 * workbook) is terminated where it stands, and the call answers `cancelled` and leaves nothing behind. An import whose durable write has started can no longer be cancelled; `tasks/cancel`
 * then answers `{ cancelled: false }` (as it does for a task that has finished or is not known), and the
 * import completes.
 */
import { z } from 'zod';
import { channel } from '../define';

/** The UI's name for one long call: letters, digits, `-` and `_` (a UUID fits). */
export const taskIdInput = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'Uppgiftens id är ogiltigt.' });

export type TaskCancelResult = {
  /** True when the task was running and is being stopped; false when it was past cancelling, done or unknown. */
  cancelled: boolean;
};

export const tasksChannels = {
  'tasks/cancel': channel<TaskCancelResult>()(z.strictObject({ taskId: taskIdInput })),
};
