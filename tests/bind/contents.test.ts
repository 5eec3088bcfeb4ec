// The contents composer with exact numbers (a fake face of round widths): numbers flush
// right, leaders ending in one column for every line of a size, long titles wrapped short
// of the numbers, an issue's line never left alone at the foot of a page.
import { describe, expect, it } from 'vitest';
import { composeContents, type ContentsEntry } from '../../src/bind/contents.js';
import { geometry } from '../../src/compose/geometry.js';
import { resolveStyle } from '../../src/validate/validate.js';
import type { TextDraw } from '../../src/paginate/types.js';
import { fake, round } from '../compose/fake.js';

const style = resolveStyle(undefined, undefined, undefined);
const geo = geometry(style);
const right = round(geo.left + geo.width);

const chars = (d: TextDraw) => d.glyphs.map((g) => g.glyph.char).join('');
const lineEnd = (d: TextDraw) => round(d.x + Math.max(...d.glyphs.map((g) => g.x + g.glyph.advance)));
const entryLines = (draws: TextDraw[]) => draws.filter((d) => d.block.startsWith('contents '));

describe('contents', () => {
  const entries: ContentsEntry[] = [
    { level: 0, text: '第 38 期', date: '2023 年 8 月 25 日', page: 7 },
    { level: 1, text: '优化营商环境', page: 7 },
    { level: 1, text: '县乡村振兴局优化营商环境助力乡村振兴建立企业联系服务定期回访机制', page: 112 },
  ];
  const [page] = composeContents(entries, style, geo, fake);
  const lines = entryLines(page.draws as TextDraw[]);

  it('sets the page numbers flush right on the last line of each entry', () => {
    expect(lines.map(chars).filter((t) => /\d$/.test(t)).map((t) => /…+(\d+)$/.exec(t)?.[1])).toEqual(['7', '7', '112']);
    for (const l of lines.filter((d) => /\d$/.test(chars(d)))) expect(lineEnd(l)).toBe(right);
  });

  it('ends the leaders of every line of a size in one column, short of the widest number', () => {
    const lastDot = (d: TextDraw) => round(d.x + Math.max(...d.glyphs.filter((g) => g.glyph.char === '…').map((g) => g.x + g.glyph.advance)));
    const subs = lines.filter((d) => d.glyphs[0].glyph.size === style.size.end && chars(d).includes('…'));
    expect(subs).toHaveLength(2);
    expect(lastDot(subs[0])).toBe(lastDot(subs[1]));
    // "112" at 14 pt in the fake face: 3 × 7.7875; half a character's gap before it.
    expect(lastDot(subs[0])).toBe(round(right - 3 * 8.9 * (14 / 16) - 7));
  });

  it('wraps a long title short of the numbers, under its own indent', () => {
    const long = lines.filter((d) => d.block === 'contents 2');
    expect(long.length).toBe(2);
    expect(round(long[1].x + long[1].glyphs[0].x)).toBe(round(long[0].x + long[0].glyphs[0].x));
  });

  it('keeps an issue line with its first entry on the next page', () => {
    const many: ContentsEntry[] = [];
    for (let i = 0; i < 40; i++) many.push({ level: i % 4 === 0 ? 0 : 1, text: i % 4 === 0 ? `第 ${i} 期` : '民生保障', page: i + 1 });
    const pages = composeContents(many, style, geo, fake);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      const last = entryLines(p.draws as TextDraw[]).at(-1)!;
      expect(chars(last)).not.toMatch(/^第/);
    }
  });
});
