// The masthead's lines: the title fitted to the type area, the issue line, the
// publisher and the date. Positions are relative; paginate puts them on page 1.
import type { Masthead } from '../validate/schema.js';
import type { Role, Style } from '../validate/style-schema.js';
import type { Shaper } from '../fonts/shaped-glyph.js';
import type { Geometry } from './geometry.js';
import { composeParagraph } from './paragraph.js';
import type { Line, PlacedGlyph, Run } from './types.js';
import { noEnd, noStart } from './classify.js';

export interface MastheadLines {
  /** The mark, wrapped to the type area (none when the issue has no mark). */
  mark: Line[];
  /** The title: one line, or two centred lines when one cannot hold it at the least size. */
  title: Line[];
  titleSize: number;
  issueLine: Line;
  /** The publisher, one character in, wrapped if it is longer than a line. */
  publisher: Line[];
  /** The date, one character in from the right. */
  date: Line;
  /** The date takes a line of its own, below the publisher's last line. */
  dateOwnLine: boolean;
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.trim().split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

export function issueLineText(m: Masthead): string {
  return `第 ${m.issue} 期${m.total ? `（总第 ${m.total} 期）` : ''}`;
}

/** Set a single line flush left without justification; centring is done by moving it. */
export function single(text: string, role: Role, size: number, shaper: Shaper, pitchRatio = 1): Line {
  const p = composeParagraph([{ text, role, size }], { width: 1e6, justify: false, pitchRatio }, shaper);
  return p.lines[0] ?? { glyphs: [], end: 0, last: true };
}

export function shift(line: Line, dx: number): Line {
  return { ...line, glyphs: line.glyphs.map((g) => ({ ...g, x: g.x + dx })), end: line.end + dx };
}

export function composeMasthead(m: Masthead, style: Style, geo: Geometry, shaper: Shaper): MastheadLines {
  const title = fitTitle(m.title, style, geo, shaper);
  const issueLine = single(issueLineText(m), 'body', style.size.issueLine, shaper);
  const size = style.size.publisher;
  const cell = size;
  const inner = geo.width - 2 * cell;
  const publisher = composeParagraph([{ text: m.publisher, role: 'body', size }], { width: inner, justify: false }, shaper).lines.map((l) => shift(l, cell));
  const dateRaw = single(formatDate(m.date), 'body', size, shaper);
  const date = shift(dateRaw, geo.width - cell - dateRaw.end);
  // At least one character between the publisher and the date, or the date goes below.
  const last = publisher[publisher.length - 1];
  const dateOwnLine = last !== undefined && last.end + cell > date.glyphs[0].x;
  return {
    mark: m.mark ? composeMark(m.mark, style.size.mark, geo, shaper) : [],
    title: title.lines,
    titleSize: title.size,
    issueLine: shift(issueLine, (geo.width - issueLine.end) / 2),
    publisher,
    date,
    dateOwnLine,
  };
}

/** The mark as its author spaced it (内部资料 注意保存: each typed space one character
 * wide), wrapped at the type area's width. */
function composeMark(text: string, size: number, geo: Geometry, shaper: Shaper): Line[] {
  const runs: Run[] = [];
  for (const m of text.trim().matchAll(/([\s\u3000]*)([^\s\u3000]+)/g)) {
    runs.push({ text: m[2], role: 'heading', size, ...(m[1] ? { gapBefore: m[1].length * size } : {}) });
  }
  return composeParagraph(runs, { width: geo.width, justify: false }, shaper).lines;
}

/**
 * A title too wide shrinks (never squashes) down to the smallest size; a short one is
 * letter-spaced towards four fifths of the type area, at most `letterSpacing` characters
 * between characters. One still too wide at the smallest size goes on two centred lines,
 * at the largest size at which both fit (or, if none does, the smallest: the check for
 * text outside the type area then names the title).
 */
function fitTitle(text: string, style: Style, geo: Geometry, shaper: Shaper): { lines: Line[]; size: number } {
  let size = style.size.masthead;
  let line = single(text, 'masthead', size, shaper);
  while (line.end > geo.width && size > style.size.mastheadMin) {
    size = Math.max(style.size.mastheadMin, size - 1);
    line = single(text, 'masthead', size, shaper);
  }
  if (line.end > geo.width) return twoLineTitle(text, style, geo, shaper);
  const n = line.glyphs.length;
  if (n > 1 && line.end < geo.width * 0.8) {
    const extra = Math.min(style.masthead.letterSpacing * size, (geo.width * 0.8 - line.end) / (n - 1));
    const glyphs: PlacedGlyph[] = line.glyphs.map((g, i) => ({ ...g, x: g.x + i * extra }));
    line = { ...line, glyphs, end: line.end + extra * (n - 1) };
  }
  return { lines: [shift(line, (geo.width - line.end) / 2)], size };
}

function twoLineTitle(text: string, style: Style, geo: Geometry, shaper: Shaper): { lines: Line[]; size: number } {
  const chars = [...text.trim()];
  const min = style.size.mastheadMin;
  let pair: { lines: Line[]; size: number } | undefined;
  for (let size = style.size.masthead; !pair && size >= min; size = size > min ? Math.max(min, size - 1) : min - 1) {
    // At the least size, the most even split even if it is too wide (the caller's check names it).
    pair = splitEvenly(chars, size, shaper, size === min ? Infinity : geo.width);
  }
  // No break allowed anywhere (one Latin word): one line, too wide.
  if (!pair) pair = { lines: [single(text, 'masthead', min, shaper)], size: min };
  return { lines: pair.lines.map((l) => shift(l, (geo.width - l.end) / 2)), size: pair.size };
}

/** The title in two lines of about equal width (a break clreq allows), if both fit in `width`. */
function splitEvenly(chars: string[], size: number, shaper: Shaper, width: number): { lines: Line[]; size: number } | undefined {
  let best: Line[] | undefined;
  let widest = Infinity;
  for (let k = 1; k < chars.length; k++) {
    if (noStart(chars[k]) || noEnd(chars[k - 1]) || (/\w/.test(chars[k - 1]) && /\w/.test(chars[k]))) continue;
    const a = single(chars.slice(0, k).join(''), 'masthead', size, shaper);
    const b = single(chars.slice(k).join(''), 'masthead', size, shaper);
    const w = Math.max(a.end, b.end);
    if (w <= width && w < widest) {
      widest = w;
      best = [a, b];
    }
  }
  return best ? { lines: best, size } : undefined;
}
