// Compose one paragraph: runs of text in, shaped into glyphs, lines of positioned glyphs
// out. Pure: no PDF, no I/O.
import { ALONE, buildAtoms } from './atoms.js';
import { chooseBreaks, Sums } from './linebreak.js';
import { setLine } from './justify.js';
import type { Shaper } from '../fonts/shaped-glyph.js';
import type { Line, Measure, Paragraph, Run } from './types.js';

function flushRight(line: Line, right: number): Line {
  const dx = right - line.end;
  return { ...line, glyphs: line.glyphs.map((g) => ({ ...g, x: g.x + dx, ...(g.cell !== undefined ? { cell: g.cell + dx } : {}) })), end: right };
}

export function composeParagraph(runs: Run[], measure: Measure, shaper: Shaper): Paragraph {
  const atoms = buildAtoms(runs, shaper, measure);
  if (atoms.length === 0) return { lines: [] };
  const indent = measure.indent ?? 0;
  const hang = measure.hang ?? 0;
  const widthOf = (k: number) => measure.width - (k === 0 ? indent : hang);
  const sums = new Sums(atoms);
  const breaks = chooseBreaks(atoms, sums, { first: widthOf(0), rest: widthOf(1) });
  const starts = [0, ...breaks];
  const lines = starts.map((a, k) => {
    const b = k + 1 < starts.length ? starts[k + 1] : atoms.length;
    const isLast = k === starts.length - 1;
    const beforeAlone = !isLast && (atoms.flags[b] & ALONE) !== 0;
    const line = setLine(atoms, sums, a, b, widthOf(k), isLast || beforeAlone, measure.justify ?? true, k === 0 ? indent : hang);
    // A run standing alone on the last line is set flush right.
    if (isLast && k > 0 && (atoms.flags[a] & ALONE) !== 0) return flushRight(line, measure.width);
    return beforeAlone ? { ...line, last: false } : line;
  });
  return { lines };
}
