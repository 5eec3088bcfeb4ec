// `import` and `new` run as a user runs them: files written, messages, exit codes, and
// the files they write validate and build.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yb-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    // Only the proofreader's word on the seed's own 辦, kept as the author typed it.
    expect(b.stderr.split('\n').filter((l) => l && !l.startsWith('    hint:'))).toEqual([`${join(dir, 'issue38.yaml')}:13:65: warning: sections[0].items[0].body: "辦" is a traditional form in simplified text (simplified: 办)`]);
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

  it('starts the next issue from the last: number + 1, total + 1, the date a week on, the rest carried over', async () => {
    const from = join(dir, 'next', 'issue41.yaml');
    mkdirSync(dirname(from));
    const withStyle = issueToYaml(SAMPLE) + 'style:\n  grid:\n    lines: 22\n';
    writeFileSync(from, withStyle);
    const r = await cli(['new', '--from', from], { env: { YB_TODAY: '2023-10-16' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = join(dir, 'next', 'issue42.yaml');
    expect(r.stdout).toBe(`${out}: 第 42 期, 2023-10-16 (7 days after issue 41 (2023-10-09): a week, as there is no earlier issue beside it to show the rhythm, a Monday like it; check it); fill in the parts marked 待填写\n`);
    const text = readFileSync(out, 'utf8');
    const next = readIssue(out);
    expect(next.masthead).toEqual({ ...SAMPLE.masthead, issue: 42, total: 460, date: '2023-10-16' });
    expect(next.distribution).toEqual(SAMPLE.distribution);
    expect(next.staff).toEqual(SAMPLE.staff);
    expect(parse(text).style).toEqual({ grid: { lines: 22 } });
    expect(next.sections).toEqual([{ heading: PLACEHOLDER.heading, items: [{ title: PLACEHOLDER.title, body: `${PLACEHOLDER.body1}\n\n${PLACEHOLDER.body2}`, source: PLACEHOLDER.source }] }]);
    // The template explains its fields in comments.
    expect(text).toMatch(/^ {2}date: 2023-10-16 {2}# YYYY-MM-DD.*guessed: 7 days after issue 41/m);
    expect(text).toMatch(/^ {8}# the text, indented under body/m);
    expect(text.split('\n').filter((l) => l.includes('#')).length).toBeGreaterThanOrEqual(15);
  });

  it('the unfilled template validates, each placeholder (待填写) a warning', async () => {
    const file = join(dir, 'next', 'issue42.yaml');
    const v = await cli(['validate', file]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain(`${file}:`);
    expect(v.stderr.match(/warning: .*a placeholder left by "new"/g)).toHaveLength(4);
    expect(v.stdout).toContain(`${file}: ok (4 warnings)`);
    expect((await cli(['validate', '--strict', file])).code).toBe(1);
  });

  it("guesses the date from the last issues' rhythm: the usual interval, moved on past today", async () => {
    const folder = join(dir, 'fortnightly');
    mkdirSync(folder);
    const at = (n: number, date: string) => writeFileSync(join(folder, `issue${n}.yaml`), issueToYaml({ ...SAMPLE, masthead: { ...SAMPLE.masthead, issue: n, date } }));
    at(10, '2024-03-01');
    at(11, '2024-03-15');
    at(12, '2024-03-29');
    const r = await cli(['new', '--from', join(folder, 'issue12.yaml')], { env: { YB_TODAY: '2024-03-30' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('第 13 期, 2024-04-12 (14 days after issue 12 (2024-03-29): the usual interval of the issues beside it, a Friday like it; check it)');
    expect(readIssue(join(folder, 'issue13.yaml')).masthead.date).toBe('2024-04-12');
    // A clerk late by a month: whole intervals on, not a date already past.
    const late = await cli(['new', '--from', join(folder, 'issue12.yaml'), '-o', join(folder, 'late.yaml')], { env: { YB_TODAY: '2024-05-01' } });
    expect(late.stdout).toContain('2024-05-10 (3 × 14 days after issue 12 (2024-03-29)');
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
    expect(r.stdout).toContain('2024-01-02 (today; change it to the issue date)');
    const v = await cli(['validate', out]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain(`${out}:9:9: warning: masthead.date: the date is still 2024-01-02, the day "new" made this file`);
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
