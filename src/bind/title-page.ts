// The title page of a bound volume: the title in the masthead's face and red, a red rule,
// the issues it holds, and the publisher at the foot of the type area. Pure.
import type { Geometry } from '../compose/geometry.js';
import { baselineInRow } from '../compose/geometry.js';
import { single } from '../compose/masthead.js';
import { composeParagraph } from '../compose/paragraph.js';
import type { Line } from '../compose/types.js';
import type { Shaper } from '../fonts/shaped-glyph.js';
import type { Draw, Page } from '../paginate/types.js';
import type { Role, Style } from '../validate/style-schema.js';

export interface TitlePage {
  /** The title; a line feed starts a new line (the default title breaks after 》). */
  title: string;
  /** Which issues: `第 34—38 期`. */
  span: string;
  publisher: string;
}

/** The title's lines at the masthead size, shrinking to its least size when a line will not fit. */
function titleLines(title: string, style: Style, width: number, shaper: Shaper): { lines: Line[]; size: number } {
  const set = (size: number) =>
    title
      .split('\n')
      .filter((t) => t.trim())
      .flatMap((t) => composeParagraph([{ text: t.trim(), role: 'masthead', size }], { width, justify: false }, shaper).lines);
  let size = style.size.masthead;
  let lines = set(size);
  while (lines.length > title.split('\n').length && size > style.size.mastheadMin) lines = set(--size);
  return { lines, size };
}

export function composeTitlePage(t: TitlePage, style: Style, geo: Geometry, shaper: Shaper): Page {
  const draws: Draw[] = [];
  const lp = geo.linePitch;
  const centred = (part: 'title' | 'issue' | 'publisher', block: string, line: Line, y: number, ink: 'red' | 'text' = 'text') =>
    draws.push({ kind: 'text', part, block, x: geo.left + (geo.width - line.end) / 2, y, glyphs: line.glyphs, ink });

  // The title's block starts a fifth of the type area down, two grid rows a line.
  const { lines, size } = titleLines(t.title, style, geo.width, shaper);
  let row = Math.round(geo.lines / 5);
  for (const line of lines) {
    centred('title', 'volume title', line, baselineInRow(geo.top + row * lp, 2 * lp, size), 'red');
    row += 2;
  }
  const ruleY = geo.top + row * lp + lp / 2;
  draws.push({ kind: 'rule', x1: geo.left, x2: geo.left + geo.width, y: ruleY, width: style.masthead.ruleWidth, ink: 'red' });
  row += 2;
  const line = (text: string, role: Role, sz: number) => single(text, role, sz, shaper);
  centred('issue', 'volume span', line(t.span, 'body', style.size.issueLine), baselineInRow(geo.top + row * lp, lp, style.size.issueLine));
  const pubSize = Math.round(style.size.heading * 1.375);
  centred('publisher', 'volume publisher', line(t.publisher, 'body', pubSize), baselineInRow(geo.top + (geo.lines - 2) * lp, lp, pubSize));
  return { number: 0, draws };
}
