// Page geometry derived from the style: the type area, the line grid, the character grid.
import type { Style } from '../validate/style-schema.js';

export interface Geometry {
  pageW: number;
  pageH: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** Line pitch of the body grid, pt (225 mm / 22 ≈ 28.99 pt). */
  linePitch: number;
  /** Character pitch, pt (156 mm / 28 ≈ 15.79 pt). */
  charPitch: number;
  lines: number;
  chars: number;
}

export function geometry(style: Style): Geometry {
  const p = style.page;
  const width = p.width - p.left - p.right;
  const height = p.height - p.top - p.bottom;
  return {
    pageW: p.width,
    pageH: p.height,
    left: p.left,
    top: p.top,
    width,
    height,
    linePitch: height / style.grid.lines,
    charPitch: width / style.grid.chars,
    lines: style.grid.lines,
    chars: style.grid.chars,
  };
}

/** Where the em box of `size` type sits in a row: centred, ideographic baseline at 0.12 em. */
export function baselineInRow(rowTop: number, rowHeight: number, size: number): number {
  return rowTop + rowHeight / 2 + 0.38 * size;
}
