/**
 * The dialogs the menu opens, in one place: which one is open is App's state, what each does is
 * the document session's. Also the offer to restore a backup when a document would not open.
 */
import type { CallOutput, DocumentInfo } from '../../shared/api';
import { call } from '../api-client';
import { AboutDialog } from '../dialogs/AboutDialog';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { NewDocumentDialog } from '../dialogs/NewDocumentDialog';
import { PathDialog, type PathPurpose } from '../dialogs/PathDialog';
import { TextPromptDialog } from '../dialogs/TextPromptDialog';
import { BackupsDialog } from '../document/BackupsDialog';
import { MetaDialog } from '../document/MetaDialog';
import { RecoverDialog } from '../document/RecoverDialog';
import type { DocumentActions, DocumentState } from '../document/use-document-session';
import { t } from '../i18n';
import { AddTableDialog } from '../tables/AddTableDialog';
import { CollectDialog } from '../collect/CollectDialog';
import { FormsDialog } from '../collect/FormsDialog';
import { ExportDialog } from '../transfer/ExportDialog';
import { ImportDialog } from '../transfer/ImportDialog';

export type OpenDialog =
  | { kind: 'new' }
  | { kind: 'path'; purpose: PathPurpose }
  | { kind: 'about' }
  | { kind: 'rename' }
  | { kind: 'meta' }
  | { kind: 'backups' }
  | { kind: 'addTable' }
  /** `path`: a file chosen already in the native dialog (Electron). */
  | { kind: 'import'; path: string | null }
  | { kind: 'export' }
  | {
      kind: 'tableRename' | 'tableDelete' | 'saveTemplate' | 'collectForms' | 'collectFiles';
      tableId: number;
      name: string;
    };

type AppInfo = CallOutput<'app.info'>;

const NEW_DOCUMENT_NAME = 'Bao-cao-moi.bieu';

/** `<documentsDir>/Bao-cao-moi.bieu`, with the separator the host's own paths use. */
export function defaultNewPath(appInfo: AppInfo | null): string {
  if (!appInfo) return NEW_DOCUMENT_NAME;
  const dir = appInfo.documentsDir.replace(/[\\/]+$/, '');
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir}${separator}${NEW_DOCUMENT_NAME}`;
}

/** A file next to the document, with another extension: "…/Bao-cao.bieu" → "…/Bao-cao.xlsx". */
export function siblingPath(documentPath: string, extension: string): string {
  return /\.bieu$/i.test(documentPath)
    ? documentPath.replace(/\.bieu$/i, extension)
    : `${documentPath}${extension}`;
}

/** The file name without its folder and without ".bieu", for the rename field. */
function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.bieu$/i, '');
}

interface AppDialogsProps {
  dialog: OpenDialog | null;
  info: DocumentInfo | null;
  appInfo: AppInfo | null;
  session: DocumentState;
  actions: DocumentActions;
  onClose(): void;
  onNotice(message: string): void;
}

/** The folder of a path, with the separator the path itself uses. */
function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i > 0 ? path.slice(0, i + 1) : '';
}

export function AppDialogs({
  dialog,
  info,
  appInfo,
  session,
  actions,
  onClose,
  onNotice,
}: AppDialogsProps) {
  const readOnly = info?.readOnly ?? true;
  return (
    <>
      {dialog?.kind === 'new' && (
        <NewDocumentDialog
          initialPath={defaultNewPath(appInfo)}
          nativeDialogs={appInfo?.nativeDialogs ?? false}
          onCancel={onClose}
          onError={actions.showError}
          onCreate={(path, templateIds) => {
            onClose();
            void actions.create(path, templateIds);
          }}
        />
      )}
      {dialog?.kind === 'path' && (
        <PathDialog
          purpose={dialog.purpose}
          initialPath={
            dialog.purpose === 'open' || dialog.purpose === 'save'
              ? (info?.path ?? defaultNewPath(appInfo))
              : defaultNewPath(appInfo)
          }
          onCancel={onClose}
          onChoose={(path) => {
            onClose();
            if (dialog.purpose === 'open') void actions.open(path);
            else if (dialog.purpose === 'save') void actions.saveAs(path);
            else void actions.createBlank(path);
          }}
        />
      )}
      {dialog?.kind === 'about' && (
        <AboutDialog version={appInfo?.version ?? '—'} onClose={onClose} />
      )}
      {dialog?.kind === 'rename' && info && (
        <TextPromptDialog
          title={t('dialog.rename.title')}
          label={t('dialog.rename.label')}
          hint={t('dialog.rename.hint')}
          initialValue={baseName(info.path)}
          submitLabel={t('dialog.rename.submit')}
          onCancel={onClose}
          onSubmit={(name) => {
            onClose();
            void actions.rename(name);
          }}
        />
      )}
      {dialog?.kind === 'meta' && (
        <MetaDialog
          readOnly={readOnly}
          onCancel={onClose}
          onError={actions.showError}
          onSave={(meta) => {
            onClose();
            void actions.change('meta.set', { meta });
          }}
        />
      )}
      {dialog?.kind === 'backups' && (
        <BackupsDialog
          readOnly={readOnly}
          onClose={onClose}
          onError={actions.showError}
          onRestore={(backupId) => {
            onClose();
            void actions.restoreBackup(backupId);
          }}
        />
      )}
      {dialog?.kind === 'addTable' && (
        <AddTableDialog
          onCancel={onClose}
          onError={actions.showError}
          onAdd={async (choice) => {
            onClose();
            const before = new Set(info?.tables.map((x) => x.id));
            const changes = await actions.change('table.add', choice);
            // Show the new table at once: it is the one the list did not have.
            const added = changes ? await call('document.current', {}) : null;
            const fresh = added?.tables.find((x) => !before.has(x.id));
            if (fresh) actions.selectTable(fresh.id);
          }}
        />
      )}
      {dialog?.kind === 'import' && info && (
        <ImportDialog
          startPath={dialog.path}
          initialPath={`${folderOf(info.path)}`}
          nativeDialogs={appInfo?.nativeDialogs ?? false}
          tables={info.tables}
          onClose={onClose}
          onCancelled={(message) => {
            onClose();
            onNotice(message);
          }}
          onImported={async (outcome) => {
            onClose();
            const before = new Set(info.tables.map((x) => x.id));
            await actions.applyChanges(outcome.changes);
            // Show what was imported: the first new table, else the table figures went onto.
            const fresh = outcome.changes.structureChanged.find((id) => !before.has(id));
            const shown = fresh ?? outcome.targets[0];
            if (shown !== undefined) actions.selectTable(shown);
            onNotice(
              [
                t('import.done', { count: outcome.count, file: outcome.file }),
                ...outcome.notes,
              ].join('\n'),
            );
          }}
        />
      )}
      {dialog?.kind === 'export' && info && (
        <ExportDialog
          table={info.tables.find((x) => x.id === session.selectedTableId) ?? null}
          initialPath={siblingPath(info.path, '.xlsx')}
          nativeDialogs={appInfo?.nativeDialogs ?? false}
          readOnly={readOnly}
          onClose={onClose}
          onSaveMeta={(meta) => actions.change('meta.set', { meta })}
          onExported={(result) => {
            onClose();
            onNotice(
              result.findingsSheet
                ? t('export.doneWithFindings', {
                    count: result.sheets.length,
                    file: result.file,
                    sheet: result.findingsSheet,
                  })
                : t('export.done', { count: result.sheets.length, file: result.file }),
            );
          }}
        />
      )}
      {dialog?.kind === 'collectForms' && info && (
        <FormsDialog
          table={{ id: dialog.tableId, name: dialog.name }}
          initialDir={`${folderOf(info.path)}Bieu-mau-${baseName(info.path)}`}
          nativeDialogs={appInfo?.nativeDialogs ?? false}
          onClose={onClose}
          onWritten={(result, dir) => {
            onClose();
            onNotice(t('forms.done', { count: result.files.length, dir }));
          }}
        />
      )}
      {dialog?.kind === 'collectFiles' && info && (
        <CollectDialog
          table={{ id: dialog.tableId, name: dialog.name }}
          onClose={onClose}
          onApplied={(result) => {
            onClose();
            void actions.applyChanges(result.changes);
            onNotice(t('collect.done', { cells: result.cells, files: result.files }));
          }}
        />
      )}
      {dialog?.kind === 'tableRename' && (
        <TextPromptDialog
          title={t('tables.renameTitle')}
          label={t('tables.name')}
          initialValue={dialog.name}
          submitLabel={t('dialog.rename.submit')}
          onCancel={onClose}
          onSubmit={(name) => {
            onClose();
            void actions.change('table.rename', { tableId: dialog.tableId, name });
          }}
        />
      )}
      {dialog?.kind === 'tableDelete' && (
        <ConfirmDialog
          title={t('tables.deleteTitle')}
          message={t('tables.deleteMessage', { name: dialog.name })}
          confirmLabel={t('tables.deleteSubmit')}
          onCancel={onClose}
          onConfirm={() => {
            onClose();
            void actions.change('table.delete', { tableId: dialog.tableId });
          }}
        />
      )}
      {dialog?.kind === 'saveTemplate' && (
        <TextPromptDialog
          title={t('structure.saveTemplate')}
          label={t('structure.templateName')}
          hint={t('structure.saveTemplateHint')}
          initialValue={dialog.name}
          submitLabel={t('structure.saveTemplateSubmit')}
          onCancel={onClose}
          onSubmit={(name) => {
            onClose();
            call('template.saveUser', { tableId: dialog.tableId, name }).then(
              (template) => onNotice(t('notice.templateSaved', { name: template.name })),
              actions.showError,
            );
          }}
        />
      )}
      {session.openFailure && (
        <RecoverDialog
          key={session.openFailure.path}
          path={session.openFailure.path}
          message={session.openFailure.message}
          onDismiss={actions.dismissOpenFailure}
          onRestore={(backupId) => void actions.restoreBackup(backupId)}
        />
      )}
    </>
  );
}
