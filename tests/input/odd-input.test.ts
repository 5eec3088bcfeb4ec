// Inputs a robustness sweep found answered badly: a tab inside a line of text, a file
// that says `%YAML 1.1`, a key that is a list, and arguments given as empty names.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { readPdf, squash } from '../helpers/read-pdf.js';

let dir: string;
const run = (...args: string[]) => cli(args, { cwd: dir });
const put = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const MASTHEAD = 'masthead:\n  title: 延津政务快报\n  issue: 38\n  publisher: 延津县人民政府办公室\n  date: 2023-08-25\n';
const ISSUE = `${MASTHEAD}sections:\n  - heading: 民生\n    items:\n      - body: 正文。\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-odd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a tab inside a line of text', () => {
  it('is set as a space in every field, not an internal error', async () => {
    put('tabs.yaml', `${MASTHEAD.replace('  title: 延津政务快报', '  title: "延津\\t政务快报"')}sections:\n  - heading: "民\\t生"\n    items:\n      - title: "县医保局\\t全面发力"\n        body: |\n          坚持\tWord\t把农村低收入人口基本医疗有保障。\n        source: "医疗\\t保障局"\ndistribution:\n  label: "本期\\t发"\n  to: ["县委\\t常委"]\nstaff:\n  - {role: "责任\\t编辑", name: "李\\t勉"}\n`);
    const r = await run('build', 'tabs.yaml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = squash((await readPdf(readFileSync(join(dir, 'tabs.pdf')))).text);
    for (const s of ['延津政务快报', '【民生】', '县医保局全面发力', '坚持Word把农村', '（医疗保障局）', '本期发：县委常委。', '李勉']) expect(text).toContain(s);
  });
});

describe('YAML that reads differently from what the file means', () => {
  it('a %YAML 1.1 line does not make the date a timestamp or yes a yes/no value', async () => {
    put('v11.yaml', `%YAML 1.1\n---\n${ISSUE.replace('heading: 民生', 'heading: yes')}`);
    const r = await run('build', 'v11.yaml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(squash((await readPdf(readFileSync(join(dir, 'v11.pdf')))).text)).toContain('【yes】');
  });

  it('a key that is a list is named at its place, with no warning of the runtime on standard error', async () => {
    put('listkey.yaml', ISSUE.replace('masthead:\n', 'masthead:\n  ? [title, issue]\n  : 1\n'));
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const r = await run('validate', 'listkey.yaml');
    await new Promise((done) => setImmediate(done)); // process warnings are emitted on the next tick
    process.off('warning', onWarning);
    expect(r.stderr).toBe('listkey.yaml:2:5: a key here is a list; a key is a name, such as "title"\n');
    expect(r.code).toBe(1);
    expect(warnings).toEqual([]);
  });
});

describe('arguments given as empty names (an unset shell variable) are usage errors', () => {
  it('an empty input does not stand for the working folder', async () => {
    put('other.yaml', ISSUE);
    for (const args of [['build', ''], ['validate', ''], ['bind', '', '-o', 'vol.pdf'], ['build', ' ', '--out-dir', 'pdf']]) {
      const r = await run(...args);
      expect(r.stderr).toContain('an input was given as an empty name');
      expect(r.code).toBe(2);
    }
    expect(existsSync(join(dir, 'other.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'vol.pdf'))).toBe(false);
  });

  it('--out-dir and import', async () => {
    put('one.yaml', ISSUE);
    let r = await run('build', 'one.yaml', '--out-dir', '');
    expect(r.stderr).toContain('--out-dir names the folder to write the PDFs in, and was given an empty name');
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'one.pdf'))).toBe(false);
    r = await run('import', '');
    expect(r.stderr).toContain('import takes a .txt or .docx file, and was given an empty name');
    expect(r.code).toBe(2);
  });

  it('--style of validate, bind and fonts, --from of new, and the issue of fonts', async () => {
    put('two.yaml', ISSUE);
    for (const args of [['validate', 'two.yaml', '--style', ''], ['bind', 'two.yaml', '-o', 'v.pdf', '--style', ''], ['fonts', '--style', ''], ['fonts', ''], ['new', '--from', '', '-o', 'n.yaml']]) {
      const r = await run(...args);
      expect(r.stderr).toMatch(/was given an empty name/);
      expect(r.code).toBe(2);
    }
    expect(existsSync(join(dir, 'n.yaml'))).toBe(false);
  });
});

describe('the style file given as an input', () => {
  it('is named as the style file, not as a place with no issue files', async () => {
    put('house.yaml', 'size:\n  body: 16\n');
    for (const cmd of [['validate'], ['build'], ['bind', '-o', 'v.pdf']]) {
      const r = await run(...cmd, 'house.yaml', '--style', 'house.yaml');
      expect(r.stderr).toBe('yanjin-bulletin: house.yaml is the style file given with --style, not an issue file; name the issue files too\n');
      expect(r.code).toBe(2);
    }
  });
});
