// The one module that reaches into fontkit's internals (as write/pdfkit-private.ts does
// for pdfkit); tests/fonts/fontkit-private.test.ts fails loudly if fontkit changes. Two
// reaches, each where fontkit did far more work than its callers need: presetLoca and
// headerFirstDecode (below).
//
// fontkit decodes a TrueType face's loca table (where each glyph's outline starts in
// glyf) one entry at a time through restructure: ~16 ms for the 30,921 entries of a Noto
// CJK face, ~50 ms of every build that sets the three default faces. The table is a
// plain array of big-endian offsets, so it is copied and byte-swapped here in one native
// call each and put where fontkit keeps the tables it has decoded; fontkit's glyphs and
// subsetter then use it as their own (they only index it).
import { endianness } from 'node:os';
import type { Font } from 'fontkit';

interface FontkitInternals {
  /** Decoded tables by tag: fontkit's `font.loca` returns `_tables.loca` once it is there. */
  _tables?: Record<string, unknown>;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  head?: { indexToLocFormat: number };
}

/** What fontkit's loca decoder makes: offsets in bytes (the short format's halved offsets doubled). */
export interface Loca {
  version: 0 | 1;
  offsets: ArrayLike<number>;
  /** fontkit's mark that short offsets were doubled (it halves them again to encode). */
  _processed?: boolean;
}

/**
 * Give fontkit the face's loca table, read from `bytes` (the font file, read at least
 * up to the end of loca). Left to fontkit whenever anything is unusual: no loca, an
 * unknown format, a table past the end of the file, or a fontkit without `_tables`.
 */
export function presetLoca(font: Font, bytes: Uint8Array): void {
  const f = font as unknown as FontkitInternals;
  const table = f.directory.tables.loca;
  if (!table || !f._tables || typeof f._tables !== 'object' || 'loca' in f._tables) return;
  // A damaged head is left to fontkit too (open-face.ts's checks name it).
  const version = f.head?.indexToLocFormat;
  if (version !== 0 && version !== 1) return;
  const size = version === 0 ? 2 : 4;
  // As fontkit reads it: entries up to the table's end.
  const count = Math.ceil(table.length / size);
  if (table.offset + count * size > bytes.length) return;
  // A copy in memory of its own (aligned for a typed array), swapped to this machine's order.
  const raw = new Uint8Array(bytes.subarray(table.offset, table.offset + count * size));
  if (endianness() === 'LE') {
    const swapped = Buffer.from(raw.buffer);
    if (version === 1) swapped.swap32();
    else swapped.swap16();
  }
  let offsets: Uint32Array;
  if (version === 1) offsets = new Uint32Array(raw.buffer);
  else {
    const short = new Uint16Array(raw.buffer);
    offsets = new Uint32Array(count);
    for (let i = 0; i < count; i++) offsets[i] = short[i] * 2;
  }
  const loca: Loca = version === 0 ? { version, offsets, _processed: true } : { version, offsets };
  f._tables.loca = loca;
}

/** A glyf entry's header, as fontkit's TTFGlyph._decode returns it (points follow for a simple glyph). */
interface GlyfHeader {
  numberOfContours: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  points?: unknown;
  instructions?: unknown;
}

interface TrueTypeInternals {
  stream: { view: DataView };
  directory: { tag: string; tables: Record<string, { offset: number; length: number } | undefined> };
  loca: Loca;
  _variationProcessor?: unknown;
  getGlyph(id: number): { _decode(): GlyfHeader | null };
}

/**
 * fontkit's subsetter (which pdfkit embeds with) decodes each glyph's whole outline,
 * every point through restructure, only to learn whether the glyph is composite: ~8 ms
 * of every issue a batch builds, ~30 ms of a one-issue build. The glyphs given here read
 * their 10-byte header at once instead, and their points only when something asks for
 * them (fontkit's path, for an ink box). Composite and empty glyphs, variable and
 * non-TrueType faces are left to fontkit as they are.
 */
export function headerFirstDecode(font: Font, glyphIds: Iterable<number>): void {
  const f = font as unknown as TrueTypeInternals;
  const glyf = f.directory?.tables.glyf;
  const sfnt = f.directory?.tag === '\0\x01\0\0' || f.directory?.tag === 'true';
  if (!sfnt || !glyf || f._variationProcessor || !(f.stream?.view instanceof DataView)) return;
  const view = f.stream.view;
  const offsets = f.loca.offsets;
  for (const id of glyphIds) {
    const glyph = f.getGlyph(id);
    if (!glyph || Object.hasOwn(glyph, '_decode') || typeof glyph._decode !== 'function') continue;
    const whole = glyph._decode;
    glyph._decode = function (this: typeof glyph) {
      const at = glyf.offset + offsets[id];
      const size = offsets[id + 1] - offsets[id];
      if (!(size >= 10) || at + size > view.byteLength) return whole.call(this);
      const numberOfContours = view.getInt16(at);
      // A damaged glyph goes to fontkit too, which reports it as it always has.
      if (numberOfContours <= 0 || !simpleGlyphFits(view, at, size, numberOfContours)) return whole.call(this);
      let decoded: GlyfHeader | null | undefined;
      const full = () => (decoded === undefined ? (decoded = whole.call(this)) : decoded);
      return {
        numberOfContours,
        xMin: view.getInt16(at + 2),
        yMin: view.getInt16(at + 4),
        xMax: view.getInt16(at + 6),
        yMax: view.getInt16(at + 8),
        get points() {
          return full()?.points;
        },
        get instructions() {
          return full()?.instructions;
        },
      };
    };
  }
}

/**
 * Whether a simple glyph's contour ends, instructions, flags and coordinates fit in the
 * `size` bytes loca gives it: what decoding its points would find out, without making them.
 */
function simpleGlyphFits(view: DataView, at: number, size: number, contours: number): boolean {
  const end = at + size;
  let p = at + 10 + 2 * contours;
  if (p + 2 > end) return false;
  const points = view.getUint16(p - 2) + 1;
  p += 2 + view.getUint16(p);
  let coordinates = 0;
  for (let n = 0; n < points; ) {
    if (p >= end) return false;
    const flag = view.getUint8(p++);
    let times = 1;
    if (flag & 0x08) {
      if (p >= end) return false;
      times += view.getUint8(p++);
    }
    // x: one byte if short, none if the same as before, else two; y likewise.
    const x = flag & 0x02 ? 1 : flag & 0x10 ? 0 : 2;
    const y = flag & 0x04 ? 1 : flag & 0x20 ? 0 : 2;
    coordinates += (x + y) * times;
    n += times;
  }
  return p + coordinates <= end;
}
