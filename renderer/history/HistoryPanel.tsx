/**
 * "Lịch sử": every change of the document, newest first — who made it (the computer's user
 * name), when, and what (each cell's old → new value, or the sentence of a structural change) —
 * with "Quay lại thời điểm này", which undoes everything after that change as ONE new change, so
 * going back can itself be undone.
 */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../shared/api';
import { call } from '../api-client';
import type { TablesById } from '../document/apply-changes';
import { t, useLanguage } from '../i18n';
import { formatDateTime } from '../shell/format-time';
import { describeCell } from './describe-change';
import { SidePanel } from '../shell/SidePanel';

const SHOWN_CELLS = 6;

interface HistoryPanelProps {
  tables: TablesById;
  /** Changes when the document changed: the list is fetched again. */
  revision: number;
  readOnly: boolean;
  onRevert(batchId: number): void;
  onClose(): void;
  onError(error: unknown): void;
}

export function HistoryPanel(props: HistoryPanelProps) {
  useLanguage();
  const { revision, onError } = props;
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);

  useEffect(() => {
    let live = true;
    call('history.list', { limit: 200 }).then(
      (list) => live && setEntries(list.slice().sort((a, b) => b.batchId - a.batchId)),
      (error: unknown) => {
        if (!live) return;
        setEntries([]);
        onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [revision, onError]);

  const latestDone = entries?.find((e) => e.state === 'done')?.batchId ?? null;
  const tableCount = props.tables.size;

  return (
    <SidePanel
      className="history-panel"
      heading={t('history.heading')}
      testId="history-panel"
      onClose={props.onClose}
    >
      {entries === null ? (
        <p className="field-hint side-panel-note">{t('start.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="field-hint side-panel-note">{t('history.none')}</p>
      ) : (
        <ol className="history-list">
          {entries.map((entry) => (
            <li
              key={entry.batchId}
              className={`history-entry history-${entry.state}`}
              data-batch-id={entry.batchId}
            >
              <div className="history-meta">
                <span className="history-time">{formatDateTime(entry.time)}</span>
                <span className="history-user">{entry.user}</span>
                {entry.state !== 'done' ? (
                  <span className="history-state">
                    {t(entry.state === 'undone' ? 'history.undone' : 'history.discarded')}
                  </span>
                ) : (
                  entry.batchId === latestDone && (
                    <span className="history-state history-current">{t('history.current')}</span>
                  )
                )}
              </div>
              <p className="history-label">{entry.label}</p>
              {entry.structural && entry.structural !== entry.label && (
                <p className="history-detail">{entry.structural}</p>
              )}
              {entry.cells.length > 0 && (
                <ul className="history-cells">
                  {entry.cells.slice(0, SHOWN_CELLS).map((cell, i) => (
                    <li key={i}>{describeCell(cell, props.tables, tableCount > 1)}</li>
                  ))}
                  {entry.cells.length > SHOWN_CELLS && (
                    <li className="history-more">
                      {t('history.moreCells', { count: entry.cells.length - SHOWN_CELLS })}
                    </li>
                  )}
                </ul>
              )}
              {entry.state === 'done' && entry.batchId !== latestDone && !props.readOnly && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => props.onRevert(entry.batchId)}
                >
                  {t('history.revert')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </SidePanel>
  );
}
