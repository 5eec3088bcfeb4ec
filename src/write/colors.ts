// The two inks, in RGB for screens and office printers or CMYK for the print shop.
import type { Style } from '../validate/style-schema.js';
import type { Ink } from '../paginate/types.js';

export type PdfColor = [number, number, number] | [number, number, number, number];

export function inkColor(ink: Ink, style: Style): PdfColor {
  if (style.color.mode === 'cmyk') {
    // CMYK in percent, as the style gives it. Black text is K100 alone.
    return ink === 'red' ? (style.color.redCmyk as PdfColor) : [0, 0, 0, 100];
  }
  const hex = ink === 'red' ? style.color.red : style.color.text;
  return [0, 2, 4].map((i) => parseInt(hex.slice(1 + i, 3 + i), 16)) as PdfColor;
}

/** The fill operator for raw content: `r g b rg` or `c m y k k`, in 0–1. */
export function fillOp(c: PdfColor): string {
  const f = (n: number) => (Math.round(n * 1000) / 1000).toString();
  return c.length === 4 ? `${c.map((v) => f(v / 100)).join(' ')} k` : `${c.map((v) => f(v / 255)).join(' ')} rg`;
}

export function strokeOp(c: PdfColor): string {
  const op = fillOp(c);
  return op.endsWith(' k') ? op.slice(0, -1) + 'K' : op.slice(0, -2) + 'RG';
}
