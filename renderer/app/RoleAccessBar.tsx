import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { WriteArea } from '../../electron/contract';
import { sv } from '../lib/i18n/sv';

/** Above a screen whose area the shared register's role may read but not change: who may, and what is still open. */
export function RoleAccessBar({ area, role }: { area: WriteArea; role: string }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="role-access">
      <MessageBarBody>
        <MessageBarTitle>{sv.roleAccess.title}</MessageBarTitle>
        {sv.roleAccess[area](role)}
      </MessageBarBody>
    </MessageBar>
  );
}
