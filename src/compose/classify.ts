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
  return CLOSE.has(ch) || NOSTART.has(ch) || ch === '—' || ch === '―' || ch === '…' || ch === '⋯';
}

/** Never at a line end: opening marks, and a currency sign (it stays with its number). */
export function noEnd(ch: string): boolean {
  return OPEN.has(ch) || CURRENCY.has(ch);
}

/** Punctuation that has a blank half to squeeze (full-width marks only). */
export function isSqueezable(cls: CharClass): boolean {
  return cls === 'open' || cls === 'close';
}

export function isLatinish(cls: CharClass): boolean {
  return cls === 'word';
}

export function isCjk(cls: CharClass): boolean {
  return cls === 'han';
}
