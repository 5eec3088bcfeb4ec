// Input the importer cannot read cleanly: nothing is dropped, and every guess is a warning
// that names its line.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueSchema } from '../../src/validate/schema.js';
import { importBytes } from '../../src/import/import-file.js';
import { issueToText } from '../../src/import/issue-text.js';
import { missing } from './helpers/sample.js';

const ODD = readFileSync(join(import.meta.dirname, 'fixtures', 'odd.txt'), 'utf8');

describe('an odd back issue', async () => {
  const r = await importBytes('odd.txt', new TextEncoder().encode(ODD), 'text');

  it('validates', () => {
    expect(issueSchema.safeParse(r.issue).success).toBe(true);
  });

  it('keeps every character of the input (the issue number as a number: 三十九 → 39)', () => {
    expect(missing(ODD, issueToText(r.issue))).toEqual({ 三: 1, 十: 1, 九: 1 });
    expect(missing(ODD.replace('第三十九期', '第 39 期'), issueToText(r.issue))).toEqual({});
  });

  it('reads a Chinese-numeral issue line with a total, and publisher and date on one line', () => {
    expect(r.issue.masthead).toEqual({ title: '延津政务快报', issue: 39, total: 457, publisher: '延津县人民政府办公室', date: '2023-09-01', mark: '内部资料 注意保存' });
  });

  it('puts what it can place where it belongs', () => {
    expect(r.issue.sections.map((s) => [s.heading, s.items.map((i) => [i.title ?? null, i.body.replace(/\n\n/g, '¶'), i.source ?? null])])).toEqual([
      ['未分栏', [[null, '开篇的话：本期聚焦秋收。', null]]],
      [
        '秋收 秋种',
        [
          ['县农业农村局抢抓农时', '组织农机下田。¶今年以来，共完成秋播 12 万亩。', '农业农村局'],
          [null, '今年以来，我县各乡镇积极行动，确保颗粒归仓。', '县委办'],
          ['县林业局开展巡查', '建立台账。', null],
        ],
      ],
      [
        '审计',
        [
          [null, '县审计局开展审计工作（2024版）', null],
          [null, '附件：秋收进度表¶【空栏目】', null],
        ],
      ],
    ]);
    expect(r.issue.distribution).toEqual({ label: '本期报', to: ['市政府办公室', '市委办公室', '各乡（镇）政府、街道办事处'], copies: 120 });
    expect(r.issue.staff).toEqual([
      { role: '责任编辑', name: '李勉' },
      { role: '审核', name: '原超俊' },
      { role: '签发', name: '麻彦伟' },
    ]);
  });

  it('warns about each guess, with its line', () => {
    expect(r.notes.filter((n) => n.level === 'warning').map((n) => [n.at, n.message.split(/[;:(]/)[0]])).toEqual([
      [5, 'no clear title for this item '],
      [5, 'text before the first 【】 heading was put under a heading 【未分栏】'],
      [7, 'the heading 【秋收】 has no items'],
      [11, 'no clear title for this item '],
      [14, 'the item before the heading '],
      [14, 'no clear title for this item '],
      [14, 'the item ends with （2024版） without a full stop before it'],
      [20, 'text after the staff lines was kept as a last item under 【审计】'],
      [21, 'text after the staff lines was kept as a last item under 【审计】'],
    ]);
  });
});
