/**
 * Where Biểu keeps its own things: the settings store and the default documents folder.
 * BIEU_HOME overrides both (tests and portable installs use it), so a test never touches the
 * user's real settings.
 */
import os from 'node:os';
import path from 'node:path';

export interface AppPaths {
  /** Settings, recent documents, later backups. */
  dataDir: string;
  /** Where new documents and the sample go unless the user picks another place. */
  documentsDir: string;
}

export function appPaths(env: NodeJS.ProcessEnv = process.env): AppPaths {
  if (env.BIEU_HOME) {
    const home = path.resolve(env.BIEU_HOME);
    return { dataDir: path.join(home, 'app-data'), documentsDir: path.join(home, 'documents') };
  }
  const home = os.homedir();
  const dataDir =
    process.platform === 'win32'
      ? path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Bieu')
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support', 'Bieu')
        : path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'bieu');
  return { dataDir, documentsDir: path.join(home, 'Documents', 'Biểu') };
}
