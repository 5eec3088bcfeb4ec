// Runs to atoms: one atom a visible character, with its width, how much of it may be
// squeezed, the gap before it and whether a line may break before it.
import { ALNUM, CURRENCY_SIGN, LETTER, NO_END, NO_START, NUMBER, STOP, charInfo, classOf, type CharClass } from './classify.js';
import type { Measure, Metrics, Run } from './types.js';

export interface Atom {
  ch: string;
  font: string;
  size: number;
  cls: CharClass;
  /** The em of this atom's grid cell (pt): size × pitch ratio. */
  em: number;
  /** Full-width (takes a whole grid cell). */
  fw: boolean;
  /** Width inside a line, after the compression of adjacent marks, pt. */
  w: number;
  /** Blank trimmed off the left side (an opening mark after another), pt. */
  trimL: number;
  /** Blank trimmed off the right side (a closing mark before another mark), pt. */
  trimR: number;
  /** What more may be squeezed from this mark mid-line, pt. */
  squeeze: number;
  /** A pause or stop mark (，。、；：？！): squeezed only after brackets and quotes. */
  stop: boolean;
  /** Width when the atom ends a line (closing marks take half a cell), pt. */
  endW: number;
  /** Gap before this atom when it is not the first on its line, pt. */
  glue: number;
  /** The gap before this atom may take extra space when a line is justified. */
  stretchy: boolean;
  /** A line may break before this atom. */
  breakBefore: boolean;
  /** A break before this atom ends the text: the line before is set like a last line and
   * the rest (a run marked `alone`) stands flush right on a line of its own. */
  aloneBreak: boolean;
  /** Cost of a break before this atom (inside a kept run), on the scale of the line costs. */
  penalty: number;
  /** Horizontal scale and shift of the glyph inside its cell (a dash drawn cell-wide). */
  scaleX: number;
  dx: number;
  /** The character's bits from charInfo (what the rules between atoms ask of it). */
  info: number;
}

const QUARTER = 0.25;

/**
 * Advances of one face and size by code point, kept per Metrics object: a paragraph
 * asks for the same few hundred characters again and again, and a Metrics lookup is
 * a string-keyed map lookup in the fonts stage. Metrics answers never change.
 */
const advanceMemo = new WeakMap<Metrics, Map<string, Map<number, number>>>();

function advancesOf(metrics: Metrics, font: string, size: number): Map<number, number> {
  let byRun = advanceMemo.get(metrics);
  if (!byRun) advanceMemo.set(metrics, (byRun = new Map()));
  const key = font + '\u0000' + size;
  let adv = byRun.get(key);
  if (!adv) byRun.set(key, (adv = new Map()));
  return adv;
}

function advance(memo: Map<number, number>, cp: number, ch: string, metrics: Metrics, font: string, size: number): number {
  let w = memo.get(cp);
  if (w === undefined) memo.set(cp, (w = metrics.advance(ch, font, size)));
  return w;
}

export function buildAtoms(runs: Run[], metrics: Metrics, measure: Measure): Atom[] {
  const ratio = measure.pitchRatio ?? 1;
  const atoms: Atom[] = [];
  let pendingSpace = 0; // width of typed spaces since the last atom
  let pendingGap = 0; // a fixed gap asked for by a run
  for (const run of runs) {
    if (run.gapBefore) pendingGap += run.gapBefore;
    const runStart = atoms.length;
    const memo = advancesOf(metrics, run.font, run.size);
    const em = run.size * ratio;
    const fullWidth = run.size * 0.95;
    for (const ch of run.text) {
      if (ch === '\n' || ch === '\r') continue;
      const cp = ch.codePointAt(0)!;
      const info = charInfo(cp);
      const cls = classOf(info);
      if (cls === 'space') {
        pendingSpace += advance(memo, 32, ' ', metrics, run.font, run.size);
        continue;
      }
      const nat = advance(memo, cp, ch, metrics, run.font, run.size);
      const fw = cls !== 'word' && nat >= fullWidth;
      let w = fw ? em * (nat / run.size) : nat;
      let scaleX = 1;
      let dx = 0;
      const ink = cls === 'dash' ? metrics.ink?.(ch, run.font, run.size) : undefined;
      if (ink && ink[1] > ink[0]) {
        // A Chinese dash fills its cell so that —— reads as one unbroken stroke.
        w = em;
        scaleX = em / (ink[1] - ink[0]);
        dx = -ink[0] * scaleX;
      }
      const prev = atoms.length > 0 ? atoms[atoms.length - 1] : undefined;
      const atom: Atom = {
        ch,
        font: run.font,
        size: run.size,
        cls,
        em,
        fw,
        w,
        trimL: 0,
        trimR: 0,
        squeeze: 0,
        stop: (info & STOP) !== 0,
        endW: w,
        glue: 0,
        stretchy: true,
        breakBefore: true,
        aloneBreak: false,
        penalty: 0,
        scaleX,
        dx,
        info,
      };
      if (prev) {
        atom.glue = gapBetween(prev, atom, pendingSpace) + pendingGap;
        atom.breakBefore = mayBreak(prev, atom, pendingSpace > 0 || pendingGap > 0);
        atom.stretchy = mayStretch(prev, atom, pendingSpace > 0);
      }
      pendingSpace = 0;
      pendingGap = 0;
      atoms.push(atom);
    }
    if (run.keep) keepTogether(atoms, runStart, measure.width, run.keep === true ? KEEP_PENALTY : run.keep);
    if (run.alone && atoms.length > runStart && runStart > 0) atoms[runStart].aloneBreak = atoms[runStart].breakBefore;
  }
  squeezeAdjacentMarks(atoms);
  return atoms;
}

/**
 * A break inside a kept run costs as much as a whole line stretched to the 0.05 em
 * limit: the run moves as one piece unless that leaves lines looser than the limit.
 * A run longer than half a line is not kept at all (it would leave a gaping line).
 */
const KEEP_PENALTY = 100;

function keepTogether(atoms: Atom[], from: number, width: number, penalty: number): void {
  let w = 0;
  for (let k = from; k < atoms.length; k++) w += atoms[k].w + (k > from ? atoms[k].glue : 0);
  if (w > width / 2) return;
  for (let k = from + 1; k < atoms.length; k++) atoms[k].penalty = penalty;
}

/** The gap the composer puts between two atoms: a quarter em between Han and Latin. */
function gapBetween(a: Atom, b: Atom, typedSpace: number): number {
  if ((a.info & CURRENCY_SIGN) !== 0) return 0; // ￥100: the sign stays tight against its number
  // A half-width % ends its number: 100% 字 takes the gap as 100 字 does.
  const hanLatin = (a.cls === 'han' && (b.info & ALNUM) !== 0) || (((a.info & ALNUM) !== 0 || a.ch === '%') && b.cls === 'han');
  if (hanLatin) return Math.max(a.em, b.em) * QUARTER; // a typed space there is this gap, not more
  if (typedSpace > 0 && isSpaced(a) && isSpaced(b)) return typedSpace; // a word space, or — 1 —
  return 0; // no gap next to punctuation, and typed spaces between Han characters vanish
}

/** Atoms between which a typed space stays a space. */
function isSpaced(a: Atom): boolean {
  return a.cls === 'word' || a.cls === 'dash' || a.cls === 'ellipsis';
}

function mayBreak(a: Atom, b: Atom, spaced: boolean): boolean {
  if ((b.info & NO_START) !== 0 || (a.info & NO_END) !== 0) return false;
  if (a.ch === '/' || b.ch === '/') return false; // 微克/立方米, km/h: one unit
  if (a.cls === 'word' && b.cls === 'word') {
    // A number keeps its unit: 95.6 Mbps does not break at the space.
    return spaced && !((a.info & NUMBER) !== 0 && (b.info & LETTER) !== 0);
  }
  if ((a.cls === 'dash' && b.cls === 'dash') || (a.cls === 'ellipsis' && b.cls === 'ellipsis')) return false;
  return true;
}

function mayStretch(a: Atom, b: Atom, spaced: boolean): boolean {
  if ((a.cls === 'dash' && b.cls === 'dash') || (a.cls === 'ellipsis' && b.cls === 'ellipsis')) return false;
  if (a.cls === 'word' && b.cls === 'word') return spaced; // never letter-space a word
  return true;
}

/**
 * clreq: two adjacent full-width marks take 1.5 em, not 2. A closing mark gives up its
 * blank right half; an opening mark after an opening mark gives up its blank left half.
 * Marks that keep their full width may still be squeezed by half mid-line if a line
 * needs it, and a closing mark at a line end always takes half.
 */
function squeezeAdjacentMarks(atoms: Atom[]): void {
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (!a.fw || (a.cls !== 'open' && a.cls !== 'close')) continue;
    const half = a.w / 2;
    const next = atoms[i + 1];
    const prev = atoms[i - 1];
    if (a.cls === 'close' && next && next.fw && isMark(next) && next.glue === 0) {
      a.trimR = half;
    } else if (a.cls === 'open' && prev && prev.fw && prev.cls === 'open' && a.glue === 0) {
      a.trimL = half;
    }
    a.w -= a.trimL + a.trimR;
    a.squeeze = a.trimL + a.trimR > 0 ? 0 : half;
    a.endW = a.cls === 'close' ? (a.trimR > 0 ? a.w : a.w - half) : a.w;
  }
}

function isMark(a: Atom): boolean {
  return a.cls === 'open' || a.cls === 'close';
}
