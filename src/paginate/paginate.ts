// Blocks onto pages: the masthead on page 1, the body on the grid, the end block on
// the foot of the last page (or a page of its own), page numbers and bookmarks.
import type { BodyBlock } from '../compose/body.js';
import type { EndBlock } from '../compose/end-block.js';
import { baselineInRow, type Geometry } from '../compose/geometry.js';
import type { MastheadLines } from '../compose/masthead.js';
import type { Line } from '../compose/types.js';
import type { Style } from '../validate/style-schema.js';
import { flow } from './flow.js';
import type { Draw, Layout, LayoutWarning, Page, Part } from './types.js';

export interface Composed {
  masthead: MastheadLines;
  body: BodyBlock[];
  end?: EndBlock;
  folio: (n: number) => Line;
  /** Top of the page number's ink (its dash), pt above the baseline, when the face says. */
  folioInkTop?: number;
}

/** `firstNumber`: the printed number of the first page (a bound volume numbers straight through). */
export function paginate(c: Composed, style: Style, geo: Geometry, firstNumber = 1): Layout {
  const pages: Page[] = [];
  const pageAt = (i: number) => {
    while (pages.length <= i) pages.push({ number: firstNumber + pages.length, draws: [] });
    return pages[i];
  };
  const { draws: mastDraws, firstRow } = placeMasthead(c.masthead, style, geo);
  pageAt(0).draws.push(...mastDraws);

  const rowTop = (row: number) => geo.top + row * geo.linePitch;
  const bookmarks: Layout['bookmarks'] = [];
  const placements = flow(
    c.body.map((b) => ({ kind: b.kind, lines: b.lines.length })),
    geo.lines,
    firstRow,
  );
  let lastPage = 0;
  let lastRowEnd = firstRow;
  for (const p of placements) {
    const blk = c.body[p.block];
    const page = pageAt(p.page);
    if (blk.kind === 'heading' && p.from === 0) bookmarks.push({ title: blk.title, page: p.page, y: rowTop(p.row) });
    for (let i = 0; i < p.count; i++) {
      const line = blk.lines[p.from + i];
      const size = line.glyphs[0]?.glyph.size ?? style.size.body;
      page.draws.push(textDraw(blk.kind, `body ${p.block}`, geo.left, baselineInRow(rowTop(p.row + i), geo.linePitch, size), line));
    }
    lastPage = p.page;
    lastRowEnd = p.row + p.count;
  }

  const warnings: LayoutWarning[] = [];
  if (c.end) placeEnd(c.end, style, geo, pageAt, lastPage, rowTop(lastRowEnd), warnings);
  if (style.folio.position !== 'none') {
    for (const page of pages) page.draws.push(placeFolio(c.folio(page.number), page.number, style, geo, c.folioInkTop));
  }
  return { pageW: geo.pageW, pageH: geo.pageH, pages, bookmarks, warnings };
}

function textDraw(part: Part, block: string, x: number, y: number, line: Line, ink: 'red' | 'text' = 'text'): Draw {
  return { kind: 'text', part, block, x, y, glyphs: line.glyphs, ink };
}

/**
 * The masthead rows: the mark (a row a line), the title (two rows, or as many as its two
 * lines need), the issue line, the publisher (a row a line) with the date on its last
 * row or on a row of its own, the rule.
 */
function placeMasthead(m: MastheadLines, style: Style, geo: Geometry): { draws: Draw[]; firstRow: number } {
  const draws: Draw[] = [];
  const lp = geo.linePitch;
  const rowTop = (r: number) => geo.top + r * lp;
  let r = 0;
  for (const line of m.mark) draws.push(textDraw('mark', 'mark', geo.left, baselineInRow(rowTop(r++), lp, style.size.mark), line));
  // Each title line gets an equal share of the title's rows, 1.25 of its size at least.
  const n = m.title.length;
  const titleRows = Math.max(2, Math.ceil((n * 1.25 * m.titleSize) / lp - 1e-9));
  const share = (titleRows * lp) / n;
  m.title.forEach((line, k) => draws.push(textDraw('title', 'title', geo.left, baselineInRow(rowTop(r) + k * share, share, m.titleSize), line, 'red')));
  r += titleRows;
  draws.push(textDraw('issue', 'issue', geo.left, baselineInRow(rowTop(r++), lp, style.size.issueLine), m.issueLine));
  let pubBase = 0;
  for (const line of m.publisher) {
    pubBase = baselineInRow(rowTop(r++), lp, style.size.publisher);
    draws.push(textDraw('publisher', 'publisher', geo.left, pubBase, line));
  }
  if (m.dateOwnLine || m.publisher.length === 0) pubBase = baselineInRow(rowTop(r++), lp, style.size.publisher);
  draws.push(textDraw('publisher', 'publisher', geo.left, pubBase, m.date));
  // The red rule 4 mm below the bottom of that line's characters (of a double rule, its thick stroke, twice as wide).
  const thick = style.masthead.ruleWidth * (style.masthead.doubleRule ? 2 : 1);
  const ruleY = pubBase + 0.12 * style.size.publisher + style.masthead.ruleGap + thick / 2;
  const x1 = geo.left;
  const x2 = geo.left + geo.width;
  if (style.masthead.doubleRule) {
    draws.push({ kind: 'rule', x1, x2, y: ruleY, width: style.masthead.ruleWidth * 2, ink: 'red' });
    draws.push({ kind: 'rule', x1, x2, y: ruleY + style.masthead.ruleWidth * 2, width: style.masthead.ruleWidth / 2, ink: 'red' });
  } else {
    draws.push({ kind: 'rule', x1, x2, y: ruleY, width: style.masthead.ruleWidth, ink: 'red' });
  }
  // The body starts on the grid row after the first row wholly below the rule.
  const ruleBottom = ruleY + style.masthead.ruleWidth * (style.masthead.doubleRule ? 3 : 1);
  const firstClear = Math.ceil((ruleBottom - geo.top) / lp - 1e-9);
  return { draws, firstRow: firstClear + 1 };
}

function endPitch(style: Style): number {
  return style.size.end * style.end.leading;
}

function endBlockHeight(e: EndBlock, style: Style): number {
  const p = endPitch(style);
  const dist = e.distribution.length ? (e.distribution.length + 0.5) * p : 0;
  const staff = e.staff.length ? (e.staff.length + 0.5) * p : 0;
  return dist + staff;
}

/**
 * The end block at the foot of the last page, below the body; on a page of its own when
 * the body leaves too little room (with a notice: a page holding only the end block is
 * worth a look). A block taller than the type area flows: its distribution lines fill
 * pages from the top, and the rest, with the staff line, stands at the foot of the last.
 */
function placeEnd(e: EndBlock, style: Style, geo: Geometry, pageAt: (i: number) => Page, lastPage: number, bodyBottom: number, warnings: LayoutWarning[]): void {
  const p = endPitch(style);
  const bottom = geo.top + geo.height;
  const h = endBlockHeight(e, style);
  if (h <= geo.height + 1e-6) {
    // The body never runs into the end block: its top rule stays below the last body row.
    const target = bodyBottom <= bottom - h ? lastPage : lastPage + 1;
    pageAt(target).draws.push(...placeEndBlock(e, style, geo, bottom - h));
    if (target > lastPage) warnings.push({ part: 'distribution', page: target + 1, message: `the end block stands alone on page ${target + 1}: page ${lastPage + 1} has no room for its ${(h / p).toFixed(1)} lines; shorten the text or the distribution list to keep them together` });
    return;
  }
  const staffH = e.staff.length ? (e.staff.length + 0.5) * p : 0;
  const perPage = Math.floor((geo.height - 0.5 * p) / p);
  let rest = e.distribution;
  let page = lastPage + 1;
  while ((rest.length + 0.5) * p + staffH > geo.height && rest.length > 1) {
    const take = Math.max(1, Math.min(perPage, rest.length - 1));
    pageAt(page++).draws.push(...placeEndBlock({ ...e, distribution: rest.slice(0, take), staff: [] }, style, geo, geo.top, false));
    rest = rest.slice(take);
  }
  const last = { ...e, distribution: rest };
  pageAt(page).draws.push(...placeEndBlock(last, style, geo, bottom - endBlockHeight(last, style)));
  warnings.push({ part: 'distribution', page: page + 1, message: `the distribution list runs over ${page - lastPage} pages (${lastPage + 2}–${page + 1})` });
}

/** Rule, distribution, rule, staff, rule; the last rule on the bottom edge of the type
 * area (`closed`: a piece of a block that flows on has no last rule). */
function placeEndBlock(e: EndBlock, style: Style, geo: Geometry, top: number, closed = true): Draw[] {
  const p = endPitch(style);
  const x1 = geo.left;
  const x2 = geo.left + geo.width;
  const outer = style.end.ruleOuter;
  const inner = style.end.ruleInner;
  const draws: Draw[] = [];
  let y = top;
  draws.push({ kind: 'rule', x1, x2, y: y + outer / 2, width: outer, ink: 'text' });
  if (e.distribution.length) {
    e.distribution.forEach((line, i) => draws.push(textDraw('distribution', 'distribution', geo.left, baselineInRow(y + 0.25 * p + i * p, p, e.size), line)));
    y += (e.distribution.length + 0.5) * p;
  }
  if (e.staff.length) {
    draws.push({ kind: 'rule', x1, x2, y, width: e.distribution.length ? inner : outer, ink: 'text' });
    e.staff.forEach((line, i) => draws.push(textDraw('staff', 'staff', geo.left, baselineInRow(y + 0.25 * p + i * p, p, e.size), line)));
    y += (e.staff.length + 0.5) * p;
  }
  if (closed) draws.push({ kind: 'rule', x1, x2, y: y - outer / 2, width: outer, ink: 'text' });
  return draws;
}

/** `— N —`: the top of its ink (the dash, GB/T 9704) 7 mm below the type area, or of its
 * em box when the face does not say; odd right, even left. */
function placeFolio(line: Line, n: number, style: Style, geo: Geometry, inkTop?: number): Draw {
  const size = style.size.folio;
  const y = geo.top + geo.height + style.folio.gap + (inkTop ?? 0.88 * size);
  const cell = size;
  let x: number;
  if (style.folio.position === 'center') x = geo.left + (geo.width - line.end) / 2;
  else if (n % 2 === 1) x = geo.left + geo.width - cell - line.end;
  else x = geo.left + cell;
  return textDraw('folio', 'folio', x, y, line);
}
