/**
 * The open document: the table list on the left; the table shown, with find and replace above it
 * and the checks under it, in the middle; the structure or history panel on the right when open.
 */
import { useMemo, useState, type CSSProperties } from 'react';
import type { CellEdit, DocumentInfo } from '../../shared/api';
import type { Finding } from '../../shared/checks/finding';
import type { Table } from '../../shared/model';
import { ChecksPanel } from '../checks/ChecksPanel';
import { sourceNotes, unitStates } from '../collect/collected-cells';
import { CollectedUnits } from '../collect/CollectedUnits';
import { useCellSources } from '../collect/use-cell-sources';
import type { FindingCounts } from '../checks/use-findings';
import type { TablesById } from '../document/apply-changes';
import type { ChangeFn } from '../document/use-document-session';
import { FindBar } from '../find/FindBar';
import type { Match } from '../find/search';
import type { CellPosition } from '../grid/cell-findings';
import type { NoticeAction, StructureEdit } from '../grid/grid-commands';
import { TableGrid, type FocusRequest, type GridSelection } from '../grid/TableGrid';
import { HistoryPanel } from '../history/HistoryPanel';
import { t, tDocument, useLanguage } from '../i18n';
import { StructurePanel } from '../structure/StructurePanel';
import { PanelSplitter } from './PanelSplitter';
import { viewSettings } from './view-settings';
import { TableList } from '../tables/TableList';

export type SidePanel = 'structure' | 'history' | null;

interface WorkspaceProps {
  info: DocumentInfo;
  tables: TablesById;
  table: Table | null;
  findings: readonly Finding[];
  counts: ReadonlyMap<number, FindingCounts>;
  busy: boolean;
  revision: number;
  zoom: number;
  panel: SidePanel;
  /** 0 when find and replace is closed; bumped by every Ctrl+F. */
  findSeq: number;
  focusRequest: FocusRequest | null;
  selection: GridSelection | null;
  onSelectTable(tableId: number): void;
  onAddTable(): void;
  onEdits(edits: CellEdit[], label: string): void;
  change: ChangeFn;
  onFocusCell(tableId: number, position: CellPosition): void;
  onSelectionChange(selection: GridSelection): void;
  onNotice(message: string, action?: NoticeAction): void;
  onPasteRows(table: Table, count: number): Promise<number[] | null>;
  onStructure(edit: StructureEdit): void;
  onError(error: unknown): void;
  onSaveTemplate(): void;
  onClosePanel(): void;
  onCloseFind(): void;
}

export function Workspace(props: WorkspaceProps) {
  useLanguage();
  const { info, table, tables } = props;
  const readOnly = info.readOnly;
  // A focus request is for the moment it was made: once the person picks a table in the list, an
  // earlier request must not move the focus again when that table's grid is built anew.
  const [settledSeq, setSettledSeq] = useState<number | null>(null);
  const focusRequest =
    props.focusRequest && props.focusRequest.seq !== settledSeq ? props.focusRequest : null;
  // Followed live while the splitter is dragged; remembered when it is let go.
  const [checksHeight, setChecksHeight] = useState(() => viewSettings().checksHeight);
  const sources = useCellSources(table?.id ?? null, props.revision);
  const notes = useMemo(() => (table ? sourceNotes(table, sources) : null), [table, sources]);
  const units = useMemo(() => (table ? unitStates(table, sources) : null), [table, sources]);
  const ordered = useMemo(
    () => info.tables.map((s) => tables.get(s.id)).filter((x): x is Table => x !== undefined),
    [info.tables, tables],
  );

  return (
    <main className={props.panel ? 'workspace workspace-with-panel' : 'workspace'}>
      <TableList
        info={info}
        selectedTableId={table?.id ?? null}
        counts={props.counts}
        onSelect={(tableId) => {
          setSettledSeq(props.focusRequest?.seq ?? null);
          props.onSelectTable(tableId);
        }}
        onAdd={props.onAddTable}
      />
      <div
        className="document-center"
        style={{ '--checks-height': `${checksHeight}px` } as CSSProperties}
      >
        {props.findSeq > 0 && (
          <FindBar
            tables={ordered}
            currentTableId={table?.id ?? null}
            readOnly={readOnly}
            focusSeq={props.findSeq}
            onGo={(match: Match) =>
              props.onFocusCell(match.tableId, {
                rowIndex: match.rowIndex,
                columnIndex: match.columnIndex,
              })
            }
            onReplace={props.onEdits}
            onClose={props.onCloseFind}
          />
        )}
        {table ? (
          <>
            <div className="table-heading">
              <h1 className="table-title">{table.title || table.name}</h1>
              {table.unit && <p className="table-unit">{t('grid.unit', { unit: table.unit })}</p>}
              {units && <CollectedUnits units={units} />}
            </div>
            <TableGrid
              key={table.id}
              table={table}
              findings={props.findings}
              notes={notes}
              readOnly={readOnly}
              zoom={props.zoom}
              onEdits={props.onEdits}
              onNotice={props.onNotice}
              onPasteRows={props.onPasteRows}
              onStructure={props.onStructure}
              onSelectionChange={props.onSelectionChange}
              focusRequest={focusRequest?.tableId === table.id ? focusRequest : null}
            />
          </>
        ) : (
          <p className="placeholder">
            {t(
              props.busy
                ? 'grid.loadingTable'
                : info.tables.length
                  ? 'grid.chooseTable'
                  : 'grid.noTables',
            )}
          </p>
        )}
        <PanelSplitter height={checksHeight} onResize={setChecksHeight} />
        <ChecksPanel
          table={table}
          findings={props.findings}
          tables={tables}
          readOnly={readOnly}
          onSelect={props.onFocusCell}
          onApplySuggestion={(position, value) => {
            if (!table) return;
            const row = table.rows[position.rowIndex];
            const column = table.columns[position.columnIndex];
            props.onEdits(
              [{ tableId: table.id, rowId: row.id, columnId: column.id, value }],
              tDocument('label.suggestion', { cell: column.code }),
            );
            props.onFocusCell(table.id, position);
          }}
        />
      </div>
      {props.panel === 'structure' && table && (
        <StructurePanel
          table={table}
          selection={props.selection}
          readOnly={readOnly}
          change={props.change}
          onSaveTemplate={props.onSaveTemplate}
          onClose={props.onClosePanel}
        />
      )}
      {props.panel === 'history' && (
        <HistoryPanel
          tables={tables}
          revision={props.revision}
          readOnly={readOnly}
          onRevert={(batchId) => void props.change('history.revertTo', { batchId })}
          onClose={props.onClosePanel}
          onError={props.onError}
        />
      )}
    </main>
  );
}
