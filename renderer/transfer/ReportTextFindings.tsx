/**
 * The arithmetic a Word report's sentences state that does not hold ("21 hộ (14 hộ nghèo, 4 hộ
 * cận nghèo, 2 hộ thoát nghèo)"), shown in the import preview before anything is stored: what
 * should equal what, and the sentence itself with the figures that were read marked, so the
 * secretary finds the slip in the report at a glance.
 */
import type { ImportPreview } from '../../shared/api';
import { FINDING_KIND_NAMES } from '../../shared/checks/finding';
import { language, useLanguage } from '../i18n';

type TextFinding = ImportPreview['text'][number];

/** The sentence cut into plain text and marked figures, in order. */
function pieces(f: TextFinding): { text: string; marked: boolean }[] {
  const spans = [...f.figures].sort((a, b) => a.start - b.start);
  const out: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // a figure inside a span already marked
    if (s.start > at) out.push({ text: f.sentence.slice(at, s.start), marked: false });
    out.push({ text: f.sentence.slice(s.start, s.end), marked: true });
    at = s.end;
  }
  if (at < f.sentence.length) out.push({ text: f.sentence.slice(at), marked: false });
  return out;
}

export function ReportTextFindings({ findings }: { findings: readonly TextFinding[] }) {
  useLanguage();
  if (findings.length === 0) return null;
  return (
    <section className="import-text-findings" data-testid="import-text-findings">
      <h3 className="export-subheading">{FINDING_KIND_NAMES.text[language()]}</h3>
      <ul>
        {findings.map((f, i) => (
          <li key={i} data-paragraph={f.paragraph}>
            <p>{f.message}</p>
            <blockquote className="report-sentence">
              {pieces(f).map((p, k) => (p.marked ? <mark key={k}>{p.text}</mark> : p.text))}
            </blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}
