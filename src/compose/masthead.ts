// The masthead's lines: the title fitted to the type area, the issue line, the
// publisher and the date. Positions are relative; paginate puts them on page 1.
import type { Masthead } from '../validate/schema.js';
import type { Role, Style } from '../validate/style-schema.js';
import type { Shaper } from '../fonts/shaped-glyph.js';
import type { Geometry } from './geometry.js';
import { composeParagraph } from './paragraph.js';
import type { Line, PlacedGlyph } from './types.js';

export interface MastheadLines {
  mark?: Line;
  title: Line;
  titleSize: number;
  issueLine: Line;
  publisher: Line;
  date: Line;
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
  const cell = style.size.publisher;
  const publisher = shift(single(m.publisher, 'body', style.size.publisher, shaper), cell);
  const dateRaw = single(formatDate(m.date), 'body', style.size.publisher, shaper);
  const date = shift(dateRaw, geo.width - cell - dateRaw.end);
  return {
    mark: m.mark ? single(m.mark, 'heading', style.size.mark, shaper) : undefined,
    title: title.line,
    titleSize: title.size,
    issueLine: shift(issueLine, (geo.width - issueLine.end) / 2),
    publisher,
    date,
  };
}

/**
 * A title too wide shrinks (never squashes) down to the smallest size; a short one is
 * letter-spaced towards four fifths of the type area, at most `letterSpacing` characters
 * between characters.
 */
function fitTitle(text: string, style: Style, geo: Geometry, shaper: Shaper): { line: Line; size: number } {
  let size = style.size.masthead;
  let line = single(text, 'masthead', size, shaper);
  while (line.end > geo.width && size > style.size.mastheadMin) {
    size = Math.max(style.size.mastheadMin, size - 1);
    line = single(text, 'masthead', size, shaper);
  }
  const n = line.glyphs.length;
  if (n > 1 && line.end < geo.width * 0.8) {
    const extra = Math.min(style.masthead.letterSpacing * size, (geo.width * 0.8 - line.end) / (n - 1));
    const glyphs: PlacedGlyph[] = line.glyphs.map((g, i) => ({ ...g, x: g.x + i * extra }));
    line = { ...line, glyphs, end: line.end + extra * (n - 1) };
  }
  return { line: shift(line, (geo.width - line.end) / 2), size };
}
