/**
 * Browser entry (`npm run dev:web`, the Playwright suite): installs `window.api` over the real core with the
 * bundled default register in memory, then renders the same App as the desktop. `?clock=YYYY-MM-DD` fixes
 * "today" so figures are deterministic in tests.
 */
import defaultDocumentText from '../assets/default-data.json?raw';
import { renderApp } from './app/render';
import { createApiClient } from './bridge/api-client';
import { clockFromSearch, installWebBridge } from './bridge/web-bridge';

const bridge = installWebBridge({
  documentText: defaultDocumentText,
  version: __APP_VERSION__,
  clock: clockFromSearch(window.location.search),
});

renderApp(createApiClient(bridge.api));
