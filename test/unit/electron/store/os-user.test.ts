/** Who is editing: the operating-system user, as the edit log and the lock record it. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { osUserName } from '../../../../electron/store/os-user';

describe('the operating-system user', () => {
  it('is the account running Biểu', () => {
    expect(osUserName()).toBe(os.userInfo().username);
    expect(osUserName()).not.toBe('');
  });
});
