/**
 * The browser host's file browser: what one folder holds, for the Mở… / Lưu thành… / Nhập… /
 * Xuất… dialogs of a browser that cannot show the computer's own file dialog. It shows only the
 * documents folder and the folders of documents opened before (and what lies below them): the
 * host answers anyone holding its token, and a report's folders are all it needs to show.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError, type CallInput, type CallOutput } from '../../shared/api';

type Purpose = CallInput<'folder.list'>['purpose'];

/** The files each dialog can use, by their ending. */
const ENDINGS: Record<Purpose, readonly string[]> = {
  open: ['.bieu'],
  save: ['.bieu'],
  import: ['.xlsx', '.xls', '.ods', '.docx'],
  export: ['.xlsx'],
};

/** The folder itself with links resolved, or null when it is not there. */
function realFolder(folder: string): string | null {
  try {
    const real = fs.realpathSync(folder);
    return fs.statSync(real).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

function isInside(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The folders the browser may show: the documents folder first, then each folder a recent
 * document lives in (once, and only those that are still there and not inside another).
 */
export function browsableRoots(documentsDir: string, recentPaths: readonly string[]): string[] {
  const roots: string[] = [];
  for (const folder of [documentsDir, ...recentPaths.map((p) => path.dirname(p))]) {
    const real = realFolder(folder);
    if (real && !roots.some((root) => isInside(real, root))) roots.push(real);
  }
  return roots;
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

export function listFolder(
  request: CallInput<'folder.list'>,
  roots: readonly string[],
): CallOutput<'folder.list'> {
  if (roots.length === 0)
    throw new UserError('Không có thư mục nào để duyệt: thư mục Tài liệu không còn.', 'not-found');
  const wanted = request.path === null ? roots[0] : realFolder(request.path);
  if (wanted === null) throw new UserError(`Không có thư mục «${request.path}».`, 'not-found');
  const root = roots.find((r) => isInside(wanted, r));
  if (!root)
    throw new UserError(
      `Thư mục «${request.path}» nằm ngoài các thư mục Biểu được duyệt (thư mục Tài liệu và các thư mục đã mở tài liệu trước đây).`,
      'bad-input',
    );
  const endings = ENDINGS[request.purpose];
  const entries: CallOutput<'folder.list'>['entries'] = [];
  for (const entry of fs.readdirSync(wanted, { withFileTypes: true })) {
    // Hidden files and the lock files Excel and LibreOffice leave beside an open workbook.
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const full = path.join(wanted, entry.name);
    let folder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      // A link is shown only when it leads to a folder the browser may show.
      const target = realFolder(full);
      if (target && !roots.some((r) => isInside(target, r))) continue;
      folder = target !== null;
    }
    if (folder) entries.push({ name: entry.name, path: full, folder: true });
    else if (endings.includes(path.extname(entry.name).toLowerCase()))
      entries.push({ name: entry.name, path: full, folder: false });
  }
  entries.sort((a, b) =>
    a.folder !== b.folder ? (a.folder ? -1 : 1) : collator.compare(a.name, b.name),
  );
  return {
    path: wanted,
    parent: wanted === root ? null : path.dirname(wanted),
    roots: [...roots],
    entries,
  };
}
