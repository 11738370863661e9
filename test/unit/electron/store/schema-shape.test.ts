/**
 * Is the structure inside a file the one its header claims? Every version's own structure
 * passes; each difference is named: a table or a column missing or added, a header naming
 * another version, another program's database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../../../electron/store/schema';
import { structureProblem } from '../../../../electron/store/schema-shape';
import { openDatabase, type Db } from '../../../../electron/store/sqlite';

const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function documentOf(version: number): Db {
  const db = openDatabase(':memory:');
  open.push(db);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  return db;
}

describe('the structure of a document', () => {
  it('of each version is that version’s', () => {
    for (let v = 0; v <= SCHEMA_VERSION; v++) expect(structureProblem(documentOf(v), v)).toBeNull();
  });

  it('names a missing table, a missing column, an added table or column', () => {
    const v = SCHEMA_VERSION;
    const lacking = documentOf(v);
    lacking.exec('DROP TABLE disabled_rules');
    expect(structureProblem(lacking, v)).toBe(
      `là tài liệu Biểu phiên bản lược đồ ${v} nhưng thiếu bảng «disabled_rules»`,
    );
    const noColumn = documentOf(v);
    noColumn.exec('ALTER TABLE rows DROP COLUMN unit_key');
    expect(structureProblem(noColumn, v)).toBe(
      `là tài liệu Biểu phiên bản lược đồ ${v} nhưng bảng «rows» thiếu cột «unit_key»`,
    );
    const extra = documentOf(v);
    extra.exec('CREATE TABLE ghi_chu (x)');
    expect(structureProblem(extra, v)).toBe(
      `là tài liệu Biểu phiên bản lược đồ ${v} nhưng có thêm bảng «ghi_chu» không thuộc cấu trúc của tài liệu`,
    );
    const extraColumn = documentOf(v);
    extraColumn.exec('ALTER TABLE meta ADD COLUMN them TEXT');
    expect(structureProblem(extraColumn, v)).toBe(
      `là tài liệu Biểu phiên bản lược đồ ${v} nhưng bảng «meta» có thêm cột «them» không thuộc cấu trúc của tài liệu`,
    );
  });

  it('names a header of another version, and another program’s database', () => {
    expect(structureProblem(documentOf(SCHEMA_VERSION), 2)).toBe(
      `ghi phiên bản lược đồ 2 nhưng cấu trúc bên trong là của phiên bản ${SCHEMA_VERSION}`,
    );
    const foreign = documentOf(0);
    foreign.exec('CREATE TABLE hoa_don (so INTEGER)');
    expect(structureProblem(foreign, SCHEMA_VERSION)).toBe(
      'mang mã nhận dạng của tài liệu Biểu nhưng bên trong là cơ sở dữ liệu của một chương trình khác, không có bảng nào của Biểu',
    );
  });

  it('from a newer Biểu may hold more, but nothing less', () => {
    const newer = documentOf(SCHEMA_VERSION);
    newer.exec('CREATE TABLE later (x)');
    expect(structureProblem(newer, SCHEMA_VERSION + 1)).toBeNull();
    newer.exec('DROP TABLE links');
    expect(structureProblem(newer, SCHEMA_VERSION + 1)).toBe(
      `ghi phiên bản lược đồ ${SCHEMA_VERSION + 1} (của Biểu mới hơn) nhưng thiếu bảng «links»`,
    );
  });
});
