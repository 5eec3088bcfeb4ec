// Inputs built to exhaust: alias bombs, oversized files, deep nesting, a cascade of
// syntax errors, and a body of hundreds of pages. Each is refused clearly or rendered;
// none hangs (vitest's timeout would fail the test).
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

let dir: string;
const put = (name: string, text: string | Buffer) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const MASTHEAD = `masthead:
  title: 延津政务快报
  issue: 38
  publisher: 延津县人民政府办公室
  date: 2023-08-25
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-limits-'));
});

describe('refused', () => {
  it('an alias bomb ("billion laughs")', async () => {
    const levels = ['a: &a ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(96 + i);
      const c = String.fromCharCode(97 + i);
      levels.push(`${c}: &${c} [${Array(9).fill(`*${p}`).join(', ')}]`);
    }
    const r = await cli(['validate', put('bomb.yaml', `${levels.join('\n')}\n${MASTHEAD}`)], { cwd: dir });
    expect(r.stderr).toBe('bomb.yaml:2:8: the aliases (*name) in this file expand to more than an issue can hold (at most 100 uses); the file is refused\n');
    expect(r.code).toBe(1);
  });

  it('a file over 10 MB, before it is read', async () => {
    const r = await cli(['validate', put('huge.yaml', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61))], { cwd: dir });
    expect(r.stderr).toBe('huge.yaml: the file is 10.1 MB; an issue file may be at most 10 MB\n');
    expect(r.code).toBe(1);
  });

  it('nesting too deep to be an issue', async () => {
    const r = await cli(['validate', put('deep.yaml', `masthead: ${'['.repeat(5000)}\n`)], { cwd: dir });
    expect(r.stderr).toMatch(/^deep\.yaml:1:\d+: lists or blocks are nested too deeply here for an issue file\n$/);
    expect(r.code).toBe(1);
  });

  it('a cascade of syntax errors is cut after 20, with a count of the rest', async () => {
    const lines = ['masthead:', ...Array.from({ length: 30 }, (_, i) => `\tkey${i}: 值`)];
    const r = await cli(['validate', put('tabs.yaml', lines.join('\n') + '\n')], { cwd: dir });
    const out = r.stderr.trimEnd().split('\n');
    expect(out).toHaveLength(21);
    expect(out[0]).toBe('tabs.yaml:2:1: the line is indented with a tab; YAML needs spaces (不要用 Tab 缩进，用空格)');
    expect(out[19]).toBe('tabs.yaml:21:1: the line is indented with a tab; YAML needs spaces (不要用 Tab 缩进，用空格)');
    expect(out[20]).toBe('tabs.yaml: … and 10 more problems further down; fix these first');
    expect(r.code).toBe(1);
  });

  it('a flood of value problems shows the first 50 and counts the rest', async () => {
    const items = Array.from({ length: 80 }, (_, i) => `      - title: ${1000 + i}\n        body: 正文。`).join('\n');
    const r = await cli(['validate', put('flood.yaml', `${MASTHEAD}sections:\n  - heading: 民生\n    items:\n${items}\n`)], { cwd: dir });
    const problems = r.stderr.split('\n').filter((l) => l.startsWith('flood.yaml'));
    expect(problems).toHaveLength(51);
    expect(problems[0]).toBe('flood.yaml:9:16: sections[0].items[0].title: expected text, got a number');
    expect(problems[49]).toBe('flood.yaml:107:16: sections[0].items[49].title: expected text, got a number');
    expect(problems[50]).toBe('flood.yaml: … and 30 more problems; fix these first');
    expect(r.code).toBe(1);
  });

  it('an unclosed quote is reported once, where it opens, not on every line after it', async () => {
    const lines = ['sections:', ...Array.from({ length: 10 }, (_, i) => `  - heading: "第${i}节`)];
    const r = await cli(['validate', put('quotes.yaml', lines.join('\n') + '\n')], { cwd: dir });
    expect(r.stderr).toBe('quotes.yaml:2:14: a quotation mark (") opened here is never closed\n    hint: close it with another " at the end of the text; for quotation marks inside Chinese text use “ ” (全角引号)\n');
  });
});

describe('rendered, or refused by name', () => {
  // ~300 pages of body text: 22 lines × 28 characters a page.
  const PARA = '建立企业联系服务、定期回访等机制，主动访需求、问困难、想对策，帮助企业解决经营问题，组织专题会议，研究解决项目用地、资金等问题。今年以来，回访经营主体 146 家，协调解决问题 12 个。';
  const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

  it('a body of 300 pages, in paragraphs', async () => {
    const n = Math.ceil((300 * 22 * 28) / PARA.length);
    const body = Array.from({ length: n }, () => `          ${PARA}`).join('\n\n');
    put('long.yaml', `${MASTHEAD}sections:\n  - heading: 长篇\n    items:\n      - title: 很长的一条\n        body: |\n${body}\n`);
    const r = await cli(['build', 'long.yaml', '-o', 'long.pdf'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(pagesOf(readFileSync(join(dir, 'long.pdf')))).toBeGreaterThanOrEqual(300);
  });

  it('a body of 300 pages in one paragraph', async () => {
    const n = Math.ceil((300 * 22 * 28) / PARA.length);
    put('one.yaml', `${MASTHEAD}sections:\n  - heading: 长篇\n    items:\n      - body: ${PARA.repeat(n)}\n`);
    const r = await cli(['build', 'one.yaml', '-o', 'one.pdf'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(pagesOf(readFileSync(join(dir, 'one.pdf')))).toBeGreaterThanOrEqual(280);
  });

  it('a word far wider than a line is refused by name, not cut short in the PDF', async () => {
    put('word.yaml', `${MASTHEAD}sections:\n  - heading: 长词\n    items:\n      - body: 见 https://example.gov.cn/${'x/'.repeat(5000)} 。\n`);
    const r = await cli(['build', 'word.yaml', '-o', 'word.pdf'], { cwd: dir });
    expect(r.stderr).toContain(
      'word.yaml:9:17: sections[0].items[0].body: "https://example.gov.cn/x/x/x/x/x/x/x/x/x…" (10023 characters without a space) is wider than a line and cannot be broken\n',
    );
    expect(r.code).toBe(1);
  });
});
