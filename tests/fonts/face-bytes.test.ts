// A TrueType face's outlines are read glyph by glyph as the build asks for them: what is
// read is exactly the file's bytes, a composite glyph brings in the whole table, and a
// face file changed or cut short under a running build is a clear error, not garbage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkitNs from 'fontkit';
import { FaceError, openFace } from '../../src/fonts/open-face.js';
import { fileStamp, GlyphOutlines } from '../../src/fonts/face-bytes.js';
import { SERIF } from './make-font.js';

const fontkit = ((fontkitNs as unknown as { default?: typeof fontkitNs }).default ?? fontkitNs) as typeof fontkitNs;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-face-bytes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the bundled serif face, so that the test may change it and no other test sees it. */
function copyOfSerif(name: string): string {
  const file = join(dir, name);
  copyFileSync(SERIF, file);
  return file;
}

describe('outlines read as asked for', () => {
  it('gives fontkit the same outlines, metrics and subset as the whole file does', () => {
    const face = openFace(copyOfSerif('serif.ttf'));
    const whole = fontkit.openSync(SERIF) as fontkitNs.Font;
    const ids = [...'延津政务快报，（）“”—0123'].map((c) => face.glyphId(c.codePointAt(0)!));
    face.loadGlyphs(ids);
    for (const id of ids) {
      expect(face.font.getGlyph(id).path.toSVG()).toBe(whole.getGlyph(id).path.toSVG());
      expect(face.ink(id, 'y')).toEqual([whole.getGlyph(id).cbox.minY, whole.getGlyph(id).cbox.maxY]);
    }
    // The subset pdfkit embeds: byte for byte what fontkit makes from the whole file.
    const subset = (f: fontkitNs.Font) => {
      const s = f.createSubset();
      for (const id of ids) s.includeGlyph(id);
      return Buffer.from(s.encode());
    };
    expect(subset(face.font).equals(subset(whole))).toBe(true);
  });

  it('reads a glyph it was not asked for when ink needs it', () => {
    const face = openFace(copyOfSerif('ink.ttf'));
    const whole = fontkit.openSync(SERIF) as fontkitNs.Font;
    const id = face.glyphId('永'.codePointAt(0)!);
    expect(face.ink(id, 'x')).toEqual([whole.getGlyph(id).cbox.minX, whole.getGlyph(id).cbox.maxX]);
  });

  it('names the face file when it was cut short after opening', () => {
    const file = copyOfSerif('short.ttf');
    const face = openFace(file);
    truncateSync(file, 600_000);
    const id = face.glyphId('永'.codePointAt(0)!);
    expect(id).toBeGreaterThan(0);
    let err: unknown;
    try {
      face.loadGlyphs([id]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FaceError);
    expect((err as FaceError).file).toBe(file);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/changed since it was opened/);
  });
});

describe('GlyphOutlines', () => {
  // A made-up file: 16 bytes before glyf, then three glyphs of 8 bytes each.
  const glyfOffset = 16;
  const loca = [0, 8, 16, 24];
  const bytesOf = (composite: boolean) => {
    const b = Buffer.alloc(glyfOffset + 24);
    for (let g = 0; g < 3; g++) {
      b.writeInt16BE(g === 1 && composite ? -1 : 1, glyfOffset + g * 8);
      b.fill(0xa0 + g, glyfOffset + g * 8 + 2, glyfOffset + g * 8 + 8);
    }
    return b;
  };
  const outlinesFor = (composite: boolean) => {
    const file = join(dir, composite ? 'composite.bin' : 'simple.bin');
    writeFileSync(file, bytesOf(composite));
    const into = Buffer.alloc(glyfOffset + 24);
    return { into, outlines: new GlyphOutlines(file, into, glyfOffset, 24, loca, fileStamp(file)) };
  };

  it('reads just the glyphs asked for, at their place in the file', () => {
    const { into, outlines } = outlinesFor(false);
    outlines.load([1]);
    expect([...into.subarray(glyfOffset + 8, glyfOffset + 16)]).toEqual([0, 1, 0xa1, 0xa1, 0xa1, 0xa1, 0xa1, 0xa1]);
    // Its neighbours and what lies before glyf were not asked for.
    expect(into.subarray(0, glyfOffset + 8).every((b) => b === 0)).toBe(true);
    expect(into.subarray(glyfOffset + 16).every((b) => b === 0)).toBe(true);
    outlines.load([0, 2]);
    expect(into.subarray(glyfOffset).equals(bytesOf(false).subarray(glyfOffset))).toBe(true);
  });

  it('reads the whole table once a composite glyph is asked for (its components are read by fontkit too)', () => {
    const { into, outlines } = outlinesFor(true);
    outlines.load([1]);
    expect(into.subarray(glyfOffset).equals(bytesOf(true).subarray(glyfOffset))).toBe(true);
  });
});
