/**
 * The native Vietnamese application menu. It only names commands: the renderer runs them, the
 * same ones as its in-page menu bar (shared/menu-commands.ts), so both behave alike.
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/menu-commands';
import { MENU_CHANNEL } from './menu-commands';

export function buildAppMenu(getWindow: () => BrowserWindow | null, quit: () => void): Menu {
  const item = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => getWindow()?.webContents.send(MENU_CHANNEL, command),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        item('Trang đầu', 'home'),
        item('Mới…', 'new', 'CmdOrCtrl+N'),
        item('Tài liệu trống…', 'newBlank'),
        item('Mở…', 'open', 'CmdOrCtrl+O'),
        item('Mở tài liệu mẫu', 'openSample'),
        item('Lưu thành…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        item('Đổi tên…', 'rename'),
        item('Hiện trong thư mục', 'reveal'),
        separator,
        item('Thông tin báo cáo…', 'meta'),
        item('Bản sao lưu…', 'backups'),
        separator,
        item('Nhập Excel…', 'import'),
        item('Xuất Excel…', 'export'),
        separator,
        { label: 'Thoát', accelerator: 'CmdOrCtrl+Q', click: quit },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        // Undo/redo are the document's (edit log), not the text field's: the renderer decides.
        item('Hoàn tác', 'undo', 'CmdOrCtrl+Z'),
        item('Làm lại', 'redo', 'CmdOrCtrl+Y'),
        separator,
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        separator,
        item('Tìm và thay thế…', 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: 'Biểu',
      submenu: [
        item('Thêm biểu…', 'tableAdd'),
        item('Đổi tên biểu…', 'tableRename'),
        item('Nhân bản biểu', 'tableDuplicate'),
        item('Chuyển biểu lên', 'tableUp'),
        item('Chuyển biểu xuống', 'tableDown'),
        item('Xóa biểu…', 'tableDelete'),
        separator,
        item('Cấu trúc biểu', 'structure'),
        item('Lưu thành mẫu…', 'saveTemplate'),
        separator,
        item('Gửi biểu mẫu cho các đơn vị…', 'collectForms'),
        item('Tổng hợp từ các đơn vị…', 'collectFiles'),
      ],
    },
    {
      label: 'Xem',
      submenu: [
        item('Lịch sử thay đổi', 'history'),
        separator,
        item('Phóng to', 'zoomIn', 'CmdOrCtrl+='),
        item('Thu nhỏ', 'zoomOut', 'CmdOrCtrl+-'),
        item('Cỡ chữ gốc', 'zoomReset', 'CmdOrCtrl+0'),
        item('Giao diện sáng / tối', 'theme'),
      ],
    },
    { label: 'Trợ giúp', submenu: [item('Giới thiệu Biểu', 'about')] },
  ];
  return Menu.buildFromTemplate(template);
}
