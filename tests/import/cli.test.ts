// `import` and `new` run as a user runs them: files written, messages, exit codes, and
// the files they write validate and build.
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { issueSchema } from '../../src/validate/schema.js';
import { issueToYaml } from '../../src/import/issue-yaml.js';
import { PLACEHOLDER } from '../../src/import/new-issue.js';
import { cli } from '../helpers/cli.js';
import { EXAMPLE } from '../helpers/paths.js';
import { readPdf, squash } from '../helpers/read-pdf.js';
import { SAMPLE } from './helpers/sample.js';
import { issueToDocx } from './helpers/write-docx.js';

const SEED = join(import.meta.dirname, 'fixtures', 'issue38.txt');
const example = issueSchema.parse(parse(readFileSync(EXAMPLE, 'utf8')));
const readIssue = (f: string) => issueSchema.parse(parse(readFileSync(f, 'utf8')));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-import-'));
});

describe('import', () => {
  it('turns the seed text into issue38.yaml beside it, warning with the line number', async () => {
    copyFileSync(SEED, join(dir, 'issue38.txt'));
    const r = await cli(['import', join(dir, 'issue38.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${join(dir, 'issue38.yaml')}: 6 sections, 8 items, 1 warning to check\n`);
    expect(r.stderr).toContain(`${join(dir, 'issue38.txt')}:21: warning: no space between the item's title and its body`);
    expect(r.stderr).toContain(`${join(dir, 'issue38.txt')}:15: note: joined with line 17`);
    expect(readIssue(join(dir, 'issue38.yaml'))).toEqual(example);
  });

  it('writes a file that validates and builds, holding every word', async () => {
    const v = await cli(['validate', join(dir, 'issue38.yaml')]);
    expect(v.code).toBe(0);
    const b = await cli(['build', join(dir, 'issue38.yaml'), '-o', join(dir, 'issue38.pdf')]);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const pdf = await readPdf(readFileSync(join(dir, 'issue38.pdf')));
    const all = squash(pdf.text);
    for (const s of example.sections) for (const it of s.items) expect(all).toContain(squash(it.body).slice(0, 30));
  });

  it('refuses to replace an existing file unless --force', async () => {
    const out = join(dir, 'issue38.yaml');
    writeFileSync(out, 'keep me\n');
    const r = await cli(['import', join(dir, 'issue38.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the file already exists; it was left as it is');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect((await cli(['import', join(dir, 'issue38.txt'), '--force'])).code).toBe(0);
    expect(readIssue(out)).toEqual(example);
  });

  it('reads a Word file, writing where -o says', async () => {
    writeFileSync(join(dir, 'issue41.docx'), await issueToDocx(SAMPLE));
    const r = await cli(['import', join(dir, 'issue41.docx'), '-o', join(dir, 'out', 'w.yaml')]);
    expect(r.stderr).toBe(`${join(dir, 'issue41.docx')}: paragraph 1: note: read "内部资料 注意保存", above the title, as the mark (printed top left, like 内部资料 注意保存)\n`);
    expect(r.code).toBe(0);
    expect(readIssue(join(dir, 'out', 'w.yaml'))).toEqual(SAMPLE);
    expect(existsSync(join(dir, 'issue41.yaml'))).toBe(false);
  });

  it('refuses old .doc files, files that are not there, and text with no masthead, saying why', async () => {
    writeFileSync(join(dir, 'old.doc'), 'x');
    const d = await cli(['import', join(dir, 'old.doc')]);
    expect([d.code, d.stderr]).toEqual([1, `${join(dir, 'old.doc')}: .doc files (old Word / WPS format) cannot be read\n    hint: open it in Word or WPS and save it as .docx, or as plain text (.txt)\n`]);
    expect((await cli(['import', join(dir, 'nope.txt')])).stderr).toContain('cannot read the file: no such file');
    writeFileSync(join(dir, 'fake.docx'), '延津政务快报\n');
    expect((await cli(['import', join(dir, 'fake.docx')])).stderr).toContain('this is not a Word .docx file');
    writeFileSync(join(dir, 'scan.txt'), '%PDF-1.7\n');
    expect((await cli(['import', join(dir, 'scan.txt')])).stderr).toContain('this is a PDF; import reads the text copied out of one');
    writeFileSync(join(dir, 'bare.txt'), '【栏目】\n\n县局开展工作 建立机制。（县局）\n');
    const m = await cli(['import', join(dir, 'bare.txt')]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('no issue line (第 N 期) in the masthead');
    expect(existsSync(join(dir, 'bare.yaml'))).toBe(false);
  });
});

describe('new', () => {

  it('starts the next issue from the last: number + 1, total + 1, YB_TODAY, the rest carried over', async () => {
    const from = join(dir, 'issue41.yaml');
    const withStyle = issueToYaml(SAMPLE) + 'style:\n  grid:\n    lines: 22\n';
    writeFileSync(from, withStyle);
    const r = await cli(['new', '--from', from], { env: { YB_TODAY: '2023-10-16' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = join(dir, 'issue42.yaml');
    expect(r.stdout).toBe(`${out}: 第 42 期, 2023-10-16; fill in the parts marked 待填写\n`);
    const text = readFileSync(out, 'utf8');
    const next = readIssue(out);
    expect(next.masthead).toEqual({ ...SAMPLE.masthead, issue: 42, total: 460, date: '2023-10-16' });
    expect(next.distribution).toEqual(SAMPLE.distribution);
    expect(next.staff).toEqual(SAMPLE.staff);
    expect(parse(text).style).toEqual({ grid: { lines: 22 } });
    expect(next.sections).toEqual([{ heading: PLACEHOLDER.heading, items: [{ title: PLACEHOLDER.title, body: `${PLACEHOLDER.body1}\n\n${PLACEHOLDER.body2}`, source: PLACEHOLDER.source }] }]);
    // The template explains its fields in comments.
    expect(text).toMatch(/^ {2}date: 2023-10-16 {2}# YYYY-MM-DD/m);
    expect(text).toMatch(/^ {8}# the text, indented under body/m);
    expect(text.split('\n').filter((l) => l.includes('#')).length).toBeGreaterThanOrEqual(15);
  });

  it('the unfilled template validates (its placeholders are text marked 待填写)', async () => {
    const v = await cli(['validate', join(dir, 'issue42.yaml')]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`${join(dir, 'issue42.yaml')}: ok`);
  });

  it('without --from writes a full template, optional fields commented out, that validates', async () => {
    const out = join(dir, 'blank.yaml');
    const r = await cli(['new', '-o', out], { env: { YB_TODAY: '2024-01-02' } });
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const issue = readIssue(out);
    expect(issue.masthead).toEqual({ title: '简报名称（待填写）', issue: 1, publisher: '编印单位（待填写）', date: '2024-01-02' });
    expect(issue.distribution?.to).toEqual(['发送对象一（待填写）', '发送对象二（待填写）']);
    expect(issue.staff?.map((s) => s.role)).toEqual(['责任编辑', '审核', '签发']);
    for (const opt of ['total: 1', 'mark: 内部资料 注意保存', 'copies: 100']) expect(text).toContain(`  # ${opt}  # optional`);
    expect((await cli(['validate', out])).code).toBe(0);
  });

  it('refuses to replace a file, and a YB_TODAY that is not a date', async () => {
    const out = join(dir, 'blank.yaml');
    const before = readFileSync(out, 'utf8');
    const r = await cli(['new', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the file already exists');
    expect(readFileSync(out, 'utf8')).toBe(before);
    const bad = await cli(['new', '-o', join(dir, 'b2.yaml')], { env: { YB_TODAY: '2023-02-30' } });
    expect([bad.code, bad.stderr]).toEqual([2, 'yanjin-bulletin: YB_TODAY must be a date written YYYY-MM-DD, not "2023-02-30"\n']);
  });

  it('reports an invalid --from file with its line', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'masthead:\n  title: 快报\n  issue: x\n');
    const r = await cli(['new', '--from', bad, '-o', join(dir, 'b3.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3:10: masthead.issue: expected a number`);
  });
});
