// The composer's vocabulary. Composition is pure: text in, shaped by the fonts stage's
// Shaper into glyphs, and lines of positioned glyphs out.
import type { ShapedGlyph } from '../fonts/shaped-glyph.js';
import type { Role } from '../validate/style-schema.js';

/** A stretch of text in one face and size. */
export interface Run {
  text: string;
  /** The role whose faces set it ('body', 'lead' …). */
  role: Role;
  size: number;
  /** A fixed gap before the run, in pt (the one-character gap after a lead title). */
  gapBefore?: number;
  /** The gap stays when the run starts a line (after a lead title that fills its line). */
  gapAtLineStart?: boolean;
  /**
   * Keep the run on one line (a source unit, （乡村振兴局）): true for the usual cost of
   * a break inside it, or a number for that cost.
   */
  keep?: boolean | number;
  /**
   * The run ends the paragraph and may instead stand on a line of its own, flush right,
   * the line before it left unjustified like a last line (a source unit that does not
   * fit after the text).
   */
  alone?: boolean;
}

export interface Measure {
  /** Full line width in pt. */
  width: number;
  /** Indent of the first line, pt. */
  indent?: number;
  /** Indent of every later line, pt (a hanging indent). */
  hang?: number;
  /**
   * Advance of a full-width character as a fraction of its size: the grid pitch
   * (15.79 pt for 16 pt type on a 28-character line is 0.987).
   */
  pitchRatio?: number;
  /** Justify full lines (default true). The last line is always set flush left. */
  justify?: boolean;
}

export interface PlacedGlyph {
  glyph: ShapedGlyph;
  /** Pen position of the glyph's origin, pt from the line's left edge. */
  x: number;
  /** Left edge of the glyph's cell on the line (differs from x for a squeezed opening mark). */
  cell?: number;
  /** Width the glyph's cell occupies on the line after compression, pt. */
  w: number;
  /** Horizontal scale for the glyph (1 = none); used to join the strokes of a ——. */
  scaleX?: number;
}

export interface Line {
  glyphs: PlacedGlyph[];
  /** Right edge of the last glyph's box, pt from the left edge. */
  end: number;
  /** True for the paragraph's last line (set flush left, not justified). */
  last: boolean;
}

export interface Paragraph {
  lines: Line[];
}
