// Set one line: squeeze marks first when it is too long, then spread the slack over the
// gaps between characters (never inside —— or ……, never inside a word).
import { FW, STRETCHY, isStop, type Atoms } from './atoms.js';
import type { Line, PlacedGlyph } from './types.js';
import { LOOSE_EM, bestSettle, fitLine, lightOf, type Sums } from './linebreak.js';

export function setLine(atoms: Atoms, sums: Sums, a: number, b: number, width: number, isLast: boolean, justify: boolean, indent: number): Line {
  const fit = fitLine(sums, a, b);
  // Brackets and quotes give first, then stops; the marks of each kind give the same
  // amount, each down to its own limit, so no single mark is crushed: 0.5 em taken from
  // five commas leaves each at 0.9 em.
  const { trim, ratioB, ratioS, slack } = bestSettle(fit, width, isLast, atoms.em[0], lightOf(atoms));
  const cutB = ratioB > 0 ? evenCut(atoms, a, b, false, ratioB * fit.shrinkB) : 0;
  const cutS = ratioS > 0 ? evenCut(atoms, a, b, true, ratioS * (fit.shrink - fit.startTrim - fit.shrinkB)) : 0;
  const stretch = !isLast && justify && fit.gaps > 0 ? slack : 0;
  let beside = 0;
  if (stretch > 0) for (let k = a + 1; k < b; k++) if ((atoms.flags[k] & STRETCHY) !== 0 && besideBlank(atoms, k)) beside++;
  // The gaps between letters take the slack first (see besideBlank), up to the 0.05 em
  // target; the gaps beside marks take what is left. A line looser than the target (all
  // gaps at it) is spread evenly: no Han gap opens wider than even spreading would open it.
  const target = LOOSE_EM * atoms.em[0];
  const extra = stretch > 0 ? Math.max(Math.min(beside < fit.gaps ? stretch / (fit.gaps - beside) : Infinity, target), stretch / fit.gaps) : 0;
  const extraBeside = beside > 0 ? (stretch - (fit.gaps - beside) * extra) / beside : 0;
  const glyphs: PlacedGlyph[] = [];
  let x = indent + sums.startGlue[a];
  for (let k = a; k < b; k++) {
    if (k > a) x += atoms.glue[k] + ((atoms.flags[k] & STRETCHY) !== 0 ? (beside > 0 && besideBlank(atoms, k) ? extraBeside : extra) : 0);
    let w = k === b - 1 ? atoms.endW[k] : atoms.w[k];
    let shiftL = atoms.trimL[k];
    const open = atoms.cls[k] === 'open';
    const squeeze = atoms.squeeze[k];
    if (k === a && open) {
      w -= trim; // a line-start opening mark drops its blank half whole, or keeps it
      shiftL += trim;
    } else if (k < b - 1 && squeeze > 0 && (isStop(atoms, k) ? cutS : cutB) > 0) {
      const cut = Math.min(squeeze, isStop(atoms, k) ? cutS : cutB);
      w -= cut;
      if (open) shiftL += cut; // an opening mark's blank is on its left
    }
    const dx = atoms.dx[k];
    glyphs.push(placed(atoms, k, x - shiftL + dx, shiftL || dx ? x : undefined, w));
    x += w;
  }
  return { glyphs, end: x, last: isLast };
}

/**
 * The gap before atom k lies beside a mark's blank half (after ，。）”, before （“): the
 * blank already sets the mark apart, and opened further it sets the mark wider than the
 * same mark on the next line, so stops of one width read unevenly down the page. As in
 * jlreq's expansion order, such gaps take extra space only once the gaps between letters
 * have taken theirs.
 */
function besideBlank(atoms: Atoms, k: number): boolean {
  return ((atoms.flags[k - 1] & FW) !== 0 && atoms.cls[k - 1] === 'close') || ((atoms.flags[k] & FW) !== 0 && atoms.cls[k] === 'open');
}

/**
 * The squeeze each mid-line mark of one kind (stops, or brackets and quotes) gives so that
 * together they give `total`: the same for all, a mark with less to give (the partner of a
 * pair, a quarter em) giving all it has. Cut in proportion to what each could give, a
 * comma on a line with a paired one (”，) would give twice as much as that one and read
 * narrower than the commas around it; even cuts keep the stops of a line alike.
 */
function evenCut(atoms: Atoms, a: number, b: number, stops: boolean, total: number): number {
  const caps: number[] = [];
  for (let k = a; k < b - 1; k++) {
    if (atoms.squeeze[k] > 0 && !(k === a && atoms.cls[k] === 'open') && isStop(atoms, k) === stops) caps.push(atoms.squeeze[k]);
  }
  caps.sort((p, q) => p - q);
  let left = total;
  for (let i = 0; i < caps.length; i++) {
    const share = left / (caps.length - i);
    if (caps[i] >= share) return share;
    left -= caps[i];
  }
  return Infinity; // every mark gives all it has
}

/** The glyph of atom k; keys in one order (cell and scaleX only when they say something). */
function placed(atoms: Atoms, k: number, x: number, cell: number | undefined, w: number): PlacedGlyph {
  const glyph = atoms.glyph[k];
  const g: PlacedGlyph = cell === undefined ? { glyph, x, w } : { glyph, x, cell, w };
  const scaleX = atoms.scaleX[k];
  if (scaleX !== 1) g.scaleX = scaleX;
  return g;
}
