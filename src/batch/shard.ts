// `--shard K/N`: a split of the inputs that every machine of a CI matrix computes alike.
// An input belongs to the shard its relative path hashes to, so the split depends neither
// on the machine's absolute paths nor on which other files exist.
import { UsageError } from '../errors.js';
import { sha256 } from '../hash.js';

export interface Shard {
  /** 1-based. */
  k: number;
  n: number;
}

export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new UsageError(`--shard takes K/N with 1 <= K <= N (e.g. 2/4), not "${s}"`);
  return { k, n };
}

export function shardOf(rel: string, n: number): number {
  return (parseInt(sha256(rel).slice(0, 8), 16) % n) + 1;
}

export function inShard(rel: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(rel, shard.n) === shard.k;
}
