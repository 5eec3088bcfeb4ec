// Glyph-exact text: each line becomes TJ arrays of glyph ids with the composer's
// positions, so the PDF shows exactly what was composed (pdfkit's text() would re-lay it).
import type { FontBook } from '../fonts/font-book.js';
import type { Face } from '../fonts/open-face.js';
import type { TextDraw } from '../paginate/types.js';

/** The slice of pdfkit's EmbeddedFont this writer relies on. */
export interface PdfFont {
  id: string;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

const tjEndsLine = (d: TextDraw, g: TextDraw['glyphs'][number]) => d.glyphs[d.glyphs.length - 1] === g;

const fmt = (n: number) => (Math.round(n * 1000) / 1000).toString();
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export function textOps(d: TextDraw, pageH: number, book: FontBook, pdfFont: (face: Face) => PdfFont, useFont: (f: PdfFont) => void): string[] {
  const ops: string[] = ['BT'];
  const y = pageH - d.y;
  let cur: { font: PdfFont; size: number; bold: boolean } | null = null;
  let tj: string[] = [];
  let penX = 0; // where the pen stands after the last glyph of the current TJ
  const flush = () => {
    if (tj.length) ops.push(`[${tj.join('')}] TJ`);
    tj = [];
  };
  for (const g of d.glyphs) {
    const ref = book.glyph(g.ch, g.font);
    if (!ref) continue; // reported before composition; never reached in a valid build
    const pf = pdfFont(ref.face);
    const gid = pf.subset.includeGlyph(ref.glyph.id);
    if (pf.widths[gid] == null) pf.widths[gid] = ref.glyph.advanceWidth * pf.scale;
    if (pf.unicode[gid] == null) pf.unicode[gid] = [g.ch.codePointAt(0)!];
    const adv = (pf.widths[gid] / 1000) * g.size * (g.scaleX ?? 1);
    const x = d.x + g.x;
    const bold = ref.face.fakeBold;
    const sameRun = cur && cur.font === pf && cur.size === g.size && cur.bold === bold && !g.scaleX;
    if (!sameRun) {
      flush();
      if (!cur || cur.font !== pf || cur.size !== g.size) {
        useFont(pf);
        ops.push(`/${pf.id} ${fmt(g.size)} Tf`);
      }
      if (!cur || cur.bold !== bold) ops.push(bold ? `2 Tr ${fmt(g.size * 0.03)} w` : '0 Tr');
      cur = { font: pf, size: g.size, bold };
      ops.push(`${fmt(g.scaleX ?? 1)} 0 0 1 ${fmt(x)} ${fmt(y)} Tm`);
      penX = x;
    }
    const sx = g.scaleX ?? 1;
    const shift = x - penX; // space the composer put before this glyph, beyond the advance
    if (Math.abs(shift) > 0.0005) tj.push(fmt((-shift * 1000) / (g.size * sx)));
    tj.push(`<${hex4(gid)}>`);
    penX = x + adv;
    if (g.scaleX || tjEndsLine(d, g)) {
      // Leave the pen at the end of the cell as composed (a squeezed mark is narrower
      // than its advance), so text tools measure the line the reader sees.
      const cellEnd = d.x + (g.cell ?? g.x) + g.w;
      if (Math.abs(cellEnd - penX) > 0.0005) tj.push(fmt((-(cellEnd - penX) * 1000) / (g.size * sx)));
      penX = cellEnd;
    }
    if (g.scaleX) {
      flush();
      cur = { ...cur!, size: -1 }; // force a fresh Tm (and Tf) after a scaled glyph
    }
  }
  flush();
  ops.push('ET');
  return ops;
}
