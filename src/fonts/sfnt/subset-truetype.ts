// Cut a TrueType face down to the glyphs a document uses, for embedding in a PDF as a
// CIDFontType2 with /CIDToGIDMap /Identity (so new glyph id = CID). Glyph 0 stays .notdef;
// then the requested glyphs in ascending order; then the components of composite glyphs.
import { componentIdOffsets, isComposite } from './composite.js';
import type { Face } from './face.js';
import { SfntError } from './sfnt-error.js';
import { writeSfnt } from './write-sfnt.js';

export function subsetTrueType(face: Face, gids: Iterable<number>): { bytes: Uint8Array; newId: Map<number, number> } {
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

  // glyf and loca: glyph bytes verbatim (component ids renumbered), each padded to 4 bytes.
  let total = 0;
  for (const g of order) total += (bytes.get(g)!.length + 3) & ~3;
  const glyf = new Uint8Array(total);
  const offsets = new Uint32Array(order.length + 1);
  let pos = 0;
  order.forEach((g, i) => {
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
  });
  offsets[order.length] = pos;
  const shortLoca = pos / 2 <= 0xffff;
  const loca = new Uint8Array((order.length + 1) * (shortLoca ? 2 : 4));
  const lv = new DataView(loca.buffer);
  offsets.forEach((o, i) => (shortLoca ? lv.setUint16(2 * i, o / 2) : lv.setUint32(4 * i, o)));

  const hmtx = new Uint8Array(4 * order.length);
  const hv = new DataView(hmtx.buffer);
  order.forEach((g, i) => {
    hv.setUint16(4 * i, face.advance(g));
    hv.setInt16(4 * i + 2, face.lsb(g));
  });

  const head = Uint8Array.from(face.table('head')!.subarray(0, 54));
  new DataView(head.buffer).setInt16(50, shortLoca ? 0 : 1);
  const hhea = Uint8Array.from(face.table('hhea')!.subarray(0, 36));
  new DataView(hhea.buffer).setUint16(34, order.length);
  const maxp = Uint8Array.from(face.table('maxp')!);
  new DataView(maxp.buffer).setUint16(4, order.length);
  const post = new Uint8Array(32); // version 3: no glyph names
  new DataView(post.buffer).setUint32(0, 0x00030000);
  const srcPost = face.table('post');
  if (srcPost && srcPost.length >= 16) post.set(srcPost.subarray(4, 16), 4);

  const tables = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['post', post],
  ]);
  for (const tag of ['cvt ', 'fpgm', 'prep']) {
    const t = face.table(tag);
    if (t) tables.set(tag, t);
  }
  return { bytes: writeSfnt(tables), newId };
}
