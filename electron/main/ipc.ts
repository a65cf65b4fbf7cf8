/**
 * The IPC boundary: exactly the contract's channels, each through the core's dispatcher (strict parse, then the
 * handler, always a `Result`), and the typed events main pushes to the window.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelNames, type ApiEvent, type ApiEvents, type ChannelHandlers } from '../contract';
import { dispatch } from '../core/handlers/dispatch';
import { sv } from './labels';
import { APP_HOST, APP_SCHEME } from './protocol';

export type RegisterOptions = {
  /**
   * Refuses calls from any frame but the app's own page (checklist: validate the sender of IPC messages).
   * Required, and applied inside the one loop over the contract, so no channel can be registered without it.
   */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
};

/** Registers one handler per contract channel; returns a function that removes them again. */
export function registerApi(handlers: ChannelHandlers, ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, options: RegisterOptions): () => void {
  const { isTrustedSender } = options;
  if (typeof isTrustedSender !== 'function') throw new TypeError('registerApi needs isTrustedSender');
  for (const channel of channelNames) {
    ipc.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: sv.ipc.forbidden } };
      }
      return dispatch(handlers, channel, input);
    });
  }
  return () => {
    for (const channel of channelNames) ipc.removeHandler(channel);
  };
}

/**
 * True when the call comes from the top frame of the app's window showing the app's own origin
 * (`app://kansli`): not another window, not a sub-frame, not a page the window was somehow navigated to.
 */
export function senderIsWindow(event: IpcMainInvokeEvent, contents: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  if (!contents || contents.isDestroyed() || event.sender !== contents || !frame || frame.parent) return false;
  return isAppUrl(frame.url);
}

export function isAppUrl(address: string): boolean {
  try {
    const url = new URL(address);
    return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export type EventSender = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

/** Sends to the window if there is one; events raised while it is closed or not yet open are dropped. */
export function createEventSender(target: () => WebContents | undefined): EventSender {
  return (event, payload) => {
    const contents = target();
    if (!contents || contents.isDestroyed()) return;
    contents.send(event, payload);
  };
}
