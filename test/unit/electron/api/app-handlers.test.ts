/**
 * The app's own calls: what the host is, the templates to start from, and the file dialog —
 * which a browser host does not have, so it answers "cancelled".
 */
import { describe, expect, it } from 'vitest';
import { useApi } from '../../helpers/api-harness';

const api = useApi('bieu-app-handlers-');

describe('the app calls', () => {
  it('say what the host is and list the templates', async () => {
    const info = await api.call('app.info', {});
    expect(info).toEqual({
      version: 'test',
      transport: 'browser',
      nativeDialogs: false,
      documentsDir: api.app.paths.documentsDir,
    });
    const ids = (await api.call('templates.list', {})).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['cdht-theo-nhom', 'dan-so-tham-gia']));
    expect(await api.call('dialog.pickPath', { purpose: 'open' })).toBeNull();
  });
});
