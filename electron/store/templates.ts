/**
 * The table templates: the built-in ones are JSON files in resources/templates, the user's own
 * are files of the same format in the app-data folder (never among the built-in ones, which an
 * update replaces). Each is validated against one zod schema on load so a broken file is
 * reported by name instead of producing a broken document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserError, type TemplateInfo } from '../../shared/api';
import { describeIssues, newTableSchema, type NewTable, type NewTableInput } from './new-table';

const TEMPLATES_SUBDIR = path.join('resources', 'templates');
const TEMPLATE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const templateSchema = z.strictObject({
  /** Also the file name (without .json); lower-case words joined by hyphens. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Mã mẫu chỉ gồm chữ thường, số và dấu gạch'),
  /** Shown in the "new document" list, in Vietnamese. */
  name: z.string().min(1),
  description: z.string(),
  table: newTableSchema,
});

export type Template = z.output<typeof templateSchema>;

/**
 * The folder holding the template files. Found by walking up from this module until a folder
 * with resources/templates appears: from source (vitest) that is the repo root two levels up,
 * from a bundle in dist/node/ it is also the root; a packaged app has it in its resources path.
 */
export function templatesDir(): string {
  const starts = [
    // __dirname exists in the CommonJS bundle and under vitest; not in a pure ES module.
    typeof __dirname === 'string' ? __dirname : null,
    process.cwd(),
  ];
  for (const start of starts) {
    if (!start) continue;
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, TEMPLATES_SUBDIR);
      if (fs.existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  // electron-builder puts extra resources beside app.asar.
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) {
    for (const candidate of [
      path.join(packaged, 'templates'),
      path.join(packaged, TEMPLATES_SUBDIR),
    ]) {
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new UserError('Không tìm thấy thư mục mẫu biểu (resources/templates).', 'failed');
}

/**
 * Every built-in template, ordered by id, then the user's own templates (saved from a table with
 * "Lưu làm mẫu") ordered by name. A damaged user template is left out of the list rather than
 * hiding every other template; opening it names the problem.
 */
export function listTemplates(userDir?: string): TemplateInfo[] {
  const builtIn = fs
    .readdirSync(templatesDir())
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const { id, name, description } = loadTemplate(f.slice(0, -'.json'.length));
      return { id, name, description };
    });
  if (!userDir) return builtIn;
  const taken = new Set(builtIn.map((t) => t.id));
  const own: TemplateInfo[] = [];
  for (const f of safeReaddir(userDir)) {
    const id = f.slice(0, -'.json'.length);
    if (!f.endsWith('.json') || taken.has(id) || !TEMPLATE_ID.test(id)) continue;
    try {
      const { name, description } = readTemplateFile(path.join(userDir, f), id);
      own.push({ id, name, description });
    } catch {
      // Listed nowhere rather than breaking the list; loadTemplate explains it if asked.
    }
  }
  return [...builtIn, ...own.sort((a, b) => a.name.localeCompare(b.name, 'vi'))];
}

/** A built-in template, or else one of the user's (when their folder is given). */
export function loadTemplate(id: string, userDir?: string): Template {
  // The id comes from the renderer: never let it name a path outside the templates folder.
  if (!TEMPLATE_ID.test(id)) {
    throw new UserError(`Không có mẫu biểu «${id}».`, 'not-found');
  }
  const builtIn = path.join(templatesDir(), `${id}.json`);
  if (fs.existsSync(builtIn) || !userDir) return readTemplateFile(builtIn, id);
  return readTemplateFile(path.join(userDir, `${id}.json`), id);
}

function readTemplateFile(file: string, id: string): Template {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`Không có mẫu biểu «${id}».`, 'not-found');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(
      `Mẫu biểu «${id}» bị lỗi: không phải JSON hợp lệ (${(err as Error).message}).`,
      'failed',
    );
  }
  const result = templateSchema.safeParse(json);
  if (!result.success) {
    throw new UserError(`Mẫu biểu «${id}» bị lỗi — ${describeIssues(result.error)}`, 'failed');
  }
  if (result.data.id !== id) {
    throw new UserError(`Mẫu biểu trong tệp «${id}.json» ghi mã «${result.data.id}».`, 'failed');
  }
  return result.data;
}

/**
 * Save a table as one of the user's templates: `<userDir>/<id>.json`, in the format of the
 * built-in ones. The id comes from the name ("Biểu tổng hợp xã" → "bieu-tong-hop-xa"); saving
 * again under the same name replaces the user's earlier template, never a built-in one.
 */
export function saveUserTemplate(
  userDir: string,
  name: string,
  description: string,
  table: NewTableInput,
): TemplateInfo {
  const parsed = newTableSchema.safeParse(table);
  if (!parsed.success) {
    throw new UserError(
      `Không lưu được mẫu «${name}» — ${describeIssues(parsed.error)}`,
      'bad-input',
    );
  }
  const builtIn = new Set(
    fs
      .readdirSync(templatesDir())
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length)),
  );
  const base = slugify(name) || 'mau';
  let id = base;
  for (let i = 2; builtIn.has(id); i++) id = `${base}-${i}`;
  const template: Template = { id, name: name.trim(), description, table: parsed.data };
  fs.mkdirSync(userDir, { recursive: true });
  const file = path.join(userDir, `${id}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(template, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return { id, name: template.name, description };
}

/** Vietnamese words to a template id: lower case, no diacritics, words joined by hyphens. */
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The table a new document gets from a template: a deep copy, so callers may change it. */
export function tableFromTemplate(template: Template): NewTable {
  return structuredClone(template.table);
}
