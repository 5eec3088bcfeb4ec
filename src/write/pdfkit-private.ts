// The one place that reaches past pdfkit's public API, for what it has no call for:
// drawing glyphs by id (the composer chose each glyph; pdfkit's text() would lay the text
// out again), XMP with escaped text and a ModifyDate, and a CMYK output intent. Each
// reach is checked when a document is made, so a pdfkit that changes these fields fails
// at once with a message saying so (tests/write/pdfkit-private.test.ts), never quietly.
import { FaceError, type Face } from '../fonts/open-face.js';
import type { ShapedGlyph } from '../fonts/shaped-glyph.js';
import type { PdfDocument as PdfDoc, PdfRef } from './pdfkit.js';

/** pdfkit's EmbeddedFont: the fields that map glyph ids into its subset. */
interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): PdfRef;
  /** Writes the subset font and its dictionaries (pdfkit calls it as the document ends). */
  finalize(): void;
}

interface DocInternals {
  _font: EmbeddedFont | null;
  _root: PdfRef;
  _addInfo(): void;
  _addColorOutputIntent?(): void;
}

function internals(doc: PdfDoc): DocInternals {
  const d = doc as unknown as DocInternals;
  if (typeof d._addInfo !== 'function' || !d._root?.data) throw pdfkitChanged('PDFDocument._addInfo or _root');
  return d;
}

function pdfkitChanged(what: string): Error {
  return new Error(`this version of pdfkit no longer has ${what}, which src/write/pdfkit-private.ts relies on; use the pdfkit version in package.json`);
}

/** A face embedded in one document: glyph ids in, the codes its text operators show out. */
export class EmbeddedFace {
  private readonly codes = new Map<number, string>();

  private constructor(
    private readonly font: EmbeddedFont,
    private readonly face: Face,
  ) {}

  static open(doc: PdfDoc, face: Face): EmbeddedFace {
    try {
      doc.font(face.font);
    } catch (e) {
      throw brokenFace(face, e);
    }
    const font = (doc as unknown as DocInternals)._font;
    if (!font || typeof font.subset?.includeGlyph !== 'function' || !Array.isArray(font.widths) || !Array.isArray(font.unicode) || typeof font.id !== 'string' || typeof font.finalize !== 'function') {
      throw pdfkitChanged("EmbeddedFont's subset, widths, unicode, id and finalize");
    }
    return new EmbeddedFace(font, face);
  }

  /**
   * Subset and embed the face now, once every glyph is drawn, rather than as pdfkit ends
   * the document: glyph data that cannot be read is then reported as this face's fault.
   */
  embed(): void {
    try {
      this.font.finalize();
    } catch (e) {
      throw brokenFace(this.face, e);
    }
  }

  /** The font's resource name on the current page (registering it there). */
  use(doc: PdfDoc): string {
    doc.page.fonts[this.font.id] ??= this.font.ref();
    return this.font.id;
  }

  /**
   * The 2-byte code that shows a glyph (its id in the subset). Its width in the font is
   * the composer's advance, and copying it gives back the character it was shaped from.
   */
  code(g: ShapedGlyph): string {
    let code = this.codes.get(g.glyphId);
    if (code === undefined) {
      const id = this.font.subset.includeGlyph(g.glyphId);
      this.font.widths[id] ??= (g.advance / g.size) * 1000;
      this.font.unicode[id] ??= [...g.char].map((c) => c.codePointAt(0)!);
      code = id.toString(16).padStart(4, '0');
      this.codes.set(g.glyphId, code);
    }
    return code;
  }
}

function brokenFace(face: Face, e: unknown): FaceError {
  const err = new FaceError(`${face.file} is a broken font file: the glyphs this issue uses cannot be read from it (${(e as Error).message})`);
  err.file = face.file;
  return err;
}

/** Replace pdfkit's XMP description of the info dictionary (its text unescaped, no ModifyDate). */
export function setInfoXmp(doc: PdfDoc, xml: string): void {
  internals(doc)._addInfo = () => doc.appendXML(xml);
}

/** PDF/A's output intent for CMYK output: the printing condition's profile, where pdfkit adds sRGB. */
export function setCmykOutputIntent(doc: PdfDoc, profile: { data: Uint8Array; name: string }): void {
  const d = internals(doc);
  if (typeof d._addColorOutputIntent !== 'function') throw pdfkitChanged('PDFDocument._addColorOutputIntent (PDF/A)');
  d._addColorOutputIntent = () => {
    const icc = doc.ref({ N: 4 });
    icc.end(profile.data);
    const intent = doc.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: new String(profile.name),
      Info: new String(profile.name),
      DestOutputProfile: icc,
    });
    intent.end();
    d._root.data.OutputIntents = [intent];
  };
}

/** A run of page labels (what a viewer shows as the page's number): from page index `from`, in this numbering. */
export interface PageLabelRange {
  from: number;
  /** D: 1, 2, 3; r: i, ii, iii. */
  style: 'D' | 'r';
  /** The label of the run's first page (default 1). */
  start?: number;
}

/** The catalog's PageLabels: pdfkit has no call for them. */
export function setPageLabels(doc: PdfDoc, ranges: PageLabelRange[]): void {
  const nums: unknown[] = [];
  for (const r of ranges) nums.push(r.from, { S: r.style, ...(r.start && r.start !== 1 ? { St: r.start } : {}) });
  internals(doc)._root.data.PageLabels = { Nums: nums };
}
