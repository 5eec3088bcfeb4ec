// clreq strict line-start and line-end prohibitions, and how a violation is fixed:
// squeezing marks on the line first, pushing a character down when that fails.
import { describe, expect, it } from 'vitest';
import { han, set } from './fake.js';

/** Gap of a line of n cells stretched by `slack` over n - 1 gaps. */
const step = (slack: number, n: number) => 16 + slack / (n - 1);

describe('no line starts with a closing or pause mark', () => {
  // 28 Han fill the line; the mark after them would start line 2. It cannot be pulled
  // back (28 Han + a mark's half cell is 456 pt, and there is no other mark to squeeze),
  // so one Han goes down with it.
  const marks = [...'，。、；：？！）】」』”’》〉〕…—·％‰℃', ...',.;:?!)]%'];
  it.each(marks)('%s', (mark) => {
    const s = set(han(28) + mark + han(5));
    expect(s.text).toEqual([han(27), '字' + mark + han(5)]);
    expect(s.xs[0][1]).toBe(Math.round(step(16, 27) * 1e4) / 1e4); // 16.6154: the pushed cell spread over 26 gaps
    expect(s.lines[0].end).toBeCloseTo(448, 9);
  });
});

describe('no line ends with an opening mark', () => {
  const marks = [...'（【「『“‘《〈〔', ...'(['];
  it.each(marks)('%s', (mark) => {
    // 27 Han + the mark fill the line exactly, but the mark may not end it: it goes down.
    const s = set(han(27) + mark + han(5));
    expect(s.text).toEqual([han(27), mark + han(5)]);
    expect(s.xs[1][0]).toBe(0); // line 2's first mark keeps its width: the line is not over
    expect(s.lines[0].end).toBeCloseTo(448, 9);
  });

  it('a currency sign stays with its number at a line end', () => {
    const s = set(han(27) + '￥100' + han(5));
    expect(s.text).toEqual([han(27), '￥100' + han(5)]);
  });
});

describe('squeeze first, push down when squeezing fails', () => {
  it('pulls a comma back by squeezing two commas on the line by a quarter em each', () => {
    // 5 + ， + 5 + ， + 16 = 28 cells; the third ， would start line 2. Pulled back at a
    // half cell it overfills the line by 8 pt, which the two mid-line commas give up
    // (4 pt each, leaving them 12 pt = 0.75 em wide).
    const s = set(han(5) + '，' + han(5) + '，' + han(16) + '，' + han(5));
    expect(s.text).toEqual([han(5) + '，' + han(5) + '，' + han(16) + '，', han(5)]);
    const x = s.xs[0];
    expect(x.slice(0, 7)).toEqual([0, 16, 32, 48, 64, 80, 92]);
    expect(x[11]).toBe(172); // the second comma
    expect(x[12]).toBe(184);
    expect(x[28]).toBe(440); // the pulled-back comma, half a cell at the line end
    expect(s.lines[0].glyphs.map((g) => g.w).filter((w) => w !== 16)).toEqual([12, 12, 8]);
    expect(s.lines[0].end).toBe(448);
  });

  it('pushes a character down when squeezing fails (no mark to squeeze)', () => {
    const s = set(han(28) + '。' + han(3));
    expect(s.text).toEqual([han(27), '字。' + han(3)]);
  });

  it('pushes a character down rather than set the only mid-line mark at half width', () => {
    // Squeezing would work here (one comma at 0.5 em), but a half-width comma mid-line
    // reads as an error; one cell of slack over the 25 gaps between letters (0.04 em
    // each, the comma keeping its cell) reads better.
    const s = set(han(10) + '，' + han(17) + '，' + han(5));
    expect(s.text).toEqual([han(10) + '，' + han(16), '字，' + han(5)]);
    expect(s.xs[0][1]).toBe(16.64);
    expect(s.xs[0].slice(10, 12)).toEqual([166.4, 182.4]);
    expect(s.lines[0].glyphs.every((g) => g.w === 16)).toBe(true);
  });

  it('pushes down past a run of marks that may not start a line', () => {
    // ”。 both refuse a line start, so the break falls before the Han character that
    // precedes them.
    const s = set('“' + han(26) + '。”' + han(4));
    // “ + 26 Han + 。” = 28.5 cells at their natural compression (。 0.5, ” 0.5 at the end):
    // 16 + 416 + 8 + 8 = 448, so the marks are pulled back without any squeeze.
    expect(s.text).toEqual(['“' + han(26) + '。”', han(4)]);
    expect(s.lines[0].end).toBe(448);
    // One Han more and the marks cannot come back (nothing on the line to squeeze, a
    // paragraph's first mark keeps its width): the last Han goes down with them.
    const t = set('“' + han(27) + '。”' + han(4));
    expect(t.text).toEqual(['“' + han(26), '字。”' + han(4)]);
    expect(t.xs[0][0]).toBe(0);
  });
});
