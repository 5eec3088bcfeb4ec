// A fake font with round widths so composed positions are exact: every full-width
// character (Han, full-width marks, —, …, ％, ℃, ￥) 16, Latin letters 8, digits 8.9,
// a space 4, other ASCII marks 4. The dash's ink spans 1–15, so —— is drawn cell-wide.
import { composeParagraph } from '../../src/compose/paragraph.js';
import type { Line, Measure, Run } from '../../src/compose/types.js';
import type { RoleFace, ShapedGlyph, Shaper } from '../../src/fonts/shaped-glyph.js';

function advance(ch: string, size: number): number {
  const k = size / 16;
  if (ch === ' ') return 4 * k;
  if (/^[0-9]$/.test(ch)) return 8.9 * k;
  if (/^[A-Za-z]$/.test(ch)) return 8 * k;
  if (ch.charCodeAt(0) < 0x80) return 4 * k;
  return 16 * k;
}

/**
 * One fake face a role, its entry naming the role (so a test can tell which role set a
 * glyph): the composer never looks inside a face, only at the glyphs' numbers.
 */
const faces = new Map<string, RoleFace>();
const faceOf = (role: string) => faces.get(role) ?? faces.set(role, { face: {}, fakeBold: false, entry: role } as unknown as RoleFace).get(role)!;

/** The role that set a glyph (the fake face's entry). */
export const roleOf = (g: { glyph: ShapedGlyph }) => g.glyph.face.entry;

export const fake: Shaper = {
  shape(text, role, size) {
    const face = faceOf(role);
    return [...text].filter((c) => c !== '\n' && c !== '\r').map((char): ShapedGlyph => ({ char, face, glyphId: char.codePointAt(0)!, size, advance: advance(char, size) }));
  },
  inkX(g) {
    return g.char === '—' ? [g.size / 16, (15 * g.size) / 16] : undefined;
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
  const runs: Run[] = typeof text === 'string' ? [{ text, role: 'body', size: 16 }] : text;
  const { lines } = composeParagraph(runs, { width: W, ...measure }, fake);
  return {
    lines,
    text: lines.map((l) => l.glyphs.map((g) => g.glyph.char).join('')),
    xs: lines.map((l) => l.glyphs.map((g) => round(g.x))),
  };
}

/** Positions to 1/10000 pt, so sums of fractions compare exactly. */
export const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** n copies of a Han character. */
export const han = (n: number, ch = '字') => ch.repeat(n);

/** Where each full line ends (its last cell's right edge, after compression). */
export const ends = (s: Set) => s.lines.map((l) => round(l.end));
