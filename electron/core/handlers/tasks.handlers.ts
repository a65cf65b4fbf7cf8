import type { ChannelHandlers } from '../../contract';
import type { HandlerContext } from './create-handlers';

export function createTasksHandlers({ tasks }: HandlerContext): Pick<ChannelHandlers, 'tasks/cancel'> {
  return {
    'tasks/cancel': ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),
  };
}
