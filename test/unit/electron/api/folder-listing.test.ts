import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browsableRoots, listFolder } from '../../../../electron/api/folder-listing';

let home: string;
beforeEach(() => {
  home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-folders-')));
});
afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

function touch(...parts: string[]): string {
  const file = path.join(home, ...parts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x');
  return file;
}

describe('the browser host’s folder browser', () => {
  it('lists subfolders first, then the files the dialog can use, in Vietnamese order', () => {
    const documents = path.join(home, 'documents');
    touch('documents', 'Bao-cao.bieu');
    touch('documents', 'Ấp Bắc.bieu');
    touch('documents', 'số liệu.xlsx');
    touch('documents', '~$số liệu.xlsx');
    touch('documents', '.an.bieu');
    touch('documents', 'Quý 3', 'Lộc Hòa.xls');
    touch('documents', 'Báo cáo', 'x.docx');
    const roots = browsableRoots(documents, []);
    const open = listFolder({ path: null, purpose: 'open' }, roots);
    expect(open.path).toBe(documents);
    expect(open.parent).toBeNull();
    expect(open.entries.map((e) => [e.name, e.folder])).toEqual([
      ['Báo cáo', true],
      ['Quý 3', true],
      ['Ấp Bắc.bieu', false],
      ['Bao-cao.bieu', false],
    ]);
    const imports = listFolder({ path: documents, purpose: 'import' }, roots);
    expect(imports.entries.filter((e) => !e.folder).map((e) => e.name)).toEqual(['số liệu.xlsx']);
    const below = listFolder({ path: path.join(documents, 'Quý 3'), purpose: 'import' }, roots);
    expect(below.parent).toBe(documents);
    expect(below.entries.map((e) => e.path)).toEqual([
      path.join(documents, 'Quý 3', 'Lộc Hòa.xls'),
    ]);
  });

  it('shows the folders of recent documents, and refuses anything outside in one sentence', () => {
    const documents = path.join(home, 'documents');
    fs.mkdirSync(documents);
    const elsewhere = touch('elsewhere', 'Nam-2024.bieu');
    touch('secret', 'keys.bieu');
    const roots = browsableRoots(documents, [
      elsewhere,
      path.join(documents, 'a.bieu'),
      '/no/such/x.bieu',
    ]);
    expect(roots).toEqual([documents, path.dirname(elsewhere)]);
    expect(
      listFolder({ path: path.dirname(elsewhere), purpose: 'open' }, roots).entries,
    ).toHaveLength(1);
    for (const outside of [home, path.join(home, 'secret'), path.join(documents, '..', 'secret')])
      expect(() => listFolder({ path: outside, purpose: 'open' }, roots)).toThrow(
        /nằm ngoài các thư mục Biểu được duyệt/,
      );
    // A link inside the documents folder that leads outside it is outside too.
    fs.symlinkSync(path.join(home, 'secret'), path.join(documents, 'link'));
    expect(listFolder({ path: null, purpose: 'open' }, roots).entries).toEqual([]);
    expect(() =>
      listFolder({ path: path.join(documents, 'link'), purpose: 'open' }, roots),
    ).toThrow(/nằm ngoài/);
    expect(() =>
      listFolder({ path: path.join(documents, 'none'), purpose: 'open' }, roots),
    ).toThrow('Không có thư mục');
  });
});
