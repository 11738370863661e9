/** A private copy of a document: same name, its journals when asked, gone afterwards. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateCopy, withPrivateCopy } from '../../../../electron/store/private-copy';
import { listDir, useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

describe('a private copy', () => {
  it('keeps the name, takes the -wal and -journal when asked, and is removed after', () => {
    for (const f of ['a.bieu', 'a.bieu-wal', 'a.bieu-journal']) fs.writeFileSync(ws.file(f), f);
    fs.writeFileSync(ws.file('a.bieu-shm'), '');
    const copy = privateCopy(ws.file('a.bieu'), true);
    expect(path.basename(copy.file)).toBe('a.bieu');
    expect(fs.readdirSync(path.dirname(copy.file)).sort()).toEqual([
      'a.bieu',
      'a.bieu-journal',
      'a.bieu-wal',
    ]);
    copy.dispose();
    expect(fs.existsSync(path.dirname(copy.file))).toBe(false);
    const alone = withPrivateCopy(ws.file('a.bieu'), false, (file) =>
      fs.readdirSync(path.dirname(file)),
    );
    expect(alone).toEqual(['a.bieu']);
    expect(listDir(ws.dir)).toEqual(['a.bieu', 'a.bieu-journal', 'a.bieu-shm', 'a.bieu-wal']);
  });

  it('is removed when what reads it fails', () => {
    fs.writeFileSync(ws.file('a.bieu'), 'x');
    let seen = '';
    expect(() =>
      withPrivateCopy(ws.file('a.bieu'), false, (file) => {
        seen = file;
        throw new Error('đọc hỏng');
      }),
    ).toThrow('đọc hỏng');
    expect(fs.existsSync(seen)).toBe(false);
  });
});
