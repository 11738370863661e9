/**
 * The rules of a table: every rule its layout gives, in the column-code
 * notation, with where it comes from; a switch to turn one off; a field to type a rule, with the
 * parse error shown as one types; and the links between tables that the figures suggest.
 */
import { useEffect, useState } from 'react';
import type { LinkProposalInfo, RuleInfo } from '../../shared/api';
import { parseUserRule } from '../../shared/checks/user-rule';
import type { Table } from '../../shared/model';
import { formatNumber } from '../../shared/numbers';
import { call } from '../api-client';
import { t, useLanguage } from '../i18n';
import { refreshRules, useRulesState } from './rules-store';

/** A rule in column-code notation (ASCII: codes, operators); others are sentences. */
const FORMULA = /^[\x20-\x7e≤≥≠]*$/;

interface RulesViewProps {
  table: Table;
  readOnly: boolean;
}

export function RulesView({ table, readOnly }: RulesViewProps) {
  useLanguage();
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
      <ul className="rules-list" aria-label={t('rules.list')}>
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
                aria-label={t('rules.enable', { rule: rule.text })}
                checked={rule.enabled}
                disabled={readOnly}
                onChange={(e) =>
                  void run(() =>
                    call('rules.setEnabled', { ruleId: rule.id, enabled: e.target.checked }),
                  )
                }
              />
            </label>
            <div className="rule-body">
              <code className={FORMULA.test(rule.text) ? 'rule-text' : 'rule-text rule-prose'}>
                {rule.text}
              </code>
              <div className="rule-meta">
                <span className={`rule-origin rule-origin-${rule.origin}`}>{rule.originName}</span>
                <span className="rule-checks">{t('rules.checks', { count: rule.checks })}</span>
              </div>
              {rule.problem && <p className="rule-problem">{rule.problem}</p>}
            </div>
            {rule.removable && !readOnly && (
              <button
                type="button"
                className="button button-small"
                aria-label={t('rules.removeLabel', { rule: rule.text })}
                onClick={() => {
                  const [kind, id] = rule.id.split(':');
                  void run(() =>
                    kind === 'link'
                      ? call('links.remove', { id: Number(id) })
                      : call('rules.removeUser', { id: Number(id) }),
                  );
                }}
              >
                {t('rules.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div className="rule-add">
          <input
            className="rule-input"
            aria-label={t('rules.add')}
            placeholder={t('rules.addPlaceholder')}
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
          {inlineError || refused ? (
            <p className="rule-error" role="status" data-testid="rule-error">
              {inlineError
                ? t('rules.errorAt', {
                    message: inlineError.message,
                    position: inlineError.position,
                  })
                : refused}
            </p>
          ) : (
            <p className="rule-hint">{t('rules.addHint')}</p>
          )}
        </div>
      )}
      {proposals.length > 0 && (
        <>
          <h3 className="rules-subheading">{t('rules.proposals')}</h3>
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
                    <span className="proposal-side">
                      <span className="proposal-table">{p.from.tableName}</span>
                      <code className="rule-text">{p.from.columnCode}</code> {p.from.label}
                    </span>
                    <span className="proposal-equals">=</span>
                    <span className="proposal-side">
                      <span className="proposal-table">{p.to.tableName}</span>
                      <code className="rule-text">{p.to.columnCode}</code> {p.to.label}
                    </span>
                  </p>
                  <p className="proposal-count">
                    {t('rules.agreeing', { agreeing: p.agreeing, compared: p.compared })}
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
                        className="button button-primary button-small"
                        onClick={() => void run(() => call('links.accept', { proposal: pick }))}
                      >
                        {t('rules.accept')}
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void run(() => call('links.dismiss', { proposal: pick }))}
                      >
                        {t('rules.dismiss')}
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
