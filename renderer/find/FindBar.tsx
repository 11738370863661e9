/**
 * "Tìm và thay thế" (Ctrl+F), in the table shown or in the whole document. Enter finds the next
 * match and Shift+Enter the one before; each match gets the keyboard focus in the grid. "Thay tất
 * cả" is one change, undone by one Ctrl+Z.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CellEdit } from '../../shared/api';
import type { Table } from '../../shared/model';
import { t, tDocument, useLanguage } from '../i18n';
import { findMatches, replaceEdit, type Match } from './search';

export type FindScope = 'table' | 'document';

interface FindBarProps {
  /** The tables in document order, and the one shown. */
  tables: readonly Table[];
  currentTableId: number | null;
  readOnly: boolean;
  /** Bumped by Ctrl+F while the bar is open: focus the search field again. */
  focusSeq: number;
  onGo(match: Match): void;
  onReplace(edits: CellEdit[], label: string): void;
  onClose(): void;
}

export function FindBar(props: FindBarProps) {
  useLanguage();
  const id = useId();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [scope, setScope] = useState<FindScope>('table');
  const [index, setIndex] = useState(-1);
  const queryField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    queryField.current?.focus();
    queryField.current?.select();
  }, [props.focusSeq]);

  const searched = useMemo(
    () =>
      scope === 'table' ? props.tables.filter((x) => x.id === props.currentTableId) : props.tables,
    [scope, props.tables, props.currentTableId],
  );
  const matches = useMemo(() => findMatches(searched, query), [searched, query]);
  const current = index >= 0 && index < matches.length ? matches[index] : null;

  const go = (step: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (index + step + matches.length) % matches.length;
    setIndex(next);
    props.onGo(matches[next]);
  };

  const tableOf = (match: Match) => props.tables.find((x) => x.id === match.tableId);

  /** Replace the match shown (the first one when none is shown yet), then show the next. */
  const replaceOne = () => {
    const target = current ?? matches[0];
    if (!target) return;
    const table = tableOf(target);
    const edit = table && replaceEdit(table, target, query, replacement);
    if (edit)
      props.onReplace(
        [edit],
        tDocument('label.replace', { find: query, replace: replacement, count: 1 }),
      );
    go(1);
  };

  const replaceAll = () => {
    const edits: CellEdit[] = [];
    for (const match of matches) {
      const table = tableOf(match);
      const edit = table && replaceEdit(table, match, query, replacement);
      if (edit) edits.push(edit);
    }
    if (edits.length > 0)
      props.onReplace(
        edits,
        tDocument('label.replace', { find: query, replace: replacement, count: edits.length }),
      );
  };

  const status =
    query.trim() === ''
      ? ''
      : matches.length === 0
        ? t('find.none')
        : current
          ? t('find.position', { at: index + 1, count: matches.length })
          : t('find.count', { count: matches.length });

  return (
    <div className="find-bar" role="search" aria-label={t('find.heading')} data-testid="find-bar">
      <label htmlFor={`${id}-query`} className="find-label">
        {t('find.find')}
      </label>
      <input
        id={`${id}-query`}
        ref={queryField}
        className="text-field find-field"
        value={query}
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onClose();
          }
        }}
      />
      <label htmlFor={`${id}-replace`} className="find-label">
        {t('find.replaceWith')}
      </label>
      <input
        id={`${id}-replace`}
        className="text-field find-field"
        value={replacement}
        spellCheck={false}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            props.onClose();
          }
        }}
        onChange={(e) => setReplacement(e.target.value)}
      />
      <select
        className="text-field find-scope"
        aria-label={t('find.scope')}
        value={scope}
        onChange={(e) => {
          setScope(e.target.value as FindScope);
          setIndex(-1);
        }}
      >
        <option value="table">{t('find.scopeTable')}</option>
        <option value="document">{t('find.scopeDocument')}</option>
      </select>
      <button type="button" className="button button-small" onClick={() => go(1)}>
        {t('find.next')}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={props.readOnly || matches.length === 0}
        onClick={replaceOne}
      >
        {t('find.replace')}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={props.readOnly || matches.length === 0}
        onClick={replaceAll}
      >
        {t('find.replaceAll')}
      </button>
      <span className="find-status" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        className="button button-small button-quiet"
        aria-label={t('find.close')}
        onClick={props.onClose}
      >
        ×
      </button>
    </div>
  );
}
