/**
 * The built-in table templates: JSON files in resources/templates, one per template, validated
 * against one zod schema on load so a broken file is reported by name instead of producing a
 * broken document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserError, type TemplateInfo } from '../../shared/api';
import { describeIssues, newTableSchema, type NewTable } from './new-table';

const TEMPLATES_SUBDIR = path.join('resources', 'templates');

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

/** Every built-in template, ordered by id. */
export function listTemplates(): TemplateInfo[] {
  return fs
    .readdirSync(templatesDir())
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const { id, name, description } = loadTemplate(f.slice(0, -'.json'.length));
      return { id, name, description };
    });
}

export function loadTemplate(id: string): Template {
  // The id comes from the renderer: never let it name a path outside the templates folder.
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
    throw new UserError(`Không có mẫu biểu «${id}».`, 'not-found');
  }
  const file = path.join(templatesDir(), `${id}.json`);
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

/** The table a new document gets from a template: a deep copy, so callers may change it. */
export function tableFromTemplate(template: Template): NewTable {
  return structuredClone(template.table);
}
