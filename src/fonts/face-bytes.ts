// A face file's bytes, in the one buffer fontkit reads them from. A TrueType face's glyph
// outlines (its glyf table: 14.3 of the 14.8 MB of a Noto CJK face) are read only for the
// glyphs a build sets; the rest of the file is read when the face is opened. The buffer
// is as long as the file, but the system commits only the pages written to, so the three
// default faces hold ~2 MB of memory instead of 45 MB.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Enough for the table directory of any single font (12 + 16 bytes a table). */
export const HEAD_BYTES = 64 << 10;

/**
 * Nearby glyphs are read in one call, the bytes between them too. A call costs ~12 µs
 * and each page of memory first written ~16 µs (a 2-core VM), so glyphs up to two pages
 * apart are read together: ~200 calls for the 550 glyphs an issue sets in one face.
 * (Reading on the thread pool instead was measured slower: the pool's page faults
 * contend with this thread's, and each request costs this thread ~40 µs to send.)
 */
const MERGE_GAP = 8 << 10;

/** What changes when a file is replaced or written: its size, time and inode. */
export function fileStamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size} ${st.mtimeMs} ${st.ino}`;
  } catch {
    return '';
  }
}

/** Fill `bytes` from the file at the same positions: [from, to) ranges, each read in full. */
export function readRanges(file: string, bytes: Buffer, ranges: Array<[number, number]>): void {
  const fd = openSync(file, 'r');
  try {
    for (const [from, to] of ranges) {
      for (let at = from; at < to; ) {
        const n = readSync(fd, bytes, at, to - at, at);
        if (n === 0) throw new Error(`${file} is shorter than it was when opened`);
        at += n;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** The glyf table of an opened face, read glyph by glyph as glyphs are asked for. */
export class GlyphOutlines {
  /** 1 where a glyph's outline has been read. */
  private readonly loaded: Uint8Array;
  private all = false;

  constructor(
    private readonly file: string,
    private readonly bytes: Buffer,
    /** Where the glyf table starts in the file, and its length. */
    private readonly glyfOffset: number,
    private readonly glyfLength: number,
    /** Each glyph's offset in glyf, and one past the last (the loca table). */
    private readonly loca: ArrayLike<number>,
    /** The file's stamp when the rest of it was read: its outlines must come from the same file. */
    private readonly stamp: string,
  ) {
    this.loaded = new Uint8Array(Math.max(loca.length - 1, 0));
  }

  /** Read the outlines of these glyphs, where not read yet. */
  load(glyphIds: Iterable<number>): void {
    if (this.all) return;
    const want: number[] = [];
    for (const id of glyphIds) {
      if (id >= 0 && id < this.loaded.length && !this.loaded[id]) {
        this.loaded[id] = 1;
        want.push(id);
      }
    }
    if (!want.length) return;
    try {
      if (fileStamp(this.file) !== this.stamp) throw new Error('the file has changed since it was opened; build again');
      const spans = this.spans(want);
      readRanges(this.file, this.bytes, merge(spans, MERGE_GAP));
      // A composite glyph draws other glyphs, which fontkit then reads too: rather than
      // follow its components, read the whole table (CJK faces have few or none). Its
      // numberOfContours, the glyph's first two bytes, is negative: the sign bit is set.
      if (spans.some(([from, to]) => to - from >= 2 && this.bytes[from] >= 0x80)) {
        readRanges(this.file, this.bytes, [[this.glyfOffset, this.glyfOffset + this.glyfLength]]);
        this.all = true;
      }
    } catch (e) {
      for (const id of want) this.loaded[id] = 0;
      throw e;
    }
  }

  /** Where the glyphs' outlines lie in the file, in glyph order (file order in any usual face). */
  private spans(ids: number[]): Array<[number, number]> {
    const spans: Array<[number, number]> = [];
    for (const id of Int32Array.from(ids).sort()) {
      const from = this.loca[id];
      const to = Math.min(this.loca[id + 1], this.glyfLength);
      if (to > from) spans.push([this.glyfOffset + from, this.glyfOffset + to]);
    }
    return spans;
  }
}

/**
 * Ranges that follow each other within `gap` bytes joined. A range that starts before the
 * last one (a face whose glyphs are not stored in glyph order) is read on its own.
 */
function merge(spans: Array<[number, number]>, gap: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [from, to] of spans) {
    const last = out[out.length - 1];
    if (last && from >= last[0] && from <= last[1] + gap) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
