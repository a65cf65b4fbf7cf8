import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ApiClient } from '../bridge/api-client';
import { App } from './App';
import '../styles/global.css';

/** Mounts the app in `#root`; both entries end here, with the client for their `window.api`. */
export function renderApp(client: ApiClient): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root saknas i index.html');
  createRoot(container).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
}
