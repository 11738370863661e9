/**
 * The sources of a table's collected figures, read again after every change of the document
 * (a collect, an undo, a figure typed over): what the table view shows of them must be what the
 * document holds now.
 */
import { useEffect, useState } from 'react';
import { call } from '../api-client';
import type { CellSources } from './collected-cells';

const NONE: CellSources = [];

export function useCellSources(tableId: number | null, revision: number): CellSources {
  const [read, setRead] = useState<{ tableId: number; sources: CellSources } | null>(null);
  useEffect(() => {
    if (tableId === null) return;
    let live = true;
    call('collect.sources', { tableId })
      .then((sources) => {
        if (live) setRead({ tableId, sources });
      })
      // A table without sources (or a document being closed) shows no notes; nothing to tell.
      .catch(() => {
        if (live) setRead({ tableId, sources: NONE });
      });
    return () => {
      live = false;
    };
  }, [tableId, revision]);
  return read && read.tableId === tableId ? read.sources : NONE;
}
