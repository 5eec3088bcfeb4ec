// Set one line: squeeze marks first when it is too long, then spread the slack evenly
// over the gaps between characters (never inside —— or ……, never inside a word).
import { STRETCHY, isStop, type Atoms } from './atoms.js';
import type { Line, PlacedGlyph } from './types.js';
import { bestSettle, fitLine, lightOf, type Sums } from './linebreak.js';

export function setLine(atoms: Atoms, sums: Sums, a: number, b: number, width: number, isLast: boolean, justify: boolean, indent: number): Line {
  const fit = fitLine(sums, a, b);
  // Share the squeeze in proportion, brackets and quotes before stops, so no single
  // mark is crushed: 0.5 em taken from five commas leaves each at 0.9 em.
  const { trim, ratioB, ratioS, slack } = bestSettle(fit, width, isLast, atoms.em[0], lightOf(atoms));
  const extra = !isLast && justify && fit.gaps > 0 ? slack / fit.gaps : 0;
  const glyphs: PlacedGlyph[] = [];
  let x = indent + sums.startGlue[a];
  for (let k = a; k < b; k++) {
    if (k > a) x += atoms.glue[k] + ((atoms.flags[k] & STRETCHY) !== 0 ? extra : 0);
    let w = k === b - 1 ? atoms.endW[k] : atoms.w[k];
    let shiftL = atoms.trimL[k];
    const open = atoms.cls[k] === 'open';
    const squeeze = atoms.squeeze[k];
    if (k === a && open) {
      w -= trim; // a line-start opening mark drops its blank half whole, or keeps it
      shiftL += trim;
    } else if (k < b - 1 && squeeze > 0 && (isStop(atoms, k) ? ratioS : ratioB) > 0) {
      const cut = squeeze * (isStop(atoms, k) ? ratioS : ratioB);
      w -= cut;
      if (open) shiftL += cut; // an opening mark's blank is on its left
    }
    const dx = atoms.dx[k];
    glyphs.push(placed(atoms, k, x - shiftL + dx, shiftL || dx ? x : undefined, w));
    x += w;
  }
  return { glyphs, end: x, last: isLast };
}

/** The glyph of atom k; keys in one order (cell and scaleX only when they say something). */
function placed(atoms: Atoms, k: number, x: number, cell: number | undefined, w: number): PlacedGlyph {
  const glyph = atoms.glyph[k];
  const g: PlacedGlyph = cell === undefined ? { glyph, x, w } : { glyph, x, cell, w };
  const scaleX = atoms.scaleX[k];
  if (scaleX !== 1) g.scaleX = scaleX;
  return g;
}
