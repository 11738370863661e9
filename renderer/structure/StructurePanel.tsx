/**
 * "Cấu trúc biểu": the shown table's structure, beside the grid. It follows the active cell — its
 * column and its row — and the selection (the columns to group, the rows to delete). Every button
 * is one undoable change; the table is fetched again and re-checked when the host answers.
 */
import { useId, useState } from 'react';
import type { Row, RowRole, Table } from '../../shared/model';
import type { ChangeFn } from '../document/use-document-session';
import type { GridSelection } from '../grid/TableGrid';
import { t, useLanguage } from '../i18n';
import { ColumnForm } from './ColumnForm';
import { newColumnSpec } from './new-column';
import { TableInfoForm } from './TableInfoForm';
import { RowForm } from './RowForm';
import { SidePanel } from '../shell/SidePanel';

interface StructurePanelProps {
  table: Table;
  selection: GridSelection | null;
  readOnly: boolean;
  change: ChangeFn;
  onSaveTemplate(): void;
  onClose(): void;
}

export function StructurePanel({
  table,
  selection,
  readOnly,
  change,
  onSaveTemplate,
  onClose,
}: StructurePanelProps) {
  useLanguage();
  const id = useId();
  const [groupName, setGroupName] = useState('');
  const columnIndex = selection?.active?.columnIndex ?? null;
  const column = columnIndex !== null ? table.columns[columnIndex] : undefined;
  const rowIndex = selection?.active?.rowIndex ?? null;
  const row: Row | undefined =
    rowIndex !== null && rowIndex >= 0 ? table.rows[rowIndex] : undefined;
  const selectedColumns = selection?.columns
    ? table.columns.slice(selection.columns.from, selection.columns.to + 1)
    : column
      ? [column]
      : [];
  const selectedRowIds = selection?.rowIds.length ? selection.rowIds : row ? [row.id] : [];
  const tableId = table.id;

  const addColumn = (atIndex: number) =>
    void change('column.add', { tableId, atIndex, column: newColumnSpec(table) });

  return (
    <SidePanel
      className="structure-panel"
      heading={t('structure.heading')}
      testId="structure-panel"
      onClose={onClose}
    >
      <fieldset className="side-panel-body" disabled={readOnly}>
        <TableInfoForm
          key={`${table.id}:${table.title}:${table.unit}`}
          table={table}
          change={change}
        />

        <section className="structure-section" aria-labelledby={`${id}-column`}>
          <h3 id={`${id}-column`} className="structure-heading">
            {column
              ? t('structure.column', { code: column.code, label: column.label })
              : t('structure.noColumn')}
          </h3>
          {column && (
            <>
              <ColumnForm
                key={JSON.stringify(column)}
                column={column}
                codes={table.columns.map((c) => c.code)}
                onSave={(patch) =>
                  void change('column.update', { tableId, columnId: column.id, patch })
                }
              />
              <div className="button-grid">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => addColumn(columnIndex!)}
                >
                  {t('structure.addColumnLeft')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => addColumn(columnIndex! + 1)}
                >
                  {t('structure.addColumnRight')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={columnIndex === 0}
                  onClick={() =>
                    void change('column.move', {
                      tableId,
                      columnId: column.id,
                      toIndex: columnIndex! - 1,
                    })
                  }
                >
                  {t('structure.moveColumnLeft')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={columnIndex === table.columns.length - 1}
                  onClick={() =>
                    void change('column.move', {
                      tableId,
                      columnId: column.id,
                      toIndex: columnIndex! + 1,
                    })
                  }
                >
                  {t('structure.moveColumnRight')}
                </button>
                <button
                  type="button"
                  className="button button-small button-danger"
                  disabled={table.columns.length <= 1}
                  onClick={() => void change('column.remove', { tableId, columnIds: [column.id] })}
                >
                  {t('structure.removeColumn')}
                </button>
              </div>
              <div className="group-row">
                <label className="field-label" htmlFor={`${id}-group`}>
                  {t('structure.groupColumns', { count: selectedColumns.length })}
                </label>
                <div className="path-row">
                  <input
                    id={`${id}-group`}
                    className="text-field"
                    value={groupName}
                    placeholder={t('structure.groupExample')}
                    onChange={(e) => setGroupName(e.target.value)}
                  />
                  <button
                    type="button"
                    className="button button-small"
                    disabled={groupName.trim() === ''}
                    onClick={() => {
                      void change('column.group', {
                        tableId,
                        columnIds: selectedColumns.map((c) => c.id),
                        group: groupName.trim(),
                      });
                      setGroupName('');
                    }}
                  >
                    {t('structure.group')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={!selectedColumns.some((c) => c.headerPath.length > 0)}
                    onClick={() =>
                      void change('column.group', {
                        tableId,
                        columnIds: selectedColumns.map((c) => c.id),
                        group: null,
                      })
                    }
                  >
                    {t('structure.ungroup')}
                  </button>
                </div>
              </div>
            </>
          )}
        </section>

        <section className="structure-section" aria-labelledby={`${id}-row`}>
          <h3 id={`${id}-row`} className="structure-heading">
            {row ? t('structure.row', { number: rowIndex! + 1 }) : t('structure.noRow')}
          </h3>
          {row && (
            <RowForm
              key={`${row.id}:${row.role}:${row.unitKey}`}
              row={row}
              onSave={(patch: { role?: RowRole; unitKey?: string | null }) =>
                void change('row.update', { tableId, rowIds: [row.id], patch })
              }
            />
          )}
          <div className="button-grid">
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                void change('row.insert', { tableId, atIndex: rowIndex ?? 0, count: 1 })
              }
            >
              {t('structure.insertRowAbove')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                void change('row.insert', {
                  tableId,
                  atIndex: rowIndex !== null ? rowIndex + 1 : table.rows.length,
                  count: 1,
                })
              }
            >
              {t('structure.insertRowBelow')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={!row || rowIndex === 0}
              onClick={() =>
                row && void change('row.move', { tableId, rowId: row.id, toIndex: rowIndex! - 1 })
              }
            >
              {t('structure.moveRowUp')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={!row || rowIndex === table.rows.length - 1}
              onClick={() =>
                row && void change('row.move', { tableId, rowId: row.id, toIndex: rowIndex! + 1 })
              }
            >
              {t('structure.moveRowDown')}
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              disabled={selectedRowIds.length === 0}
              onClick={() => void change('row.remove', { tableId, rowIds: selectedRowIds })}
            >
              {t('structure.removeRows', { count: selectedRowIds.length })}
            </button>
          </div>
        </section>

        <section className="structure-section">
          <button type="button" className="button" onClick={onSaveTemplate}>
            {t('structure.saveTemplate')}
          </button>
          <p className="field-hint">{t('structure.saveTemplateHint')}</p>
        </section>
      </fieldset>
    </SidePanel>
  );
}
