// The lower bound on a paragraph's widest gap that scripts/quality-report.mjs prints,
// on glyphs laid out by hand: 16 pt cells, a 448 pt measure, a 32 pt first-line indent.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, no type declarations
import { leastWidestGap } from '../../scripts/gap-bound.mjs';

interface G {
  ch: string;
  x: number;
  adv: number;
  size: number;
  font: string;
}

/** A line as the report reads it: glyphs placed from `x0`, `extra` added after each one. */
function line(text: string, x0: number, extra = 0): { g: G[]; all: G[]; size: number; text: string } {
  const g: G[] = [];
  let x = x0;
  for (const ch of text) {
    const adv = /^[\x21-\x7e]$/.test(ch) ? 8 : 16;
    g.push({ ch, x, adv, size: 16, font: 'body' });
    x += adv + (ch.charCodeAt(0) >= 0x2e80 ? extra : 0);
  }
  return { g, all: g, size: 16, text };
}

const base = () => 16;
const bound = (lines: ReturnType<typeof line>[]) => leastWidestGap(lines, base, 32, 0, 448);

describe('least possible widest gap', () => {
  it('an address that cannot be split leaves its slack on the line before, whatever the breaks', () => {
    // 20 Han (320 pt) then a 160 pt address: 484 pt with the quarter em between them, more
    // than the 416 pt of line 1. Line 1 can hold the 20 Han at best: 96 pt over 19 gaps.
    const url = 'a'.repeat(20);
    const b = bound([line('字'.repeat(20), 32, 96 / 19), line(url + '字字', 0)]);
    expect(b.std).toBeCloseTo(96 / 19 / 16, 9);
    expect(b.std75).toBeCloseTo(96 / 19 / 16, 9);
    expect(b.loose).toBeCloseTo(96 / 19 / 16, 9);
  });

  it('finds the setting with no loose line when the breaks allow one', () => {
    // Set badly: 24 Han on line 1 (2 cells of slack) and 28 on line 2 would fit 26 + 26.
    const b = bound([line('字'.repeat(24), 32, 32 / 23), line('字'.repeat(28), 0), line('字'.repeat(4), 0)]);
    expect(b.std).toBe(0);
  });

  it('squeezes marks down to half a cell, or to 0.75 em for the narrow-mark target', () => {
    // 21 Han, 3 commas, the quarter em and a 48 pt word: 436 pt, 20 more than line 1 holds.
    // Commas at half a cell give 24 pt; kept at 12 pt they give 12, so the word goes
    // down and leaves 32 pt over the 23 gaps before it.
    const head = '字字字字字字，字字字字字字，字字字字字字，字字字';
    const b = bound([line(head + 'abcdef', 32), line('字字', 0)]);
    expect(b.std).toBe(0);
    expect(b.std75).toBeCloseTo(32 / 23 / 16, 9);
  });
});
