// The importer's pieces, one rule each, with the exact answers.
import { describe, it, expect } from 'vitest';
import { guessTitle, splitAtSpace, takeSource } from '../../src/import/item-parts.js';
import { readDistribution, readStaffLine, splitRecipients } from '../../src/import/end-matter.js';
import { readDate, readNumber } from '../../src/import/patterns.js';
import { joinBreaks } from '../../src/import/join-breaks.js';
import { textBlocks } from '../../src/import/read-text.js';
import { readMasthead } from '../../src/import/masthead.js';
import type { ImportNote } from '../../src/import/types.js';
import { issueToYaml } from '../../src/import/issue-yaml.js';
import { issueSchema } from '../../src/validate/schema.js';
import { parse } from 'yaml';
import { SAMPLE } from './helpers/sample.js';

describe('title and body', () => {
  it('split at the first space between Han characters', () => {
    expect(splitAtSpace('县供销社秋收未动检修先行 举办农业机械操作培训班，采取')).toEqual({ title: '县供销社秋收未动检修先行', body: '举办农业机械操作培训班，采取' });
  });
  it('pass over the typed gap between Han and digits', () => {
    expect(splitAtSpace('今年以来，回访经营主体 146 家，协调解决问题 12 个。')).toBeUndefined();
    expect(splitAtSpace('县审计局开展2023 年度审计 以财政部门数据为基础')).toEqual({ title: '县审计局开展2023 年度审计', body: '以财政部门数据为基础' });
  });
  it('refuse a "title" that is a sentence', () => {
    expect(splitAtSpace('截至目前，共发现问题。整改 落实')).toBeUndefined();
    expect(splitAtSpace('组织专题会议， 研究解决')).toBeUndefined();
  });
  it('guess a split before a word that opens a body when there is no space', () => {
    expect(guessTitle('县医疗保障局全面发力确保农村低收入人口基本医疗有保障坚持把农村低收入人口基本医疗有保障、不因病返贫致贫')).toEqual({
      title: '县医疗保障局全面发力确保农村低收入人口基本医疗有保障',
      body: '坚持把农村低收入人口基本医疗有保障、不因病返贫致贫',
      opener: '坚持',
    });
    expect(guessTitle('今年以来，我县共办理业务 300 件。')).toBeUndefined();
  });
});

describe('source unit', () => {
  it('is the bracket group after the last full stop', () => {
    expect(takeSource('目前，共检修机械63台（套）。（供销社）')).toEqual({ body: '目前，共检修机械63台（套）。', source: '供销社' });
    expect(takeSource('时间压缩至 0.5 个工作日。（注：数据截至9月底。）（市场监管局）')).toEqual({ body: '时间压缩至 0.5 个工作日。（注：数据截至9月底。）', source: '市场监管局' });
  });
  it('is not a note, nor a group without a full stop before it', () => {
    expect(takeSource('总投资 128.5 亿元。（注：含续建项目）')).toEqual({ body: '总投资 128.5 亿元。（注：含续建项目）' });
    expect(takeSource('印发实施方案（2024版）')).toEqual({ body: '印发实施方案（2024版）', maybe: '2024版' });
    expect(takeSource('印发《实施方案（2024版）》。')).toEqual({ body: '印发《实施方案（2024版）》。' });
  });
});

describe('end matter', () => {
  it('splits recipients on ， but not inside brackets, and drops the closing 。', () => {
    expect(splitRecipients('县委常委，各乡（镇，街道）政府，人武部长')).toEqual(['县委常委', '各乡（镇，街道）政府', '人武部长']);
    expect(readDistribution('本期报：市政府办公室，市委办公室。 共印 120 份')).toEqual({ label: '本期报', to: ['市政府办公室', '市委办公室'], copies: 120 });
    expect(readDistribution('本期增发：各乡（镇）政府、街道办事处主要领导。')).toEqual({ label: '本期增发', to: ['各乡（镇）政府、街道办事处主要领导'] });
  });
  it('reads staff lines, several on one line, names squeezed', () => {
    expect(readStaffLine('责任编辑：李 勉')).toEqual([{ role: '责任编辑', name: '李勉' }]);
    expect(readStaffLine('责任编辑：李\u3000勉\u3000\u3000审核：原超俊  签发：麻彦伟')).toEqual([
      { role: '责任编辑', name: '李勉' },
      { role: '审核', name: '原超俊' },
      { role: '签发', name: '麻彦伟' },
    ]);
    expect(readStaffLine('编辑：John Smith')).toEqual([{ role: '编辑', name: 'John Smith' }]);
    expect(readStaffLine('截至目前，共发现问题：12 个')).toBeUndefined();
  });
});

describe('numbers and dates', () => {
  it('reads Arabic, full-width and Chinese numerals', () => {
    expect([readNumber('38'), readNumber('３８'), readNumber('三十八'), readNumber('一百零五'), readNumber('十'), readNumber('x')]).toEqual([38, 38, 38, 105, 10, undefined]);
    expect(readDate('2023 年 8 月 25 日')).toBe('2023-08-25');
    expect(readDate('二〇二三年十二月一日')).toBe('2023-12-01');
    expect(readDate('2023.8.5')).toBe('2023-08-05');
  });
});

describe('page breaks', () => {
  it('join a paragraph cut mid-sentence with the next, and only then', () => {
    const notes: ImportNote[] = [];
    const blocks = textBlocks('发挥社会监督作\n\n用，脚踏实地为企业办实事。\n\n并常态化开展审计\n\n县审计局开展审计 以数据为基础\n\n（一）建立台账\n');
    expect(joinBreaks(blocks, 'line', notes).map((b) => [b.at, b.text])).toEqual([
      [1, '发挥社会监督作用，脚踏实地为企业办实事。'],
      [5, '并常态化开展审计'],
      [7, '县审计局开展审计 以数据为基础'],
      [9, '（一）建立台账'],
    ]);
    expect(notes).toEqual([{ at: 1, level: 'note', message: 'joined with line 3: the paragraph broke off mid-sentence (as at a page break)' }]);
  });
});

describe('the YAML written', () => {
  it('lays bodies out as literal blocks and quotes what needs quotes, reading back as the issue', () => {
    const issue = structuredClone(SAMPLE);
    issue.sections[0].heading = '#1: 要闻';
    issue.sections[0].items[0].title = "标题: 带冒号 'x' - [y]";
    issue.sections[0].items[1].body = '- 像列表\u0007的一段，{花括号}: 冒号 # 井号\n\n"引号"开头的一段。';
    issue.staff = [{ role: '审核', name: 'A, B' }];
    const yaml = issueToYaml(issue);
    expect(yaml).toContain('        body: |\n          - 像列表');
    expect(issueSchema.parse(parse(yaml))).toEqual(issue);
  });
});

describe('masthead', () => {
  const read = (text: string) => {
    const notes: ImportNote[] = [];
    return { ...readMasthead(textBlocks(text), 'm.txt', 'line', notes), notes };
  };
  it('reads a total without brackets, and stops at the date', () => {
    expect(read('快报\n第 38 期 总第 456 期\n某县政府办公室\n2023 年 8 月 25 日\n【栏目】\n')).toEqual({
      masthead: { title: '快报', issue: 38, total: 456, publisher: '某县政府办公室', date: '2023-08-25' },
      used: 4,
      notes: [],
    });
  });
  it('joins a publisher set on two lines, with a warning', () => {
    const r = read('快报\n第 1 期\n某县人民政府\n办公室\n2023 年 8 月 25 日\n');
    expect(r.masthead.publisher).toBe('某县人民政府 办公室');
    expect(r.notes.map((n) => [n.at, n.level])).toEqual([[3, 'warning']]);
  });
  it('refuses a date the calendar does not have, naming its line', () => {
    expect(() => read('快报\n第 1 期\n某县政府\n2023 年 2 月 30 日\n')).toThrow(/^m\.txt:4: the masthead date 2023 年 2 月 30 日 is not a real date/);
  });
});
