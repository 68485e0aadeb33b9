/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape, with a
 * `command` name instead of a click function), so it is unit-tested without Electron.
 * Installed builds have no Reload and no DevTools; nothing points to electronjs.org.
 */
import type { DesktopLanguage } from './desktopSettings';
import { desktopText } from './desktopText';

export type MenuCommand = 'settings' | 'open-library-folder' | 'open-logs-folder' | 'about' | 'licences';

export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools'
  | 'minimize'
  | 'close'
  | 'quit'
  | 'hide'
  | 'hideOthers'
  | 'unhide';

export interface MenuItemSpec {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

export function buildMenuTemplate(options: { language: DesktopLanguage; isPackaged: boolean; platform: NodeJS.Platform }): MenuItemSpec[] {
  const t = desktopText(options.language);
  const mac = options.platform === 'darwin';
  const separator: MenuItemSpec = { type: 'separator' };
  const template: MenuItemSpec[] = [];
  if (mac) {
    template.push({
      label: 'ERIC Studio',
      submenu: [
        { label: t.about, command: 'about' },
        separator,
        { label: t.settings, command: 'settings', accelerator: 'CmdOrCtrl+,' },
        separator,
        { label: t.hide, role: 'hide' },
        { label: t.hideOthers, role: 'hideOthers' },
        { label: t.showAll, role: 'unhide' },
        separator,
        { label: t.quit, role: 'quit' },
      ],
    });
  }
  template.push({
    label: t.file,
    submenu: [
      ...(mac ? [] : [{ label: t.settings, command: 'settings', accelerator: 'CmdOrCtrl+,' } satisfies MenuItemSpec, separator]),
      { label: t.openLibraryFolder, command: 'open-library-folder' },
      { label: t.openLogsFolder, command: 'open-logs-folder' },
      ...(mac ? [] : [separator, { label: t.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' } satisfies MenuItemSpec]),
    ],
  });
  template.push({
    label: t.edit,
    submenu: [
      { label: t.undo, role: 'undo' },
      { label: t.redo, role: 'redo' },
      separator,
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  });
  const view: MenuItemSpec[] = [
    { label: t.zoomIn, role: 'zoomIn' },
    { label: t.zoomOut, role: 'zoomOut' },
    { label: t.resetZoom, role: 'resetZoom' },
    separator,
    { label: t.fullScreen, role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) view.push(separator, { label: t.reload, role: 'reload' }, { label: t.devTools, role: 'toggleDevTools' });
  template.push({ label: t.view, submenu: view });
  template.push({
    label: t.window,
    submenu: [
      { label: t.minimize, role: 'minimize' },
      { label: t.close, role: 'close' },
    ],
  });
  template.push({
    label: t.help,
    submenu: [...(mac ? [] : [{ label: t.about, command: 'about' } satisfies MenuItemSpec]), { label: t.licences, command: 'licences' }],
  });
  return template;
}
