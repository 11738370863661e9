/** Cells, a paste, undo and redo, and the history of the open document. */
import type { AppSession } from './app-session';
import type { DomainHandlers } from './handlers';

export function createEditHandlers(session: AppSession): DomainHandlers<'edits'> {
  const store = () => session.require();
  return {
    'cells.set': ({ edits, label }) => store().setCells(edits, label),
    'table.paste': (paste) => store().paste(paste),
    'edit.undo': () => store().undo(),
    'edit.redo': () => store().redo(),
    'history.list': ({ limit }) => store().historyEntries(limit),
    'history.revertTo': ({ batchId }) => store().revertTo(batchId),
  };
}
