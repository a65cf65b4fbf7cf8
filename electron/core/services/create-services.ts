/**
 * Implements every channel of the contract over a repository. Feature handlers live beside this file
 * (`<feature>.services.ts`) and are joined here; `ServiceHandlers` makes a missing channel a compile error.
 */
import type { ServiceHandlers } from '../../contract';
import { dateAt } from '../../contract/rules/calendar-date';
import { createRepository, type Repository } from '../store/repository';
import type { Ports } from './ports';
import { createAppServices } from './app.services';
import { createServicesServices } from './services.services';
import { createUsageServices } from './usage.services';
import { createMatrixServices } from './matrix.services';
import { createNetworksServices } from './networks.services';
import { createBudgetServices } from './budget.services';
import { createMembersServices } from './members.services';
import { createGoalsServices } from './goals.services';
import { createExportsServices } from './exports.services';
import { createImportsServices } from './imports.services';
import { createTasksServices } from './tasks.services';
import { createTaskRegistry, type TaskRegistry } from './tasks';

export type ServiceContext = { repo: Repository; ports: Ports; today: () => string; tasks: TaskRegistry };

export function createServices(ports: Ports): { handlers: ServiceHandlers; repo: Repository } {
  const repo = createRepository({
    initial: ports.initial,
    persist: (doc) => ports.document.save(doc),
    clock: ports.clock,
    ids: ports.ids,
    ...(ports.user ? { user: ports.user } : {}),
    readOnly: ports.app.readOnly ?? false,
    onChanged: (doc) => ports.onChanged?.(doc.meta.revision),
  });
  const tasks = createTaskRegistry((progress) => ports.onProgress?.(progress));
  const ctx: ServiceContext = { repo, ports, today: () => dateAt(ports.clock()), tasks };
  const handlers: ServiceHandlers = {
    ...createAppServices(ctx),
    ...createServicesServices(ctx),
    ...createUsageServices(ctx),
    ...createMatrixServices(ctx),
    ...createNetworksServices(ctx),
    ...createBudgetServices(ctx),
    ...createMembersServices(ctx),
    ...createGoalsServices(ctx),
    ...createExportsServices(ctx),
    ...createImportsServices(ctx),
    ...createTasksServices(ctx),
  };
  return { handlers, repo };
}
