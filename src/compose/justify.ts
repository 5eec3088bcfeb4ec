// Set one line: squeeze marks first when it is too long, then spread the slack evenly
// over the gaps between characters (never inside —— or ……, never inside a word).
import type { Atom } from './atoms.js';
import type { Line, PlacedGlyph } from './types.js';
import { bestSettle, fitLine, lightOf, type Sums } from './linebreak.js';

export function setLine(atoms: Atom[], sums: Sums, a: number, b: number, width: number, isLast: boolean, justify: boolean, indent: number): Line {
  const fit = fitLine(atoms, sums, a, b);
  // Share the squeeze in proportion, brackets and quotes before stops, so no single
  // mark is crushed: 0.5 em taken from five commas leaves each at 0.9 em.
  const { trim, ratioB, ratioS, slack } = bestSettle(fit, width, isLast, atoms[0].em, lightOf(atoms[0]));
  const extra = !isLast && justify && fit.gaps > 0 ? slack / fit.gaps : 0;
  const glyphs: PlacedGlyph[] = [];
  let x = indent;
  for (let k = a; k < b; k++) {
    const at = atoms[k];
    if (k > a) x += at.glue + (at.stretchy ? extra : 0);
    let w = k === b - 1 ? at.endW : at.w;
    let shiftL = at.trimL;
    if (k === a && at.cls === 'open') {
      w -= trim; // a line-start opening mark drops its blank half whole, or keeps it
      shiftL += trim;
    } else if (k < b - 1 && at.squeeze > 0 && (at.stop ? ratioS : ratioB) > 0) {
      const cut = at.squeeze * (at.stop ? ratioS : ratioB);
      w -= cut;
      if (at.cls === 'open') shiftL += cut; // an opening mark's blank is on its left
    }
    glyphs.push({
      ch: at.ch,
      font: at.font,
      size: at.size,
      x: x - shiftL + at.dx,
      ...(shiftL || at.dx ? { cell: x } : {}),
      w,
      ...(at.scaleX !== 1 ? { scaleX: at.scaleX } : {}),
    });
    x += w;
  }
  return { glyphs, end: x, last: isLast };
}
