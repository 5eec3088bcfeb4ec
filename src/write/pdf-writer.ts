// Layout to PDF bytes with pdfkit: fonts embedded and subset with ToUnicode maps,
// document info, one bookmark per section, reproducible bytes for the same input.
import PDFDocument from 'pdfkit';
import type { FontBook } from '../fonts/font-book.js';
import type { Face } from '../fonts/open-face.js';
import type { Layout } from '../paginate/types.js';
import type { Style } from '../validate/style-schema.js';
import { fillOp, inkColor, strokeOp } from './colors.js';
import { textOps, type PdfFont } from './pdf-text.js';

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Creation date: the issue date, or SOURCE_DATE_EPOCH. */
  date: Date;
}

type Doc = InstanceType<typeof PDFDocument> & {
  _font: PdfFont;
  page: { fonts: Record<string, unknown>; dictionary: unknown };
  addContent(s: string): Doc;
};

export function writePdf(layout: Layout, book: FontBook, style: Style, info: DocInfo): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [layout.pageW, layout.pageH],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords.join(', '),
      Creator: 'yanjin-bulletin',
      Producer: 'yanjin-bulletin (PDFKit)',
      CreationDate: info.date,
      ModDate: info.date,
    },
  } as PDFKit.PDFDocumentOptions) as Doc;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = new Map<string, PdfFont>();
  const pdfFont = (face: Face): PdfFont => {
    let f = fonts.get(face.key);
    if (!f) {
      doc.font(face.font as unknown as string);
      f = doc._font;
      fonts.set(face.key, f);
    }
    return f;
  };
  const useFont = (f: PdfFont) => {
    if (doc.page.fonts[f.id] == null) doc.page.fonts[f.id] = f.ref();
  };

  for (const page of layout.pages) {
    doc.addPage({ size: [layout.pageW, layout.pageH], margin: 0 });
    for (const d of page.draws) {
      const color = inkColor(d.ink, style);
      if (d.kind === 'rule') {
        doc.save();
        doc.addContent(strokeOp(color));
        doc.lineWidth(d.width).moveTo(d.x1, d.y).lineTo(d.x2, d.y).stroke();
        doc.restore();
        continue;
      }
      doc.save();
      // pdfkit's page space runs downwards; text needs the PDF's own, upwards.
      doc.addContent(`1 0 0 -1 0 ${layout.pageH} cm`);
      doc.addContent(`${fillOp(color)} ${strokeOp(color)}`);
      for (const op of textOps(d, layout.pageH, book, pdfFont, useFont)) doc.addContent(op);
      doc.restore();
    }
  }
  for (const b of layout.bookmarks) {
    doc.outline.addItem(b.title, { pageNumber: b.page, top: b.y, left: layout.pageW } as never);
  }
  doc.end();
  return done;
}
