/**
 * Export then import gives back the same table: values, codes, formulas, row roles, header
 * levels (the round trip). Runs through the colleague's importer (importWorkbook), on the
 * sample document's tables and on every fixture of test/fixtures (imported first, so the
 * round trip starts from what Biểu holds).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Table } from '../../shared/model';
import { importWorkbook } from '../../electron/excel/read-xlsx';
import { writeWorkbookFile } from '../../electron/excel/export-file';
import { buildAppendixWorkbook } from '../../electron/excel/export-workbook';
import { createSampleDocument, SAMPLE_META } from '../lo/appendix-fixtures';
import { appendixMeta } from '../../electron/excel/export-meta';

const fixtures = path.resolve(__dirname, '..', 'fixtures');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-roundtrip-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

type Comparable = Pick<Table, 'name' | 'title' | 'unit'> & {
  columns: Pick<
    Table['columns'][number],
    'code' | 'label' | 'headerPath' | 'type' | 'decimals' | 'formula'
  >[];
  rows: Pick<Table['rows'][number], 'role' | 'cells'>[];
};

/** What a round trip must keep: ids and unit keys are the store's, not the file's. */
function comparable(t: Comparable) {
  return {
    name: t.name,
    title: t.title,
    unit: t.unit,
    columns: t.columns.map((c) => ({
      code: c.code,
      label: c.label,
      headerPath: c.headerPath,
      type: c.type,
      decimals: c.decimals,
      formula: c.formula,
    })),
    rows: t.rows.map((r) => ({ role: r.role, cells: r.cells })),
  };
}

async function roundTrip(tables: Table[], valuesOnly = false): Promise<Comparable[]> {
  const built = buildAppendixWorkbook(tables, appendixMeta(SAMPLE_META), { valuesOnly });
  const file = await writeWorkbookFile(built.workbook, path.join(dir, 'phu-luc.xlsx'));
  const imported = await importWorkbook(file);
  // The findings sheet is a report, not a table of the document. The importer does not know it
  // yet and reads it as one more table.
  return imported.tables.filter((t) => t.sheet !== built.findingsSheet).map((t) => t.table);
}

function withIds(draft: Comparable, id: number): Table {
  return {
    id,
    name: draft.name,
    title: draft.title,
    unit: draft.unit,
    columns: draft.columns.map((c, i) => ({ ...c, id: i + 1 })),
    rows: draft.rows.map((r, i) => ({ ...r, id: i + 1, unitKey: null })),
  };
}

describe('export → import', () => {
  it('gives back the sample document’s tables, with formulas and with values only', async () => {
    const store = createSampleDocument(dir);
    const tables = store.listTables().map((t) => store.getTable(t.id));
    store.close();
    for (const valuesOnly of [false, true]) {
      const back = await roundTrip(tables, valuesOnly);
      expect(back.map(comparable)).toEqual(tables.map(comparable));
    }
  });

  for (const fixture of fs.existsSync(fixtures)
    ? fs.readdirSync(fixtures).filter((f) => f.endsWith('.xlsx'))
    : []) {
    it(`gives back the tables imported from ${fixture}`, async () => {
      const first = (await importWorkbook(path.join(fixtures, fixture))).tables.map((t, i) =>
        withIds(t.table, i + 1),
      );
      expect(first.length).toBeGreaterThan(0);
      const back = await roundTrip(first);
      expect(back.map(comparable)).toEqual(first.map(comparable));
    });
  }
});
