import type { ServiceHandlers } from '../../contract';
import type { ServiceContext } from './create-services';

export function createTasksServices({ tasks }: ServiceContext): Pick<ServiceHandlers, 'tasks/cancel'> {
  return {
    'tasks/cancel': ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),
  };
}
