/**
 * The handlers answer the contract by domain: each domain's module answers every call of its
 * domain and no other, and together they answer every call there is.
 */
import { describe, expect, it } from 'vitest';
import { api, callDomains } from '../../../../shared/api';
import { createAppHandlers } from '../../../../electron/api/app-handlers';
import { createCollectHandlers } from '../../../../electron/api/collect-handlers';
import { createDocumentHandlers } from '../../../../electron/api/document-handlers';
import { createEditHandlers } from '../../../../electron/api/edit-handlers';
import { createHandlers } from '../../../../electron/api/handlers';
import { createRuleHandlers } from '../../../../electron/api/rule-handlers';
import { createTableHandlers } from '../../../../electron/api/table-handlers';
import { createTransferHandlers } from '../../../../electron/api/transfer-handlers';
import { useApi } from '../../helpers/api-harness';

const harness = useApi('bieu-handlers-');

describe('the handlers', () => {
  it('answer each domain in its own module, and every call of the contract', () => {
    const session = harness.app.session;
    const host = { version: 't', transport: 'browser' as const, paths: harness.app.paths };
    const modules = {
      app: createAppHandlers(session, host),
      documents: createDocumentHandlers(session, host),
      tables: createTableHandlers(session),
      edits: createEditHandlers(session),
      transfer: createTransferHandlers(session),
      rules: createRuleHandlers(session),
      collect: createCollectHandlers(session),
    };
    for (const [domain, calls] of Object.entries(callDomains)) {
      expect(Object.keys(modules[domain as keyof typeof modules]).sort()).toEqual(
        Object.keys(calls).sort(),
      );
    }
    expect(Object.keys(createHandlers(session, host)).sort()).toEqual(Object.keys(api).sort());
  });

  it('reach the open document through the session', async () => {
    const info = await harness.call('document.current', {});
    const table = await harness.call('table.get', { tableId: info!.tables[0].id });
    const renamed = await harness.call('table.rename', { tableId: table.id, name: 'Biểu đổi tên' });
    expect(renamed).toMatchObject({ tableListChanged: true, canUndo: true });
    expect((await harness.call('history.list', {}))[0].label).toBe(
      `Đổi tên biểu «${table.name}» thành «Biểu đổi tên»`,
    );
  });
});
