import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockFromSearch, createWebBridge, WEB_DATA_FILE } from '../../../renderer/bridge/web-bridge';
import { createApiClient, ApiCallError } from '../../../renderer/bridge/api-client';
import { overviewAt } from '../../../electron/core/domain/overview';
import { parseDocumentText } from '../../../electron/core/store/parse-document';
import type { ApiEvents } from '../../../electron/contract';

const documentText = fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/default-data.json'), 'utf8');
const fixedClock = () => new Date('2022-06-30T10:00:00.000Z');

function bridge() {
  let n = 0;
  return createWebBridge({ documentText, version: '9.8.7', clock: fixedClock, ids: () => `web-${++n}` });
}

describe('web bridge', () => {
  it('answers app/get-info as the web mode over the in-memory document', async () => {
    const result = await bridge().api.invoke('app/get-info', {});
    expect(result).toMatchObject({
      ok: true,
      data: { version: '9.8.7', mode: 'web', dataFile: WEB_DATA_FILE, loadReport: { outcome: 'created-default' } },
    });
  });

  it('computes the overview with the real core at the bridge clock', async () => {
    const result = await bridge().api.invoke('overview/get', {});
    expect(result).toEqual({ ok: true, data: overviewAt(parseDocumentText(documentText), '2022-06-30') });
  });

  it('runs the same input validation as main', async () => {
    const api = bridge().api;
    const badDate = await api.invoke('overview/get', { date: '2023-02-29' });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'validation' } });
    const extraKey = await api.invoke('app/get-info', { sneaky: true } as never);
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unknown = await api.invoke('members/steal' as never, {} as never);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('has no backups, and refuses to restore one', async () => {
    const api = bridge().api;
    expect(await api.invoke('data/list-backups', {})).toEqual({ ok: true, data: [] });
    expect(await api.invoke('data/restore-backup', { name: 'x.json' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('hands out copies, so the UI cannot change the core state it was given', async () => {
    const api = bridge().api;
    const first = await api.invoke('reference/list-counties', {});
    if (!first.ok) throw new Error(first.error.message);
    const county = first.data[0];
    if (county) county.name = 'Ändrad';
    const second = await api.invoke('reference/list-counties', {});
    if (!second.ok) throw new Error(second.error.message);
    expect(second.data[0]?.name).not.toBe('Ändrad');
  });

  it('keeps a JSON copy on save and reports saving, saved and changed, after the change', async () => {
    const b = bridge();
    const seen: string[] = [];
    const statuses: ApiEvents['store/status'][] = [];
    b.api.on('store/status', (s) => {
      statuses.push(s);
      seen.push(`status:${s.state}`);
    });
    const off = b.api.on('store/changed', ({ revision }) => seen.push(`changed:${revision}`));
    const changed = (revision: number) =>
      new Promise<void>((resolve) => {
        const stop = b.api.on('store/changed', (e) => {
          if (e.revision !== revision) return;
          stop();
          resolve();
        });
      });

    const first = changed(1);
    await b.repo.change('Teständring', (tx) => tx.setSetting('source', 'ändrad i test'));
    // Events come in a later task, as over IPC: none has arrived when the change resolves.
    expect(seen).toEqual([]);
    await first;
    expect(seen).toEqual(['status:saving', 'status:saved', 'changed:1']);
    expect(statuses.every((s) => s.revision === 1)).toBe(true);
    expect(parseDocumentText(b.savedText() ?? '').settings.source).toBe('ändrad i test');

    off();
    const second = changed(2);
    await b.repo.change('Till', (tx) => tx.setSetting('source', 'igen'));
    await second;
    expect(seen.filter((s) => s.startsWith('changed'))).toEqual(['changed:1']);
  });

  it('has recorded the undo step by the time store/changed arrives', async () => {
    const b = bridge();
    const client = createApiClient(b.api);
    const historyAtEvent = new Promise<unknown>((resolve) => {
      b.api.on('store/changed', () => resolve(client.request('history/get-state', {})));
    });
    await b.repo.change('Ändrade en inställning', (tx) => tx.setSetting('x', 1));
    expect(await historyAtEvent).toMatchObject({ canUndo: true, undoSummary: 'Ändrade en inställning' });
  });

  it('undoes through history/undo like the desktop', async () => {
    const b = bridge();
    // meta is outside undo by design, so change a setting.
    await b.repo.change('Ändrade källa', (tx) => tx.setSetting('testValue', 'ändrad'));
    const client = createApiClient(b.api);
    expect(await client.request('history/get-state', {})).toMatchObject({ canUndo: true, undoSummary: 'Ändrade källa' });
    expect(await client.request('history/undo', {})).toMatchObject({ canUndo: false, canRedo: true });
    expect(b.repo.get().settings.testValue).toBeUndefined();
  });
});

describe('api client', () => {
  it('throws a typed error carrying the core code for a failed call', async () => {
    const client = createApiClient(bridge().api);
    const error = await client.request('overview/get', { date: 'igår' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'validation', channel: 'overview/get' });
    expect((error as Error).message).toMatch(/^Datum: /);
  });

  it('turns a transport failure into an internal error value', async () => {
    const client = createApiClient({
      invoke: () => Promise.reject(new Error('ipc closed')),
      on: () => () => undefined,
    });
    const result = await client.call('app/get-info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('clockFromSearch', () => {
  it('fixes today to the given date in Sweden', () => {
    const clock = clockFromSearch('?clock=2022-06-30');
    expect(clock).toBeDefined();
    const now = clock?.() ?? new Date(0);
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now)).toBe('2022-06-30');
  });

  it.each(['', '?clock=2023-02-29', '?clock=igår', '?other=2022-01-01'])('ignores %j', (search) => {
    expect(clockFromSearch(search)).toBeUndefined();
  });
});
