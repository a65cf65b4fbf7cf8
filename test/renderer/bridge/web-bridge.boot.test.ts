import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOOT_DOCUMENT_GLOBAL, BOOT_READ_ONLY_GLOBAL, BOOT_ROLE_GLOBAL, bootDocumentText, bootReadOnlyReason, bootRole, installWebBridge } from '../../../renderer/bridge/web-bridge';
import { readOnlyRoleFor } from '../../../renderer/app/write-access';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import { overviewAt } from '../../../electron/core/domain/overview';

const defaultText = fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/default-data.json'), 'utf8');
const clock = () => new Date('2022-06-30T10:00:00.000Z');
const scope = globalThis as Record<string, unknown>;

// installWebBridge sets `window.api`, as in the browser.
beforeEach(() => {
  vi.stubGlobal('window', {});
});

afterEach(() => {
  delete scope[BOOT_DOCUMENT_GLOBAL];
  delete scope[BOOT_READ_ONLY_GLOBAL];
  delete scope[BOOT_ROLE_GLOBAL];
  vi.unstubAllGlobals();
});

describe('starting the web entry from a given register (the benchmarks’ hook)', () => {
  it('reads the boot document only when a string was put in the global', () => {
    expect(bootDocumentText({})).toBeUndefined();
    expect(bootDocumentText({ [BOOT_DOCUMENT_GLOBAL]: 42 })).toBeUndefined();
    expect(bootDocumentText({ [BOOT_DOCUMENT_GLOBAL]: '{"a":1}' })).toBe('{"a":1}');
  });

  it('runs the core over the boot document instead of the bundled one, and says so', async () => {
    const demo = generateDemoDocument({ scale: 1, seed: 'boot', base: readDemoBase() });
    scope[BOOT_DOCUMENT_GLOBAL] = JSON.stringify(demo);
    const bridge = installWebBridge({ documentText: defaultText, version: '1.0.0', clock });
    expect(bridge.repo.get().organisations).toHaveLength(400);
    const info = await bridge.api.invoke('app/get-info', {});
    expect(info).toMatchObject({ ok: true, data: { loadReport: { outcome: 'opened' } } });
    expect(await bridge.api.invoke('overview/get', {})).toEqual({ ok: true, data: overviewAt(demo, '2022-06-30') });
  });

  it('starts from the bundled register when no boot document was given', async () => {
    const bridge = installWebBridge({ documentText: defaultText, version: '1.0.0', clock });
    expect(bridge.repo.get().organisations.length).toBe(JSON.parse(defaultText).organisations.length);
    expect(await bridge.api.invoke('app/get-info', {})).toMatchObject({ ok: true, data: { loadReport: { outcome: 'created-default' } } });
  });

  it('refuses a boot document that is not a valid register, as any start would', () => {
    scope[BOOT_DOCUMENT_GLOBAL] = '{"schemaVersion":1}';
    expect(() => installWebBridge({ documentText: defaultText, version: '1.0.0', clock })).toThrow(/registrets format/);
  });
});

describe('starting the web entry read-only (a harness’s view of the desktop’s read-only states)', () => {
  it('takes only a known reason from the global', () => {
    expect(bootReadOnlyReason({})).toBeUndefined();
    expect(bootReadOnlyReason({ [BOOT_READ_ONLY_GLOBAL]: 'no-such-reason' })).toBeUndefined();
    expect(bootReadOnlyReason({ [BOOT_READ_ONLY_GLOBAL]: 'file-read-only' })).toBe('file-read-only');
  });

  it('refuses changes while read-only; make-writable lifts it in memory for a write-protected file only', async () => {
    scope[BOOT_READ_ONLY_GLOBAL] = 'file-read-only';
    const bridge = installWebBridge({ documentText: defaultText, version: '1.0.0', clock });
    expect(await bridge.api.invoke('app/get-info', {})).toMatchObject({ ok: true, data: { readOnly: true, readOnlyReason: 'file-read-only' } });
    await expect(bridge.repo.change('t', (tx) => tx.setSetting('test', 1))).rejects.toMatchObject({ code: 'read-only' });
    expect(await bridge.api.invoke('data/make-writable', {})).toMatchObject({ ok: true, data: { readOnly: false } });
    await bridge.repo.change('t', (tx) => tx.setSetting('test', 1));
    expect(bridge.savedText()).toBeDefined();
  });

  it('cannot make writable a register held by another copy', async () => {
    scope[BOOT_READ_ONLY_GLOBAL] = 'locked';
    const bridge = installWebBridge({ documentText: defaultText, version: '1.0.0', clock });
    expect(await bridge.api.invoke('data/make-writable', {})).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });
});

describe('starting the web entry as a shared register role that only reads some areas (a harness’s view)', () => {
  it('takes only a named role with known areas from the global', () => {
    expect(bootRole({})).toBeUndefined();
    expect(bootRole({ [BOOT_ROLE_GLOBAL]: 'anna' })).toBeUndefined();
    expect(bootRole({ [BOOT_ROLE_GLOBAL]: { name: '', readOnlyAreas: ['invoicing'] } })).toBeUndefined();
    expect(bootRole({ [BOOT_ROLE_GLOBAL]: { name: 'anna', readOnlyAreas: ['nothing'] } })).toBeUndefined();
    expect(bootRole({ [BOOT_ROLE_GLOBAL]: { name: 'anna', readOnlyAreas: ['invoicing', 'nothing'] } })).toEqual({ name: 'anna', readOnlyAreas: ['invoicing'] });
  });

  it('app/get-info names the role and its read-only areas, and each area is answered for by itself', async () => {
    scope[BOOT_ROLE_GLOBAL] = { name: 'anna', readOnlyAreas: ['invoicing'] };
    const bridge = installWebBridge({ documentText: defaultText, version: '1.0.0', clock });
    const info = await bridge.api.invoke('app/get-info', {});
    expect(info).toMatchObject({ ok: true, data: { readOnly: false, role: { name: 'anna', readOnlyAreas: ['invoicing'] } } });
    const data = info.ok ? info.data : undefined;
    expect(readOnlyRoleFor(data, 'invoicing')).toBe('anna');
    expect(readOnlyRoleFor(data, 'register')).toBeUndefined();
    expect(readOnlyRoleFor(data, undefined)).toBeUndefined();
  });

  it('says nothing of areas while the whole register is read-only (the read-only reason says it all)', async () => {
    scope[BOOT_ROLE_GLOBAL] = { name: 'anna', readOnlyAreas: ['invoicing'] };
    scope[BOOT_READ_ONLY_GLOBAL] = 'locked';
    const bridge = installWebBridge({ documentText: defaultText, version: '1.0.0', clock });
    const info = await bridge.api.invoke('app/get-info', {});
    expect(info).toMatchObject({ ok: true, data: { readOnly: true } });
    expect(info.ok ? info.data.role : 'no answer').toBeUndefined();
  });
});
