/**
 * Writing collected figures into the district table: each file's figures as one undoable step of
 * the document's edit log ("Tổng hợp từ «Lộc Hòa.xlsx»"), so one undo takes back one commune's
 * file, and each figure remembers the file, sheet and cell it came from (store/cell-sources.ts).
 */
import path from 'node:path';
import type { CollectOffer } from '../../shared/collect/plan-collect';
import type { Table } from '../../shared/model';
import type { SourcedEdit } from '../store/cell-sources';
import type { DocumentStore } from '../store/document-store';

export interface Applied {
  /** Files whose figures were written, in order. */
  files: string[];
  cells: number;
}

export function applyOffers(
  store: DocumentStore,
  table: Table,
  offers: readonly CollectOffer[],
): Applied {
  const byFile = new Map<string, SourcedEdit[]>();
  for (const offer of offers) {
    const edits = byFile.get(offer.file) ?? [];
    for (const e of offer.edits)
      edits.push({
        tableId: table.id,
        rowId: table.rows[e.rowIndex].id,
        columnId: table.columns[e.columnIndex].id,
        value: e.value,
        source: e.source,
      });
    byFile.set(offer.file, edits);
  }
  const applied: Applied = { files: [], cells: 0 };
  for (const [file, edits] of byFile) {
    if (edits.length === 0) continue;
    const change = store.setCellsFrom(edits, `Tổng hợp từ «${path.basename(file)}»`);
    applied.files.push(file);
    applied.cells += change.changes.length;
  }
  return applied;
}
