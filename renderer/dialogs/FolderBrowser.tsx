/**
 * The browser host's file browser, where the computer's own file dialog cannot open (a browser
 * cannot browse the machine that runs Biểu): the documents folder and the folders of documents
 * opened before, served by the host. A click on a folder opens it; a click on a file puts its
 * path in the field; to save, «Lưu vào thư mục này» keeps the file's name in the folder shown.
 */
import { useEffect, useState } from 'react';
import type { CallInput, CallOutput } from '../../shared/api';
import { call } from '../api-client';
import { t } from '../i18n';

type Listing = CallOutput<'folder.list'>;

interface FolderBrowserProps {
  purpose: CallInput<'folder.list'>['purpose'];
  /** The path in the field: the browser starts in its folder, and keeps its file name to save. */
  value: string;
  onChange(path: string): void;
}

/** The folder part and the file name of a path, whichever separator the host writes. */
function splitPath(value: string): { folder: string | null; name: string } {
  const cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
  return cut < 0
    ? { folder: null, name: value }
    : { folder: value.slice(0, cut) || value.slice(0, 1), name: value.slice(cut + 1) };
}

export function FolderBrowser({ purpose, value, onChange }: FolderBrowserProps) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = (folder: string | null) =>
    call('folder.list', { path: folder, purpose }).then(
      (next) => {
        setListing(next);
        setError(null);
      },
      (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
    );

  // Start where the field points, or in the documents folder when that is not a folder it shows.
  useEffect(() => {
    const { folder } = splitPath(value.trim());
    call('folder.list', { path: folder, purpose })
      .catch(() => call('folder.list', { path: null, purpose }))
      .then(setListing, (reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only where it opens
  }, [purpose]);

  const saving = purpose === 'save' || purpose === 'export';
  const separator = listing?.path.includes('\\') && !listing.path.includes('/') ? '\\' : '/';
  const intoFolder = (folder: string) => {
    const name = splitPath(value.trim()).name;
    if (name) onChange(`${folder.replace(/[\\/]$/, '')}${separator}${name}`);
  };

  return (
    <div className="folder-browser" data-testid="folder-browser">
      {listing && (
        <>
          <div className="folder-roots" role="group" aria-label={t('folders.roots')}>
            {listing.roots.map((root, index) => (
              <button
                key={root}
                type="button"
                className="button button-small button-quiet"
                aria-pressed={listing.path === root}
                title={root}
                onClick={() => void show(root)}
              >
                {index === 0 ? t('folders.documents') : splitPath(root).name || root}
              </button>
            ))}
          </div>
          <div className="folder-here">
            <button
              type="button"
              className="button button-small"
              disabled={listing.parent === null}
              onClick={() => listing.parent && void show(listing.parent)}
            >
              {t('folders.up')}
            </button>
            <span className="folder-path" data-testid="folder-path">
              {listing.path}
            </span>
            {saving && (
              <button
                type="button"
                className="button button-small"
                onClick={() => intoFolder(listing.path)}
              >
                {t('folders.saveHere')}
              </button>
            )}
          </div>
          <ul className="folder-entries" aria-label={t('folders.entries')}>
            {listing.entries.length === 0 && <li className="field-hint">{t('folders.empty')}</li>}
            {listing.entries.map((entry) => (
              <li key={entry.path}>
                <button
                  type="button"
                  className={entry.folder ? 'folder-entry folder-entry-folder' : 'folder-entry'}
                  aria-current={!entry.folder && entry.path === value.trim() ? 'true' : undefined}
                  onClick={() => (entry.folder ? void show(entry.path) : onChange(entry.path))}
                >
                  {entry.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
