/**
 * The grid's look: a calm office-form style. Clear lines between every cell, headers bold and
 * centred like the printed tables, the system sans font (Vietnamese diacritics render well in
 * every system UI font; no web font is fetched, which the CSP would block anyway).
 */
import { themeQuartz } from 'ag-grid-community';

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 700,
  spacing: 6,
  rowHeight: 30,
  accentColor: '#1f5fa8',
  foregroundColor: '#1c2430',
  borderColor: '#b9c2cf',
  headerBackgroundColor: '#e9edf3',
  headerTextColor: '#1c2430',
  columnBorder: true,
  headerColumnBorder: true,
  rowBorder: true,
  wrapperBorderRadius: 2,
  borderRadius: 2,
  oddRowBackgroundColor: '#ffffff',
  pinnedRowBorder: { width: 2, color: '#8a96a8' },
  pinnedColumnBorder: { width: 2, color: '#8a96a8' },
  pinnedRowFontWeight: 'inherit',
  cellHorizontalPadding: 8,
  // Columns stay resizable, but the header's own column lines already mark the edges.
  headerColumnResizeHandleColor: 'transparent',
});
