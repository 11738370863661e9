/**
 * The small parts of an .xlsx package that say where everything is: the workbook (sheet names
 * and order, the 1904 date system) and the relationships that lead from it to each part.
 */
import { attributes, scanXml } from './xml-scan';

export interface WorkbookSheet {
  name: string;
  /** The relationship id of the sheet's part ("rId1"). */
  rid: string;
  /** "visible" (default), "hidden" or "veryHidden". */
  state: string;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

export function parseWorkbookXml(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  scanXml(xml, {
    capturing: false,
    open(name, tag) {
      if (name === 'workbookPr') {
        const a = attributes(tag);
        info.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      } else if (name === 'sheet') {
        const a = attributes(tag);
        const rid = a['r:id'] ?? Object.entries(a).find(([k]) => /:id$/.test(k))?.[1];
        if (a.name !== undefined && rid)
          info.sheets.push({ name: a.name, rid, state: a.state ?? 'visible' });
      }
    },
    close() {},
    text() {},
  });
  return info;
}

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  scanXml(xml, {
    capturing: false,
    open(name, tag) {
      if (name !== 'Relationship') return;
      const a = attributes(tag);
      if (a.Id && a.Target !== undefined)
        rels.set(a.Id, {
          type: a.Type ?? '',
          target: a.Target,
          external: a.TargetMode === 'External',
        });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** A relationship's target as a part name inside the package ("xl/worksheets/sheet1.xml"). */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const p of target.replace(/^\/+/, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** Excel's built-in number formats by id (those exceljs knows, which are the ones in use). */
