// --shard K/N: disjoint parts that together cover every input, the same on every machine.
import { describe, it, expect } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/batch/shard.js';

const paths = Array.from({ length: 300 }, (_, i) => `${2000 + (i % 7)}/issue${String(i).padStart(3, '0')}.yaml`);

describe('shards', () => {
  it.each([1, 2, 3, 4, 7])('split into %i disjoint parts that cover everything', (n) => {
    const parts = Array.from({ length: n }, (_, k) => paths.filter((p) => inShard(p, { k: k + 1, n })));
    const all = parts.flat();
    expect(all.length).toBe(paths.length);
    expect(new Set(all).size).toBe(paths.length);
    // Each part gets a fair share: no part empty or holding more than twice its due.
    for (const p of parts) {
      expect(p.length).toBeGreaterThan(0);
      expect(p.length).toBeLessThan((2 * paths.length) / n);
    }
  });

  it('depend on the path alone', () => {
    expect(shardOf('2023/issue001.yaml', 4)).toBe(shardOf('2023/issue001.yaml', 4));
    expect(paths.filter((p) => inShard(p, { k: 2, n: 3 }))).toEqual(paths.filter((p) => shardOf(p, 3) === 2));
    expect(inShard('x', undefined)).toBe(true);
  });

  it('are given as K/N', () => {
    expect(parseShard('2/4')).toEqual({ k: 2, n: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/-2']) expect(() => parseShard(bad)).toThrow('--shard takes K/N');
  });
});
