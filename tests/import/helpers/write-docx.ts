// Write an issue as a Word file the way offices lay one out, with the `docx` package:
// masthead lines, 【heading】 paragraphs, items opening with a bold title run.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Issue } from '../../../src/validate/schema.js';
import { distributionLine, formatDateLine, issueLine } from '../../../src/import/issue-text.js';

export interface DocxShape {
  /** Headings as Word "Heading 1" paragraphs without 【】. */
  headingStyle?: boolean;
  /** Each title as a bold paragraph of its own, the body in the next paragraph. */
  titleOwnParagraph?: boolean;
  /** Break the bold title into several runs, as Word does after editing. */
  splitRuns?: boolean;
  /** Publisher and date on one line, separated by a tab. */
  publisherDateOneLine?: boolean;
  /** Staff on one line: 责任编辑：李　勉　　审核：… */
  staffOneLine?: boolean;
}

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });

export async function issueToDocx(issue: Issue, shape: DocxShape = {}): Promise<Buffer> {
  const m = issue.masthead;
  const children: Paragraph[] = [];
  if (m.mark) children.push(p(m.mark));
  children.push(p(m.title, true), p(issueLine(m)));
  if (shape.publisherDateOneLine) children.push(new Paragraph({ children: [new TextRun(m.publisher), new TextRun({ text: '\t' }), new TextRun(formatDateLine(m.date))] }));
  else children.push(p(m.publisher), p(formatDateLine(m.date)));
  for (const s of issue.sections) {
    children.push(shape.headingStyle ? new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }) : p(`【${s.heading}】`, true));
    for (const it of s.items) {
      const paras = it.body.split(/\n\s*\n/).map((x) => x.trim());
      paras.forEach((para, k) => {
        const last = k === paras.length - 1;
        const tail = last && it.source ? `（${it.source}）` : '';
        if (k === 0 && it.title) {
          if (shape.titleOwnParagraph) {
            children.push(p(it.title, true), p(para + tail));
            return;
          }
          const half = Math.ceil([...it.title].length / 2);
          const titleRuns = shape.splitRuns
            ? [new TextRun({ text: [...it.title].slice(0, half).join(''), bold: true }), new TextRun({ text: [...it.title].slice(half).join(''), bold: true })]
            : [new TextRun({ text: it.title, bold: true })];
          children.push(new Paragraph({ children: [...titleRuns, new TextRun(' '), new TextRun(para + tail)] }));
        } else children.push(p(para + tail));
      });
    }
  }
  if (issue.distribution) children.push(p(distributionLine(issue.distribution)));
  const staff = issue.staff ?? [];
  if (shape.staffOneLine) children.push(p(staff.map((s) => `${s.role}：${[...s.name].length === 2 ? [...s.name].join('\u3000') : s.name}`).join('\u3000\u3000')));
  else for (const s of staff) children.push(p(`${s.role}：${s.name}`));
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}
