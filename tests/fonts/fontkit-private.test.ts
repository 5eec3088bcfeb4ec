// The one reach into fontkit's internals (src/fonts/fontkit-private.ts): the loca table
// read with a DataView must be what fontkit itself decodes, and fontkit must use it.
// If fontkit changes where it keeps decoded tables, or what loca holds, this fails.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as fontkitNs from 'fontkit';
import type { Font } from 'fontkit';
import { presetLoca } from '../../src/fonts/fontkit-private.js';
import { SANS_BOLD, SERIF } from './make-font.js';

const fontkit = ((fontkitNs as unknown as { default?: typeof fontkitNs }).default ?? fontkitNs) as typeof fontkitNs;
type Loca = { version: number; offsets: ArrayLike<number> };

describe('presetLoca', () => {
  for (const file of [SERIF, SANS_BOLD]) {
    it(`gives fontkit the loca it decodes itself (${file.split('/').pop()})`, () => {
      const bytes = readFileSync(file);
      const own = (fontkit.create(bytes) as Font & { loca: Loca }).loca;
      const font = fontkit.create(bytes) as Font & { loca: Loca; _tables: Record<string, unknown> };
      presetLoca(font, bytes);
      const preset = font._tables.loca;
      expect(preset).toBeDefined();
      // fontkit hands out the preset table, and it equals fontkit's own decoding.
      expect(font.loca).toBe(preset);
      expect(font.loca.version).toBe(own.version);
      expect(Array.from(font.loca.offsets)).toEqual(Array.from(own.offsets));
      // fontkit's glyphs read their outlines through it.
      const id = font.glyphForCodePoint(0x6c38).id;
      expect(font.getGlyph(id).path.toSVG()).toBe((fontkit.create(bytes) as Font).getGlyph(id).path.toSVG());
    });
  }

  it('doubles short offsets, as fontkit does, and marks them so fontkit can halve them to encode', () => {
    const bytes = Uint8Array.from([9, 9, 0, 0, 0, 5, 0, 9, 0, 9]);
    const font = { _tables: {}, directory: { tables: { loca: { offset: 2, length: 8 } } }, head: { indexToLocFormat: 0 } };
    presetLoca(font as unknown as Font, bytes);
    const loca = (font._tables as { loca?: { version: number; offsets: ArrayLike<number>; _processed: boolean } }).loca;
    expect(loca && { ...loca, offsets: Array.from(loca.offsets) }).toEqual({ version: 0, offsets: [0, 10, 18, 18], _processed: true });
  });

  it('leaves to fontkit a table that runs past the end of the file, or an unknown format', () => {
    const past = { _tables: {}, directory: { tables: { loca: { offset: 2, length: 12 } } }, head: { indexToLocFormat: 1 } };
    presetLoca(past as unknown as Font, new Uint8Array(10));
    expect(past._tables).toEqual({});
    const unknown = { _tables: {}, directory: { tables: { loca: { offset: 0, length: 4 } } }, head: { indexToLocFormat: 7 } };
    presetLoca(unknown as unknown as Font, new Uint8Array(10));
    expect(unknown._tables).toEqual({});
  });
});
