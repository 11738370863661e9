/**
 * Headless LibreOffice and poppler for the export tests: the exported workbook is opened by a
 * real spreadsheet, recalculated, saved again and printed. Nothing is installed here — the test
 * runner installs the Debian packages (libreoffice-calc, poppler-utils, fonts-liberation); when
 * they are missing the tests fail saying which package to install.
 *
 * LibreOffice does not recalculate an .xlsx on load by default (it trusts the cached results,
 * or asks); each run gets a fresh profile whose registrymodifications.xcu sets
 * /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode (and ODFRecalcMode) to 0, "always
 * recalculate", and the Vietnamese locale, so a printed 2133 reads 2.133 and 16.7 reads 16,70.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function which(bin: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The soffice binary, or an error naming the Debian package to install. */
export function requireSoffice(): string {
  const bin = which('soffice') ?? which('libreoffice');
  if (!bin) {
    throw new Error(
      'Không tìm thấy LibreOffice (soffice): các bài kiểm thử xuất Excel cần mở tệp trong một bảng tính thật. ' +
        'Cài gói Debian: apt-get install libreoffice-calc',
    );
  }
  return bin;
}

export function requirePoppler(): { pdftoppm: string; pdftotext: string; pdfinfo: string } {
  const tools = {
    pdftoppm: which('pdftoppm'),
    pdftotext: which('pdftotext'),
    pdfinfo: which('pdfinfo'),
  };
  if (!tools.pdftoppm || !tools.pdftotext || !tools.pdfinfo) {
    throw new Error(
      'Không tìm thấy pdftoppm/pdftotext/pdfinfo: bản in của phụ lục được chuyển sang ảnh bằng chúng. ' +
        'Cài gói Debian: apt-get install poppler-utils',
    );
  }
  return tools as { pdftoppm: string; pdftotext: string; pdfinfo: string };
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice user profile that always recalculates on load; returns its file URL. */
export function recalcProfile(dir: string): string {
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  return pathToFileURL(dir).href;
}

/**
 * Converts files with headless LibreOffice (one process for all of them) into `outDir`;
 * `format` as --convert-to takes it ('xlsx:Calc MS Excel 2007 XML', 'pdf'). Returns the paths.
 */
export function convert(
  soffice: string,
  profileUrl: string,
  files: string[],
  format: string,
  outDir: string,
): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${profileUrl}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const ext = format.split(':')[0];
  const outputs = files.map((f) => path.join(outDir, `${path.parse(f).name}.${ext}`));
  const missing = outputs.filter((o) => !fs.existsSync(o));
  if (r.status !== 0 || missing.length > 0) {
    throw new Error(
      `LibreOffice không chuyển được sang ${format} (mã ${r.status ?? r.signal}): ${missing.join(', ')}\n${r.stdout}\n${r.stderr}`,
    );
  }
  return outputs;
}

function run(bin: string, args: string[]): string {
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0)
    throw new Error(`${path.basename(bin)} ${args.join(' ')} thất bại: ${r.stderr}`);
  return r.stdout;
}

/** The first page of a PDF as a PNG at `png` (pdftoppm). */
export function firstPageToPng(pdftoppm: string, pdf: string, png: string, dpi = 110): void {
  fs.mkdirSync(path.dirname(png), { recursive: true });
  run(pdftoppm, [
    '-png',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    png.replace(/\.png$/, ''),
  ]);
}

export function pdfPageText(pdftotext: string, pdf: string, page: number): string {
  return run(pdftotext, ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);
}

/** Page count and the size (points) of a page. */
export function pdfPageInfo(
  pdfinfo: string,
  pdf: string,
  page: number,
): { pages: number; width: number; height: number } {
  const text = run(pdfinfo, ['-f', String(page), '-l', String(page), pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)?.[1]);
  const size = new RegExp(`^Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+)`, 'm').exec(text);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}
