// Files as Windows saves them: UTF-8 with a BOM, CRLF line ends, GBK from Notepad; and
// what must be refused with a message that says what the file is (UTF-16, binary, PDF, Word).
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { encodeGbk } from '../helpers/gbk.js';
import { readPdf, squash } from '../helpers/read-pdf.js';

const ISSUE = `masthead:
  title: 延津政务快报
  issue: 38
  publisher: 延津县人民政府办公室
  date: 2023-08-25
sections:
  - heading: 民生保障
    items:
      - title: 县医疗保障局全面发力
        body: 截至目前，应参保3215人，实际参保3215人，参保率100%。
        source: 医疗保障局
`;
/** The same issue with an impossible date on line 5. */
const BAD = ISSUE.replace('  date: 2023-08-25', '  date: 2023-02-30');
const SAVE_AS = 'save it as UTF-8 text (Notepad: 另存为 → 编码 UTF-8)';

let dir: string;
const put = (name: string, bytes: Uint8Array | string) => {
  writeFileSync(join(dir, name), bytes);
  return name;
};
const validate = (name: string) => cli(['validate', name], { cwd: dir });

const gbk = (text: string) => Buffer.from(encodeGbk(text));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-enc-'));
});

describe('UTF-8 as offices save it', () => {
  it('reads a file with a BOM', async () => {
    const r = await validate(put('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ISSUE)])));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('reads CRLF line ends, and a BOM does not shift line or column', async () => {
    const r = await validate(put('crlf.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD.replace(/\n/g, '\r\n'))])));
    expect(r.stderr).toBe('crlf.yaml:5:9: masthead.date: 2023-02-30 is not a date: month 2 of 2023 has 28 days\n');
    expect(r.code).toBe(1);
  });

  it('points at a damaged character in an otherwise good UTF-8 file', async () => {
    const bytes = Buffer.from(ISSUE);
    const at = bytes.indexOf(Buffer.from('人民政府'));
    bytes[at + 1] = 0x41; // the middle byte of 人 is lost
    const r = await validate(put('damaged.yaml', bytes));
    expect(r.stderr).toBe('damaged.yaml:4:17: a damaged character: these bytes are not UTF-8 text, though the rest of the file is; retype the character here\n');
    expect(r.code).toBe(1);
  });
});

describe('GBK / GB18030 (Windows Notepad "ANSI")', () => {
  it('is read, with a notice, and typeset from the right characters', async () => {
    put('gbk.yaml', gbk(ISSUE.replace(/\n/g, '\r\n')));
    const v = await validate('gbk.yaml');
    expect(v.stderr).toBe('gbk.yaml: notice: the file is GBK/GB18030 (as Windows Notepad saves it) and was read as such; saving it as UTF-8 avoids this notice\n');
    expect(v.stdout).toBe('gbk.yaml: ok\n');
    expect(v.code).toBe(0);
    const b = await cli(['build', 'gbk.yaml', '-o', 'gbk.pdf'], { cwd: dir });
    expect(b.code).toBe(0);
    const pdf = await readPdf(readFileSync(join(dir, 'gbk.pdf')));
    expect(squash(pdf.text)).toContain('截至目前，应参保3215人，实际参保3215人，参保率100%。');
    expect(squash(pdf.text)).toContain('延津县人民政府办公室');
  });

  it('reports mistakes in Chinese text correctly decoded', async () => {
    const r = await validate(put('gbk-bad.yaml', gbk(ISSUE.replace('issue: 38', 'issue: 第38期'))));
    expect(r.stderr).toBe(
      'gbk-bad.yaml: notice: the file is GBK/GB18030 (as Windows Notepad saves it) and was read as such; saving it as UTF-8 avoids this notice\n' +
        'gbk-bad.yaml:3:10: masthead.issue: expected a number, got text ("第38期")\n    hint: write just the number: 38\n',
    );
    expect(r.code).toBe(1);
    // build says the same, the notice included, when the file fails.
    const b = await cli(['build', 'gbk-bad.yaml'], { cwd: dir });
    expect(b.code).toBe(1);
    expect(b.stderr).toBe(r.stderr);
  });
});

describe('refused, saying what the file is', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['utf16le.yaml', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ISSUE, 'utf16le')]), `the file is UTF-16 (Unicode) text; ${SAVE_AS}`],
    ['utf16be.yaml', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ISSUE, 'utf16le').swap16()]), `the file is UTF-16 (Unicode big endian) text; ${SAVE_AS}`],
    ['utf16-nobom.yaml', () => Buffer.from(ISSUE, 'utf16le'), `the file is UTF-16 (Unicode) text; ${SAVE_AS}`],
    ['binary.yaml', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'this is not a text file (it holds binary data); an issue file is YAML text, UTF-8 or GBK'],
    ['issue.pdf.yaml', () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), 'this is a PDF file, not an issue file; an issue file is YAML text (.yaml)'],
    ['issue.docx', () => Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), 'this is a Word/Excel document or a zip archive (.docx, .xlsx, .zip), not an issue file; an issue file is YAML text (.yaml)'],
    ['latin1.yaml', () => Buffer.from('masthead:\n  title: caf\xe9 \xff\xfe\xfd\n', 'latin1'), `the file is neither UTF-8 nor GBK/GB18030 nor Big5 text; ${SAVE_AS}`],
  ];
  for (const [name, bytes, message] of cases) {
    it(name, async () => {
      const r = await validate(put(name, bytes()));
      expect(r.stderr).toBe(`${name}: ${message}\n`);
      expect(r.code).toBe(1);
    });
  }
});
