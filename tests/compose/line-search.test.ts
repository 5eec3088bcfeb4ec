// The line search stops scanning starts early (once looser lines cannot win) and scans
// them longest first; it must choose exactly what a search over every start chooses.
// The reference below is that plain search: every open start, latest first, strict <.
import { describe, expect, it } from 'vitest';
import { ALONE, BREAK, buildAtoms, type Atoms } from '../../src/compose/atoms.js';
import { chooseBreaks, fitLine, lineCost, stackedTorn, Sums } from '../../src/compose/linebreak.js';
import type { Run } from '../../src/compose/types.js';
import { fake, han, set } from './fake.js';

function plainSearch(atoms: Atoms, sums: Sums, first: number, rest: number): number[] | undefined {
  const n = atoms.length;
  const em = atoms.em[0];
  const light = Math.max(0.05, 1 - (0.75 * atoms.size[0]) / em);
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  const starts = [0];
  for (let j = 1; j <= n; j++) {
    if (j < n && !(atoms.flags[j] & BREAK)) continue;
    for (let c = starts.length - 1; c >= 0; c--) {
      const i = starts[c];
      const width = i === 0 ? first : rest;
      const fit = fitLine(sums, i, j);
      if (fit.natural - fit.shrink > width + 1e-6) continue;
      if (j === n && i > 0 && sums.letters[j] - sums.letters[i] < 2) continue;
      const alone = j < n && (atoms.flags[j] & ALONE) !== 0;
      const cost = lineCost(fit, width, j === n || alone, em, light) + (alone ? 100 : 0) + 1 + (j < n ? atoms.penalty[j] : 0) + stackedTorn(atoms, i, j);
      if (best[i] + cost < best[j]) {
        best[j] = best[i] + cost;
        from[j] = i;
      }
    }
    if (best[j] < Infinity) {
      starts.push(j);
      // The same window as the search's: starts whose line is far too long go.
      while (starts.length > 1) {
        const fit = fitLine(sums, starts[0], j);
        if (fit.natural - fit.shrink > Math.max(first, rest) + atoms.em[j - 1] * 4) starts.shift();
        else break;
      }
    }
  }
  if (best[n] === Infinity) return undefined; // the greedy fallback's case: not compared
  const breaks: number[] = [];
  for (let j = from[n]; j > 0; j = from[j]) breaks.push(j);
  return breaks.reverse();
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = [...'字字字字字字字字中国县乡村振兴，，。、；：？！（）《》“”——……abc0123 %％￥/·'];

describe('the line search', () => {
  it('chooses the breaks a search over every start chooses (600 random paragraphs)', () => {
    const r = random(7);
    let compared = 0;
    for (let t = 0; t < 600; t++) {
      const text = Array.from({ length: 20 + Math.floor(r() * 260) }, () => CHARS[Math.floor(r() * CHARS.length)]).join('');
      const runs: Run[] = [{ text, role: 'body', size: 16 }];
      if (r() < 0.3) runs.push({ text: '（某某局）', role: 'body', size: 16, keep: true, alone: r() < 0.5 });
      const atoms = buildAtoms(runs, fake, { width: 448, pitchRatio: r() < 0.5 ? 1 : 0.987 });
      const sums = new Sums(atoms);
      const first = 448 - (r() < 0.7 ? 32 : 0);
      const rest = 448 - (r() < 0.2 ? 48 : 0);
      const want = plainSearch(atoms, sums, first, rest);
      if (!want) continue;
      expect(chooseBreaks(atoms, sums, { first, rest })).toEqual(want);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('between equal totals takes the latest start, as a scan from the latest start does', () => {
    // 28 + 27 and 27 + 28 cost the same; the paragraph has always been set 28 + 27.
    expect(set(han(57)).text.map((l) => l.length)).toEqual([28, 27, 2]);
  });
});
