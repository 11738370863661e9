/**
 * The rules of a table (issue 5, "In the app"): every rule its layout gives, in the column-code
 * notation, with where it comes from; a switch to turn one off; a field to type a rule, with the
 * parse error shown as one types; and the links between tables that the figures suggest.
 */
import { useEffect, useState } from 'react';
import type { LinkProposalInfo, RuleInfo } from '../../shared/api';
import { parseUserRule } from '../../shared/checks/user-rule';
import type { Table } from '../../shared/model';
import { formatNumber } from '../../shared/numbers';
import { call } from '../api-client';
import { refreshRules, useRulesState } from './rules-store';

interface RulesViewProps {
  table: Table;
  readOnly: boolean;
}

export function RulesView({ table, readOnly }: RulesViewProps) {
  const { version } = useRulesState();
  const [rules, setRules] = useState<RuleInfo[]>([]);
  const [proposals, setProposals] = useState<LinkProposalInfo[]>([]);
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('rules.list', { tableId: table.id }).then(
      (list) => live && setRules(list),
      (error) => console.error('[bieu] rules.list', error),
    );
    call('links.proposals', {}).then(
      (list) =>
        live &&
        setProposals(list.filter((p) => p.from.tableId === table.id || p.to.tableId === table.id)),
      (error) => console.error('[bieu] links.proposals', error),
    );
    return () => {
      live = false;
    };
  }, [table.id, table.columns, version]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setRefused(null);
    } catch (error) {
      setRefused(error instanceof Error ? error.message : String(error));
    }
    await refreshRules();
  };

  const parsed =
    text.trim() === '' ? null : parseUserRule(text, { codes: table.columns.map((c) => c.code) });
  const inlineError = parsed && !parsed.ok ? parsed.error : null;

  return (
    <div className="rules-view" data-testid="rules-view">
      <ul className="rules-list" aria-label="Quy tắc của biểu">
        {rules.map((rule) => (
          <li
            key={rule.id}
            className={rule.enabled ? 'rule-item' : 'rule-item rule-off'}
            data-rule-id={rule.id}
          >
            <label className="rule-switch">
              <input
                type="checkbox"
                role="switch"
                aria-label={`Bật quy tắc ${rule.text}`}
                checked={rule.enabled}
                disabled={readOnly}
                onChange={(e) =>
                  void run(() =>
                    call('rules.setEnabled', { ruleId: rule.id, enabled: e.target.checked }),
                  )
                }
              />
            </label>
            <code className="rule-text">{rule.text}</code>
            <span className={`rule-origin rule-origin-${rule.origin}`}>{rule.originName}</span>
            <span className="rule-checks">{rule.checks} phép</span>
            {rule.problem && <span className="rule-problem">{rule.problem}</span>}
            {rule.removable && !readOnly && (
              <button
                type="button"
                className="button button-small"
                aria-label={`Xóa quy tắc ${rule.text}`}
                onClick={() => {
                  const [kind, id] = rule.id.split(':');
                  void run(() =>
                    kind === 'link'
                      ? call('links.remove', { id: Number(id) })
                      : call('rules.removeUser', { id: Number(id) }),
                  );
                }}
              >
                Xóa
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div className="rule-add">
          <input
            className="rule-input"
            aria-label="Thêm quy tắc"
            placeholder="Ví dụ: 1 = 2+3  hoặc  B2.6 = B1.11"
            value={text}
            aria-invalid={inlineError ? true : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setRefused(null);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || !parsed?.ok) return;
              e.preventDefault();
              const typed = text;
              void run(async () => {
                await call('rules.addUser', { tableId: table.id, text: typed });
                setText('');
              });
            }}
          />
          {(inlineError || refused) && (
            <p className="rule-error" role="status" data-testid="rule-error">
              {inlineError ? `${inlineError.message} (vị trí ${inlineError.position})` : refused}
            </p>
          )}
        </div>
      )}
      {proposals.length > 0 && (
        <>
          <h3 className="rules-subheading">Liên kết đề xuất giữa các biểu</h3>
          <ul className="proposal-list">
            {proposals.map((p) => {
              const key = `${p.from.tableId}.${p.from.columnId}-${p.to.tableId}.${p.to.columnId}`;
              const ref = { from: p.from, to: p.to };
              const pick = {
                from: { tableId: ref.from.tableId, columnId: ref.from.columnId },
                to: { tableId: ref.to.tableId, columnId: ref.to.columnId },
              };
              return (
                <li key={key} className="proposal-item" data-testid="link-proposal">
                  <p className="proposal-text">
                    [{p.from.tableName}].{p.from.columnCode} ({p.from.label}) = [{p.to.tableName}].
                    {p.to.columnCode} ({p.to.label})
                  </p>
                  <p className="proposal-count">
                    Khớp {p.agreeing}/{p.compared} đơn vị
                  </p>
                  {p.disagreements.length > 0 && (
                    <ul className="proposal-disagreements">
                      {p.disagreements.map((d) => (
                        <li key={`${d.fromRowId}-${d.toRowId}`}>
                          {d.label ?? '—'}: {formatNumber(d.fromValue, 0)} ≠{' '}
                          {formatNumber(d.toValue, 0)}
                        </li>
                      ))}
                    </ul>
                  )}
                  {!readOnly && (
                    <div className="proposal-actions">
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void run(() => call('links.accept', { proposal: pick }))}
                      >
                        Chấp nhận
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void run(() => call('links.dismiss', { proposal: pick }))}
                      >
                        Bỏ qua
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
