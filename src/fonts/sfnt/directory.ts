// The table directory of an sfnt, and the members of a .ttc/.otc collection.
import type { FileReader } from './file-reader.js';
import { SfntError } from './sfnt-error.js';

export interface TableRecord {
  offset: number;
  length: number;
}

export type Directory = Map<string, TableRecord>;

const TRUETYPE = 0x00010000;
const OPENTYPE = 0x4f54544f; // 'OTTO'
const APPLE_TRUE = 0x74727565; // 'true'
const COLLECTION = 0x74746366; // 'ttcf'

/** Offsets of the font directories in the file: [0] for a single font, one per member for a collection. */
export function fontOffsets(r: FileReader): number[] {
  if (r.size < 12) throw notFont(r.file);
  const head = r.read(0, 12, 'file header');
  const tag = head.readUInt32BE(0);
  if (tag === COLLECTION) {
    const n = head.readUInt32BE(8);
    if (n === 0 || 12 + 4 * n > r.size) throw new SfntError(`${r.file} is truncated: its collection header lists ${n} fonts`);
    const offs = r.read(12, 4 * n, 'collection header');
    return Array.from({ length: n }, (_, i) => offs.readUInt32BE(4 * i));
  }
  if (tag === TRUETYPE || tag === OPENTYPE || tag === APPLE_TRUE) return [0];
  throw notFont(r.file);
}

export function readDirectory(r: FileReader, at: number): Directory {
  const head = r.read(at, 12, 'table directory');
  const version = head.readUInt32BE(0);
  if (version !== TRUETYPE && version !== OPENTYPE && version !== APPLE_TRUE) throw notFont(r.file);
  const n = head.readUInt16BE(4);
  const recs = r.read(at + 12, 16 * n, 'table directory');
  const dir: Directory = new Map();
  for (let i = 0; i < n; i++) {
    const p = 16 * i;
    const tag = recs.toString('latin1', p, p + 4);
    const offset = recs.readUInt32BE(p + 8);
    const length = recs.readUInt32BE(p + 12);
    if (offset + length > r.size) throw new SfntError(`${r.file} is truncated: table '${tag}' (${length} bytes at ${offset}) runs past the end of the file (${r.size} bytes)`);
    dir.set(tag, { offset, length });
  }
  return dir;
}

const notFont = (file: string) => new SfntError(`${file} is not a font file (expected TrueType, OpenType, .ttc or .otc)`);
