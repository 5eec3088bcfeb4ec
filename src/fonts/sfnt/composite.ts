// Composite glyphs in 'glyf': walk their component records, to find and renumber the
// glyphs they are built from.
import { SfntError } from './sfnt-error.js';

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** A composite glyph has a negative numberOfContours; empty glyphs have no bytes. */
export const isComposite = (glyph: Uint8Array) => glyph.length >= 10 && (glyph[0] & 0x80) !== 0;

/** Byte offsets (within the glyph) of each component's glyph id. */
export function componentIdOffsets(glyph: Uint8Array, where: string): number[] {
  const out: number[] = [];
  let p = 10;
  for (;;) {
    if (p + 4 > glyph.length) throw new SfntError(`${where}: composite glyph record is truncated`);
    const flags = (glyph[p] << 8) | glyph[p + 1];
    out.push(p + 2);
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) return out;
  }
}

export const componentIds = (glyph: Uint8Array, where: string) => componentIdOffsets(glyph, where).map((p) => (glyph[p] << 8) | glyph[p + 1]);
