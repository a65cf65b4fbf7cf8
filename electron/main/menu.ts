/**
 * The Swedish application menu. Commands that concern the register (undo, redo, navigation, about) are sent to
 * the UI as `app/command`, which carries them out through the contract like any click would.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../contract';
import { sv } from './labels';

export type MenuActions = {
  command: (command: AppCommand) => void;
  showDataFile: () => void;
  quit: () => void;
};

export type MenuOptions = { isPackaged: boolean; platform: NodeJS.Platform };

const pages = [
  ['navigate:oversikt', sv.menu.oversikt],
  ['navigate:medlemmar', sv.menu.medlemmar],
  ['navigate:tjanster', sv.menu.tjanster],
  ['navigate:natverk', sv.menu.natverk],
  ['navigate:budget', sv.menu.budget],
  ['navigate:styrelserapport', sv.menu.styrelserapport],
  ['navigate:data', sv.menu.data],
  ['navigate:fakturering', sv.menu.fakturering],
] as const satisfies readonly (readonly [AppCommand, string])[];

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const m = sv.menu;
  const send = (command: AppCommand) => () => actions.command(command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: m.file,
      submenu: [
        { label: m.showDataFile, click: actions.showDataFile },
        { type: 'separator' },
        { label: m.quit, accelerator: 'CmdOrCtrl+Q', click: actions.quit },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: m.redo, accelerator: 'CmdOrCtrl+Shift+Z', click: send('redo') },
        // Ctrl+Y is the Windows habit; a menu item holds one accelerator, so a hidden twin carries it.
        { label: m.redo, accelerator: 'CmdOrCtrl+Y', click: send('redo'), visible: false, acceleratorWorksWhenHidden: true },
        { type: 'separator' },
        { label: m.cut, role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: m.copy, role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: m.paste, role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: m.selectAll, role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      ],
    },
    {
      label: m.view,
      submenu: [
        ...pages.map(([command, label], i): MenuItemConstructorOptions => ({
          label,
          accelerator: `CmdOrCtrl+${i + 1}`,
          click: send(command),
        })),
        { type: 'separator' },
        { label: m.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
        { label: m.zoomOut, role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: m.resetZoom, role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { label: m.fullscreen, role: 'togglefullscreen', accelerator: options.platform === 'darwin' ? 'Ctrl+Cmd+F' : 'F11' },
        ...(options.isPackaged
          ? []
          : [{ label: m.devTools, role: 'toggleDevTools', accelerator: 'CmdOrCtrl+Shift+I' } satisfies MenuItemConstructorOptions]),
      ],
    },
    {
      label: m.help,
      // F1 is the help key on every platform; the UI opens the guide at the section for the screen in view.
      submenu: [
        { label: m.guide, accelerator: 'F1', click: send('help') },
        { type: 'separator' },
        { label: m.about, click: send('about') },
      ],
    },
  ];
  if (options.platform === 'darwin') {
    // macOS shows the first menu under the app's name; without it Arkiv would be hidden there.
    template.unshift({
      label: sv.appName,
      submenu: [
        { label: m.about, click: send('about') },
        { type: 'separator' },
        { label: m.hide, role: 'hide' },
      ],
    });
  }
  return template;
}
