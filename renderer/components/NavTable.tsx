import { forwardRef } from 'react';
import { Table, useArrowNavigationGroup, type TableProps } from '@fluentui/react-components';

/**
 * Fluent's Table as ONE Tab stop: Tab enters at the control last used in it (the first one at first) and the next
 * Tab leaves the table; the arrow keys move between the links and buttons of its rows and headers (a grid, by
 * position). A list of a hundred organisations is then one stop on the way through the screen, not a hundred.
 */
export const NavTable = forwardRef<HTMLTableElement, TableProps>(function NavTable(props, ref) {
  const keys = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });
  return <Table ref={ref} {...keys} {...props} />;
});
