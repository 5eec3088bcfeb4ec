// An item's first paragraph: lead title, a one-cell gap, the body, the source unit.
import { describe, it, expect } from 'vitest';
import { composeBody, splitParagraphs } from '../../src/compose/body.js';
import { geometry } from '../../src/compose/geometry.js';
import { resolveStyle } from '../../src/validate/validate.js';
import type { Issue } from '../../src/validate/schema.js';
import type { Line, PlacedGlyph } from '../../src/compose/types.js';
import { fake, roleOf } from './fake.js';

// A 448 pt line of 28 cells: every full-width character is exactly 16 pt wide.
const style = resolveStyle({ page: { width: '600pt', left: '0pt', right: '152pt' } });
const geo = geometry(style);

function item(title: string, body: string, source?: string): Issue {
  return {
    masthead: { title: '延津政务快报', issue: 1, publisher: '办公室', date: '2023-08-25' },
    sections: [{ heading: '民生保障', items: [{ title, body, source }] }],
  } as Issue;
}

const text = (l: Line) => l.glyphs.map((g) => g.glyph.char).join('');

/** A glyph as a reader sees it: the character, the role that set it, where it stands. */
const seen = (g: PlacedGlyph) => ({ ch: g.glyph.char, role: roleOf(g), x: g.x });

describe('composeBody', () => {
  it('brackets the heading and sets the lead title, a one-cell gap, then the body', () => {
    const blocks = composeBody(item('县局开展工作', '坚持把工作做好。', '县局'), style, geo, fake);
    expect(text(blocks[0].lines[0])).toBe('【民生保障】');
    const first = blocks[1].lines[0];
    expect(first.glyphs.slice(0, 6).map((g) => [g.glyph.char, roleOf(g), g.x])).toEqual([
      ['县', 'lead', 32],
      ['局', 'lead', 48],
      ['开', 'lead', 64],
      ['展', 'lead', 80],
      ['工', 'lead', 96],
      ['作', 'lead', 112],
    ]);
    // The body starts one cell after the title's last character.
    expect(seen(first.glyphs[6])).toEqual({ ch: '坚', role: 'body', x: 144 });
    expect(text(first)).toBe('县局开展工作坚持把工作做好。（县局）');
    expect(seen(first.glyphs.at(-1)!)).toMatchObject({ ch: '）', role: 'source' });
  });

  it('never leaves one character of a title alone at the head of the next line', () => {
    // 26 characters fill the first line after the two-cell indent. The body's 27th
    // character is followed by ——, which may not start a line, so the second line holds
    // 26 characters, loose by two cells; with the title's 障 and the gap it would be full.
    // Evenness alone would move 障 down; the title keeps it.
    const title = '县医疗保障局全面发力确保农村低收入人口基本医疗有保障';
    const body = '坚持把农村低收入人口基本医疗有保障不因病返贫致贫提高医——保政策知晓率作为工作重点。';
    const blocks = composeBody(item(title, body), style, geo, fake);
    const lines = blocks[1].lines.map(text);
    expect(lines[0]).toBe(title);
    expect(lines[1]).toBe('坚持把农村低收入人口基本医疗有保障不因病返贫致贫提高');
  });

  it('splits paragraphs at blank lines and joins lines broken inside one', () => {
    expect(splitParagraphs('发挥群众监督、社会监督作\n用，脚踏实地。\n\n第二段 text\nmore words')).toEqual([
      '发挥群众监督、社会监督作用，脚踏实地。',
      '第二段 text more words',
    ]);
  });

  it('keeps the source unit on the last line when it fits there', () => {
    const blocks = composeBody(item('县局', '一二三四五六七八九十。', '乡村振兴局'), style, geo, fake);
    expect(blocks[1].lines.map(text)).toEqual(['县局一二三四五六七八九十。（乡村振兴局）']);
  });

  it('sets a source unit that does not fit on a line of its own, flush right', () => {
    // Two cells of indent, 2 of title, one gap, 22 of body: the line is full, and the
    // source would have to break inside itself or stretch the text line.
    const body = '一二三四五六七八九十一二三四五六七八九十一。';
    const blocks = composeBody(item('县局', body, '乡村振兴局'), style, geo, fake);
    const lines = blocks[1].lines;
    expect(lines.map(text)).toEqual([`县局${body}`, '（乡村振兴局）']);
    // The text line is not stretched: its glyphs stand on the 16 pt cells.
    expect(lines[0].glyphs.map((g) => g.x).slice(0, 4)).toEqual([32, 48, 80, 96]);
    // The source line ends at the right edge, its last mark half a cell wide.
    expect(lines[1].end).toBe(448);
    expect(seen(lines[1].glyphs[0])).toMatchObject({ ch: '（', x: 448 - 6.5 * 16 });
  });
});

