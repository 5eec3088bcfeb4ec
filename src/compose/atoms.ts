// Runs to atoms: one atom a visible character, with its width, how much of it may be
// squeezed, the gap before it and whether a line may break before it.
import { ALNUM, CURRENCY_SIGN, LETTER, NO_END, NO_START, NUMBER, STOP, charInfo, classOf, type CharClass } from './classify.js';
import type { ShapedGlyph, Shaper } from '../fonts/shaped-glyph.js';
import type { Measure, Run } from './types.js';

/**
 * A paragraph's atoms as parallel arrays, atom k at index k of each (a paragraph has
 * thousands of characters; an object for each, its numbers boxed, was half of all the
 * composer allocated). Only the first `length` entries are atoms.
 */
export interface Atoms {
  length: number;
  glyph: ShapedGlyph[];
  /** The character each glyph sets (what the rules between atoms read). */
  ch: string[];
  cls: CharClass[];
  /** The character's bits from charInfo (what the rules between atoms ask of it). */
  info: Uint16Array;
  /** FW, STRETCHY, BREAK, ALONE, TORN, GAP_AT_START. */
  flags: Uint8Array;
  size: Float64Array;
  /** The em of the atom's grid cell (pt): size × pitch ratio. */
  em: Float64Array;
  /** Width inside a line, after the compression of adjacent marks, pt. */
  w: Float64Array;
  /** Width when the atom ends a line (closing marks take half a cell), pt. */
  endW: Float64Array;
  /** Blank trimmed off the left side (an opening mark after another), pt. */
  trimL: Float64Array;
  /** What more may be squeezed from this mark mid-line, pt. */
  squeeze: Float64Array;
  /** Gap before this atom when it is not the first on its line, pt. */
  glue: Float64Array;
  /** Cost of a break before this atom (inside a kept run), on the scale of the line costs. */
  penalty: Float64Array;
  /** Horizontal scale and shift of the glyph inside its cell (a dash drawn cell-wide). */
  scaleX: Float64Array;
  dx: Float64Array;
}

/** Full-width (takes a whole grid cell). */
export const FW = 1;
/** The gap before this atom may take extra space when a line is justified. */
export const STRETCHY = 2;
/** A line may break before this atom. */
export const BREAK = 4;
/** A break before this atom ends the text: the line before is set like a last line and
 * the rest (a run marked `alone`) stands flush right on a line of its own. */
export const ALONE = 8;
/** A line starting at this atom opens with one character and a mark that may not start
 * a line (式，为…): the tail of a word torn off the line above. */
export const TORN = 16;
/** The fixed gap before this atom (after a lead title) stays when a line starts here:
 * the body under a title that fills its line starts one character in, not flush left. */
export const GAP_AT_START = 32;

/** Room for `cap` atoms: the numbers in one buffer, so a paragraph allocates few arrays. */
function newAtoms(cap: number): Atoms {
  const buf = new ArrayBuffer(cap * (10 * 8 + 2 + 1));
  const f64 = (k: number) => new Float64Array(buf, k * cap * 8, cap);
  return {
    length: 0,
    glyph: [],
    ch: [],
    cls: [],
    size: f64(0),
    em: f64(1),
    w: f64(2),
    endW: f64(3),
    trimL: f64(4),
    squeeze: f64(5),
    glue: f64(6),
    penalty: f64(7),
    scaleX: f64(8),
    dx: f64(9),
    info: new Uint16Array(buf, cap * 80, cap),
    flags: new Uint8Array(buf, cap * 82, cap),
  };
}

const QUARTER = 0.25;

export function buildAtoms(runs: Run[], shaper: Shaper, measure: Measure): Atoms {
  const ratio = measure.pitchRatio ?? 1;
  let cap = 0;
  for (const run of runs) cap += run.text.length;
  const A = newAtoms(cap);
  let pendingSpace = 0; // width of typed spaces since the last atom
  let pendingGap = 0; // a fixed gap asked for by a run
  for (const run of runs) {
    if (run.gapBefore) pendingGap += run.gapBefore;
    const runStart = A.length;
    const em = run.size * ratio;
    const fullWidth = run.size * 0.95;
    for (const glyph of shaper.shape(run.text, run.role, run.size)) {
      const ch = glyph.char;
      const info = charInfo(ch.codePointAt(0)!);
      const cls = classOf(info);
      if (cls === 'space') {
        pendingSpace += glyph.advance;
        continue;
      }
      const nat = glyph.advance;
      const fw = cls !== 'word' && nat >= fullWidth;
      let w = fw ? em * (nat / run.size) : nat;
      let scaleX = 1;
      let dx = 0;
      const ink = cls === 'dash' ? shaper.inkX(glyph) : undefined;
      if (ink && ink[1] > ink[0]) {
        // A Chinese dash fills its cell so that —— reads as one unbroken stroke.
        w = em;
        scaleX = em / (ink[1] - ink[0]);
        dx = -ink[0] * scaleX;
      }
      const k = A.length++;
      A.glyph.push(glyph);
      A.ch.push(ch);
      A.cls.push(cls);
      A.info[k] = info;
      A.size[k] = run.size;
      A.em[k] = em;
      A.w[k] = w;
      A.endW[k] = w;
      A.scaleX[k] = scaleX;
      A.dx[k] = dx;
      let flags = fw ? FW | STRETCHY | BREAK : STRETCHY | BREAK;
      if (k > 0) {
        A.glue[k] = gapBetween(A, k - 1, k, pendingSpace) + pendingGap;
        if (!mayBreak(A, k - 1, k, pendingSpace > 0 || pendingGap > 0)) flags &= ~BREAK;
        if (!mayStretch(A, k - 1, k, pendingSpace > 0)) flags &= ~STRETCHY;
      }
      if (k > 0 && pendingGap > 0 && run.gapAtLineStart) flags |= GAP_AT_START;
      A.flags[k] = flags;
      pendingSpace = 0;
      pendingGap = 0;
    }
    if (run.keep) keepTogether(A, runStart, measure.width, run.keep === true ? KEEP_PENALTY : run.keep);
    if (run.alone && A.length > runStart && runStart > 0 && (A.flags[runStart] & BREAK) !== 0) A.flags[runStart] |= ALONE;
  }
  squeezeAdjacentMarks(A);
  breakCosts(A);
  breakLongRuns(A, measure.width);
  return A;
}

/**
 * A run of —— or …… longer than a line may break between its pairs, at a cost above
 * any other break: the only other way is to refuse the paragraph.
 */
const LONG_RUN_PENALTY = 1000;

function breakLongRuns(A: Atoms, width: number): void {
  for (let k = 0; k < A.length; ) {
    const cls = A.cls[k];
    let end = k + 1;
    if (cls === 'dash' || cls === 'ellipsis') {
      let w = A.w[k];
      while (end < A.length && A.cls[end] === cls && A.glue[end] === 0) w += A.w[end++];
      if (w > width) {
        for (let j = k + 2; j < end; j += 2) {
          A.flags[j] |= BREAK;
          A.penalty[j] += LONG_RUN_PENALTY;
        }
      }
    }
    k = end;
  }
}

/**
 * Measure words and units that read as one with the number before them (2023 年,
 * 32000 亩, 12 项): a break between them costs more than any line within the gap target.
 */
const MEASURE_WORDS = new Set([...'年月日时号个家人项条台亩元万亿千百次户名所座辆吨斤米天岁期份批件处种篇本张位套间头只场届轮倍度']);
const MEASURE_PENALTY = 150;
/**
 * A line that opens with one character and a mark (式，为…) tears the end of a word off
 * the line above; stacked, such starts draw a white channel. A light cost (a line
 * stretched to 0.037 em costs as much): the search moves a break for it when the lines
 * stay about as even, never at the price of a loose one. A second one right under the
 * first costs more (see STACKED_TORN_PENALTY in linebreak.ts).
 */
const TORN_START_PENALTY = 40;

function breakCosts(A: Atoms): void {
  for (let k = 1; k < A.length; k++) {
    if ((A.flags[k] & BREAK) === 0) continue;
    if (isDigit(A, k - 1) && MEASURE_WORDS.has(A.ch[k])) A.penalty[k] += MEASURE_PENALTY;
    if (A.cls[k] === 'han' && A.cls[k - 1] === 'han' && k + 1 < A.length && (A.info[k + 1] & NO_START) !== 0) {
      A.penalty[k] += TORN_START_PENALTY;
      A.flags[k] |= TORN;
    }
  }
}

function isDigit(A: Atoms, k: number): boolean {
  if ((A.info[k] & NUMBER) !== 0) return true;
  const c = A.ch[k].charCodeAt(0);
  return c >= 0xff10 && c <= 0xff19; // full-width digits
}

/**
 * A break inside a kept run costs as much as a whole line stretched to the 0.05 em
 * limit: the run moves as one piece unless that leaves lines looser than the limit.
 * A run longer than half a line is not kept at all (it would leave a gaping line).
 */
const KEEP_PENALTY = 100;

function keepTogether(A: Atoms, from: number, width: number, penalty: number): void {
  let w = 0;
  for (let k = from; k < A.length; k++) w += A.w[k] + (k > from ? A.glue[k] : 0);
  if (w > width / 2) return;
  for (let k = from + 1; k < A.length; k++) A.penalty[k] = penalty;
}

/** The gap the composer puts between atoms a and b: a quarter em between Han and Latin. */
function gapBetween(A: Atoms, a: number, b: number, typedSpace: number): number {
  if ((A.info[a] & CURRENCY_SIGN) !== 0) return 0; // ￥100: the sign stays tight against its number
  // A half-width % ends its number: 100% 字 takes the gap as 100 字 does.
  const hanLatin = (A.cls[a] === 'han' && (A.info[b] & ALNUM) !== 0) || (((A.info[a] & ALNUM) !== 0 || A.ch[a] === '%') && A.cls[b] === 'han');
  if (hanLatin) return Math.max(A.em[a], A.em[b]) * QUARTER; // a typed space there is this gap, not more
  if (typedSpace > 0 && isSpaced(A.cls[a]) && isSpaced(A.cls[b])) return typedSpace; // a word space, or — 1 —
  return 0; // no gap next to punctuation, and typed spaces between Han characters vanish
}

/** Atoms between which a typed space stays a space. */
function isSpaced(cls: CharClass): boolean {
  return cls === 'word' || cls === 'dash' || cls === 'ellipsis';
}

function mayBreak(A: Atoms, a: number, b: number, spaced: boolean): boolean {
  if ((A.info[b] & NO_START) !== 0 || (A.info[a] & NO_END) !== 0) return false;
  if (A.ch[a] === '/' || A.ch[b] === '/') return false; // 微克/立方米, km/h: one unit
  const ca = A.cls[a];
  const cb = A.cls[b];
  if (ca === 'word' && cb === 'word') {
    // A number keeps its unit: 95.6 Mbps does not break at the space.
    return spaced && !((A.info[a] & NUMBER) !== 0 && (A.info[b] & LETTER) !== 0);
  }
  if ((ca === 'dash' && cb === 'dash') || (ca === 'ellipsis' && cb === 'ellipsis')) return false;
  return true;
}

function mayStretch(A: Atoms, a: number, b: number, spaced: boolean): boolean {
  const ca = A.cls[a];
  const cb = A.cls[b];
  if ((ca === 'dash' && cb === 'dash') || (ca === 'ellipsis' && cb === 'ellipsis')) return false;
  if (ca === 'word' && cb === 'word') return spaced; // never letter-space a word
  return true;
}

/** A pause or stop mark (，。、；：？！): squeezed only after brackets and quotes. */
export function isStop(A: Atoms, k: number): boolean {
  return (A.info[k] & STOP) !== 0;
}

/**
 * clreq: two adjacent full-width marks take 1.5 em, not 2. A closing mark gives up its
 * blank right half; an opening mark after an opening mark gives up its blank left half.
 * Marks that keep their full width may still be squeezed by half mid-line if a line
 * needs it, and a closing mark at a line end always takes half. The partner of a pair
 * already at 1.5 em gives at most a quarter more: a pair set at 1 em (`。（`) reads as one
 * knot, so no pair goes below 1.25 em mid-line.
 */
function squeezeAdjacentMarks(A: Atoms): void {
  const n = A.length;
  for (let i = 0; i < n; i++) {
    const cls = A.cls[i];
    if ((A.flags[i] & FW) === 0 || (cls !== 'open' && cls !== 'close')) continue;
    const half = A.w[i] / 2;
    let trimR = 0;
    if (cls === 'close' && i + 1 < n && (A.flags[i + 1] & FW) !== 0 && isMark(A.cls[i + 1]) && A.glue[i + 1] === 0) {
      trimR = half;
    } else if (cls === 'open' && i > 0 && (A.flags[i - 1] & FW) !== 0 && A.cls[i - 1] === 'open' && A.glue[i] === 0) {
      A.trimL[i] = half;
    }
    const trimL = A.trimL[i];
    A.w[i] -= trimL + trimR;
    A.squeeze[i] = trimL + trimR > 0 ? 0 : paired(A, i) ? half / 2 : half;
    A.endW[i] = cls === 'close' ? (trimR > 0 ? A.w[i] : A.w[i] - half) : A.w[i];
  }
}

/** Mark i sits against a full-width mark that gives up its half for the pair. */
function paired(A: Atoms, i: number): boolean {
  const prev = i > 0 && A.glue[i] === 0 && (A.flags[i - 1] & FW) !== 0 && A.cls[i - 1] === 'close';
  const next = A.cls[i] === 'open' && i + 1 < A.length && A.glue[i + 1] === 0 && (A.flags[i + 1] & FW) !== 0 && A.cls[i + 1] === 'open';
  return prev || next;
}

function isMark(cls: CharClass): boolean {
  return cls === 'open' || cls === 'close';
}
