// The end block on the page: at the foot of the last page, on a page of its own (with a
// notice) when the body leaves no room, and flowing over pages when it is taller than one.
import { describe, expect, it } from 'vitest';
import { paginate, type Composed } from '../../src/paginate/paginate.js';
import { geometry } from '../../src/compose/geometry.js';
import { resolveStyle } from '../../src/validate/validate.js';
import type { Line } from '../../src/compose/types.js';
import type { TextDraw } from '../../src/paginate/types.js';

const style = resolveStyle();
const geo = geometry(style);
const line = (text = '字'): Line => ({ glyphs: [...text].map((char, i) => ({ glyph: { char, face: {} as never, glyphId: 1, size: 14, advance: 14 }, x: i * 14, w: 14 })), end: 14 * text.length, last: true });
const pitch = style.size.end * style.end.leading; // 21 pt

function composed(bodyLines: number, distribution: number, staff = 1): Composed {
  return {
    masthead: { mark: [], title: [line()], titleSize: 42, issueLine: line(), publisher: [line()], date: line(), dateOwnLine: false },
    body: bodyLines ? [{ kind: 'para', section: 0, item: 0, lines: Array.from({ length: bodyLines }, () => line()) }] : [],
    end: { distribution: Array.from({ length: distribution }, (_, i) => line(`名${i}`)), staff: Array.from({ length: staff }, () => line('责')), size: 14 },
    folio: () => line('1'),
  };
}

const textOf = (draws: unknown[], part: string) => (draws as TextDraw[]).filter((d) => d.kind === 'text' && d.part === part);

describe('end block placement', () => {
  it('stands at the foot of the last page, its last rule on the bottom edge', () => {
    const layout = paginate(composed(5, 2), style, geo);
    expect(layout.pages.length).toBe(1);
    expect(layout.warnings).toEqual([]);
    const rules = layout.pages[0].draws.filter((d) => d.kind === 'rule' && d.ink === 'text');
    const bottom = geo.top + geo.height;
    expect(rules[rules.length - 1]).toMatchObject({ y: bottom - style.end.ruleOuter / 2 });
    // 2 distribution lines and the staff line: (2 + 0.5 + 1 + 0.5) × 21 pt.
    expect(rules[0]).toMatchObject({ y: bottom - 4 * pitch + style.end.ruleOuter / 2 });
  });

  it('moves to a page of its own when the body fills the last page, with a notice', () => {
    // The body fills page 1 to its last row (22 rows less the masthead's).
    const layout = paginate(composed(14, 2), style, geo);
    expect(layout.pages.length).toBe(2);
    expect(textOf(layout.pages[1].draws, 'distribution').length).toBe(2);
    expect(layout.warnings).toEqual([{ part: 'distribution', page: 2, message: 'the end block stands alone on page 2: page 1 has no room for its 4.0 lines; shorten the text or the distribution list to keep them together' }]);
  });

  it('flows a list taller than the type area over pages, every line placed once', () => {
    // 637.8 pt of type area hold 29 lines of 21 pt below the top rule's half line.
    const layout = paginate(composed(3, 70), style, geo);
    const counts = layout.pages.map((p) => textOf(p.draws, 'distribution').length);
    expect(counts).toEqual([0, 29, 29, 12]);
    const names = layout.pages.flatMap((p) => textOf(p.draws, 'distribution').map((d) => d.glyphs.map((g) => g.glyph.char).join('')));
    expect(names).toEqual(Array.from({ length: 70 }, (_, i) => `名${i}`));
    for (const p of layout.pages) {
      for (const d of textOf(p.draws, 'distribution')) {
        expect(d.y - 0.88 * 14).toBeGreaterThanOrEqual(geo.top);
        expect(d.y + 0.12 * 14).toBeLessThanOrEqual(geo.top + geo.height);
      }
    }
    expect(textOf(layout.pages[3].draws, 'staff').length).toBe(1);
    expect(layout.warnings.map((w) => w.message)).toEqual(['the distribution list runs over 3 pages (2–4)']);
  });
});
