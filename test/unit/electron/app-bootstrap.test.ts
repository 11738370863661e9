/**
 * What every start does first: the very first start makes the sample (with its planted slip) and
 * opens it; a later start reopens the last document; a last document that cannot be opened is a
 * sentence for the start screen, not a crash; a document deleted after closing is not made again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrap, SAMPLE_FILE_NAME } from '../../../electron/app-bootstrap';
import { useWorkspace } from '../helpers/store-helpers';

const ws = useWorkspace();

const start = () => bootstrap({ env: { BIEU_HOME: ws.dir } });

describe('bootstrap', () => {
  it('makes and opens the sample on the first start, with the slip it shows', () => {
    const first = start();
    const info = first.session.info()!;
    expect(info.path).toBe(path.join(ws.dir, 'documents', SAMPLE_FILE_NAME));
    expect(info.tables.map((t) => t.name)).toHaveLength(2);
    const table = first.session.require().getTable(info.tables[0].id);
    const participants = table.columns.findIndex((c) => c.code === '6');
    const town = table.rows.find((r) => r.unitKey === 'thị trấn lộc ninh')!;
    expect(town.cells[participants]).toBe(1329); // 1.239 with two digits swapped
    expect(first.notice).toBeNull();
    first.session.close();
  });

  it('reopens the last document on a later start', () => {
    start().session.close();
    const again = start();
    expect(path.basename(again.session.info()!.path)).toBe(SAMPLE_FILE_NAME);
    again.session.close();
  });

  it('says in one sentence when the last document cannot be opened, and opens nothing', () => {
    const first = start();
    const sample = first.session.info()!.path;
    first.session.close();
    fs.writeFileSync(sample, 'không còn là tài liệu');
    const again = start();
    expect(again.session.current).toBeNull();
    expect(again.notice).toContain(SAMPLE_FILE_NAME);
    expect(again.notice!.split('\n')).toHaveLength(1);
  });

  it('does not make the sample again once the person deleted it', () => {
    const first = start();
    const sample = first.session.info()!.path;
    first.session.close();
    first.settings.forgetLast();
    fs.rmSync(sample);
    const again = start();
    expect(again.session.current).toBeNull();
    expect(fs.existsSync(sample)).toBe(false);
  });
});
