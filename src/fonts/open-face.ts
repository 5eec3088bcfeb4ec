// Open a face file with fontkit, picking a member of a collection, with clear errors.
import { readFileSync } from 'node:fs';
import * as fontkitNs from 'fontkit';
import type { Font, FontCollection } from 'fontkit';

const fontkit = ((fontkitNs as unknown as { default?: typeof fontkitNs }).default ?? fontkitNs) as typeof fontkitNs;

export class FaceError extends Error {}

export interface Face {
  /** Stable key: file plus member. */
  key: string;
  file: string;
  font: Font;
  postscriptName: string;
  /** Draw with stroke + fill to embolden a face that has no bold weight. */
  fakeBold: boolean;
}

const cache = new Map<string, Font>();

/** `file` may end in `#PostScriptName` to pick a member of a .ttc/.otc collection. */
export function openFace(spec: string): Face {
  const hash = spec.lastIndexOf('#');
  const file = hash > 0 && /\.(ttc|otc)#/i.test(spec) ? spec.slice(0, hash) : spec;
  const member = file === spec ? undefined : spec.slice(hash + 1);
  const key = member ? `${file}#${member}` : file;
  let font = cache.get(key);
  if (!font) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new FaceError(`cannot read the font file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    let opened: Font | FontCollection;
    try {
      opened = fontkit.create(bytes);
    } catch (e) {
      throw new FaceError(`${file} is not a font file fontkit can read (TrueType, OpenType, .ttc or .otc): ${(e as Error).message}`);
    }
    font = pickMember(opened, file, member);
    if (font.variationAxes && Object.keys(font.variationAxes).length > 0) {
      // A variable font is used at its default instance; say so rather than guess a weight.
      process.emitWarning?.(`${file} is a variable font; its default instance is used`, { code: 'YB_VARIABLE_FONT' });
    }
    cache.set(key, font);
  }
  return { key, file, font, postscriptName: font.postscriptName, fakeBold: false };
}

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
  // By default the Simplified Chinese member where there is one, else the first.
  return opened.fonts.find((f) => /(SC|GB|CN|Hans)\b|-SC|SC-/.test(f.postscriptName)) ?? opened.fonts[0];
}
