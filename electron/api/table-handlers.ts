/** Tables and their structure: each change is one undoable batch of the open document. */
import type { AppSession } from './app-session';
import type { DomainHandlers } from './handlers';

export function createTableHandlers(session: AppSession): DomainHandlers<'tables'> {
  const store = () => session.require();
  return {
    'table.get': ({ tableId }) => store().getTable(tableId),
    'table.add': ({ templateId, name }) => session.addTable(templateId, name),
    'table.rename': ({ tableId, name }) => store().renameTable(tableId, name),
    'table.duplicate': ({ tableId }) => store().duplicateTable(tableId),
    'table.move': ({ tableId, toIndex }) => store().moveTable(tableId, toIndex),
    'table.delete': ({ tableId }) => store().deleteTable(tableId),
    'table.setInfo': ({ tableId, title, unit }) => store().setTableInfo(tableId, { title, unit }),
    'column.add': ({ tableId, atIndex, column }) => store().addColumn(tableId, atIndex, column),
    'column.update': ({ tableId, columnId, patch }) =>
      store().updateColumn(tableId, columnId, patch),
    'column.remove': ({ tableId, columnIds }) => store().removeColumns(tableId, columnIds),
    'column.move': ({ tableId, columnId, toIndex }) =>
      store().moveColumn(tableId, columnId, toIndex),
    'column.group': ({ tableId, columnIds, group }) =>
      store().groupColumns(tableId, columnIds, group),
    'row.insert': ({ tableId, atIndex, count, role }) =>
      store().insertRows(tableId, atIndex, count, role ?? 'detail'),
    'row.remove': ({ tableId, rowIds }) => store().removeRows(tableId, rowIds),
    'row.move': ({ tableId, rowId, toIndex }) => store().moveRow(tableId, rowId, toIndex),
    'row.update': ({ tableId, rowIds, patch }) => store().updateRows(tableId, rowIds, patch),
    'template.saveUser': ({ tableId, name }) => session.saveUserTemplate(tableId, name),
  };
}
