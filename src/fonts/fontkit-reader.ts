// The FaceReader of a face opened with fontkit: used for CFF outlines (.otf/.otc), which
// the own sfnt reader does not subset, and as its reference in the tests.
import type { Font } from 'fontkit';
import type { FaceReader, FontProgram } from './face-metrics.js';

type FontTables = Font & {
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  capHeight?: number;
  italicAngle?: number;
  name?: { records?: Record<string, Record<string, string>> };
  directory: { tables: Record<string, unknown> };
};

export function fontkitReader(font: Font): FaceReader {
  const f = font as FontTables;
  const recs = f.name?.records ?? {};
  const families = [f.familyName, ...Object.values(recs.preferredFamily ?? {}), ...Object.values(recs.fontFamily ?? {})].filter(Boolean);
  const bb = f.bbox;
  const outlines = f.directory.tables.glyf ? 'glyf' : f.directory.tables['CFF '] ? 'CFF ' : 'none';
  return {
    unitsPerEm: f.unitsPerEm,
    postscriptName: f.postscriptName,
    familyNames: [...new Set(families)],
    weightClass: f['OS/2']?.usWeightClass ?? 400,
    outlines,
    ascent: f.ascent,
    descent: f.descent,
    capHeight: f.capHeight || f.ascent,
    italicAngle: f.italicAngle ?? 0,
    bbox: [bb.minX, bb.minY, bb.maxX, bb.maxY],
    glyphId: (cp) => (f.hasGlyphForCodePoint(cp) ? f.glyphForCodePoint(cp).id : 0),
    advance: (gid) => f.getGlyph(gid).advanceWidth,
    hBounds: (gid) => {
      const b = (f.getGlyph(gid) as unknown as { bbox: { minX: number; maxX: number } }).bbox;
      return Number.isFinite(b.minX) ? [b.minX, b.maxX] : [0, 0];
    },
    subset(gids): FontProgram {
      const s = f.createSubset();
      const newId = new Map<number, number>();
      for (const g of [...new Set(gids)].sort((a, b) => a - b)) newId.set(g, s.includeGlyph(g));
      return { bytes: s.encode(), newId };
    },
  };
}
