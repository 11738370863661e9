/**
 * What "the files the communes sent back" means when a person gives files and folders: every
 * workbook of a folder in name order, each file once, never the lock files an open workbook has
 * beside it, and one sentence for a name that is not there or a folder with no workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { returnedFiles } from '../../../../electron/collect/returned-files';
import { useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

function folder(name: string, files: string[]): string {
  const dir = ws.file(name);
  fs.mkdirSync(dir);
  for (const f of files) fs.writeFileSync(path.join(dir, f), '');
  return dir;
}

describe('returnedFiles', () => {
  it("gives a folder's workbooks in Vietnamese name order, without lock files or other files", () => {
    const dir = folder('ve', [
      'Xã Lộc Thạnh.xlsx',
      'Xã Lộc Hòa.XLSX',
      'Xã Lộc An.ods',
      'Thị trấn.xls',
      'bang-tinh.xlsm',
      '~$Xã Lộc Hòa.XLSX',
      '.~lock.Xã Lộc An.ods#',
      'thu-kem.txt',
      'ghi-chu.docx',
    ]);
    fs.mkdirSync(path.join(dir, 'cu.xlsx'));
    expect(returnedFiles([dir]).map((f) => path.basename(f))).toEqual([
      'bang-tinh.xlsm',
      'Thị trấn.xls',
      'Xã Lộc An.ods',
      'Xã Lộc Hòa.XLSX',
      'Xã Lộc Thạnh.xlsx',
    ]);
  });

  it('reads each file once, given alone, twice, or also through its folder', () => {
    const dir = folder('ve', ['a.xlsx', 'b.xlsx']);
    const a = path.join(dir, 'a.xlsx');
    const files = returnedFiles([a, path.join(dir, '..', 've', 'a.xlsx'), dir]);
    expect(files).toEqual([path.resolve(a), path.resolve(dir, 'b.xlsx')]);
  });

  it('refuses a missing name and a folder without a workbook, one sentence each', () => {
    const empty = folder('trong', ['ghi-chu.txt']);
    expect(() => returnedFiles([ws.file('khong-co')])).toThrow(
      `Không tìm thấy tệp hay thư mục «${ws.file('khong-co')}».`,
    );
    expect(() => returnedFiles([empty])).toThrow(
      'Thư mục «trong» không có sổ làm việc nào (.xlsx, .xls, .ods) để tổng hợp.',
    );
  });
});
