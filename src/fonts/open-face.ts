// Open a face file, picking a member of a collection, with clear errors. TrueType faces
// are read by the own sfnt reader (only the bytes a build needs); CFF faces by fontkit,
// loaded only then.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadFontkit } from '../require-cached.js';
import type { Font, FontCollection } from 'fontkit';
import type { FaceSource } from './lookup.js';
import type { FaceReader } from './face-metrics.js';
import { fontkitReader } from './fontkit-reader.js';
import { openSfnt, type SfntFace } from './sfnt/index.js';

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
  let opened = cache.get(spec);
  if (!opened) {
    opened = open(file, m?.[2]);
    cache.set(spec, opened);
  }
  const { reader, note } = opened;
  return { key: spec, file, reader, postscriptName: reader.postscriptName || basename(file), fakeBold: false, note };
}

function open(file: string, member: string | undefined): { reader: FaceReader; note?: string } {
  if (!existsSync(file)) throw new FaceError(`cannot read the font file ${file}: no such file`);
  let chosen: string | undefined;
  const choose = (names: string[]) => {
    if (member && names.length === 1) throw new FaceError(`${file} is not a collection; drop "#${member}"`);
    if (member && !names.includes(member)) throw new FaceError(`${file} has no member "${member}"; it holds: ${names.join(', ')}`);
    chosen = member ?? names.find((n) => SIMPLIFIED.test(n)) ?? names[0];
    return chosen;
  };
  let face: SfntFace;
  try {
    face = openSfnt(file, choose);
  } catch (e) {
    if (e instanceof FaceError) throw e;
    throw unreadable(file, e);
  }
  // CFF2 outlines (variable OpenType/CFF) cannot be subset for PDF embedding.
  if (face.outlines === 'CFF2') throw new FaceError(`${file} has CFF2 (variable) outlines, which cannot be embedded in a PDF; use a static .otf or .ttf of the weight you want`);
  if (face.outlines === 'none') throw new FaceError(`${file} has no TrueType or CFF outlines (bitmap or colour-only fonts cannot be used)`);
  const note = variableNote(face.table('fvar'));
  if (face.outlines === 'glyf') return { reader: face, note };
  face.close();
  return { reader: fontkitReader(fontkitFont(file, chosen)), note };
}

function unreadable(file: string, e: unknown): FaceError {
  // The reader's own message names the file when the file itself is the problem.
  const why = (e as Error).message.replace(`${file} `, '').replace(/^is not a font file.*$/, '');
  return new FaceError(`${file} is not a font file this program can read (TrueType, OpenType, .ttc or .otc)${why ? `: ${why}` : ''}`);
}

/** A face through fontkit: CFF outlines. */
function fontkitFont(file: string, member: string | undefined): Font {
  let all: Font | FontCollection;
  try {
    all = loadFontkit().create(readFileSync(file));
  } catch (e) {
    throw unreadable(file, e);
  }
  if (!('fonts' in all)) return all;
  return all.fonts.find((x) => x.postscriptName === member) ?? all.fonts[0];
}

/** A TrueType variable font is embedded at its default instance (its glyf outlines): its fvar axes say which. */
function variableNote(fvar: Buffer | undefined): string | undefined {
  if (!fvar || fvar.length < 16) return undefined;
  const axesAt = fvar.readUInt16BE(4);
  const count = fvar.readUInt16BE(8);
  const size = fvar.readUInt16BE(10);
  const axes: string[] = [];
  for (let i = 0; i < count && axesAt + (i + 1) * size <= fvar.length; i++) {
    const at = axesAt + i * size;
    axes.push(`${fvar.toString('latin1', at, at + 4)} ${fvar.readInt32BE(at + 8) / 65536}`);
  }
  return axes.length ? `variable font, used at its default instance (${axes.join(', ')})` : undefined;
}

/** By default the Simplified Chinese member of a collection where there is one, else the first. */
const SIMPLIFIED = /CJKsc|(^|[^A-Za-z])(SC|GB|CN|Hans)([^A-Za-z]|$)|[a-z](SC|GB|CN)(?=[-_]|$)/;
