// The structure tree of a tagged PDF, through pdfkit's structure API: Document → P (mark),
// H1 (title), P (issue line; publisher and date), H2 (section headings), P (one per
// composed paragraph, even when its lines fall on two pages), Div (the end block:
// P distribution, P staff). Page numbers and rules are artifacts: drawn, not text.
import type { Part, TextDraw } from '../paginate/types.js';
import type { PdfDocument, PdfStruct } from './pdfkit.js';

const ROLE: Record<Exclude<Part, 'folio'>, string> = {
  mark: 'P',
  title: 'H1',
  issue: 'P',
  publisher: 'P',
  heading: 'H2',
  para: 'P',
  distribution: 'P',
  staff: 'P',
};

export class Tagger {
  private readonly root: PdfStruct;
  private readonly blocks = new Map<string, PdfStruct>();
  private endBlock?: PdfStruct;
  /** The element the blocks go under: the document, or the current part of a bound volume. */
  private parent: PdfStruct;

  constructor(private readonly doc: PdfDocument) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.parent = this.root;
  }

  /** Start a part of a bound volume (an issue): its blocks are its own, under a new element. */
  beginPart(type: string): void {
    this.parent = this.doc.struct(type);
    this.root.add(this.parent);
    this.blocks.clear();
    this.endBlock = undefined;
  }

  /** Draw one line as marked content of its block's element. */
  text(d: TextDraw, draw: () => void): void {
    if (d.part === 'folio') return this.artifact('Pagination', draw);
    const role = ROLE[d.part];
    let el = this.blocks.get(d.block);
    if (!el) {
      el = this.doc.struct(role);
      this.parentOf(d.part).add(el);
      this.blocks.set(d.block, el);
    }
    const content = this.doc.markStructureContent(role);
    draw();
    this.doc.endMarkedContent();
    el.add(content);
  }

  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Close every element, so pdfkit writes the tree. */
  finish(): void {
    this.root.end();
  }

  private parentOf(part: Part): PdfStruct {
    if (part !== 'distribution' && part !== 'staff') return this.parent;
    if (!this.endBlock) {
      this.endBlock = this.doc.struct('Div');
      this.parent.add(this.endBlock);
    }
    return this.endBlock;
  }
}
