// Rules a typesetter reads a page by: a pair of marks keeps 1.25 em at least, a number
// stays with its measure word, and a line seldom opens with a torn word and its mark.
import { describe, expect, it } from 'vitest';
import { buildAtoms } from '../../src/compose/atoms.js';
import { fake, han, set, W } from './fake.js';

const atoms = (text: string) => buildAtoms([{ text, role: 'body', size: 16 }], fake, { width: W });

describe('reading rules', () => {
  it('the partner of a pair already at 1.5 em gives at most a quarter em more', () => {
    const a = atoms('字。（字）”字；“字（“字');
    // 。 ） ； give up their right half for the pair; （ ” “ after them may give 4 pt, not 8.
    expect(Array.from(a.w.slice(0, a.length))).toEqual([16, 8, 16, 16, 8, 16, 16, 8, 16, 16, 16, 8, 16]);
    expect(Array.from(a.squeeze.slice(0, a.length))).toEqual([0, 0, 4, 0, 0, 4, 0, 0, 4, 0, 4, 0, 0]);
  });

  it('squeezes no pair below 1.25 em on a line that must shrink', () => {
    const s = set(han(2) + '。（' + han(24) + '，' + han(3));
    for (const line of s.lines) {
      const g = line.glyphs;
      for (let k = 1; k + 1 < g.length; k++) {
        if (g[k].glyph.char === '。' && g[k + 1].glyph.char === '（') expect(g[k].w + g[k + 1].w).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('keeps a number with its measure word, squeezing five commas lightly for it', () => {
    // 16 Han, ，字 four times and ，, 12345 年 is 464.5 pt: 16.5 pt over, 3.3 pt from each
    // comma (0.79 em left, cost 30) rather than 12345 | 年 (a line 3.5 pt short, cost 0.5).
    const s = set(han(16) + '，字，字，字，字，12345年' + han(12));
    expect(s.text[0]).toBe(han(16) + '，字，字，字，字，12345年');
    expect(s.lines[0].glyphs[16].w).toBeCloseTo(16 - 16.5 / 5, 9);
    expect(s.lines[0].end).toBeCloseTo(448, 9);
  });

  it('splits a number from its measure word when keeping them costs a loose line', () => {
    // 24 Han, ，2023 年: only the comma could give, 8 pt of the 11.6 needed; pulling
    // 2023 down leaves 0.146 em gaps. The split is the lesser evil.
    const s = set(han(24) + '，2023年' + han(12));
    expect(s.text[0]).toBe(han(24) + '，2023');
  });

  it('moves a break off a torn word start when the lines stay about as even', () => {
    // Line 3 could open 字， (torn); setting 27 Han on line 2 instead costs a stretch of
    // 0.038 em (45.6), more than the torn start (40): one torn start is kept …
    expect(set(han(56) + '，' + han(5)).text[2]).toBe('字，' + han(5));
    // … but two in a row cost 40 more each, and the second pair of lines moves.
    const s = set(han(28) + '字，' + han(26) + '字，' + han(26) + '字，' + han(5));
    // One line of 27 Han (45.6) buys three untorn starts (40 + 80 + 80).
    expect(s.text).toEqual([han(27), '字字，' + han(25), '字字，' + han(25), '字字，' + han(5)]);
  });
});

describe('a lead title that fills its line', () => {
  it('keeps its one-character gap: the body below starts one character in', () => {
    const s = set(
      [
        { text: han(26, '题'), role: 'lead', size: 16 },
        { text: han(40), role: 'body', size: 16, gapBefore: 16, gapAtLineStart: true },
      ],
      { indent: 32 },
    );
    expect(s.text[0]).toBe(han(26, '题'));
    expect(s.xs[1][0]).toBe(16);
    expect(s.lines[1].end).toBeCloseTo(448, 9);
    expect(s.text[1]).toBe(han(27));
  });
});

describe('a run of dashes longer than a line', () => {
  it('breaks between pairs, never inside one, and never past the edge', () => {
    const s = set('测试' + '—'.repeat(60) + '结束。');
    expect(s.text.map((t) => t.length)).toEqual([28, 28, 9]);
    expect(s.text[1]).toBe('—'.repeat(28));
    for (const l of s.lines) expect(l.end).toBeLessThanOrEqual(448 + 1e-9);
  });
});
