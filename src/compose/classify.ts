// Character classes for Chinese line composition (W3C clreq, strict level).

export type CharClass =
  | 'han' // ideographs, kana, full-width letters: one grid cell, breakable on both sides
  | 'open' // opening brackets and quotes: never at a line end
  | 'close' // closing brackets, quotes and the pause/stop marks: never at a line start
  | 'dash' // — : never at a line start, never split from its pair
  | 'ellipsis' // … : never at a line start, never split from its pair
  | 'nostart' // other marks that never start a line (·, ％, ℃ …)
  | 'word' // Latin letters, digits and the symbols inside a Latin word or number
  | 'space'; // typed spaces: gaps, never glyphs

/** Full-width marks whose ink sits in the left half of the em box (Simplified Chinese fonts). */
const CLOSE = new Set([...'，。、；：？！）】」』”’》〉〕］｝〗〙〛', ...',.;:?!)]}']);
const OPEN = new Set([...'（【「『“‘《〈〔［｛〖〘〚', ...'([{']);
const NOSTART = new Set([...'·・％‰℃°′″々〻ー゠～%', '\u2030']);
const CURRENCY = new Set([...'¥￥$€£＄']);

export function classify(ch: string): CharClass {
  return CLASSES[charInfo(ch.codePointAt(0)!) & CLASS_MASK];
}

function classifyUncached(ch: string): CharClass {
  if (ch === ' ' || ch === '\t' || ch === '\u00a0') return 'space';
  if (ch.charCodeAt(0) < 0x80) return 'word'; // half-width marks belong to the Latin word they touch
  if (CLOSE.has(ch)) return 'close';
  if (OPEN.has(ch)) return 'open';
  if (ch === '—' || ch === '―' || ch === '─') return 'dash';
  if (ch === '…' || ch === '⋯') return 'ellipsis';
  if (NOSTART.has(ch)) return 'nostart';
  const cp = ch.codePointAt(0)!;
  if (cp < 0x2e80) return 'word'; // Latin, digits, Greek, Cyrillic and their symbols
  if (cp >= 0xff01 && cp <= 0xff5e) return 'han'; // full-width letters and digits take a cell
  return 'han';
}

/** Never at a line start (clreq strict), full-width and half-width forms alike. */
export function noStart(ch: string): boolean {
  return (charInfo(ch.codePointAt(0)!) & NO_START) !== 0;
}

function noStartUncached(ch: string): boolean {
  return CLOSE.has(ch) || NOSTART.has(ch) || ch === '—' || ch === '―' || ch === '…' || ch === '⋯';
}

/** Never at a line end: opening marks, and a currency sign (it stays with its number). */
export function noEnd(ch: string): boolean {
  return (charInfo(ch.codePointAt(0)!) & NO_END) !== 0;
}

function noEndUncached(ch: string): boolean {
  return OPEN.has(ch) || CURRENCY.has(ch);
}

/*
 * Everything the composer asks of a character, as bits of one number, cached per code
 * point: text repeats its characters, and Set and regular-expression tests per
 * character are what the composer spent its time on.
 */
const CLASSES: CharClass[] = ['han', 'open', 'close', 'dash', 'ellipsis', 'nostart', 'word', 'space'];
const CLASS_MASK = 7;
export const NO_START = 1 << 3;
export const NO_END = 1 << 4;
/** A pause or stop mark (，。、；：？！). */
export const STOP = 1 << 5;
/** A currency sign: no gap after it (￥100). */
export const CURRENCY_SIGN = 1 << 6;
/** A letter or digit of any script but Han: a quarter em from Han text (word characters). */
export const ALNUM = 1 << 7;
/** A Unicode number (\p{N}); set on word characters only, the only ones asked. */
export const NUMBER = 1 << 8;
/** A Unicode letter (\p{L}); set on word characters only, the only ones asked. */
export const LETTER = 1 << 9;
const KNOWN = 1 << 15;
const HAN = 0; // the class 'han', no other bit

const STOPS = new Set([...'，。、；：？！']);
const bmp = new Uint16Array(0x10000);

/** The bits of code point `cp` (computed once per code point of the BMP). */
export function charInfo(cp: number): number {
  if (cp < 0x10000) {
    const known = bmp[cp];
    if (known !== 0) return known;
    // Most of a text is ideographs: Han, with no rule (and no string to build for them).
    const info = cp >= 0x4e00 && cp <= 0x9fff ? HAN : computeInfo(String.fromCharCode(cp));
    return (bmp[cp] = info | KNOWN);
  }
  return computeInfo(String.fromCodePoint(cp));
}

/** The class of a character from its bits. */
export function classOf(info: number): CharClass {
  return CLASSES[info & CLASS_MASK];
}

function computeInfo(ch: string): number {
  const cls = classifyUncached(ch);
  let info = CLASSES.indexOf(cls);
  if (noStartUncached(ch)) info |= NO_START;
  if (noEndUncached(ch)) info |= NO_END;
  if (STOPS.has(ch)) info |= STOP;
  if (CURRENCY.has(ch)) info |= CURRENCY_SIGN;
  // Only word characters (all below U+2E80) can be letters or numbers that count: Han
  // text is above, and the marks of the other classes are neither.
  if (cls === 'word') {
    const cp = ch.codePointAt(0)!;
    const number = cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : /^\p{N}$/u.test(ch);
    const letter = cp < 0x80 ? (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a : /^\p{L}$/u.test(ch);
    if (number) info |= NUMBER;
    if (letter) info |= LETTER;
    if (number || letter) info |= ALNUM;
  }
  return info;
}

/** Punctuation that has a blank half to squeeze (full-width marks only). */
