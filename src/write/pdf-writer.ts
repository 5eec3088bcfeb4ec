// Layout to PDF bytes: fonts embedded and subset with ToUnicode maps, document info and
// XMP, a structure tree (tagged PDF), one bookmark per section, PDF/A-2b on request,
// the same bytes for the same input. Written directly (pdf/): the layout is complete
// before the first byte, so every font's glyph set is known up front and each object
// is written once.
import type { FontBook } from '../fonts/font-book.js';
import type { Face } from '../fonts/open-face.js';
import type { Ink, Layout } from '../paginate/types.js';
import type { Style } from '../validate/style-schema.js';
import { fillOp, inkColor, strokeOp } from './colors.js';
import { srgbProfile, type OutputProfile } from './output-intent.js';
import { PdfFile, fileId } from './pdf/document.js';
import { embedFont, type FontUse } from './pdf/embed-font.js';
import { PdfText, type PdfDict, type PdfRef } from './pdf/serialize.js';
import { textOps, type PdfFont } from './pdf-text.js';
import { Tagger } from './tags.js';
import { xmpPacket } from './xmp.js';

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

const fmt = (n: number) => (Math.round(n * 1000) / 1000).toString();

export function writePdf(layout: Layout, book: FontBook, style: Style, info: DocInfo, opts: WriteOptions = {}): Buffer {
  const cmyk = style.color.mode === 'cmyk';
  if (opts.pdfa && cmyk && !opts.cmykProfile) throw new Error('PDF/A in CMYK needs a CMYK output profile');
  const pdf = new PdfFile('1.7');
  const meta = {
    Title: info.title,
    Author: info.author,
    Subject: info.subject,
    Keywords: info.keywords.join(', '),
    Creator: 'yanjin-bulletin',
    Producer: 'yanjin-bulletin',
    CreationDate: info.date,
    ModDate: info.date,
  };
  // Fonts first (the pages name them), then the pages, then the document's own objects.
  const fonts = embedFonts(pdf, glyphUses(layout, book));
  const pagesRef = pdf.ref();
  const pageRefs = layout.pages.map(() => pdf.ref());
  const tags = new Tagger(pdf);
  const context: PageContext = { layout, book, fonts, tags, inks: inkOps(style), pagesRef };
  layout.pages.forEach((page, pi) => writePage(pdf, context, page, pi, pageRefs[pi]));
  pdf.put({ Type: 'Pages', Count: pageRefs.length, Kids: pageRefs }, pagesRef);

  const catalog: PdfDict = {
    Type: 'Catalog',
    Pages: pagesRef,
    Lang: new PdfText('zh-CN'),
    ViewerPreferences: { DisplayDocTitle: true },
    MarkInfo: pdf.put({ Marked: true }),
    StructTreeRoot: tags.finish(pageRefs),
  };
  if (layout.bookmarks.length) {
    catalog.Outlines = outline(pdf, layout, pageRefs);
    catalog.PageMode = 'UseOutlines';
  }
  // The XMP packet mirrors the Info dictionary, as PDF/A wants; uncompressed, so it stays
  // readable without a PDF parser.
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
  catalog.Metadata = pdf.stream({ Type: 'Metadata', Subtype: 'XML' }, Buffer.from(xml, 'utf8'), { compress: false });
  if (opts.pdfa) catalog.OutputIntents = [outputIntent(pdf, cmyk ? opts.cmykProfile! : srgbProfile())];
  const root = pdf.put(catalog);
  const infoRef = pdf.put(Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, v instanceof Date ? v : new PdfText(v)])));
  return pdf.finish(root, infoRef, fileId(meta));
}

type FaceUse = FontUse & { faces: Set<Face> };
type PageFont = PdfFont & { ref: PdfRef };

/** Which glyphs of which face file the pages use (two roles on one face share it). */
function glyphUses(layout: Layout, book: FontBook): Map<string, FaceUse> {
  const uses = new Map<string, FaceUse>();
  for (const page of layout.pages) {
    for (const d of page.draws) {
      if (d.kind !== 'text') continue;
      for (const g of d.glyphs) {
        const r = book.glyph(g.ch, g.font);
        if (!r) continue;
        let u = uses.get(r.face.key);
        if (!u) uses.set(r.face.key, (u = { reader: r.face.reader, glyphs: new Map(), faces: new Set() }));
        u.faces.add(r.face);
        if (!u.glyphs.has(r.gid)) u.glyphs.set(r.gid, g.ch.codePointAt(0)!);
      }
    }
  }
  return uses;
}

/** One subset font a face file, named F1, F2 … in the order first used. */
function embedFonts(pdf: PdfFile, uses: Map<string, FaceUse>): Map<Face, PageFont> {
  const fonts = new Map<Face, PageFont>();
  let n = 0;
  for (const u of uses.values()) {
    const ref = pdf.ref();
    const e = embedFont(pdf, ref, u);
    const f = { name: `F${++n}`, cid: e.cid, widths: e.widths, ref };
    for (const face of u.faces) fonts.set(face, f);
  }
  return fonts;
}

type InkOps = Record<Ink, { fill: string; stroke: string }>;

function inkOps(style: Style): InkOps {
  const op = (k: Ink) => {
    const c = inkColor(k, style);
    return { fill: fillOp(c), stroke: strokeOp(c) };
  };
  return { red: op('red'), text: op('text') };
}

interface PageContext {
  layout: Layout;
  book: FontBook;
  fonts: Map<Face, PageFont>;
  tags: Tagger;
  inks: InkOps;
  pagesRef: PdfRef;
}

/** A page: its content (rules as artifacts, each line of text as tagged content) and its dictionary. */
function writePage(pdf: PdfFile, c: PageContext, page: Layout['pages'][number], pi: number, ref: PdfRef): void {
  const { layout, tags } = c;
  let content = '';
  const used = new Map<string, PdfRef>();
  const fontOf = (face: Face) => {
    const f = c.fonts.get(face)!;
    used.set(f.name, f.ref);
    return f;
  };
  for (const d of page.draws) {
    const ink = c.inks[d.ink];
    if (d.kind === 'rule') {
      const y = fmt(layout.pageH - d.y);
      content += tags.artifact('Layout', `q\n${ink.stroke}\n${fmt(d.width)} w\n${fmt(d.x1)} ${y} m\n${fmt(d.x2)} ${y} l\nS\nQ\n`);
    } else {
      content += tags.text(d, pi, `q\n${ink.fill} ${ink.stroke}\n${textOps(d, layout.pageH, c.book, fontOf)}Q\n`);
    }
  }
  const fontRes: PdfDict = {};
  for (const [name, f] of [...used].sort()) fontRes[name] = f;
  pdf.put(
    {
      Type: 'Page',
      Parent: c.pagesRef,
      MediaBox: [0, 0, layout.pageW, layout.pageH],
      Contents: pdf.stream({}, content),
      Resources: { ProcSet: ['PDF', 'Text'], Font: fontRes },
      StructParents: tags.structParents(pi),
      Tabs: 'S',
    },
    ref,
  );
}

/** One bookmark per section, each opening its heading's page at the heading. */
function outline(pdf: PdfFile, layout: Layout, pages: PdfRef[]): PdfRef {
  const top = pdf.ref();
  const items = layout.bookmarks.map(() => pdf.ref());
  layout.bookmarks.forEach((b, i) => {
    pdf.put(
      {
        Title: new PdfText(b.title),
        Parent: top,
        Prev: i > 0 ? items[i - 1] : undefined,
        Next: i < items.length - 1 ? items[i + 1] : undefined,
        Dest: [pages[b.page], 'XYZ', 0, layout.pageH - b.y, 0],
      },
      items[i],
    );
  });
  return pdf.put({ Type: 'Outlines', First: items[0], Last: items[items.length - 1], Count: items.length }, top);
}

function outputIntent(pdf: PdfFile, p: OutputProfile): PdfRef {
  const icc = pdf.stream({ N: p.n }, p.data);
  return pdf.put({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: new PdfText(p.name),
    Info: new PdfText(p.name),
    DestOutputProfile: icc,
  });
}
