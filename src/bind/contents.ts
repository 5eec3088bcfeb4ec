// The contents (目录) of a bound volume: one line for each issue (its issue line and
// date), the lines of its sections or items below it, each ending in leaders (……) and
// its page number flush right. Set by the composer, placed on pages here; pure.
import type { Geometry } from '../compose/geometry.js';
import { baselineInRow } from '../compose/geometry.js';
import { shift, single } from '../compose/masthead.js';
import { composeParagraph } from '../compose/paragraph.js';
import type { Line, PlacedGlyph } from '../compose/types.js';
import type { Shaper } from '../fonts/shaped-glyph.js';
import type { Draw, Page } from '../paginate/types.js';
import type { Style } from '../validate/style-schema.js';

export interface ContentsEntry {
  /** 0: an issue; 1: a section heading or item title under it. */
  level: 0 | 1;
  /** The entry's text; an issue's is its issue line, its date after a gap. */
  text: string;
  date?: string;
  /** The printed page number it points to. */
  page: number;
}

/** The contents heading: 目录 spaced by one character, in the heading face. */
export const CONTENTS_TITLE = '目　录';

/** Set and placed contents: pages of draws (not yet numbered), and the page of each entry. */
export function composeContents(entries: ContentsEntry[], style: Style, geo: Geometry, shaper: Shaper): Page[] {
  // The widest page number decides where the leaders stop, on every line alike.
  const last = String(Math.max(0, ...entries.map((e) => e.page)));
  const rows = entries.map((e) => entryLines(e, style, geo, shaper, last));

  const pages: Page[] = [];
  const bottom = geo.top + geo.height;
  let page: Page | undefined;
  let y = 0;
  const newPage = () => {
    page = { number: 0, draws: [] };
    pages.push(page);
    y = geo.top;
  };
  newPage();
  const headSize = Math.round(style.size.heading * 1.375); // 22 pt (二号) at the default
  const head = single(CONTENTS_TITLE, 'heading', headSize, shaper);
  page!.draws.push(text('heading', 'contents title', geo.left + (geo.width - head.end) / 2, baselineInRow(y, 2 * geo.linePitch, headSize), head));
  y += 3 * geo.linePitch;

  rows.forEach((r, i) => {
    // An issue's line never ends a page: it keeps its first entry with it.
    const next = rows[i + 1];
    const keep = r.level === 0 && next?.level === 1 ? next.height : 0;
    if (y + r.height + keep > bottom + 0.01) newPage();
    const top = y + r.gapAbove;
    r.lines.forEach((line, k) => {
      page!.draws.push(text('para', `contents ${i}`, geo.left, baselineInRow(top + k * r.pitch, r.pitch, r.size), line));
    });
    y += r.height;
  });
  return pages;
}

interface Row {
  level: 0 | 1;
  lines: Line[];
  size: number;
  pitch: number;
  gapAbove: number;
  height: number;
}

/** An entry's lines: the text wrapped short of the number, leaders and number on its last line. */
function entryLines(e: ContentsEntry, style: Style, geo: Geometry, shaper: Shaper, widestNumber: string): Row {
  const cell = geo.charPitch;
  let lines: Line[];
  let size: number;
  let pitch: number;
  if (e.level === 0) {
    size = style.size.body;
    pitch = geo.linePitch;
    const issue = single(e.text, 'body', size, shaper);
    lines = [e.date ? join(issue, shift(single(e.date, 'body', size, shaper), issue.end + 2 * size)) : issue];
  } else {
    size = style.size.end;
    pitch = size * style.end.leading;
    const numberRoom = single(widestNumber, 'body', size, shaper).end + 2 * size;
    const indent = 2 * cell;
    const para = composeParagraph([{ text: e.text, role: 'body', size }], { width: geo.width - numberRoom, indent, hang: indent, justify: false }, shaper);
    lines = para.lines;
  }
  const last = lines.length - 1;
  const room = single(widestNumber, 'body', size, shaper).end;
  lines[last] = withLeaders(lines[last], e.page, size, geo.width, room, shaper);
  // The first line of an issue stands a little apart from the entries of the one before.
  const gapAbove = e.level === 0 ? 0.25 * pitch : 0;
  return { level: e.level, lines, size, pitch, gapAbove, height: lines.length * pitch + gapAbove };
}

function join(a: Line, b: Line): Line {
  return { glyphs: [...a.glyphs, ...b.glyphs], end: b.end, last: true };
}

/**
 * Leaders from the text to the number, ending where the widest number starts, so that
 * the dots of every line of a size stand in the same columns; half a character's gap
 * on either side.
 */
function withLeaders(line: Line, page: number, size: number, width: number, numberRoom: number, shaper: Shaper): Line {
  const num = single(String(page), 'body', size, shaper);
  const numX = width - num.end;
  const [dot] = shaper.shape('…', 'body', size);
  const leaders: PlacedGlyph[] = [];
  for (let x = width - numberRoom - size / 2 - dot.advance; x >= line.end + size / 2; x -= dot.advance) leaders.push({ glyph: dot, x, w: dot.advance });
  leaders.reverse();
  return { glyphs: [...line.glyphs, ...leaders, ...shift(num, numX).glyphs], end: width, last: true };
}

function text(part: 'heading' | 'para', block: string, x: number, y: number, line: Line): Draw {
  return { kind: 'text', part, block, x, y, glyphs: line.glyphs, ink: 'text' };
}
