// The character grid, the paragraph's last line, and breaks chosen over the whole
// paragraph (total fit) rather than line by line.
import { describe, expect, it } from 'vitest';
import { han, roleOf, set } from './fake.js';

const MM = 72 / 25.4;

describe('the grid', () => {
  it('sets 28 Han per full line at pitch = measure / 28', () => {
    const width = 156 * MM; // the type area: 442.2 pt
    const pitch = width / 28; // 15.79 pt for 16 pt type
    const s = set(han(60), { width, pitchRatio: pitch / 16 });
    expect(s.text.map((t) => t.length)).toEqual([28, 28, 4]);
    s.lines[0].glyphs.forEach((g, k) => expect(g.x).toBeCloseTo(k * pitch, 9));
    expect(s.lines[0].end).toBeCloseTo(width, 9);
    expect(s.lines[1].end).toBeCloseTo(width, 9);
  });

  it('keeps the grid after a two-cell first-line indent', () => {
    const width = 156 * MM;
    const pitch = width / 28;
    const s = set(han(60), { width, indent: 2 * pitch, pitchRatio: pitch / 16 });
    expect(s.text.map((t) => t.length)).toEqual([26, 28, 6]);
    s.lines[0].glyphs.forEach((g, k) => expect(g.x).toBeCloseTo((k + 2) * pitch, 9));
  });

  it('sets later lines at a hanging indent (the distribution line)', () => {
    // 本期发： takes 4 cells; wrapped lines start under the first character after it.
    const s = set('本期发：' + han(40), { hang: 64 });
    expect(s.text).toEqual(['本期发：' + han(24), han(16)]);
    expect(s.xs[1][0]).toBe(64);
    expect(s.lines[0].end).toBe(448);
  });

  it('places a run after a fixed gap (the lead title and the body)', () => {
    const s = set([
      { text: '标题', role: 'lead', size: 16 },
      { text: han(3), role: 'body', size: 16, gapBefore: 16 },
    ]);
    expect(s.xs[0]).toEqual([0, 16, 48, 64, 80]);
    expect(s.lines[0].glyphs.map(roleOf)).toEqual(['lead', 'lead', 'body', 'body', 'body']);
  });
});

describe('the last line', () => {
  it('holds at least two characters', () => {
    // 57 Han: 28 + 28 + 1 would leave one alone; one line gives a cell instead.
    const s = set(han(57));
    expect(s.text.map((t) => t.length)).toEqual([28, 27, 2]);
    expect(s.xs[1][1]).toBe(16.6154);
    expect(s.lines[2].last).toBe(true);
    expect(s.lines[2].end).toBe(32); // set flush left, not justified
  });

  it('counts two characters without the punctuation', () => {
    // 29 Han + 。: 字。 alone would be one character and a mark.
    const s = set(han(29) + '。');
    expect(s.text).toEqual([han(27), '字字。']);
  });
});

describe('total fit', () => {
  it('spreads forced slack over the paragraph where first-fit piles it on one line', () => {
    // 40 Han, then a 320 pt Latin word that cannot share a line with 12 Han.
    // Greedy first-fit: 28 Han (tight), then 12 Han alone: 256 pt over 11 gaps,
    // 1.45 em each — a line with holes. Total fit: 20 + 20 Han, 128 pt over 19 gaps
    // on each, 0.42 em, and the word with 7 Han on line 3.
    const word = 'a'.repeat(40);
    const s = set(han(40) + word + han(10));
    expect(s.text).toEqual([han(20), han(20), word + han(7), han(3)]);
    expect(s.xs[0][1]).toBe(22.7368);
    expect(s.xs[1][1]).toBe(22.7368);
  });
});
