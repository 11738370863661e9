/**
 * Every string the interface shows, in Vietnamese: the language of the people who use Biểu and
 * the catalogue every other language must match key for key (see en.ts).
 * `{name}` marks a parameter filled in by `t(key, { name })`.
 */
export const vi = {
  'app.name': 'Biểu',

  'menu.label': 'Trình đơn chính',
  'menu.file': 'Tệp',
  'menu.edit': 'Sửa',
  'menu.help': 'Trợ giúp',
  'menu.new': 'Mới…',
  'menu.open': 'Mở…',
  'menu.saveAs': 'Lưu thành…',
  'menu.importExcel': 'Nhập Excel…',
  'menu.exportExcel': 'Xuất Excel…',
  'menu.quit': 'Thoát',
  'menu.undo': 'Hoàn tác',
  'menu.redo': 'Làm lại',
  'menu.about': 'Giới thiệu',
  'menu.comingSoon': 'Sắp có',
  'menu.nothingToUndo': 'Không có gì để hoàn tác',
  'menu.nothingToRedo': 'Không có gì để làm lại',
  'menu.needDocument': 'Hãy mở hoặc tạo một tài liệu trước',

  'language.label': 'Ngôn ngữ',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English',

  'start.title': 'Chưa mở tài liệu nào',
  'start.body':
    'Tạo một tài liệu mới từ các biểu mẫu có sẵn, hoặc mở một tệp .bieu đã có. Mọi tổng hàng, tổng cột và tỷ lệ được kiểm tra ngay khi bạn nhập số liệu.',
  'start.loading': 'Đang mở…',

  'dialog.cancel': 'Hủy',
  'dialog.close': 'Đóng',
  'dialog.new.title': 'Tài liệu mới',
  'dialog.new.templates': 'Chọn một hoặc nhiều biểu mẫu',
  'dialog.new.noTemplates': 'Không có biểu mẫu nào.',
  'dialog.new.path': 'Lưu tài liệu tại',
  'dialog.new.submit': 'Tạo tài liệu',
  'dialog.new.chooseOne': 'Hãy chọn ít nhất một biểu mẫu.',
  'dialog.open.title': 'Mở tài liệu',
  'dialog.open.submit': 'Mở',
  'dialog.saveAs.title': 'Lưu tài liệu thành',
  'dialog.saveAs.submit': 'Lưu',
  'dialog.browse': 'Chọn…',
  'dialog.path.label': 'Đường dẫn tệp .bieu',
  'dialog.path.hint': 'Đường dẫn đầy đủ trên máy đang chạy Biểu, ví dụ {example}',
  'dialog.path.empty': 'Hãy nhập đường dẫn tệp.',
  'dialog.about.title': 'Giới thiệu Biểu',
  'dialog.about.body':
    'Bàn làm việc cho các biểu thống kê trong báo cáo của chính quyền địa phương: số liệu được lưu an toàn, mọi tổng hàng, tổng cột và tỷ lệ được kiểm tra ngay khi nhập.',
  'dialog.about.version': 'Phiên bản {version}',

  'tables.heading': 'Các biểu',
  'tables.size': '{rows} dòng · {columns} cột',
  'tables.clean': 'Không có lỗi',
  'tables.findings': '{errors} lỗi, {warnings} cảnh báo',

  'grid.label': 'Bảng số liệu {name}',
  'grid.unit': 'Đơn vị tính: {unit}',
  'grid.chooseTable': 'Chọn một biểu ở danh sách bên trái.',
  'grid.loadingTable': 'Đang tải biểu…',
  'grid.noRows': 'Biểu chưa có dòng nào.',

  'checks.heading': 'Kiểm tra',
  'checks.none': 'Không phát hiện lỗi nào trong biểu này.',
  'checks.cell': 'Ô {cell}',
  'checks.error': 'Lỗi',
  'checks.warning': 'Cảnh báo',
  'checks.apply': 'Sửa ô {cell} thành {value}',

  'status.noDocument': 'Chưa mở tài liệu',
  'status.saved': 'Đã lưu',
  'status.saving': 'Đang lưu…',
  'status.saveFailed': 'Thay đổi cuối chưa được lưu',
  'status.counts': '{errors} lỗi · {warnings} cảnh báo',
  'status.readOnly': 'Chỉ đọc',
  'status.readOnlyReason': 'Chỉ đọc: {reason}',

  'alert.dismiss': 'Đóng thông báo',
  'error.unknown': 'Đã xảy ra lỗi không rõ nguyên nhân.',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;

/** A catalogue for another language: the same keys as Vietnamese, no more, no fewer. */
export type Catalogue = Record<MessageKey, string>;
