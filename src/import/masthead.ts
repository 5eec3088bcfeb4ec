// The masthead lines at the top: [mark], title, 第 N 期（总第 M 期）, publisher, date.
import { UserError } from '../errors.js';
import { isRealDate, type Masthead } from '../validate/schema.js';
import { DATE_AT_END, HEADING, ISSUE_LINE, readDate, readNumber } from './patterns.js';
import type { Block, ImportNote, PlaceWord } from './types.js';

/** How far down the masthead may reach: a few lines, never past the first heading. */
const MAX_MASTHEAD_BLOCKS = 8;

export function readMasthead(blocks: Block[], file: string, place: PlaceWord, notes: ImportNote[]): { masthead: Masthead; used: number } {
  // The masthead ends at the first 【】 heading (a Word heading style may dress the title itself).
  const firstHeading = blocks.findIndex((b) => HEADING.test(b.text));
  const end = Math.min(firstHeading < 0 ? blocks.length : firstHeading, MAX_MASTHEAD_BLOCKS);
  let issueAt = -1;
  let dateAt = -1;
  let issue: number | undefined;
  let total: number | undefined;
  let date: string | undefined;
  let publisherOnDateLine: string | undefined;
  for (let i = 0; i < end; i++) {
    const t = blocks[i].text;
    const im = ISSUE_LINE.exec(t);
    if (im && issueAt < 0) {
      issueAt = i;
      issue = readNumber(im[1]);
      total = im[2] ? readNumber(im[2]) : undefined;
      continue;
    }
    const dm = DATE_AT_END.exec(t);
    if (dm && dateAt < 0) {
      dateAt = i;
      date = readDate(dm[1]);
      const rest = t.slice(0, dm.index).trim();
      if (rest) publisherOnDateLine = rest;
      if (issueAt >= 0) break;
    }
  }
  const where = `${place}s 1–${blocks[end - 1]?.at ?? 1}`;
  // A Word file's numbers are paragraphs, which file:line would misname.
  const at = (b: Block | undefined) => (place === 'line' && b ? { line: b.at } : {});
  if (issueAt < 0 || issue === undefined) {
    throw new UserError({ file, ...at(blocks[0]), message: `no issue line (第 N 期) in the masthead (${where})`, hint: 'add a line such as 第 38 期 under the bulletin\'s title and import again' });
  }
  if (dateAt < 0 || !date) {
    throw new UserError({ file, ...at(blocks[issueAt]), message: `no date line (2023 年 8 月 25 日) in the masthead (${where})`, hint: 'add the date under the issue line and import again' });
  }
  if (!isRealDate(date)) {
    throw new UserError({ file, ...at(blocks[dateAt]), message: `the masthead date ${blocks[dateAt].text} is not a real date`, hint: 'correct the date line and import again' });
  }
  const used = Math.max(issueAt, dateAt) + 1;
  if (dateAt < issueAt) notes.push({ at: blocks[dateAt].at, level: 'warning', message: 'the date stands above the issue line; read as the masthead date' });
  // Above the issue line: [mark…] title. Between the issue line and the date: the publisher.
  const titleBlocks = blocks.slice(0, issueAt).filter((_, k) => k !== dateAt);
  const between = blocks.slice(issueAt + 1, used).filter((_, k) => issueAt + 1 + k !== dateAt);
  if (!titleBlocks.length) {
    throw new UserError({ file, ...at(blocks[issueAt]), message: 'no bulletin title above the issue line (第 N 期)', hint: 'add the title (e.g. 延津政务快报) as the first line and import again' });
  }
  const titleBlock = titleBlocks[titleBlocks.length - 1];
  // A letter-spaced title comes out of a PDF as 延 津 政 务 快 报: the spaces are layout, not text.
  const title = titleBlock.text.replace(/(?<=\p{Script=Han})[\s\u3000]+(?=\p{Script=Han})/gu, '');
  if (title !== titleBlock.text) notes.push({ at: titleBlock.at, level: 'note', message: `the title's letter spacing was taken out: ${title}` });
  const markBlocks = titleBlocks.slice(0, -1);
  let mark: string | undefined;
  if (markBlocks.length) {
    mark = markBlocks.map((b) => b.text).join(' ');
    notes.push({ at: markBlocks[0].at, level: markBlocks.length > 1 ? 'warning' : 'note', message: `read "${mark}", above the title, as the mark (printed top left, like 内部资料 注意保存)` });
  }
  const pubParts = [...between.map((b) => b.text), ...(publisherOnDateLine ? [publisherOnDateLine] : [])];
  if (!pubParts.length) {
    throw new UserError({ file, ...at(blocks[dateAt]), message: 'no publisher (e.g. 延津县人民政府办公室) between the issue line and the date', hint: 'add the publisher before the date and import again' });
  }
  if (pubParts.length > 1) notes.push({ at: between[0]?.at ?? blocks[dateAt].at, level: 'warning', message: `several lines between the issue line and the date were joined as the publisher: ${pubParts.join(' ')}` });
  const masthead: Masthead = { title, issue, ...(total !== undefined ? { total } : {}), publisher: pubParts.join(' '), date, ...(mark ? { mark } : {}) };
  return { masthead, used };
}
