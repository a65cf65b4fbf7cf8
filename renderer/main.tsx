/** Desktop entry: `window.api` comes from the preload (contextBridge); the core runs in Electron's main process. */
import { renderApp } from './app/render';
import { createApiClient, getWindowApi } from './bridge/api-client';

renderApp(createApiClient(getWindowApi()));
