// Code point → glyph id, by binary search on the raw bytes of one cmap subtable (no Map
// built up front: a CJK face maps ~30,000 code points and a build looks up a few thousand).

/** Unicode subtables in order of preference (as fontkit): 32-bit ones first. */
const PREFERRED: Array<[number, number]> = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

const SUPPORTED = new Set([0, 4, 6, 10, 12, 13]);

export type CmapLookup = (codePoint: number) => number;

const none: CmapLookup = () => 0;

/** The lookup for the best Unicode subtable of `cmap`; one that maps nothing when there is none. */
export function cmapLookup(cmap: Buffer | undefined): CmapLookup {
  if (!cmap || cmap.length < 4) return none;
  const n = cmap.readUInt16BE(2);
  const subtables: Array<{ platform: number; encoding: number; offset: number }> = [];
  for (let i = 0; i < n && 4 + 8 * i + 8 <= cmap.length; i++) {
    const r = 4 + 8 * i;
    const offset = cmap.readUInt32BE(r + 4);
    if (offset + 2 > cmap.length) continue;
    if (!SUPPORTED.has(cmap.readUInt16BE(offset))) continue;
    subtables.push({ platform: cmap.readUInt16BE(r), encoding: cmap.readUInt16BE(r + 2), offset });
  }
  for (const [p, e] of PREFERRED) {
    const s = subtables.find((x) => x.platform === p && x.encoding === e);
    if (s) return subtableLookup(cmap, s.offset);
  }
  return none;
}

function subtableLookup(b: Buffer, at: number): CmapLookup {
  // DataView calls are builtins: fast even before the JIT warms up (a build is one short run).
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const format = v.getUint16(at);
  const end = b.length;
  const u16 = (p: number) => (p + 2 <= end ? v.getUint16(p) : 0);
  const u32 = (p: number) => (p + 4 <= end ? v.getUint32(p) : 0);
  switch (format) {
    case 0:
      return (cp) => (cp < 256 && at + 6 + cp < end ? b[at + 6 + cp] : 0);
    case 4:
      return format4(v, at, end);
    case 6: {
      const first = u16(at + 6);
      const count = u16(at + 8);
      return (cp) => (cp >= first && cp < first + count ? u16(at + 10 + 2 * (cp - first)) : 0);
    }
    case 10: {
      const first = u32(at + 12);
      const count = u32(at + 16);
      return (cp) => (cp >= first && cp < first + count ? u16(at + 20 + 2 * (cp - first)) : 0);
    }
    default: {
      // 12 (segmented coverage) and 13 (many-to-one): groups of start, end, glyph id.
      const groups = at + 16;
      const nGroups = Math.min(u32(at + 12), Math.floor((end - groups) / 12));
      const many = format === 13;
      return (cp) => {
        let lo = 0;
        let hi = nGroups - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const g = groups + 12 * mid;
          if (cp < v.getUint32(g)) hi = mid - 1;
          else if (cp > v.getUint32(g + 4)) lo = mid + 1;
          else return many ? v.getUint32(g + 8) : v.getUint32(g + 8) + (cp - v.getUint32(g));
        }
        return 0;
      };
    }
  }
}

function format4(v: DataView, at: number, end: number): CmapLookup {
  const u16 = (p: number) => (p + 2 <= end ? v.getUint16(p) : 0);
  const segX2 = u16(at + 6);
  const segCount = segX2 >> 1;
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = Math.min(segCount, (end - rangeOffsets) >> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < v.getUint16(starts + 2 * mid)) hi = mid - 1;
      else if (cp > v.getUint16(ends + 2 * mid)) lo = mid + 1;
      else {
        const ro = u16(rangeOffsets + 2 * mid);
        const delta = u16(deltas + 2 * mid);
        if (ro === 0) return (cp + delta) & 0xffff;
        const gid = u16(rangeOffsets + 2 * mid + ro + 2 * (cp - u16(starts + 2 * mid)));
        return gid === 0 ? 0 : (gid + delta) & 0xffff;
      }
    }
    return 0;
  };
}
