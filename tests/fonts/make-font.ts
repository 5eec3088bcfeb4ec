// Test faces made from the bundled Noto faces, so no test depends on the machine's fonts:
// a TrueType subset, a CFF .otf (outlines converted to cubic Type 2 charstrings) and a
// .ttc collection, each with its own cmap and name table (English and Chinese names).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, deflateSync } from 'node:zlib';
import * as fontkitNs from 'fontkit';
import type { Font } from 'fontkit';

const fontkit = ((fontkitNs as unknown as { default?: typeof fontkitNs }).default ?? fontkitNs) as typeof fontkitNs;
const require = createRequire(import.meta.url);

export const SERIF = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
export const SANS = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
export const SANS_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export interface FaceNames {
  family: string;
  style?: string;
  postscript: string;
  /** Family name under the Chinese (PRC) language ID, as Chinese faces have. */
  familyZh?: string;
  weight?: number;
  /** A family name record in the old Windows PRC encoding (platform 3, encoding 3): GBK code units. */
  gbkFamily?: number[];
  /** Give it an fvar table (one wght axis), making it a variable font. */
  variable?: boolean;
}

/** Characters a face should have, with `as` mapping a character to the source's glyph of another (a rare character drawn with a common one's glyph). */
export interface Chars {
  chars: string;
  as?: Record<string, string>;
}

type Tables = Record<string, Uint8Array>;

const u16 = (n: number) => [(n >> 8) & 255, n & 255];
const u32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];

/** The tables of an sfnt (not a collection), as raw bytes. */
export function readTables(bytes: Uint8Array): Tables {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = v.getUint16(4);
  const out: Tables = {};
  for (let i = 0; i < n; i++) {
    const r = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(r, r + 4));
    out[tag] = bytes.slice(v.getUint32(r + 8), v.getUint32(r + 8) + v.getUint32(r + 12));
  }
  return out;
}

/** Write one or more fonts (several make a .ttc) with 4-byte aligned tables. */
export function writeSfnt(fonts: Array<{ version: number; tables: Tables }>): Buffer {
  const collection = fonts.length > 1;
  const headerLen = collection ? 12 + 4 * fonts.length : 0;
  const dirLens = fonts.map((f) => 12 + 16 * Object.keys(f.tables).length);
  let pos = headerLen + dirLens.reduce((a, b) => a + b, 0);
  const data: number[][] = [];
  const dirs: number[][] = [];
  for (const f of fonts) {
    const tags = Object.keys(f.tables).sort();
    const n = tags.length;
    const es = Math.floor(Math.log2(n));
    const dir = [...u32(f.version), ...u16(n), ...u16(16 * 2 ** es), ...u16(es), ...u16(n * 16 - 16 * 2 ** es)];
    for (const tag of tags) {
      const t = f.tables[tag];
      const padded = [...t, ...new Array((4 - (t.length % 4)) % 4).fill(0)];
      let sum = 0;
      for (let i = 0; i < padded.length; i += 4) sum = (sum + ((padded[i] << 24) | (padded[i + 1] << 16) | (padded[i + 2] << 8) | padded[i + 3])) >>> 0;
      dir.push(...[...tag].map((c) => c.charCodeAt(0)), ...u32(sum), ...u32(pos), ...u32(t.length));
      data.push(padded);
      pos += padded.length;
    }
    dirs.push(dir);
  }
  const header: number[] = [];
  if (collection) {
    header.push(...[...'ttcf'].map((c) => c.charCodeAt(0)), ...u32(0x00010000), ...u32(fonts.length));
    let off = headerLen;
    for (const l of dirLens) {
      header.push(...u32(off));
      off += l;
    }
  }
  return Buffer.concat([Buffer.from(header), ...dirs.map((d) => Buffer.from(d)), ...data.map((d) => Buffer.from(d))]);
}

function nameTable(n: FaceNames): Uint8Array {
  const style = n.style ?? 'Regular';
  const recs: Array<[number, number, string]> = [
    [0x409, 1, n.family],
    [0x409, 2, style],
    [0x409, 4, `${n.family} ${style}`],
    [0x409, 6, n.postscript],
  ];
  if (n.variable) recs.push([0x409, 256, 'Weight']);
  if (n.familyZh) recs.push([0x804, 1, n.familyZh], [0x804, 2, style], [0x804, 4, `${n.familyZh} ${style}`]);
  recs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const strings: number[] = [];
  const count = recs.length + (n.gbkFamily ? 1 : 0);
  const head = [...u16(0), ...u16(count), ...u16(6 + 12 * count)];
  if (n.gbkFamily) {
    const bytes = n.gbkFamily.flatMap(u16);
    head.push(...u16(3), ...u16(3), ...u16(0x804), ...u16(1), ...u16(bytes.length), ...u16(0));
    strings.push(...bytes);
  }
  for (const [lang, id, s] of recs) {
    const bytes = [...s].flatMap((c) => {
      const cp = c.codePointAt(0)!;
      if (cp < 0x10000) return u16(cp);
      const v = cp - 0x10000;
      return [...u16(0xd800 + (v >> 10)), ...u16(0xdc00 + (v & 0x3ff))];
    });
    head.push(...u16(3), ...u16(1), ...u16(lang), ...u16(id), ...u16(bytes.length), ...u16(strings.length));
    strings.push(...bytes);
  }
  return Uint8Array.from([...head, ...strings]);
}

/** cmap with a format 4 (BMP) and a format 12 (all planes) subtable. */
function cmapTable(map: Array<[number, number]>): Uint8Array {
  const sorted = [...map].sort((a, b) => a[0] - b[0]);
  const bmp = sorted.filter(([c]) => c < 0xffff);
  const seg = bmp.length + 1;
  const es = Math.floor(Math.log2(seg));
  const f4: number[] = [];
  const ends = [...bmp.map(([c]) => c), 0xffff];
  const starts = [...bmp.map(([c]) => c), 0xffff];
  const deltas = [...bmp.map(([c, g]) => (g - c) & 0xffff), 1];
  f4.push(...ends.flatMap(u16), ...u16(0), ...starts.flatMap(u16), ...deltas.flatMap(u16), ...new Array(seg).fill(0).flatMap(u16));
  const f4full = [...u16(4), ...u16(14 + f4.length), ...u16(0), ...u16(seg * 2), ...u16(2 * 2 ** es), ...u16(es), ...u16(seg * 2 - 2 * 2 ** es), ...f4];
  const f12 = [...u16(12), ...u16(0), ...u32(16 + 12 * sorted.length), ...u32(0), ...u32(sorted.length), ...sorted.flatMap(([c, g]) => [...u32(c), ...u32(c), ...u32(g)])];
  const head = [...u16(0), ...u16(2), ...u16(3), ...u16(1), ...u32(20), ...u16(3), ...u16(10), ...u32(20 + f4full.length)];
  return Uint8Array.from([...head, ...f4full, ...f12]);
}

const postTable = () => Uint8Array.from([...u32(0x00030000), ...new Array(28).fill(0)]);

function os2(source: Tables, weight: number): Uint8Array {
  const t = source['OS/2'].slice();
  t.set(u16(weight), 4);
  return t;
}

/** The glyph ids of `chars` in `font` (each must be there). */
function glyphIds(font: Font, chars: string | Chars): Array<[number, number]> {
  const c = typeof chars === 'string' ? { chars } : chars;
  const pairs: Array<[string, string]> = [...new Set(c.chars)].map((ch) => [ch, ch]);
  for (const [ch, src] of Object.entries(c.as ?? {})) pairs.push([ch, src]);
  return pairs.map(([ch, srcCh]) => {
    const cp = srcCh.codePointAt(0)!;
    if (!font.hasGlyphForCodePoint(cp)) throw new Error(`source face lacks ${srcCh}`);
    return [ch.codePointAt(0)!, font.glyphForCodePoint(cp).id];
  });
}

const open = (file: string) => fontkit.create(readFileSync(file)) as Font;

/** The tables of a TrueType face holding only `chars`, cut from `source`. */
export function ttfTables(source: string, chars: string | Chars, names: FaceNames): Tables {
  const font = open(source);
  const sub = font.createSubset();
  const map = glyphIds(font, chars).map(([cp, gid]) => [cp, sub.includeGlyph(gid)] as [number, number]);
  const tables = readTables(sub.encode() as Uint8Array);
  const src = readTables(readFileSync(source));
  const out = { ...tables, cmap: cmapTable(map), name: nameTable(names), 'OS/2': os2(src, names.weight ?? 400), post: postTable() };
  return names.variable ? { ...out, fvar: fvarTable() } : out;
}

export function makeTtf(source: string, chars: string | Chars, names: FaceNames): Buffer {
  return writeSfnt([{ version: 0x00010000, tables: ttfTables(source, chars, names) }]);
}

export function makeTtc(members: Array<{ source: string; chars: string | Chars; names: FaceNames }>): Buffer {
  return writeSfnt(members.map((m) => ({ version: 0x00010000, tables: ttfTables(m.source, m.chars, m.names) })));
}

// ---- CFF -------------------------------------------------------------------

function csNum(v: number): number[] {
  v = Math.round(v);
  if (v >= -107 && v <= 107) return [v + 139];
  if (v >= 108 && v <= 1131) return [((v - 108) >> 8) + 247, (v - 108) & 255];
  if (v >= -1131 && v <= -108) return [((-v - 108) >> 8) + 251, (-v - 108) & 255];
  return [28, ...u16(v & 0xffff)];
}

/** A glyph's outline as a Type 2 charstring (quadratic curves raised to cubic). */
function charstring(font: Font, gid: number): number[] {
  const cmds = (font.getGlyph(gid).path as unknown as { commands: Array<{ command: string; args: number[] }> }).commands;
  const out: number[] = [];
  let cx = 0;
  let cy = 0; // the pen, in rounded units so deltas never drift
  const to = (x: number, y: number) => {
    const r = [Math.round(x) - cx, Math.round(y) - cy];
    cx = Math.round(x);
    cy = Math.round(y);
    return r.flatMap(csNum);
  };
  let px = 0;
  let py = 0; // the exact current point
  for (const { command, args } of cmds) {
    if (command === 'moveTo') {
      out.push(...to(args[0], args[1]), 21);
      [px, py] = args;
    } else if (command === 'lineTo') {
      out.push(...to(args[0], args[1]), 5);
      [px, py] = args;
    } else if (command === 'quadraticCurveTo') {
      const [qx, qy, x, y] = args;
      out.push(...to(px + (2 / 3) * (qx - px), py + (2 / 3) * (qy - py)), ...to(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y)), ...to(x, y), 8);
      [px, py] = [x, y];
    } else if (command === 'bezierCurveTo') {
      out.push(...to(args[0], args[1]), ...to(args[2], args[3]), ...to(args[4], args[5]), 8);
      [px, py] = [args[4], args[5]];
    }
  }
  out.push(14);
  return out;
}

function cffIndex(items: number[][]): number[] {
  if (!items.length) return u16(0);
  const offs = [1];
  for (const it of items) offs.push(offs[offs.length - 1] + it.length);
  return [...u16(items.length), 4, ...offs.flatMap(u32), ...items.flat()];
}

const dictInt = (n: number) => [29, ...u32(n)];

function cffTable(psName: string, charstrings: number[][]): Uint8Array {
  const header = [1, 0, 4, 4];
  const nameIdx = cffIndex([[...psName].map((c) => c.charCodeAt(0))]);
  const privateDict = [...dictInt(0), 20, ...dictInt(0), 21];
  const top = (charsetAt: number, csAt: number, privAt: number) => [...dictInt(charsetAt), 15, ...dictInt(csAt), 17, ...dictInt(privateDict.length), ...dictInt(privAt), 18];
  const topLen = cffIndex([top(0, 0, 0)]).length;
  const strings = cffIndex([]);
  const gsubrs = cffIndex([]);
  // Standard strings stand in for glyph names: SID n for glyph n (test faces stay small).
  const charset = [0, ...charstrings.slice(1).flatMap((_, i) => u16(i + 1))];
  const csIdx = cffIndex(charstrings);
  const charsetAt = header.length + nameIdx.length + topLen + strings.length + gsubrs.length;
  const csAt = charsetAt + charset.length;
  const privAt = csAt + csIdx.length;
  return Uint8Array.from([...header, ...nameIdx, ...cffIndex([top(charsetAt, csAt, privAt)]), ...strings, ...gsubrs, ...charset, ...csIdx, ...privateDict]);
}

/** The tables of a CFF-outline OpenType face holding only `chars`, drawn from `source`'s outlines. */
function cffTables(source: string, chars: string | Chars, names: FaceNames, opts: { cff2?: boolean } = {}): Tables {
  const font = open(source);
  const src = readTables(readFileSync(source));
  const ids = glyphIds(font, chars);
  const gids = [0, ...ids.map(([, g]) => g)];
  const charstrings = gids.map((g) => charstring(font, g));
  const hmtx = gids.flatMap((g) => {
    const gl = font.getGlyph(g);
    return [...u16(gl.advanceWidth), ...u16(Math.round(gl.bbox.minX) & 0xffff)];
  });
  const hhea = src.hhea.slice();
  hhea.set(u16(gids.length), 34);
  const maxp = Uint8Array.from([...u32(0x00005000), ...u16(gids.length)]);
  const tables: Tables = {
    [opts.cff2 ? 'CFF2' : 'CFF ']: cffTable(names.postscript, charstrings),
    'OS/2': os2(src, names.weight ?? 400),
    cmap: cmapTable(ids.map(([cp], i) => [cp, i + 1])),
    head: src.head,
    hhea,
    hmtx: Uint8Array.from(hmtx),
    maxp,
    name: nameTable(names),
    post: postTable(),
  };
  return tables;
}

/** A CFF .otf holding only `chars`; `cff2` labels the outlines CFF2 (a variable font). */
export function makeCffOtf(source: string, chars: string | Chars, names: FaceNames, opts: { cff2?: boolean } = {}): Buffer {
  return writeSfnt([{ version: 0x4f54544f, tables: cffTables(source, chars, names, opts) }]);
}

/** An .otc: a collection of CFF faces. */
export function makeOtc(members: Array<{ source: string; chars: string | Chars; names: FaceNames }>): Buffer {
  return writeSfnt(members.map((m) => ({ version: 0x4f54544f, tables: cffTables(m.source, m.chars, m.names) })));
}

/** A minimal fvar: one wght axis 100–900, default 400, named by name ID 256. */
function fvarTable(): Uint8Array {
  const axis = [...[...'wght'].map((c) => c.charCodeAt(0)), ...u32(100 << 16), ...u32(400 << 16), ...u32(900 << 16), ...u16(0), ...u16(256)];
  return Uint8Array.from([...u16(1), ...u16(0), ...u16(16), ...u16(2), ...u16(1), ...u16(20), ...u16(0), ...u16(8), ...axis]);
}

// ---- Web fonts ---------------------------------------------------------------

/** A WOFF (1.0) of an sfnt: each table zlib-compressed. */
export function makeWoff(sfnt: Buffer): Buffer {
  const tables = readTables(sfnt);
  const tags = Object.keys(tables).sort();
  // A table that does not shrink is stored as it is (readers tell by the lengths).
  const packed = tags.map((tag) => {
    const z = deflateSync(tables[tag]);
    return { tag, orig: tables[tag], data: z.length < tables[tag].length ? z : Buffer.from(tables[tag]) };
  });
  let at = 44 + 20 * tags.length;
  const dir: number[] = [];
  const data: Buffer[] = [];
  for (const t of packed) {
    dir.push(...[...t.tag].map((c) => c.charCodeAt(0)), ...u32(at), ...u32(t.data.length), ...u32(t.orig.length), ...u32(0));
    const pad = Buffer.alloc((4 - (t.data.length % 4)) % 4);
    data.push(t.data, pad);
    at += t.data.length + pad.length;
  }
  const head = [...u32(0x774f4646), ...u32(sfnt.readUInt32BE(0)), ...u32(at), ...u16(tags.length), ...u16(0), ...u32(sfnt.length), ...u16(1), ...u16(0), ...new Array(20).fill(0)];
  return Buffer.concat([Buffer.from(head), Buffer.from(dir), ...data]);
}

/**
 * A WOFF2 of a TrueType sfnt. Real encoders re-encode glyf and loca (the "transform");
 * `transformed` marks them so (their bytes are stored as they are: enough for a reader
 * that looks at the table directory before any glyph).
 */
export function makeWoff2(sfnt: Buffer, opts: { transformed: boolean }): Buffer {
  const tables = readTables(sfnt);
  const tags = Object.keys(tables).sort();
  const known = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep'];
  const base128 = (n: number) => {
    const out = [n & 127];
    while ((n >>>= 7)) out.unshift((n & 127) | 128);
    return out;
  };
  const dir: number[] = [];
  for (const tag of tags) {
    const k = known.indexOf(tag);
    const glyfLoca = tag === 'glyf' || tag === 'loca';
    // For glyf and loca, transform version 0 is the transform and 3 none.
    dir.push((k >= 0 ? k : 63) | (glyfLoca && !opts.transformed ? 3 << 6 : 0));
    if (k < 0) dir.push(...[...tag].map((c) => c.charCodeAt(0)));
    dir.push(...base128(tables[tag].length));
    if (glyfLoca && opts.transformed) dir.push(...base128(tag === 'glyf' ? tables[tag].length : 0));
  }
  const body = Buffer.concat(tags.filter((t) => !(opts.transformed && t === 'loca')).map((t) => Buffer.from(tables[t])));
  const packed = brotliCompressSync(body);
  const pad = Buffer.alloc((4 - (packed.length % 4)) % 4);
  const total = 48 + dir.length + packed.length + pad.length;
  const head = [...u32(0x774f4632), ...u32(sfnt.readUInt32BE(0)), ...u32(total), ...u16(tags.length), ...u16(0), ...u32(sfnt.length), ...u32(packed.length), ...u16(1), ...u16(0), ...new Array(20).fill(0)];
  return Buffer.concat([Buffer.from(head), Buffer.from(dir), packed, pad]);
}
