/** The app itself: what the host is, the templates, the host's file dialogs. */
import type { AppSession } from './app-session';
import { browsableRoots, listFolder } from './folder-listing';
import type { DomainHandlers, HostFacts } from './handlers';

export function createAppHandlers(session: AppSession, host: HostFacts): DomainHandlers<'app'> {
  return {
    'app.info': () => ({
      version: host.version,
      transport: host.transport,
      nativeDialogs: Boolean(host.pickPath),
      documentsDir: host.paths.documentsDir,
    }),
    'templates.list': () => session.templates(),
    'dialog.pickPath': async ({ purpose }) => (host.pickPath ? host.pickPath(purpose) : null),
    'folder.list': (request) =>
      listFolder(
        request,
        browsableRoots(
          host.paths.documentsDir,
          session.recent().map((r) => r.path),
        ),
      ),
  };
}
