// Spacing inside a line: the quarter em between Han and Latin or digits, and
// justification that compresses first and then spreads slack evenly, never inside
// ——, …… or a word.
import { describe, expect, it } from 'vitest';
import { han, set } from './fake.js';

describe('the quarter em between Han and Latin letters or digits', () => {
  it('is added by the composer; a typed space there is that gap, not an extra one', () => {
    // 字A字: 字 0, A 16 + 4, 字 20 + 8 + 4.
    expect(set('字A字').xs[0]).toEqual([0, 20, 32]);
    expect(set('字 A 字').xs[0]).toEqual([0, 20, 32]);
    expect(set('字  A  字').xs[0]).toEqual([0, 20, 32]);
    expect(set('字1字').xs[0]).toEqual([0, 20, 32.9]);
  });

  it('is not added next to punctuation, and a space between two Han vanishes', () => {
    // 字，A字: A right after the comma's cell; 字 字 set solid.
    expect(set('字，A字').xs[0]).toEqual([0, 16, 32, 44]);
    expect(set('字（A）字').xs[0]).toEqual([0, 16, 32, 40, 56]);
    expect(set('字 字').xs[0]).toEqual([0, 16]);
  });

  it('keeps a typed word space between Latin words as typed', () => {
    expect(set('字open data字').xs[0]).toEqual([0, 20, 28, 36, 44, 56, 64, 72, 80, 92]);
  });

  it('is not set at a line start or end', () => {
    const s = set(han(24) + 'open data' + han(5));
    expect(s.text).toEqual([han(24) + 'open', 'data' + han(5)]);
    expect(s.xs[1][0]).toBe(0);
    expect(s.lines[0].end).toBeCloseTo(448, 9); // ends on the word's last letter, flush
  });
});

describe('justification', () => {
  it('spreads the slack evenly over the gaps, never inside ——, …… or a word', () => {
    // 448 pt of text on a 456 pt measure: 8 pt over 24 stretchable gaps (28 gaps less
    // the ones inside ——, …… and abc), 1/3 pt each.
    const s = set(han(8) + '——' + han(5) + '……' + han(5) + 'abc' + han(4) + han(5), { width: 456 });
    expect(s.text).toEqual([han(8) + '——' + han(5) + '……' + han(5) + 'abc' + han(4), han(5)]);
    const cells = s.lines[0].glyphs.map((g) => g.cell ?? g.x);
    const steps = cells.slice(1).map((c, k) => c - cells[k]);
    const e = 16 + 1 / 3; // a Han cell and its share of the slack
    const expected = [
      e, e, e, e, e, e, e, e, // 字×8, up to the first —
      16, e, // —— solid, then its share
      e, e, e, e, e, // 字×5, up to the first …
      16, e, // …… solid
      e, e, e, e, 20 + 1 / 3, // 字×5, then the quarter em before abc
      8, 8, 12 + 1 / 3, // abc solid, then the quarter em after it
      e, e, e, // 字×4
    ];
    expect(steps).toHaveLength(expected.length);
    steps.forEach((d, k) => expect(d).toBeCloseTo(expected[k], 9));
    expect(s.lines[0].end).toBeCloseTo(456, 9);
  });

  it('compresses before it expands: a line that is too long is never stretched', () => {
    const s = set(han(5) + '，' + han(5) + '，' + han(16) + '，' + han(5));
    const w = s.lines[0].glyphs.map((g) => g.w);
    expect(w.filter((x) => x < 16)).toEqual([12, 12, 8]);
    // Only the squeeze: every step after a Han is exactly 16.
    const x = s.xs[0];
    for (let k = 1; k < x.length; k++) if (s.text[0][k - 1] === '字') expect(x[k] - x[k - 1]).toBe(16);
  });
});
