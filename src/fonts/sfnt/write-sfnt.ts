// Assemble tables into an sfnt: directory sorted by tag, 4-byte aligned tables, checksums,
// and head.checkSumAdjustment.

export function tableChecksum(b: Uint8Array): number {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const whole = b.length & ~3;
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < b.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < b.length ? b[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** The font file for `tables` (tag → bytes); `version` 0x00010000 for TrueType outlines, 'OTTO' for CFF. */
export function writeSfnt(tables: Map<string, Uint8Array>, version = 0x00010000): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const es = n ? Math.floor(Math.log2(n)) : 0;
  let size = 12 + 16 * n;
  for (const t of tags) size += (tables.get(t)!.length + 3) & ~3;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, version);
  v.setUint16(4, n);
  v.setUint16(6, 16 << es);
  v.setUint16(8, es);
  v.setUint16(10, 16 * n - (16 << es));
  let pos = 12 + 16 * n;
  let headAt = -1;
  let fileSum = 0; // the whole file's checksum: the directory's plus every (zero-padded) table's
  tags.forEach((tag, i) => {
    const t = tables.get(tag)!;
    if (tag.length !== 4) throw new Error(`table tag '${tag}' is not 4 characters`);
    const r = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[r + k] = tag.charCodeAt(k);
    out.set(t, pos);
    if (tag === 'head') {
      headAt = pos;
      v.setUint32(pos + 8, 0); // checksums are computed with checkSumAdjustment zero
    }
    const sum = tableChecksum(out.subarray(pos, pos + t.length));
    fileSum = (fileSum + sum) >>> 0;
    v.setUint32(r + 4, sum);
    v.setUint32(r + 8, pos);
    v.setUint32(r + 12, t.length);
    pos += (t.length + 3) & ~3;
  });
  fileSum = (fileSum + tableChecksum(out.subarray(0, 12 + 16 * n))) >>> 0;
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - fileSum) >>> 0);
  return out;
}
