/** English, for colleagues and reviewers who do not read Vietnamese. Same keys as vi.ts. */
import type { Catalogue } from './vi';

export const en: Catalogue = {
  'app.name': 'Biểu',

  'menu.label': 'Main menu',
  'menu.file': 'File',
  'menu.edit': 'Edit',
  'menu.help': 'Help',
  'menu.new': 'New…',
  'menu.open': 'Open…',
  'menu.saveAs': 'Save as…',
  'menu.importExcel': 'Import Excel…',
  'menu.exportExcel': 'Export Excel…',
  'menu.quit': 'Quit',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.about': 'About',
  'menu.comingSoon': 'Coming soon',
  'menu.nothingToUndo': 'Nothing to undo',
  'menu.nothingToRedo': 'Nothing to redo',
  'menu.needDocument': 'Open or create a document first',

  'language.label': 'Language',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English',

  'start.title': 'No document is open',
  'start.body':
    'Create a new document from the built-in templates, or open an existing .bieu file. Every row total, column total and rate is checked as you type.',
  'start.loading': 'Opening…',

  'dialog.cancel': 'Cancel',
  'dialog.close': 'Close',
  'dialog.new.title': 'New document',
  'dialog.new.templates': 'Choose one or more templates',
  'dialog.new.noTemplates': 'There are no templates.',
  'dialog.new.path': 'Save the document at',
  'dialog.new.submit': 'Create document',
  'dialog.new.chooseOne': 'Choose at least one template.',
  'dialog.open.title': 'Open document',
  'dialog.open.submit': 'Open',
  'dialog.saveAs.title': 'Save document as',
  'dialog.saveAs.submit': 'Save',
  'dialog.browse': 'Browse…',
  'dialog.path.label': 'Path of the .bieu file',
  'dialog.path.hint': 'Full path on the machine running Biểu, e.g. {example}',
  'dialog.path.empty': 'Enter a file path.',
  'dialog.about.title': 'About Biểu',
  'dialog.about.body':
    'A workbench for the statistical tables of local-government reports: figures are stored safely, and every row total, column total and rate is checked as you type.',
  'dialog.about.version': 'Version {version}',

  'tables.heading': 'Tables',
  'tables.size': '{rows} rows · {columns} columns',
  'tables.clean': 'No errors',
  'tables.findings': '{errors} errors, {warnings} warnings',

  'grid.label': 'Figures of {name}',
  'grid.unit': 'Unit: {unit}',
  'grid.chooseTable': 'Choose a table in the list on the left.',
  'grid.loadingTable': 'Loading table…',
  'grid.noRows': 'The table has no rows yet.',

  'checks.heading': 'Checks',
  'checks.none': 'No problems found in this table.',
  'checks.cell': 'Cell {cell}',
  'checks.error': 'Error',
  'checks.warning': 'Warning',
  'checks.apply': 'Set {cell} to {value}',

  'status.noDocument': 'No document open',
  'status.saved': 'Saved',
  'status.saving': 'Saving…',
  'status.saveFailed': 'The last change was not saved',
  'status.counts': '{errors} errors · {warnings} warnings',
  'status.readOnly': 'Read-only',
  'status.readOnlyReason': 'Read-only: {reason}',

  'alert.dismiss': 'Dismiss message',
  'error.unknown': 'An unexpected error occurred.',
};
