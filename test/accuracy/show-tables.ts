/**
 * `node dist/node/show-tables.cjs FILE.xlsx [SHEET]`: how Biểu reads a workbook — for each sheet,
 * each table it recognised (its range, header rows, code row), each column (source letter, type,
 * code, formula, header) and each row (source row, role, label, first figures), and what the
 * reading doubted. A developer's lens for the accuracy report: it shows why a finding is made.
 */
import { readSheetGrids } from '../../electron/excel/read-xlsx';
import { detectSheet } from '../../shared/import/detect-tables';
import { columnLetter } from '../../shared/model';

async function main(): Promise<void> {
  const [file, only] = process.argv.slice(2);
  if (!file) {
    console.error('Cách dùng: node dist/node/show-tables.cjs TỆP.xlsx [TRANG]');
    process.exit(2);
  }
  for (const { name, grid } of await readSheetGrids(file)) {
    if (only && name.trim() !== only.trim()) continue;
    const { tables, skipped } = detectSheet(grid);
    console.log(
      `\n=== Trang «${name}»: ${grid.cells.length} dòng × ${grid.columnCount} cột, ${tables.length} biểu`,
    );
    for (const s of skipped) console.log(`  bỏ qua: ${s}`);
    for (const t of tables) {
      const rows = t.sourceRows;
      console.log(
        `--- «${t.table.name}» dòng ${rows[0]}–${rows[rows.length - 1]}, tiêu đề ${t.headerRows.join(',') || '—'}, mã cột ${t.codeRow ?? '—'}; «${t.table.title}»`,
      );
      t.table.columns.forEach((c, i) =>
        console.log(
          `  ${columnLetter(t.sourceColumns[i]).padEnd(3)} ${c.type.padEnd(8)} ${c.code}${c.formula ? `=${c.formula}` : ''}${c.formulaBasis ? ' (suy ra)' : ''}  ${[...c.headerPath, c.label].join(' › ')}`,
        ),
      );
      t.table.rows.forEach((r, i) => {
        const text = r.cells
          .map((v) =>
            v === null ? '·' : typeof v === 'number' ? String(v) : `«${v.slice(0, 24)}»`,
          )
          .join(' ')
          .slice(0, 150);
        console.log(
          `  ${String(rows[i]).padStart(5)} ${r.role.padEnd(8)}${r.roleBasis ? '?' : ' '} ${text}`,
        );
      });
      for (const d of t.doubts) console.log(`  ? ${d}`);
    }
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
