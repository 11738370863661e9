/**
 * A returned workbook still open in Excel or LibreOffice is not collected: what is on disk may not
 * be what the commune sees. Its owner file beside it (Excel's "~$…", LibreOffice's ".~lock.…#"),
 * or the system refusing to let us read it, gives one sentence asking to save and close it.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lockedRefusal, refuseIfOpenElsewhere } from '../../../../electron/collect/open-elsewhere';
import { useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

const OPEN =
  'Tệp «Xã Lộc Hòa.xlsx» đang được mở trong Excel hoặc LibreOffice; hãy lưu, đóng tệp rồi tổng hợp lại.';

describe('refuseIfOpenElsewhere', () => {
  it('lets a closed workbook through', () => {
    fs.writeFileSync(ws.file('Xã Lộc Hòa.xlsx'), '');
    expect(() => refuseIfOpenElsewhere(ws.file('Xã Lộc Hòa.xlsx'))).not.toThrow();
  });

  for (const owner of ['~$Xã Lộc Hòa.xlsx', '~$ Lộc Hòa.xlsx', '.~lock.Xã Lộc Hòa.xlsx#']) {
    it(`refuses a workbook with «${owner}» beside it`, () => {
      fs.writeFileSync(ws.file('Xã Lộc Hòa.xlsx'), '');
      fs.writeFileSync(ws.file(owner), '');
      expect(() => refuseIfOpenElsewhere(ws.file('Xã Lộc Hòa.xlsx'))).toThrow(OPEN);
    });
  }
});

describe('lockedRefusal', () => {
  it('turns a file held by another program into one sentence, and leaves other errors alone', () => {
    for (const code of ['EBUSY', 'EACCES', 'EPERM']) {
      const refusal = lockedRefusal('/ve/Xã Lộc Hòa.xlsx', Object.assign(new Error(), { code }));
      expect(refusal?.message).toBe(
        'Không mở được tệp «Xã Lộc Hòa.xlsx»: tệp đang bị chương trình khác (như Excel) giữ hoặc không có quyền đọc; hãy đóng tệp rồi tổng hợp lại.',
      );
    }
    expect(lockedRefusal('/ve/a.xlsx', Object.assign(new Error(), { code: 'ENOENT' }))).toBeNull();
    expect(lockedRefusal('/ve/a.xlsx', null)).toBeNull();
  });
});
