// The composer on real fonts, measured the way scripts/quality-report.mjs measures any
// typesetter: the built PDF read back glyph by glyph (pdf.js operator lists), never our
// own layout data. Issue 38 meets every target; so does the stress issue, except the
// widest gap on a few lines before long unbreakable units (see below).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, no type declarations
import { measure } from '../../scripts/quality-report.mjs';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { withoutWarnings } from '../helpers/warnings.js';

const out = mkdtempSync(join(tmpdir(), 'yb-quality-'));

async function built(name: string) {
  const yaml = join(ROOT, 'examples', `${name}.yaml`);
  const pdf = join(out, `${name}.pdf`);
  const r = await cli(['build', yaml, '-o', pdf, '-q']);
  expect(withoutWarnings(r.stderr)).toBe('');
  expect(r.code).toBe(0);
  return measure(pdf, yaml);
}

describe('quality figures read back from the PDF', () => {
  it('issue 38 meets every target', async () => {
    const r = await built('issue38');
    expect(r.forbidden).toEqual([]);
    expect(r.full).toBeGreaterThan(50);
    expect(r.notFlush).toEqual([]);
    expect(r.stops).toBeGreaterThan(100);
    expect(r.narrowPct).toBeLessThanOrEqual(2);
    expect(r.widest.extra).toBeLessThanOrEqual(0.05);
    expect(r.copy.pdfjs.ok).toBe(true);
    // What a typesetter reads (issue 13): no pair of marks set as a knot, no number torn
    // from its measure word, few torn line starts, stops of even width, nothing off the page.
    expect(r.knots).toEqual([]);
    expect(r.splitNumbers).toEqual([]);
    expect(r.torn.length).toBeLessThanOrEqual(5);
    // 0.0247: stops take no stretch while the Han gaps stay within 0.05 em, and squeezed
    // stops give equal amounts. Most of what is left is one line whose three stops give
    // 0.15 em each to keep 1项， up (any other setting tears a word or opens a gap past 0.05 em).
    expect(r.stopSD).toBeLessThan(0.025);
    expect(r.outside).toEqual([]);
  });

  it('the stress issue: no forbidden mark, every full line flush, few narrow marks', async () => {
    const r = await built('stress');
    expect(r.forbidden).toEqual([]);
    expect(r.full).toBeGreaterThan(80);
    expect(r.notFlush).toEqual([]);
    expect(r.narrowPct).toBeLessThanOrEqual(2);
    expect(r.copy.pdfjs.ok).toBe(true);
    expect(r.knots).toEqual([]);
    expect(r.outside).toEqual([]);
    // ￥133 元 splits: keeping them would cost a line looser than the gap target.
    expect(r.splitNumbers.length).toBeLessThanOrEqual(1);
    expect(r.torn.length).toBeLessThanOrEqual(6);
    // 0.0500: what is left comes from stops squeezed to keep marks whole and words untorn
    // (a pair of marks keeps 1.25 em, so its partner gives a quarter em at most) and from
    // the lines before the long units, where every gap, after a stop too, shares slack
    // past the target.
    expect(r.stopSD).toBeLessThan(0.0505);
    // Long units that are never split (a 17-em URL, 1,126, 95.6 Mbps) force slack on the
    // lines before them: in the worst paragraph the four lines before the URL share
    // 9 em of slack, 0.14 em a gap at most. Pinned here so that it gets no worse.
    expect(r.widest.extra).toBeLessThanOrEqual(0.14);
    const loose = new Set(r.wideGaps.map((g: { where: string }) => g.where.replace(/^p\d+ \S+ in /, '')));
    expect(loose.size).toBeLessThanOrEqual(8);
    // And no setting under FORMAT's rules does much better: the report's lower bound for
    // that paragraph is over 0.05 em too, and never above what we set.
    type Bound = { text: string; ours: number; bound: { std: number } };
    const bounds: Bound[] = r.gapBounds;
    for (const b of bounds) expect(b.bound.std).toBeLessThanOrEqual(b.ours + 1e-3);
    const url = bounds.find((b) => b.text.startsWith('为确保'));
    expect(url?.bound.std).toBeGreaterThan(0.12);
  });
});
