// A face embedded as a composite font (Type0, Identity-H) with a subset font program,
// its widths and a ToUnicode map, so text can be searched and copied.
import type { FaceReader } from '../../fonts/face-metrics.js';
import { digest16 } from './digest.js';
import type { PdfFile } from './document.js';
import { PdfText, type PdfDict, type PdfRef, type PdfValue } from './serialize.js';

export interface FontUse {
  reader: FaceReader;
  /** Glyph id → the code point it sets (the first one seen). */
  glyphs: Map<number, number>;
}

export interface EmbeddedFont {
  /** Old glyph id → CID in the content stream. */
  cid: Map<number, number>;
  /** Advance of each CID in thousandths of an em. */
  widths: Map<number, number>;
}

/** A six-letter subset tag from the glyphs the subset holds: same glyphs, same tag. */
function subsetTag(name: string, gids: number[]): string {
  const h = digest16(name, gids);
  return [...h.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 | (v >> 10)) + hex4(0xdc00 | (v & 0x3ff));
}

function toUnicodeCmap(byCid: Array<[number, number]>): string {
  const lines: string[] = [];
  for (let i = 0; i < byCid.length; i += 100) {
    const chunk = byCid.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`, ...chunk.map(([cid, cp]) => `<${hex4(cid)}> <${utf16Hex(cp)}>`), 'endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo <<',
    '  /Registry (Adobe)',
    '  /Ordering (UCS)',
    '  /Supplement 0',
    '>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000><ffff>',
    'endcodespacerange',
    ...lines,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Write the font's objects into `pdf` under `ref` (the font dictionary's number). */
export function embedFont(pdf: PdfFile, ref: PdfRef, use: FontUse): EmbeddedFont {
  const r = use.reader;
  const gids = [...use.glyphs.keys()].sort((a, b) => a - b);
  const program = r.subset(gids);
  const scale = 1000 / r.unitsPerEm;
  const cff = r.outlines === 'CFF ';
  const name = `${subsetTag(r.postscriptName, gids)}+${r.postscriptName.replace(/[\s()<>[\]{}/%#]/g, '_')}`;
  const file = pdf.stream(cff ? { Subtype: 'CIDFontType0C' } : {}, program.bytes);
  const descriptor = pdf.put({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: 4, // symbolic: the glyphs are not in the standard Latin character set
    FontBBox: r.bbox.map((v) => v * scale),
    ItalicAngle: r.italicAngle,
    Ascent: r.ascent * scale,
    Descent: r.descent * scale,
    CapHeight: r.capHeight * scale,
    XHeight: 0,
    StemV: 0,
    [cff ? 'FontFile3' : 'FontFile2']: file,
  });
  const widths = new Map<number, number>();
  const byCid: Array<[number, number]> = [];
  for (const g of gids) {
    const cid = program.newId.get(g)!;
    widths.set(cid, r.advance(g) * scale);
    byCid.push([cid, use.glyphs.get(g)!]);
  }
  byCid.sort((a, b) => a[0] - b[0]);
  // W as runs of consecutive CIDs: c [w1 w2 …].
  const w: PdfValue[] = [];
  for (let i = 0; i < byCid.length; ) {
    const start = byCid[i][0];
    const run: number[] = [];
    while (i < byCid.length && byCid[i][0] === start + run.length) run.push(widths.get(byCid[i++][0])!);
    w.push(start, run);
  }
  const cidFont: PdfDict = {
    Type: 'Font',
    Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: new PdfText('Adobe'), Ordering: new PdfText('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: w,
  };
  if (!cff) cidFont.CIDToGIDMap = 'Identity';
  const descendant = pdf.put(cidFont);
  const toUnicode = pdf.stream({}, toUnicodeCmap(byCid));
  pdf.put({ Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: toUnicode }, ref);
  return { cid: program.newId, widths };
}
