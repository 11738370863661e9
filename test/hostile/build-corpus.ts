/**
 * The hostile-input corpus: files a careless user, a broken program or an attacker could hand to
 * `bieu check`, `bieu import` or Tệp › Nhập…, written here on disk from nothing (no checked-in
 * binaries). Each must be read, or refused with one Vietnamese sentence, within bounded time and
 * memory (test/unit/hostile-corpus.test.ts). `extraCases` lets later formats add theirs.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  deflatedRepeat,
  sheetXml,
  workbookParts,
  writeZip,
  type Deflated,
  type ZipInput,
} from '../unit/import-zip-writer';
import { numberCell, textCell, worksheet } from './sheets';

export interface HostileCase {
  /** The file's name, as the user would see it. */
  name: string;
  /** What the case is, in English (the test's title). */
  what: string;
  /** `refused`: must be refused; `either`: read or refused, both within bounds. */
  outcome: 'refused' | 'either' | 'read';
  /** What the sentence of a refusal must say. */
  says?: RegExp;
  /** Text that must never appear in the output (an external entity's target, say). */
  never?: string;
  write(file: string): void;
}

/** A deterministic pseudo-random byte stream (xorshift), so a failure can be reproduced. */
export function randomBytes(length: number, seed = 2463534242): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A compound-file (OLE) header, as .xls, .doc and encrypted OOXML files start. */
export function compoundFile(extra: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, Buffer.alloc(1024), extra]);
}

/** A small valid table on one sheet. */
const SMALL_TABLE =
  `<row r="1">${textCell('A1', 'STT')}${textCell('B1', 'Đơn vị')}${textCell('C1', 'Số hộ')}</row>` +
  `<row r="2">${numberCell('A2', 1)}${textCell('B2', 'Xã An Phú')}${numberCell('C2', 12)}</row>` +
  `<row r="3">${numberCell('A3', 2)}${textCell('B3', 'Xã Bình Minh')}${numberCell('C3', 15)}</row>`;

function withSheet(sheet: string): ZipInput[] {
  return workbookParts(sheet);
}

function replacePart(parts: ZipInput[], name: string, change: Partial<ZipInput>): ZipInput[] {
  return parts.map((p) => (p.name === name ? { ...p, ...change } : p));
}

/** A zip whose entry `name` has its deflate stream damaged in the middle. */
function damagedEntry(parts: ZipInput[], name: string): Buffer {
  const zip = writeZip(parts);
  const body = zlib.deflateRawSync(
    Buffer.from(parts.find((p) => p.name === name)!.data as string, 'utf8'),
  );
  const at = zip.indexOf(body);
  if (at < 0) throw new Error(`${name} not found in the zip`);
  const damaged = Buffer.from(zip);
  // Invalid block type bits (11) at the start of the stream: no inflater accepts them.
  damaged[at] = 0xff;
  for (let i = at + 1; i < at + Math.min(body.length, 16); i++) damaged[i] ^= 0x5a;
  return damaged;
}

/** A sheet whose XML holds `bytes` of spaces: it deflates to almost nothing. */
function paddedSheet(bytes: number): Deflated {
  const mb = 1024 * 1024;
  return deflatedRepeat(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
    Buffer.alloc(mb, 0x20),
    Math.ceil(bytes / mb),
    Buffer.from('</sheetData></worksheet>'),
  );
}

function set(zipParts: ZipInput[], index: number, change: Partial<ZipInput>): ZipInput[] {
  return zipParts.map((p, i) => (i === index ? { ...p, ...change } : p));
}

const WORKBOOK = 'xl/workbook.xml';
const SHEET = 'xl/worksheets/sheet1.xml';

export const xlsxCases: HostileCase[] = [
  {
    name: 'rong.xlsx',
    what: 'an empty file',
    outcome: 'refused',
    says: /trống/,
    write: (f) => fs.writeFileSync(f, ''),
  },
  {
    name: 'ngau-nhien.xlsx',
    what: 'random bytes',
    outcome: 'refused',
    write: (f) => fs.writeFileSync(f, randomBytes(64 * 1024)),
  },
  {
    name: 'nen-ngau-nhien.xlsx',
    what: 'a zip signature followed by random bytes',
    outcome: 'refused',
    write: (f) =>
      fs.writeFileSync(f, Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(64 * 1024, 7)])),
  },
  {
    name: 'cat-cut.xlsx',
    what: 'a truncated zip',
    outcome: 'refused',
    says: /cắt cụt/,
    write: (f) => {
      const zip = writeZip(withSheet(worksheet({ rows: SMALL_TABLE })));
      fs.writeFileSync(f, zip.subarray(0, Math.floor(zip.length * 0.6)));
    },
  },
  {
    name: 'bom-that.xlsx',
    what: 'a zip bomb declaring its true size (300 MB of spaces in a sheet)',
    outcome: 'refused',
    says: /tránh treo máy/,
    write: (f) => bombTrue(f),
  },
  {
    name: 'bom-noi-doi.xlsx',
    what: 'a zip bomb lying about its size (declares 2 KB, inflates to 300 MB)',
    outcome: 'refused',
    says: /nhiều hơn kích thước khai báo/,
    write: (f) =>
      fs.writeFileSync(
        f,
        writeZip(
          replacePart(withSheet(''), SHEET, {
            deflated: paddedSheet(300 * 1024 * 1024),
            claimedSize: 2048,
          }),
        ),
      ),
  },
  {
    name: 'workbook-hong.xlsx',
    what: 'a damaged deflate stream in workbook.xml beside a lying-size bomb',
    outcome: 'refused',
    says: /bị hỏng: phần «xl\/workbook\.xml» không giải nén được/,
    write: (f) => {
      const parts = [
        ...withSheet(worksheet({ rows: SMALL_TABLE })),
        {
          name: 'xl/media/image1.bin',
          data: '',
          deflated: deflatedRepeat(
            Buffer.alloc(0),
            Buffer.alloc(1024 * 1024),
            200,
            Buffer.alloc(0),
          ),
          claimedSize: 1024,
        },
      ];
      fs.writeFileSync(f, damagedEntry(parts, WORKBOOK));
    },
  },
  {
    name: 'trang-hong.xlsx',
    what: 'a damaged deflate stream in a sheet',
    outcome: 'refused',
    says: /không giải nén được/,
    write: (f) => {
      const rows: string[] = [];
      for (let r = 1; r <= 200; r++) rows.push(`<row r="${r}">${numberCell(`A${r}`, r)}</row>`);
      fs.writeFileSync(f, damagedEntry(withSheet(worksheet({ rows: rows.join('') })), SHEET));
    },
  },
  {
    name: 'kieu-nen-la.xlsx',
    what: 'a sheet compressed with a method other than deflate',
    outcome: 'refused',
    says: /nén theo cách Biểu không đọc được/,
    write: (f) => {
      const zip = writeZip(
        replacePart(withSheet(worksheet({ rows: SMALL_TABLE })), SHEET, { method: 'store' }),
      );
      // Rewrite the method of the sheet's local and central headers to 12 (bzip2).
      const name = Buffer.from(SHEET);
      for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
        if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt16LE(12, at - 30 + 8);
        if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt16LE(12, at - 46 + 10);
      }
      fs.writeFileSync(f, zip);
    },
  },
  {
    name: 'long-sau.xlsx',
    what: 'deep nesting (500,000 nested elements in a sheet)',
    outcome: 'either',
    write: (f) => {
      const depth = 500_000;
      const sheet = worksheet({ rows: SMALL_TABLE }).replace(
        '</sheetData>',
        `</sheetData>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`,
      );
      fs.writeFileSync(f, writeZip(withSheet(sheet)));
    },
  },
  {
    name: 'thuc-the-no.xlsx',
    what: 'entity expansion (a billion laughs in the DOCTYPE, used in cells)',
    outcome: 'either',
    write: (f) => {
      let doctype = '<!DOCTYPE worksheet [<!ENTITY lol "lol">';
      for (let i = 1; i <= 9; i++) {
        const prev = i === 1 ? '&lol;' : `&lol${i - 1};`;
        doctype += `<!ENTITY lol${i} "${prev.repeat(10)}">`;
      }
      doctype += ']>';
      const sheet = worksheet({
        rows:
          SMALL_TABLE +
          `<row r="4"><c r="B4" t="inlineStr"><is><t>&lol9;</t></is></c>${numberCell('C4', 3)}</row>`,
      }).replace('<worksheet', `${doctype}<worksheet`);
      fs.writeFileSync(f, writeZip(withSheet(sheet)));
    },
  },
  {
    name: 'thuc-the-ngoai.xlsx',
    what: 'an external entity naming a file on disk',
    outcome: 'either',
    never: 'root:x:0:0',
    write: (f) => {
      const sheet = worksheet({
        rows:
          SMALL_TABLE +
          `<row r="4"><c r="B4" t="inlineStr"><is><t>&xxe;</t></is></c>${numberCell('C4', 3)}</row>`,
      }).replace(
        '<worksheet',
        '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet',
      );
      fs.writeFileSync(f, writeZip(withSheet(sheet)));
    },
  },
  {
    name: 'o-10mb.xlsx',
    what: 'a 10 MB cell',
    outcome: 'either',
    write: (f) => {
      const big = 'Xã An Phú '.repeat(1024 * 1024);
      fs.writeFileSync(
        f,
        writeZip(
          withSheet(worksheet({ rows: SMALL_TABLE + `<row r="4">${textCell('B4', big)}</row>` })),
        ),
      );
    },
  },
  {
    name: 'dong-2-ty.xlsx',
    what: 'a cell at row 2,000,000,000',
    outcome: 'refused',
    says: /1\.048\.576/,
    write: (f) =>
      fs.writeFileSync(
        f,
        writeZip(
          withSheet(
            worksheet({
              rows: SMALL_TABLE + `<row r="2000000000">${numberCell('A2000000000', 1)}</row>`,
            }),
          ),
        ),
      ),
  },
  {
    name: '16384-cot.xlsx',
    what: '16,384 columns of figures',
    outcome: 'either',
    write: (f) => {
      const rows: string[] = [];
      for (let r = 1; r <= 4; r++) {
        let row = `<row r="${r}">`;
        for (let c = 0; c < 16_384; c++)
          row +=
            r === 1
              ? `<c t="inlineStr"><is><t>Cột ${c + 1}</t></is></c>`
              : `<c><v>${r * c}</v></c>`;
        rows.push(row + '</row>');
      }
      fs.writeFileSync(f, writeZip(withSheet(worksheet({ rows: rows.join('') }))));
    },
  },
  {
    name: 'gop-chong.xlsx',
    what: '20,000 overlapping merged ranges over a 1,000 × 26 table',
    outcome: 'either',
    write: (f) => {
      const rows: string[] = [];
      for (let r = 1; r <= 1000; r++) {
        let row = `<row r="${r}">`;
        for (let c = 0; c < 26; c++) row += `<c><v>${r + c}</v></c>`;
        rows.push(row + '</row>');
      }
      const merges = Array.from({ length: 20_000 }, (_, i) => `A${1 + (i % 3)}:Z1000`);
      fs.writeFileSync(f, writeZip(withSheet(worksheet({ rows: rows.join(''), merges }))));
    },
  },
  {
    name: 'duong-dan-leo.xlsx',
    what: 'path traversal in zip entry names and in a relationship target',
    outcome: 'either',
    write: (f) => {
      const parts = withSheet(worksheet({ rows: SMALL_TABLE }));
      parts.push({ name: '../../../../tmp/bieu-traversal.txt', data: 'không được ghi ra đĩa' });
      parts.push({ name: '/etc/bieu-absolute.txt', data: 'không được ghi ra đĩa' });
      const rels = parts.findIndex((p) => p.name === 'xl/_rels/workbook.xml.rels');
      parts[rels] = {
        ...parts[rels],
        data: (parts[rels].data as string).replace(
          '</Relationships>',
          '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="../../../../../etc/passwd"/></Relationships>',
        ),
      };
      fs.writeFileSync(f, writeZip(parts));
    },
    never: 'root:x:0:0',
  },
  {
    name: 'co-mat-khau.xlsx',
    what: 'an encrypted workbook (compound file with an EncryptedPackage stream)',
    outcome: 'refused',
    says: /mật khẩu/,
    write: (f) => fs.writeFileSync(f, compoundFile(Buffer.from('EncryptedPackage', 'utf16le'))),
  },
  {
    name: 'zip-ma-hoa.xlsx',
    what: 'a zip whose entries carry the encryption flag',
    outcome: 'refused',
    says: /mã hóa/,
    write: (f) => {
      const zip = writeZip(withSheet(worksheet({ rows: SMALL_TABLE })));
      for (let at = zip.indexOf('PK\x01\x02'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4))
        zip.writeUInt16LE(zip.readUInt16LE(at + 8) | 1, at + 8);
      fs.writeFileSync(f, zip);
    },
  },
  {
    name: 'khong-trang-nao.xlsx',
    what: 'a workbook with 0 sheets',
    outcome: 'refused',
    says: /không có trang tính nào/,
    write: (f) => {
      const parts = set(withSheet(sheetXml('A1')), 2, {
        data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
      });
      fs.writeFileSync(f, writeZip(parts.filter((p) => p.name !== SHEET)));
    },
  },
  {
    name: 'chuoi-chung-qua-nhieu.xlsx',
    what: '1.05 million shared strings',
    outcome: 'refused',
    says: /chuỗi/,
    write: (f) => {
      const parts = withSheet(worksheet({ rows: SMALL_TABLE }));
      const strings = '<si><t>a</t></si>'.repeat(1_050_000);
      parts.push({
        name: 'xl/sharedStrings.xml',
        data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`,
      });
      fs.writeFileSync(f, writeZip(parts));
    },
  },
  {
    name: 'van-ban-word.xlsx',
    what: 'a Word document renamed .xlsx',
    outcome: 'either',
    write: (f) =>
      fs.writeFileSync(
        f,
        writeZip([
          {
            name: '[Content_Types].xml',
            data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
          },
          {
            name: 'word/document.xml',
            data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>',
          },
        ]),
      ),
  },
  {
    name: 'bang-tinh-ods.xlsx',
    what: 'an OpenDocument spreadsheet renamed .xlsx',
    outcome: 'either',
    write: (f) =>
      fs.writeFileSync(
        f,
        writeZip([
          {
            name: 'mimetype',
            data: 'application/vnd.oasis.opendocument.spreadsheet',
            method: 'store',
          },
          {
            name: 'content.xml',
            data: '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
          },
        ]),
      ),
  },
  {
    name: 'excel-cu.xlsx',
    what: 'an old binary workbook (.xls) renamed .xlsx',
    outcome: 'either',
    write: (f) => fs.writeFileSync(f, compoundFile(Buffer.from('Workbook', 'utf16le'))),
  },
];

/** An OpenDocument spreadsheet whose content.xml is `content`. */
function odsParts(content: string | Deflated, claimedSize?: number): ZipInput[] {
  return [
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 'store' },
    typeof content === 'string'
      ? { name: 'content.xml', data: content, claimedSize }
      : { name: 'content.xml', data: '', deflated: content, claimedSize },
  ];
}

const ODS_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Biểu 1">';
const ODS_CLOSE = '</table:table></office:spreadsheet></office:body></office:document-content>';

/** A Word document whose body XML is `body`. */
function docxParts(body: string | Deflated, claimedSize?: number): ZipInput[] {
  const open =
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    typeof body === 'string'
      ? { name: 'word/document.xml', data: `${open}${body}</w:body></w:document>`, claimedSize }
      : { name: 'word/document.xml', data: '', deflated: body, claimedSize },
  ];
}

const wordTable = (rows: string[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:p><w:r><w:t>${c}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** The cases of .xls, .ods and .docx files. */
export const otherFormatCases: HostileCase[] = [
  {
    name: 'cat-cut.ods',
    what: 'a truncated .ods',
    outcome: 'refused',
    says: /cắt cụt/,
    write: (f) => {
      const zip = writeZip(
        odsParts(
          `${ODS_OPEN}<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>${ODS_CLOSE}`,
        ),
      );
      fs.writeFileSync(f, zip.subarray(0, Math.floor(zip.length * 0.6)));
    },
  },
  {
    name: 'bom-noi-doi.ods',
    what: 'an .ods whose content.xml lies about its size (declares 2 KB, inflates to 300 MB)',
    outcome: 'refused',
    says: /nhiều hơn kích thước khai báo/,
    write: (f) =>
      fs.writeFileSync(
        f,
        writeZip(
          odsParts(
            deflatedRepeat(
              Buffer.from(ODS_OPEN),
              Buffer.alloc(1024 * 1024, 0x20),
              300,
              Buffer.from(ODS_CLOSE),
            ),
            2048,
          ),
        ),
      ),
  },
  {
    name: 'lap-lai.ods',
    what: 'an .ods repeating one value over 16,384 columns and a million rows',
    outcome: 'refused',
    says: /ô có dữ liệu/,
    write: (f) =>
      fs.writeFileSync(
        f,
        writeZip(
          odsParts(
            `${ODS_OPEN}<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="7"/></table:table-row>${ODS_CLOSE}`,
          ),
        ),
      ),
  },
  {
    name: 'dinh-dang-lap-lai.ods',
    what: 'an .ods formatting a million empty rows of 16,384 columns, as LibreOffice writes',
    outcome: 'either',
    write: (f) =>
      fs.writeFileSync(
        f,
        writeZip(
          odsParts(
            `${ODS_OPEN}<table:table-row><table:table-cell office:value-type="string"><text:p>STT</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Số hộ</text:p></table:table-cell></table:table-row>` +
              `<table:table-row><table:table-cell office:value-type="float" office:value="1"/><table:table-cell office:value-type="float" office:value="12"/></table:table-row>` +
              `<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>${ODS_CLOSE}`,
          ),
        ),
      ),
  },
  {
    name: 'hong.xls',
    what: 'an .xls whose compound file is random bytes after its header',
    outcome: 'refused',
    write: (f) => fs.writeFileSync(f, Buffer.concat([compoundFile(), randomBytes(64 * 1024, 11)])),
  },
  {
    name: 'co-mat-khau.xls',
    what: 'an encrypted workbook named .xls',
    outcome: 'refused',
    says: /mật khẩu/,
    write: (f) => fs.writeFileSync(f, compoundFile(Buffer.from('EncryptedPackage', 'utf16le'))),
  },
  {
    name: 'cat-cut.docx',
    what: 'a truncated .docx',
    outcome: 'refused',
    says: /cắt cụt/,
    write: (f) => {
      const zip = writeZip(
        docxParts(
          wordTable([
            ['STT', 'Số hộ'],
            ['1', '12'],
          ]),
        ),
      );
      fs.writeFileSync(f, zip.subarray(0, Math.floor(zip.length * 0.6)));
    },
  },
  {
    name: 'bom-noi-doi.docx',
    what: 'a .docx whose document.xml lies about its size',
    outcome: 'refused',
    says: /nhiều hơn kích thước khai báo/,
    write: (f) =>
      fs.writeFileSync(
        f,
        writeZip(
          docxParts(
            deflatedRepeat(
              Buffer.from('<w:document><w:body>'),
              Buffer.alloc(1024 * 1024, 0x20),
              300,
              Buffer.from('</w:body></w:document>'),
            ),
            2048,
          ),
        ),
      ),
  },
  {
    name: 'thuc-the-no.docx',
    what: 'entity expansion in document.xml',
    outcome: 'either',
    write: (f) => {
      let doctype = '<!DOCTYPE w:document [<!ENTITY lol "lol">';
      for (let i = 1; i <= 9; i++)
        doctype += `<!ENTITY lol${i} "${(i === 1 ? '&lol;' : `&lol${i - 1};`).repeat(10)}">`;
      const parts = docxParts(`<w:p><w:r><w:t>&lol9; 21 hộ (14 hộ, 4 hộ)</w:t></w:r></w:p>`);
      parts[1] = {
        ...parts[1],
        data: (parts[1].data as string).replace('<w:document', `${doctype}]><w:document`),
      };
      fs.writeFileSync(f, writeZip(parts));
    },
  },
  {
    name: 'long-sau.docx',
    what: '10,000 tables nested in each other',
    outcome: 'either',
    write: (f) => {
      const depth = 10_000;
      const open = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p>';
      const close = '</w:tc></w:tr></w:tbl>';
      fs.writeFileSync(f, writeZip(docxParts(open.repeat(depth) + close.repeat(depth))));
    },
  },
];

/** 300 MB of spaces in a sheet, declared truly: the table of contents alone refuses it. */
function bombTrue(file: string): void {
  fs.writeFileSync(
    file,
    writeZip(replacePart(withSheet(''), SHEET, { deflated: paddedSheet(300 * 1024 * 1024) })),
  );
}

/** Writes every case into `dir`; returns each with its path. */
export function buildCorpus(
  dir: string,
  cases: readonly HostileCase[] = xlsxCases,
): (HostileCase & { file: string })[] {
  fs.mkdirSync(dir, { recursive: true });
  return cases.map((c) => {
    const file = path.join(dir, c.name);
    c.write(file);
    return { ...c, file };
  });
}
