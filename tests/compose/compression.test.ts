// Punctuation compression: a closing mark at a line end takes half a cell, two adjacent
// marks take 1.5 cells, a line-start opening bracket may drop its blank half; nothing
// ever hangs past the edge.
import { describe, expect, it } from 'vitest';
import { han, set, W } from './fake.js';

describe('compression', () => {
  it('a closing mark at a line end takes half a cell, its ink side kept', () => {
    // 27 Han + 。 = 440 pt: 8 pt of slack over 27 gaps; the 。 ends flush at 448.
    const s = set(han(27) + '。' + han(3));
    expect(s.text[0]).toBe(han(27) + '。');
    const last = s.lines[0].glyphs[27];
    expect(last.w).toBe(8);
    expect(s.xs[0][27]).toBe(440);
    expect(s.xs[0][1]).toBe(16.2963);
    expect(s.lines[0].end).toBeCloseTo(448, 9);
  });

  it('two adjacent marks take 1.5 cells: 。” ）（ 》， （“ ”）', () => {
    const s = set('字。”字）（字》，字（“字”）字');
    expect(s.text).toEqual(['字。”字）（字》，字（“字”）字']);
    expect(s.xs[0]).toEqual([0, 16, 24, 40, 56, 64, 80, 96, 104, 120, 136, 144, 160, 176, 184, 200]);
    // 。 ） 》 ” give up their right half before the next mark; “ after （ gives up its
    // left half (drawn 8 pt left of its cell, ink against the bracket).
    expect(s.lines[0].glyphs.map((g) => g.w)).toEqual([16, 8, 16, 16, 8, 16, 16, 8, 16, 16, 16, 8, 16, 8, 16, 16]);
    expect(s.lines[0].glyphs[11].cell).toBe(152);
    expect(s.lines[0].end).toBe(216);
  });

  it('an opening bracket at a line start drops its blank half when that makes the line fit', () => {
    // Line 2: （ + 27 Han + ） is 16 + 432 + 8 = 456 pt; dropping the （'s left half fits it.
    const s = set(han(28) + '（' + han(27) + '）' + han(2));
    expect(s.text).toEqual([han(28), '（' + han(27) + '）', han(2)]);
    const open = s.lines[1].glyphs[0];
    expect([open.x, open.cell, open.w]).toEqual([-8, 0, 8]);
    expect(s.xs[1][1]).toBe(8);
    expect(s.xs[1][28]).toBe(440);
    expect(s.lines[1].end).toBe(448);
  });

  it('a line-start opening bracket keeps its cell when squeezing a mark by the excess is cheaper', () => {
    // Line 2: （ + 字字 + ： + an unbreakable 380 pt address + ） is 452 pt, 4 pt over.
    // Dropping the （'s half would leave 4 pt of slack over 5 gaps (0.05 em each); the
    // colon gives the 4 pt instead and stays 0.75 of its size wide.
    const url = 'w'.repeat(45) + '.cn';
    const s = set(han(28) + '（字字：' + url + '）' + han(3));
    expect(s.text).toEqual([han(28), '（字字：' + url + '）', han(3)]);
    const g = s.lines[1].glyphs;
    expect([g[0].x, g[0].w]).toEqual([0, 16]);
    expect([g[3].x, g[3].w]).toEqual([48, 12]);
    expect(s.xs[1][4]).toBe(60);
    expect(s.lines[1].end).toBe(448);
  });

  it('sets no comma narrower than 0.75 of its size while spreading within 0.05 em will do', () => {
    // Keeping the last 字 on line 1 would squeeze the comma to 11.4 pt (0.71 em); sending
    // it down leaves 15.4 pt (0.77 pt, 0.048 em, over each of 20 gaps) on line 1 instead:
    // the 19 gaps between letters take 0.05 em each, the gap after the comma the last 0.2 pt.
    const s = set('字字，字72972字字字字字字9619字字字字字字字字91347' + han(5) + '。');
    expect(s.text).toEqual(['字字，字72972字字字字字字9619字字字字字字字字91347', han(5) + '。']);
    expect(s.lines[0].glyphs[2].w).toBe(16);
    expect(s.xs[0].slice(0, 4)).toEqual([0, 16.8, 33.6, 49.8]);
    expect(s.lines[0].end).toBeCloseTo(448, 9);
  });

  it("a paragraph's first opening mark keeps its full cell after the indent", () => {
    const s = set('“' + han(25) + '”' + han(5), { indent: 32 });
    const open = s.lines[0].glyphs[0];
    expect([open.x, open.w]).toEqual([32, 16]);
    // “ + 25 Han fill the 26 cells; the ” may not start line 2 and cannot come back
    // (the “ is not squeezed), so a Han goes down with it.
    expect(s.text).toEqual(['“' + han(24), '字”' + han(5)]);
    expect(s.xs[0][1]).toBe(48.6667); // 16 pt over 24 gaps
  });

  it('squeezes brackets and quotes before pause and stop marks', () => {
    // 5 + “ + 3 + ” + 5 + ， + 12 = 28 cells; the last ， is pulled back (8 pt over).
    // The quotes give 4 pt each of their blank halves; the mid-line comma keeps its cell.
    const s = set(han(5) + '“' + han(3) + '”' + han(5) + '，' + han(12) + '，' + han(3));
    expect(s.text[0]).toBe(han(5) + '“' + han(3) + '”' + han(5) + '，' + han(12) + '，');
    const g = s.lines[0].glyphs;
    expect([g[5].x, g[5].cell, g[5].w]).toEqual([76, 80, 12]); // “ loses 4 pt on its blank left
    expect([g[9].x, g[9].w]).toEqual([140, 12]); // ” loses 4 pt on its blank right
    expect([g[15].x, g[15].w]).toEqual([232, 16]); // the comma keeps its full cell
    expect([g[28].x, g[28].w]).toEqual([440, 8]);
    expect(s.lines[0].end).toBe(448);
  });

  it('no hanging punctuation: every cell ends inside the measure', () => {
    const texts = [
      han(28) + '，' + han(3),
      han(27) + '。”' + han(3),
      han(5) + '，' + han(5) + '，' + han(16) + '，' + han(5),
      han(26) + '“字”，' + han(30) + '……' + han(10) + '——' + han(20),
    ];
    for (const t of texts) {
      for (const line of set(t).lines) {
        expect(line.end).toBeLessThanOrEqual(W + 1e-9);
        for (const g of line.glyphs) expect((g.cell ?? g.x) + g.w).toBeLessThanOrEqual(W + 1e-9);
      }
    }
  });
});
