import type { ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiCallError } from '../bridge/api-client';
import { sv } from '../lib/i18n/sv';

/** Renders `children(data)` once a query has data; a spinner before, an error with «Försök igen» on failure. */
export function QueryState<T>({
  query,
  label,
  children,
}: {
  query: UseQueryResult<T, ApiCallError>;
  /** What is being fetched, for the spinner's accessible label. */
  label?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{sv.app.loadFailed(query.error.message)}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => void query.refetch()}>{sv.app.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return <Spinner size="small" label={label ?? sv.app.loading} labelPosition="after" />;
}
