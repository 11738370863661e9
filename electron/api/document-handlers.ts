/**
 * Documents: opening, creating and saving as, the start screen's recent list, renaming and
 * showing the file, the document's metadata, and its backups.
 */
import { openSample } from '../app-bootstrap';
import type { AppSession } from './app-session';
import type { DomainHandlers, HostFacts } from './handlers';

export function createDocumentHandlers(
  session: AppSession,
  host: HostFacts,
): DomainHandlers<'documents'> {
  return {
    'document.current': () => (session.current ? session.info() : null),
    'document.open': ({ path }) => session.open(path),
    'document.create': ({ path, templateIds }) => session.create(path, templateIds),
    'document.createBlank': ({ path }) => session.createBlank(path),
    'document.openSample': () => openSample(session, host.paths),
    'document.saveAs': ({ path }) => session.saveAs(path),
    'document.close': () => {
      session.closeDocument();
      return null;
    },
    'document.rename': ({ name }) => session.rename(name),
    'document.reveal': () => {
      const { folder, file } = session.folder();
      host.revealPath?.(file);
      return folder;
    },
    'recent.list': () => session.recent(),
    'meta.get': () => session.require().getMeta(),
    'meta.set': ({ meta }) => session.setMeta(meta),
    'backups.list': ({ path }) => session.backups(path),
    'backups.restore': ({ backupId }) => session.restoreBackup(backupId),
  };
}
