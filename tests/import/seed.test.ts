// The seed issue's text (copied out of the real PDF of 第 38 期) imported: it must come out
// as examples/issue38.yaml, with the one guess it makes reported, and no character lost.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { issueSchema } from '../../src/validate/schema.js';
import { importBytes } from '../../src/import/import-file.js';
import { issueToText } from '../../src/import/issue-text.js';
import { EXAMPLE } from '../helpers/paths.js';
import { encodeGbk } from '../helpers/gbk.js';
import { charCounts } from './helpers/sample.js';

const SEED = join(import.meta.dirname, 'fixtures', 'issue38.txt');
const seedText = readFileSync(SEED, 'utf8');
const example = issueSchema.parse(parse(readFileSync(EXAMPLE, 'utf8')));

describe('the seed text of issue 38', async () => {
  const r = await importBytes('issue38.txt', readFileSync(SEED), 'text');

  it('imports as examples/issue38.yaml', () => {
    expect(r.issue).toEqual(example);
  });

  it('has the masthead, 6 sections, 8 items, 9 recipients and 3 staff', () => {
    expect(r.issue.masthead).toEqual({ title: '延津政务快报', issue: 38, publisher: '延津县人民政府办公室', date: '2023-08-25' });
    expect(r.issue.sections.map((s) => s.heading)).toEqual(['优化营商环境', '民生保障', '“三秋”生产', '平安开学', '审计监督', '非遗保护']);
    expect(r.issue.sections.flatMap((s) => s.items).length).toBe(8);
    expect(r.issue.distribution?.to).toHaveLength(9);
    expect(r.issue.staff).toEqual([
      { role: '责任编辑', name: '李勉' },
      { role: '审核', name: '原超俊' },
      { role: '签发', name: '麻彦伟' },
    ]);
  });

  it('reports the guessed title and the two page-break joins, with their lines', () => {
    expect(r.notes.map((n) => [n.at, n.level])).toEqual([
      [15, 'note'],
      [21, 'warning'],
      [35, 'note'],
    ]);
    expect(r.notes[1].message).toContain('"县医疗保障局全面发力确保农村低收入人口基本医疗有保障"');
    expect(r.notes[0].message).toContain('line 17');
  });

  it('drops no character: the issue, printed as text, holds exactly the seed\'s characters', () => {
    expect(charCounts(issueToText(r.issue))).toEqual(charCounts(seedText));
  });

  it('writes YAML that reads back as the same issue', () => {
    expect(issueSchema.parse(parse(r.yaml))).toEqual(example);
  });

  it('reads the same issue from GBK bytes, with a notice', async () => {
    const g = await importBytes('issue38.txt', encodeGbk(seedText), 'text');
    expect(g.issue).toEqual(example);
    expect(g.notes.filter((n) => n.at === 0).map((n) => n.message.slice(0, 20))).toEqual(['the file is GBK/GB18']);
  });

  it('reads the same issue from CRLF text with a BOM, full-width indents and page numbers', async () => {
    const messy = '\uFEFF' + seedText.replace('作\n\n用', '作\n\n— 1 —\n\n用').split('\n').map((l) => (l && !l.startsWith('【') ? `\u3000\u3000${l}` : l)).join('\r\n');
    const m = await importBytes('issue38.txt', new TextEncoder().encode(messy), 'text');
    expect(m.issue).toEqual(example);
    expect(m.notes.find((n) => n.message.includes('page number'))?.at).toBe(17);
  });
});

describe('the seed as a PDF text tool writes it: one printed line a line', () => {
  /** Wrap each paragraph at 28 characters, first lines indented 　　, page numbers every 22 lines. */
  function hardWrap(text: string): string {
    const out: string[] = [];
    let n = 0;
    for (const para of text.split('\n').filter(Boolean)) {
      const cs = [...para];
      for (let first = true; cs.length; first = false) {
        out.push((first ? '\u3000\u3000' : '') + cs.splice(0, first ? 26 : 28).join(''));
        if (++n % 22 === 0) out.push(`— ${n / 22} —`);
      }
    }
    return out.join('\n');
  }
  const squashed = (i: typeof example) => ({ ...i, sections: i.sections.map((s) => ({ ...s, items: s.items.map((it) => ({ ...it, body: it.body.replace(/\s+/g, '') })) })) });

  it('reads the same issue (bodies equal, spaces aside), paragraphs rejoined, page numbers left out', async () => {
    const wrapped = hardWrap(seedText);
    const r = await importBytes('w.txt', new TextEncoder().encode(wrapped), 'text');
    expect(squashed(r.issue)).toEqual(squashed(example));
    expect(r.notes.filter((n) => n.level === 'warning').map((n) => n.message.slice(0, 30))).toEqual(['no space between the item\'s ti']);
    expect(r.notes.filter((n) => n.message.includes('page number')).length).toBe(wrapped.split('\n').filter((l) => l.startsWith('—')).length);
  });

  it('takes the letter spacing out of a spaced title, and reads publisher and date from one line', async () => {
    const spaced = seedText.replace('延津政务快报', '延 津 政 务 快 报').replace('延津县人民政府办公室\n\n2023', '延津县人民政府办公室          2023');
    const r = await importBytes('s.txt', new TextEncoder().encode(spaced), 'text');
    expect(r.issue).toEqual(example);
  });
});
