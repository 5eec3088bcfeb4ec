// The proofreader through the command line: each warning names file:line:col, the field
// and a hint, in file order; validate and build print them and still succeed; --strict
// makes them errors.
import { describe, it, expect, afterAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'yb-proofread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An issue file with one item whose fields are given (lines numbered from 1 as written). */
function write(name: string, item: { heading?: string; title?: string; body: string; source?: string }, date = '2024-03-01', dateComment = ''): string {
  const lines = [
    'masthead:',
    '  title: 延津政务快报',
    '  issue: 5',
    '  publisher: 延津县人民政府办公室',
    `  date: ${date}${dateComment}`,
    'sections:',
    `  - heading: ${item.heading ?? '民生保障'}`,
    '    items:',
    `      - title: ${item.title ?? '要闻'}`,
    `        body: ${item.body}`,
    ...(item.source ? [`        source: ${item.source}`] : []),
  ];
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.includes(': warning: '));

describe('proofreading warnings', () => {
  it('a placeholder left by new, and a date left as the day the file was made', async () => {
    const f = write('placeholder.yaml', { heading: '栏目名称（待填写）', body: '正文第一段（待填写）。' }, '2024-03-01', '  # YYYY-MM-DD; made on 2024-03-01 by new: change it to the issue date');
    const r = await cli(['validate', f]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([
      `${f}:5:9: warning: masthead.date: the date is still 2024-03-01, the day "new" made this file`,
      `${f}:7:19: warning: sections[0].heading: a placeholder left by "new" is still here: "栏目名称（待填写）"`,
      `${f}:10:21: warning: sections[0].items[0].body: a placeholder left by "new" is still here: "正文第一段（待填写）。"`,
    ]);
    expect(r.stderr).toContain('hint: write the issue date');
    // Once the date is changed, the comment no longer matters.
    const g = write('dated.yaml', { body: '正文。' }, '2024-03-08', '  # made on 2024-03-01 by new');
    expect((await cli(['validate', g])).stderr).not.toContain('warning');
  });

  it('a source unit typed twice', async () => {
    const f = write('source.yaml', { body: '建立企业联系服务机制。（乡村振兴局）', source: '乡村振兴局' });
    const r = await cli(['validate', f]);
    expect(warnings(r.stderr)).toEqual([`${f}:11:17: warning: sections[0].items[0].source: the body already ends with （乡村振兴局）, so the page prints （乡村振兴局）（乡村振兴局）`]);
    expect(r.stderr).toContain('hint: delete （乡村振兴局） from the end of the body, or the source: line');
  });

  it('unbalanced pairs: “ ” 《 》 （ ） 【 】', async () => {
    const f = write('pairs.yaml', { title: '学习《条例', body: '他说“要抓落实。会议）强调【重点。' });
    const r = await cli(['validate', f]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([
      `${f}:9:18: warning: sections[0].items[0].title: "《" is never closed: no "》" follows it in this field`,
      `${f}:10:17: warning: sections[0].items[0].body: "“" is never closed: no "”" follows it in this field`,
      `${f}:10:25: warning: sections[0].items[0].body: "）" closes a "（" that was never opened`,
      `${f}:10:28: warning: sections[0].items[0].body: "【" is never closed: no "】" follows it in this field`,
    ]);
  });

  it('ASCII punctuation between Han characters, with the full-width form as the hint; numbers and Latin keep theirs', async () => {
    const f = write('ascii.yaml', { body: '县委,县政府召开会议:部署"三夏"工作，投入1,600万元，网速95.6 Mbps, 很快。' });
    const r = await cli(['validate', f]);
    const w = warnings(r.stderr);
    expect(w).toEqual([
      `${f}:10:17: warning: sections[0].items[0].body: ASCII "," inside Chinese text`,
      `${f}:10:25: warning: sections[0].items[0].body: ASCII ":" inside Chinese text`,
      `${f}:10:28: warning: sections[0].items[0].body: ASCII """ inside Chinese text`,
      `${f}:10:31: warning: sections[0].items[0].body: ASCII """ inside Chinese text`,
    ]);
    expect(r.stderr).toContain('hint: type the full-width "，"');
    expect(r.stderr).toContain('hint: type the full-width "："');
    expect(r.stderr).toContain('hint: type the full-width "“"');
    expect(r.stderr).toContain('hint: type the full-width "”"');
  });

  it('brackets typed into a heading', async () => {
    const f = write('heading.yaml', { heading: '"[安全生产]"', body: '正文。' });
    const r = await cli(['validate', f]);
    expect(warnings(r.stderr)).toEqual([`${f}:7:14: warning: sections[0].heading: the heading is typed in brackets, so it prints 【[安全生产]】`]);
    expect(r.stderr).toContain('hint: write heading: 安全生产 (the 【】 are added), or 【安全生产】');
  });

  it("a traditional form in simplified text (the seed's 辦), left as typed", async () => {
    const r = await cli(['validate', 'examples/issue38.yaml'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([`examples/issue38.yaml:14:65: warning: sections[0].items[0].body: "辦" is a traditional form in simplified text (simplified: 办)`]);
    expect(r.stdout).toContain('issue38.yaml: ok (1 warning)');
  });

  it('build prints them too and succeeds; --strict makes them errors and writes nothing', async () => {
    const f = write('strict.yaml', { body: '县委,县政府。' });
    const out = join(dir, 'strict.pdf');
    const b = await cli(['build', f]);
    expect(b.code).toBe(0);
    expect(warnings(b.stderr)).toHaveLength(1);
    expect(existsSync(out)).toBe(true);
    rmSync(out);
    const s = await cli(['build', f, '--strict']);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain(`${f}:10:17: sections[0].items[0].body: ASCII "," inside Chinese text (a warning; --strict makes it an error)`);
    expect(existsSync(out)).toBe(false);
    const v = await cli(['validate', f, '--strict']);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('(a warning; --strict makes it an error)');
  });

  it('are in the JSON reports of build and validate', async () => {
    const f = write('json.yaml', { body: '县委,县政府。' });
    const v = JSON.parse((await cli(['validate', f, '--json'])).stdout);
    expect(v.files[0].warnings[0]).toMatchObject({ line: 10, col: 17, field: 'sections[0].items[0].body' });
    const b = JSON.parse((await cli(['build', f, '--json', '-o', join(dir, 'json.pdf')])).stdout);
    expect(b.warnings).toBe(1);
    expect(b.issues[0].warnings[0]).toMatchObject({ line: 10, col: 17 });
  });
});
