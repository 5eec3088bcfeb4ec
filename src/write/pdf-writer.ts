// Layout to PDF bytes, written by pdfkit: fonts embedded and subset with ToUnicode maps,
// document info and XMP, a structure tree (tagged PDF), one bookmark per section,
// PDF/A-2b on request, the same bytes for the same input. Every glyph is drawn where the
// composer put it, as the glyph the fonts stage chose.
import type { Face } from '../fonts/open-face.js';
import type { Ink, Layout, Page, TextDraw } from '../paginate/types.js';
import type { Style } from '../validate/style-schema.js';
import { inkColor, type PdfColor } from './colors.js';
import type { OutputProfile } from './output-intent.js';
import { documentBytes, newDocument, type PdfDocument, type PdfOutline } from './pdfkit.js';
import { EmbeddedFace, setCmykOutputIntent, setInfoXmp, setPageLabels, type PageLabelRange } from './pdfkit-private.js';
import { Tagger } from './tags.js';
import { textOps, type FontsOnPage } from './text-ops.js';
import { xmpDescriptions } from './xmp.js';

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Creation date: the issue date, or SOURCE_DATE_EPOCH. */
  date: Date;
}

export interface WriteOptions {
  /** Page labels, for a document whose printed numbers do not start on its first page. */
  pageLabels?: PageLabelRange[];
  /** PDF/A-2b: XMP identification and an output intent. */
  pdfa?: boolean;
  /** The output intent's profile for CMYK output (required with pdfa and CMYK). */
  cmykProfile?: OutputProfile;
}

const PRODUCER = 'yanjin-bulletin';

export function writePdf(layout: Layout, style: Style, info: DocInfo, opts: WriteOptions = {}): Promise<Buffer> {
  const { doc, page, finish } = startDocument(style, info, opts);
  layout.pages.forEach((p, i) => {
    page(layout, p);
    for (const b of layout.bookmarks) if (b.page === i) doc.outline.addItem(b.title, { pageNumber: i, top: b.y, left: layout.pageW });
  });
  return finish();
}

/** One part of a bound volume: its pages, and the outline entry its own bookmarks go under. */
export interface VolumePart {
  layout: Layout;
  /** The part's outline entry, on its first page; without one its bookmarks stand at the top level. */
  title?: string;
}

/**
 * Several layouts (a bound volume's front matter and issues) as one document: pages in
 * order, each part its own element (Part) of the structure tree, each part's bookmarks
 * nested under the part's entry. The parts share one embedded subset a face.
 */
export function writeVolume(parts: VolumePart[], style: Style, info: DocInfo, opts: WriteOptions = {}): Promise<Buffer> {
  const { doc, page, tags, finish } = startDocument(style, info, opts);
  let at = 0;
  for (const part of parts) {
    tags.beginPart('Part');
    const first = at;
    let entry: PdfOutline | undefined;
    part.layout.pages.forEach((p, i) => {
      page(part.layout, p);
      if (i === 0 && part.title) entry = doc.outline.addItem(part.title, { pageNumber: first, top: 0, left: part.layout.pageW, expanded: true });
      for (const b of part.layout.bookmarks) if (b.page === i) (entry ?? doc.outline).addItem(b.title, { pageNumber: first + i, top: b.y, left: part.layout.pageW });
    });
    at += part.layout.pages.length;
  }
  return finish();
}

/** A document with its info, XMP and output intent; `page` adds and draws one page, `finish` ends it. */
function startDocument(style: Style, info: DocInfo, opts: WriteOptions) {
  const cmyk = style.color.mode === 'cmyk';
  if (opts.pdfa && cmyk && !opts.cmykProfile) throw new Error('PDF/A in CMYK needs a CMYK output profile');
  const keywords = info.keywords.join(', ');
  const doc = newDocument({
    autoFirstPage: false,
    pdfVersion: '1.7',
    font: null,
    tagged: true,
    lang: 'zh-CN',
    displayTitle: true,
    ...(opts.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
    info: { Title: info.title, Author: info.author, Subject: info.subject, Keywords: keywords, Creator: PRODUCER, Producer: PRODUCER, CreationDate: info.date, ModDate: info.date },
  });
  setInfoXmp(doc, xmpDescriptions({ title: info.title, author: info.author, subject: info.subject, keywords, creator: PRODUCER, producer: PRODUCER, date: info.date }));
  if (opts.pdfa && cmyk) setCmykOutputIntent(doc, opts.cmykProfile!);
  if (opts.pageLabels) setPageLabels(doc, opts.pageLabels);

  const inks: Record<Ink, PdfColor> = { red: inkColor('red', style), text: inkColor('text', style) };
  const tags = new Tagger(doc);
  const fonts = fontsOf(doc);
  const page = (layout: Layout, p: Page) => {
    doc.addPage({ size: [layout.pageW, layout.pageH], margin: 0 });
    drawPage(doc, p, layout.pageH, { tags, fonts, inks });
  };
  const finish = () => {
    tags.finish();
    fonts.embedAll();
    return documentBytes(doc);
  };
  return { doc, page, tags, finish };
}

/** One embedded font a face for the whole document; its name registered on each page that uses it. */
function fontsOf(doc: PdfDocument): FontsOnPage & { embedAll(): void } {
  const embedded = new Map<Face, EmbeddedFace>();
  return {
    embedAll: () => embedded.forEach((f) => f.embed()),
    embedded(face) {
      let f = embedded.get(face);
      if (!f) embedded.set(face, (f = EmbeddedFace.open(doc, face)));
      return f;
    },
    name: (font) => font.use(doc),
  };
}

interface PageContext {
  tags: Tagger;
  fonts: FontsOnPage;
  inks: Record<Ink, PdfColor>;
}

/** Rules as artifacts, drawn with pdfkit's vector calls; each line of text as tagged content. */
function drawPage(doc: PdfDocument, page: Page, pageH: number, c: PageContext): void {
  for (const d of page.draws) {
    if (d.kind === 'rule') {
      c.tags.artifact('Layout', () => {
        doc.save().lineWidth(d.width).strokeColor(c.inks[d.ink]).moveTo(d.x1, d.y).lineTo(d.x2, d.y).stroke().restore();
      });
    } else {
      c.tags.text(d, () => drawLine(doc, d, pageH, c));
    }
  }
}

function drawLine(doc: PdfDocument, d: TextDraw, pageH: number, c: PageContext): void {
  const ink = c.inks[d.ink];
  // pdfkit's pages put y downwards; the text operators are in the PDF's own space.
  doc.save().transform(1, 0, 0, -1, 0, pageH).fillColor(ink).strokeColor(ink);
  doc.addContent(textOps(d, pageH, c.fonts));
  doc.restore();
}
