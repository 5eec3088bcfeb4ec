// Layout to PDF bytes with pdfkit: fonts embedded and subset with ToUnicode maps,
// document info and XMP, a structure tree (tagged PDF), one bookmark per section,
// PDF/A-2b on request, reproducible bytes for the same input.
import { loadPdfkit } from '../require-cached.js';
import type { FontBook } from '../fonts/font-book.js';
import type { Face } from '../fonts/open-face.js';
import type { Layout } from '../paginate/types.js';
import type { Style } from '../validate/style-schema.js';
import { fillOp, inkColor, strokeOp } from './colors.js';
import { addOutputIntent, srgbProfile, type OutputProfile } from './output-intent.js';
import { textOps, type PdfFont } from './pdf-text.js';
import { Tagger, type TaggingDoc } from './tags.js';
import { xmpPacket } from './xmp.js';

// Loaded as CommonJS with V8's code cache (see require-cached.ts): a faster start.
const PDFDocument = loadPdfkit();

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Creation date: the issue date, or SOURCE_DATE_EPOCH. */
  date: Date;
}

export interface WriteOptions {
  /** PDF/A-2b: XMP identification and an output intent. */
  pdfa?: boolean;
  /** The output intent's profile for CMYK output (required with pdfa and CMYK). */
  cmykProfile?: OutputProfile;
}

type Ref = { data: Record<string, unknown>; write(b: Uint8Array): void; end(): void; compress?: boolean };
type Doc = InstanceType<typeof PDFDocument> &
  TaggingDoc & {
    _font: PdfFont;
    _root: Ref;
    page: { fonts: Record<string, unknown>; dictionary: unknown };
    addContent(s: string): Doc;
    ref(data?: Record<string, unknown>): Ref;
    endMetadata(): void;
  };

export function writePdf(layout: Layout, book: FontBook, style: Style, info: DocInfo, opts: WriteOptions = {}): Promise<Buffer> {
  const cmyk = style.color.mode === 'cmyk';
  if (opts.pdfa && cmyk && !opts.cmykProfile) throw new Error('PDF/A in CMYK needs a CMYK output profile');
  const meta = {
    Title: info.title,
    Author: info.author,
    Subject: info.subject,
    Keywords: info.keywords.join(', '),
    Creator: 'yanjin-bulletin',
    Producer: 'yanjin-bulletin (PDFKit)',
    CreationDate: info.date,
    ModDate: info.date,
  };
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [layout.pageW, layout.pageH],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    tagged: true,
    info: meta,
    // No default Helvetica: parsing its metrics cost ~3 ms an issue, and no text uses it.
    font: null,
  } as unknown as PDFKit.PDFDocumentOptions) as Doc;
  // pdfkit's XMP leaves the text unescaped (a title with & breaks it) and leaves out
  // ModDate, which PDF/A wants mirrored: write the packet here instead.
  doc.endMetadata = () => {
    const xml = xmpPacket({
      title: meta.Title,
      author: meta.Author,
      subject: meta.Subject,
      keywords: meta.Keywords,
      creator: meta.Creator,
      producer: meta.Producer,
      date: info.date,
      pdfa: opts.pdfa ? { part: 2, conformance: 'B' } : undefined,
    });
    const ref = doc.ref({ Type: 'Metadata', Subtype: 'XML' });
    ref.compress = false; // PDF/A: the metadata stays readable without a PDF parser
    ref.write(new TextEncoder().encode(xml));
    ref.end();
    doc._root.data.Metadata = ref;
  };
  if (opts.pdfa) addOutputIntent(doc as never, cmyk ? opts.cmykProfile! : srgbProfile());
  const tags = new Tagger(doc);
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
        tags.artifact('Layout', () => {
          doc.save();
          doc.addContent(strokeOp(color));
          doc.lineWidth(d.width).moveTo(d.x1, d.y).lineTo(d.x2, d.y).stroke();
          doc.restore();
        });
        continue;
      }
      tags.text(d, () => {
        doc.save();
        // pdfkit's page space runs downwards; text needs the PDF's own, upwards.
        doc.addContent(`1 0 0 -1 0 ${layout.pageH} cm`);
        doc.addContent(`${fillOp(color)} ${strokeOp(color)}`);
        for (const op of textOps(d, layout.pageH, book, pdfFont, useFont)) doc.addContent(op);
        doc.restore();
      });
    }
  }
  tags.finish();
  for (const b of layout.bookmarks) {
    doc.outline.addItem(b.title, { pageNumber: b.page, top: b.y, left: layout.pageW } as never);
  }
  doc.end();
  return done;
}
