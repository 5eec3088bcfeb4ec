// The own sfnt reader against fontkit on the bundled Noto faces: metadata, cmap lookups,
// advances and glyph-header bounds must be the very same numbers.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Font } from 'fontkit';
import { openSfnt, SfntError, type SfntFace } from '../../src/fonts/sfnt/index.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(b: Buffer): Font };

const FACES = [
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  '@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
].map((p) => require.resolve(p));

const range = (a: number, b: number, step = 1) => Array.from({ length: Math.floor((b - a) / step) + 1 }, (_, i) => a + i * step);

/** ASCII, CJK punctuation, full-width forms, all of the URO block's first 4,096, a sample of the rest, and code points the faces lack. */
const CODE_POINTS = [
  ...range(0, 0x7f),
  ...range(0x3000, 0x303f),
  ...range(0xff00, 0xffef),
  ...range(0x4e00, 0x5dff),
  ...range(0x5e00, 0x9fff, 7),
  ...range(0x0e00, 0x0e7f), // Thai
  ...range(0xe000, 0xe0ff), // private use
  ...range(0x1f600, 0x1f64f), // emoji
  ...range(0x20000, 0x2001f), // Extension B
  0xfffe,
  0xffff,
  0x10ffff,
];

interface Pair {
  file: string;
  fk: Font;
  face: SfntFace;
}
let pairs: Pair[];

beforeAll(() => {
  pairs = FACES.map((file) => ({ file, fk: fontkit.create(readFileSync(file)), face: openSfnt(file) }));
});
afterAll(() => pairs.forEach((p) => p.face.close()));

describe('sfnt reader on the bundled faces', () => {
  it('reads the metadata fontkit reads', () => {
    for (const { fk, face, file } of pairs) {
      const os2 = (fk as unknown as { 'OS/2': { usWeightClass: number } })['OS/2'];
      expect(face.file).toBe(file);
      expect(face.unitsPerEm).toBe(fk.unitsPerEm);
      expect(face.postscriptName).toBe(fk.postscriptName);
      expect(face.familyNames).toContain(fk.familyName);
      expect(face.familyNames[0]).toBe(face.postscriptName.startsWith('NotoSans') ? 'Noto Sans SC' : 'Noto Serif SC');
      expect(face.weightClass).toBe(os2.usWeightClass);
      expect(face.numGlyphs).toBe(fk.numGlyphs);
      expect(face.ascent).toBe(fk.ascent);
      expect(face.descent).toBe(fk.descent);
      expect(face.capHeight).toBe(fk.capHeight);
      expect(face.italicAngle).toBe(fk.italicAngle);
      expect(face.bbox).toEqual([fk.bbox.minX, fk.bbox.minY, fk.bbox.maxX, fk.bbox.maxY]);
      expect(face.outlines).toBe('glyf');
      expect(face.isVariable).toBe(false);
    }
    expect(pairs.map((p) => [p.face.postscriptName, p.face.weightClass, p.face.familyNames])).toEqual([
      ['NotoSerifSC-Regular', 400, ['Noto Serif SC']],
      ['NotoSerifSC-Black', 900, ['Noto Serif SC', 'Noto Serif SC Black']],
      ['NotoSansSC-Bold', 700, ['Noto Sans SC']],
    ]);
  });

  it('maps code points to the glyphs fontkit maps them to, 0 where the face has none', () => {
    for (const { fk, face } of pairs) {
      const mine = CODE_POINTS.map((cp) => face.glyphId(cp));
      const theirs = CODE_POINTS.map((cp) => (fk.hasGlyphForCodePoint(cp) ? fk.glyphForCodePoint(cp).id : 0));
      expect(mine).toEqual(theirs);
      // The sample means something: most CJK and ASCII present, the Thai and emoji absent.
      expect(face.glyphId(0x4e00)).toBeGreaterThan(0);
      expect(face.glyphId(0x41)).toBeGreaterThan(0);
      expect(face.glyphId(0x0e01)).toBe(0);
      expect(face.glyphId(0x1f600)).toBe(0);
    }
  });

  it('gives fontkit’s advance widths, including glyphs past numberOfHMetrics', () => {
    for (const { fk, face } of pairs) {
      const gids = [...new Set([...range(0, 300), ...range(300, face.numGlyphs - 1, 53), face.numGlyphs - 1, ...CODE_POINTS.map((cp) => face.glyphId(cp))])];
      expect(gids.map((g) => face.advance(g))).toEqual(gids.map((g) => fk.getGlyph(g).advanceWidth));
    }
  });

  it('gives the glyph header’s xMin and xMax (fontkit’s cbox), [0, 0] for empty glyphs', () => {
    for (const { fk, face } of pairs) {
      const gids = [...new Set([...range(0, 200), ...range(200, face.numGlyphs - 1, 97), ...CODE_POINTS.slice(0, 600).map((cp) => face.glyphId(cp))])];
      let empty = 0;
      for (const g of gids) {
        const glyph = fk.getGlyph(g);
        if (glyph.path.commands.length === 0) {
          empty++;
          expect(face.hBounds(g)).toEqual([0, 0]);
        } else expect(face.hBounds(g)).toEqual([glyph.cbox.minX, glyph.cbox.maxX]);
      }
      expect(empty).toBeGreaterThan(0); // the space, at least
      expect(face.hBounds(face.glyphId(0x20))).toEqual([0, 0]);
    }
  });

  it('reads little of the file', () => {
    const face = openSfnt(FACES[0]);
    for (const cp of range(0x4e00, 0x4e00 + 1499)) face.advance(face.glyphId(cp));
    face.subset(range(0x4e00, 0x4e00 + 599).map((cp) => face.glyphId(cp)));
    expect(face.readStats().bytes).toBeLessThan(2_000_000);
    face.close();
  });
});

describe('sfnt reader errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yb-sfnt-'));
  });

  it('says a file that is not a font is not one', () => {
    const f = join(dir, 'notes.ttf');
    writeFileSync(f, 'These are notes, not glyphs.\n');
    expect(() => openSfnt(f)).toThrow(SfntError);
    expect(() => openSfnt(f)).toThrow(`${f} is not a font file`);
    const tiny = join(dir, 'tiny.ttf');
    writeFileSync(tiny, 'ab');
    expect(() => openSfnt(tiny)).toThrow(`${tiny} is not a font file`);
  });

  it('says a missing file is missing', () => {
    const f = join(dir, 'absent.ttf');
    expect(() => openSfnt(f)).toThrow(new SfntError(`cannot open the font file ${f}: no such file`));
  });

  it('says a cut-off font is truncated', () => {
    const f = join(dir, 'cut.ttf');
    const fd = readFileSync(FACES[0]).subarray(0, 20_000);
    writeFileSync(f, fd);
    expect(() => openSfnt(f)).toThrow(SfntError);
    expect(() => openSfnt(f)).toThrow(/is truncated: table '\w+' \(\d+ bytes at \d+\) runs past the end of the file \(20000 bytes\)/);
  });

  it('refuses to subset a glyph id the face does not have', () => {
    const face = openSfnt(FACES[0]);
    expect(() => face.subset([face.numGlyphs])).toThrow(`has no glyph ${face.numGlyphs} (it has ${face.numGlyphs})`);
    face.close();
  });
});
