// Choose line breaks over the whole paragraph (total fit, as Knuth–Plass), with costs
// for Chinese: even spacing, squeezed punctuation only when it buys a better paragraph.
import { ALONE, BREAK, GAP_AT_START, STRETCHY, TORN, isStop, type Atoms } from './atoms.js';

export interface BreakOptions {
  /** Width available to the first line, pt. */
  first: number;
  /** Width available to every later line, pt. */
  rest: number;
}

/**
 * Stretch cost: 100 × (extra per gap / 0.05 em)³. The cube (Knuth–Plass uses the
 * cube too) makes one very loose line cost more than two moderately loose ones, so
 * forced slack is spread over the paragraph, which keeps the widest gap small.
 */
export const LOOSE_EM = 0.05;
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
/** A line that opens torn (式，为…) and ends before another torn start: two in a row
 * line up into a white channel, so the second costs this on top of its own penalty. */
export const STACKED_TORN_PENALTY = 40;

/** The extra cost of line [i, j) for torn starts at both of its ends. */
export function stackedTorn(atoms: Atoms, i: number, j: number): number {
  return i > 0 && j < atoms.length && (atoms.flags[i] & TORN) !== 0 && (atoms.flags[j] & TORN) !== 0 ? STACKED_TORN_PENALTY : 0;
}
/** Rounding allowance, pt. */
const EPS = 1e-6;

/** `count` zeroed arrays of `len` numbers sharing one buffer. */
function views(count: number, len: number): Float64Array[] {
  const buf = new Float64Array(count * len);
  const out: Float64Array[] = [];
  for (let k = 0; k < count; k++) out.push(buf.subarray(k * len, (k + 1) * len));
  return out;
}

/** Prefix sums so that any candidate line's width is O(1). */
class Sums {
  /** Prefix sums over the atoms before index i (entry 0 is 0): their widths … */
  width: Float64Array;
  /** … the glue before them … */
  glue: Float64Array;
  /** … what may be squeezed from them … */
  squeeze: Float64Array;
  /** … how many of the gaps before them may stretch … */
  gaps: Float64Array;
  /** … how many are marks that may be squeezed … */
  marks: Float64Array;
  /** … what may be squeezed from brackets and quotes (not stops) … */
  bracketSqueeze: Float64Array;
  /** … how many of those brackets and quotes there are … */
  brackets: Float64Array;
  /** … and how many are letters (Han or Latin, not punctuation). */
  letters: Float64Array;
  endCut: Float64Array; // per atom: what it gives up when it ends a line (w - endW)
  openSq: Float64Array; // per atom: its blank half when it is an opening mark that may drop it, else 0
  startGlue: Float64Array; // per atom: the gap it keeps when it starts a line (GAP_AT_START)
  /** No atom has a negative width or glue: a later start never makes a line wider. */
  monotone = true;
  /** A line from a given start never gets narrower, even squeezed, as it takes in more
   * atoms up to a later break (see chooseBreaks). */
  growing = true;
  constructor(atoms: Atoms) {
    // Views of one buffer: typed arrays each of their own per paragraph cost more to
    // allocate (each has its own backing store) than to fill.
    const [width, glue, squeeze, gaps, marks, bracketSqueeze, brackets, letters, endCut, openSq, startGlue] = views(11, atoms.length + 1);
    this.width = width;
    this.glue = glue;
    this.squeeze = squeeze;
    this.gaps = gaps;
    this.marks = marks;
    this.bracketSqueeze = bracketSqueeze;
    this.brackets = brackets;
    this.letters = letters;
    this.endCut = endCut;
    this.openSq = openSq;
    this.startGlue = startGlue;
    for (let i = 0; i < atoms.length; i++) {
      const aw = atoms.w[i];
      const glue = atoms.glue[i];
      const squeeze = atoms.squeeze[i];
      const stop = isStop(atoms, i);
      const cls = atoms.cls[i];
      this.width[i + 1] = this.width[i] + aw;
      this.glue[i + 1] = this.glue[i] + glue;
      this.squeeze[i + 1] = this.squeeze[i] + squeeze;
      this.gaps[i + 1] = this.gaps[i] + ((atoms.flags[i] & STRETCHY) !== 0 ? 1 : 0);
      this.marks[i + 1] = this.marks[i] + (squeeze > 0 ? 1 : 0);
      this.bracketSqueeze[i + 1] = this.bracketSqueeze[i] + (stop ? 0 : squeeze);
      this.brackets[i + 1] = this.brackets[i] + (squeeze > 0 && !stop ? 1 : 0);
      this.letters[i + 1] = this.letters[i] + (cls === 'han' || cls === 'word' ? 1 : 0);
      this.endCut[i] = aw - atoms.endW[i];
      this.startGlue[i] = (atoms.flags[i] & GAP_AT_START) !== 0 ? glue : 0;
      // At a line start an opening mark drops its whole blank half, even one that gives
      // only a quarter mid-line (its partner mark is on the line above).
      this.openSq[i] = cls === 'open' && squeeze > 0 ? aw / 2 : 0;
      if (!(aw >= 0 && glue >= 0)) this.monotone = false; // NaN too
      // Taken in mid-line, the atom adds w + glue and gives up its squeeze; at the end
      // of the line it gives up its end cut instead. An atom before a break swaps its end
      // cut for its squeeze when the line goes on.
      const cut = this.endCut[i];
      const beforeBreak = i + 1 < atoms.length && (atoms.flags[i + 1] & BREAK) !== 0;
      if (!(aw + glue - squeeze >= 0 && aw + glue - cut >= 0 && (!beforeBreak || cut - squeeze >= 0))) this.growing = false;
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

/** A fresh LineFit to fill (the search reuses one instead of allocating per candidate). */
function newFit(): LineFit {
  return { natural: 0, shrink: 0, marks: 0, shrinkB: 0, marksB: 0, startTrim: 0, gaps: 0 };
}

export function fitLine(sums: Sums, a: number, b: number, out: LineFit = newFit()): LineFit {
  fitWidth(sums, a, b, out);
  fitMarks(sums, a, b, out);
  return out;
}

/** The part of fitLine that says whether the line can fit at all: natural, shrink, startTrim. */
function fitWidth(sums: Sums, a: number, b: number, out: LineFit): void {
  out.natural = sums.width[b] - sums.width[a] + (sums.glue[b] - sums.glue[a + 1]) + sums.startGlue[a] - sums.endCut[b - 1];
  // A line-start opening mark is never squeezed in proportion: it drops its blank half
  // whole, or (a paragraph's first mark, set after the indent) keeps its full width.
  const inside = b - 1 > a;
  const open = inside && sums.openSq[a] > 0 ? sums.openSq[a] : 0;
  out.startTrim = a > 0 ? open : 0;
  const inner = inside ? sums.squeeze[b - 1] - sums.squeeze[open > 0 ? a + 1 : a] : 0;
  out.shrink = inner + out.startTrim;
}

/** The rest of fitLine: the marks and gaps that share the squeeze or the slack. */
function fitMarks(sums: Sums, a: number, b: number, out: LineFit): void {
  const inside = b - 1 > a;
  const openStart = inside && sums.openSq[a] > 0;
  out.marks = inside ? sums.marks[b - 1] - sums.marks[a] - (openStart ? 1 : 0) : 0;
  out.shrinkB = inside ? sums.bracketSqueeze[b - 1] - sums.bracketSqueeze[openStart ? a + 1 : a] : 0;
  out.marksB = inside ? sums.brackets[b - 1] - sums.brackets[a] - (openStart ? 1 : 0) : 0;
  out.gaps = sums.gaps[b] - sums.gaps[a + 1];
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
function settle(fit: LineFit, width: number, trimOK = true, out: Settled = newSettled()): Settled {
  let over = fit.natural - width;
  let trim = 0;
  if (over > EPS && fit.startTrim > 0 && trimOK) {
    trim = fit.startTrim;
    over -= trim;
  }
  out.trim = trim;
  out.ratioB = 0;
  out.ratioS = 0;
  out.slack = 0;
  if (over <= EPS) {
    out.slack = Math.max(0, -over);
    return out;
  }
  out.ratioB = fit.shrinkB > 0 ? Math.min(1, over / fit.shrinkB) : 0;
  over -= out.ratioB * fit.shrinkB;
  const shrinkS = fit.shrink - fit.startTrim - fit.shrinkB; // a kept start mark is never squeezed
  out.ratioS = over > EPS && shrinkS > 0 ? Math.min(1, over / shrinkS) : 0;
  return out;
}

function newSettled(): Settled {
  return { trim: 0, ratioB: 0, ratioS: 0, slack: 0 };
}

/** The stop squeeze (em of the grid cell) that leaves a mark 0.75 of its size wide. */
export function lightOf(atoms: Atoms): number {
  return Math.max(0.05, 1 - (0.75 * atoms.size[0]) / atoms.em[0]);
}

/**
 * The cheaper way to set a line that starts with an opening mark and is a little too
 * long: drop the mark's blank half whole (the rest becomes slack), or keep it and
 * squeeze the marks inside by just the excess. Dropping it always would open
 * (网址：…) by 0.07 em a gap where squeezing the colon by 2 pt does.
 * (`drop` and `keep` are filled and one of them returned: the search passes its own.)
 */
export function bestSettle(fit: LineFit, width: number, isLast: boolean, em: number, light: number, drop = newSettled(), keep = newSettled()): Settled {
  const s = settle(fit, width, true, drop);
  if (s.trim === 0 || fit.natural - (fit.shrink - fit.startTrim) > width + EPS) return s;
  settle(fit, width, false, keep);
  return settledCost(fit, keep, isLast, em, light) < settledCost(fit, s, isLast, em, light) ? keep : s;
}

const scratchDrop = newSettled();
const scratchKeep = newSettled();

/** Badness of setting a line of `fit` in `width`, or Infinity when it cannot be done. */
export function lineCost(fit: LineFit, width: number, isLast: boolean, em: number, light: number): number {
  if (fit.natural - fit.shrink > width + EPS) return Infinity;
  return settledCost(fit, bestSettle(fit, width, isLast, em, light, scratchDrop, scratchKeep), isLast, em, light);
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
 * For a loose line (it fits unsqueezed and spreads its slack over gaps): a little less
 * than lineCost: the cube (STRETCH_POWER) taken by multiplication, a few ulps from
 * pow()'s, and cut by a margin. 0 for any other line.
 */
function looseCostLow(fit: LineFit, width: number, em: number): number {
  const over = fit.natural - width;
  if (over > EPS || fit.gaps === 0) return 0;
  const slack = Math.max(0, -over);
  if (slack < EPS) return 0;
  const r = slack / fit.gaps / em / LOOSE_EM;
  return 100 * (r * r * r) * (1 - 1e-12);
}

/**
 * For a line that fits without squeezing: no more than the cost of any line from a
 * later start to the same end, which has no less slack over no more gaps (its cost
 * is either the stretch cost or, with no gaps, 1e6 × slack). The margin covers pow()'s
 * last-bit rounding.
 */
function laterLinesBound(cost: number, width: number, natural: number, em: number): number {
  return Math.min(cost, 1e6 * (Math.max(0, width - natural) / em)) * (1 - 1e-9);
}

/** In keptTotal: a loose line, to be priced exactly in the second pass. */
const LOOSE = -1;

/**
 * Break positions (indices of the atoms that start each line after the first). When
 * no arrangement avoids an overfull line, the greedy fallback lets one run over.
 *
 * Each line end j tries the open starts from the earliest (longest line) on. Once a
 * line fits unsqueezed, later starts only give looser lines, so the scan stops when
 * even the cheapest of their totals (the least best[] among them plus the bound on
 * their cost) cannot beat the best so far. pow() prices only the lines that may win
 * (see the two passes below). Among equal totals the latest start wins.
 */
export function chooseBreaks(atoms: Atoms, sums: Sums, widths: BreakOptions): number[] {
  const n = atoms.length;
  if (n === 0) return [];
  const em = atoms.em[0];
  const light = lightOf(atoms);
  // best[i]: least total cost to set atoms [0, i) with a break before atom i.
  // Open starts cand[head..tail), and least[k]: the least best[] of cand[k..tail).
  // keptK, keptBelow, keptTotal: the starts kept for the second pass at one line end.
  const [best, from, cand, least, keptK, keptBelow, keptTotal] = views(7, n + 1);
  best.fill(Infinity);
  from.fill(-1);
  best[0] = 0;
  let head = 0;
  let tail = 1;
  // cand[head..fitFrom) are too long, even squeezed, for any line end from here on.
  let fitFrom = 0;
  const reach = Math.max(widths.first, widths.rest);
  const fit = newFit();
  for (let j = 1; j <= n; j++) {
    if (j < n && (atoms.flags[j] & BREAK) === 0) continue;
    const isLast = j === n;
    // A break before a run that may stand alone leaves this line ragged like a last
    // line, at a small cost so the run stays on the text's line wherever it fits.
    const alone = j < n && (atoms.flags[j] & ALONE) !== 0;
    const penalty = j < n ? atoms.penalty[j] : 0;
    if (fitFrom < head) fitFrom = head;
    // First pass: each start that fits, priced from below and from above. A loose line
    // is priced by its cube taken by multiplication (within a hair of pow()'s), any
    // other line exactly. `bound`, the least price from above, is at least the least
    // exact total, so a start priced above it from below cannot win; the rest are kept.
    let bound = Infinity;
    let kept = 0;
    for (let k = fitFrom; k < tail; k++) {
      const i = cand[k];
      const width = i === 0 ? widths.first : widths.rest;
      fitWidth(sums, i, j, fit);
      // Too long even squeezed. Later starts are shorter, so scan on.
      if (fit.natural - fit.shrink > width + EPS) {
        // Past a clear margin, it stays too long at every later end: not tried again.
        if (k === fitFrom && sums.growing && j > i + 1 && fit.natural - fit.shrink > width + 2 * EPS) fitFrom++;
        continue;
      }
      // The last line holds two characters at least, punctuation not counted.
      if (isLast && i > 0 && sums.letters[j] - sums.letters[i] < 2) continue;
      fitMarks(sums, i, j, fit);
      const low = isLast || alone ? 0 : looseCostLow(fit, width, em);
      if (i > 0 && sums.monotone && fit.natural - width <= EPS) {
        // This line and every looser one after it cost at least `later`.
        const later = laterLinesBound(low, width, fit.natural, em) + (alone ? ALONE_COST : 0) + 1 + penalty;
        if (least[k] + later > bound) break;
      }
      // prefer fewer lines when all else is equal (the + 1)
      let below: number;
      let above: number;
      let exact = LOOSE;
      const linePenalty = penalty + stackedTorn(atoms, i, j);
      if (low > 0) {
        below = best[i] + (low + (alone ? ALONE_COST : 0) + 1 + linePenalty);
        // low is the multiplied cube less 1e-12 of it, and that cube is a few ulps from
        // pow()'s: 3e-12 more is above the exact cost.
        above = best[i] + (low * (1 + 3e-12) + (alone ? ALONE_COST : 0) + 1 + linePenalty);
      } else {
        exact = best[i] + (lineCost(fit, width, isLast || alone, em, light) + (alone ? ALONE_COST : 0) + 1 + linePenalty);
        below = above = exact;
      }
      if (below > bound) continue;
      if (above < bound) bound = above;
      keptK[kept] = k;
      keptBelow[kept] = below;
      keptTotal[kept] = exact;
      kept++;
    }
    // Second pass: the exact totals of the starts that may win; among equal totals the
    // latest start.
    for (let q = 0; q < kept; q++) {
      if (keptBelow[q] > bound) continue;
      const i = cand[keptK[q]];
      let total = keptTotal[q];
      if (total === LOOSE) {
        const width = i === 0 ? widths.first : widths.rest;
        fitLine(sums, i, j, fit);
        total = best[i] + (lineCost(fit, width, isLast || alone, em, light) + (alone ? ALONE_COST : 0) + 1 + penalty + stackedTorn(atoms, i, j));
      }
      if (total < best[j] || (total === best[j] && i > from[j])) {
        best[j] = total;
        from[j] = i;
      }
    }
    if (best[j] < Infinity) {
      cand[tail] = j;
      least[tail] = best[j];
      for (let k = tail - 1; k >= head && least[k] > best[j]; k--) least[k] = best[j];
      tail++;
      // Drop starts that are now so far back that no line from them can fit any more.
      while (tail - head > 1 && overReach(sums, cand[head], j, reach + atoms.em[j - 1] * 4, fit)) head++;
    }
  }
  if (best[n] === Infinity) return greedyOverflow(atoms, sums, widths);
  const breaks: number[] = [];
  for (let j = from[n]; j > 0; j = from[j]) breaks.push(j);
  return breaks.reverse();
}

/** Line [i, j) is wider, even squeezed, than `limit`. */
function overReach(sums: Sums, i: number, j: number, limit: number, fit: LineFit): boolean {
  fitWidth(sums, i, j, fit);
  return fit.natural - fit.shrink > limit;
}

/** Last resort for text that cannot be set without overflow (an unbreakable URL longer
 * than the line): break as late as possible, letting such a line run over. */
function greedyOverflow(atoms: Atoms, sums: Sums, widths: BreakOptions): number[] {
  const breaks: number[] = [];
  let start = 0;
  let k = 0;
  let lastOk = 0;
  for (let j = 1; j <= atoms.length; j++) {
    if (j < atoms.length && (atoms.flags[j] & BREAK) === 0) continue;
    const fit = fitLine(sums, start, j);
    if (fit.natural - fit.shrink <= (k === 0 ? widths.first : widths.rest) + EPS || lastOk <= start) {
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
