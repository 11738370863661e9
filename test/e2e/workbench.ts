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

/** A grid cell by its row as shown (0 = first body row, 'total' = the pinned grand total). */
export function cellAt(page: Page, row: number | 'total', col: number): Locator {
  const rowIndex = row === 'total' ? 'b-0' : String(row);
  return page
    .getByTestId('grid')
    .locator(`[role="row"][row-index="${rowIndex}"] [role="gridcell"][aria-colindex="${col + 1}"]`);
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
    .locator(`[role="row"][row-index="t-0"] [role="gridcell"][aria-colindex="${col + 1}"]`);
}
