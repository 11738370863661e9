/**
 * The browser host serves the built renderer and nothing else: no path, however written, reaches
 * a file outside its folder. The host as a whole is tested in test/unit/electron/host/http-host.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStatic } from '../../../../electron/host/static-files';
import { useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

function site(): string {
  const root = path.join(ws.dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app 1.js'), '');
  fs.writeFileSync(path.join(root, 'assets', 'font.bin'), '');
  fs.writeFileSync(path.join(ws.dir, 'bi-mat.bieu'), 'secret');
  return root;
}

describe('resolveStatic', () => {
  it('serves the page at / and files below the folder, with their types', () => {
    const root = site();
    expect(resolveStatic(root, '/')).toEqual({
      file: path.join(root, 'index.html'),
      type: 'text/html; charset=utf-8',
    });
    expect(resolveStatic(root, '/assets/app%201.js?v=3')).toEqual({
      file: path.join(root, 'assets', 'app 1.js'),
      type: 'text/javascript; charset=utf-8',
    });
    expect(resolveStatic(root, '/assets/font.bin')?.type).toBe('application/octet-stream');
  });

  it('refuses a path out of the folder, a folder, a missing file and a malformed escape', () => {
    const root = site();
    for (const url of [
      '/../bi-mat.bieu',
      '/assets/../../bi-mat.bieu',
      '/%2e%2e/bi-mat.bieu',
      '/..%2fbi-mat.bieu',
      '/assets',
      '/khong-co.js',
      '/%E0%A4%A',
    ])
      expect(resolveStatic(root, url)).toBeNull();
  });
});
