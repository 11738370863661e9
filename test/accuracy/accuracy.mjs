// `npm run accuracy`: how far the checks can be trusted on real workbooks Biểu was not built
// against. For every workbook of the accuracy corpus it runs `bieu check FILE --json` (the built
// CLI, exactly what a user runs), matches the findings against the truth written by hand before
// Biểu was run on the file (test/accuracy/truth/<file>.json), and prints per file and overall:
// findings, true findings, false alarms, problems found and missed, precision and recall.
//
// The workbooks are not in the repository (their licences are unstated): set BIEU_CORPUS to the
// folder that holds them; test/accuracy/SOURCES.md says where each one comes from, so anyone can
// rebuild the folder. It is a report, not a timed test.
//
// What counts:
// - a finding counts when its severity is error or warning; "review" findings ("Cần xem": weak
//   evidence, not counted as errors by Biểu either) are listed apart, info is ignored;
// - a counted finding is true when its sheet is the problem's and its cell, or the cell its
//   suggestion names, is the problem's cell or one of its `also` cells; every other counted
//   finding is a false alarm;
// - in a Word report, a problem of its text is named by its `paragraph` (1-based, as the text
//   findings number them): a text finding of that paragraph is true, any other is a false alarm;
//   text findings name no sheet, so they are always scored;
// - a problem is found when a counted finding matches it; recall = problems found / problems;
// - the truth lists the sheets its annotator checked completely (`tables`): findings on other
//   sheets cannot be scored and are left out (printed as "ngoài phạm vi").
//
//   node test/accuracy/accuracy.mjs [--split dev|test|fresh|fresh2|all] [--only SUBSTRING] [--details]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const truthDir = path.join(root, 'test', 'accuracy', 'truth');
const cli = path.join(root, 'dist', 'node', 'cli.cjs');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const split = opt('--split', 'all');
const only = opt('--only', '');
const details = args.includes('--details');

const corpus = process.env.BIEU_CORPUS;
if (!corpus || !fs.existsSync(corpus)) {
  console.log(
    `Không có kho tệp đo độ chính xác: đặt biến BIEU_CORPUS là thư mục chứa các tệp ` +
      `(danh sách và nguồn ở test/accuracy/SOURCES.md). Hiện BIEU_CORPUS=${corpus ?? '(chưa đặt)'}.`,
  );
  process.exit(0);
}
if (!fs.existsSync(cli)) {
  console.error(
    'Chưa đóng gói CLI: chạy `npm run build:node` trước (npm run accuracy tự làm việc này).',
  );
  process.exit(2);
}

const sameSheet = (a, b) => a.normalize('NFC').trim() === b.normalize('NFC').trim();
const counted = (f) => f.severity === 'error' || f.severity === 'warning';

function matches(finding, problem) {
  if (finding.kind === 'text' || problem.paragraph != null)
    return finding.kind === 'text' && finding.paragraph === problem.paragraph;
  if (!sameSheet(finding.sheet ?? '', problem.sheet)) return false;
  const cells = new Set([problem.cell, ...(problem.also ?? [])].map((c) => c.toUpperCase()));
  return (
    cells.has(finding.cell.toUpperCase()) ||
    (finding.suggestion != null && cells.has(String(finding.suggestion.cell).toUpperCase()))
  );
}

function check(file) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'check', file, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status === 2 || !r.stdout)
    return { findings: [], unreadable: (r.stderr || 'không đọc được').trim(), ms };
  try {
    return { findings: JSON.parse(r.stdout).findings, ms };
  } catch {
    return {
      findings: [],
      unreadable: `đầu ra không phải JSON: ${r.stderr.trim().slice(0, 200)}`,
      ms,
    };
  }
}

const truths = fs
  .readdirSync(truthDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(truthDir, f), 'utf8')))
  .filter((t) => split === 'all' || t.split === split)
  .filter((t) => !only || t.file.includes(only))
  .sort((a, b) => a.file.localeCompare(b.file));

const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const total = {
  files: 0,
  findings: 0,
  truePos: 0,
  falseAlarms: 0,
  problems: 0,
  found: 0,
  review: 0,
  reviewHits: 0,
  missing: 0,
};
const byClass = new Map();
const rows = [];
for (const truth of truths) {
  const file = path.join(corpus, truth.file);
  if (!fs.existsSync(file)) {
    total.missing++;
    rows.push({ name: truth.file, missing: true });
    continue;
  }
  const { findings: all, unreadable, ms } = check(file);
  const checkedSheets = (truth.tables ?? []).map((t) => t.sheet);
  const scored = (f) =>
    f.kind === 'text' ||
    checkedSheets.length === 0 ||
    checkedSheets.some((s) => sameSheet(s, f.sheet ?? ''));
  const findings = all.filter(scored);
  const outside = all.filter((f) => counted(f) && !scored(f)).length;
  const mine = findings.filter(counted);
  const review = findings.filter((f) => f.severity === 'review');
  const truePos = mine.filter((f) => truth.problems.some((p) => matches(f, p)));
  const falseAlarms = mine.filter((f) => !truth.problems.some((p) => matches(f, p)));
  const found = truth.problems.filter((p) => mine.some((f) => matches(f, p)));
  const missed = truth.problems.filter((p) => !mine.some((f) => matches(f, p)));
  const reviewHits = missed.filter((p) => review.some((f) => matches(f, p)));
  for (const p of truth.problems) {
    const c = byClass.get(p.class) ?? { problems: 0, found: 0 };
    c.problems++;
    if (found.includes(p)) c.found++;
    byClass.set(p.class, c);
  }
  total.files++;
  total.findings += mine.length;
  total.truePos += truePos.length;
  total.falseAlarms += falseAlarms.length;
  total.problems += truth.problems.length;
  total.found += found.length;
  total.review += review.length;
  total.reviewHits += reviewHits.length;
  rows.push({
    name: truth.file,
    split: truth.split,
    mine,
    truePos,
    falseAlarms,
    found,
    missed,
    review,
    reviewHits,
    unreadable,
    ms,
  });
}

const w = Math.min(70, Math.max(20, ...rows.map((r) => r.name.length)));
console.log(
  `${'tệp'.padEnd(w)}  tách  phát hiện  đúng  báo nhầm  vấn đề  tìm ra  bỏ sót  cần xem  ms`,
);
for (const r of rows) {
  const name = r.name.length > w ? `${r.name.slice(0, w - 1)}…` : r.name.padEnd(w);
  if (r.missing) {
    console.log(`${name}  (không có trong BIEU_CORPUS)`);
    continue;
  }
  console.log(
    `${name}  ${String(r.split ?? '').padEnd(4)}  ${String(r.mine.length).padStart(9)}  ${String(r.truePos.length).padStart(4)}  ${String(r.falseAlarms.length).padStart(8)}  ${String(r.found.length + r.missed.length).padStart(6)}  ${String(r.found.length).padStart(6)}  ${String(r.missed.length).padStart(6)}  ${String(r.review.length).padStart(7)}  ${Math.round(r.ms)}${r.outside ? `  (+${r.outside} ngoài phạm vi)` : ''}` +
      (r.unreadable ? `  KHÔNG ĐỌC ĐƯỢC: ${r.unreadable.split('\n')[0]}` : ''),
  );
  if (details) {
    for (const f of r.falseAlarms)
      console.log(`    báo nhầm  ${f.sheet}!${f.cell} [${f.kind}/${f.severity}] ${f.message}`);
    for (const p of r.missed)
      console.log(
        `    bỏ sót    ${p.sheet}!${p.cell} [${p.class}] ${p.what}${r.reviewHits.includes(p) ? '  (có trong «Cần xem»)' : ''}`,
      );
  }
}
console.log('');
console.log(
  `Tệp: ${total.files}${total.missing ? ` (thiếu ${total.missing} tệp trong BIEU_CORPUS)` : ''}, tách: ${split}`,
);
console.log(
  `Phát hiện (lỗi + cảnh báo): ${total.findings}; đúng: ${total.truePos}; báo nhầm: ${total.falseAlarms}`,
);
console.log(
  `Vấn đề thật: ${total.problems}; tìm ra: ${total.found}; bỏ sót: ${total.problems - total.found}`,
);
console.log(
  `«Cần xem» (không tính): ${total.review}, trong đó trúng ${total.reviewHits} vấn đề bị bỏ sót`,
);
console.log(
  `Độ chính xác (precision): ${pct(total.truePos, total.findings)}   Độ phủ (recall): ${pct(total.found, total.problems)}`,
);
if (byClass.size) {
  console.log('Độ phủ theo loại vấn đề:');
  for (const [k, c] of [...byClass].sort())
    console.log(`  ${k.padEnd(14)} ${c.found}/${c.problems}  ${pct(c.found, c.problems)}`);
}
