// Positioned reads from a font file: only the bytes asked for, never the whole file
// (a CJK face is 10–15 MB, a build needs a few hundred KB of it).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SfntError } from './sfnt-error.js';

export interface Range {
  pos: number;
  len: number;
}

export class FileReader {
  readonly size: number;
  /** Bytes read so far (for measuring). */
  bytesRead = 0;
  reads = 0;
  private fd: number;

  constructor(readonly file: string) {
    try {
      this.fd = openSync(file, 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new SfntError(`cannot open the font file ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    this.size = fstatSync(this.fd).size;
  }

  /** `len` bytes at `pos`; `what` names the part for the error when the file is shorter. */
  read(pos: number, len: number, what = 'data'): Buffer {
    const b = Buffer.allocUnsafe(len);
    this.readInto(b, 0, pos, len, what);
    return b;
  }

  private readInto(b: Buffer, at: number, pos: number, len: number, what: string): void {
    if (this.fd < 0) throw new SfntError(`${this.file} is closed`);
    if (pos < 0 || len < 0 || pos + len > this.size) throw new SfntError(`${this.file} is truncated: ${what} (${len} bytes at ${pos}) runs past the end of the file (${this.size} bytes)`);
    let got = 0;
    while (got < len) {
      const n = readSync(this.fd, b, at + got, len - got, pos + got);
      if (n <= 0) throw new SfntError(`${this.file} is truncated: ${what} could not be read`);
      got += n;
      this.reads++;
    }
    this.bytesRead += len;
  }

  /**
   * Read many ranges with few system calls: ranges closer than `maxGap` bytes are read
   * as one. Returns, for each range in input order, its bytes (views into the chunks).
   */
  readMany(ranges: Range[], maxGap: number, what = 'data'): Buffer[] {
    const order: number[] = [];
    let sorted = true;
    for (let i = 0; i < ranges.length; i++) {
      if (ranges[i].len <= 0) continue;
      if (order.length && ranges[i].pos < ranges[order[order.length - 1]].pos) sorted = false;
      order.push(i);
    }
    if (!sorted) order.sort((a, b) => ranges[a].pos - ranges[b].pos); // glyphs asked in id order usually come sorted
    // Merge into chunks, then read them all into one allocation.
    const chunks: number[] = []; // start, end, first and last index into order
    let total = 0;
    let i = 0;
    while (i < order.length) {
      const start = ranges[order[i]].pos;
      let end = start + ranges[order[i]].len;
      let j = i + 1;
      while (j < order.length && ranges[order[j]].pos <= end + maxGap) {
        end = Math.max(end, ranges[order[j]].pos + ranges[order[j]].len);
        j++;
      }
      chunks.push(start, end, i, j);
      total += end - start;
      i = j;
    }
    const buf = Buffer.allocUnsafe(total);
    const out: Buffer[] = ranges.map(() => EMPTY);
    let at = 0;
    for (let c = 0; c < chunks.length; c += 4) {
      const start = chunks[c];
      const end = chunks[c + 1];
      const first = chunks[c + 2];
      const last = chunks[c + 3];
      this.readInto(buf, at, start, end - start, what);
      for (let k = first; k < last; k++) {
        const r = ranges[order[k]];
        out[order[k]] = buf.subarray(at + r.pos - start, at + r.pos - start + r.len);
      }
      at += end - start;
    }
    return out;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

const EMPTY = Buffer.alloc(0);
