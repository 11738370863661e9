/**
 * Is what is inside the file the structure its header claims? A file can carry Biểu's
 * application id and a schema version and still hold something else: a table dropped by another
 * tool, a header edited back to an older version, another program's database that borrowed the
 * id. Every Biểu document of version v was made by running the migrations up to v (schema.ts),
 * so its tables, their columns, its indexes and triggers are exactly those of an empty database
 * migrated to v. That is the reference each file is compared with, before anything is written.
 */
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './schema';
import { openDatabase, type Db } from './sqlite';

/** "table cells" → its column names, in order; indexes and triggers → the table they are on. */
type Shape = Map<string, string[]>;

const KIND_NAMES: Record<string, string> = {
  table: 'bảng',
  index: 'chỉ mục',
  trigger: 'trigger',
  view: 'view',
};

function shapeOf(db: Db): Shape {
  const objects = db
    .prepare(
      `SELECT type, name, tbl_name FROM sqlite_master
        WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .all() as { type: string; name: string; tbl_name: string }[];
  const shape: Shape = new Map();
  for (const o of objects) {
    const detail =
      o.type === 'table'
        ? (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(o.name) as string[])
        : [o.tbl_name];
    shape.set(`${o.type} ${o.name}`, detail);
  }
  return shape;
}

const references = new Map<number, Shape>();

/** The shape of a document of schema version `version` (0: nothing yet). */
function referenceShape(version: number): Shape {
  let shape = references.get(version);
  if (!shape) {
    const db = openDatabase(':memory:');
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= version),
      );
      shape = shapeOf(db);
    } finally {
      db.close();
    }
    references.set(version, shape);
  }
  return shape;
}

function same(a: Shape, b: Shape): boolean {
  if (a.size !== b.size) return false;
  for (const [key, detail] of a) {
    if (JSON.stringify(b.get(key)) !== JSON.stringify(detail)) return false;
  }
  return true;
}

function named(key: string): string {
  const [type, name] = key.split(' ');
  return `${KIND_NAMES[type] ?? type} «${name}»`;
}

/** What `actual` lacks of `expected`, or has wrongly: the first difference, in words. */
function firstLack(actual: Shape, expected: Shape): string | null {
  for (const [key, detail] of expected) {
    const found = actual.get(key);
    if (!found) return `thiếu ${named(key)}`;
    if (!key.startsWith('table ')) continue;
    const missing = detail.find((c) => !found.includes(c));
    if (missing) return `${named(key)} thiếu cột «${missing}»`;
  }
  return null;
}

/** The tables without which nothing of a document can be read. */
const CORE_TABLES = ['tables', 'columns', 'rows', 'cells'];

/**
 * Why the file's structure is not that of a Biểu document of the version it claims, as the end
 * of a sentence that starts with the file's name; null when it is. A document from a newer Biểu
 * may have more than this build knows, but nothing less.
 */
export function structureProblem(db: Db, version: number): string | null {
  const actual = shapeOf(db);
  if (version > SCHEMA_VERSION) {
    const lack = firstLack(actual, referenceShape(SCHEMA_VERSION));
    return lack && `ghi phiên bản lược đồ ${version} (của Biểu mới hơn) nhưng ${lack}`;
  }
  const expected = referenceShape(version);
  if (same(actual, expected)) return null;
  if (!CORE_TABLES.some((t) => actual.has(`table ${t}`))) {
    return (
      'mang mã nhận dạng của tài liệu Biểu nhưng bên trong là cơ sở dữ liệu của một chương trình ' +
      'khác, không có bảng nào của Biểu'
    );
  }
  for (let other = 0; other <= SCHEMA_VERSION; other++) {
    if (other !== version && same(actual, referenceShape(other))) {
      return `ghi phiên bản lược đồ ${version} nhưng cấu trúc bên trong là của phiên bản ${other}`;
    }
  }
  const lack = firstLack(actual, expected) ?? firstExtra(actual, expected);
  return `là tài liệu Biểu phiên bản lược đồ ${version} nhưng ${lack}`;
}

/** What `actual` has that `expected` has not (an object, a column of a table), in words. */
function firstExtra(actual: Shape, expected: Shape): string {
  for (const [key, detail] of actual) {
    const known = expected.get(key);
    if (!known) return `có thêm ${named(key)} không thuộc cấu trúc của tài liệu`;
    const extra = detail.find((c) => !known.includes(c));
    if (extra) return `${named(key)} có thêm cột «${extra}» không thuộc cấu trúc của tài liệu`;
  }
  return 'các cột của một bảng không theo đúng thứ tự của cấu trúc tài liệu';
}
