// A face file's bytes, in the one buffer fontkit reads them from. A TrueType face's glyph
// outlines (its glyf table: 14.3 of the 14.8 MB of a Noto CJK face) are read only for the
// glyphs a build sets; the rest of the file is read when the face is opened. The buffer
// is as long as the file, but the system commits only the pages written to, so the three
// default faces hold ~2 MB of memory instead of 45 MB.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Enough for the table directory of any single font (12 + 16 bytes a table). */
export const HEAD_BYTES = 64 << 10;

/**
 * Nearby glyphs are read in one call. A call costs about as much as the first write to a
 * fresh page of memory (~12 and ~16 µs on a 2-core VM), so two glyphs are read together
 * when the bytes between them span at most about half a page.
 */
const MERGE_GAP = 2 << 10;

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
    for (const id of glyphIds) if (id >= 0 && id < this.loaded.length && !this.loaded[id]) want.push(id);
    if (!want.length) return;
    const spans: Array<[number, number]> = [];
    for (const id of new Set(want)) {
      const from = this.loca[id];
      const to = Math.min(this.loca[id + 1], this.glyfLength);
      if (to > from) spans.push([this.glyfOffset + from, this.glyfOffset + to]);
    }
    if (fileStamp(this.file) !== this.stamp) throw new Error('the file has changed since it was opened; build again');
    readRanges(this.file, this.bytes, merge(spans));
    for (const id of want) this.loaded[id] = 1;
    // A composite glyph draws other glyphs, which fontkit then reads too: rather than
    // follow its components, read the whole table (CJK faces have few or none).
    for (const [from, to] of spans) if (to - from >= 2 && this.bytes.readInt16BE(from) < 0) return this.loadAll();
  }

  private loadAll(): void {
    readRanges(this.file, this.bytes, [[this.glyfOffset, this.glyfOffset + this.glyfLength]]);
    this.all = true;
  }
}

/** Sorted, with ranges that touch or lie within MERGE_GAP of each other joined. */
function merge(spans: Array<[number, number]>): Array<[number, number]> {
  spans.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of spans) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + MERGE_GAP) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
