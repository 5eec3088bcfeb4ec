// Choose line breaks over the whole paragraph (total fit, as Knuth–Plass), with costs
// for Chinese: even spacing, squeezed punctuation only when it buys a better paragraph.
import type { Atom } from './atoms.js';

export interface BreakOptions {
  /** Width available to line k (0 = the first line). */
  widthOf(k: number): number;
}

/** Per-gap extra space (in em) that counts as "as loose as we like to go". */
const LOOSE_EM = 0.05;
/** Cost of squeezing punctuation by half an em mid-line, set against stretching. */
const SQUEEZE_COST = 150;
/** A line this much looser than LOOSE_EM per gap is only a last resort. */
const EPS = 1e-6;

/** Prefix sums so that any candidate line's width is O(1). */
class Sums {
  w: Float64Array; // sum of atom widths
  g: Float64Array; // sum of glue before atoms
  s: Float64Array; // sum of squeezable amounts
  n: Int32Array; // count of stretchable gaps
  constructor(atoms: Atom[]) {
    const len = atoms.length + 1;
    this.w = new Float64Array(len);
    this.g = new Float64Array(len);
    this.s = new Float64Array(len);
    this.n = new Int32Array(len);
    for (let i = 0; i < atoms.length; i++) {
      const a = atoms[i];
      this.w[i + 1] = this.w[i] + a.w;
      this.g[i + 1] = this.g[i] + a.glue;
      this.s[i + 1] = this.s[i] + a.squeeze;
      this.n[i + 1] = this.n[i] + (a.stretchy ? 1 : 0);
    }
  }
}

export interface LineFit {
  /** Natural width of atoms [a, b) set as one line. */
  natural: number;
  /** How much squeezing the marks inside could take off. */
  shrink: number;
  /** Gaps that may take extra space. */
  gaps: number;
}

export function fitLine(atoms: Atom[], sums: Sums, a: number, b: number): LineFit {
  const last = atoms[b - 1];
  const natural = sums.w[b] - sums.w[a] + (sums.g[b] - sums.g[a + 1]) - (last.w - last.endW);
  const shrink = b - 1 > a ? sums.s[b - 1] - sums.s[a] : 0;
  const gaps = sums.n[b] - sums.n[a + 1];
  return { natural, shrink, gaps };
}

/** Badness of setting [a, b) in `width`, or Infinity when it cannot be done. */
function lineCost(atoms: Atom[], fit: LineFit, width: number, isLast: boolean, em: number): number {
  const { natural, shrink, gaps } = fit;
  if (natural > width + EPS) {
    const need = natural - width;
    if (need > shrink + EPS) return Infinity;
    return SQUEEZE_COST * (need / (em / 2)) + 10;
  }
  if (isLast) return 0;
  const slack = width - natural;
  if (slack < EPS) return 0;
  if (gaps === 0) return 1e6 * (slack / em);
  const perGap = slack / gaps / em;
  return 100 * (perGap / LOOSE_EM) ** 2;
}

/**
 * Break positions (indices of the atoms that start each line after the first), or
 * null when no arrangement avoids an overfull line.
 */
export function chooseBreaks(atoms: Atom[], opts: BreakOptions): number[] {
  const n = atoms.length;
  if (n === 0) return [];
  const sums = new Sums(atoms);
  const em = atoms[0].em;
  // best[i]: least total cost to set atoms [0, i) with a break before atom i.
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  const lineNo = new Int32Array(n + 1);
  best[0] = 0;
  const candidates: number[] = [0];
  for (let j = 1; j <= n; j++) {
    if (j < n && !atoms[j].breakBefore) continue;
    const isLast = j === n;
    for (let c = candidates.length - 1; c >= 0; c--) {
      const i = candidates[c];
      if (best[i] === Infinity) continue;
      const width = opts.widthOf(lineNo[i]);
      const fit = fitLine(atoms, sums, i, j);
      // Too long even squeezed. Earlier starts are longer still, but the first line
      // may be wider than the rest (a hanging indent), so scan on: the window is short.
      if (fit.natural - fit.shrink > width + EPS) continue;
      if (isLast && j - i < 2 && i > 0) continue; // the last line holds two characters at least
      let cost = lineCost(atoms, fit, width, isLast, em);
      if (cost === Infinity) continue;
      cost += 1; // prefer fewer lines when all else is equal
      const total = best[i] + cost;
      if (total < best[j]) {
        best[j] = total;
        from[j] = i;
        lineNo[j] = lineNo[i] + 1;
      }
    }
    if (best[j] < Infinity) {
      candidates.push(j);
      pruneCandidates(candidates, atoms, sums, j, opts);
    }
  }
  if (best[n] === Infinity) return greedyOverflow(atoms, sums, opts);
  const breaks: number[] = [];
  for (let j = from[n]; j > 0; j = from[j]) breaks.push(j);
  return breaks.reverse();
}

/** Drop starts that are now so far back that no line from them can fit any more. */
function pruneCandidates(candidates: number[], atoms: Atom[], sums: Sums, j: number, opts: BreakOptions): void {
  while (candidates.length > 1) {
    const i = candidates[0];
    const fit = fitLine(atoms, sums, i, j);
    // Widest line of any break: a generous bound (every line is at most the widest).
    if (fit.natural - fit.shrink > Math.max(opts.widthOf(0), opts.widthOf(1)) * 1.0 + atoms[j - 1].em * 4) candidates.shift();
    else break;
  }
}

/** Last resort for text that cannot be set without overflow (an unbreakable URL longer
 * than the line): break as late as possible, letting such a line run over. */
function greedyOverflow(atoms: Atom[], sums: Sums, opts: BreakOptions): number[] {
  const breaks: number[] = [];
  let start = 0;
  let k = 0;
  let lastOk = 0;
  for (let j = 1; j <= atoms.length; j++) {
    if (j < atoms.length && !atoms[j].breakBefore) continue;
    const fit = fitLine(atoms, sums, start, j);
    if (fit.natural - fit.shrink <= opts.widthOf(k) + EPS || lastOk <= start) {
      lastOk = j; // fits, or nothing fits yet and this overflowing piece must go alone
      continue;
    }
    breaks.push(lastOk);
    start = lastOk;
    k++;
    lastOk = j;
  }
  return breaks.filter((b) => b < atoms.length);
}

export { Sums };
