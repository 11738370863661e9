/**
 * The grid's look: a calm office-form style. Clear lines between every cell, headers bold and
 * centred like the printed tables, the system sans font (Vietnamese diacritics render well in
 * every system UI font; no web font is fetched, which the CSP would block anyway).
 *
 * Light and dark are AG Grid theme modes (the `data-ag-theme-mode` attribute on <html>, set by
 * shell/view-settings.ts). Zoom scales the grid's type and rows through the theme, so AG Grid
 * measures rows and headers itself instead of being scaled blindly by CSS.
 */
import { themeQuartz, type Theme } from 'ag-grid-community';

/** The grid's font stack (column-widths.ts measures text in it). */
export const GRID_FONT =
  'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** What light and dark share: the printed form's lines and weights; only colours differ. */
const FORM_LOOK = {
  fontFamily: GRID_FONT,
  headerFontWeight: 700,
  columnBorder: true,
  headerColumnBorder: true,
  rowBorder: true,
  wrapperBorderRadius: 2,
  borderRadius: 2,
  pinnedRowFontWeight: 'inherit',
  // Columns stay resizable, but the header's own column lines already mark the edges.
  headerColumnResizeHandleColor: 'transparent',
} as const;

const base = themeQuartz
  .withParams(
    {
      ...FORM_LOOK,
      accentColor: '#1f5fa8',
      backgroundColor: '#ffffff',
      foregroundColor: '#1c2430',
      borderColor: '#b9c2cf',
      headerBackgroundColor: '#e9edf3',
      headerTextColor: '#1c2430',
      oddRowBackgroundColor: '#ffffff',
      pinnedRowBorder: { width: 2, color: '#8a96a8' },
      pinnedColumnBorder: { width: 2, color: '#8a96a8' },
    },
    'light',
  )
  .withParams(
    {
      ...FORM_LOOK,
      accentColor: '#7fb0ea',
      backgroundColor: '#1b2029',
      foregroundColor: '#dde3ec',
      borderColor: '#3a4452',
      headerBackgroundColor: '#262d38',
      headerTextColor: '#e6ebf2',
      oddRowBackgroundColor: '#1b2029',
      pinnedRowBorder: { width: 2, color: '#5d6a7c' },
      pinnedColumnBorder: { width: 2, color: '#5d6a7c' },
      browserColorScheme: 'dark',
    },
    'dark',
  );

const cache = new Map<number, Theme>();

/** The grid theme at a zoom factor (1 = 100 %). */
export function gridTheme(zoom: number): Theme {
  let theme = cache.get(zoom);
  if (!theme) {
    const px = (n: number) => Math.round(n * zoom);
    theme = base.withParams({
      fontSize: px(13),
      headerFontSize: px(13),
      spacing: Math.max(3, px(6)),
      rowHeight: px(30),
      cellHorizontalPadding: px(8),
    });
    cache.set(zoom, theme);
  }
  return theme;
}
