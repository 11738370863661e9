/**
 * Everything a Word report's text is checked for, in one place for `bieu check` and the import
 * preview: the arithmetic its sentences state (check-report-text.ts), then the figures it states
 * of its own tables' cells that disagree with them (text-links.ts).
 */
import type { DetectedTable } from '../import/detect-tables';
import { checkReportText, type TextFinding } from './check-report-text';
import { disagreements, linkTextToTables, reportTables } from './text-links';

export function reportTextFindings(
  paragraphs: readonly string[],
  tables: readonly DetectedTable[],
): TextFinding[] {
  return [
    ...checkReportText(paragraphs),
    ...disagreements(linkTextToTables(paragraphs, reportTables(tables))),
  ];
}
