// The traditional-form check looks characters up by binary search in OpenCC's table as
// shipped: the table must stay sorted by character, one character a key, for that to hold.
import { describe, expect, it } from 'vitest';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { simplifiedOf } from '../../src/validate/proofread/traditional.js';

describe("OpenCC's traditional-to-simplified table", () => {
  it('is sorted by its keys, each a single character', () => {
    const keys = TSCharacters.split('|').map((e: string) => e.slice(0, e.indexOf(' ')));
    expect(keys.length).toBeGreaterThan(3000);
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1] < keys[i], `${keys[i - 1]} before ${keys[i]}`).toBe(true);
    expect(keys.every((k: string) => [...k].length === 1)).toBe(true);
  });

  it('gives every entry its simplified forms, and none for a character that is also simplified', () => {
    for (const entry of TSCharacters.split('|')) {
      const [from, ...to] = entry.split(' ');
      expect(simplifiedOf(from)).toBe(to.includes(from) ? undefined : to.join(' or '));
    }
    expect(simplifiedOf('辦')).toBe('办');
    expect(simplifiedOf('办')).toBeUndefined();
    expect(simplifiedOf('延')).toBeUndefined();
    // The first and the last entries, and characters before and after them all.
    expect(simplifiedOf('\u3400')).toBeUndefined();
    expect(simplifiedOf('\u{2ffff}')).toBeUndefined();
  });
});
