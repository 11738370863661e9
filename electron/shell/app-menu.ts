/** The Vietnamese application menu (Tệp, Sửa, Trợ giúp). */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from './menu-commands';

export function buildAppMenu(getWindow: () => BrowserWindow | null, quit: () => void): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_CHANNEL, command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        { label: 'Mới…', accelerator: 'CmdOrCtrl+N', click: send('new') },
        { label: 'Mở…', accelerator: 'CmdOrCtrl+O', click: send('open') },
        { label: 'Lưu thành…', accelerator: 'CmdOrCtrl+Shift+S', click: send('saveAs') },
        { type: 'separator' },
        { label: 'Nhập Excel…', click: send('import') },
        { label: 'Xuất Excel…', click: send('export') },
        { type: 'separator' },
        { label: 'Thoát', accelerator: 'CmdOrCtrl+Q', click: quit },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        // Undo/redo are the document's (edit log), not the text field's: the renderer decides.
        { label: 'Hoàn tác', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Làm lại', accelerator: 'CmdOrCtrl+Y', click: send('redo') },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
      ],
    },
    {
      label: 'Trợ giúp',
      submenu: [{ label: 'Giới thiệu Biểu', click: send('about') }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
