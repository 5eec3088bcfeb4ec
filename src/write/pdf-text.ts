// Glyph-exact text: each line becomes TJ arrays of glyph ids with the composer's
// positions, so the PDF shows exactly what was composed.
import type { FontBook } from '../fonts/font-book.js';
import type { Face } from '../fonts/open-face.js';
import type { TextDraw } from '../paginate/types.js';

/** A face as the page sees it: its resource name, CIDs and widths (1/1000 em). */
export interface PdfFont {
  name: string;
  cid: Map<number, number>;
  widths: Map<number, number>;
}

const fmt = (n: number) => (Math.round(n * 1000) / 1000).toString();
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** The operators that draw one line, in PDF space (y upwards), one a line. */
export function textOps(d: TextDraw, pageH: number, book: FontBook, fontOf: (face: Face) => PdfFont): string {
  const ops: string[] = ['BT'];
  const y = pageH - d.y;
  let cur: { font: PdfFont; size: number; bold: boolean } | null = null;
  let tj: string[] = [];
  let penX = 0; // where the pen stands after the last glyph of the current TJ
  const flush = () => {
    if (tj.length) ops.push(`[${tj.join('')}] TJ`);
    tj = [];
  };
  const last = d.glyphs[d.glyphs.length - 1];
  for (const g of d.glyphs) {
    const ref = book.glyph(g.ch, g.font);
    if (!ref) continue; // reported before composition; never reached in a valid build
    const pf = fontOf(ref.face);
    const cid = pf.cid.get(ref.gid)!;
    const sx = g.scaleX ?? 1;
    const adv = (pf.widths.get(cid)! / 1000) * g.size * sx;
    const x = d.x + g.x;
    const bold = ref.face.fakeBold;
    const sameRun = cur && cur.font === pf && cur.size === g.size && cur.bold === bold && !g.scaleX;
    if (!sameRun) {
      flush();
      if (!cur || cur.font !== pf || cur.size !== g.size) ops.push(`/${pf.name} ${fmt(g.size)} Tf`);
      if (!cur || cur.bold !== bold) ops.push(bold ? `2 Tr ${fmt(g.size * 0.03)} w` : '0 Tr');
      cur = { font: pf, size: g.size, bold };
      ops.push(`${fmt(sx)} 0 0 1 ${fmt(x)} ${fmt(y)} Tm`);
      penX = x;
    }
    const shift = x - penX; // space the composer put before this glyph, beyond the advance
    if (Math.abs(shift) > 0.0005) tj.push(fmt((-shift * 1000) / (g.size * sx)));
    tj.push(`<${hex4(cid)}>`);
    penX = x + adv;
    if (g.scaleX || g === last) {
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
  return ops.join('\n') + '\n';
}
