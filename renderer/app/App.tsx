import { useState } from 'react';
import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ApiClient } from '../bridge/api-client';
import { ApiProvider, createQueryClient } from './api';
import { TOASTER_ID } from './notify';
import { Shell } from './Shell';

/** The whole UI over an API client; the desktop and web entries differ only in where the client comes from. */
export function App({ client }: { client: ApiClient }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <FluentProvider theme={webLightTheme} lang="sv">
      <QueryClientProvider client={queryClient}>
        <ApiProvider client={client}>
          <Shell />
          <Toaster toasterId={TOASTER_ID} position="bottom-end" />
        </ApiProvider>
      </QueryClientProvider>
    </FluentProvider>
  );
}
