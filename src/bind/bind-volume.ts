// `bind`: many issues as one book (合订本). Every issue is loaded and checked against the
// others before anything is composed; each is then composed once, as it prints alone,
// with its page numbers running on from the issue before; the title page and contents
// come last (they need the page numbers) but go first in the document.
import { UserError, type Problem } from '../errors.js';
import { dirname, resolve } from 'node:path';
import { creationDate, layoutIssue, openFaces, prepareIssue, writeOptions, type BuildOptions, type Prepared } from '../build-issue.js';
import { expandInputs } from '../batch/inputs.js';
import { checkCoverage, type TextField } from '../fonts/coverage.js';
import type { FontBook } from '../fonts/font-book.js';
import { FaceError } from '../fonts/open-face.js';
import { faceOrigins } from '../fonts/entry-origin.js';
import { geometry } from '../compose/geometry.js';
import { formatDate, issueLineText } from '../compose/masthead.js';
import { splitParagraphs } from '../compose/body.js';
import type { Layout, Page } from '../paginate/types.js';
import { loadPdfWriter } from '../write/pdfkit.js';
import { writeVolume, type VolumePart } from '../write/pdf-writer.js';
import { writeAtomic } from '../write/atomic.js';
import { checkVolume } from './check-volume.js';
import { composeContents, CONTENTS_TITLE, type ContentsEntry } from './contents.js';
import { composeTitlePage } from './title-page.js';

export type ContentsDepth = 'issues' | 'sections' | 'items';

export interface BindRequest {
  args: string[];
  output: string;
  opts: BuildOptions;
  /** The title page's title; default 《<masthead title>》<year> 年合订本. */
  title?: string;
  contents: ContentsDepth;
  /** Start every issue on a recto (odd) page, with a blank page before it where needed. */
  recto: boolean;
  cwd?: string;
  /** Called with each warning (a gap in the numbering, a second year) as it is found. */
  warn?: (line: string) => void;
}

export interface BoundVolume {
  output: string;
  issues: number;
  pages: number;
  bytes: number;
  warnings: string[];
}

export async function bindVolume(req: BindRequest): Promise<BoundVolume> {
  const exclude = req.opts.styleFile ? [req.opts.styleFile] : [];
  const { inputs } = expandInputs(req.args, req.cwd, exclude);

  // Every problem of every issue at once: a volume is bound whole or not at all.
  const problems: Problem[] = [];
  const prepared: Prepared[] = [];
  for (const input of inputs) {
    try {
      prepared.push(prepareIssue(input.file, req.opts));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new UserError(problems);
  const { issues, warnings } = checkVolume(prepared);
  warnings.forEach((w) => req.warn?.(w));
  loadPdfWriter();

  // Issues in volume order, numbered straight through from 1 after the front matter.
  const parts: VolumePart[] = [];
  const entries: ContentsEntry[] = [];
  let next = 1;
  let firstBook: FontBook | undefined;
  for (const p of issues) {
    const book = await facesFor(p, req.opts);
    firstBook ??= book;
    if (req.recto && next % 2 === 0) parts.at(-1)!.layout.pages.push({ number: next++, draws: [] });
    const layout = layoutIssue(p, book, next);
    next += layout.pages.length;
    const m = p.issue.masthead;
    parts.push({ layout, title: `第 ${m.issue} 期　${formatDate(m.date)}` });
    entries.push({ level: 0, text: issueLineText(m), date: formatDate(m.date), page: layout.pages[0].number });
    if (req.contents !== 'issues') entries.push(...subEntries(p, layout, req.contents));
  }

  const first = issues[0];
  const last = issues.at(-1)!;
  const m = first.issue.masthead;
  const years = [...new Set(issues.map((p) => p.issue.masthead.date.trim().slice(0, 4)))];
  const title = req.title ?? `《${m.title}》\n${years.length > 1 ? `${years[0]}—${years.at(-1)}` : years[0]} 年合订本`;
  const span = issues.length > 1 ? `第 ${m.issue}—${last.issue.masthead.issue} 期` : `第 ${m.issue} 期`;
  const front = frontMatter(first, firstBook!, { title, span, publisher: m.publisher }, entries, req.recto);
  parts.unshift({ layout: front });

  const plainTitle = title.replace(/\s*\n\s*/g, '');
  const info = {
    title: plainTitle,
    author: m.publisher,
    subject: `${plainTitle}：${span.replace(/ /g, '')}，${issues.length} 期`,
    keywords: issues.map((p) => `第${p.issue.masthead.issue}期`),
    date: creationDate(last.issue.masthead.date),
  };
  let pdf: Buffer;
  try {
    pdf = await writeVolume(parts, first.style, info, { ...writeOptions(first, req.opts), pageLabels: [{ from: 0, style: 'r' }, { from: front.pages.length, style: 'D' }] });
  } catch (e) {
    // A face whose glyph data is damaged: reported at the style entry that named it (one style for all).
    if (!(e instanceof FaceError)) throw e;
    const entry = Object.values(firstBook!.chains).flat().find((f) => f.face.file === e.file)?.entry;
    throw new UserError({ ...faceOrigins(first.file, first.loaded, req.opts.styleFile).where(entry), message: e.message });
  }
  writeAtomic(req.output, pdf);
  const pages = parts.reduce((n, part) => n + part.layout.pages.length, 0);
  return { output: req.output, issues: issues.length, pages, bytes: pdf.length, warnings };
}

/** Issues that ask for the same faces share one font book (and its looked-up glyphs). */
const books = new Map<string, Promise<FontBook>>();

function facesFor(p: Prepared, opts: BuildOptions): Promise<FontBook> {
  const key = JSON.stringify([p.style.fonts, p.style.bold, resolve(dirname(p.file)), opts.styleFile && resolve(opts.styleFile)]);
  let book = books.get(key);
  if (!book) books.set(key, (book = openFaces(p, opts)));
  return book;
}

/** The page of each section heading (from the issue's bookmarks) or each item with a title. */
function subEntries(p: Prepared, layout: Layout, depth: 'sections' | 'items'): ContentsEntry[] {
  if (depth === 'sections') return layout.bookmarks.map((b) => ({ level: 1, text: b.title, page: layout.pages[b.page].number }));
  // An item's page is where its first paragraph starts: body blocks are each section's
  // heading, then its items' paragraphs, in order (compose/body.ts).
  const pageOfBlock = new Map<string, number>();
  for (const page of layout.pages) for (const d of page.draws) if (d.kind === 'text' && !pageOfBlock.has(d.block)) pageOfBlock.set(d.block, page.number);
  const out: ContentsEntry[] = [];
  let block = 0;
  for (const s of p.issue.sections) {
    block++;
    for (const it of s.items) {
      if (it.title) out.push({ level: 1, text: it.title, page: pageOfBlock.get(`body ${block}`) ?? layout.pages[0].number });
      block += splitParagraphs(it.body).length;
    }
  }
  return out;
}

/**
 * Title page and contents, unnumbered (the body's numbers start at 1 on the first issue's
 * masthead). They fill an even number of pages, so that page 1 is a recto and the page
 * numbers set outside (odd right, even left) fall on the outer edge of the printed book;
 * with --recto the title page's back is left blank too.
 */
function frontMatter(first: Prepared, book: FontBook, t: { title: string; span: string; publisher: string }, entries: ContentsEntry[], recto: boolean): Layout {
  const { style } = first;
  const geo = geometry(style);
  const fields: TextField[] = [
    { text: t.title.replace(/\n/g, ''), role: 'masthead', field: 'the volume title (--title)' },
    { text: t.span + t.publisher + '…0123456789', role: 'body', field: 'the title page and contents' },
    { text: CONTENTS_TITLE, role: 'heading', field: 'the contents heading' },
    ...entries.map((e) => ({ text: e.text + (e.date ?? ''), role: 'body' as const, field: 'the contents' })),
  ];
  const problems = checkCoverage(fields, book, first.file);
  if (problems.length) throw new UserError(problems);

  const blank = (): Page => ({ number: 0, draws: [] });
  const pages: Page[] = [composeTitlePage(t, style, geo, book)];
  if (recto) pages.push(blank());
  const contentsAt = pages.length;
  pages.push(...composeContents(entries, style, geo, book));
  if (pages.length % 2 === 1) pages.push(blank());
  return { pageW: geo.pageW, pageH: geo.pageH, pages, bookmarks: [{ title: '目录', page: contentsAt, y: geo.top }] };
}
