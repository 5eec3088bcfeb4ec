// Choose line breaks over the whole paragraph (total fit, as Knuth–Plass), with costs
// for Chinese: even spacing, squeezed punctuation only when it buys a better paragraph.
import type { Atom } from './atoms.js';

export interface BreakOptions {
  /** Width available to line k (0 = the first line). */
  widthOf(k: number): number;
}

/**
 * Stretch cost: 100 × (extra per gap / 0.05 em)³. The cube (Knuth–Plass uses the
 * cube too) makes one very loose line cost more than two moderately loose ones, so
 * forced slack is spread over the paragraph, which keeps the widest gap small.
 */
const LOOSE_EM = 0.05;
const STRETCH_POWER = 3;
/**
 * Squeezing marks lightly (each stays at least 0.75 of its size wide, so a comma still
 * reads as full width) costs at most 40, less than pushing a character down (one cell
 * of slack over 27 gaps, 0.037 em a gap, costs 40.6): clreq's "squeeze first". Deeper
 * squeezes set marks visibly narrow (see NARROW_STEP); a mark at half width costs 640, as much as
 * stretching by 0.093 em a gap.
 */
const LIGHT_SQUEEZE = 30;
const DEEP_SQUEEZE = 400;

/** Cost of squeezing brackets and quotes by their whole blank half (their ink stays
 * whole, so they go before the stops: the order of clreq and jlreq). */
const BRACKET_SQUEEZE = 20;

/**
 * A mark squeezed below 0.75 of its size reads as narrow: crossing that line costs a step
 * more than any line stretched within the 0.05 em target (100), so the composer spreads
 * slack up to the target before it sets a narrow mark (a 0.74 em comma once saved two
 * lines at 0.038 em), while a line looser than 0.066 em costs more than a narrow mark.
 */
const NARROW_STEP = 200;

/** `light`: the per-mark squeeze (em of the grid cell) that leaves a mark 0.75 of its size. */
function squeezeCost(perMark: number, light: number): number {
  if (perMark <= light + 1e-9) return LIGHT_SQUEEZE * (perMark / light) ** 2;
  return LIGHT_SQUEEZE + NARROW_STEP + DEEP_SQUEEZE * ((perMark - light) / (0.5 - light)) ** 2;
}
/** Putting a source unit on a line of its own costs about one line stretched to 0.05 em. */
const ALONE_COST = 100;
/** Rounding allowance, pt. */
const EPS = 1e-6;

/** Prefix sums so that any candidate line's width is O(1). */
class Sums {
  w: Float64Array; // sum of atom widths
  g: Float64Array; // sum of glue before atoms
  s: Float64Array; // sum of squeezable amounts
  n: Int32Array; // count of stretchable gaps
  m: Int32Array; // count of squeezable marks
  sb: Float64Array; // squeezable amounts of brackets and quotes (not stops)
  mb: Int32Array; // count of squeezable brackets and quotes
  c: Int32Array; // count of letters (not punctuation)
  constructor(atoms: Atom[]) {
    const len = atoms.length + 1;
    this.w = new Float64Array(len);
    this.g = new Float64Array(len);
    this.s = new Float64Array(len);
    this.n = new Int32Array(len);
    this.m = new Int32Array(len);
    this.sb = new Float64Array(len);
    this.mb = new Int32Array(len);
    this.c = new Int32Array(len);
    for (let i = 0; i < atoms.length; i++) {
      const a = atoms[i];
      this.w[i + 1] = this.w[i] + a.w;
      this.g[i + 1] = this.g[i] + a.glue;
      this.s[i + 1] = this.s[i] + a.squeeze;
      this.n[i + 1] = this.n[i] + (a.stretchy ? 1 : 0);
      this.m[i + 1] = this.m[i] + (a.squeeze > 0 ? 1 : 0);
      this.sb[i + 1] = this.sb[i] + (a.stop ? 0 : a.squeeze);
      this.mb[i + 1] = this.mb[i] + (a.squeeze > 0 && !a.stop ? 1 : 0);
      this.c[i + 1] = this.c[i] + (a.cls === 'han' || a.cls === 'word' ? 1 : 0);
    }
  }
}

export interface LineFit {
  /** Natural width of atoms [a, b) set as one line. */
  natural: number;
  /** How much squeezing the marks inside could take off (the line-start trim included). */
  shrink: number;
  /** Squeezable marks inside, the line-start opening mark not counted. */
  marks: number;
  /** Of `shrink` less `startTrim`: what brackets and quotes can give (taken first). */
  shrinkB: number;
  /** Of `marks`: the brackets and quotes. */
  marksB: number;
  /** Blank half of an opening mark that starts the line: dropped whole, before any
   * other mark is squeezed (clreq: a line-start opening bracket may lose its half em). */
  startTrim: number;
  /** Gaps that may take extra space. */
  gaps: number;
}

export function fitLine(atoms: Atom[], sums: Sums, a: number, b: number): LineFit {
  const last = atoms[b - 1];
  const natural = sums.w[b] - sums.w[a] + (sums.g[b] - sums.g[a + 1]) - (last.w - last.endW);
  const first = atoms[a];
  // A line-start opening mark is never squeezed in proportion: it drops its blank half
  // whole, or (a paragraph's first mark, set after the indent) keeps its full width.
  const openStart = b - 1 > a && first.cls === 'open' && first.squeeze > 0;
  const startTrim = openStart && a > 0 ? first.squeeze : 0;
  const inner = b - 1 > a ? sums.s[b - 1] - sums.s[a] - (openStart ? first.squeeze : 0) : 0;
  const shrink = inner + startTrim;
  const marks = b - 1 > a ? sums.m[b - 1] - sums.m[a] - (openStart ? 1 : 0) : 0;
  const shrinkB = b - 1 > a ? sums.sb[b - 1] - sums.sb[a] - (openStart ? first.squeeze : 0) : 0;
  const marksB = b - 1 > a ? sums.mb[b - 1] - sums.mb[a] - (openStart ? 1 : 0) : 0;
  const gaps = sums.n[b] - sums.n[a + 1];
  return { natural, shrink, marks, shrinkB, marksB, startTrim, gaps };
}

export interface Settled {
  /** Blank half dropped from a line-start opening mark, pt. */
  trim: number;
  /** Share (0–1) of its squeeze cut from each bracket or quote mid-line. */
  ratioB: number;
  /** Share (0–1) of its squeeze cut from each pause or stop mark mid-line. */
  ratioS: number;
  /** Space left to spread over the gaps, pt. */
  slack: number;
}

/**
 * How a line meets its width. Compress first, then expand. The compression goes in
 * the order of clreq and jlreq: a line-start opening mark's blank half, then the
 * blank halves of brackets and quotes (their ink stays whole), shared in proportion,
 * and only then pause and stop marks (，。、；：？！), shared in proportion.
 */
export function settle(fit: LineFit, width: number, trimOK = true): Settled {
  let over = fit.natural - width;
  let trim = 0;
  if (over > EPS && fit.startTrim > 0 && trimOK) {
    trim = fit.startTrim;
    over -= trim;
  }
  if (over <= EPS) return { trim, ratioB: 0, ratioS: 0, slack: Math.max(0, -over) };
  const ratioB = fit.shrinkB > 0 ? Math.min(1, over / fit.shrinkB) : 0;
  over -= ratioB * fit.shrinkB;
  const shrinkS = fit.shrink - fit.startTrim - fit.shrinkB; // a kept start mark is never squeezed
  const ratioS = over > EPS && shrinkS > 0 ? Math.min(1, over / shrinkS) : 0;
  return { trim, ratioB, ratioS, slack: 0 };
}

/** The stop squeeze (em of the grid cell) that leaves a mark 0.75 of its size wide. */
export function lightOf(a: Atom): number {
  return Math.max(0.05, 1 - (0.75 * a.size) / a.em);
}

/**
 * The cheaper way to set a line that starts with an opening mark and is a little too
 * long: drop the mark's blank half whole (the rest becomes slack), or keep it and
 * squeeze the marks inside by just the excess. Dropping it always would open
 * (网址：…) by 0.07 em a gap where squeezing the colon by 2 pt does.
 */
export function bestSettle(fit: LineFit, width: number, isLast: boolean, em: number, light: number): Settled {
  const s = settle(fit, width);
  if (s.trim === 0 || fit.natural - (fit.shrink - fit.startTrim) > width + EPS) return s;
  const keep = settle(fit, width, false);
  return settledCost(fit, keep, isLast, em, light) < settledCost(fit, s, isLast, em, light) ? keep : s;
}

/** Badness of setting [a, b) in `width`, or Infinity when it cannot be done. */
function lineCost(fit: LineFit, width: number, isLast: boolean, em: number, light: number): number {
  if (fit.natural - fit.shrink > width + EPS) return Infinity;
  return settledCost(fit, bestSettle(fit, width, isLast, em, light), isLast, em, light);
}

function settledCost(fit: LineFit, settled: Settled, isLast: boolean, em: number, light: number): number {
  const { shrink, gaps } = fit;
  const { trim, ratioB, ratioS, slack } = settled;
  const trimCost = trim > 0 ? 20 : 0;
  if (ratioB > 0 || ratioS > 0) {
    // Brackets and quotes keep their ink at any squeeze: cheap. Stops as before.
    const perB = fit.marksB ? (ratioB * fit.shrinkB) / fit.marksB / em : 0;
    const marksS = fit.marks - fit.marksB;
    const perS = marksS ? (ratioS * (shrink - fit.startTrim - fit.shrinkB)) / marksS / em : 0;
    return trimCost + 10 + BRACKET_SQUEEZE * (perB / 0.5) ** 2 + (perS > 0 ? squeezeCost(perS, light) : 0);
  }
  if (isLast) return trimCost;
  if (slack < EPS) return trimCost;
  if (gaps === 0) return trimCost + 1e6 * (slack / em);
  const perGap = slack / gaps / em;
  return trimCost + 100 * (perGap / LOOSE_EM) ** STRETCH_POWER;
}

/**
 * Break positions (indices of the atoms that start each line after the first). When
 * no arrangement avoids an overfull line, the greedy fallback lets one run over.
 */
export function chooseBreaks(atoms: Atom[], opts: BreakOptions): number[] {
  const n = atoms.length;
  if (n === 0) return [];
  const sums = new Sums(atoms);
  const em = atoms[0].em;
  const light = lightOf(atoms[0]);
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
      // The last line holds two characters at least, punctuation not counted.
      if (isLast && i > 0 && sums.c[j] - sums.c[i] < 2) continue;
      // A break before a run that may stand alone leaves this line ragged like a last
      // line, at a small cost so the run stays on the text's line wherever it fits.
      const alone = j < n && atoms[j].aloneBreak === true;
      let cost = lineCost(fit, width, isLast || alone, em, light) + (alone ? ALONE_COST : 0);
      if (cost === Infinity) continue;
      cost += 1; // prefer fewer lines when all else is equal
      if (j < n) cost += atoms[j].penalty;
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
