/**
 * What the window shows when no document is open (and from Tệp › Trang đầu): the recent
 * documents with where they are and when they last changed, and the ways to begin — from the
 * templates, blank, an existing file, or the sample that shows what Biểu is for.
 */
import { useEffect, useState } from 'react';
import type { RecentDocument } from '../../shared/api';
import { call } from '../api-client';
import { t, useLanguage } from '../i18n';
import { formatDateTime } from '../shell/format-time';

interface StartScreenProps {
  onNewFromTemplates(): void;
  onNewBlank(): void;
  onOpen(): void;
  onOpenSample(): void;
  onOpenRecent(path: string): void;
  onError(error: unknown): void;
}

export function StartScreen(props: StartScreenProps) {
  useLanguage();
  const { onError } = props;
  const [recent, setRecent] = useState<RecentDocument[] | null>(null);

  useEffect(() => {
    let live = true;
    call('recent.list', {}).then(
      (list) => live && setRecent(list),
      (error: unknown) => {
        if (!live) return;
        setRecent([]);
        onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [onError]);

  return (
    <main className="start" data-testid="start-screen">
      <div className="start-layout">
        <header className="start-header">
          <h1>{t('start.welcome')}</h1>
          <p>{t('start.body')}</p>
        </header>
        <section className="start-section start-recent" aria-labelledby="start-recent-heading">
          <h2 id="start-recent-heading" className="start-heading">
            {t('start.recent')}
          </h2>
          {recent === null ? (
            <p className="field-hint">{t('start.loading')}</p>
          ) : recent.length === 0 ? (
            <p className="start-empty">{t('start.noRecent')}</p>
          ) : (
            <ul className="recent-list" aria-label={t('start.recent')}>
              {recent.map((doc) => (
                <li key={doc.path}>
                  <button
                    type="button"
                    className="recent-item"
                    disabled={!doc.exists}
                    onClick={() => props.onOpenRecent(doc.path)}
                  >
                    <span className="recent-name">{doc.name}</span>
                    <span className="recent-path">{doc.path}</span>
                    <span className="recent-time">
                      {doc.exists && doc.modifiedAt
                        ? t('start.modifiedAt', { time: formatDateTime(doc.modifiedAt) })
                        : t('start.missing')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="start-section start-begin" aria-labelledby="start-begin-heading">
          <h2 id="start-begin-heading" className="start-heading">
            {t('start.begin')}
          </h2>
          <div className="start-actions">
            <StartAction
              title={t('start.fromTemplates')}
              detail={t('start.fromTemplatesDetail')}
              onClick={props.onNewFromTemplates}
              primary
            />
            <StartAction
              title={t('start.blank')}
              detail={t('start.blankDetail')}
              onClick={props.onNewBlank}
            />
            <StartAction
              title={t('start.open')}
              detail={t('start.openDetail')}
              onClick={props.onOpen}
            />
            <StartAction
              title={t('start.sample')}
              detail={t('start.sampleDetail')}
              onClick={props.onOpenSample}
            />
          </div>
        </section>
      </div>
    </main>
  );
}

function StartAction(props: { title: string; detail: string; primary?: boolean; onClick(): void }) {
  return (
    <button
      type="button"
      className={props.primary ? 'start-action start-action-primary' : 'start-action'}
      onClick={props.onClick}
    >
      <span className="start-action-title">{props.title}</span>
      <span className="start-action-detail">{props.detail}</span>
    </button>
  );
}
