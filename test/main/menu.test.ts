import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appCommands } from '../../electron/contract';
import { buildMenuTemplate, type MenuOptions } from '../../electron/main/menu';
import { sv } from '../../electron/main/labels';

function build(options: Partial<MenuOptions> = {}) {
  const actions = { command: vi.fn(), showDataFile: vi.fn(), quit: vi.fn() };
  const template = buildMenuTemplate(actions, { isPackaged: true, platform: 'win32', ...options });
  return { actions, template };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function find(template: MenuItemConstructorOptions[], label: string, accelerator?: string): MenuItemConstructorOptions {
  const found = items(template).filter((i) => i.label === label && (accelerator === undefined || i.accelerator === accelerator));
  if (found.length !== 1) throw new Error(`expected one item «${label}» ${accelerator ?? ''}, found ${found.length}`);
  return found[0] as MenuItemConstructorOptions;
}

function click(item: MenuItemConstructorOptions) {
  (item.click as () => void)();
}

describe('the application menu', () => {
  it('has the Swedish top-level menus', () => {
    expect(build().template.map((m) => m.label)).toEqual(['Arkiv', 'Redigera', 'Visa', 'Hjälp']);
  });

  it('labels every item itself, in Swedish, so no English default of a role shows', () => {
    const dictionary = new Set<string>(Object.values(sv.menu));
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      for (const item of items(build({ platform, isPackaged: false }).template)) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify({ role: item.role, accelerator: item.accelerator })).toBeDefined();
        expect(dictionary.has(item.label as string) || item.label === sv.appName, item.label).toBe(true);
      }
    }
  });

  it('has the agreed accelerators', () => {
    const { template } = build();
    expect(find(template, 'Avsluta').accelerator).toBe('CmdOrCtrl+Q');
    expect(find(template, 'Ångra').accelerator).toBe('CmdOrCtrl+Z');
    expect(find(template, 'Gör om', 'CmdOrCtrl+Shift+Z')).toBeDefined();
    expect(find(template, 'Gör om', 'CmdOrCtrl+Y')).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
    expect(find(template, 'Klipp ut')).toMatchObject({ role: 'cut', accelerator: 'CmdOrCtrl+X' });
    expect(find(template, 'Kopiera')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C' });
    expect(find(template, 'Klistra in')).toMatchObject({ role: 'paste', accelerator: 'CmdOrCtrl+V' });
    expect(find(template, 'Markera allt')).toMatchObject({ role: 'selectAll', accelerator: 'CmdOrCtrl+A' });
    expect(find(template, 'Helskärm')).toMatchObject({ role: 'togglefullscreen', accelerator: 'F11' });
    expect(find(template, 'Zooma in').role).toBe('zoomIn');
    expect(find(template, 'Zooma ut').role).toBe('zoomOut');
  });

  it('never gives two items the same accelerator', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const accelerators = items(build({ platform, isPackaged: false }).template).flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });

  it('sends undo and redo to the UI rather than acting on the page', () => {
    const { template, actions } = build();
    click(find(template, 'Ångra'));
    expect(actions.command).toHaveBeenLastCalledWith('undo');
    click(find(template, 'Gör om', 'CmdOrCtrl+Shift+Z'));
    expect(actions.command).toHaveBeenLastCalledWith('redo');
    click(find(template, 'Gör om', 'CmdOrCtrl+Y'));
    expect(actions.command).toHaveBeenLastCalledWith('redo');
    expect(find(template, 'Ångra').role).toBeUndefined();
  });

  it('navigates with Ctrl+1 to Ctrl+8, covering every page command of the contract in order', () => {
    const { template, actions } = build();
    const view = template.find((m) => m.label === 'Visa')?.submenu as MenuItemConstructorOptions[];
    const pages = view.filter((i) => /^CmdOrCtrl\+[1-9]$/.test(String(i.accelerator)));
    expect(pages.map((i) => i.label)).toEqual(['Översikt', 'Medlemmar', 'Tjänster', 'Nätverk', 'Budget', 'Styrelserapport', 'Data', 'Fakturering']);
    expect(pages.map((i) => i.accelerator)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `CmdOrCtrl+${n}`));
    pages.forEach(click);
    expect(actions.command.mock.calls.map((c) => c[0])).toEqual(appCommands.filter((c) => c.startsWith('navigate:')));
  });

  it('sends «about» from Hjälp, shows the data file and quits from Arkiv', () => {
    const { template, actions } = build();
    click(find(template, 'Om Sambruk Kansli'));
    expect(actions.command).toHaveBeenCalledWith('about');
    click(find(template, 'Visa datafil i mappen'));
    expect(actions.showDataFile).toHaveBeenCalledTimes(1);
    click(find(template, 'Avsluta'));
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('opens the user guide with F1 from Hjälp, beside «Om Sambruk Kansli», on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const { template, actions } = build({ platform });
      const help = template.find((m) => m.label === 'Hjälp')?.submenu as MenuItemConstructorOptions[];
      expect(help.filter((i) => i.type !== 'separator').map((i) => i.label), platform).toEqual(['Användarguide', 'Om Sambruk Kansli']);
      const guide = find(template, 'Användarguide');
      expect(guide.accelerator).toBe('F1');
      click(guide);
      expect(actions.command).toHaveBeenLastCalledWith('help');
    }
  });

  it('offers developer tools only in an unpackaged build', () => {
    expect(items(build({ isPackaged: true }).template).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(find(build({ isPackaged: false }).template, 'Utvecklarverktyg').role).toBe('toggleDevTools');
  });

  it('puts an application menu first on macOS', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template.map((m) => m.label)).toEqual(['Sambruk Kansli', 'Arkiv', 'Redigera', 'Visa', 'Hjälp']);
  });
});
