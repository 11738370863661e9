/**
 * `node dist/node/show-cells.cjs FILE.xlsx SHEET [FIRST_ROW] [LAST_ROW]`: the cells of a sheet as
 * Biểu reads them (value, "=formula" when it has one, "?" for a formula without a saved result),
 * and its merged ranges — the raw material table recognition starts from.
 */
import { readSheetGrids } from '../../electron/excel/read-xlsx';
import { a1 } from '../../shared/import/sheet-grid';

async function main(): Promise<void> {
  const [file, sheet, from = '1', to = '40'] = process.argv.slice(2);
  if (!file || !sheet) {
    console.error('Cách dùng: node dist/node/show-cells.cjs TỆP.xlsx TRANG [DÒNG_ĐẦU] [DÒNG_CUỐI]');
    process.exit(2);
  }
  const found = (await readSheetGrids(file)).find((s) => s.name.trim() === sheet.trim());
  if (!found) throw new Error(`Không có trang «${sheet}»`);
  const { grid } = found;
  for (let r = Number(from) - 1; r < Math.min(grid.cells.length, Number(to)); r++) {
    const cells = (grid.cells[r] ?? [])
      .map((cell, c) => {
        if (!cell) return null;
        const v = cell.uncached
          ? '?'
          : typeof cell.value === 'string'
            ? `«${cell.value.replace(/\s+/g, ' ').slice(0, 30)}»`
            : String(cell.value);
        return `${a1(r, c)}=${v}${cell.formula ? ` [=${cell.formula.slice(0, 30)}]` : ''}`;
      })
      .filter((x) => x !== null);
    if (cells.length) console.log(cells.join('  '));
  }
  const merges = grid.merges.filter((m) => m.top < Number(to) && m.bottom >= Number(from) - 1);
  console.log(
    `merges: ${merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(' ')}`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
