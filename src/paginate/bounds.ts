// Text that would be drawn outside the type area (the page numbers aside, which sit below
// it by design, but must stay on the page), and rules outside it: the last check before
// writing, so nothing leaves its place unannounced.
import type { Geometry } from '../compose/geometry.js';
import type { Layout, Part } from './types.js';

export interface Stray {
  /** 1-based page number. */
  page: number;
  part: Part;
  /** The draw's block ('title', 'body 3' …). */
  block: string;
  /** Which edge it crosses first. */
  edge: 'left' | 'right' | 'top' | 'bottom';
  /** The start of the line, to show the user. */
  text: string;
}

/** Grid cells cross the edge by a hair (16 pt glyphs on a 15.79 pt pitch): allowed. */
const TOLERANCE = 0.5;

/** One Stray for each block (paragraph, title …) with a line outside the type area: its first. */
export function strayText(layout: Layout, geo: Geometry): Stray[] {
  const left = geo.left - TOLERANCE;
  const right = geo.left + geo.width + TOLERANCE;
  const top = geo.top - TOLERANCE;
  const bottom = geo.top + geo.height + TOLERANCE;
  const out: Stray[] = [];
  const seen = new Set<string>();
  for (const page of layout.pages) {
    for (const d of page.draws) {
      if (d.kind !== 'text' || d.part === 'folio' || seen.has(d.block)) continue;
      let edge: Stray['edge'] | undefined;
      for (const g of d.glyphs) {
        // The cell (after compression), not the glyph's box: a closing mark's blank half
        // at a line end lies outside its cell.
        const x0 = d.x + (g.cell ?? g.x);
        const x1 = x0 + g.w;
        const size = g.glyph.size;
        if (x0 < left) edge = 'left';
        else if (x1 > right) edge = 'right';
        else if (d.y - 0.88 * size < top) edge = 'top';
        else if (d.y + 0.12 * size > bottom) edge = 'bottom';
        if (edge) break;
      }
      if (edge) seen.add(d.block);
      if (edge) out.push({ page: page.number, part: d.part, block: d.block, edge, text: d.glyphs.slice(0, 12).map((g) => g.glyph.char).join('') });
    }
  }
  return out;
}

/** Furniture outside where it belongs: a page number past the page's edge, a rule outside the type area. */
export interface StrayFurniture {
  page: number;
  what: 'folio' | 'rule';
  edge: Stray['edge'];
}

/** The first page number past an edge of its page, and the first rule outside the type area. */
export function strayFurniture(layout: Layout, geo: Geometry): StrayFurniture[] {
  const out: StrayFurniture[] = [];
  const first = (what: StrayFurniture['what']) => !out.some((s) => s.what === what);
  for (const page of layout.pages) {
    for (const d of page.draws) {
      if (d.kind === 'rule') {
        const edge = d.y - d.width / 2 < geo.top - TOLERANCE ? 'top' : d.y + d.width / 2 > geo.top + geo.height + TOLERANCE ? 'bottom' : undefined;
        if (edge && first('rule')) out.push({ page: page.number, what: 'rule', edge });
      } else if (d.part === 'folio' && first('folio')) {
        // The em box of each glyph: the dash's ink is well inside it.
        let edge: Stray['edge'] | undefined;
        for (const g of d.glyphs) {
          const x0 = d.x + (g.cell ?? g.x);
          const size = g.glyph.size;
          if (x0 < 0) edge = 'left';
          else if (x0 + g.w > layout.pageW) edge = 'right';
          else if (d.y + 0.12 * size > layout.pageH) edge = 'bottom';
          if (edge) break;
        }
        if (edge) out.push({ page: page.number, what: 'folio', edge });
      }
    }
  }
  return out;
}
