// The one module that reaches into fontkit's internals (as write/pdfkit-private.ts does
// for pdfkit); tests/fonts/fontkit-private.test.ts fails loudly if fontkit changes.
//
// fontkit decodes a TrueType face's loca table (where each glyph's outline starts in
// glyf) one entry at a time through restructure: ~16 ms for the 30,921 entries of a Noto
// CJK face, ~50 ms of every build that sets the three default faces. The table is a
// plain array of offsets, so it is read here with a DataView and put where fontkit keeps
// the tables it has decoded; fontkit's glyphs and subsetter then use it as their own.
import type { Font } from 'fontkit';

interface FontkitInternals {
  /** Decoded tables by tag: fontkit's `font.loca` returns `_tables.loca` once it is there. */
  _tables?: Record<string, unknown>;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  head: { indexToLocFormat: number };
}

/** What fontkit's loca decoder makes: offsets in bytes (the short format's halved offsets doubled). */
export interface Loca {
  version: 0 | 1;
  offsets: number[];
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
  const version = f.head.indexToLocFormat;
  if (version !== 0 && version !== 1) return;
  const size = version === 0 ? 2 : 4;
  // As fontkit reads it: entries up to the table's end.
  const count = Math.ceil(table.length / size);
  if (table.offset + count * size > bytes.length) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, count * size);
  const offsets = new Array<number>(count);
  for (let i = 0; i < count; i++) offsets[i] = version === 0 ? view.getUint16(i * 2) * 2 : view.getUint32(i * 4);
  const loca: Loca = version === 0 ? { version, offsets, _processed: true } : { version, offsets };
  f._tables.loca = loca;
}
