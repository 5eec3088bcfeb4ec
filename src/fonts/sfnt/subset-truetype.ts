// Cut a TrueType face down to the glyphs a document uses, for embedding in a PDF as a
// CIDFontType2 with /CIDToGIDMap /Identity (so new glyph id = CID). Glyph 0 stays .notdef;
// then the requested glyphs in ascending order; then the components of composite glyphs.
import { componentIdOffsets, isComposite } from './composite.js';
import type { Face } from './face.js';
import { SfntError } from './sfnt-error.js';
import { writeSfnt } from './write-sfnt.js';

export function subsetTrueType(face: Face, gids: Iterable<number>): { bytes: Uint8Array; newId: Map<number, number> } {
  const { order, newId, bytes } = collectGlyphs(face, gids);
  const { glyf, loca, shortLoca } = glyfAndLoca(face, order, newId, bytes);
  const tables = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['head', head(face, shortLoca)],
    ['hhea', hhea(face, order.length)],
    ['hmtx', hmtx(face, order)],
    ['loca', loca],
    ['maxp', maxp(face, order.length)],
    ['post', post(face)],
  ]);
  for (const tag of ['cvt ', 'fpgm', 'prep']) {
    const t = face.table(tag);
    if (t) tables.set(tag, t);
  }
  return { bytes: writeSfnt(tables), newId };
}

/** Glyph 0, the glyphs asked for (ascending), then the components of composite glyphs. */
function collectGlyphs(face: Face, gids: Iterable<number>) {
  const newId = new Map<number, number>([[0, 0]]);
  const order = [0];
  const list: number[] = [];
  for (const g of gids) {
    if (!Number.isInteger(g) || g < 0 || g >= face.numGlyphs) throw new SfntError(`${face.file} has no glyph ${g} (it has ${face.numGlyphs})`);
    list.push(g);
  }
  const asked = Uint16Array.from(list).sort(); // numeric, without a comparator call per step
  for (const g of asked) {
    if (!newId.has(g)) {
      newId.set(g, order.length);
      order.push(g);
    }
  }
  // Read the glyphs, then the components they name, level by level (each level one batch of reads).
  const bytes = new Map<number, Buffer>();
  let level = order.slice();
  while (level.length) {
    const got = face.glyphBytes(level);
    const next: number[] = [];
    for (const g of level) {
      const b = got.get(g)!;
      bytes.set(g, b);
      if (!isComposite(b)) continue;
      for (const p of componentIdOffsets(b, `${face.file} glyph ${g}`)) {
        const c = b.readUInt16BE(p);
        if (c >= face.numGlyphs) throw new SfntError(`${face.file}: glyph ${g} is built from glyph ${c}, which the face does not have`);
        if (!newId.has(c)) {
          newId.set(c, order.length);
          order.push(c);
          next.push(c);
        }
      }
    }
    level = next;
  }
  return { order, newId, bytes };
}

/** glyf and loca: glyph bytes verbatim (component ids renumbered), each padded to 4 bytes. */
function glyfAndLoca(face: Face, order: number[], newId: Map<number, number>, bytes: Map<number, Buffer>) {
  let total = 0;
  for (const g of order) total += (bytes.get(g)!.length + 3) & ~3;
  const glyf = new Uint8Array(total);
  const offsets = new Uint32Array(order.length + 1);
  let pos = 0;
  for (let i = 0; i < order.length; i++) {
    const g = order[i];
    const b = bytes.get(g)!;
    offsets[i] = pos;
    glyf.set(b, pos);
    if (isComposite(b)) {
      for (const p of componentIdOffsets(b, `${face.file} glyph ${g}`)) {
        const id = newId.get(b.readUInt16BE(p))!;
        glyf[pos + p] = id >> 8;
        glyf[pos + p + 1] = id & 255;
      }
    }
    pos += (b.length + 3) & ~3;
  }
  offsets[order.length] = pos;
  const shortLoca = pos / 2 <= 0xffff;
  const loca = new Uint8Array((order.length + 1) * (shortLoca ? 2 : 4));
  const lv = new DataView(loca.buffer);
  for (let i = 0; i < offsets.length; i++) {
    if (shortLoca) lv.setUint16(2 * i, offsets[i] / 2);
    else lv.setUint32(4 * i, offsets[i]);
  }
  return { glyf, loca, shortLoca };
}

function hmtx(face: Face, order: number[]): Uint8Array {
  const out = new Uint8Array(4 * order.length);
  const v = new DataView(out.buffer);
  for (let i = 0; i < order.length; i++) {
    v.setUint16(4 * i, face.advance(order[i]));
    v.setInt16(4 * i + 2, face.lsb(order[i]));
  }
  return out;
}

function head(face: Face, shortLoca: boolean): Uint8Array {
  const t = Uint8Array.from(face.table('head')!.subarray(0, 54));
  new DataView(t.buffer).setInt16(50, shortLoca ? 0 : 1);
  return t;
}

function hhea(face: Face, numGlyphs: number): Uint8Array {
  const t = Uint8Array.from(face.table('hhea')!.subarray(0, 36));
  new DataView(t.buffer).setUint16(34, numGlyphs);
  return t;
}

function maxp(face: Face, numGlyphs: number): Uint8Array {
  const t = Uint8Array.from(face.table('maxp')!);
  new DataView(t.buffer).setUint16(4, numGlyphs);
  return t;
}

/** Version 3: no glyph names; italic angle and underline kept. */
function post(face: Face): Uint8Array {
  const t = new Uint8Array(32);
  new DataView(t.buffer).setUint32(0, 0x00030000);
  const src = face.table('post');
  if (src && src.length >= 16) t.set(src.subarray(4, 16), 4);
  return t;
}
