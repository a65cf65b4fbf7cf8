/**
 * Implements every channel of the contract over a repository. Feature handlers live beside this file
 * (`<feature>.services.ts`) and are joined here; `ChannelHandlers` makes a missing channel a compile error.
 */
import type { ChannelHandlers } from '../../contract';
import { dateAt } from '../../contract/rules/calendar-date';
import { createRepository, type Repository } from '../store/repository';
import type { Ports } from './ports';
import { createAppHandlers } from './app.handlers';
import { createServiceCatalogueHandlers } from './services.handlers';
import { createUsageHandlers } from './usage.handlers';
import { createMatrixHandlers } from './matrix.handlers';
import { createNetworksHandlers } from './networks.handlers';
import { createBudgetHandlers } from './budget.handlers';
import { createMembersHandlers } from './members.handlers';
import { createGoalsHandlers } from './goals.handlers';
import { createExportsHandlers } from './exports.handlers';
import { createImportsHandlers } from './imports.handlers';
import { createTasksHandlers } from './tasks.handlers';
import { createReachHandlers } from './reach.handlers';
import { createInvoicingHandlers } from './invoicing.handlers';
import { createInvoicingFilesHandlers } from './invoicing-files.handlers';
import { createTaskRegistry, type TaskRegistry } from './tasks';

export type HandlerContext = { repo: Repository; ports: Ports; today: () => string; tasks: TaskRegistry };

export function createHandlers(ports: Ports): { handlers: ChannelHandlers; repo: Repository } {
  const repo = createRepository({
    initial: ports.initial,
    ...(ports.shared ? { shared: ports.shared } : { persist: (doc) => ports.document.save(doc) }),
    clock: ports.clock,
    ids: ports.ids,
    ...(ports.user ? { user: ports.user } : {}),
    readOnly: ports.app.readOnly ?? false,
    onChanged: (doc) => ports.onChanged?.(doc.meta.revision),
  });
  const tasks = createTaskRegistry((progress) => ports.onProgress?.(progress));
  const ctx: HandlerContext = { repo, ports, today: () => dateAt(ports.clock()), tasks };
  const handlers: ChannelHandlers = {
    ...createAppHandlers(ctx),
    ...createServiceCatalogueHandlers(ctx),
    ...createUsageHandlers(ctx),
    ...createMatrixHandlers(ctx),
    ...createNetworksHandlers(ctx),
    ...createBudgetHandlers(ctx),
    ...createMembersHandlers(ctx),
    ...createGoalsHandlers(ctx),
    ...createExportsHandlers(ctx),
    ...createImportsHandlers(ctx),
    ...createTasksHandlers(ctx),
    ...createReachHandlers(ctx),
    ...createInvoicingHandlers(ctx),
    ...createInvoicingFilesHandlers(ctx),
  };
  return { handlers, repo };
}
