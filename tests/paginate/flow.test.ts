// Pagination rules with exact placements: widows, orphans, headings kept with their text.
import { describe, it, expect } from 'vitest';
import { flow, linesHere } from '../../src/paginate/flow.js';

const para = (lines: number) => ({ kind: 'para' as const, lines });
const heading = { kind: 'heading' as const, lines: 1 };

describe('linesHere', () => {
  it('places a whole paragraph that fits', () => {
    expect(linesHere(5, 5)).toBe(5);
    expect(linesHere(1, 1)).toBe(1);
  });
  it('leaves two lines at least on each side of a page break', () => {
    expect(linesHere(6, 5)).toBe(4); // 5 + 1 would leave a widow
    expect(linesHere(6, 4)).toBe(4);
    expect(linesHere(6, 1)).toBe(0); // one line alone at the foot: move the paragraph
    expect(linesHere(3, 2)).toBe(0); // 2 + 1 and 1 + 2 both strand a line
    expect(linesHere(4, 3)).toBe(2);
  });
});

describe('flow', () => {
  it('fills pages from the first body row of page 1', () => {
    // Row 9 is left alone: one line of the next paragraph may not stand there.
    expect(flow([para(3), para(4)], 10, 6)).toEqual([
      { block: 0, from: 0, count: 3, page: 0, row: 6 },
      { block: 1, from: 0, count: 4, page: 1, row: 0 },
    ]);
  });

  it('splits a long paragraph keeping two lines on the next page', () => {
    expect(flow([para(12)], 10, 0)).toEqual([
      { block: 0, from: 0, count: 10, page: 0, row: 0 },
      { block: 0, from: 10, count: 2, page: 1, row: 0 },
    ]);
    expect(flow([para(11)], 10, 0)).toEqual([
      { block: 0, from: 0, count: 9, page: 0, row: 0 },
      { block: 0, from: 9, count: 2, page: 1, row: 0 },
    ]);
  });

  it('moves a heading that would be left without two lines of its text', () => {
    // Rows 0-7 used; the heading would take row 8 and leave one row for its paragraph.
    expect(flow([para(8), heading, para(5)], 10, 0)).toEqual([
      { block: 0, from: 0, count: 8, page: 0, row: 0 },
      { block: 1, from: 0, count: 1, page: 1, row: 0 },
      { block: 2, from: 0, count: 5, page: 1, row: 1 },
    ]);
    // With two rows after it, the heading stays and two lines come with it.
    expect(flow([para(7), heading, para(5)], 10, 0)).toEqual([
      { block: 0, from: 0, count: 7, page: 0, row: 0 },
      { block: 1, from: 0, count: 1, page: 0, row: 7 },
      { block: 2, from: 0, count: 2, page: 0, row: 8 },
      { block: 2, from: 2, count: 3, page: 1, row: 0 },
    ]);
  });

  it('sets a paragraph longer than a page across several pages', () => {
    const p = flow([para(25)], 10, 0);
    expect(p.map((x) => [x.page, x.count])).toEqual([
      [0, 10],
      [1, 10],
      [2, 5],
    ]);
  });
});
