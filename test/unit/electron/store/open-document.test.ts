/**
 * An open document's file as a whole: changes go through its writer (refused, with the reason,
 * when it is read-only), and it can go on under another name — a copy ("Save as") or a rename,
 * its backups following it.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupFolder, listBackups } from '../../../../electron/store/backups';
import { createDocumentFile, openDocumentFile } from '../../../../electron/store/document-opening';
import { OpenDocument } from '../../../../electron/store/open-document';
import { listDir, useWorkspace } from '../../helpers/store-helpers';
import { refusal } from '../../helpers/snapshot';

const ws = useWorkspace();
const table = {
  name: 'Biểu 1',
  columns: [{ code: 'A', label: 'Tên', type: 'text' as const }],
  rows: [],
};

function open(name: string, backups?: { root: string }): OpenDocument {
  const file = ws.file(name);
  if (!fs.existsSync(file)) createDocumentFile(file, [table]);
  return new OpenDocument(openDocumentFile(file, 'thongke', backups), file, 'thongke', backups);
}

describe('an open document', () => {
  it('writes through its writer; read-only or closed, it says why not', () => {
    const first = open('a.bieu');
    expect(first.writer.user).toBe('thongke');
    const second = open('a.bieu');
    expect(refusal(() => second.writer)).toMatch(
      /^Không thể sửa tài liệu «a\.bieu»: Tài liệu đang được mở để sửa ở nơi khác/,
    );
    second.close();
    first.close();
    first.close();
    expect(refusal(() => first.conn)).toBe('Tài liệu «a.bieu» đã được đóng.');
    expect(listDir(ws.dir)).toEqual(['a.bieu']);
  });

  it('goes on in a copy under a new name, leaving the original', () => {
    const doc = open('goc.bieu');
    doc.saveAs(ws.file('ban-sao.bieu'));
    expect(doc.path).toBe(ws.file('ban-sao.bieu'));
    expect(doc.readOnlyReason).toBeNull();
    expect(refusal(() => doc.saveAs(ws.file('ban-sao.bieu')))).toBe(
      '«ban-sao.bieu» là tệp đang mở; hãy chọn một tên khác.',
    );
    doc.close();
    expect(listDir(ws.dir)).toEqual(['ban-sao.bieu', 'goc.bieu']);
  });

  it('goes on under another name in its folder, its backups with it', () => {
    const root = ws.file('backups');
    const doc = open('cu.bieu', { root });
    const before = listBackups(root, ws.file('cu.bieu'));
    expect(before).toHaveLength(1);
    doc.renameTo(ws.file('moi.bieu'));
    expect(doc.path).toBe(ws.file('moi.bieu'));
    expect(doc.conn.prepare('SELECT name FROM tables').pluck().all()).toEqual(['Biểu 1']);
    doc.close();
    expect(fs.existsSync(backupFolder(root, ws.file('cu.bieu')))).toBe(false);
    expect(listBackups(root, ws.file('moi.bieu')).map((b) => b.createdAt)).toEqual(
      before.map((b) => b.createdAt),
    );
    expect(listDir(ws.dir)).toEqual(['backups', 'moi.bieu']);
  });
});
