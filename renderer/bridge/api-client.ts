/**
 * The renderer's one way into the core: a typed client over `WindowApi` (the preload's `window.api` on the
 * desktop, the web bridge in a browser). Channel names, inputs and outputs all come from the contract.
 */
import type {
  ApiError,
  ApiEvent,
  ApiEvents,
  Channel,
  ChannelInput,
  ChannelOutput,
  ErrorCode,
  ErrorDetails,
  Result,
  WindowApi,
} from '../../electron/contract';

/** Thrown by `request` so TanStack Query sees a failed call as an error that still carries the core's code. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  /** The input path the refusal names, and what to show there (see `ApiError`). */
  readonly field?: string;
  readonly label?: string;
  readonly fieldMessage?: string;
  readonly details?: ErrorDetails;
  readonly channel: Channel;

  constructor(channel: Channel, error: ApiError) {
    // The core's message is already a Swedish sentence for the user.
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    if (error.field !== undefined) this.field = error.field;
    if (error.label !== undefined) this.label = error.label;
    if (error.fieldMessage !== undefined) this.fieldMessage = error.fieldMessage;
    if (error.details !== undefined) this.details = error.details;
    this.channel = channel;
  }
}

export type ApiClient = {
  /** Calls a channel; never throws: a transport failure becomes `{ ok: false, code: 'internal' }`. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Calls a channel and returns its data, or throws `ApiCallError` (for query functions and mutations). */
  request<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

const TRANSPORT_FAILURE = 'Programmet fick inget svar från registret. Försök igen.';

export function createApiClient(api: WindowApi): ApiClient {
  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    try {
      const result = await api.invoke(channel, input);
      if (result && typeof result === 'object' && 'ok' in result) return result;
      return { ok: false, error: { code: 'internal', message: TRANSPORT_FAILURE } };
    } catch {
      return { ok: false, error: { code: 'internal', message: TRANSPORT_FAILURE } };
    }
  }
  return {
    call,
    async request(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new ApiCallError(channel, result.error);
      return result.data;
    },
    on: (event, listener) => api.on(event, listener),
  };
}

/** `window.api` as installed by the preload or the web bridge. */
export function getWindowApi(): WindowApi {
  const api = (window as unknown as { api?: WindowApi }).api;
  if (!api) throw new Error('window.api saknas: programmet startades utan förbindelse till registret.');
  return api;
}

/** Lets the web bridge install itself without a global type augmentation that could clash with the preload's. */
export function setWindowApi(api: WindowApi): void {
  (window as unknown as { api?: WindowApi }).api = api;
}
