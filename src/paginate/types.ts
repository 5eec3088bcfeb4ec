// What the writer draws: pages of positioned text lines and rules, in pt from the
// page's top-left corner. Nothing here needs a font file or a PDF.
import type { PlacedGlyph } from '../compose/types.js';

export type Ink = 'red' | 'text';

/** What a line is, for the structure tree and for tests. */
export type Part = 'mark' | 'title' | 'issue' | 'publisher' | 'heading' | 'para' | 'distribution' | 'staff' | 'folio';

export interface TextDraw {
  kind: 'text';
  part: Part;
  /** The paragraph this line belongs to ('title', 'body 3' …): its lines are tagged as one. */
  block: string;
  /** Left edge of the line (glyph x are relative to it), pt. */
  x: number;
  /** Baseline, pt from the top of the page. */
  y: number;
  glyphs: PlacedGlyph[];
  ink: Ink;
}

export interface RuleDraw {
  kind: 'rule';
  x1: number;
  x2: number;
  /** Centre of the stroke, pt from the top. */
  y: number;
  width: number;
  ink: Ink;
}

export type Draw = TextDraw | RuleDraw;

export interface Page {
  /** 1-based page number as printed. */
  number: number;
  draws: Draw[];
}

export interface Bookmark {
  title: string;
  page: number;
  y: number;
}

/** Something the user should look at, though the issue builds (a page with the end block alone). */
export interface LayoutWarning {
  /** The part it concerns (the field it is reported at). */
  part: Part;
  /** 1-based page number. */
  page: number;
  message: string;
}

export interface Layout {
  pageW: number;
  pageH: number;
  pages: Page[];
  bookmarks: Bookmark[];
  /** The typesetter's warnings, reported at their field by build-issue (none when absent). */
  warnings?: LayoutWarning[];
}
