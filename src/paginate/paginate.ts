// Blocks onto pages: the masthead on page 1, the body on the grid, the end block on
// the foot of the last page (or a page of its own), page numbers and bookmarks.
import type { BodyBlock } from '../compose/body.js';
import type { EndBlock } from '../compose/end-block.js';
import { baselineInRow, type Geometry } from '../compose/geometry.js';
import type { MastheadLines } from '../compose/masthead.js';
import type { Line } from '../compose/types.js';
import type { Style } from '../validate/style-schema.js';
import { flow } from './flow.js';
import type { Draw, Layout, Page, Part } from './types.js';

export interface Composed {
  masthead: MastheadLines;
  body: BodyBlock[];
  end?: EndBlock;
  folio: (n: number) => Line;
}

export function paginate(c: Composed, style: Style, geo: Geometry): Layout {
  const pages: Page[] = [];
  const pageAt = (i: number) => {
    while (pages.length <= i) pages.push({ number: pages.length + 1, draws: [] });
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

  if (c.end) {
    const h = endBlockHeight(c.end, style);
    const bottom = geo.top + geo.height;
    const bodyBottom = rowTop(lastRowEnd);
    // The body never runs into the end block: the block's top rule stays below the
    // bottom of the last body row.
    const target = bodyBottom <= bottom - h ? lastPage : lastPage + 1;
    pageAt(target).draws.push(...placeEndBlock(c.end, style, geo, bottom - h));
  }
  if (style.folio.position !== 'none') {
    for (const page of pages) page.draws.push(placeFolio(c.folio(page.number), page.number, style, geo));
  }
  return { pageW: geo.pageW, pageH: geo.pageH, pages, bookmarks };
}

function textDraw(part: Part, block: string, x: number, y: number, line: Line, ink: 'red' | 'text' = 'text'): Draw {
  return { kind: 'text', part, block, x, y, glyphs: line.glyphs, ink };
}

/** The masthead rows: mark, two rows of title, the issue line, publisher and date, the rule. */
function placeMasthead(m: MastheadLines, style: Style, geo: Geometry): { draws: Draw[]; firstRow: number } {
  const draws: Draw[] = [];
  const lp = geo.linePitch;
  const rowTop = (r: number) => geo.top + r * lp;
  let r = 0;
  if (m.mark) draws.push(textDraw('mark', 'mark', geo.left, baselineInRow(rowTop(r++), lp, style.size.mark), m.mark));
  draws.push(textDraw('title', 'title', geo.left, baselineInRow(rowTop(r), 2 * lp, m.titleSize), m.title, 'red'));
  r += 2;
  draws.push(textDraw('issue', 'issue', geo.left, baselineInRow(rowTop(r++), lp, style.size.issueLine), m.issueLine));
  const pubBase = baselineInRow(rowTop(r++), lp, style.size.publisher);
  draws.push(textDraw('publisher', 'publisher', geo.left, pubBase, m.publisher));
  draws.push(textDraw('publisher', 'publisher', geo.left, pubBase, m.date));
  // The red rule 4 mm below the bottom of that line's characters.
  const ruleY = pubBase + 0.12 * style.size.publisher + style.masthead.ruleGap + style.masthead.ruleWidth / 2;
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

export function endBlockHeight(e: EndBlock, style: Style): number {
  const p = endPitch(style);
  const dist = e.distribution.length ? (e.distribution.length + 0.5) * p : 0;
  const staff = e.staff ? 1.5 * p : 0;
  return dist + staff;
}

/** Rule, distribution, rule, staff, rule; the last rule on the bottom edge of the type area. */
function placeEndBlock(e: EndBlock, style: Style, geo: Geometry, top: number): Draw[] {
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
  if (e.staff) {
    draws.push({ kind: 'rule', x1, x2, y, width: e.distribution.length ? inner : outer, ink: 'text' });
    draws.push(textDraw('staff', 'staff', geo.left, baselineInRow(y + 0.25 * p, p, e.size), e.staff));
    y += 1.5 * p;
  }
  draws.push({ kind: 'rule', x1, x2, y: y - outer / 2, width: outer, ink: 'text' });
  return draws;
}

/** `— N —`: the top of its characters 7 mm below the type area; odd right, even left. */
function placeFolio(line: Line, n: number, style: Style, geo: Geometry): Draw {
  const size = style.size.folio;
  const y = geo.top + geo.height + style.folio.gap + 0.88 * size;
  const cell = size;
  let x: number;
  if (style.folio.position === 'center') x = geo.left + (geo.width - line.end) / 2;
  else if (n % 2 === 1) x = geo.left + geo.width - cell - line.end;
  else x = geo.left + cell;
  return textDraw('folio', 'folio', x, y, line);
}
