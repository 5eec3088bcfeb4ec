// The own TrueType subsetter (checked by opening its output with fontkit), composite
// glyphs, .ttc members, cmap formats and non-TrueType outlines, on fonts the test builds.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Font } from 'fontkit';
import { openSfnt, sfntMembers, SfntError, writeSfnt, type SfntFace } from '../../src/fonts/sfnt/index.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(b: Buffer): Font };
const SERIF = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

const u16 = (n: number) => [(n >> 8) & 255, n & 255];
const u32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
const tagBytes = (t: string) => [...t].map((c) => c.charCodeAt(0));
const svg = (f: Font, gid: number) => f.getGlyph(gid).path.toSVG();

/** The tables of a font file (not a collection). */
function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < v.getUint16(4); i++) {
    const r = 12 + 16 * i;
    out.set(String.fromCharCode(...bytes.subarray(r, r + 4)), bytes.slice(v.getUint32(r + 8), v.getUint32(r + 8) + v.getUint32(r + 12)));
  }
  return out;
}

function checksum(b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) sum = (sum + (((b[i] << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0)) >>> 0;
  return sum;
}

/** Table tags of a well-formed sfnt: sorted, 4-byte aligned, checksums and checkSumAdjustment right. */
function checkedTags(bytes: Uint8Array): string[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint16(4);
  const es = Math.floor(Math.log2(n));
  expect([v.getUint16(6), v.getUint16(8), v.getUint16(10)]).toEqual([16 * 2 ** es, es, 16 * n - 16 * 2 ** es]);
  const tags: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(r, r + 4));
    const off = v.getUint32(r + 8);
    const t = Uint8Array.from(bytes.subarray(off, off + v.getUint32(r + 12)));
    if (tag === 'head') t.set([0, 0, 0, 0], 8);
    expect(off % 4, tag).toBe(0);
    expect(v.getUint32(r + 4), tag).toBe(checksum(t));
    tags.push(tag);
  }
  expect(tags).toEqual([...tags].sort());
  expect(checksum(bytes)).toBe(0xb1b0afba);
  return tags;
}

/** A name table with (platform, encoding, language, name ID, text) records; Mac Roman texts are ASCII here. */
function nameTable(recs: Array<[number, number, number, number, string]>): Uint8Array {
  const sorted = [...recs].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  const head = [...u16(0), ...u16(sorted.length), ...u16(6 + 12 * sorted.length)];
  const strings: number[] = [];
  for (const [p, e, l, id, s] of sorted) {
    const b = p === 1 ? tagBytes(s) : [...s].flatMap((c) => u16(c.charCodeAt(0)));
    head.push(...u16(p), ...u16(e), ...u16(l), ...u16(id), ...u16(b.length), ...u16(strings.length));
    strings.push(...b);
  }
  return Uint8Array.from([...head, ...strings]);
}

const bytesOf = (m: Map<string, Uint8Array>, tag: string) => new DataView(m.get(tag)!.buffer, m.get(tag)!.byteOffset, m.get(tag)!.byteLength);

let dir: string;
let serif: SfntFace;
let serifFk: Font;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yb-sfnt-subset-'));
  serif = openSfnt(SERIF);
  serifFk = fontkit.create(readFileSync(SERIF));
});
afterAll(() => serif.close());

/** A small font with head/hhea/maxp from the Noto face and the given tables; numGlyphs in maxp. */
function tinyFont(numGlyphs: number, tables: Record<string, Uint8Array>, version = 0x00010000): Uint8Array {
  const hhea = Uint8Array.from(serif.table('hhea')!);
  hhea.set(u16(numGlyphs), 34);
  const hmtx = Uint8Array.from(Array.from({ length: numGlyphs }, (_, i) => [...u16(500 + i), ...u16(10)]).flat());
  const all = new Map<string, Uint8Array>([
    ['head', Uint8Array.from(serif.table('head')!)],
    ['hhea', hhea],
    ['maxp', Uint8Array.from([...u32(0x00005000), ...u16(numGlyphs)])],
    ['hmtx', hmtx],
  ]);
  if (version === 0x00010000) {
    // Empty outlines, so fontkit makes glyph objects (it gives null without glyf or CFF).
    all.set('glyf', new Uint8Array(0));
    all.set('loca', new Uint8Array((numGlyphs + 1) * (serif.table('head')!.readInt16BE(50) === 1 ? 4 : 2)));
  }
  for (const [t, b] of Object.entries(tables)) all.set(t, b);
  return writeSfnt(all, version);
}

function save(name: string, bytes: Uint8Array): string {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

describe('TrueType subset', () => {
  const CHARS = '简报县政府办公室，二〇二六年第38期。“通知”（试行）Ab ';
  let gids: number[];
  let sub: { bytes: Uint8Array; newId: Map<number, number> };
  let fk: Font;

  beforeAll(() => {
    gids = [...CHARS].map((c) => serif.glyphId(c.codePointAt(0)!));
    expect(gids.every((g) => g > 0)).toBe(true);
    sub = serif.subset([...gids, gids[0], 0]); // duplicates and .notdef asked for again change nothing
    fk = fontkit.create(Buffer.from(sub.bytes));
  });

  it('numbers .notdef 0, then the asked glyphs in ascending order', () => {
    const asked = [...new Set(gids)].sort((a, b) => a - b);
    expect([...sub.newId]).toEqual([[0, 0], ...asked.map((g, i) => [g, i + 1])]);
    expect(fk.numGlyphs).toBe(asked.length + 1);
  });

  it('keeps every glyph’s outline and advance', () => {
    for (const [old, now] of sub.newId) {
      expect(svg(fk, now)).toBe(svg(serifFk, old));
      expect(fk.getGlyph(now).advanceWidth).toBe(serifFk.getGlyph(old).advanceWidth);
    }
    expect(svg(fk, sub.newId.get(serif.glyphId(0x7b80))!)).toMatch(/^M/); // 简 has an outline
  });

  it('writes only the tables a PDF needs, well formed, post version 3', () => {
    expect(checkedTags(sub.bytes)).toEqual(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'post', 'prep']);
    const t = readTables(sub.bytes);
    expect(t.get('post')!.length).toBe(32);
    expect(bytesOf(t, 'post').getUint32(0)).toBe(0x00030000);
    expect(t.get('prep')).toEqual(Uint8Array.from(serif.table('prep')!));
    expect(bytesOf(t, 'hhea').getUint16(34)).toBe(sub.newId.size);
    expect(bytesOf(t, 'maxp').getUint16(4)).toBe(sub.newId.size);
    expect(t.get('hmtx')!.length).toBe(4 * sub.newId.size);
    expect(t.get('glyf')!.length % 4).toBe(0);
  });

  it('opens again with the reader, with the same metrics and bounds', () => {
    const face = openSfnt(save('sub.ttf', sub.bytes));
    expect(face.numGlyphs).toBe(sub.newId.size);
    expect(face.unitsPerEm).toBe(serif.unitsPerEm);
    for (const [old, now] of sub.newId) {
      expect(face.advance(now)).toBe(serif.advance(old));
      expect(face.hBounds(now)).toEqual(serif.hBounds(old));
    }
    expect(face.glyphId(0x7b80)).toBe(0); // no cmap: a PDF reaches glyphs by CID
    face.close();
  });

  it('refuses glyph ids the face lacks', () => {
    expect(() => serif.subset([1, serif.numGlyphs])).toThrow(new SfntError(`${SERIF} has no glyph ${serif.numGlyphs} (it has ${serif.numGlyphs})`));
    expect(() => serif.subset([-1])).toThrow(SfntError);
  });
});

describe('composite glyphs', () => {
  // Glyphs: 0 .notdef, 1 'A', 2 '一' (simple, cut from Noto), 3 = 1 + 2 shifted (word args),
  // 4 = 3 through a 2×2 matrix + 1 with x/y scales (byte args).
  let tinyFile: string;
  let tinyFk: Font;

  beforeAll(() => {
    const base = serif.subset([serif.glyphId(0x41), serif.glyphId(0x4e00)]);
    const bt = readTables(base.bytes);
    const loca = bytesOf(bt, 'loca');
    const long = bytesOf(bt, 'head').getInt16(50) === 1;
    const at = (i: number) => (long ? loca.getUint32(4 * i) : 2 * loca.getUint16(2 * i));
    const simple = [0, 1, 2].map((i) => Array.from(bt.get('glyf')!.subarray(at(i), at(i + 1))));
    const header = [...u16(0xffff), ...u16(0), ...u16(0xffb0), ...u16(900), ...u16(800)];
    const g3 = [...header, ...u16(0x0001 | 0x0002 | 0x0020), ...u16(1), ...u16(0), ...u16(0), ...u16(0x0001 | 0x0002), ...u16(2), ...u16(400), ...u16(0xffce)];
    const g4 = [
      ...header,
      ...u16(0x0002 | 0x0080 | 0x0020), ...u16(3), 10, 20, ...u16(0x4000), ...u16(0x0800), ...u16(0), ...u16(0x2000),
      ...u16(0x0002 | 0x0040), ...u16(1), 0xf6, 5, ...u16(0x2000), ...u16(0x6000),
    ];
    const glyphs = [...simple, g3, g4];
    const offs = [0];
    for (const g of glyphs) offs.push(offs[offs.length - 1] + g.length);
    const head = Uint8Array.from(serif.table('head')!);
    head.set(u16(1), 50);
    const bytes = tinyFont(5, { glyf: Uint8Array.from(glyphs.flat()), loca: Uint8Array.from(offs.flatMap(u32)) });
    const t = readTables(bytes);
    t.set('head', head);
    tinyFile = save('composite.ttf', writeSfnt(t));
    tinyFk = fontkit.create(readFileSync(tinyFile));
    expect(tinyFk.getGlyph(4).path.commands.length).toBeGreaterThan(tinyFk.getGlyph(1).path.commands.length);
  });

  it('adds the components, depth first by level, and renumbers them', () => {
    const face = openSfnt(tinyFile);
    const { bytes, newId } = face.subset([4]);
    face.close();
    expect([...newId]).toEqual([[0, 0], [4, 1], [3, 2], [1, 3], [2, 4]]);
    const fk = fontkit.create(Buffer.from(bytes));
    for (const [old, now] of newId) expect(svg(fk, now)).toBe(svg(tinyFk, old));
    const comps = (f: Font, g: number) => (f.getGlyph(g) as unknown as { _decode(): { components: Array<{ glyphID: number }> } })._decode().components.map((c) => c.glyphID);
    expect(comps(fk, 1)).toEqual([2, 3]);
    expect(comps(fk, 2)).toEqual([3, 4]);
    checkedTags(bytes);
  });

  it('keeps a component that was also asked for at its asked place', () => {
    const face = openSfnt(tinyFile);
    const { newId } = face.subset([3, 2]);
    face.close();
    expect([...newId]).toEqual([[0, 0], [2, 1], [3, 2], [1, 3]]);
  });
});

describe('collections', () => {
  let ttc: string;

  beforeAll(() => {
    const base = readTables(serif.subset([serif.glyphId(0x7b80), serif.glyphId(0x62a5)]).bytes);
    const member = (names: Uint8Array) => {
      const t = new Map(base);
      t.set('name', names);
      return writeSfnt(t);
    };
    const a = member(
      nameTable([
        [3, 1, 0x804, 16, '测试宋体'],
        [3, 1, 0x409, 1, 'YB Test'],
        [3, 1, 0x409, 6, 'YBTest-A'],
        [1, 0, 0, 6, 'YBMac-A'],
      ]),
    );
    const b = member(nameTable([[1, 0, 0, 6, 'YBTest-B'], [1, 0, 0, 1, 'YB Test B']]));
    // ttcf header, then each font with its table offsets moved by where it now starts.
    const rebase = (font: Uint8Array, by: number) => {
      const out = Uint8Array.from(font);
      const v = new DataView(out.buffer);
      for (let i = 0; i < v.getUint16(4); i++) v.setUint32(12 + 16 * i + 8, v.getUint32(12 + 16 * i + 8) + by);
      return out;
    };
    const h = 12 + 4 * 2;
    ttc = save('pair.ttc', Uint8Array.from([...tagBytes('ttcf'), ...u32(0x00010000), ...u32(2), ...u32(h), ...u32(h + a.length), ...rebase(a, h), ...rebase(b, h + a.length)]));
  });

  it('opens each member by its PostScript name, the first without one', () => {
    const a = openSfnt(ttc, 'YBTest-A');
    const b = openSfnt(ttc, 'YBTest-B');
    const first = openSfnt(ttc);
    expect([a.postscriptName, b.postscriptName, first.postscriptName]).toEqual(['YBTest-A', 'YBTest-B', 'YBTest-A']);
    expect(a.familyNames).toEqual(['YB Test', '测试宋体']);
    expect(b.familyNames).toEqual(['YB Test B']);
    expect(b.numGlyphs).toBe(3);
    const old = [serif.glyphId(0x7b80), serif.glyphId(0x62a5)].sort((x, y) => x - y);
    expect([b.advance(1), b.advance(2)]).toEqual(old.map((g) => serif.advance(g)));
    const fk = fontkit.create(Buffer.from(b.subset([2]).bytes));
    expect(svg(fk, 1)).toBe(svg(serifFk, old[1]));
    for (const f of [a, b, first]) f.close();
  });

  it('lists the members', () => {
    expect(sfntMembers(ttc)).toEqual(['YBTest-A', 'YBTest-B']);
    expect(sfntMembers(SERIF)).toEqual(['NotoSerifSC-Regular']);
  });

  it('takes a single font’s own name as its member, and no other', () => {
    const f = openSfnt(SERIF, 'NotoSerifSC-Regular');
    expect(f.numGlyphs).toBe(serif.numGlyphs);
    f.close();
    expect(() => openSfnt(SERIF, 'NotoSansSC-Bold')).toThrow(new SfntError(`${SERIF} is not a collection and its PostScript name is not "NotoSansSC-Bold"; it holds: NotoSerifSC-Regular`));
  });

  it('lists the members when the one asked for is not there', () => {
    expect(() => openSfnt(ttc, 'YBTest-C')).toThrow(new SfntError(`the collection ${ttc} has no member "YBTest-C"; it holds: YBTest-A, YBTest-B`));
  });
});

describe('cmap subtables', () => {
  const lookups = (face: SfntFace, fk: Font, cps: number[]) => [cps.map((cp) => face.glyphId(cp)), cps.map((cp) => (fk.hasGlyphForCodePoint(cp) ? fk.glyphForCodePoint(cp).id : 0))];
  const BMP = Array.from({ length: 0x10000 }, (_, i) => i);

  function cmap(subtables: Array<[number, number, number[]]>): Uint8Array {
    const head = [...u16(0), ...u16(subtables.length)];
    let off = 4 + 8 * subtables.length;
    const body: number[] = [];
    for (const [p, e, t] of subtables) {
      head.push(...u16(p), ...u16(e), ...u32(off));
      body.push(...t);
      off += t.length;
    }
    return Uint8Array.from([...head, ...body]);
  }

  it('reads format 4 (with idRangeOffset segments) as fontkit does', () => {
    // Noto's own cmap with the 32-bit subtables relabelled out of reach, leaving its format 4.
    const c = Uint8Array.from(serif.table('cmap')!);
    const v = new DataView(c.buffer);
    const kept: number[] = [];
    for (let i = 0; i < v.getUint16(2); i++) {
      const r = 4 + 8 * i;
      const format = v.getUint16(v.getUint32(r + 4));
      if (format !== 4) v.setUint16(r + 2, 99);
      else kept.push(format);
    }
    expect(kept.length).toBeGreaterThan(0);
    const file = save('f4.ttf', tinyFont(serif.numGlyphs, { cmap: c }));
    const face = openSfnt(file);
    const [mine, theirs] = lookups(face, fontkit.create(readFileSync(file)), [...BMP, 0x20000, 0x10ffff]);
    expect(mine).toEqual(theirs);
    expect(mine.filter((g) => g > 0).length).toBeGreaterThan(20000);
    expect(face.glyphId(0x7b80)).toBe(serif.glyphId(0x7b80));
    face.close();
  });

  it('reads formats 0, 4, 6, 10 and 13, preferring (3,10) over (3,1)', () => {
    const f0 = [...u16(0), ...u16(262), ...u16(0), ...Array.from({ length: 256 }, (_, i) => (i >= 0x30 && i < 0x3a ? i - 0x2f : 0))];
    const f6 = [...u16(6), ...u16(20), ...u16(0), ...u16(0x41), ...u16(5), ...[3, 0, 5, 6, 7].flatMap(u16)];
    const f13 = [...u16(13), ...u16(0), ...u32(40), ...u32(0), ...u32(2), ...u32(0x4e00), ...u32(0x4eff), ...u32(9), ...u32(0x20000), ...u32(0x20010), ...u32(4)];
    const f10 = [...u16(10), ...u16(0), ...u32(26), ...u32(0), ...u32(0x1f600), ...u32(3), ...[2, 0, 8].flatMap(u16)];
    // Format 4 with a negative idDelta and an idRangeOffset segment that has an idDelta too.
    const f4 = [4, 48, 0, 6, 4, 1, 2, 0x22, 0x4e03, 0xffff, 0, 0x20, 0x4e00, 0xffff, -0x1f & 0xffff, 2, 1, 0, 4, 0, 4, 0, 6, 7].flatMap(u16);
    const cases: Array<[string, Array<[number, number, number[]]>, number[]]> = [
      ['f4', [[3, 1, f4]], [0x1f, 0x20, 0x22, 0x23, 0x4e00, 0x4e01, 0x4e03, 0x4e04, 0xffff]],
      ['f0', [[0, 3, f0]], [0x30, 0x39, 0x3a, 0x2f]],
      ['f6', [[3, 1, f6]], [0x40, 0x41, 0x42, 0x45, 0x46]],
      ['f13', [[0, 6, f13]], [0x4dff, 0x4e00, 0x4e80, 0x4eff, 0x4f00, 0x20000, 0x20010, 0x20011]],
      ['f6+f13', [[3, 1, f6], [3, 10, f13]], [0x41, 0x4e00]],
    ];
    const expected: Record<string, number[]> = {
      f4: [0, 1, 3, 0, 6, 0, 9, 0, 0],
      f0: [1, 10, 0, 0],
      f6: [0, 3, 0, 7, 0],
      f13: [0, 9, 9, 9, 0, 4, 4, 0],
      'f6+f13': [0, 9],
    };
    for (const [name, subtables, cps] of cases) {
      const file = save(`${name}.ttf`, tinyFont(12, { cmap: cmap(subtables) }));
      const face = openSfnt(file);
      const [mine, theirs] = lookups(face, fontkit.create(readFileSync(file)), [...BMP.slice(0, 0x5000), 0x20000, 0x20010, 0x20011]);
      expect(mine, name).toEqual(theirs);
      expect(cps.map((cp) => face.glyphId(cp)), name).toEqual(expected[name]);
      face.close();
    }
    // fontkit's format 10 reader differs from the spec, so this one is checked against the table itself.
    const face = openSfnt(save('f10.ttf', tinyFont(12, { cmap: cmap([[3, 10, f10]]) })));
    expect([0x1f5ff, 0x1f600, 0x1f601, 0x1f602, 0x1f603].map((cp) => face.glyphId(cp))).toEqual([0, 2, 0, 8, 0]);
    face.close();
  });
});

describe('faces without TrueType outlines', () => {
  it('tells CFF and CFF2 faces apart, and subsets neither', () => {
    const cff = openSfnt(save('cff.otf', tinyFont(3, { 'CFF ': Uint8Array.from([1, 0, 4, 4]) }, 0x4f54544f)));
    expect([cff.outlines, cff.isVariable, cff.hBounds(1), cff.advance(2), cff.advance(7)]).toEqual(['CFF ', false, undefined, 502, 502]);
    expect(() => cff.subset([1])).toThrow(SfntError);
    expect(() => cff.subset([1])).toThrow("has 'CFF' outlines; only TrueType (glyf) faces can be subset here");
    cff.close();
    const cff2 = openSfnt(save('cff2.otf', tinyFont(3, { CFF2: Uint8Array.from([2, 0, 5, 0, 0]), fvar: Uint8Array.from(u16(1)) }, 0x4f54544f)));
    expect([cff2.outlines, cff2.isVariable, cff2.weightClass, cff2.capHeight, cff2.postscriptName, cff2.familyNames]).toEqual(['CFF2', true, 400, serif.ascent, '', []]);
    cff2.close();
  });
});
