// A face file's bytes, in the one buffer fontkit reads them from. A TrueType face's glyph
// outlines (its glyf table: 14.3 of the 14.8 MB of a Noto CJK face) are read only for the
// glyphs a build sets; the rest of the file is read when the face is opened. The buffer
// is as long as the file, but the system commits only the pages written to, so the three
// default faces hold ~2 MB of memory instead of 45 MB.
import { close, closeSync, open, openSync, read, readSync, statSync } from 'node:fs';

/** Enough for the table directory of any single font (12 + 16 bytes a table). */
export const HEAD_BYTES = 64 << 10;

/**
 * Nearby glyphs are read in one call, the bytes between them too. A call costs this
 * thread ~12-30 µs (a system call, or a request to the thread pool and its answer), and
 * each page of memory first written ~16 µs (a 2-core VM), so glyphs up to two pages apart
 * are read together: ~200 calls for the 550 glyphs an issue sets in one face.
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

/** Fill `bytes` from the file on the thread pool, every range at once. */
export function readRangesAsync(file: string, bytes: Buffer, ranges: Array<[number, number]>): Promise<void> {
  return new Promise((resolve, reject) => {
    open(file, 'r', (err, fd) => {
      if (err) return reject(err);
      let left = ranges.length;
      let failed: Error | undefined;
      const done = (e?: Error | null) => {
        if (e) failed ??= e;
        if (--left === 0) close(fd, () => (failed ? reject(failed) : resolve()));
      };
      const readFrom = (at: number, to: number): void =>
        read(fd, bytes, at, to - at, at, (e, n) => {
          if (e) done(e);
          else if (n === 0) done(new Error(`${file} is shorter than it was when opened`));
          else if (at + n < to) readFrom(at + n, to);
          else done();
        });
      if (!left) return close(fd, () => resolve());
      for (const [from, to] of ranges) readFrom(from, to);
    });
  });
}

const ASKED = 1;
const READ = 2;

/**
 * The glyf table of an opened face, read glyph by glyph as glyphs are asked for: on the
 * thread pool while the build composes (prefetch, then ready before the PDF is made), or
 * at once where an outline is needed now (load).
 */
export class GlyphOutlines {
  /** Per glyph: 0, ASKED (being read on the thread pool) or READ. */
  private readonly state: Uint8Array;
  private all = false;
  /** Reads under way, each until it settles (a failure kept for ready() to report). */
  private readonly reading = new Set<Promise<void>>();
  private failure?: Error;

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
    this.state = new Uint8Array(Math.max(loca.length - 1, 0));
  }

  /** Read the outlines of these glyphs now, where not read yet. */
  load(glyphIds: Iterable<number>): void {
    const want = this.take(glyphIds, READ);
    if (!want.length) return;
    const spans = this.spans(want);
    readRanges(this.file, this.bytes, merge(spans, MERGE_GAP));
    this.settled(want, spans);
  }

  /** Start reading the outlines of these glyphs on the thread pool; ready() waits for them. */
  prefetch(glyphIds: Iterable<number>): void {
    const want = this.take(glyphIds, ASKED);
    if (!want.length) return;
    const spans = this.spans(want);
    const read: Promise<void> = readRangesAsync(this.file, this.bytes, merge(spans, MERGE_GAP)).then(
      () => {
        this.reading.delete(read);
        this.settled(want, spans);
      },
      (e: Error) => {
        this.reading.delete(read);
        this.failure ??= e;
      },
    );
    this.reading.add(read);
  }

  /**
   * Every outline asked for is in memory: every read under way has settled, whoever
   * started it (two issues of a batch ask for the same glyphs, each waits for them).
   */
  async ready(): Promise<void> {
    while (this.reading.size) await Promise.all(this.reading);
    if (this.failure) throw this.failure;
  }

  /** The glyphs of `glyphIds` still below `state`, marked with it; checks the file is the one opened. */
  private take(glyphIds: Iterable<number>, state: number): number[] {
    if (this.all) return [];
    const want: number[] = [];
    for (const id of glyphIds) {
      if (id >= 0 && id < this.state.length && this.state[id] < state) {
        this.state[id] = state;
        want.push(id);
      }
    }
    if (want.length && fileStamp(this.file) !== this.stamp) throw new Error('the file has changed since it was opened; build again');
    return want;
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

  private settled(ids: number[], spans: Array<[number, number]>): void {
    for (const id of ids) this.state[id] = READ;
    // A composite glyph draws other glyphs, which fontkit then reads too: rather than
    // follow its components, read the whole table (CJK faces have few or none). Its
    // numberOfContours, the glyph's first two bytes, is negative: the sign bit is set.
    if (!this.all && spans.some(([from, to]) => to - from >= 2 && this.bytes[from] >= 0x80)) {
      readRanges(this.file, this.bytes, [[this.glyfOffset, this.glyfOffset + this.glyfLength]]);
      this.all = true;
    }
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
