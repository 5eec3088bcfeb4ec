// Stops of one width down the page: a justified line opens the gaps between letters before
// the gaps beside a mark's blank half, and the marks it squeezes give equal amounts.
import { describe, expect, it } from 'vitest';
import { buildAtoms } from '../../src/compose/atoms.js';
import { Sums } from '../../src/compose/linebreak.js';
import { setLine } from '../../src/compose/justify.js';
import { fake, round } from './fake.js';

/** `text` set as one full (not last) line of `width` pt, 16 pt type, no grid. */
function line(text: string, width: number) {
  const atoms = buildAtoms([{ text, role: 'body', size: 16 }], fake, { width });
  const l = setLine(atoms, new Sums(atoms), 0, atoms.length, width, false, true, 0);
  return { xs: l.glyphs.map((g) => round(g.x)), ws: l.glyphs.map((g) => round(g.w)), end: round(l.end) };
}

describe('stretching a line: the gaps between letters first', () => {
  // Ten cells, nine gaps: seven between letters, two after a comma. The target is
  // 0.05 em, 0.8 pt.
  const text = '字字字，字字字，字字';

  it('within the target the letters take all the slack and each comma keeps its cell', () => {
    // 3.5 pt over 7 gaps: 0.5 pt each (the even share over 9 would be 0.39).
    const l = line(text, 163.5);
    expect(l.xs).toEqual([0, 16.5, 33, 49.5, 65.5, 82, 98.5, 115, 131, 147.5]);
    expect(l.xs[4] - l.xs[3]).toBe(16);
    expect(l.end).toBe(163.5);
  });

  it('the letters stop at the target; the gaps after the commas take the rest', () => {
    // 7 pt: over the letters alone 1 pt a gap, past the target; evenly 0.78 pt a gap,
    // within it. The letters take 0.8 pt each (5.6), the two commas 0.7 pt each.
    const l = line(text, 167);
    expect(l.xs).toEqual([0, 16.8, 33.6, 50.4, 67.1, 83.9, 100.7, 117.5, 134.2, 151]);
    expect(l.end).toBe(167);
  });

  it('past the target every gap takes an even share, as before', () => {
    // 9 pt over 9 gaps: 1 pt each; no Han gap is opened wider than even spreading opens it.
    const l = line(text, 169);
    expect(l.xs).toEqual([0, 17, 34, 51, 68, 85, 102, 119, 136, 153]);
    expect(l.end).toBe(169);
  });

  it('brackets and quotes alike: no extra space before “ or after ”', () => {
    const l = line('字“字”字', 81);
    expect(l.xs).toEqual([0, 16, 32.5, 49, 65]);
    expect(l.end).toBe(81);
  });
});

describe('squeezing a line: the stops on it give equal amounts', () => {
  // ）、 is a pair: ） gives up its blank half, and 、 may give a quarter em (4 pt) more;
  // ， may give half (8 pt). 104 pt of natural width.
  const text = '字）、字，字字';

  it('6 pt over: 3 pt from each stop, not 2 and 4 (in proportion to what each could give)', () => {
    const l = line(text, 98);
    expect(l.ws).toEqual([16, 8, 13, 16, 13, 16, 16]);
    expect(l.xs).toEqual([0, 16, 24, 37, 53, 66, 82]);
    expect(l.end).toBe(98);
  });

  it('10 pt over: the partner of the pair gives its 4 pt, the comma the other 6', () => {
    const l = line(text, 94);
    expect(l.ws).toEqual([16, 8, 12, 16, 10, 16, 16]);
    expect(l.ws[1] + l.ws[2]).toBeGreaterThanOrEqual(20); // the pair keeps 1.25 em
    expect(l.end).toBe(94);
  });
});
