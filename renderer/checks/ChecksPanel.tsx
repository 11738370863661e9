/**
 * What the checks found, and the rules they check. The "Kiểm tra" tab lists the findings of the
 * document by table, then apart by how sure they are — errors, warnings, and "Cần xem" (weak
 * evidence: not counted, folded away) — each with its evidence line (who states the rule, or how
 * far the table's numbers establish it), with counts and a filter (severity, kind, text);
 * choosing one in the table on screen moves the grid's focus to that cell. When one cell change would fix
 * every broken rule, the entry offers that change as one click — never applied without the click
 * (nothing is corrected silently). The "Quy tắc" tab is the rules view of the table.
 */
import { findingEvidence, findingMessage, suggestionText } from './finding-text';
import { useMemo, useState } from 'react';
import {
  FINDING_KIND_NAMES,
  FINDING_KINDS,
  SEVERITY_NAMES,
  type Finding,
  type FindingKind,
  type Severity,
} from '../../shared/checks/finding';
import { sheetLayout } from '../../shared/layout';
import type { Table } from '../../shared/model';
import { positionOf, type CellPosition } from '../grid/cell-findings';
import { editorText } from '../grid/cell-text';
import { language, t, useLanguage } from '../i18n';
import { RulesView } from '../rules/RulesView';
import { useAllFindings } from '../rules/rules-store';
import { findingPlace } from './finding-place';

/** «dòng Thị trấn Lộc Ninh, cột 7 (ô I11)»; just the cell when the table is not at hand. */
function placeWords(table: Table | null | undefined, cell: string): string {
  const place = table ? findingPlace(table, cell) : null;
  if (!place) return t('checks.cell', { cell });
  return t('checks.place', { row: place.row ?? place.rowNumber, column: place.column, cell });
}

interface ChecksPanelProps {
  table: Table | null;
  findings: readonly Finding[];
  /** Every table of the document, so a finding of another table can be located in it. */
  tables: ReadonlyMap<number, Table>;
  readOnly: boolean;
  /** Shows the cell: switches to its table first when it is not the one on screen. */
  onSelect(tableId: number, position: CellPosition): void;
  onApplySuggestion(position: CellPosition, value: number): void;
}

const kindName = (kind: FindingKind) => FINDING_KIND_NAMES[kind][language()];
const severityName = (severity: Severity) => SEVERITY_NAMES[severity][language()];

/** The panel's sections, in order; info findings are context and are not listed. */
const SECTIONS = ['error', 'warning', 'review'] as const;
type Section = (typeof SECTIONS)[number];

function sectionOf(finding: Finding): Section | null {
  return finding.severity === 'info' ? null : finding.severity;
}

function listed(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => sectionOf(f) !== null);
}

type SeverityFilter = 'all' | Section;

export function ChecksPanel({
  table,
  findings,
  tables,
  readOnly,
  onSelect,
  onApplySuggestion,
}: ChecksPanelProps) {
  useLanguage();
  const [tab, setTab] = useState<'findings' | 'rules'>('findings');
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [kind, setKind] = useState<FindingKind | 'all'>('all');
  const [query, setQuery] = useState('');
  const all = useAllFindings();

  // The table on screen first (its findings as the grid shows them), then the others.
  const groups = useMemo(() => {
    const lists: { tableId: number; name: string; own: boolean; findings: Finding[] }[] = [];
    if (table) {
      lists.push({
        tableId: table.id,
        name: table.name,
        own: true,
        findings: listed(findings),
      });
    }
    for (const [id, list] of all) {
      if (id === table?.id || list.length === 0) continue;
      lists.push({ tableId: id, name: list[0].table, own: false, findings: listed(list) });
    }
    const q = query.trim().toLocaleLowerCase('vi');
    return lists
      .map((g) => {
        const kept = g.findings
          .filter((f) => severity === 'all' || f.severity === severity)
          .filter((f) => kind === 'all' || f.kind === kind)
          .filter(
            (f) =>
              q === '' ||
              f.message.toLocaleLowerCase('vi').includes(q) ||
              findingMessage(f, language()).toLocaleLowerCase().includes(q) ||
              f.cell.toLocaleLowerCase('vi').includes(q),
          );
        const sections = SECTIONS.map((section) => ({
          section,
          findings: kept.filter((f) => sectionOf(f) === section),
        })).filter((x) => x.findings.length > 0);
        // The count on the tab is what Biểu counts as problems: "Cần xem" is not among them.
        const count = kept.filter((f) => f.severity !== 'review').length;
        return { ...g, count, shown: kept.length, sections };
      })
      .filter((g) => g.shown > 0 || g.own);
  }, [table, findings, all, severity, kind, query]);
  const shownCount = groups.find((g) => g.own)?.count ?? 0;

  const layout = useMemo(() => (table ? sheetLayout(table) : null), [table]);
  const locate = (address: string) => (table && layout ? positionOf(table, layout, address) : null);
  /** Where a finding of any table is, in that table. */
  const locateIn = (tableId: number, address: string) => {
    if (tableId === table?.id) return locate(address);
    const other = tables.get(tableId);
    return other ? positionOf(other, sheetLayout(other), address) : null;
  };

  const item = (finding: Finding, tableId: number, own: boolean) => {
    const position = locateIn(tableId, finding.cell);
    const suggestion = finding.suggestion;
    const fixAt = own && suggestion && !readOnly ? locate(suggestion.cell) : null;
    return (
      <li key={finding.id} className="finding-item">
        <button
          type="button"
          className={`finding finding-${finding.severity}`}
          data-finding-id={finding.id}
          data-kind={finding.kind}
          disabled={!position}
          onClick={() => position && onSelect(tableId, position)}
        >
          <span className="finding-kind">{kindName(finding.kind)}</span>
          <span className="finding-cell" data-cell={finding.cell}>
            {placeWords(tableId === table?.id ? table : tables.get(tableId), finding.cell)}
          </span>
          <span className="finding-message">{findingMessage(finding, language())}</span>
          {finding.evidence && (
            <span className="finding-evidence" data-testid="finding-evidence">
              {findingEvidence(finding, language())}
            </span>
          )}
        </button>
        {suggestion && fixAt && table && (
          <div className="finding-suggestion">
            <span className="suggestion-reason">
              {suggestionText(suggestion, finding, language())}
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={() => onApplySuggestion(fixAt, suggestion.value)}
            >
              {t('checks.apply', {
                cell: suggestion.cell,
                value: editorText(suggestion.value, table.columns[fixAt.columnIndex]),
              })}
            </button>
          </div>
        )}
      </li>
    );
  };

  return (
    <section
      className="checks-panel"
      role="region"
      aria-label={t('checks.heading')}
      data-testid="checks-panel"
    >
      <h2 className="panel-heading">
        {t('checks.heading')}
        <span className="panel-count">{shownCount}</span>
      </h2>
      <div className="checks-tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'findings'}
          onClick={() => setTab('findings')}
        >
          {t('checks.tabFindings')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'rules'}
          disabled={!table}
          onClick={() => setTab('rules')}
        >
          {t('checks.tabRules')}
        </button>
      </div>
      {tab === 'rules' && table ? (
        <RulesView table={table} readOnly={readOnly} />
      ) : (
        <>
          <div className="checks-filter">
            <select
              aria-label={t('checks.severity')}
              value={severity}
              onChange={(e) => setSeverity(e.target.value as SeverityFilter)}
            >
              <option value="all">{t('checks.allSeverities')}</option>
              {SECTIONS.map((section) => (
                <option key={section} value={section}>
                  {severityName(section)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('checks.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as FindingKind | 'all')}
            >
              <option value="all">{t('checks.allKinds')}</option>
              {FINDING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(k)}
                </option>
              ))}
            </select>
            <input
              type="search"
              aria-label={t('checks.filter')}
              placeholder={t('checks.filterPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          {groups.every((g) => g.shown === 0) ? (
            <p className="checks-empty">{table ? t('checks.none') : ''}</p>
          ) : (
            groups.map((g) => (
              <div key={g.tableId} className="checks-group" data-table={g.name}>
                <h3 className="checks-group-heading">
                  {g.name} <span className="panel-count">{g.count}</span>
                </h3>
                {g.sections.map(({ section, findings: list }) => (
                  // Weak evidence is folded away: open it to look, it is not counted.
                  <details
                    key={section}
                    className={`checks-section checks-section-${section}`}
                    data-section={section}
                    open={section !== 'review'}
                  >
                    <summary className="checks-section-heading">
                      {severityName(section)} ({list.length})
                      {section === 'review' && (
                        <span className="checks-section-note">{t('checks.reviewNote')}</span>
                      )}
                    </summary>
                    <ul className="checks-list">{list.map((f) => item(f, g.tableId, g.own))}</ul>
                  </details>
                ))}
              </div>
            ))
          )}
        </>
      )}
    </section>
  );
}
