/** Who is editing, for the edit log and the lock: the operating-system user. */
import os from 'node:os';

export function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo() throws when the uid has no passwd entry (some containers).
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}
