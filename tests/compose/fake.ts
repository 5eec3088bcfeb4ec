// A fake font with round widths so composed positions are exact: every full-width
// character (Han, full-width marks, —, …, ％, ℃, ￥) 16, Latin letters 8, digits 8.9,
// a space 4, other ASCII marks 4. The dash's ink spans 1–15, so —— is drawn cell-wide.
import { composeParagraph } from '../../src/compose/paragraph.js';
import type { Line, Measure, Metrics, Run } from '../../src/compose/types.js';

export const fake: Metrics = {
  advance(ch, _font, size) {
    const k = size / 16;
    if (ch === ' ') return 4 * k;
    if (/^[0-9]$/.test(ch)) return 8.9 * k;
    if (/^[A-Za-z]$/.test(ch)) return 8 * k;
    if (ch.charCodeAt(0) < 0x80) return 4 * k;
    return 16 * k;
  },
  ink(ch, _font, size) {
    return ch === '—' ? [size / 16, (15 * size) / 16] : undefined;
  },
};

/** 28 cells of 16 pt: pitch = measure / 28 = the glyph size. */
export const W = 448;

export interface Set {
  lines: Line[];
  /** Each line's text. */
  text: string[];
  /** Each line's glyph origins. */
  xs: number[][];
}

export function set(text: string | Run[], measure: Partial<Measure> = {}): Set {
  const runs = typeof text === 'string' ? [{ text, font: 'body', size: 16 }] : text;
  const { lines } = composeParagraph(runs, { width: W, ...measure }, fake);
  return {
    lines,
    text: lines.map((l) => l.glyphs.map((g) => g.ch).join('')),
    xs: lines.map((l) => l.glyphs.map((g) => round(g.x))),
  };
}

/** Positions to 1/10000 pt, so sums of fractions compare exactly. */
export const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** n copies of a Han character. */
export const han = (n: number, ch = '字') => ch.repeat(n);

/** Where each full line ends (its last cell's right edge, after compression). */
export const ends = (s: Set) => s.lines.map((l) => round(l.end));
