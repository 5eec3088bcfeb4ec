// A 16-byte digest for the file identifier and subset tags: stable, well spread, and
// cheap (node:crypto alone costs a few milliseconds to load). Not for security.

export function digest16(...parts: Array<string | ArrayLike<number>>): Buffer {
  // Four FNV-1a lanes with different offsets, each finished with a murmur3 mix.
  const h = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  const feed = (x: number) => {
    for (let i = 0; i < 4; i++) h[i] = Math.imul(h[i] ^ (x + i), 0x01000193) >>> 0;
  };
  for (const p of parts) {
    if (typeof p === 'string') for (let i = 0; i < p.length; i++) feed(p.charCodeAt(i));
    else for (let i = 0; i < p.length; i++) feed(p[i] & 0xffff), feed(p[i] >>> 16);
    feed(0xffff); // a separator, so ("ab","c") and ("a","bc") differ
  }
  const out = Buffer.alloc(16);
  for (let i = 0; i < 4; i++) {
    let x = h[i] ^ h[(i + 1) % 4];
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    out.writeUInt32BE((x ^ (x >>> 16)) >>> 0, i * 4);
  }
  return out;
}
