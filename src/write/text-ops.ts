// Glyph-exact text: a line becomes TJ arrays of glyph codes at the composer's positions,
// so the PDF shows exactly what was composed.
import type { Face } from '../fonts/open-face.js';
import type { TextDraw } from '../paginate/types.js';
import type { EmbeddedFace } from './pdfkit-private.js';

/** Numbers in content streams: three decimals are a thousandth of a point. */
const fmt = (n: number) => (Math.round(n * 1000) / 1000).toString();

/** Each face's font in the document, and its resource name on the current page. */
export interface FontsOnPage {
  embedded(face: Face): EmbeddedFace;
  name(font: EmbeddedFace): string;
}

/** The operators that draw one line, in PDF space (y upwards), one a line. */
export function textOps(d: TextDraw, pageH: number, fonts: FontsOnPage): string {
  const ops: string[] = ['BT'];
  const y = pageH - d.y;
  let cur: { font: EmbeddedFace; size: number; bold: boolean } | null = null;
  let tj: string[] = [];
  let penX = 0; // where the pen stands after the last glyph of the current TJ
  const flush = () => {
    if (tj.length) ops.push(`[${tj.join('')}] TJ`);
    tj = [];
  };
  const last = d.glyphs[d.glyphs.length - 1];
  for (const g of d.glyphs) {
    const { glyph } = g;
    const font = fonts.embedded(glyph.face.face);
    const size = glyph.size;
    const sx = g.scaleX ?? 1;
    const x = d.x + g.x;
    const bold = glyph.face.fakeBold;
    const sameRun = cur && cur.font === font && cur.size === size && cur.bold === bold && !g.scaleX;
    if (!sameRun) {
      flush();
      if (!cur || cur.font !== font || cur.size !== size) ops.push(`/${fonts.name(font)} ${fmt(size)} Tf`);
      if (!cur || cur.bold !== bold) ops.push(bold ? `2 Tr ${fmt(size * 0.03)} w` : '0 Tr');
      cur = { font, size, bold };
      ops.push(`${fmt(sx)} 0 0 1 ${fmt(x)} ${fmt(y)} Tm`);
      penX = x;
    }
    const shift = x - penX; // space the composer put before this glyph, beyond the advance
    if (Math.abs(shift) > 0.0005) tj.push(fmt((-shift * 1000) / (size * sx)));
    tj.push(`<${font.code(glyph)}>`);
    penX = x + glyph.advance * sx;
    if (g.scaleX || g === last) {
      // Leave the pen at the end of the cell as composed (a squeezed mark is narrower
      // than its advance), so text tools measure the line the reader sees.
      const cellEnd = d.x + (g.cell ?? g.x) + g.w;
      if (Math.abs(cellEnd - penX) > 0.0005) tj.push(fmt((-(cellEnd - penX) * 1000) / (size * sx)));
      penX = cellEnd;
    }
    if (g.scaleX) {
      flush();
      cur = { ...cur!, size: -1 }; // force a fresh Tm (and Tf) after a scaled glyph
    }
  }
  flush();
  ops.push('ET');
  return ops.join('\n');
}
