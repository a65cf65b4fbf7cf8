import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames, type WindowApi } from '../../electron/contract';
import { contextBridge, ipcRenderer } from '../main/fake-electron';

vi.mock('electron', async () => (await import('../main/fake-electron')).electronModule);

let api: WindowApi;
let exposedKeys: string[];

beforeAll(async () => {
  await import('../../electron/preload/preload');
  exposedKeys = [...contextBridge.exposed.keys()];
  api = contextBridge.exposed.get('api') as WindowApi;
});

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.on.mockClear();
  ipcRenderer.removeListener.mockClear();
});

/** Calls with names the types forbid, as a page script could. */
const untyped = () => api as unknown as { invoke: (c: unknown, i: unknown) => Promise<unknown>; on: (e: unknown, l: unknown) => () => void };

describe('the preload', () => {
  it('exposes `api` and nothing else, and the api holds only invoke and on', () => {
    expect(exposedKeys).toEqual(['api']);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('answers an unknown channel itself, in Swedish, without reaching main', async () => {
    for (const channel of ['members/delete-everything', '__proto__', 'toString', 'app/get-info ', '', 42]) {
      const result = await untyped().invoke(channel, {});
      expect(result, String(channel)).toEqual({ ok: false, error: { code: 'unknown-channel', message: `Okänd kanal: ${String(channel)}` } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('forwards every contract channel to main with its input and returns main’s answer', async () => {
    for (const channel of channelNames) {
      ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: channel });
      expect(await untyped().invoke(channel, { probe: channel })).toEqual({ ok: true, data: channel });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, { probe: channel });
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(channelNames.length);
  });

  it('passes only the payload to a listener, never the IPC event object', () => {
    const listener = vi.fn();
    api.on('store/changed', listener);
    const ipcEvent = { sender: ipcRenderer, ports: [] };
    ipcRenderer.emitter.emit('store/changed', ipcEvent, { revision: 7 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ revision: 7 }]);
  });

  it('allows task/progress, the progress of long calls, and passes its payload on', () => {
    expect(eventNames).toContain('task/progress');
    const listener = vi.fn();
    const off = api.on('task/progress', listener);
    const payload = { taskId: 't1', phase: 'building', done: 2, total: 5, cancellable: true, detail: 'Tjänsteanvändning' };
    ipcRenderer.emitter.emit('task/progress', { sender: ipcRenderer, ports: [] }, payload);
    expect(listener.mock.calls).toEqual([[payload]]);
    off();
  });

  it('subscribes to each contract event, and unsubscribing removes exactly that listener', () => {
    for (const event of eventNames) {
      const listener = vi.fn();
      const off = untyped().on(event, listener);
      expect(ipcRenderer.on).toHaveBeenLastCalledWith(event, expect.any(Function));
      off();
      expect(ipcRenderer.removeListener).toHaveBeenLastCalledWith(event, ipcRenderer.on.mock.lastCall?.[1]);
      ipcRenderer.emitter.emit(event, {}, { any: 'payload' });
      expect(listener).not.toHaveBeenCalled();
    }
  });

  it('refuses to subscribe to anything but the contract events', () => {
    for (const event of ['ELECTRON_BROWSER_REQUIRE', 'ipc-message', 'store/changed2', '__proto__']) {
      expect(() => untyped().on(event, () => undefined), event).toThrow(/Okänd händelse/);
    }
    expect(() => untyped().on('store/changed', 'not a function')).toThrow(TypeError);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
