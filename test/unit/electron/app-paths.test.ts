/**
 * BIEU_HOME puts all of Biểu's own files under one folder (the tests and portable installs rely
 * on it); without it the settings go where the platform keeps an application's settings.
 */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/app-paths';

describe('appPaths', () => {
  it('puts settings and documents under BIEU_HOME when it is set', () => {
    expect(appPaths({ BIEU_HOME: '/tmp/bieu-xach-tay' })).toEqual({
      dataDir: path.resolve('/tmp/bieu-xach-tay/app-data'),
      documentsDir: path.resolve('/tmp/bieu-xach-tay/documents'),
    });
    expect(appPaths({ BIEU_HOME: 'tuong-doi' }).dataDir).toBe(
      path.resolve('tuong-doi', 'app-data'),
    );
  });

  it("uses the platform's settings folder and the home's Documents otherwise", () => {
    const paths = appPaths({ XDG_CONFIG_HOME: '/cau-hinh', APPDATA: 'C:\\AppData' });
    expect(paths.documentsDir).toBe(path.join(os.homedir(), 'Documents', 'Biểu'));
    const expected =
      process.platform === 'win32'
        ? path.join('C:\\AppData', 'Bieu')
        : process.platform === 'darwin'
          ? path.join(os.homedir(), 'Library', 'Application Support', 'Bieu')
          : path.join('/cau-hinh', 'bieu');
    expect(paths.dataDir).toBe(expected);
  });
});
