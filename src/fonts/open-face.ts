// Open a face file with fontkit, picking a member of a collection, with clear errors.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadFontkit } from '../require-cached.js';
import type { Font, FontCollection } from 'fontkit';
import type { FaceSource } from './lookup.js';
import type { FaceReader } from './face-metrics.js';
import { fontkitReader } from './fontkit-reader.js';

// Loaded as CommonJS with V8's code cache (see require-cached.ts): a faster start.
const fontkit = loadFontkit();

export class FaceError extends Error {
  /** The style entry that led here, so the error can point at it. */
  entry?: string;
  constructor(message: string, entry?: string) {
    super(message);
    this.entry = entry;
  }
}

export interface Face {
  /** Stable key: file plus member. */
  key: string;
  file: string;
  /** Metrics and the subsetter. */
  reader: FaceReader;
  postscriptName: string;
  /** Draw with stroke + fill to embolden a face that has no bold weight. */
  fakeBold: boolean;
  /** The style entry it was found by, and where. */
  entry?: string;
  source?: FaceSource;
  /** Something worth telling about the face, e.g. a variable font's instance. */
  note?: string;
}

const cache = new Map<string, { reader: FaceReader; note?: string }>();

/** `file` may end in `#PostScriptName` to pick a member of a .ttc/.otc collection. */
export function openFace(spec: string): Face {
  const m = /^(.*\.(?:ttc|otc))#(.+)$/i.exec(spec);
  const file = m ? m[1] : spec;
  const member = m?.[2];
  let opened = cache.get(spec);
  if (!opened) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new FaceError(`cannot read the font file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    let all: Font | FontCollection;
    try {
      all = fontkit.create(bytes);
    } catch (e) {
      throw new FaceError(`${file} is not a font file fontkit can read (TrueType, OpenType, .ttc or .otc): ${(e as Error).message}`);
    }
    const font = pickMember(all, file, member);
    const tables = (font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
    // CFF2 outlines (variable OpenType/CFF) cannot be subset for PDF embedding.
    if (tables.CFF2) throw new FaceError(`${file} has CFF2 (variable) outlines, which cannot be embedded in a PDF; use a static .otf or .ttf of the weight you want`);
    if (!tables.glyf && !tables['CFF ']) throw new FaceError(`${file} has no TrueType or CFF outlines (bitmap or colour-only fonts cannot be used)`);
    opened = { reader: fontkitReader(font), note: variableNote(font) };
    cache.set(spec, opened);
  }
  const { reader, note } = opened;
  return { key: spec, file, reader, postscriptName: reader.postscriptName || basename(file), fakeBold: false, note };
}

/** A TrueType variable font is embedded at its default instance (its glyf outlines). */
function variableNote(font: Font): string | undefined {
  const axes = Object.entries((font.variationAxes ?? {}) as Record<string, { default: number }>);
  if (!axes.length) return undefined;
  return `variable font, used at its default instance (${axes.map(([tag, a]) => `${tag} ${a.default}`).join(', ')})`;
}

/** By default the Simplified Chinese member of a collection where there is one, else the first. */
const SIMPLIFIED = /CJKsc|(^|[^A-Za-z])(SC|GB|CN|Hans)([^A-Za-z]|$)|[a-z](SC|GB|CN)(?=[-_]|$)/;

function pickMember(opened: Font | FontCollection, file: string, member?: string): Font {
  if (!('fonts' in opened)) {
    if (member && opened.postscriptName !== member) throw new FaceError(`${file} is not a collection; drop "#${member}"`);
    return opened;
  }
  const names = opened.fonts.map((f) => f.postscriptName);
  if (member) {
    const f = opened.fonts.find((x) => x.postscriptName === member);
    if (!f) throw new FaceError(`${file} has no member "${member}"; it holds: ${names.join(', ')}`);
    return f;
  }
  return opened.fonts.find((f) => SIMPLIFIED.test(f.postscriptName ?? '')) ?? opened.fonts[0];
}
