// The closest known name to a mistyped key, if it is close enough to be the one meant.
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestD <= limit ? best : undefined;
}

/** Damerau-Levenshtein (optimal string alignment): a swap like titel/title costs 1. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The keys the schema allows in the block at `path` (read off the schema, so never out of date). */
export function keysAt(schema: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  let s = unwrap(schema);
  for (const k of path) {
    s = unwrap(child(s, k));
    if (!s) return [];
  }
  const shape = def(s)?.shape as Record<string, unknown> | undefined;
  return shape ? Object.keys(shape) : [];
}

/** Whether the value at `path` may be left out (optional, or with a default). */
export function optionalAt(schema: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let s = unwrap(schema);
  let raw: unknown;
  for (const k of path) {
    raw = child(s, k);
    s = unwrap(raw);
    if (!s) return false;
  }
  const t = def(raw)?.type;
  return t === 'optional' || t === 'default' || t === 'prefault';
}

interface Def {
  type: string;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  items?: unknown[];
  options?: unknown[];
  shape?: Record<string, unknown>;
}

function def(s: unknown): Def | undefined {
  return (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** Through optional/default/prefault/pipe wrappers to the schema that has the shape. */
function unwrap(s: unknown): unknown {
  for (let d = def(s); d; d = def(s)) {
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe') s = d.in;
    else if (d.type === 'lazy') s = (d as Def & { getter: () => unknown }).getter();
    else break;
  }
  return s;
}

function child(s: unknown, k: PropertyKey): unknown {
  const d = def(s);
  if (!d) return undefined;
  if (d.type === 'object') return d.shape?.[String(k)];
  if (d.type === 'array') return typeof k === 'number' ? d.element : undefined;
  if (d.type === 'tuple') return typeof k === 'number' ? d.items?.[k] : undefined;
  if (d.type === 'union') {
    for (const o of d.options ?? []) {
      const c = child(unwrap(o), k);
      if (c) return c;
    }
  }
  return undefined;
}
