/**
 * The page's only door to main: `window.api`, one invoke for the contract's channels and one subscription for
 * its events. Runs sandboxed, so it is bundled to CommonJS and may require nothing but `electron`.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel } from '../contract';
import { eventNames, type ApiEvent } from '../contract/events';
import type { WindowApi } from '../contract/window-api';

function isEvent(name: unknown): name is ApiEvent {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

export function createWindowApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): WindowApi {
  return {
    invoke(channel, input) {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown-channel', message: `Okänd kanal: ${String(channel).slice(0, 80)}` },
        });
      }
      return ipc.invoke(channel, input);
    },
    on(event, listener) {
      if (!isEvent(event)) throw new Error(`Okänd händelse: ${String(event).slice(0, 80)}`);
      if (typeof listener !== 'function') throw new TypeError('Lyssnaren måste vara en funktion.');
      // The IPC event object (sender, ports) stays in the preload; the page sees only the payload.
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld('api', createWindowApi(ipcRenderer));
