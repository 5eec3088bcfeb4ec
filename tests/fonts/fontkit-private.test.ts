// The one reach into fontkit's internals (src/fonts/fontkit-private.ts): the loca table
// read with a DataView must be what fontkit itself decodes, and fontkit must use it; a
// glyph decoded header first must subset and draw exactly as fontkit's own decoding does.
// If fontkit changes where it keeps decoded tables, what loca holds, or how its
// subsetter reads a glyph, this fails.
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import * as fontkitNs from 'fontkit';
import type { Font } from 'fontkit';
import { headerFirstDecode, presetLoca } from '../../src/fonts/fontkit-private.js';
import { readTables, SANS_BOLD, SERIF, ttfTables, writeSfnt } from './make-font.js';

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

describe('headerFirstDecode', () => {
  type Glyph = { id: number; path: { toSVG(): string }; _decode(): unknown; _decodeSimple(): void };
  const subset = (font: Font, ids: number[]) => {
    const s = font.createSubset();
    for (const id of ids) s.includeGlyph(id);
    return Buffer.from(s.encode());
  };

  it('subsets byte for byte as fontkit does, without decoding the points', () => {
    const bytes = readFileSync(SERIF);
    const font = fontkit.create(bytes) as Font;
    const ids = [0, ...[...'延津政务快报，“”0'].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id)];
    headerFirstDecode(font, ids);
    const proto = Object.getPrototypeOf(font.getGlyph(ids[1])) as Glyph;
    const simple = vi.spyOn(proto, '_decodeSimple');
    try {
      const ours = subset(font, ids);
      // (Counted, not matched: a failing matcher would print fontkit's 15 MB buffers.)
      expect(simple.mock.calls.length).toBe(0);
      // fontkit's own subsetter still decodes every point: what this saves.
      expect(ours.equals(subset(fontkit.create(bytes) as Font, ids))).toBe(true);
      expect(simple.mock.calls.length).toBeGreaterThan(0);
    } finally {
      simple.mockRestore();
    }
    // The outline, when something draws it, is fontkit's own.
    const fresh = fontkit.create(bytes) as Font;
    for (const id of ids) expect(font.getGlyph(id).path.toSVG()).toBe(fresh.getGlyph(id).path.toSVG());
  });

  it('leaves a composite glyph to fontkit, which brings in its components', () => {
    // A face whose glyph 2 is a composite of glyph 1 moved 100 units right.
    const tables = ttfTables(SERIF, '永言', { family: 'Composite Test', postscript: 'CompositeTest' });
    const long = new DataView(tables.head.buffer, tables.head.byteOffset).getInt16(50) === 1;
    const locaView = new DataView(tables.loca.buffer, tables.loca.byteOffset, tables.loca.byteLength);
    const at = (i: number) => (long ? locaView.getUint32(i * 4) : locaView.getUint16(i * 2) * 2);
    const count = tables.loca.byteLength / (long ? 4 : 2) - 1;
    const composite = Buffer.alloc(18);
    composite.writeInt16BE(-1, 0);
    composite.set(tables.glyf.subarray(at(1) + 2, at(1) + 10), 2);
    composite.writeUInt16BE(0x0003, 10); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES
    composite.writeUInt16BE(1, 12);
    composite.writeInt16BE(100, 14);
    composite.writeInt16BE(0, 16);
    const glyphs = Array.from({ length: count }, (_, i) => (i === 2 ? composite : Buffer.from(tables.glyf.subarray(at(i), at(i + 1)))));
    const offsets = [0];
    for (const g of glyphs) offsets.push(offsets[offsets.length - 1] + g.length);
    const loca = Buffer.alloc((count + 1) * (long ? 4 : 2));
    offsets.forEach((o, i) => (long ? loca.writeUInt32BE(o, i * 4) : loca.writeUInt16BE(o / 2, i * 2)));
    const bytes = writeSfnt([{ version: 0x00010000, tables: { ...tables, glyf: Buffer.concat(glyphs), loca } }]);
    expect(Object.keys(readTables(bytes))).toContain('glyf');

    const font = fontkit.create(bytes) as Font;
    headerFirstDecode(font, [0, 2]);
    const ours = subset(font, [0, 2]);
    const fresh = fontkit.create(bytes) as Font;
    expect(ours.equals(subset(fresh, [0, 2]))).toBe(true);
    // The subset holds the component too: .notdef, the composite and glyph 1.
    expect((fontkit.create(ours) as Font).numGlyphs).toBe(3);
    expect(font.getGlyph(2).path.toSVG()).toBe(fresh.getGlyph(2).path.toSVG());
    expect(font.getGlyph(2).path.toSVG()).not.toBe('');
  });
});
