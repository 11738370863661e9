/**
 * Before SQLite touches a file, its first bytes say whether it is a Biểu document: a foreign file
 * is refused with one sentence naming it (an Excel workbook with a pointer to the import), and
 * nothing is written to it or beside it.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assertDocumentFile } from '../../../../electron/store/document-file';
import { listDir, sha256, useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

/** The refusal's sentence, checking that the folder and the file did not change. */
function refusal(file: string): string {
  const before = listDir(ws.dir);
  const hash = fs.existsSync(file) && fs.statSync(file).isFile() ? sha256(file) : null;
  let message = '';
  try {
    assertDocumentFile(file);
  } catch (err) {
    expect(err).toMatchObject({ code: 'not-a-document' });
    message = (err as Error).message;
  }
  expect(listDir(ws.dir)).toEqual(before);
  if (hash) expect(sha256(file)).toBe(hash);
  return message;
}

describe('assertDocumentFile', () => {
  it('accepts a document Biểu made', () => {
    ws.createSample('mau.bieu').close();
    expect(() => assertDocumentFile(ws.file('mau.bieu'))).not.toThrow();
  });

  it('points an Excel workbook to the import', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Biểu').getCell('A1').value = 'Dân số';
    await wb.xlsx.writeFile(ws.file('dan-so.bieu'));
    expect(refusal(ws.file('dan-so.bieu'))).toBe(
      'Tệp «dan-so.bieu» không phải là tài liệu Biểu: đây có vẻ là một bảng tính Excel hoặc tệp nén. ' +
        'Hãy dùng chức năng nhập từ Excel để đưa bảng vào tài liệu.',
    );
  });

  it('refuses another program’s SQLite database, even one in WAL mode, leaving no -wal/-shm', () => {
    const other = new Database(ws.file('khac.db'));
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(refusal(ws.file('khac.db'))).toBe(
      'Tệp «khac.db» là cơ sở dữ liệu SQLite nhưng không phải là tài liệu Biểu.',
    );
  });

  it('names a missing file, an empty one, a folder and a text file in one sentence each', () => {
    fs.writeFileSync(ws.file('rong.bieu'), '');
    fs.mkdirSync(ws.file('thu-muc.bieu'));
    fs.writeFileSync(ws.file('ghi-chu.bieu'), 'SQLite format 3 — but only words');
    expect(refusal(ws.file('khong-co.bieu'))).toBe('Không tìm thấy tệp «khong-co.bieu».');
    expect(refusal(ws.file('rong.bieu'))).toBe(
      'Tệp «rong.bieu» trống (0 byte) nên không phải là tài liệu Biểu.',
    );
    expect(refusal(ws.file('thu-muc.bieu'))).toBe(
      '«thu-muc.bieu» là một thư mục, không phải là tài liệu Biểu.',
    );
    expect(refusal(ws.file('ghi-chu.bieu'))).toBe(
      'Tệp «ghi-chu.bieu» không phải là tài liệu Biểu: tệp không phải là cơ sở dữ liệu SQLite.',
    );
  });
});
