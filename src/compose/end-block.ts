// The end block (报尾): the distribution paragraph and the staff line.
import type { Distribution, Staff } from '../validate/schema.js';
import type { Style } from '../validate/style-schema.js';
import type { ShapedGlyph, Shaper } from '../fonts/shaped-glyph.js';
import type { Geometry } from './geometry.js';
import { composeParagraph } from './paragraph.js';
import { shift } from './masthead.js';
import type { Line, PlacedGlyph, Run } from './types.js';

export interface EndBlock {
  distribution: Line[];
  /** The staff line, wrapped onto more lines when its entries do not fit one. */
  staff: Line[];
  size: number;
}

export function distributionText(d: Distribution): { label: string; list: string } {
  const list = recipients(d).join('，');
  return { label: `${d.label}：`, list: `${list}。` };
}

/** The recipients one by one, whether typed as a list or as one string. */
function recipients(d: Distribution): string[] {
  const all = Array.isArray(d.to) ? d.to : [d.to];
  return all.map((r) => r.trim().replace(/[。.]$/, '')).filter(Boolean);
}

export function composeEndBlock(d: Distribution | undefined, staff: Staff[] | undefined, style: Style, geo: Geometry, shaper: Shaper): EndBlock | undefined {
  if (!d && !staff?.length) return undefined;
  const size = style.size.end;
  const cell = size;
  const inner = geo.width - 2 * cell; // indented one character on both sides
  let distribution: Line[] = [];
  if (d) {
    const { label } = distributionText(d);
    const labelW = advanceOf(shaper.shape(label, 'end', size));
    // Wrapped lines align under the first character after the colon.
    // Each recipient is kept whole on its line where the paragraph allows it (人武部长,
    // not 人 / 武部长); a recipient typed as one long string may still break.
    const runs: Run[] = [{ text: label, role: 'end', size }];
    recipients(d).forEach((r, i, all) => {
      runs.push({ text: r, role: 'end', size, keep: true });
      runs.push({ text: i === all.length - 1 ? '。' : '，', role: 'end', size });
    });
    const para = composeParagraph(runs, { width: inner, hang: labelW }, shaper);
    distribution = para.lines.map((l) => shift(l, cell));
    if (d.copies) distribution = placeCopies(distribution, `共印 ${d.copies} 份`, size, geo, shaper, labelW);
  }
  return { distribution, staff: staff?.length ? composeStaff(staff, size, geo, shaper) : [], size };
}

/** `共印 N 份` flush right on the last line when it fits there, else on a line of its own. */
function placeCopies(lines: Line[], text: string, size: number, geo: Geometry, shaper: Shaper, hang: number): Line[] {
  const p = composeParagraph([{ text, role: 'end', size }], { width: 1e6, justify: false }, shaper).lines[0];
  const right = geo.width - size;
  const placed = shift(p, right - p.end);
  const last = lines[lines.length - 1];
  if (last && last.end + 2 * size <= placed.glyphs[0].x) {
    return [...lines.slice(0, -1), { ...last, glyphs: [...last.glyphs, ...placed.glyphs], end: placed.end }];
  }
  return [...lines, placed];
}

const advanceOf = (glyphs: ShapedGlyph[]) => glyphs.reduce((w, g) => w + g.advance, 0);

/**
 * Entries spread across the width, at least one character apart; entries that do not
 * fit go on the next line, spread the same way. A two-character name is set three
 * characters wide.
 */
function composeStaff(staff: Staff[], size: number, geo: Geometry, shaper: Shaper): Line[] {
  const cell = size;
  const entries = staff.map((s) => {
    const name = shaper.shape(s.name.replace(/[\s\u3000]+/g, ''), 'end', size);
    const glyphs: PlacedGlyph[] = [];
    let x = 0;
    for (const glyph of shaper.shape(`${s.role}：`, 'end', size)) {
      glyphs.push({ glyph, x, w: glyph.advance });
      x += glyph.advance;
    }
    // 李勉 -> 李　勉: the second character moves to the third cell.
    const step = name.length === 2 ? 2 * cell : cell;
    name.forEach((glyph, i) => {
      glyphs.push({ glyph, x: x + (i === 0 ? 0 : step + (i - 1) * cell), w: glyph.advance });
    });
    const width = x + (name.length === 2 ? 3 * cell : advanceOf(name));
    return { glyphs, width };
  });
  const inner = geo.width - 2 * cell;
  const rows: (typeof entries)[] = [[]];
  let used = 0;
  for (const e of entries) {
    const row = rows[rows.length - 1];
    if (row.length && used + cell + e.width > inner) {
      rows.push([e]);
      used = e.width;
    } else {
      used += (row.length ? cell : 0) + e.width;
      row.push(e);
    }
  }
  return rows.map((row) => {
    const total = row.reduce((s, e) => s + e.width, 0);
    const gap = row.length > 1 ? Math.max(cell, (inner - total) / (row.length - 1)) : 0;
    const glyphs: PlacedGlyph[] = [];
    let x = cell;
    for (const e of row) {
      for (const g of e.glyphs) glyphs.push({ ...g, x: g.x + x });
      x += e.width + gap;
    }
    return { glyphs, end: x - gap, last: true };
  });
}
