// What the fonts stage hands on: every character of the issue as a glyph of the face that
// sets it. Compose, paginate and write work on these; nothing after this stage looks a
// character up in a face again.
import type { Face } from './open-face.js';
import type { FaceSource } from './lookup.js';
import type { Role } from '../validate/style-schema.js';

/** A face in a role's fallback chain: the opened face, and how the role uses it. */
export interface RoleFace {
  face: Face;
  /** Draw with stroke + fill to embolden a face that has no bold weight. */
  fakeBold: boolean;
  /** The style entry it was found by, and where. */
  entry?: string;
  source?: FaceSource;
}

/** One character set in one face at one size. Shared: the same object each time it is asked for. */
export interface ShapedGlyph {
  /** The character as typed (what the line-breaking rules read, and what copying gives back). */
  char: string;
  face: RoleFace;
  glyphId: number;
  /** Type size, pt. */
  size: number;
  /** Advance width, pt. */
  advance: number;
}

/** Text to glyphs, for the composer. */
export interface Shaper {
  /** One glyph a character (spaces included, line feeds left out). */
  shape(text: string, role: Role, size: number): ShapedGlyph[];
  /** The glyph's ink from left to right, pt from its origin (to join the strokes of ——). */
  inkX(glyph: ShapedGlyph): [number, number] | undefined;
  /** The glyph's ink from bottom to top, pt above the baseline (to set the page number's dash by its ink). */
  inkY?(glyph: ShapedGlyph): [number, number] | undefined;
}
