// Never split ——, ……, a number with its separators, a number and its unit sign, a
// currency sign and its number, a Latin word, a URL. Each case puts the unit across
// the line end so that a character-by-character break would cut it.
import { describe, expect, it } from 'vitest';
import { han, set } from './fake.js';

describe('units that are never split', () => {
  it('—— goes down whole, with the Han before it (a dash may not start a line)', () => {
    const s = set(han(27) + '——' + han(5));
    expect(s.text).toEqual([han(26), '字——' + han(5)]);
    expect(s.xs[0][1]).toBe(17.28); // 32 pt of slack over 25 gaps
    // The dash is drawn cell-wide (ink 1–15 scaled 16/14) so that —— is one stroke.
    expect(s.xs[1].slice(0, 4)).toEqual([0, 14.8571, 30.8571, 48]);
    expect(s.lines[1].glyphs[1].scaleX).toBeCloseTo(16 / 14, 12);
  });

  it('…… goes down whole', () => {
    const s = set(han(27) + '……' + han(5));
    expect(s.text).toEqual([han(26), '字……' + han(5)]);
  });

  it('3,200.5 stays one number', () => {
    // 25 Han + a quarter em + 52.5 pt of number = 456.5 pt: the whole number goes down.
    const s = set(han(25) + '3,200.5' + han(5));
    expect(s.text).toEqual([han(25), '3,200.5' + han(5)]);
    expect(s.xs[0][1]).toBe(18); // 48 pt over 24 gaps
    expect(s.xs[1].slice(0, 8)).toEqual([0, 8.9, 12.9, 21.8, 30.7, 39.6, 43.6, 56.5]);
  });

  it('100% stays together and takes the quarter em after it', () => {
    const s = set(han(26) + '100%' + han(5));
    expect(s.text).toEqual([han(26), '100%' + han(5)]);
    expect(s.xs[1].slice(0, 6)).toEqual([0, 8.9, 17.8, 26.7, 34.7, 50.7]);
  });

  it('50℃ stays together, the sign tight against the number', () => {
    const s = set(han(26) + '50℃' + han(5));
    expect(s.text).toEqual([han(26), '50℃' + han(5)]);
    expect(s.xs[1].slice(0, 4)).toEqual([0, 8.9, 17.8, 33.8]);
  });

  it('5‰ stays together', () => {
    const s = set(han(27) + '5‰' + han(5));
    expect(s.text).toEqual([han(27), '5‰' + han(5)]);
  });

  it('￥100 stays together, no gap between the sign and the number', () => {
    const s = set(han(26) + '￥100' + han(5));
    expect(s.text).toEqual([han(26), '￥100' + han(5)]);
    expect(s.xs[1].slice(0, 5)).toEqual([0, 16, 24.9, 33.8, 46.7]);
  });

  it('a Latin word is never split, but may break at its spaces', () => {
    const s = set(han(24) + 'Typesetting' + han(5));
    expect(s.text).toEqual([han(24), 'Typesetting' + han(5)]);
    const t = set(han(24) + 'open data' + han(5));
    expect(t.text).toEqual([han(24) + 'open', 'data' + han(5)]);
    // 28 pt of slack over 24 gaps (23 between Han, 1 before the word), none inside it.
    expect(t.xs[0].slice(22)).toEqual([377.6667, 394.8333, 416, 424, 432, 440]);
    expect(t.xs[1][0]).toBe(0); // no quarter em at a line start
  });

  it('a URL is never split', () => {
    const url = 'https://www.example.gov.cn/a/b'; // 22 letters × 8 + 8 marks × 4 = 208 pt
    const s = set(han(20) + url + han(10));
    expect(s.text).toEqual([han(20), url + han(10)]);
    expect(s.xs[1][30]).toBe(212); // the quarter em after it
  });
});

describe('units kept whole beyond the list', () => {
  it('a number and its Latin unit do not break at the space between them', () => {
    // 25 Han + ¼ em + 95.6 fit (434.7 pt), but the unit would be left for line 2.
    const s = set(han(25) + '95.6 Mbps' + han(5));
    expect(s.text).toEqual([han(25), '95.6Mbps' + han(5)]);
  });

  it('a slash binds what it joins (微克/立方米)', () => {
    // 26 Han + 克/ fit (436 pt); the break after the slash is refused, so 克/ go down
    // with the rest of the unit.
    const s = set(han(26) + '克/立方米' + han(5));
    expect(s.text).toEqual([han(26), '克/立方米' + han(5)]);
  });
});

describe('a kept run', () => {
  const runs = (n: number, keep: boolean) => [
    { text: han(n), role: 'body', size: 16 },
    { text: '（榆林乡）', role: 'source', size: 16, keep },
  ];

  it('moves whole (the source unit in brackets) when the lines stay within the limit', () => {
    // Free: 28 | 26 + （榆 | 林乡）. Kept: one Han moves from each of the first two
    // lines (16 pt over 26 gaps each, 0.038 em) so the unit goes down whole.
    expect(set(runs(54, false)).text).toEqual([han(28), han(26) + '（榆', '林乡）']);
    expect(set(runs(54, true)).text).toEqual([han(27), han(27), '（榆林乡）']);
  });

  it('breaks when keeping it would leave a line looser than the 0.05 em limit', () => {
    // Kept whole, line 1 would hold 25 Han: 48 pt over 24 gaps, 0.125 em each.
    expect(set(runs(25, true)).text).toEqual([han(25) + '（榆', '林乡）']);
  });

  it('breaks inside a kept run longer than half a line rather than leave a gaping line', () => {
    const unit = '（' + han(14, '局') + '）'; // 16 cells: more than half of 28
    const s = set([
      { text: han(20), role: 'body', size: 16 },
      { text: unit, role: 'source', size: 16, keep: true },
    ]);
    expect(s.text).toEqual([han(20) + '（' + han(7, '局'), han(7, '局') + '）']);
  });
});

describe('a unit longer than the line', () => {
  it('goes on a line of its own and runs over rather than being split', () => {
    const long = 'a'.repeat(70); // 560 pt on a 448 pt line
    const s = set(han(10) + long + han(40));
    expect(s.text).toEqual([han(10), long, han(28), han(12)]);
    expect(s.lines[1].end).toBe(560);
  });
});
