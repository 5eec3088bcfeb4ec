// An issue written out as a back issue would be (a .txt copied out of its PDF, a Word file
// typed by an office) and imported again must come back the same.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { issueSchema, type Issue } from '../../src/validate/schema.js';
import { importBytes } from '../../src/import/import-file.js';
import { issueToText } from '../../src/import/issue-text.js';
import { EXAMPLE } from '../helpers/paths.js';
import { SAMPLE, missing } from './helpers/sample.js';
import { issueToDocx, type DocxShape } from './helpers/write-docx.js';

const example = issueSchema.parse(parse(readFileSync(EXAMPLE, 'utf8')));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('round trip through text', () => {
  it.each([
    ['issue 38', example],
    ['the sample', SAMPLE],
  ])('%s → .txt → import → the same issue', async (_name, issue: Issue) => {
    const text = issueToText(issue);
    const r = await importBytes('x.txt', utf8(text), 'text');
    expect(r.issue).toEqual(issue);
    expect(missing(text, issueToText(r.issue))).toEqual({});
  });

  it('the sample gives no warnings', async () => {
    const r = await importBytes('x.txt', utf8(issueToText(SAMPLE)), 'text');
    expect(r.notes.filter((n) => n.level === 'warning')).toEqual([]);
  });

  it('a body paragraph ending in a unit-like bracket without a full stop stays in the body, with a warning', async () => {
    const issue = structuredClone(SAMPLE);
    issue.sections[1].items[1].body = '发布秋播技术指导意见，印发《技术要点》（2024版）';
    const r = await importBytes('x.txt', utf8(issueToText(issue)), 'text');
    expect(r.issue).toEqual(issue);
    expect(r.notes.filter((n) => n.level === 'warning').map((n) => [n.at, n.message.slice(0, 30)])).toEqual([[25, 'the item ends with （2024版） wit']]);
  });
});

describe('round trip through Word', () => {
  const shapes: [string, DocxShape][] = [
    ['bold title runs, 【】 headings', {}],
    ['titles split over runs, Heading 1 headings, publisher and date on one line, staff on one line', { splitRuns: true, headingStyle: true, publisherDateOneLine: true, staffOneLine: true }],
    ['titles as bold paragraphs of their own', { titleOwnParagraph: true }],
  ];
  for (const [name, shape] of shapes) {
    it(`the sample as .docx (${name}) → import → the same issue, no warnings`, async () => {
      const r = await importBytes('x.docx', await issueToDocx(SAMPLE, shape), 'docx');
      expect(r.issue).toEqual(SAMPLE);
      expect(r.notes.filter((n) => n.level === 'warning')).toEqual([]);
    });
  }

  it('issue 38 as .docx → import → the same issue', async () => {
    const r = await importBytes('x.docx', await issueToDocx(example), 'docx');
    expect(r.issue).toEqual(example);
  });

  it('keeps the paragraphs of one item together, brackets inside them left in the body', async () => {
    const issue = structuredClone(SAMPLE);
    issue.sections[0].items[0].body = '印发《重点项目推进方案》（2024版）\n\n（注：以下为初步统计）\n\n共谋划项目 36 个。（注：含续建项目。）\n\n下一步，将持续跟踪项目进展。';
    const r = await importBytes('x.docx', await issueToDocx(issue), 'docx');
    expect(r.issue).toEqual(issue);
    expect(r.issue.sections[0].items[0].source).toBe('发改委');
    expect(r.notes.filter((n) => n.level === 'warning')).toEqual([]);
  });

  it('keeps an item without a bold title, warning with its paragraph number', async () => {
    const issue = structuredClone(SAMPLE);
    delete issue.sections[1].items[0].title;
    issue.sections[1].items[0].body = '今年以来，组织农机 120 台（套）投入秋收。';
    const r = await importBytes('x.docx', await issueToDocx(issue), 'docx');
    expect(r.issue).toEqual(issue);
    expect(r.notes.filter((n) => n.level === 'warning').map((n) => [n.at, n.message.slice(0, 22)])).toEqual([[12, 'no clear title for thi']]);
  });
});
