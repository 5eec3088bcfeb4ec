// The structure tree of a tagged PDF: Document → P (mark), H1 (title), P (issue line,
// publisher and date), H2 (section headings), P (one per composed paragraph, even when
// its lines fall on two pages), Div (the end block: P distribution, P staff).
// Page numbers and rules are artifacts: drawn, but not part of the text.
import type { Part, TextDraw } from '../paginate/types.js';
import type { PdfFile } from './pdf/document.js';
import { PdfRaw, toPdf, type PdfRef, type PdfValue } from './pdf/serialize.js';

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

interface Element {
  ref: PdfRef;
  role: string;
  parent: Element | null;
  kids: Element[];
  /** Marked content it owns: page index and MCID. */
  content: Array<{ page: number; mcid: number }>;
}

export class Tagger {
  private readonly root: Element;
  private readonly blocks = new Map<number, Element>();
  private endBlock?: Element;
  /** Per page: the element owning each MCID (the page's entry in the parent tree). */
  private readonly owners = new Map<number, Element[]>();

  constructor(private readonly pdf: PdfFile) {
    this.root = this.element('Document', null);
  }

  /** Wrap one line's operators as marked content of its block's element. */
  text(d: TextDraw, page: number, ops: string): string {
    if (d.part === 'folio') return this.artifact('Pagination', ops);
    const role = ROLE[d.part];
    let el = this.blocks.get(d.block);
    if (!el) {
      el = this.element(role, this.parentOf(d.part));
      this.blocks.set(d.block, el);
    }
    const owners = this.owners.get(page) ?? [];
    this.owners.set(page, owners);
    const mcid = owners.length;
    owners.push(el);
    el.content.push({ page, mcid });
    return `/${role} <<\n/MCID ${mcid}\n>> BDC\n${ops}EMC\n`;
  }

  artifact(type: 'Pagination' | 'Layout', ops: string): string {
    return `/Artifact <<\n/Type /${type}\n>> BDC\n${ops}EMC\n`;
  }

  /** The page's key in the parent tree, when it has tagged content. */
  structParents(page: number): number | undefined {
    return this.owners.has(page) ? page : undefined;
  }

  /** Write every element and the tree's root; `pages` are the page objects' numbers. */
  finish(pages: PdfRef[]): PdfRef {
    const rootRef = this.pdf.ref();
    const write = (el: Element, parent: PdfRef) => {
      const k: PdfValue[] = el.kids.map((c) => c.ref);
      const own = el.content[0]?.page;
      for (const c of el.content) k.push(c.page === own ? c.mcid : { Type: 'MCR', Pg: pages[c.page], MCID: c.mcid });
      this.pdf.put({ S: el.role, P: parent, K: k, Pg: own === undefined ? undefined : pages[own] }, el.ref);
      for (const c of el.kids) write(c, el.ref);
    };
    write(this.root, rootRef);
    const nums = [...this.owners].sort((a, b) => a[0] - b[0]).map(([page, els]) => `${page} ${toPdf(els.map((e) => e.ref))}`);
    this.pdf.put({ Type: 'StructTreeRoot', ParentTree: new PdfRaw(`<<\n/Nums [\n${nums.join('\n')}\n]\n>>`), ParentTreeNextKey: pages.length, K: [this.root.ref] }, rootRef);
    return rootRef;
  }

  private element(role: string, parent: Element | null): Element {
    const el: Element = { ref: this.pdf.ref(), role, parent, kids: [], content: [] };
    parent?.kids.push(el);
    return el;
  }

  private parentOf(part: Part): Element {
    if (part !== 'distribution' && part !== 'staff') return this.root;
    if (!this.endBlock) this.endBlock = this.element('Div', this.root);
    return this.endBlock;
  }
}
