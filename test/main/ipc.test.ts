import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelNames, type Channel, type ChannelHandlers } from '../../electron/contract';
import { createHandlers } from '../../electron/core/handlers/create-handlers';
import type { DocumentPort } from '../../electron/core/handlers/ports';
import { validateDocument } from '../../electron/core/store/parse-document';
import { createEventSender, registerApi, senderIsWindow } from '../../electron/main/ipc';
import defaultData from '../../assets/default-data.json';
import { FakeFrame, FakeWebContents, ipcMain, resetFakeElectron } from './fake-electron';
import { createInProcessRunner } from '../../electron/core/jobs/in-process-runner';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const fakeIpc = ipcMain as unknown as IpcMain;
const anyEvent = {} as IpcMainInvokeEvent;
/** For tests of what happens after the sender check: every sender trusted. */
const trustAll = { isTrustedSender: () => true };

function call(channel: string, input: unknown, event: IpcMainInvokeEvent = anyEvent) {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, input) as Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string; field?: string; details?: unknown } }>;
}

function spyHandlers(): ChannelHandlers {
  return Object.fromEntries(channelNames.map((c) => [c, vi.fn(async (input: unknown) => ({ echoed: input, channel: c }))])) as unknown as ChannelHandlers;
}

function realServices() {
  const doc = validateDocument(structuredClone(defaultData));
  const port = {
    save: vi.fn<DocumentPort['save']>(async () => undefined),
    listBackups: vi.fn<DocumentPort['listBackups']>(async () => [{ name: 'a.json', createdAt: '2025-01-01T00:00:00.000Z', sizeBytes: 1, kind: 'rolling' }]),
    readBackup: vi.fn<DocumentPort['readBackup']>(async () => doc),
  };
  const services = createHandlers({
    clock: () => new Date('2025-03-01T10:00:00Z'),
    ids: () => 'id-1',
    document: port,
    initial: doc,
    loadReport: { outcome: 'opened', messages: [] },
    app: { version: '1.2.3', mode: 'desktop', dataFile: '/d/register.json', backupDir: '/d/backups' },
    runner: createInProcessRunner(),
  });
  return { port, ...services };
}

describe('registerApi', () => {
  beforeEach(() => resetFakeElectron());

  it('registers exactly the channels of the contract, each once', () => {
    registerApi(spyHandlers(), fakeIpc, trustAll);
    expect(new Set(ipcMain.handlers.keys())).toEqual(new Set(channelNames));
    expect(ipcMain.handle).toHaveBeenCalledTimes(channelNames.length);
  });

  it('registers tasks/cancel like every other channel, behind the sender check', async () => {
    const dispose = registerApi(realServices().handlers, fakeIpc, trustAll);
    expect(await call('tasks/cancel', { taskId: 'ingen' })).toEqual({ ok: true, data: { cancelled: false } });
    dispose();
    registerApi(spyHandlers(), fakeIpc, { isTrustedSender: () => false });
    expect(await call('tasks/cancel', { taskId: 'ingen' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('removes every handler it registered when disposed', () => {
    const dispose = registerApi(spyHandlers(), fakeIpc, trustAll);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes a valid call to the handler, parsed, and answers with its result', async () => {
    const handlers = spyHandlers();
    registerApi(handlers, fakeIpc, trustAll);
    const result = await call('overview/get', { date: '2024-05-01' });
    expect(result).toEqual({ ok: true, data: { echoed: { date: '2024-05-01' }, channel: 'overview/get' } });
    expect(handlers['overview/get']).toHaveBeenCalledTimes(1);
    for (const other of channelNames.filter((c): c is Channel => c !== 'overview/get')) {
      expect(handlers[other]).not.toHaveBeenCalled();
    }
  });

  it('answers invalid input with a Swedish validation error naming the field, and changes nothing', async () => {
    const { handlers, repo, port } = realServices();
    registerApi(handlers, fakeIpc, trustAll);
    const before = repo.get();

    const result = await call('data/restore-backup', { name: '../../etc/passwd' });

    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('validation');
    expect(result.error?.message).toMatch(/^Namn: /);
    expect(result.error?.message).not.toMatch(/invalid|expected|must/i);
    expect(result.error?.field).toBe('name');
    expect(port.listBackups).not.toHaveBeenCalled();
    expect(port.readBackup).not.toHaveBeenCalled();
    expect(port.save).not.toHaveBeenCalled();
    expect(repo.get()).toBe(before);
  });

  it('refuses unknown fields rather than dropping them', async () => {
    const handlers = spyHandlers();
    registerApi(handlers, fakeIpc, trustAll);
    const result = await call('app/get-info', { admin: true });
    expect(result.error).toMatchObject({ code: 'validation', message: 'Okänt fält: ”admin”.' });
    expect(handlers['app/get-info']).not.toHaveBeenCalled();
  });

  it('reaches the real core for a valid call', async () => {
    const { handlers, port } = realServices();
    registerApi(handlers, fakeIpc, trustAll);
    expect(await call('app/get-info', {})).toMatchObject({ ok: true, data: { version: '1.2.3', mode: 'desktop', dataFile: '/d/register.json' } });
    expect(await call('data/restore-backup', { name: 'a.json' })).toEqual({ ok: true, data: { restoredFrom: 'a.json' } });
    expect(port.save).toHaveBeenCalledTimes(1);
  });

  it('cannot be registered without a sender check', () => {
    expect(() => registerApi(spyHandlers(), fakeIpc, {} as never)).toThrow(/isTrustedSender/);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('checks the sender on every channel of the contract, whichever it is', async () => {
    const handlers = spyHandlers();
    const seen: string[] = [];
    registerApi(handlers, fakeIpc, {
      isTrustedSender: () => {
        seen.push('checked');
        return false;
      },
    });
    for (const channel of channelNames) {
      expect(await call(channel, {}), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(handlers[channel], channel).not.toHaveBeenCalled();
    }
    expect(seen).toHaveLength(channelNames.length);
  });

  it('refuses calls from an untrusted sender before anything is parsed or run', async () => {
    const handlers = spyHandlers();
    const trusted = { sender: 'window' } as unknown as IpcMainInvokeEvent;
    registerApi(handlers, fakeIpc, { isTrustedSender: (event) => event === trusted });
    const refused = await call('overview/get', {}, { sender: 'elsewhere' } as unknown as IpcMainInvokeEvent);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.error?.message).toMatch(/avvisades/);
    expect(handlers['overview/get']).not.toHaveBeenCalled();
    expect(await call('overview/get', {}, trusted)).toMatchObject({ ok: true });
  });
});

describe('senderIsWindow', () => {
  const contents = new FakeWebContents();
  const asContents = contents as unknown as WebContents;
  const event = (sender: unknown, frame: FakeFrame | null) => ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;
  const top = new FakeFrame('app://kansli/index.html#/budget');

  it('trusts the top frame of the app window showing the app:// origin', () => {
    expect(senderIsWindow(event(contents, top), asContents)).toBe(true);
  });

  it('distrusts other web contents, sub-frames, lost frames, other origins (file:// too) and a closed window', () => {
    expect(senderIsWindow(event(new FakeWebContents(), top), asContents)).toBe(false);
    expect(senderIsWindow(event(contents, new FakeFrame('app://kansli/x.html', top)), asContents)).toBe(false);
    expect(senderIsWindow(event(contents, null), asContents)).toBe(false);
    for (const url of ['https://evil.example/', 'file:///opt/app/out/renderer/index.html', 'app://evil/index.html', 'app://user:pw@kansli/', 'data:text/html,x', 'about:blank', '']) {
      expect(senderIsWindow(event(contents, new FakeFrame(url)), asContents), url).toBe(false);
    }
    expect(senderIsWindow(event(contents, top), undefined)).toBe(false);
    const closed = new FakeWebContents();
    closed.destroyed = true;
    expect(senderIsWindow(event(closed, top), closed as unknown as WebContents)).toBe(false);
  });
});

describe('createEventSender', () => {
  it('sends the event and payload to the window', () => {
    const contents = new FakeWebContents();
    const send = createEventSender(() => contents as unknown as WebContents);
    send('store/changed', { revision: 4 });
    send('app/command', { command: 'undo' });
    send('task/progress', { taskId: 't', phase: 'planning', done: 250, total: 5000, cancellable: true });
    expect(contents.send.mock.calls).toEqual([
      ['store/changed', { revision: 4 }],
      ['app/command', { command: 'undo' }],
      ['task/progress', { taskId: 't', phase: 'planning', done: 250, total: 5000, cancellable: true }],
    ]);
  });

  it('drops events while there is no live window', () => {
    const contents = new FakeWebContents();
    contents.destroyed = true;
    expect(() => createEventSender(() => contents as unknown as WebContents)('store/changed', { revision: 1 })).not.toThrow();
    expect(() => createEventSender(() => undefined)('store/changed', { revision: 1 })).not.toThrow();
    expect(contents.send).not.toHaveBeenCalled();
  });
});
