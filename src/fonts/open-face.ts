// Open a face with fontkit (a font file, or one member of a .ttc/.otc collection) with
// errors that name the file and what is wrong with it. A face is opened once per process
// or batch worker and shared by every issue and every role that uses it.
import { closeSync, openSync, read, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Font, FontCollection } from 'fontkit';
import { loadFontkit } from './fontkit.js';
import { familyNames } from './name-table.js';

export class FaceError extends Error {
  /** The style entry that led here, so the error can point at it. */
  entry?: string;
  /** The face file at fault, when the error comes after the face was opened. */
  file?: string;
  constructor(message: string, entry?: string) {
    super(message);
    this.entry = entry;
  }
}

/** An hmtx table as fontkit decodes it (lazily, one entry at a time). */
interface Hmtx {
  metrics: { length: number; get(i: number): { advance: number } | undefined };
}

/** One opened face: the fontkit font, and what the pipeline asks of it. */
export class Face {
  /** Advance widths in font units, by glyph id (read from hmtx as glyphs are first asked for). */
  private readonly advances = new Map<number, number>();

  constructor(
    /** Stable key: the file, plus `#member` for a member of a collection. */
    readonly key: string,
    readonly file: string,
    readonly font: Font,
    /** Something worth telling about the face, e.g. a variable font's instance. */
    readonly note?: string,
  ) {}

  get postscriptName(): string {
    return this.font.postscriptName || basename(this.file);
  }

  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }

  get weight(): number {
    return this.font['OS/2']?.usWeightClass ?? 400;
  }

  /** Family names the face gives, typographic (ID 16) and legacy (ID 1), in every language. */
  get familyNames(): string[] {
    return familyNames(this.font);
  }

  /** The glyph that draws a code point; 0 when the face has none. */
  glyphId(codePoint: number): number {
    return this.font.glyphForCodePoint(codePoint).id;
  }

  /** Advance width in font units, from hmtx (fontkit's glyph.advanceWidth decodes the whole glyph). */
  advance(glyphId: number): number {
    let w = this.advances.get(glyphId);
    if (w === undefined) {
      const m = (this.font as Font & { hmtx: Hmtx }).hmtx.metrics;
      // Glyphs past the last full entry share its advance (the hmtx format).
      w = (m.get(Math.min(glyphId, m.length - 1))?.advance ?? 0) as number;
      this.advances.set(glyphId, w);
    }
    return w;
  }

  /**
   * The glyph's ink along one axis, in font units (its outline's control box): left to
   * right for 'x', bottom to top above the baseline for 'y'.
   */
  ink(glyphId: number, axis: 'x' | 'y'): [number, number] | undefined {
    const box = (this.font.getGlyph(glyphId) as unknown as { cbox: Record<'minX' | 'maxX' | 'minY' | 'maxY', number> }).cbox;
    const [min, max] = axis === 'x' ? [box.minX, box.maxX] : [box.minY, box.maxY];
    return Number.isFinite(min) && max > min ? [min, max] : undefined;
  }
}

const opened = new Map<string, { face: Face; stamp: string }>();
/** Font files read ahead of opening (readFaceFiles), by path; dropped once opened. */
const bytesRead = new Map<string, Buffer>();
/** Every font file this thread has read, in memory other threads can share. */
const shared = new Map<string, SharedArrayBuffer>();

/**
 * Read font files from disk in the background, so that the caller can do other work
 * meanwhile (a build loads the PDF writer); openFace then takes the bytes from here. A
 * file that cannot be read is left for openFace to report.
 */
export async function readFaceFiles(specs: string[]): Promise<void> {
  const done = new Set([...opened.values()].map((o) => o.face.file));
  const files = [...new Set(specs.map(fileOf))].filter((f) => !done.has(f) && !bytesRead.has(f));
  await Promise.all(files.map((f) => readShared(f).then((b) => void bytesRead.set(f, b), () => undefined)));
}

/** A whole file, read into shared memory: batch workers use the same bytes (sharedFaceFiles). */
async function readShared(file: string): Promise<Buffer> {
  // Anything but a plain file of bounded size is left for openFace to name (opening a
  // pipe would wait for a writer). Opened and sized here: cheap, and then the whole file
  // is one read on the thread pool, which goes on while this thread is busy (loading the
  // PDF writer) — a read in chunks would wait for this thread between chunks.
  const st = statSync(file);
  if (!st.isFile() || st.size > MAX_FONT_FILE) throw new Error(`${file} is not a font file to read ahead`);
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.from(new SharedArrayBuffer(st.size));
    for (let at = 0; at < bytes.length; ) {
      const n = await readAt(fd, bytes, at);
      if (n === 0) throw new Error(`${file} changed while it was read`);
      at += n;
    }
    shared.set(file, bytes.buffer as SharedArrayBuffer);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** One read from `at` to the end of `bytes`. */
function readAt(fd: number, bytes: Buffer, at: number): Promise<number> {
  return new Promise((resolve, reject) => read(fd, bytes, at, bytes.length - at, at, (e, n) => (e ? reject(e) : resolve(n))));
}

/** The font files read so far, to hand to a batch worker (no copy: the memory is shared). */
export function sharedFaceFiles(): Map<string, SharedArrayBuffer> {
  return new Map(shared);
}

/** Take font files another thread has read: faces then open without reading them again. */
export function adoptFaceFiles(files: Map<string, SharedArrayBuffer>): void {
  for (const [file, sab] of files) {
    if (shared.has(file)) continue;
    shared.set(file, sab);
    bytesRead.set(file, Buffer.from(sab));
  }
}

/** The largest font file opened: CJK collections run to ~100 MB. */
const MAX_FONT_FILE = 512 << 20;

/** `file.ttc#PostScriptName`: a member of a collection. */
const MEMBER = /^(.*\.(?:ttc|otc))#(.+)$/i;
const fileOf = (spec: string) => MEMBER.exec(spec)?.[1] ?? spec;

/**
 * `spec` is a file path, ending in `#PostScriptName` to pick a member of a .ttc/.otc
 * collection. A face is opened again when its file has changed since (--watch, and the
 * tests, run many builds in one process).
 */
export function openFace(spec: string): Face {
  const m = MEMBER.exec(spec);
  const file = m ? m[1] : spec;
  const stamp = fileStamp(file);
  const hit = opened.get(spec);
  if (hit && hit.stamp === stamp) return hit.face;
  const face = open(spec, file, m?.[2]);
  opened.set(spec, { face, stamp });
  return face;
}

/** What changes when a file is replaced or written: its size, time and inode. */
export function fileStamp(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size} ${st.mtimeMs} ${st.ino}`;
  } catch {
    return '';
  }
}

function open(key: string, file: string, member: string | undefined): Face {
  let bytes: Buffer;
  try {
    // A device or a pipe would be read for ever; a font file is a plain file of bounded size.
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    if (!st.isFile()) throw new FaceError(`cannot read the font file ${file}: it is not a plain file (a device or a pipe)`);
    if (st.size > MAX_FONT_FILE) throw new FaceError(`cannot read the font file ${file}: at ${Math.round(st.size / 1048576)} MB it is larger than a font file may be (${MAX_FONT_FILE / 1048576} MB)`);
    bytes = bytesRead.get(file) ?? readFileSync(file);
    bytesRead.delete(file);
  } catch (e) {
    if (e instanceof FaceError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'ELOOP' ? 'the path is a loop of symbolic links' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new FaceError(`cannot read the font file ${file}: ${why}`);
  }
  let all: Font | FontCollection;
  try {
    all = loadFontkit().create(bytes);
  } catch (e) {
    throw unreadable(file, e);
  }
  if (!all) throw unreadable(file, undefined);
  const font = pick(all, file, member);
  checkTables(font, file);
  const tables = (font as Font & { directory: { tables: Record<string, unknown> } }).directory.tables;
  // CFF2 outlines (variable OpenType/CFF) cannot be subset for PDF embedding.
  if (tables.CFF2) throw new FaceError(`${file} has CFF2 (variable) outlines, which cannot be embedded in a PDF; use a static .otf or .ttf of the weight you want`);
  if (!tables.glyf && !tables['CFF ']) throw new FaceError(`${file} has no TrueType or CFF outlines (bitmap or colour-only fonts cannot be used)`);
  return new Face(key, file, font, variableNote(font));
}

function pick(all: Font | FontCollection, file: string, member: string | undefined): Font {
  if (!('fonts' in all)) {
    if (member) throw new FaceError(`${file} is not a collection; drop "#${member}"`);
    return all;
  }
  const fonts = all.fonts;
  const names = fonts.map((f) => f.postscriptName);
  if (member && !names.includes(member)) throw new FaceError(`${file} has no member "${member}"; it holds: ${names.join(', ')}`);
  const chosen = member ?? names.find((n) => SIMPLIFIED.test(n)) ?? names[0];
  return fonts[names.indexOf(chosen)];
}

/**
 * fontkit decodes a table when it is first used: read the ones every build uses now, so
 * that a broken face is reported as that face, not as a failure halfway through an issue.
 */
function checkTables(font: Font, file: string): void {
  const f = font as Font & Record<string, unknown> & { directory: { tables: Record<string, unknown> } };
  const locaFits = (loca: { offsets: number[] }, glyfLength: number, glyphs: number) =>
    loca.offsets.length > glyphs && loca.offsets[glyphs] <= glyfLength && loca.offsets[0] <= loca.offsets[glyphs];
  const head = () => f.head as { magicNumber: number; unitsPerEm: number; indexToLocFormat: number };
  const glyf = f.directory.tables.glyf as { length: number } | undefined;
  const reads: Array<[string, () => unknown]> = [
    ['head', () => head().magicNumber === 0x5f0f3cf5 || fail('its magic number is wrong')],
    ['head', () => (head().unitsPerEm >= 16 && head().unitsPerEm <= 16384) || fail(`its units per em (${head().unitsPerEm}) are not from 16 to 16384`)],
    ['loca', () => !glyf || ((head().indexToLocFormat === 0 || head().indexToLocFormat === 1) && locaFits(f.loca as { offsets: number[] }, glyf.length, f.numGlyphs)) || fail('its glyph offsets point outside the glyph data')],
    ['hhea', () => f.hhea],
    ['maxp', () => f.numGlyphs > 0 || fail('it has no glyphs')],
    ['hmtx', () => (f.hmtx as Hmtx).metrics.get(0)],
    ['cmap', () => f.hasGlyphForCodePoint(0x4e00) || f.hasGlyphForCodePoint(0x41)],
    ['post', () => f.post],
    ['OS/2', () => f['OS/2']],
    ['name', () => f.postscriptName],
  ];
  for (const [table, read] of reads) {
    try {
      read();
    } catch (e) {
      const why = e instanceof TableFault ? e.message : 'it cannot be decoded';
      throw new FaceError(`${file} is a broken font file: its ${table} table is damaged (${why})`);
    }
  }
}

class TableFault extends Error {}
const fail = (why: string): never => {
  throw new TableFault(why);
};

function unreadable(file: string, e: unknown): FaceError {
  const why = e instanceof Error && !/Unknown font format/i.test(e.message) ? `: ${e.message}` : '';
  return new FaceError(`${file} is not a font file this program can read (TrueType, OpenType, .ttc or .otc)${why}`);
}

/** A variable font is embedded at its default instance: its axes say which. */
function variableNote(font: Font): string | undefined {
  const axes = Object.entries(font.variationAxes ?? {}) as Array<[string, { default?: number }]>;
  if (!axes.length) return undefined;
  return `variable font, used at its default instance (${axes.map(([tag, a]) => `${tag} ${a.default}`).join(', ')})`;
}

/** By default the Simplified Chinese member of a collection where there is one, else the first. */
const SIMPLIFIED = /CJKsc|(^|[^A-Za-z])(SC|GB|CN|Hans)([^A-Za-z]|$)|[a-z](SC|GB|CN)(?=[-_]|$)/;
