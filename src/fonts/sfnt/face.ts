// An sfnt face read lazily from its file: metadata at open (one read of the small tables),
// hmtx and loca on first use, glyph bytes only for the glyphs asked for.
import type { FaceMetrics } from '../face-metrics.js';
import { cmapLookup, type CmapLookup } from './cmap.js';
import type { Directory } from './directory.js';
import type { FileReader, Range } from './file-reader.js';
import { parseNames } from './names.js';
import { SfntError } from './sfnt-error.js';
import { subsetTrueType } from './subset-truetype.js';

export type Outlines = 'glyf' | 'CFF ' | 'CFF2' | 'none';

/**
 * Where the metrics come from: postscriptName is name ID 6 (Windows Unicode record first,
 * then Mac Roman); familyNames IDs 16 and 1, every language, English first; weightClass
 * OS/2's (400 without one); ascent and descent hhea's; capHeight OS/2's sCapHeight from
 * version 2 on, else the ascent; italicAngle post's; bbox head's; advance hmtx's (the last
 * advance for gid >= numberOfHMetrics); hBounds the glyf header's [xMin, xMax] ([0, 0] for
 * an empty glyph, undefined for other outlines).
 */
export interface SfntFace extends FaceMetrics {
  /** Path it was opened from. */
  file: string;
  outlines: Outlines;
  /** Has an fvar table. */
  isVariable: boolean;
  numGlyphs: number;
  /** glyf only: read these glyphs' bytes with few reads, so later hBounds and subset calls need none. */
  prefetch(gids: Iterable<number>): void;
  /** glyf only: a TrueType font holding glyph 0, then `gids` ascending, then composite components; newId maps old → new id. */
  subset(gids: Iterable<number>): { bytes: Uint8Array; newId: Map<number, number> };
  /** Raw bytes of a table (read on first call), undefined when absent. */
  table(tag: string): Buffer | undefined;
  /** Tags of the tables the face has. */
  tags: string[];
  /** Bytes and read calls so far, for measuring. */
  readStats(): { bytes: number; reads: number };
  close(): void;
}

/** Tables read at open, in one coalesced read where they sit together (they usually do). */
const EAGER = ['head', 'hhea', 'maxp', 'OS/2', 'post', 'name', 'cmap', 'cvt ', 'fpgm', 'prep'];
const EAGER_MAX = 256 * 1024;
/** Gap (bytes) below which two nearby reads become one. */
const OPEN_GAP = 32 * 1024;
export const GLYPH_GAP = 4 * 1024;

const view = (b: Buffer) => new DataView(b.buffer, b.byteOffset, b.byteLength);

export function readTable(r: FileReader, dir: Directory, tag: string): Buffer | undefined {
  const t = dir.get(tag);
  return t ? r.read(t.offset, t.length, `table '${tag}'`) : undefined;
}

export class Face implements SfntFace {
  readonly file: string;
  readonly unitsPerEm: number;
  readonly postscriptName: string;
  readonly familyNames: string[];
  readonly weightClass: number;
  readonly outlines: Outlines;
  readonly isVariable: boolean;
  readonly numGlyphs: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  readonly bbox: [number, number, number, number];
  readonly tags: string[];
  readonly numberOfHMetrics: number;
  readonly indexToLocFormat: number;
  private readonly tables = new Map<string, Buffer>();
  private readonly lookup: CmapLookup;
  private readonly memo = new Map<number, number>();
  // DataViews: builtin reads, fast even before the JIT warms up (a build is one short run).
  private hmtx?: DataView;
  private loca?: DataView;
  private readonly bounds = new Map<number, [number, number]>();
  private readonly glyphs = new Map<number, Buffer>();

  constructor(
    private readonly r: FileReader,
    private readonly dir: Directory,
  ) {
    this.file = r.file;
    this.tags = [...dir.keys()];
    const eager = EAGER.filter((t) => dir.has(t) && dir.get(t)!.length <= EAGER_MAX);
    const bytes = r.readMany(
      eager.map((t) => ({ pos: dir.get(t)!.offset, len: dir.get(t)!.length })),
      OPEN_GAP,
      'font tables',
    );
    eager.forEach((t, i) => this.tables.set(t, bytes[i]));
    const head = this.need('head', 54);
    const hhea = this.need('hhea', 36);
    const maxp = this.need('maxp', 6);
    this.unitsPerEm = head.readUInt16BE(18);
    this.bbox = [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)];
    this.indexToLocFormat = head.readInt16BE(50);
    this.ascent = hhea.readInt16BE(4);
    this.descent = hhea.readInt16BE(6);
    this.numberOfHMetrics = hhea.readUInt16BE(34);
    this.numGlyphs = maxp.readUInt16BE(4);
    const os2 = this.tables.get('OS/2');
    this.weightClass = os2 && os2.length >= 6 ? os2.readUInt16BE(4) : 400;
    this.capHeight = os2 && os2.length >= 90 && os2.readUInt16BE(0) >= 2 ? os2.readInt16BE(88) : this.ascent;
    const post = this.tables.get('post');
    this.italicAngle = post && post.length >= 8 ? post.readInt32BE(4) / 65536 : 0;
    const names = parseNames(this.table('name'));
    this.postscriptName = names.postscriptName;
    this.familyNames = names.familyNames;
    this.outlines = dir.has('glyf') ? 'glyf' : dir.has('CFF ') ? 'CFF ' : dir.has('CFF2') ? 'CFF2' : 'none';
    this.isVariable = dir.has('fvar');
    this.lookup = cmapLookup(this.table('cmap'));
  }

  table(tag: string): Buffer | undefined {
    let t = this.tables.get(tag);
    if (!t && this.dir.has(tag)) {
      t = readTable(this.r, this.dir, tag)!;
      this.tables.set(tag, t);
    }
    return t;
  }

  private need(tag: string, min: number): Buffer {
    const t = this.table(tag);
    if (!t) throw new SfntError(`${this.file} has no '${tag}' table, which every font needs`);
    if (t.length < min) throw new SfntError(`${this.file} is truncated: table '${tag}' is ${t.length} bytes, expected at least ${min}`);
    return t;
  }

  glyphId(codePoint: number): number {
    // Text repeats its characters: a memo of the answers saves most binary searches.
    let g = this.memo.get(codePoint);
    if (g === undefined) {
      g = this.lookup(codePoint);
      this.memo.set(codePoint, g);
    }
    return g;
  }

  advance(gid: number): number {
    const m = (this.hmtx ??= view(this.need('hmtx', 4 * this.numberOfHMetrics)));
    const i = gid < this.numberOfHMetrics ? gid : this.numberOfHMetrics - 1;
    return i < 0 ? 0 : m.getUint16(4 * i);
  }

  /** Left side bearing from hmtx (the trailing array for gid >= numberOfHMetrics). */
  lsb(gid: number): number {
    const m = (this.hmtx ??= view(this.need('hmtx', 4 * this.numberOfHMetrics)));
    const nh = this.numberOfHMetrics;
    const p = gid < nh ? 4 * gid + 2 : 4 * nh + 2 * (gid - nh);
    return p + 2 <= m.byteLength ? m.getInt16(p) : 0;
  }

  /** Where glyph `gid` sits in the file, [start, end). */
  glyphRange(gid: number): [number, number] {
    if (this.outlines !== 'glyf') throw new SfntError(`${this.file} has ${this.outlines === 'none' ? 'no' : `'${this.outlines.trim()}'`} outlines, not TrueType ones`);
    if (!Number.isInteger(gid) || gid < 0 || gid >= this.numGlyphs) throw new SfntError(`${this.file} has no glyph ${gid} (it has ${this.numGlyphs})`);
    const long = this.indexToLocFormat === 1;
    const loca = (this.loca ??= view(this.need('loca', (this.numGlyphs + 1) * (long ? 4 : 2))));
    const glyf = this.dir.get('glyf')!;
    const a = long ? loca.getUint32(4 * gid) : 2 * loca.getUint16(2 * gid);
    const b = long ? loca.getUint32(4 * gid + 4) : 2 * loca.getUint16(2 * gid + 2);
    const start = Math.min(a, glyf.length);
    const end = Math.min(Math.max(a, b), glyf.length);
    return [glyf.offset + start, glyf.offset + end];
  }

  /** The bytes of each glyph in `gids`, read (in few calls) if not already. */
  glyphBytes(gids: number[]): Map<number, Buffer> {
    const missing: number[] = [];
    const ranges: Range[] = [];
    const seen = new Set<number>();
    for (const g of gids) {
      if (this.glyphs.has(g) || seen.has(g)) continue;
      const [s, e] = this.glyphRange(g);
      seen.add(g);
      missing.push(g);
      ranges.push({ pos: s, len: e - s });
    }
    const got = this.r.readMany(ranges, GLYPH_GAP, "table 'glyf'");
    for (let i = 0; i < missing.length; i++) this.glyphs.set(missing[i], got[i]);
    const out = new Map<number, Buffer>();
    for (const g of gids) out.set(g, this.glyphs.get(g)!);
    return out;
  }

  prefetch(gids: Iterable<number>): void {
    if (this.outlines === 'glyf') this.glyphBytes([...gids]);
  }

  hBounds(gid: number): [number, number] | undefined {
    if (this.outlines !== 'glyf') return undefined;
    let b = this.bounds.get(gid);
    if (b) return b;
    let g = this.glyphs.get(gid);
    if (!g) {
      const [s, e] = this.glyphRange(gid);
      g = e - s >= 10 ? this.r.read(s, 10, "table 'glyf'") : Buffer.alloc(0);
    }
    b = g.length >= 10 ? [g.readInt16BE(2), g.readInt16BE(6)] : [0, 0];
    this.bounds.set(gid, b);
    return b;
  }

  subset(gids: Iterable<number>): { bytes: Uint8Array; newId: Map<number, number> } {
    if (this.outlines !== 'glyf') throw new SfntError(`${this.file} has ${this.outlines === 'none' ? 'no' : `'${this.outlines.trim()}'`} outlines; only TrueType (glyf) faces can be subset here`);
    return subsetTrueType(this, gids);
  }

  readStats() {
    return { bytes: this.r.bytesRead, reads: this.r.reads };
  }

  close(): void {
    this.r.close();
  }
}

