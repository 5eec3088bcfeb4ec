// The two inks, as pdfkit takes colours: RGB for screens and office printers, CMYK (in
// percent) for the print shop.
import type { Style } from '../validate/style-schema.js';
import type { Ink } from '../paginate/types.js';

export type PdfColor = [number, number, number] | [number, number, number, number];

export function inkColor(ink: Ink, style: Style): PdfColor {
  if (style.color.mode === 'cmyk') {
    // Black text is K100 alone.
    return ink === 'red' ? (style.color.redCmyk as PdfColor) : [0, 0, 0, 100];
  }
  const hex = ink === 'red' ? style.color.red : style.color.text;
  return [0, 2, 4].map((i) => parseInt(hex.slice(1 + i, 3 + i), 16)) as PdfColor;
}
