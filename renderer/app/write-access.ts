/**
 * What the shared register's database role may not change, for the screens: each route names the area its
 * changes belong to, and a screen whose area the role only reads says so above its content and greys out its
 * actions, rather than letting every click end in the server's refusal.
 */
import type { AppInfo, WriteArea } from '../../electron/contract';
import { useApiQuery } from './api';

/** The role's name when it may read `area` but not change it; undefined when it may (or nothing is known). */
export function readOnlyRoleFor(info: AppInfo | undefined, area: WriteArea | undefined): string | undefined {
  return area !== undefined && info?.role?.readOnlyAreas.includes(area) === true ? info.role.name : undefined;
}

/** `readOnlyRoleFor` over the app's info, for a screen's actions. */
export function useReadOnlyRole(area: WriteArea): string | undefined {
  const info = useApiQuery('app/get-info', {});
  return readOnlyRoleFor(info.data, area);
}
