import type { Channel, ChannelInput, ChannelOutput } from './index';
import type { ApiEvent, ApiEvents } from './events';
import type { Result } from './result';

/**
 * What the preload exposes as `window.api` (and the web bridge installs in the browser): one invoke for the
 * allow-listed channels, one subscription for the allow-listed events. No raw ipcRenderer.
 */
export type WindowApi = {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};
