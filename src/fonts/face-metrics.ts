// What the rest of the pipeline asks of a face: metrics for composing, and a subset
// font program for embedding. Two readers answer it: the own sfnt reader (TrueType
// outlines, reading only the bytes it needs) and fontkit (CFF outlines).

export interface FaceMetrics {
  unitsPerEm: number;
  postscriptName: string;
  familyNames: string[];
  weightClass: number;
  /** 'glyf' (TrueType) or 'CFF ' (PostScript outlines). */
  outlines: string;
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  bbox: [number, number, number, number];
  /** 0 when the face has no glyph for the code point. */
  glyphId(codePoint: number): number;
  /** Advance width in font units. */
  advance(gid: number): number;
  /** The glyph's ink from left to right, in font units. */
  hBounds(gid: number): [number, number] | undefined;
}

export interface FontProgram {
  bytes: Uint8Array;
  /** Old glyph id → glyph id in the program (the CID, with CIDToGIDMap /Identity). */
  newId: Map<number, number>;
}

/** A face's metrics plus the subsetter that embeds it ('glyf' outlines as FontFile2, 'CFF ' as FontFile3). */
export interface FaceReader extends FaceMetrics {
  subset(gids: Iterable<number>): FontProgram;
}
