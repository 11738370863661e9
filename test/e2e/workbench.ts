/**
 * Shared steps for the workbench's end-to-end tests: naming grid cells by position, using the
 * menu, waiting until what the screen shows is on disk. The sample document (what a first start
 * opens) is the dân số template's table with one planted slip, then the CDHT table.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Table } from '../../shared/model';
import { formatNumber } from '../../shared/numbers';
import danSo from '../../resources/templates/dan-so-tham-gia.json';
import { expect } from './host-fixture';

export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');
export const POPULATION = danSo.table as unknown as Omit<Table, 'id'>;

/** Column indexes of the population table. */
export const COL = {
  stt: 0,
  name: 1,
  total: 2,
  under7: 3,
  age7to17: 4,
  age18to60: 5,
  over60: 6,
  joined: 7,
  rate: 8,
};

/** A count written the Vietnamese way, as the grid writes it: 10494 → "10.494". */
export const vi = (n: number, decimals = 0) => formatNumber(n, decimals);

/**
 * The grid's column position of a table column: the row header (the sheet's row numbers) comes
 * first, so table column 0 is the grid's second column.
 */
export const gridColumn = (col: number) => col + 2;

/** A grid cell by its row as shown (0 = first body row, 'total' = the pinned grand total). */
export function cellAt(page: Page, row: number | 'total', col: number): Locator {
  const rowIndex = row === 'total' ? 'b-0' : String(row);
  return page
    .getByTestId('grid')
    .locator(
      `[role="row"][row-index="${rowIndex}"] [role="gridcell"][aria-colindex="${gridColumn(col)}"]`,
    );
}

/** The row header of a row as shown: its number on the exported sheet. */
export function rowHeaderAt(page: Page, row: number | 'total'): Locator {
  const rowIndex = row === 'total' ? 'b-0' : String(row);
  return page
    .getByTestId('grid')
    .locator(`[role="row"][row-index="${rowIndex}"] [role="gridcell"][col-id="bieu-row-header"]`);
}

/** The text field of the active cell (invisible until the person types). */
export function cellInput(page: Page): Locator {
  return page.getByTestId('grid').locator('[data-cell-input]');
}

export async function expectFocused(page: Page, row: number | 'total', col: number) {
  await expect(cellAt(page, row, col)).toHaveClass(/ag-cell-focus/);
  await expect(cellInput(page)).toBeFocused();
}

export async function menu(page: Page, top: string, item: string): Promise<void> {
  await page.getByRole('menuitem', { name: top, exact: true }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('status-bar').locator('[data-save-state]')).toHaveAttribute(
    'data-save-state',
    'saved',
  );
}

/** The table list's entries, in order. */
export function tableNames(page: Page): Locator {
  return page.getByTestId('table-list').locator('.table-name');
}

/** A cell of the column-code row under the header ("1=2+3+4+5"). */
export function codeCell(page: Page, col: number): Locator {
  return page
    .getByTestId('grid')
    .locator(`[role="row"][row-index="t-0"] [role="gridcell"][aria-colindex="${gridColumn(col)}"]`);
}

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

/**
 * Call the host's API from the test, as the page does (the token is in the host's URL): to read
 * what is stored, never to drive the workbench.
 */
export async function hostCall<T = unknown>(url: string, name: string, input: unknown = {}) {
  const address = new URL(url);
  const token = address.searchParams.get('token') ?? '';
  const response = await fetch(`${address.origin}/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Bieu-Token': token },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as { ok: boolean; value?: T; error?: string };
  if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
  return reply.value as T;
}

/** The table shown, as the host stores it. */
export async function tableByName(url: string, name: string): Promise<Table> {
  const info = await hostCall<{ tables: { id: number; name: string }[] }>(url, 'document.current');
  const found = info.tables.find((x) => x.name === name);
  if (!found) throw new Error(`no table «${name}» in ${info.tables.map((x) => x.name).join(', ')}`);
  return hostCall<Table>(url, 'table.get', { tableId: found.id });
}

/** Tệp › Nhập Excel…: read a workbook through the dialog and, when asked, accept it unchanged. */
export async function openImport(page: Page, file: string): Promise<Locator> {
  await menu(page, 'Tệp', 'Nhập Excel…');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByLabel('Đường dẫn tệp .xlsx').fill(file);
  await dialog.getByRole('button', { name: 'Đọc tệp' }).click();
  return dialog;
}

export async function importUnchanged(page: Page, file: string): Promise<void> {
  const dialog = await openImport(page, file);
  await expect(dialog.getByTestId('import-table').first()).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/**
 * The checks panel's entries for one table: the whole list when the panel shows only the table
 * on screen, or that table's group when it lists the document's findings table by table.
 */
export function findingsOf(page: Page, table: string): Locator {
  const panel = '[data-testid="checks-panel"]';
  const name = JSON.stringify(table);
  return page.locator(
    `${panel} > .checks-list .finding, ${panel} .checks-group[data-table=${name}] .finding`,
  );
}

/**
 * The checks panel's findings for a table: severity (the heading of the section it is listed
 * under: "Lỗi", "Cảnh báo", "Cần xem"), cell and message.
 */
export async function shownFindings(page: Page, table: string): Promise<string[]> {
  const texts = await findingsOf(page, table).evaluateAll((buttons) =>
    buttons.map((b) => {
      const heading = b.closest('[data-section]')?.querySelector('.checks-section-heading');
      const severity = heading?.firstChild?.textContent?.replace(/\s*\(\d+\)\s*$/, '') ?? '';
      return [
        severity,
        ...['.finding-cell', '.finding-message'].map((s) => b.querySelector(s)?.textContent ?? ''),
      ].join(' | ');
    }),
  );
  return texts.sort();
}

/** Every marked cell of the grid: "row:col=severity", as the grid shows them. */
export async function markedCells(page: Page): Promise<string[]> {
  const marks = await page
    .getByTestId('grid')
    .locator('[data-finding]')
    .evaluateAll((spans) =>
      spans.map((span) => {
        const cell = span.closest('[role="gridcell"]');
        const row = span.closest('[role="row"]');
        return `${row?.getAttribute('row-index')}:${cell?.getAttribute('aria-colindex')}=${span.getAttribute('data-finding')}`;
      }),
    );
  return marks.sort();
}

/** Open the page of a running host with the real clipboard allowed (Ctrl+C / Ctrl+V). */
export async function gotoWithClipboard(page: Page, url: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(url).origin,
  });
  await page.goto(url);
}

/** Put a paste event on the focused cell, as the browser does for Ctrl+V, with these flavours. */
export async function dispatchPaste(page: Page, flavours: { text: string; html?: string }) {
  await page.evaluate(({ text, html }) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    if (html) data.setData('text/html', html);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, flavours);
}
