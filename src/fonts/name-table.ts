// The names of the faces in a font file, read from its name and OS/2 tables only, so a
// folder of large CJK collections is indexed without loading any outlines.
import { closeSync, openSync, readSync } from 'node:fs';

export interface FaceInfo {
  file: string;
  /** PostScript name of the member, set for members of a .ttc/.otc collection. */
  member?: string;
  postscript: string;
  /** Family names in every language the face gives (name IDs 1 and 16). */
  families: string[];
  /** Style names in every language (name IDs 2 and 17), e.g. Regular, Bold, 常规. */
  styles: string[];
  /** Full names (name ID 4). */
  fullNames: string[];
  weight: number;
  italic: boolean;
}

const MAX_NAME_TABLE = 1 << 20;

class Reader {
  private readonly fd: number;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'r');
  }
  bytes(pos: number, len: number): Buffer {
    const b = Buffer.alloc(len);
    const n = readSync(this.fd, b, 0, len, pos);
    if (n < len) throw new Error('truncated');
    return b;
  }
  close() {
    closeSync(this.fd);
  }
}

/** The faces of one font file; [] for a file that is not a font. */
export function readFaceInfos(file: string): FaceInfo[] {
  let r: Reader;
  try {
    r = new Reader(file);
  } catch {
    return [];
  }
  try {
    const tag = r.bytes(0, 4).toString('latin1');
    if (tag === 'ttcf') {
      const n = r.bytes(8, 4).readUInt32BE(0);
      const offs = r.bytes(12, 4 * Math.min(n, 256));
      const out: FaceInfo[] = [];
      for (let i = 0; i < Math.min(n, 256); i++) {
        const f = readFace(r, offs.readUInt32BE(i * 4));
        if (f) out.push({ ...f, member: f.postscript });
      }
      return out;
    }
    const f = readFace(r, 0);
    return f ? [f] : [];
  } catch {
    return [];
  } finally {
    r.close();
  }
}

function readFace(r: Reader, at: number): FaceInfo | undefined {
  const head = r.bytes(at, 12);
  const version = head.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) return undefined;
  const n = head.readUInt16BE(4);
  const dir = r.bytes(at + 12, 16 * n);
  const tables: Record<string, { off: number; len: number }> = {};
  for (let i = 0; i < n; i++) {
    tables[dir.toString('latin1', i * 16, i * 16 + 4)] = { off: dir.readUInt32BE(i * 16 + 8), len: dir.readUInt32BE(i * 16 + 12) };
  }
  const name = tables.name;
  if (!name || name.len > MAX_NAME_TABLE) return undefined;
  const names = parseNames(r.bytes(name.off, name.len));
  let weight = 400;
  let italic = false;
  if (tables['OS/2'] && tables['OS/2'].len >= 64) {
    const os2 = r.bytes(tables['OS/2'].off, 64);
    weight = os2.readUInt16BE(4);
    italic = (os2.readUInt16BE(62) & 1) === 1;
  }
  const postscript = names.get(6)?.[0] ?? names.get(4)?.[0]?.replace(/\s+/g, '') ?? '';
  const families = [...new Set([...(names.get(16) ?? []), ...(names.get(1) ?? [])])];
  if (!families.length && !postscript) return undefined;
  return {
    file: r.file,
    postscript,
    families,
    styles: [...new Set([...(names.get(17) ?? []), ...(names.get(2) ?? [])])],
    fullNames: names.get(4) ?? [],
    weight,
    italic,
  };
}

const WANTED = new Set([1, 2, 4, 6, 16, 17]);

/** name ID → its strings in every language and encoding the table holds. */
function parseNames(t: Buffer): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const count = t.readUInt16BE(2);
  const strings = t.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    if (r + 12 > t.length) break;
    const platform = t.readUInt16BE(r);
    const encoding = t.readUInt16BE(r + 2);
    const id = t.readUInt16BE(r + 6);
    if (!WANTED.has(id)) continue;
    const len = t.readUInt16BE(r + 8);
    const off = strings + t.readUInt16BE(r + 10);
    if (off + len > t.length) continue;
    const s = decode(t.subarray(off, off + len), platform, encoding)?.replace(/\0/g, '').trim();
    if (!s) continue;
    const list = out.get(id) ?? [];
    if (!list.includes(s)) list.push(s);
    out.set(id, list);
  }
  return out;
}

function decode(b: Buffer, platform: number, encoding: number): string | undefined {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) return utf16be(b);
  // Older Chinese faces store names in GBK: as 16-bit units on Windows (encoding 3),
  // as bytes on the Mac (encoding 25).
  if (platform === 3 && encoding === 3) return gbk(Buffer.from([...utf16Units(b)].flatMap((u) => (u > 0xff ? [u >> 8, u & 0xff] : [u]))));
  if (platform === 1 && encoding === 25) return gbk(b);
  if (platform === 1 && encoding === 0) return b.toString('latin1');
  return undefined;
}

function* utf16Units(b: Buffer) {
  for (let i = 0; i + 1 < b.length; i += 2) yield b.readUInt16BE(i);
}

function utf16be(b: Buffer): string {
  const swapped = Buffer.from(b.subarray(0, b.length - (b.length % 2)));
  swapped.swap16();
  return swapped.toString('utf16le');
}

function gbk(b: Buffer): string | undefined {
  try {
    return new TextDecoder('gbk').decode(b);
  } catch {
    return undefined; // a Node built without full ICU
  }
}
