// Open a face with fontkit (a font file, or one member of a .ttc/.otc collection) with
// errors that name the file and what is wrong with it. A face is opened once per process
// or batch worker and shared by every issue and every role that uses it.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Font, FontCollection } from 'fontkit';
import { loadFontkit } from './fontkit.js';
import { familyNames } from './name-table.js';
import { fileStamp, GlyphOutlines, HEAD_BYTES, readRanges } from './face-bytes.js';

export { fileStamp };
import { headerFirstDecode, presetLoca } from './fontkit-private.js';

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
    /** A TrueType face's outlines, read as glyphs are asked for; undefined when the whole file was read. */
    private readonly outlines?: GlyphOutlines,
  ) {}

  /**
   * Read the outlines of glyphs the build will draw or measure (fontkit reads them when
   * it subsets the face, and for ink boxes). Every glyph a FontBook hands out is read.
   */
  loadGlyphs(glyphIds: Iterable<number>): void {
    const ids = [...glyphIds];
    try {
      this.outlines?.load(ids);
    } catch (e) {
      const err = new FaceError(`cannot read the glyphs of ${this.file}: ${(e as Error).message}`);
      err.file = this.file;
      throw err;
    }
    headerFirstDecode(this.font, ids);
  }

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
    this.loadGlyphs([glyphId]);
    const box = (this.font.getGlyph(glyphId) as unknown as { cbox: Record<'minX' | 'maxX' | 'minY' | 'maxY', number> }).cbox;
    const [min, max] = axis === 'x' ? [box.minX, box.maxX] : [box.minY, box.maxY];
    return Number.isFinite(min) && max > min ? [min, max] : undefined;
  }
}

const opened = new Map<string, { face: Face; stamp: string }>();

/** The largest font file opened: CJK collections run to ~100 MB. */
const MAX_FONT_FILE = 512 << 20;

/** `file.ttc#PostScriptName`: a member of a collection. */
const MEMBER = /^(.*\.(?:ttc|otc))#(.+)$/i;

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
  const face = open(spec, file, m?.[2], stamp);
  opened.set(spec, { face, stamp });
  return face;
}

/**
 * Read what opening a face needs of its file: all of it but a TrueType face's outlines
 * (`glyf`, then read glyph by glyph; undefined when the whole file is read now).
 */
function readFace(file: string): { bytes: Buffer; glyf?: TableEntry } {
  let bytes: Buffer;
  let size: number;
  try {
    // A device or a pipe would be read for ever; a font file is a plain file of bounded size.
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    if (!st.isFile()) throw new FaceError(`cannot read the font file ${file}: it is not a plain file (a device or a pipe)`);
    if (st.size > MAX_FONT_FILE) throw new FaceError(`cannot read the font file ${file}: at ${Math.round(st.size / 1048576)} MB it is larger than a font file may be (${MAX_FONT_FILE / 1048576} MB)`);
    size = st.size;
    // Zero-filled and as long as the file; only what is read of it takes memory.
    bytes = Buffer.alloc(size);
    readRanges(file, bytes, [[0, Math.min(size, HEAD_BYTES)]]);
  } catch (e) {
    throw readError(file, e);
  }
  // A single TrueType font: everything but the outlines now, the outlines glyph by glyph.
  const glyf = sparseGlyf(create(bytes, file));
  const rest: Array<[number, number]> = glyf
    ? [
        [HEAD_BYTES, glyf.offset],
        [glyf.offset + glyf.length, size],
      ]
    : [[HEAD_BYTES, size]];
  try {
    readRanges(file, bytes, rest.filter(([from, to]) => to > from));
  } catch (e) {
    throw readError(file, e);
  }
  return { bytes, glyf };
}

function open(key: string, file: string, member: string | undefined, stamp: string): Face {
  const { bytes, glyf } = readFace(file);
  // Anew from the whole file: fontkit may have decoded something of it from the head alone.
  const all = create(bytes, file);
  checkExtent(all, file, bytes.length);
  const font = pick(all, file, member);
  // WOFF2 stores TrueType outlines re-encoded, which fontkit draws but cannot subset: the glyphs would come out garbled.
  const web = (font as Font & { directory: { tables: Record<string, { transformed?: boolean }> } }).directory.tables.glyf;
  if (web?.transformed) throw new FaceError(`${file} is a WOFF2 web font with its outlines stored re-encoded, which cannot be embedded in a PDF; use the .ttf or .otf it was made from`);
  presetLoca(font, bytes);
  checkTables(font, file);
  const tables = (font as Font & { directory: { tables: Record<string, unknown> } }).directory.tables;
  // CFF2 outlines (variable OpenType/CFF) cannot be subset for PDF embedding.
  if (tables.CFF2) throw new FaceError(`${file} has CFF2 (variable) outlines, which cannot be embedded in a PDF; use a static .otf or .ttf of the weight you want`);
  if (!tables.glyf && !tables['CFF ']) throw new FaceError(`${file} has no TrueType or CFF outlines (bitmap or colour-only fonts cannot be used)`);
  const outlines = glyf && new GlyphOutlines(file, bytes, glyf.offset, glyf.length, (font as Font & { loca: { offsets: number[] } }).loca.offsets, stamp);
  const face = new Face(key, file, font, variableNote(font), outlines);
  // Every subset holds glyph 0 (.notdef).
  face.loadGlyphs([0]);
  return face;
}

function create(bytes: Buffer, file: string): Font | FontCollection {
  let all: Font | FontCollection;
  try {
    all = loadFontkit().create(bytes);
  } catch (e) {
    throw unreadable(file, e);
  }
  if (!all) throw unreadable(file, undefined);
  return all;
}

interface TableEntry {
  offset: number;
  length: number;
}

/**
 * The glyf table, when the outlines may be read glyph by glyph: a single TrueType font
 * (not a collection, not WOFF, not variable) whose table directory lies in the head already read.
 */
function sparseGlyf(all: Font | FontCollection): TableEntry | undefined {
  if ('fonts' in all) return undefined;
  const dir = (all as Font & { directory?: { tag?: string; numTables: number; tables: Record<string, TableEntry> } }).directory;
  const trueType = dir?.tag === '\0\x01\0\0' || dir?.tag === 'true';
  if (!dir || !trueType || 12 + 16 * dir.numTables > HEAD_BYTES || dir.tables['CFF '] || dir.tables.CFF2 || dir.tables.gvar) return undefined;
  const glyf = dir.tables.glyf;
  return glyf && glyf.offset >= HEAD_BYTES && glyf.length > 0 ? glyf : undefined;
}

/** Table directories of a TrueType or OpenType font, or of a collection's members (web fonts place their tables otherwise). */
const SFNT = new Set(['\0\x01\0\0', 'true', 'OTTO']);

/** A file cut short (a copy or a download that stopped) has tables that run past its end. */
function checkExtent(all: Font | FontCollection, file: string, size: number): void {
  const short = (why: string) => new FaceError(`${file} is cut short (${size} bytes): ${why}; copy the font file again`);
  let fonts: Font[];
  try {
    fonts = 'fonts' in all ? all.fonts : [all];
  } catch {
    throw short('its members cannot be read');
  }
  for (const font of fonts) {
    const dir = (font as Font & { directory?: { tag?: string; tables?: Record<string, TableEntry> } }).directory;
    if (!dir?.tag || !SFNT.has(dir.tag) || !dir.tables) {
      if (!dir && 'fonts' in all) throw short('a member\'s table directory lies past its end');
      continue;
    }
    for (const [tag, t] of Object.entries(dir.tables)) {
      if (t.offset + t.length > size) throw short(`its ${tag.trim()} table runs to byte ${t.offset + t.length}`);
    }
  }
}

function readError(file: string, e: unknown): FaceError {
  if (e instanceof FaceError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'ELOOP' ? 'the path is a loop of symbolic links' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
  return new FaceError(`cannot read the font file ${file}: ${why}`);
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
  return new FaceError(`${file} is not a font file this program can read (TrueType, OpenType, .ttc, .otc or WOFF)${why}`);
}

/** A variable font is embedded at its default instance: its axes say which. */
function variableNote(font: Font): string | undefined {
  const axes = Object.entries(font.variationAxes ?? {}) as Array<[string, { default?: number }]>;
  if (!axes.length) return undefined;
  return `variable font, used at its default instance (${axes.map(([tag, a]) => `${tag} ${a.default}`).join(', ')})`;
}

/** By default the Simplified Chinese member of a collection where there is one, else the first. */
const SIMPLIFIED = /CJKsc|(^|[^A-Za-z])(SC|GB|CN|Hans)([^A-Za-z]|$)|[a-z](SC|GB|CN)(?=[-_]|$)/;
