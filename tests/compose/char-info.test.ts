// What the composer knows of a character, cached per code point as bits.
import { describe, expect, it } from 'vitest';
import { ALNUM, CURRENCY_SIGN, LETTER, NO_END, NO_START, NUMBER, STOP, charInfo, classOf, classify, noEnd, noStart } from '../../src/compose/classify.js';

const bits = (ch: string) => charInfo(ch.codePointAt(0)!);
const flags = (ch: string) => {
  const b = bits(ch);
  const names: [number, string][] = [[NO_START, 'noStart'], [NO_END, 'noEnd'], [STOP, 'stop'], [CURRENCY_SIGN, 'currency'], [ALNUM, 'alnum'], [NUMBER, 'number'], [LETTER, 'letter']];
  return names.filter(([bit]) => b & bit).map(([, name]) => name);
};

describe('character bits', () => {
  it('classes, from the bits and from classify alike', () => {
    const want: Record<string, string> = { 字: 'han', Ａ: 'han', '（': 'open', '“': 'open', '，': 'close', '”': 'close', '—': 'dash', '…': 'ellipsis', '％': 'nostart', a: 'word', '%': 'word', é: 'word', ' ': 'space', '\u00a0': 'space', '𠀀': 'han' };
    for (const [ch, cls] of Object.entries(want)) {
      expect([ch, classOf(bits(ch))]).toEqual([ch, cls]);
      expect([ch, classify(ch)]).toEqual([ch, cls]);
    }
  });

  it('the rules between characters', () => {
    expect(flags('，')).toEqual(['noStart', 'stop']);
    expect(flags('）')).toEqual(['noStart']);
    expect(flags('（')).toEqual(['noEnd']);
    expect(flags('￥')).toEqual(['noEnd', 'currency']);
    expect(flags('℃')).toEqual(['noStart']);
    expect(flags('字')).toEqual([]);
    expect([noStart('。'), noEnd('《'), noStart('字'), noEnd('字')]).toEqual([true, true, false, false]);
  });

  it('letters and numbers of word characters, ASCII and beyond', () => {
    expect(flags('a')).toEqual(['alnum', 'letter']);
    expect(flags('Z')).toEqual(['alnum', 'letter']);
    expect(flags('7')).toEqual(['alnum', 'number']);
    expect(flags('é')).toEqual(['alnum', 'letter']);
    expect(flags('Ω')).toEqual(['alnum', 'letter']);
    expect(flags('²')).toEqual(['alnum', 'number']);
    expect(flags('@')).toEqual([]);
    expect(flags('[')).toEqual(['noEnd']); // half-width brackets keep the full-width rules
    expect(flags(')')).toEqual(['noStart']);
  });

  it('a cached answer is the first answer', () => {
    for (const ch of '字，a7é𠀀') expect(bits(ch)).toBe(bits(ch));
  });
});
